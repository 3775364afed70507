// SPDX-License-Identifier: MIT
#include "hunt/snapshotdiffmodel.h"

#include "models/roles.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <QStringList>

#include <map>
#include <string>
#include <tuple>

namespace hs::ui {

namespace {

// Top-level rows have internal id 0; a handle row carries its group's row + 1.
constexpr quintptr TopLevel = 0;

const hs::HandleInfo& shownSide(const hs::HandleChange& c)
{
    return c.change == hs::Change::Closed ? c.before : c.after;
}

QString pidsText(const std::vector<hs::Pid>& pids)
{
    QStringList list;
    for (hs::Pid pid : pids)
        list << QString::number(pid);
    return list.join(QStringLiteral(", "));
}

} // namespace

SnapshotDiffModel::SnapshotDiffModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

QString SnapshotDiffModel::changeText(hs::Change change)
{
    switch (change) {
    case hs::Change::Opened:
        return tr("Opened");
    case hs::Change::Closed:
        return tr("Closed");
    case hs::Change::Changed:
        return tr("Changed");
    }
    return {};
}

void SnapshotDiffModel::setDiff(std::shared_ptr<const hs::SnapshotDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    m_members.clear();
    if (m_diff) {
        // The core groups by (change, kind, name pattern); the same key finds each handle's group.
        std::map<std::tuple<hs::Change, hs::HandleKind, std::string>, std::size_t> groupOf;
        for (std::size_t g = 0; g < m_diff->groups.size(); ++g) {
            const auto& group = m_diff->groups[g];
            groupOf.emplace(std::tuple{group.change, group.kind, group.pattern}, g);
        }
        m_members.resize(m_diff->groups.size());
        for (std::size_t i = 0; i < m_diff->handles.size(); ++i) {
            const auto& c = m_diff->handles[i];
            const auto& h = shownSide(c);
            if (auto it = groupOf.find({c.change, h.kind, hs::namePattern(h)}); it != groupOf.end())
                m_members[it->second].push_back(i);
        }
    }
    endResetModel();
}

const hs::ChangeGroup& SnapshotDiffModel::group(int row) const
{
    return m_diff->groups.at(static_cast<std::size_t>(row));
}

QModelIndex SnapshotDiffModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex SnapshotDiffModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, TopLevel);
}

int SnapshotDiffModel::rowCount(const QModelIndex& parent) const
{
    if (!m_diff || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_diff->groups.size());
    if (parent.internalId() != TopLevel)
        return 0;
    return static_cast<int>(m_members.at(static_cast<std::size_t>(parent.row())).size());
}

int SnapshotDiffModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant SnapshotDiffModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_diff)
        return {};
    if (index.internalId() == TopLevel)
        return groupData(index.row(), index.column(), role);
    const auto& members = m_members.at(index.internalId() - 1);
    return handleData(m_diff->handles.at(members.at(static_cast<std::size_t>(index.row()))), index.column(), role);
}

QVariant SnapshotDiffModel::groupData(int row, int column, int role) const
{
    const hs::ChangeGroup& g = group(row);
    if (role == Qt::ToolTipRole && column == NameColumn)
        return tr("For example: %1").arg(qs(g.example));
    if (role == SortRole && column == CountColumn)
        return static_cast<qint64>(g.count);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case ChangeColumn:
        return changeText(g.change);
    case TypeColumn:
        return kindName(g.kind);
    case NameColumn:
        return qs(g.pattern);
    case CountColumn:
        return static_cast<qint64>(g.count);
    case ProcessColumn:
        return pidsText(g.pids);
    default:
        return {};
    }
}

QVariant SnapshotDiffModel::handleData(const hs::HandleChange& c, int column, int role) const
{
    const hs::HandleInfo& h = shownSide(c);
    if (role == Qt::ToolTipRole && c.change == hs::Change::Changed) {
        QStringList fields;
        for (const auto& f : c.changedFields)
            fields << qs(f);
        return tr("Changed: %1\nBefore: %2").arg(fields.join(QStringLiteral(", ")), qs(hs::describeName(c.before)));
    }
    if (role == PidRole)
        return static_cast<qint64>(c.pid);
    if (role == HandleValueRole)
        return static_cast<qint64>(h.value);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TypeColumn: // the change is its group's: not repeated on every handle
        return typeText(h);
    case NameColumn:
        return qs(hs::describeName(h));
    case HandleColumn:
        return static_cast<qint64>(h.value);
    case ProcessColumn:
        return tr("%1 (%2)").arg(qs(c.processName)).arg(c.pid);
    default:
        return {};
    }
}

QVariant SnapshotDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case TypeColumn:
        return tr("Type");
    case NameColumn:
        return tr("Name or pattern");
    case CountColumn:
        return tr("Count");
    case HandleColumn:
        return handleWord();
    case ProcessColumn:
        return tr("Process");
    default:
        return {};
    }
}

} // namespace hs::ui
