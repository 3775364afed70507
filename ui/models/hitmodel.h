// SPDX-License-Identifier: MIT
#pragma once

#include "refresh/machinesearch.h"

#include <QAbstractTableModel>

#include <vector>

namespace hs::ui {

/// The hits of a machine-wide search, for the Find dialog. A model rather than a
/// QTableWidget: 10,000 hits were 50,000 QTableWidgetItems and 100-135 ms on the UI
/// thread; here a new result is one reset and rows are formatted only when painted.
class HitModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ProcessColumn, PidColumn, HandleColumn, TypeColumn, NameColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setHits(std::vector<MachineHit> hits);
    [[nodiscard]] const MachineHit& hit(int row) const { return m_hits.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<MachineHit> m_hits;
};

} // namespace hs::ui
