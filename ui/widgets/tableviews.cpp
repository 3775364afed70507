// SPDX-License-Identifier: MIT
#include "widgets/tableviews.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace hs::ui {

void setupTableView(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* vertical = view->verticalHeader();
    vertical->setVisible(false);
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(view->fontMetrics().height() + 6);
    auto* horizontal = view->horizontalHeader();
    horizontal->setSectionsMovable(true);
    horizontal->setStretchLastSection(true);
    horizontal->setHighlightSections(false);
}

namespace {
int fittedWidth(const QAbstractItemView* view, const QHeaderView* header, int column, int minimum,
                const QStringList& samples)
{
    const QStyle* style = view->style();
    // The header draws its text between two margins, beside the sort arrow.
    const int headerExtra = 2 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header)
        + style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + 8;
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    int width = std::max(minimum, header->fontMetrics().horizontalAdvance(title) + headerExtra);
    const int cellExtra = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) + 4;
    for (const QString& sample : samples)
        width = std::max(width, view->fontMetrics().horizontalAdvance(sample) + cellExtra);
    return width;
}
} // namespace

int fitColumn(QTableView* view, int column, int minimum, const QStringList& samples)
{
    const int width = fittedWidth(view, view->horizontalHeader(), column, minimum, samples);
    view->setColumnWidth(column, width);
    return width;
}

int fitColumn(QTreeView* view, int column, int minimum, const QStringList& samples)
{
    const int width = fittedWidth(view, view->header(), column, minimum, samples);
    view->setColumnWidth(column, width);
    return width;
}

} // namespace hs::ui
