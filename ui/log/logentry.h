// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace hs::ui {

/// One log line as the panel shows it. `level` is spdlog::level::level_enum as int,
/// so this header does not pull spdlog into every widget.
struct LogEntry {
    QDateTime time;
    int level = 0;
    QString logger;
    QString message;
};

} // namespace hs::ui
