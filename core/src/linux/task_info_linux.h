// SPDX-License-Identifier: MIT
// Every process's details from one BPF task iterator pass (bpf/task_info.bpf.c), for the
// iterator snapshot: what the /proc backend reads with about ten system calls a process.
#pragma once

#include "handlescope/error.h"
#include "handlescope/model.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace hs::linux_ {

/// One process as the iterator saw it.
struct IteratedProcess {
    /// Everything but `executable` (a readlink: see bpf/task_info.bpf.c), `handleCount`
    /// and `accessError`; `commandLine` only when `commandLineComplete`.
    ProcessInfo info;
    /// False when /proc/PID/cmdline must be read instead: an argument area longer than the
    /// program copies, one it could not copy, or one rewritten without its final NUL
    /// (setproctitle), which /proc follows into the environment.
    bool commandLineComplete = false;
    /// Kernel threads: /proc names them by more than their 16-byte comm ("kworker/0:1-events").
    [[nodiscard]] bool nameFromProc() const { return info.state == ProcessState::KernelThread; }
};

/// The /proc/PID/stat state letter (task_state_to_char) of a task's __state and exit_state.
char stateLetter(std::uint32_t state, std::uint32_t exitState);

/// Every thread-group leader the iterator visits, sorted by pid, from `progFd`, the loaded
/// dump_task_info program (one object with the fd program: snapshot_bpf_linux.cpp). An
/// error when it is not loaded (-1: a kernel without sleepable iterators or
/// bpf_copy_from_user_task, before 5.18) or cannot be read; the caller reads /proc instead.
Result<std::vector<IteratedProcess>> readIteratedProcesses(int progFd);

/// Parses the iterator's output (exposed for tests and the fuzzer): records appended to `out`.
Result<void> parseTaskRecords(std::string_view bytes, std::vector<IteratedProcess>& out);

} // namespace hs::linux_
