// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>
#include <QWidget>

namespace hs::ui {

class HandleMapModel;

/// The handle map drawn: one column per process (its handle-table slots with their
/// values), the kernel object between them, an arrow from every slot that refers to it
/// and the holder count. It follows the model: a slot a duplicate adds appears, a slot
/// close-source removes goes, the step in progress (or the one that failed) is written
/// under the object.
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    HandleMapModel* m_model;
};

} // namespace hs::ui
