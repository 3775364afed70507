// SPDX-License-Identifier: MIT
#pragma once

#include "models/difftablemodel.h"
#include "models/processrow.h"

#include <QIcon>

namespace hs::ui {
class DesktopIcons;
}

namespace hs::ui {

/// All processes of the last read. Rows change only through diffs (never a reset).
class ProcessModel : public DiffTableModel<ProcessRowTraits> {
    Q_OBJECT
public:
    enum Column { NameColumn, PidColumn, UserColumn, HandlesColumn, DeltaColumn, StateColumn, ColumnCount };

    explicit ProcessModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const hs::ProcessInfo& process(int row) const { return rowAt(row).item.info; }
    /// Row of the newest process with this pid, -1 if none.
    [[nodiscard]] int rowOfPid(hs::Pid pid) const;
    /// Shown in the tooltip of processes we may not inspect.
    void setPrivilegeHint(const QString& hint) { m_privilegeHint = hint; }
    /// Rows the current user may not inspect (their handles are hidden), gone ones left out.
    [[nodiscard]] int uninspectableCount() const;

Q_SIGNALS:
    /// After each change of the rows, once they are all in place (the tree follows then).
    void rowsSettled();

protected:
    void rowsApplied() override { Q_EMIT rowsSettled(); }

private:
    QVariant display(const ProcessEntry& row, int column) const;
    QVariant toolTip(int row) const;

    QIcon m_lockedIcon;
    DesktopIcons* m_icons = nullptr;
    QString m_privilegeHint;
};

} // namespace hs::ui
