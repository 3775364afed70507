// SPDX-License-Identifier: MIT
// Who opened a handle is followed with BPF on Linux only; Windows has no tracer here yet
// (WinDbg's !htrace records handle stacks for a process started under it).
#include "handlescope/open_sites.h"

#include "win_internal.h"

namespace hs {

Result<std::unique_ptr<OpenSiteTracer>> OpenSiteTracer::start(Pid pid)
{
    return fail(win::win32Error("trace open sites", pid, -1, ERROR_NOT_SUPPORTED,
                                "following who opens handles is available on Linux only; "
                                "snapshots, diffs, watch and leaks work here"));
}

} // namespace hs
