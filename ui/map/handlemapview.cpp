// SPDX-License-Identifier: MIT
// A first drawing of the handle map: the slots as a list and the object below. The
// columns, arrows and step animation come next (issue #16).
#include "map/handlemapview.h"

#include "map/handlemapmodel.h"

#include <QPainter>

namespace hs::ui {

namespace {
constexpr int kRowHeight = 22;
}

HandleMapView::HandleMapView(HandleMapModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    connect(m_model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
    connect(m_model, &QAbstractItemModel::rowsInserted, this, qOverload<>(&QWidget::update));
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, qOverload<>(&QWidget::update));
    connect(m_model, &HandleMapModel::stepReported, this, qOverload<>(&QWidget::update));
}

QRectF HandleMapView::slotRect(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    return QRectF(8, 8 + row * kRowHeight, width() - 16, kRowHeight - 2);
}

QRectF HandleMapView::objectRect() const
{
    return QRectF(8, 8 + m_model->rowCount() * kRowHeight + 8, width() - 16, kRowHeight * 2);
}

QSize HandleMapView::sizeHint() const
{
    return {480, 320};
}

QSize HandleMapView::minimumSizeHint() const
{
    return {240, 160};
}

void HandleMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const MapSlot& slot = m_model->slotAt(row);
        painter.drawText(slotRect(row), Qt::AlignVCenter,
                         QStringLiteral("%1 (%2): %3").arg(slot.processName).arg(slot.pid).arg(slot.value));
    }
    painter.drawRect(objectRect());
    painter.drawText(objectRect(), Qt::AlignCenter, m_model->object().name);
}

} // namespace hs::ui
