// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace hs::ui {

/// Custom roles shared by the models. SortRole gives numbers as numbers (qint64), so
/// the proxies sort PIDs and counts numerically rather than as text.
enum Role : int {
    SortRole = Qt::UserRole + 1,
    PidRole,          ///< qint64 pid of the row's process
    HandleValueRole,  ///< qint64 handle value
    FlashRole,        ///< int(Flash) of the row
    HistoryRole,      ///< QList<qint64>: the process's handle count at its last reads, oldest first
    GrowingKindsRole, ///< QList<int>: the HandleKinds of a leak suspect that grew, most first
};

} // namespace hs::ui
