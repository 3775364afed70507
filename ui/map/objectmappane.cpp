// SPDX-License-Identifier: MIT
#include "map/objectmappane.h"

#include "map/handlemapmodel.h"
#include "map/handlemapview.h"
#include "util/qtstd.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hs::ui {

ObjectMapPane::ObjectMapPane(QWidget* parent)
    : QWidget(parent)
    , m_model(new HandleMapModel(this))
    , m_view(new HandleMapView(m_model))
    , m_area(new QScrollArea(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("objectMap"));
    m_area->setWidget(m_view);
    m_area->setWidgetResizable(true);
    m_hint->setObjectName(QStringLiteral("objectMapHint"));
    m_hint->setWordWrap(true);
    m_hint->setMargin(8);
    m_hint->setText(tr("Select a handle: the map shows every process that holds its object."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    layout->addWidget(m_area, 1);
    clear();
}

QDockWidget* ObjectMapPane::addDock(QMainWindow* window)
{
    auto* dock = new QDockWidget(tr("Object Map"), window);
    dock->setObjectName(QStringLiteral("objectMapDock"));
    dock->setWidget(new ObjectMapPane(dock));
    QAction* toggle = dock->toggleViewAction();
    toggle->setText(tr("Show Object &Map"));
    toggle->setObjectName(QStringLiteral("actionObjectMap"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    toggle->setToolTip(tr("Every process that holds the selected handle's object (Ctrl+M)"));
    window->addDockWidget(Qt::BottomDockWidgetArea, dock, Qt::Horizontal); // beside the log: a map is wide
    dock->hide(); // until asked for from the View menu (the saved window state may show it)
    return dock;
}

void ObjectMapPane::showHandle(
    const hs::ProcessInfo& process, const hs::HandleInfo& handle, const std::vector<hs::ProcessHandles>& tables)
{
    auto [object, slots] = holdersOf(tables, process.pid, handle.value);
    if (slots.empty()) // not in the tables (any more): the handle alone
        std::tie(object, slots) = holdersOf({ { process, { handle } } }, process.pid, handle.value);
    m_model->setObject(object, std::move(slots));
    // A pipe's ends are one object (its slots say which end); a socket's other end is
    // another socket, drawn beside it.
    if (handle.kind == hs::HandleKind::Socket && !handle.peers.empty()) {
        MappedPeer peer;
        peer.name = handle.socket && handle.socket->peerInode != 0
            ? QStringLiteral("socket:[%1]").arg(handle.socket->peerInode)
            : tr("a socket");
        for (const hs::PeerEnd& end : handle.peers)
            peer.slots.push_back({ end.pid, qs(end.processName), end.value, false, hs::AccessMode::Unknown, {} });
        m_model->setPeer(std::move(peer));
    }
    m_hint->hide();
    m_area->show();
}

void ObjectMapPane::clear()
{
    m_model->setObject({}, {});
    m_area->hide();
    m_hint->show();
}

} // namespace hs::ui
