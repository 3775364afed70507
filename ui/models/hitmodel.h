// SPDX-License-Identifier: MIT
#pragma once

#include "reader/reader.h"

#include <QAbstractTableModel>

#include <vector>

namespace hs::ui {

/// The hits of a machine-wide search, for the Find dialog. A model rather than a
/// QTableWidget: a new result is one reset, and rows are formatted only when painted.
class HitModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ProcessColumn, PidColumn, HandleColumn, TypeColumn, NameColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    /// Shows the hits of a search (shared with the reader's result, not copied); null empties.
    void setHits(std::shared_ptr<const FindRead> hits);
    [[nodiscard]] const FoundHandle& hit(int row) const { return m_hits->hits.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const FindRead> m_hits;
};

} // namespace hs::ui
