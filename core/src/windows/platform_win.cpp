// SPDX-License-Identifier: MIT
#include "handlescope/inspect.h"

namespace hs {

PlatformInfo platformInfo()
{
    PlatformInfo p;
    p.name = "Windows";
    p.canNarrowAccess = true;
    p.canSetInheritable = true;
    p.hasObjectNames = true;
    p.handleWord = "handle";
    p.privilegeHint = "run as Administrator: HandleScope then enables SeDebugPrivilege to open other users' "
                      "and services' processes (protected processes stay closed)";
    return p;
}

} // namespace hs
