// SPDX-License-Identifier: MIT
// Windows has no setuid or file capabilities: a process runs with its token's rights,
// which its user chose when starting it elevated.
#include "handlescope/privilege.h"

namespace hs {

std::optional<std::string> elevatedRights() { return std::nullopt; }

} // namespace hs
