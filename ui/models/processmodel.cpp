// SPDX-License-Identifier: MIT
#include "models/processmodel.h"

#include "models/roles.h"
#include "util/colors.h"
#include "util/desktopicons.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

#include <algorithm>
#include <iterator>

namespace hs::ui {

ProcessModel::ProcessModel(QObject* parent)
    : DiffTableModel<ProcessRowTraits>(parent)
{
    // Icons come from the theme (DesktopIcons caches one per icon name); the generic one
    // for programs no .desktop file names.
    QIcon generic;
    if (auto* style = QApplication::style()) {
        generic = QIcon::fromTheme(QStringLiteral("application-x-executable"),
                                   style->standardIcon(QStyle::SP_ComputerIcon));
        m_lockedIcon = style->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    m_icons = new DesktopIcons(generic, DesktopIcons::defaultDirs(), this);
    connect(m_icons, &DesktopIcons::ready, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn), {Qt::DecorationRole});
    });
}

int ProcessModel::uninspectableCount() const
{
    int count = 0;
    for (int row = 0, rows = rowCount(); row < rows; ++row)
        if (process(row).accessError && flashAt(row) != Flash::Removed)
            ++count;
    return count;
}

int ProcessModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int ProcessModel::rowOfPid(hs::Pid pid) const
{
    // Rows are sorted by (pid, start time): the newest process with this pid is the
    // last one before the next pid.
    const auto& rows = *m_rows;
    auto after = std::upper_bound(rows.begin(), rows.end(), pid,
                                  [](hs::Pid p, const Row& r) { return p < r.item.info.pid; });
    if (after == rows.begin() || std::prev(after)->item.info.pid != pid)
        return -1;
    return static_cast<int>(after - rows.begin()) - 1;
}

QVariant ProcessModel::display(const ProcessEntry& row, int column) const
{
    const auto& p = row.info;
    switch (column) {
    case NameColumn:
        return qs(p.name);
    case PidColumn:
        return QString::number(p.pid);
    case UserColumn:
        return qs(p.user);
    case HandlesColumn:
        return p.handleCount >= 0 ? QString::number(p.handleCount) : tr("?");
    case DeltaColumn:
        if (row.delta == 0)
            return QString();
        return row.delta > 0 ? QStringLiteral("+%1").arg(row.delta) : QString::number(row.delta);
    case StateColumn:
        return stateText(p.state);
    }
    return {};
}

QVariant ProcessModel::toolTip(int row) const
{
    const auto& p = process(row);
    if (flashAt(row) == Flash::Removed)
        return tr("%1 (pid %2) has exited").arg(qs(p.name)).arg(p.pid);
    if (p.accessError)
        return tr("%1 (pid %2) cannot be inspected: %3\nTo see more: %4")
            .arg(qs(p.name))
            .arg(p.pid)
            .arg(qs(p.accessError->message()), m_privilegeHint);
    QString tip = tr("%1 (pid %2), user %3").arg(qs(p.name)).arg(p.pid).arg(qs(p.user));
    if (!p.executable.empty())
        tip += QLatin1Char('\n') + qs(p.executable);
    if (!p.commandLine.empty())
        tip += QLatin1Char('\n') + qs(p.commandLine).left(500);
    return tip;
}

QVariant ProcessModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProcessEntry& row = rowAt(index.row()).item;
    const auto& p = row.info;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return p.accessError ? m_lockedIcon : m_icons->iconFor(qs(p.executable), qs(p.name));
        return {};
    case Qt::ToolTipRole:
        return toolTip(index.row());
    case Qt::TextAlignmentRole:
        if (index.column() == PidColumn || index.column() == HandlesColumn || index.column() == DeltaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (p.accessError)
            return mutedText(QApplication::palette());
        return {};
    case Qt::BackgroundRole:
        switch (flashAt(index.row())) {
        case Flash::Added:
            return addedBackground(QApplication::palette());
        case Flash::Removed:
            return removedBackground(QApplication::palette());
        case Flash::None:
            return {};
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return qs(p.name).toLower();
        case PidColumn:
            return QVariant::fromValue<qint64>(p.pid);
        case UserColumn:
            return qs(p.user).toLower();
        case HandlesColumn:
            return QVariant::fromValue<qint64>(p.handleCount);
        case DeltaColumn:
            return QVariant::fromValue<qint64>(row.delta);
        case StateColumn:
            return static_cast<int>(p.state);
        }
        return {};
    case PidRole:
        return QVariant::fromValue<qint64>(p.pid);
    case FlashRole:
        return static_cast<int>(flashAt(index.row()));
    case HistoryRole:
        if (row.history.empty() && p.handleCount >= 0)
            return QVariant::fromValue(QList<qint64>{p.handleCount}); // read once so far
        return QVariant::fromValue(QList<qint64>(row.history.begin(), row.history.end()));
    }
    return {};
}

QVariant ProcessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case PidColumn: return tr("PID");
        case UserColumn: return tr("User");
        case HandlesColumn: return tr("Handles");
        case DeltaColumn: return tr("Change");
        case StateColumn: return tr("State");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case HandlesColumn: return tr("Number of open handles (file descriptors)");
        case DeltaColumn: return tr("Change in the handle count since the previous refresh");
        }
    }
    return {};
}

} // namespace hs::ui
