// SPDX-License-Identifier: MIT
// Built without clang, bpftool or libbpf: there is no iterator to load.
#include "snapshot_bpf_linux.h"

#include "errno_linux.h"

#include <cerrno>

namespace hs::linux_ {

namespace {
Error notBuilt()
{
    return errnoError("load BPF snapshot iterator", ENOSYS, -1, -1,
                      "this build has no BPF backend: install clang, bpftool and libbpf-dev "
                      "(scripts/install-deps.sh) and rebuild, or use HANDLESCOPE_SNAPSHOT_BACKEND=procfs");
}
} // namespace

Result<Snapshot> takeBpfSnapshot(Detail, const CancelToken&)
{
    return fail(notBuilt());
}

Result<Snapshot> visitBpfSnapshot(Detail, SnapshotVisitor&, const CancelToken&)
{
    return fail(notBuilt());
}

} // namespace hs::linux_
