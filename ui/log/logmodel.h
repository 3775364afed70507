// SPDX-License-Identifier: MIT
#pragma once

#include "log/logentry.h"

#include <QAbstractTableModel>

#include <deque>
#include <vector>

namespace hs::ui {

/// The log panel's lines, oldest first, capped at maxEntries() (oldest dropped first).
/// Entries arrive in batches from QtLogSink on the UI thread.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, LoggerColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 100 };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(std::vector<LogEntry> entries);
    void clear();
    [[nodiscard]] const LogEntry& entry(int row) const { return m_entries[static_cast<std::size_t>(row)]; }
    void setMaxEntries(int max) { m_max = max; }
    [[nodiscard]] int maxEntries() const { return m_max; }

    static QString levelName(int level);

private:
    std::deque<LogEntry> m_entries;
    int m_max = 20000;
};

} // namespace hs::ui
