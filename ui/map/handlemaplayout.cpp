// SPDX-License-Identifier: MIT
#include "map/handlemaplayout.h"

#include <QFontMetricsF>

#include <algorithm>

namespace hs::ui {

HandleMapMetrics HandleMapMetrics::fromFont(const QFontMetricsF& font)
{
    const qreal line = font.height();
    const qreal ch = font.averageCharWidth();
    HandleMapMetrics m;
    m.margin = line;
    m.columnWidth = ch * 20;
    m.headerHeight = line * 2.4;
    m.slotHeight = line * 1.7;
    m.slotSpacing = line * 0.4;
    m.arrowGap = ch * 8;
    m.columnGap = ch * 2;
    m.objectWidth = ch * 40;
    m.objectHeight = line * 7.4;
    m.captionHeight = line * 4.4;
    return m;
}

HandleMapGeometry layoutHandleMap(const std::vector<int>& columnOfEntry, int columnCount, std::size_t firstPeerEntry,
    qreal width, const HandleMapMetrics& m)
{
    HandleMapGeometry g;
    const int columns = std::max(columnCount, 0);
    g.leftColumns = (columns + 1) / 2;
    const int rightColumns = columns - g.leftColumns;
    auto sideWidth = [&](int n) { return n > 0 ? n * m.columnWidth + (n - 1) * m.columnGap + m.arrowGap : 0.0; };
    const qreal natural = 2 * m.margin + sideWidth(g.leftColumns) + m.objectWidth + sideWidth(rightColumns);
    const qreal left = m.margin + std::max(0.0, (width - natural) / 2);

    // Slots: stacked in their column below its header.
    std::vector<int> filled(static_cast<std::size_t>(columns), 0);
    const qreal top = m.margin;
    const qreal firstSlot = top + m.headerHeight + m.slotSpacing;
    auto columnX = [&](int c) {
        if (c < g.leftColumns)
            return left + c * (m.columnWidth + m.columnGap);
        return left + sideWidth(g.leftColumns) + m.objectWidth + m.arrowGap
            + (c - g.leftColumns) * (m.columnWidth + m.columnGap);
    };
    const qreal inset = m.slotSpacing;
    for (int column : columnOfEntry) {
        if (column < 0 || column >= columns) {
            g.entries.emplace_back();
            continue;
        }
        int& n = filled[static_cast<std::size_t>(column)];
        g.entries.emplace_back(columnX(column) + inset, firstSlot + n * (m.slotHeight + m.slotSpacing),
            m.columnWidth - 2 * inset, m.slotHeight);
        ++n;
    }
    const int deepest = filled.empty() ? 0 : *std::max_element(filled.begin(), filled.end());
    const qreal columnHeight = m.headerHeight + m.slotSpacing + deepest * (m.slotHeight + m.slotSpacing);

    // The object beside the middle of the object's own slots, never above the headers.
    qreal mainBottom = firstSlot;
    for (std::size_t i = 0; i < std::min(firstPeerEntry, g.entries.size()); ++i)
        mainBottom = std::max(mainBottom, g.entries[i].bottom());
    const qreal objectX = left + sideWidth(g.leftColumns);
    const qreal objectY = std::max(top + m.headerHeight, (firstSlot + mainBottom) / 2 - m.objectHeight / 2);
    g.object = QRectF(objectX, objectY, m.objectWidth, m.objectHeight);
    g.caption = QRectF(objectX, g.object.bottom(), m.objectWidth, m.captionHeight);
    qreal bottom = std::max(top + columnHeight, g.caption.bottom());
    if (firstPeerEntry < g.entries.size()) {
        qreal peerTop = g.caption.bottom() + m.slotSpacing;
        for (std::size_t i = firstPeerEntry; i < g.entries.size(); ++i)
            peerTop = std::max(peerTop, g.entries[i].top() - m.objectHeight / 4);
        g.peerObject = QRectF(objectX, peerTop, m.objectWidth, m.objectHeight * 0.6);
        bottom = std::max(bottom, g.peerObject.bottom());
    }
    for (int c = 0; c < columns; ++c) {
        g.columns.emplace_back(columnX(c), top, m.columnWidth, columnHeight);
        g.headers.emplace_back(columnX(c), top, m.columnWidth, m.headerHeight);
    }
    g.size = QSizeF(natural, bottom + m.margin);
    return g;
}

} // namespace hs::ui
