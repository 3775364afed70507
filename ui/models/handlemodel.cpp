// SPDX-License-Identifier: MIT
#include "models/handlemodel.h"

#include "models/roles.h"
#include "util/colors.h"
#include "util/qtstd.h"
#include "util/peertext.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

namespace hs::ui {

HandleModel::HandleModel(QObject* parent)
    : DiffTableModel<HandleRowTraits>(parent)
{
}

int HandleModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool HandleModel::apply(const std::optional<hs::ProcessKey>& process, TableDiff<Item> diff)
{
    if (!DiffTableModel::apply(std::move(diff)))
        return false;
    m_process = process;
    return true;
}

int HandleModel::rowOfValue(hs::HandleValue value) const
{
    // A closed handle and its reused value may both be shown: prefer the live one.
    const auto& rows = *m_rows;
    auto at = std::lower_bound(rows.begin(), rows.end(), value,
                               [](const Row& r, hs::HandleValue v) { return r.item->value < v; });
    for (; at != rows.end() && at->item->value == value; ++at)
        if (at->removedAt == 0)
            return static_cast<int>(at - rows.begin());
    return -1;
}

QVariant HandleModel::display(const hs::HandleInfo& h, int column) const
{
    switch (column) {
    case ValueColumn:
        return QString::number(h.value);
    case HexColumn:
        return QStringLiteral("0x") + QString::number(h.value, 16).toUpper();
    case TypeColumn:
        return typeText(h);
    case NameColumn:
        return nameText(h);
    case AccessColumn:
        return qs(hs::describeAccess(h));
    case InheritableColumn:
        return inheritableText(h);
    case OffsetColumn:
        return h.offset ? QString::number(*h.offset) : QString();
    case ObjectColumn:
        return h.object.valid() ? qs(hs::toString(h.object)) : QString();
    }
    return {};
}

QVariant HandleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const hs::HandleInfo& h = handle(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(h, index.column());
    case Qt::ToolTipRole:
        if (!h.partialError.empty())
            return tr("Partly unreadable: %1").arg(qs(h.partialError));
        if (flashAt(index.row()) == Flash::Removed)
            return tr("Closed since the previous refresh");
        if (index.column() == TypeColumn)
            return qs(h.typeName);
        if (index.column() == NameColumn)
            return nameText(h);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn || index.column() == HexColumn || index.column() == OffsetColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
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
    case Qt::FontRole:
        if (index.column() == HexColumn || index.column() == ObjectColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case HandleValueRole:
        return QVariant::fromValue<qint64>(h.value);
    case FlashRole:
        return static_cast<int>(flashAt(index.row()));
    }
    return {};
}

QVariant HandleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ValueColumn: return tr("Value");
    case HexColumn: return tr("Hex");
    case TypeColumn: return tr("Type");
    case NameColumn: return tr("Name");
    case AccessColumn: return tr("Access");
    case InheritableColumn: return tr("Inheritable");
    case OffsetColumn: return tr("Offset");
    case ObjectColumn: return tr("Object");
    }
    return {};
}

} // namespace hs::ui
