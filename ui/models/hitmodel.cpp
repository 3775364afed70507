// SPDX-License-Identifier: MIT
#include "models/hitmodel.h"

#include "models/roles.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

namespace hs::ui {

void HitModel::setHits(std::shared_ptr<const FindRead> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

int HitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_hits ? 0 : static_cast<int>(m_hits->hits.size());
}

int HitModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HitModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FoundHandle& h = hit(index.row());
    switch (role) {
    case PidRole:
        return QVariant::fromValue<qint64>(h.process.pid);
    case HandleValueRole:
        return QVariant::fromValue<qint64>(h.handle.value);
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case ProcessColumn:
            return qs(h.processName);
        case PidColumn:
            return QVariant::fromValue<qint64>(h.process.pid); // sorts as a number
        case HandleColumn:
            return QVariant::fromValue<qint64>(h.handle.value);
        case TypeColumn:
            return typeText(h.handle);
        case NameColumn:
            return qs(hs::describeName(h.handle));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == PidColumn || index.column() == HandleColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant HitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProcessColumn:
        return tr("Process");
    case PidColumn:
        return tr("PID");
    case HandleColumn:
        return tr("Handle");
    case TypeColumn:
        return tr("Type");
    case NameColumn:
        return tr("Name");
    default:
        return {};
    }
}

} // namespace hs::ui
