// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace hs::ui {

/// Paints a cell's text over a sparkline of the row's HistoryRole (the process table's
/// handle count at its last reads): a process that keeps growing shows a rising line at
/// a glance, without opening the chart.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace hs::ui
