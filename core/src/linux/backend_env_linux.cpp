// SPDX-License-Identifier: MIT
#include "backend_env_linux.h"

#include "errno_linux.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <string_view>

namespace hs::linux_ {

Result<ForcedBackend> forcedBackend()
{
    const char* env = std::getenv("HANDLESCOPE_SNAPSHOT_BACKEND");
    const std::string_view forced = env ? env : "";
    if (forced.empty())
        return ForcedBackend::None;
    if (forced == "procfs")
        return ForcedBackend::Procfs;
    if (forced == "bpf-iter")
        return ForcedBackend::BpfIter;
    return fail(errnoError("choose snapshot backend '" + std::string(forced) + "'", EINVAL, -1, -1,
                           "set HANDLESCOPE_SNAPSHOT_BACKEND to procfs or bpf-iter, or unset it"));
}

} // namespace hs::linux_
