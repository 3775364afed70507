// SPDX-License-Identifier: MIT
#include "util/tableexport.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStringList>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace hs::ui {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString modelToCsv(const QAbstractItemModel& model)
{
    QString out;
    const int columns = model.columnCount();
    QStringList fields;
    for (int c = 0; c < columns; ++c)
        fields << csvField(model.headerData(c, Qt::Horizontal).toString());
    out += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0, n = model.rowCount(); r < n; ++r) {
        fields.clear();
        for (int c = 0; c < columns; ++c)
            fields << csvField(model.index(r, c).data().toString());
        out += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out;
}

QString selectionAsTsv(const QAbstractItemView& view)
{
    const QAbstractItemModel* model = view.model();
    const QItemSelectionModel* selection = view.selectionModel();
    if (!model || !selection)
        return {};
    QList<int> rows;
    for (const QModelIndex& i : selection->selectedRows())
        rows << i.row();
    if (rows.isEmpty() && view.currentIndex().isValid())
        rows << view.currentIndex().row();
    std::sort(rows.begin(), rows.end());

    // Columns in the order the user arranged them, hidden ones left out.
    const QHeaderView* header = nullptr;
    if (auto* table = qobject_cast<const QTableView*>(&view))
        header = table->horizontalHeader();
    else if (auto* tree = qobject_cast<const QTreeView*>(&view))
        header = tree->header();
    QList<int> columns;
    for (int v = 0; v < model->columnCount(); ++v) {
        const int logical = header ? header->logicalIndex(v) : v;
        if (!header || !header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    for (int r : rows) {
        QStringList cells;
        for (int c : columns)
            cells << model->index(r, c).data().toString().replace(QLatin1Char('\t'), QLatin1Char(' '));
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace hs::ui
