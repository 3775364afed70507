// SPDX-License-Identifier: MIT
#include "models/handlemodel.h"

#include "models/roles.h"
#include "util/colors.h"
#include "util/qtstd.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

#include <algorithm>

namespace hs::ui {

HandleModel::HandleModel(QObject* parent)
    : MergingTableModel<HandleRow>(parent)
{
}

int HandleModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

void HandleModel::show(const hs::ProcessKey& process, SharedHandles handles)
{
    const bool sameProcess = m_process == process;
    m_process = process;
    if (!sameProcess)
        merge({}, false); // drop the previous process's rows, then fill
    std::vector<HandleRow::Item> items;
    if (handles) {
        items.reserve(handles->size());
        for (const hs::HandleInfo& h : *handles)
            items.emplace_back(handles, &h); // shares ownership of the whole list
    }
    merge(std::move(items), sameProcess);
}

void HandleModel::show(const hs::ProcessKey& process, std::vector<hs::HandleInfo> handles)
{
    show(process, std::make_shared<const std::vector<hs::HandleInfo>>(std::move(handles)));
}

void HandleModel::clear()
{
    m_process.reset();
    merge({}, false);
    // At once, not sliced: rows of a process no longer shown must not be found (and
    // selected) by rowOfValue while a walk would remove them. One removal, so it is cheap.
    finishMerge();
}

int HandleModel::rowOfValue(hs::HandleValue value) const
{
    // A closed handle and its reused value may both be shown: prefer the live one.
    for (std::size_t row = m_store.partitionPoint([value](const HandleRow& r) { return r.info->value < value; });
         row < m_store.size() && m_store.at(row).info->value == value; ++row)
        if (m_store.at(row).flash != Flash::Removed)
            return static_cast<int>(row);
    return -1;
}

QString HandleModel::typeText(const hs::HandleInfo& h)
{
    // The kind for people; the OS type name for the rest ("anon_inode:[bpf-map]").
    if (h.kind == hs::HandleKind::AnonInode || h.kind == hs::HandleKind::Other || h.kind == hs::HandleKind::Unknown)
        return h.typeName.empty() ? qs(hs::displayName(h.kind)) : qs(h.typeName);
    return qs(hs::displayName(h.kind));
}

QString HandleModel::nameText(const hs::HandleInfo& h)
{
    QString name = qs(h.name);
    if (h.deleted)
        name += tr(" (deleted)");
    return name;
}

QString HandleModel::inheritableText(const hs::HandleInfo& h)
{
    if (!h.inheritable)
        return QString();
    return *h.inheritable ? tr("yes") : tr("no");
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
        return h.accessText.empty() ? qs(hs::toString(h.access)) : qs(h.accessText);
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
    const HandleRow& row = rowAt(index.row());
    const auto& h = *row.info;
    switch (role) {
    case Qt::DisplayRole:
        return display(h, index.column());
    case Qt::ToolTipRole:
        if (!h.partialError.empty())
            return tr("Partly unreadable: %1").arg(qs(h.partialError));
        if (index.column() == TypeColumn)
            return qs(h.typeName);
        if (index.column() == NameColumn)
            return nameText(h);
        if (row.flash == Flash::Removed)
            return tr("Closed since the previous refresh");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn || index.column() == HexColumn || index.column() == OffsetColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (row.flash == Flash::Added)
            return addedBackground(QApplication::palette());
        if (row.flash == Flash::Removed)
            return removedBackground(QApplication::palette());
        return {};
    case Qt::FontRole:
        if (index.column() == HexColumn || index.column() == ObjectColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case SortRole:
        switch (index.column()) {
        case ValueColumn:
        case HexColumn:
            return QVariant::fromValue<qint64>(h.value);
        case OffsetColumn:
            return QVariant::fromValue<qint64>(h.offset ? static_cast<qint64>(*h.offset) : -1);
        default:
            return display(h, index.column()).toString().toLower();
        }
    case HandleValueRole:
        return QVariant::fromValue<qint64>(h.value);
    case FlashRole:
        return static_cast<int>(row.flash);
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
