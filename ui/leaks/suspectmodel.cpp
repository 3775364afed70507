// SPDX-License-Identifier: MIT
#include "leaks/suspectmodel.h"

#include "models/roles.h"
#include "util/vocabulary.h"

#include <QLocale>

#include <algorithm>

namespace hs::ui {

bool SuspectModel::sameDisplay(const Row& a, const Row& b)
{
    const auto& va = a.suspect.verdict;
    const auto& vb = b.suspect.verdict;
    return a.suspect.name == b.suspect.name && va.growthPerMinute == vb.growthPerMinute && va.baseline == vb.baseline
        && va.latest == vb.latest
        && std::ranges::equal(a.grows, b.grows, [](const KindGrowth& x, const KindGrowth& y) {
               return x.kind == y.kind && x.added == y.added;
           });
}

void SuspectModel::update(const LeakHistory& history)
{
    m_windowSeconds = std::chrono::duration_cast<std::chrono::seconds>(history.window()).count();
    std::vector<Row> fresh;
    for (const SuspectEntry& s : history.suspects())
        fresh.push_back({s, history.growingKinds(s.pid)});
    std::ranges::sort(fresh, {}, [](const Row& r) { return r.suspect.pid; });

    // Walk both lists (sorted by pid) together, as the process model's diff does.
    std::size_t i = 0;
    for (const Row& row : fresh) {
        while (i < m_rows.size() && m_rows[i].suspect.pid < row.suspect.pid) {
            const int at = static_cast<int>(i);
            beginRemoveRows({}, at, at);
            m_rows.erase(m_rows.begin() + at);
            endRemoveRows();
        }
        const int at = static_cast<int>(i);
        if (i < m_rows.size() && m_rows[i].suspect.pid == row.suspect.pid) {
            if (!sameDisplay(m_rows[i], row)) {
                m_rows[i] = row;
                Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, at, at);
            m_rows.insert(m_rows.begin() + at, row);
            endInsertRows();
        }
        ++i;
    }
    if (i < m_rows.size()) {
        beginRemoveRows({}, static_cast<int>(i), static_cast<int>(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(i), m_rows.end());
        endRemoveRows();
    }
}

int SuspectModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SuspectModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int SuspectModel::rowOfPid(hs::Pid pid) const
{
    const auto it = std::ranges::find(m_rows, pid, [](const Row& r) { return r.suspect.pid; });
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

QString SuspectModel::growsText(const Row& row) const
{
    if (row.grows.empty())
        return tr("(reading its handles by type...)");
    QStringList parts;
    for (const KindGrowth& g : row.grows)
        parts.append(tr("%1 +%2").arg(kindName(g.kind)).arg(g.added));
    return parts.join(QLatin1String(", "));
}

QVariant SuspectModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = row(index.row());
    const hs::LeakVerdict& v = r.suspect.verdict;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return r.suspect.name;
        case PidColumn: return QString::number(r.suspect.pid);
        case GrowthColumn: return QLocale().toString(v.growthPerMinute, 'f', 1);
        case BaselineColumn: return QString::number(v.baseline);
        case NowColumn: return QString::number(v.latest);
        case GrowsColumn: return growsText(r);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn && index.column() != GrowsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return tr("%1 (pid %2): its lowest handle count rose in each third of the last %3 s, from %4 to %5 now")
            .arg(r.suspect.name)
            .arg(r.suspect.pid)
            .arg(m_windowSeconds)
            .arg(v.baseline)
            .arg(v.latest);
    case SortRole:
        switch (index.column()) {
        case NameColumn: return r.suspect.name.toLower();
        case PidColumn: return QVariant::fromValue<qint64>(r.suspect.pid);
        case GrowthColumn: return v.growthPerMinute;
        case BaselineColumn: return QVariant::fromValue<qint64>(v.baseline);
        case NowColumn: return QVariant::fromValue<qint64>(v.latest);
        case GrowsColumn: return r.grows.empty() ? qint64(0) : QVariant::fromValue<qint64>(r.grows.front().added);
        }
        return {};
    case PidRole:
        return QVariant::fromValue<qint64>(r.suspect.pid);
    case GrowingKindsRole: {
        QList<int> kinds;
        for (const KindGrowth& g : r.grows)
            kinds.append(static_cast<int>(g.kind));
        return QVariant::fromValue(kinds);
    }
    }
    return {};
}

QVariant SuspectModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case PidColumn: return tr("PID");
        case GrowthColumn: return tr("Growth/min");
        case BaselineColumn: return tr("Baseline");
        case NowColumn: return tr("Now");
        case GrowsColumn: return tr("What grows");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case GrowthColumn: return tr("Handles added per minute over the window (least-squares slope)");
        case BaselineColumn: return tr("The lowest count in the first third of the window");
        case GrowsColumn: return tr("The handle types whose count grew while the process was read by type");
        }
    }
    return {};
}

} // namespace hs::ui
