// SPDX-License-Identifier: MIT
#pragma once

#include "leaks/leakhistory.h"

#include <QAbstractTableModel>

#include <vector>

namespace hs::ui {

/// The leak suspects of the last sample, one row per process, sorted by pid; the view
/// ranks them by growth through a sort proxy. Each sample is merged in (rows that are
/// no longer suspects removed, new ones inserted, the others updated), never a reset, so
/// the selection stays on its process.
class SuspectModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, PidColumn, GrowthColumn, BaselineColumn, NowColumn, GrowsColumn, ColumnCount };

    struct Row {
        SuspectEntry suspect;
        std::vector<KindGrowth> grows; ///< empty until the process was read per type twice
    };

    using QAbstractTableModel::QAbstractTableModel;

    /// Merges the suspects of `history`'s last sample.
    void update(const LeakHistory& history);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const Row& row(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    /// Row of `pid`, -1 if it is not a suspect.
    [[nodiscard]] int rowOfPid(hs::Pid pid) const;

private:
    QString growsText(const Row& row) const;
    static bool sameDisplay(const Row& a, const Row& b);

    std::vector<Row> m_rows;
    qint64 m_windowSeconds = 0;
};

} // namespace hs::ui
