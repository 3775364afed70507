// SPDX-License-Identifier: MIT
// Test seams of the duplication backend (used by tests/dup only).
#pragma once

#include <functional>

namespace hs::linux_::inject::testing {

/// Runs inside closeRemoteHandle after the fd's identity was pinned (a reference copy
/// taken) and before the target is stopped: a test changes what the fd number names
/// here to prove the close is refused. Pass {} to remove.
void setBeforeCloseHook(std::function<void()> hook);

} // namespace hs::linux_::inject::testing
