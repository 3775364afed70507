// SPDX-License-Identifier: MIT
#pragma once

namespace hs::linux_ {

/// nice 10 for the calling thread (Priority::Background). On Linux nice is per thread,
/// threads it starts inherit it, and without privilege it cannot be raised again: it is
/// for good. Setting the same value again is allowed, so calling it per job is cheap.
void lowerThisThreadsPriority();

} // namespace hs::linux_
