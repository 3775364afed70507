// SPDX-License-Identifier: MIT
#include "common/visit_whole.h"

namespace hs::detail {

Result<Snapshot> visitWholeSnapshot(SnapshotVisitor& visitor, Detail detail, const CancelToken& cancel)
{
    auto snap = takeSnapshot(detail, cancel);
    if (!snap)
        return fail(snap.error());
    Snapshot header;
    header.takenAt = snap->takenAt;
    header.duration = snap->duration;
    header.detail = snap->detail;
    header.backend = snap->backend;
    visitor.begin(header);
    for (auto& p : snap->processes)
        visitor.process(p);
    return header;
}

} // namespace hs::detail
