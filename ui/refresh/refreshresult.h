// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"
#include "models/handlerow.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace hs::ui {

/// What one background refresh produced. The focus handles are shared read-only with the
/// handle model, so they are never copied on the UI thread, and they are freed on a worker
/// thread when the last one lets go.
struct RefreshResult {
    quint64 jobId = 0;
    std::vector<hs::ProcessInfo> processes; ///< sorted by pid, with handle counts
    std::optional<hs::Error> error;         ///< listing the processes failed
    /// The process the handle table shows, read again with Detail::Full.
    std::optional<hs::ProcessKey> focus;
    std::optional<hs::Result<SharedHandles>> focusHandles;
    qint64 elapsedMs = 0;
    QDateTime finishedAt;
};

} // namespace hs::ui
