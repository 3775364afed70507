// SPDX-License-Identifier: MIT
#pragma once

#include "map/handlemaplayout.h"

#include <QRectF>
#include <QWidget>

namespace hs::ui {

class HandleMapModel;
struct MapSlot;

/// The handle map drawn: one column per process (its handle-table slots with their
/// values), the kernel object between them, an arrow from every slot that refers to it
/// and the holder count. It follows the model: a slot a duplicate adds appears
/// highlighted, a slot close-source removes goes, the step in progress (or the one that
/// failed, in red) is written under the object. A peer (the other end of a socket) is
/// drawn dashed under the object with its own holders. Colours come from the palette.
class HandleMapView : public QWidget {
    Q_OBJECT
public:
    explicit HandleMapView(HandleMapModel* model, QWidget* parent = nullptr);

    [[nodiscard]] HandleMapModel* model() const { return m_model; }

    /// Where the view draws the model's row `row` (its slot), in widget coordinates; empty
    /// for a row it does not show. For tests and for tooltips.
    [[nodiscard]] QRectF slotRect(int row) const;
    /// Where the view draws the object.
    [[nodiscard]] QRectF objectRect() const;
    /// Where the view draws the peer's slot `index` and the peer object (empty: none).
    [[nodiscard]] QRectF peerSlotRect(int index) const;
    [[nodiscard]] QRectF peerRect() const;
    /// The text under the object: the holder count, then the step in progress or the failure.
    [[nodiscard]] QString captionText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] HandleMapGeometry geometry(qreal width) const;
    void relayout();
    void drawColumn(QPainter& painter, int column, const HandleMapGeometry& g) const;
    void drawSlot(QPainter& painter, const QRectF& rect, const MapSlot& slot) const;
    void drawObject(QPainter& painter, const QRectF& rect) const;
    void drawPeer(QPainter& painter, const QRectF& rect) const;
    void drawCaption(QPainter& painter, const QRectF& rect) const;

    HandleMapModel* m_model;
};

} // namespace hs::ui
