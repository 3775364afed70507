// SPDX-License-Identifier: MIT
#pragma once

// HANDLESCOPE_SNAPSHOT_BACKEND, which forces the whole-machine reads (takeSnapshot,
// countHandles) to one backend, for tests and benchmarks.

#include "handlescope/error.h"

namespace hs::linux_ {

enum class ForcedBackend { None, Procfs, BpfIter };

/// What the variable asks for: None when unset or empty; an EINVAL error for another value.
Result<ForcedBackend> forcedBackend();

} // namespace hs::linux_
