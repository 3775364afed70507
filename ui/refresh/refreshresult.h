// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace hs::ui {

/// What one background refresh produced. Handed to the UI thread once, which may move the
/// focus handles out of it. The snapshot is shared read-only with the
/// details pane and the find dialog, so it is never copied on the UI thread.
struct RefreshResult {
    quint64 jobId = 0;
    std::shared_ptr<const hs::Snapshot> snapshot;
    std::optional<hs::Error> error; ///< the snapshot itself failed
    /// The process the handle table shows, read again with Detail::Full.
    std::optional<hs::ProcessKey> focus;
    std::optional<hs::Result<std::vector<hs::HandleInfo>>> focusHandles;
    qint64 elapsedMs = 0;
    QDateTime finishedAt;
};

} // namespace hs::ui
