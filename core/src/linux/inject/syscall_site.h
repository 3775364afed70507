// SPDX-License-Identifier: MIT
// Where in the target to execute an injected syscall: an existing `syscall` (0f 05).
// Never write code into the target: a sibling thread could run the patched bytes.
#pragma once

#include "inject_common.h"

#include <sys/user.h>

namespace hs::linux_::inject {

struct SyscallSite {
    unsigned long long address = 0;
    const char* origin = ""; ///< "interrupted syscall", "vdso", "executable mapping"
};

/// 1. the instruction just before RIP when the thread was stopped in a syscall,
/// 2. one in the vDSO (AT_SYSINFO_EHDR from /proc/PID/auxv),
/// 3. one in an executable mapping of the process.
Result<SyscallSite> findSyscallSite(pid_t pid, pid_t tid, const user_regs_struct& regs);

} // namespace hs::linux_::inject
