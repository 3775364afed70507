// SPDX-License-Identifier: MIT
#include "widgets/tableviews.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

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

} // namespace hs::ui
