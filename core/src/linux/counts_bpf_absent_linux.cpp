// SPDX-License-Identifier: MIT
// Built without clang, bpftool or libbpf: there is no iterator to load.
#include "counts_linux.h"

#include "errno_linux.h"

#include <cerrno>

namespace hs::linux_ {

Result<HandleCounts> countHandlesBpf(const CancelToken&)
{
    return fail(errnoError("load BPF count iterator", ENOSYS, -1, -1,
                           "this build has no BPF backend: install clang, bpftool and libbpf-dev "
                           "(scripts/install-deps.sh) and rebuild, or use HANDLESCOPE_SNAPSHOT_BACKEND=procfs"));
}

} // namespace hs::linux_
