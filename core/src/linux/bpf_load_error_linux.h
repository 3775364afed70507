// SPDX-License-Identifier: MIT
// What a failed BPF load tells the user, the same for every program we load.
#pragma once

#include "errno_linux.h"

#include <cerrno>
#include <string>

namespace hs::linux_ {

inline Error bpfLoadError(const char* operation, int err)
{
    std::string hint = (err == EPERM || err == EACCES)
        ? "loading BPF needs root or CAP_BPF and CAP_PERFMON; HANDLESCOPE_SNAPSHOT_BACKEND=procfs reads /proc instead"
        : "the kernel needs BTF (/sys/kernel/btf/vmlinux) and BPF iterators (5.8+); "
          "HANDLESCOPE_SNAPSHOT_BACKEND=procfs reads /proc instead";
    return errnoError(operation, err, -1, -1, std::move(hint));
}

} // namespace hs::linux_
