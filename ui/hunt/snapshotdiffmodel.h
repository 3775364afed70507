// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/diff.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace hs::ui {

/// A snapshot diff as a tree: one row per group (change, type, name pattern, count), its
/// children the handles of that group, so a leak reads as "Opened 40 socket udp" and
/// opens up to the 40 fds behind it.
class SnapshotDiffModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column : int { ChangeColumn, CountColumn, TypeColumn, NameColumn, HandleColumn, ProcessColumn, ColumnCount };

    explicit SnapshotDiffModel(QObject* parent = nullptr);

    void setDiff(std::shared_ptr<const hs::SnapshotDiff> diff);
    [[nodiscard]] const hs::SnapshotDiff* diff() const { return m_diff.get(); }

    /// The group shown at `row`, and the handles under it (indexes into diff()->handles).
    [[nodiscard]] const hs::ChangeGroup& group(int row) const;
    [[nodiscard]] const std::vector<std::size_t>& handlesOf(int row) const
    {
        return m_members.at(static_cast<std::size_t>(row));
    }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Opened", "Closed", "Changed", translated.
    static QString changeText(hs::Change change);

private:
    QVariant groupData(int row, int column, int role) const;
    QVariant handleData(const hs::HandleChange& change, int column, int role) const;

    std::shared_ptr<const hs::SnapshotDiff> m_diff;
    std::vector<std::vector<std::size_t>> m_members; ///< per group: its handles
};

} // namespace hs::ui
