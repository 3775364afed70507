// SPDX-License-Identifier: MIT
#include "map/handlemapview.h"

#include "map/handlemapmodel.h"
#include "util/colors.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

#include <cmath>

namespace hs::ui {

namespace {

    // Red that reads on the palette's base, light or dark.
    QColor failureColor(const QPalette& palette)
    {
        return palette.color(QPalette::Base).lightnessF() < 0.5 ? QColor(255, 120, 120) : QColor(190, 0, 0);
    }

    QStyle::StandardPixmap iconOf(HandleKind kind)
    {
        switch (kind) {
        case HandleKind::Directory:
            return QStyle::SP_DirIcon;
        case HandleKind::Fifo:
        case HandleKind::Socket:
            return QStyle::SP_DriveNetIcon;
        case HandleKind::CharDevice:
        case HandleKind::BlockDevice:
            return QStyle::SP_DriveHDIcon;
        case HandleKind::Process:
        case HandleKind::Thread:
        case HandleKind::PidFd:
            return QStyle::SP_ComputerIcon;
        default:
            return QStyle::SP_FileIcon;
        }
    }

    QString endText(const MapSlot& slot, HandleKind kind)
    {
        if (!slot.accessText.isEmpty())
            return slot.accessText;
        if (kind != HandleKind::Fifo)
            return {};
        switch (slot.access) {
        case AccessMode::Read:
            return HandleMapView::tr("read end");
        case AccessMode::Write:
            return HandleMapView::tr("write end");
        case AccessMode::ReadWrite:
            return HandleMapView::tr("both ends");
        default:
            return {};
        }
    }

    void drawArrow(QPainter& painter, QPointF from, QPointF to)
    {
        painter.drawLine(from, to);
        const qreal angle = std::atan2(to.y() - from.y(), to.x() - from.x());
        const qreal size = painter.fontMetrics().height() * 0.5;
        QPolygonF head;
        head << to << to - QPointF(size * std::cos(angle - 0.45), size * std::sin(angle - 0.45))
             << to - QPointF(size * std::cos(angle + 0.45), size * std::sin(angle + 0.45));
        painter.save();
        painter.setBrush(painter.pen().color());
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(head);
        painter.restore();
    }

    // The arrow of a slot: from the side facing the object to the object's facing edge, at
    // the slot's height kept inside the object so arrows fan in.
    void drawSlotArrow(QPainter& painter, const QRectF& slot, const QRectF& object)
    {
        const bool leftOfObject = slot.center().x() < object.center().x();
        const QPointF from(leftOfObject ? slot.right() : slot.left(), slot.center().y());
        const qreal pad = object.height() * 0.15;
        const qreal y = std::clamp(slot.center().y(), object.top() + pad, object.bottom() - pad);
        drawArrow(painter, from, QPointF(leftOfObject ? object.left() : object.right(), y));
    }

} // namespace

HandleMapView::HandleMapView(HandleMapModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("handleMap"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HandleMapView::relayout);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HandleMapView::relayout);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HandleMapView::relayout);
    connect(m_model, &HandleMapModel::stepReported, this, &HandleMapView::relayout); // a target's column
    connect(m_model, &HandleMapModel::peerChanged, this, &HandleMapView::relayout);
    relayout();
}

HandleMapGeometry HandleMapView::geometry(qreal width) const
{
    const std::vector<Pid> processes = m_model->processes();
    auto columnOf = [&](Pid pid) {
        return static_cast<int>(std::find(processes.begin(), processes.end(), pid) - processes.begin());
    };
    std::vector<int> columnOfEntry;
    for (int row = 0; row < m_model->rowCount(); ++row)
        columnOfEntry.push_back(columnOf(m_model->slotAt(row).pid));
    const std::size_t firstPeer = columnOfEntry.size();
    if (const auto& peer = m_model->peer())
        for (const auto& s : peer->slots)
            columnOfEntry.push_back(columnOf(s.pid));
    return layoutHandleMap(columnOfEntry, static_cast<int>(processes.size()), firstPeer, width,
        HandleMapMetrics::fromFont(QFontMetricsF(font())));
}

// The geometry is computed where it is used, for the width of the moment: nothing to keep
// in step. The size hint changed with the columns.
void HandleMapView::relayout()
{
    updateGeometry();
    update();
}

void HandleMapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        relayout();
    QWidget::changeEvent(event);
}

QRectF HandleMapView::slotRect(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    // Computed for the current width, so a resize needs no event to be seen.
    return geometry(width()).entries.at(static_cast<std::size_t>(row));
}

QRectF HandleMapView::objectRect() const
{
    return geometry(width()).object;
}

QRectF HandleMapView::peerSlotRect(int index) const
{
    const auto& peer = m_model->peer();
    if (!peer || index < 0 || index >= static_cast<int>(peer->slots.size()))
        return {};
    return geometry(width()).entries.at(static_cast<std::size_t>(m_model->rowCount() + index));
}

QRectF HandleMapView::peerRect() const
{
    return geometry(width()).peerObject;
}

QString HandleMapView::captionText() const
{
    QString text = tr("%n holder(s)", nullptr, m_model->holderCount());
    if (const auto& failure = m_model->failure()) {
        text += QLatin1Char('\n') + tr("Failed at step %1:").arg(qs(hs::toString(failure->step))) + QLatin1Char('\n')
            + qs(failure->error ? failure->error->message() : failure->line());
    } else if (const auto& step = m_model->lastStep()) {
        text += QLatin1Char('\n') + tr("Step: %1").arg(qs(step->line()));
    }
    return text;
}

QSize HandleMapView::sizeHint() const
{
    return geometry(0).size.toSize();
}

QSize HandleMapView::minimumSizeHint() const
{
    return geometry(0).size.toSize();
}

void HandleMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const HandleMapGeometry g = geometry(width());
    const QPalette& pal = palette();

    for (int c = 0; c < static_cast<int>(g.columns.size()); ++c)
        drawColumn(painter, c, g);

    // Arrows under the boxes they join.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const MapSlot& slot = m_model->slotAt(row);
        painter.setPen(QPen(
            slot.appeared ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text), slot.appeared ? 2.5 : 1.5));
        drawSlotArrow(painter, g.entries[static_cast<std::size_t>(row)], g.object);
    }
    if (const auto& peer = m_model->peer()) {
        painter.setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
        for (std::size_t i = 0; i < peer->slots.size(); ++i)
            drawSlotArrow(painter, g.entries[static_cast<std::size_t>(m_model->rowCount()) + i], g.peerObject);
        // The two ends of one channel: what one writes the other reads.
        const qreal x = g.peerObject.center().x();
        painter.drawLine(QPointF(x, g.caption.bottom()), QPointF(x, g.peerObject.top()));
    }

    for (int row = 0; row < m_model->rowCount(); ++row)
        drawSlot(painter, g.entries[static_cast<std::size_t>(row)], m_model->slotAt(row));
    if (const auto& peer = m_model->peer()) {
        for (std::size_t i = 0; i < peer->slots.size(); ++i)
            drawSlot(painter, g.entries[static_cast<std::size_t>(m_model->rowCount()) + i], peer->slots[i]);
        drawPeer(painter, g.peerObject);
    }
    drawObject(painter, g.object);
    drawCaption(painter, g.caption);
}

void HandleMapView::drawColumn(QPainter& painter, int column, const HandleMapGeometry& g) const
{
    const QPalette& pal = palette();
    const Pid pid = m_model->processes().at(static_cast<std::size_t>(column));
    QString name;
    for (int row = 0; row < m_model->rowCount() && name.isEmpty(); ++row)
        if (m_model->slotAt(row).pid == pid)
            name = m_model->slotAt(row).processName;
    if (const auto& peer = m_model->peer(); name.isEmpty() && peer)
        for (const auto& s : peer->slots)
            if (s.pid == pid && name.isEmpty())
                name = s.processName;
    const auto& failure = m_model->failure();
    const bool failedHere = failure && failure->process == pid;

    const QRectF box = g.columns[static_cast<std::size_t>(column)];
    painter.setPen(QPen(failedHere ? failureColor(pal) : pal.color(QPalette::Mid), failedHere ? 2.5 : 1));
    painter.setBrush(pal.color(QPalette::AlternateBase));
    painter.drawRoundedRect(box, 6, 6);

    const QRectF header = g.headers[static_cast<std::size_t>(column)].adjusted(8, 4, -8, -2);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::Text));
    const QFontMetricsF fm(bold);
    const QRectF top(header.left(), header.top(), header.width(), header.height() / 2);
    painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(name.isEmpty() ? tr("(no slot yet)") : name, Qt::ElideRight, top.width()));
    painter.setFont(font());
    painter.setPen(mutedText(pal));
    painter.drawText(top.translated(0, top.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("pid %1").arg(pid));
}

void HandleMapView::drawSlot(QPainter& painter, const QRectF& rect, const MapSlot& slot) const
{
    const QPalette& pal = palette();
    painter.setPen(
        QPen(slot.appeared ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), slot.appeared ? 2 : 1));
    painter.setBrush(slot.appeared ? addedBackground(pal) : pal.color(QPalette::Base));
    painter.drawRoundedRect(rect, 3, 3);
    const QRectF text = rect.adjusted(6, 0, -6, 0);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::Text));
    const QString value = QStringLiteral("%1 %2").arg(handleWord()).arg(slot.value);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, value);
    painter.setFont(font());
    const qreal used = QFontMetricsF(bold).horizontalAdvance(value) + 8;
    QString detail = endText(slot, m_model->object().kind);
    if (slot.appeared)
        detail = detail.isEmpty() ? tr("new") : tr("new, %1").arg(detail);
    if (!detail.isEmpty()) {
        painter.setPen(slot.appeared ? pal.color(QPalette::Text) : mutedText(pal));
        const QRectF right = text.adjusted(used, 0, 0, 0);
        painter.drawText(right, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetricsF(font()).elidedText(detail, Qt::ElideRight, right.width()));
    }
}

void HandleMapView::drawObject(QPainter& painter, const QRectF& rect) const
{
    const QPalette& pal = palette();
    const MappedObject& object = m_model->object();
    painter.setPen(QPen(pal.color(QPalette::Text), 1.5));
    painter.setBrush(pal.color(QPalette::Button));
    painter.drawRoundedRect(rect, 8, 8);

    const QFontMetricsF fm(font());
    const qreal line = fm.height();
    const QRectF inner = rect.adjusted(line * 0.6, line * 0.4, -line * 0.6, -line * 0.4);
    const qreal iconSize = line * 1.4;
    style()
        ->standardIcon(iconOf(object.kind), nullptr, this)
        .paint(&painter, QRect(QPointF(inner.left(), inner.top()).toPoint(), QSizeF(iconSize, iconSize).toSize()));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::ButtonText));
    const QRectF title(
        inner.left() + iconSize + line * 0.4, inner.top(), inner.width() - iconSize - line * 0.4, iconSize);
    const QString kind = object.kind == HandleKind::Unknown ? object.typeName : kindName(object.kind);
    painter.drawText(
        title, Qt::AlignLeft | Qt::AlignVCenter, QFontMetricsF(bold).elidedText(kind, Qt::ElideRight, title.width()));
    painter.setFont(font());

    // The name wraps (paths are long); what every copy shares on Linux comes under it.
    QStringList lines;
    lines << (object.name.isEmpty() ? tr("(no name)") : object.name);
    QStringList description;
    if (object.offset)
        description << tr("offset %1").arg(*object.offset);
    if (object.openFlags) {
        QStringList names;
        for (auto n : hs::openFlagNames(*object.openFlags))
            names << qs(n);
        description << names.join(QLatin1Char('|'));
    }
    if (!description.isEmpty())
        lines << tr("Open file description of %1 %2:").arg(handleWord()).arg(object.describedBy)
              << description.join(QStringLiteral(", "));
    const QRectF body(
        inner.left(), title.bottom() + line * 0.3, inner.width(), inner.bottom() - title.bottom() - line * 0.3);
    painter.save();
    painter.setClipRect(body);
    painter.drawText(body, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, lines.join(QLatin1Char('\n')));
    painter.restore();
}

void HandleMapView::drawPeer(QPainter& painter, const QRectF& rect) const
{
    const QPalette& pal = palette();
    painter.setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
    painter.setBrush(pal.color(QPalette::Button));
    painter.drawRoundedRect(rect, 8, 8);
    painter.setPen(pal.color(QPalette::ButtonText));
    const QRectF inner = rect.adjusted(8, 4, -8, -4);
    const QFontMetricsF fm(font());
    painter.drawText(inner, Qt::AlignCenter,
        fm.elidedText(tr("The other end"), Qt::ElideRight, inner.width()) + QLatin1Char('\n')
            + fm.elidedText(m_model->peer()->name, Qt::ElideMiddle, inner.width()));
}

void HandleMapView::drawCaption(QPainter& painter, const QRectF& rect) const
{
    const QPalette& pal = palette();
    const QRectF inner = rect.adjusted(0, 4, 0, 0);
    const QString text = captionText();
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::Text));
    const qreal line = QFontMetricsF(bold).height();
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), line), Qt::AlignHCenter | Qt::AlignTop,
        text.left(firstBreak < 0 ? text.size() : firstBreak));
    painter.setFont(font());
    if (firstBreak < 0)
        return;
    painter.setPen(m_model->failure() ? failureColor(pal) : pal.color(QPalette::Text));
    painter.drawText(
        inner.adjusted(0, line, 0, 0), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text.mid(firstBreak + 1));
}

} // namespace hs::ui
