// SPDX-License-Identifier: MIT
// Built without clang, bpftool, libbpf or libdw: there is no tracer to load.
#include "handlescope/open_sites.h"

#include "errno_linux.h"

#include <cerrno>

namespace hs {

Result<std::unique_ptr<OpenSiteTracer>> OpenSiteTracer::start(Pid pid)
{
    return fail(linux_::errnoError("trace open sites", ENOSYS, pid, -1,
                                   "this build has no BPF tracer: install clang, bpftool, libbpf-dev and libdw-dev "
                                   "(scripts/install-deps.sh) and rebuild"));
}

} // namespace hs
