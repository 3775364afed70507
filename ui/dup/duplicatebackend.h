// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/duplicate.h"

namespace hs::ui {

/// The core's duplicate/close calls, behind one seam: the build uses the core's when it
/// has them (duplicatebackend_core.cpp) and a stub that fails with a clear error while
/// a platform has none yet (duplicatebackend_missing.cpp), chosen in CMake.
hs::Result<hs::DuplicateResult> runDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                             const hs::DuplicateOptions& options);
hs::Result<void> runCloseRemote(hs::Pid pid, hs::HandleValue handle);
std::vector<std::string> previewDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                          const hs::DuplicateOptions& options);

} // namespace hs::ui
