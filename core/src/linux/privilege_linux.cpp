// SPDX-License-Identifier: MIT
#include "handlescope/privilege.h"

#include <sys/auxv.h>

namespace hs {

std::optional<std::string> elevatedRights()
{
    // AT_SECURE is what the dynamic loader itself uses to ignore LD_PRELOAD and friends: set
    // when exec gave this process file capabilities or a setuid/setgid identity.
    if (::getauxval(AT_SECURE) == 0)
        return std::nullopt;
    return "this program runs with rights its user does not have (file capabilities or a setuid/setgid bit, "
           "AT_SECURE)";
}

} // namespace hs
