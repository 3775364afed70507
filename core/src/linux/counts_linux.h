// SPDX-License-Identifier: MIT
#pragma once

// The two ways to count the machine's handles on Linux. countHandles (counts_linux.cpp)
// picks one as takeSnapshot does: HANDLESCOPE_SNAPSHOT_BACKEND if set, else the BPF
// iterator when it loads, else /proc; and /proc when no kinds are wanted and it is cheap.

#include "handlescope/counts.h"

namespace hs::linux_ {

/// One fstat of /proc/PID/fd per process (backend "procfs"); no kinds.
Result<HandleCounts> countHandlesProcfs(const CancelToken& cancel);

/// Whether st_size of /proc/PID/fd is its number of fds (Linux 6.2+): then the /proc
/// backend costs one fstat per process, whatever the number of fds.
bool fdDirSizeIsCount();

/// One read of a BPF task iterator that counts in the kernel, per process and per
/// kind (backend "bpf-iter"). Fails when it cannot be loaded (not built, no privilege, no
/// BTF); the first failure is kept and returned again without another try.
Result<HandleCounts> countHandlesBpf(const CancelToken& cancel);

} // namespace hs::linux_
