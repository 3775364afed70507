// SPDX-License-Identifier: MIT
#include "handlescope/inspect.h"

namespace hs {

PlatformInfo platformInfo()
{
    return PlatformInfo{
        .name = "Linux",
        .canNarrowAccess = false,
        .canSetInheritable = true,
        .hasObjectNames = false,
        .handleWord = "fd",
        .privilegeHint = "To see and act on other users' processes, run as root: sudo handlescope-cli ..., "
                         "or pkexec handlescope for the desktop app",
    };
}

} // namespace hs
