// SPDX-License-Identifier: MIT
// The platform-neutral half of the open-site report: the fds a trace saw opened, matched
// against the fds the process holds now.
#pragma once

#include "handlescope/open_sites.h"

#include <map>
#include <vector>

namespace hs {

/// An fd the trace saw opened and not closed: the stack that opened it and the file it
/// referred to then (identity 0:0 when the trace could not read it).
struct TracedFd {
    std::size_t site = 0; ///< index into the stacks passed to groupBySite
    ObjectId object;
};

/// Groups the live fds by open site. A live fd counts for its traced site only when its
/// identity is the one seen at the open (a missed close followed by an open elsewhere, or
/// an exec that closed it, must not blame the wrong code); otherwise, or when untraced, it
/// goes to unknownOrigin. Sites without live fds are left out; most fds first. Fills the
/// report's sites and unknownOrigin only.
void groupBySite(const std::map<HandleValue, TracedFd>& traced, const std::vector<std::vector<StackFrame>>& stacks,
                 const std::vector<HandleInfo>& live, OpenSiteReport& report);

} // namespace hs
