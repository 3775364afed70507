// SPDX-License-Identifier: MIT
#pragma once

#include "models/handlerow.h"
#include "models/mergingtablemodel.h"

#include <optional>
#include <vector>

namespace hs::ui {

/// The handles of one process, merged on each refresh (never reset).
class HandleModel : public MergingTableModel<HandleRow> {
    Q_OBJECT
public:
    enum Column {
        ValueColumn,
        HexColumn,
        TypeColumn,
        NameColumn,
        AccessColumn,
        InheritableColumn,
        OffsetColumn,
        ObjectColumn,
        ColumnCount
    };

    explicit HandleModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Show the handles of `process`. The same process as before merges with highlights;
    /// another process replaces the rows without highlights (still no reset).
    void show(const hs::ProcessKey& process, SharedHandles handles);
    /// Same, for a list the caller owns (tests, small lists): it is copied once.
    void show(const hs::ProcessKey& process, std::vector<hs::HandleInfo> handles);
    /// Empty the table (no process selected, or one we may not inspect).
    void clear();
    [[nodiscard]] std::optional<hs::ProcessKey> process() const { return m_process; }

    [[nodiscard]] const hs::HandleInfo& handle(int row) const { return *rowAt(row).info; }
    /// Row of the live (not closing) handle with this value, -1 if none.
    [[nodiscard]] int rowOfValue(hs::HandleValue value) const;

    static QString typeText(const hs::HandleInfo& h);
    static QString nameText(const hs::HandleInfo& h);
    static QString inheritableText(const hs::HandleInfo& h);

private:
    QVariant display(const hs::HandleInfo& h, int column) const;

    std::optional<hs::ProcessKey> m_process;
};

} // namespace hs::ui
