// SPDX-License-Identifier: MIT
#pragma once

#include "models/difftablemodel.h"
#include "models/handlerow.h"

#include <optional>

namespace hs::ui {

/// The handles of one process. Rows change only through diffs (never a reset).
class HandleModel : public DiffTableModel<HandleRowTraits> {
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

    /// The process whose handles the rows are (set with the diff that shows them).
    [[nodiscard]] std::optional<hs::ProcessKey> process() const { return m_process; }
    /// Applies a diff of `process`'s handles; false if it was computed against other rows.
    bool apply(const std::optional<hs::ProcessKey>& process, TableDiff<Item> diff);

    [[nodiscard]] const hs::HandleInfo& handle(int row) const { return *rowAt(row).item; }
    /// Row of the live (not closed) handle with this value, -1 if none.
    [[nodiscard]] int rowOfValue(hs::HandleValue value) const;

Q_SIGNALS:
    /// The rows changed (a diff was applied or a row added).
    void changed();

protected:
    void rowsApplied() override { Q_EMIT changed(); }

private:
    QVariant display(const hs::HandleInfo& h, int column) const;

    std::optional<hs::ProcessKey> m_process;
};

} // namespace hs::ui
