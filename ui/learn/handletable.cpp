// SPDX-License-Identifier: MIT
#include "learn/handletable.h"

#include "handlescope/inspect.h"

#include <QHeaderView>

namespace hs::ui {

namespace {
enum Column { ValueColumn, TypeColumn, NameColumn, NoteColumn, ColumnCount };
} // namespace

HandleTable::HandleTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Value"), tr("Type"), tr("Name"), tr("Note")});
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::ResizeToContents);
    connect(this, &QTableWidget::itemSelectionChanged, this, [this] {
        if (const hs::HandleInfo* h = selectedHandle())
            Q_EMIT handleSelected(h->value);
    });
}

QString HandleTable::reload(hs::Pid pid)
{
    auto listed = hs::listHandles(pid, hs::Detail::Full);
    const QSignalBlocker quiet(this);
    setRowCount(0);
    m_handles.clear();
    if (!listed) {
        const QString why = QString::fromStdString(listed.error().message());
        setRowCount(1);
        setItem(0, NameColumn, new QTableWidgetItem(why));
        return why;
    }
    m_handles = std::move(*listed);
    setRowCount(static_cast<int>(m_handles.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const hs::HandleInfo& h = m_handles[static_cast<std::size_t>(row)];
        auto* value = new QTableWidgetItem(QString::number(h.value));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, ValueColumn, value);
        setItem(row, TypeColumn, new QTableWidgetItem(QString::fromStdString(h.typeName)));
        setItem(row, NameColumn, new QTableWidgetItem(QString::fromStdString(h.name)));
        setItem(row, NoteColumn, new QTableWidgetItem());
    }
    resizeColumnToContents(ValueColumn);
    resizeColumnToContents(TypeColumn);
    return {};
}

const hs::HandleInfo* HandleTable::selectedHandle() const
{
    const auto rows = selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= static_cast<int>(m_handles.size()))
        return nullptr;
    return &m_handles[static_cast<std::size_t>(rows.first().row())];
}

int HandleTable::rowOfValue(hs::HandleValue value) const
{
    for (std::size_t i = 0; i < m_handles.size(); ++i)
        if (m_handles[i].value == value)
            return static_cast<int>(i);
    return -1;
}

bool HandleTable::selectValue(hs::HandleValue value)
{
    const int row = rowOfValue(value);
    if (row < 0)
        return false;
    selectRow(row);
    scrollToItem(item(row, ValueColumn));
    return true;
}

void HandleTable::mark(hs::HandleValue value, const QString& note)
{
    const int row = rowOfValue(value);
    if (row < 0)
        return;
    for (int c = 0; c < ColumnCount; ++c) {
        QFont f = item(row, c)->font();
        f.setBold(true);
        item(row, c)->setFont(f);
    }
    item(row, NoteColumn)->setText(note);
    scrollToItem(item(row, ValueColumn));
}

} // namespace hs::ui
