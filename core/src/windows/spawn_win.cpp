// SPDX-License-Identifier: MIT
#include "handlescope/spawn.h"

namespace hs {

// CreateProcess passes only inheritable handles; the log file is made uninheritable
// where it is opened (log_file_win.cpp).
void closeInheritedHandlesOnExec() noexcept {}

} // namespace hs
