// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"
#include "models/handlerow.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace hs::ui {

/// What one background refresh produced. The snapshot and the focus handles are shared
/// read-only with the models, the details pane and the find dialog, so they are never
/// copied on the UI thread, and they are freed on a worker thread when the last one lets go.
struct RefreshResult {
    quint64 jobId = 0;
    std::shared_ptr<const hs::Snapshot> snapshot;
    std::optional<hs::Error> error; ///< the snapshot itself failed
    /// The process the handle table shows, read again with Detail::Full.
    std::optional<hs::ProcessKey> focus;
    std::optional<hs::Result<SharedHandles>> focusHandles;
    qint64 elapsedMs = 0;
    QDateTime finishedAt;
};

} // namespace hs::ui
