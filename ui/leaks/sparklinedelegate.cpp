// SPDX-License-Identifier: MIT
#include "leaks/sparklinedelegate.h"

#include "models/roles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hs::ui {

namespace {
constexpr int SparklineWidth = 48; // wide enough to see a slope, narrow enough for the column
}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The row's background, selection and text as usual; the line goes under the text's
    // left side, in the space a right-aligned number leaves free.
    QStyledItemDelegate::paint(painter, option, index);
    const auto history = index.data(HistoryRole).value<QList<qint64>>();
    if (history.size() < 2)
        return;
    const auto [low, high] = std::minmax_element(history.begin(), history.end());
    const QRectF area = QRectF(option.rect).adjusted(3, 3, 0, -3);
    const qreal width = std::min<qreal>(SparklineWidth, area.width() / 2);
    const qreal span = static_cast<qreal>(*high - *low);
    QPainterPath path;
    for (qsizetype i = 0; i < history.size(); ++i) {
        const qreal x = area.left() + width * static_cast<qreal>(i) / static_cast<qreal>(history.size() - 1);
        // A flat history is a line through the middle, not along the bottom.
        const qreal level = span > 0 ? static_cast<qreal>(history[i] - *low) / span : 0.5;
        const QPointF point(x, area.bottom() - level * area.height());
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    QColor color = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Link);
    color.setAlphaF(0.8f);
    painter->setPen(QPen(color, 1.2));
    painter->drawPath(path);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += SparklineWidth + 6;
    return size;
}

} // namespace hs::ui
