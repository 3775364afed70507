// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/inspect.h"

namespace hs::detail {

/// visitSnapshot for a backend that reads the whole machine before it can hand anything
/// over: takes the snapshot, then passes each process to the visitor.
Result<Snapshot> visitWholeSnapshot(SnapshotVisitor& visitor, Detail detail, const CancelToken& cancel);

} // namespace hs::detail
