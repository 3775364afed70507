// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QSizeF>

#include <vector>

class QFontMetricsF;

namespace hs::ui {

/// The sizes the map is drawn with, from the font (so it scales with the user's font and
/// the screen's device pixel ratio stays Qt's business: all sizes are logical).
struct HandleMapMetrics {
    qreal margin = 12;
    qreal columnWidth = 170;
    qreal headerHeight = 40;
    qreal slotHeight = 26;
    qreal slotSpacing = 6;
    qreal arrowGap = 90; ///< between a column and the object: room for the arrows
    qreal columnGap = 16; ///< between two columns on the same side
    qreal objectWidth = 260;
    qreal objectHeight = 110;
    qreal captionHeight = 60; ///< the holder count and the step under the object

    static HandleMapMetrics fromFont(const QFontMetricsF& font);
};

/// Where each part of the map goes. Entries are the slots the map draws: the object's
/// holders first (the model's rows, in order), then the peer object's holders.
struct HandleMapGeometry {
    std::vector<QRectF> columns; ///< one per process, header included
    std::vector<QRectF> headers;
    std::vector<QRectF> entries; ///< one per entry, in its process's column
    QRectF object;
    QRectF caption;
    QRectF peerObject; ///< empty without a peer
    QSizeF size; ///< what the whole map needs

    /// True if column `column` is left of the object (its arrows leave on the right).
    int leftColumns = 0;
    [[nodiscard]] bool isLeft(int column) const { return column < leftColumns; }
};

/// Lays out `columnCount` process columns around the object, half on its left and half on
/// its right; entry i goes in column `columnOfEntry[i]` below the entries before it there.
/// Entries from `firstPeerEntry` on belong to the peer object, drawn under the caption
/// (none if firstPeerEntry == size). The map is centred in `width` when that is wider.
HandleMapGeometry layoutHandleMap(const std::vector<int>& columnOfEntry, int columnCount, std::size_t firstPeerEntry,
    qreal width, const HandleMapMetrics& metrics);

} // namespace hs::ui
