// SPDX-License-Identifier: MIT
#include "dup/duplicatebackend.h"

namespace hs::ui {

hs::Result<hs::DuplicateResult> runDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                             const hs::DuplicateOptions& options)
{
    return hs::duplicateHandle(source, handle, target, options);
}

hs::Result<void> runCloseRemote(hs::Pid pid, hs::HandleValue handle) { return hs::closeRemoteHandle(pid, handle); }

std::vector<std::string> previewDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                          const hs::DuplicateOptions& options)
{
    return hs::describeDuplicate(source, handle, target, options);
}

} // namespace hs::ui
