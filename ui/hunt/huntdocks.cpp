// SPDX-License-Identifier: MIT
#include "hunt/huntdocks.h"

#include "hunt/openedbypane.h"
#include "hunt/snapshotdiffpane.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

namespace hs::ui {

HuntDocks::HuntDocks(QMainWindow* window, QDockWidget* tabWith)
    : QObject(window)
    , m_diff(new SnapshotDiffPane(window))
    , m_openedBy(new OpenedByPane(window))
    , m_diffDock(new QDockWidget(tr("Snapshot Diff"), window))
    , m_openedByDock(new QDockWidget(tr("Opened By"), window))
    , m_whereOpened(new QAction(tr("Show &Where Opened"), this))
{
    m_diffDock->setObjectName(QStringLiteral("snapshotDiffDock"));
    m_openedByDock->setObjectName(QStringLiteral("openedByDock"));
    m_diffDock->setWidget(m_diff);
    m_openedByDock->setWidget(m_openedBy);
    for (QDockWidget* dock : {m_diffDock, m_openedByDock}) {
        window->addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (tabWith)
            window->tabifyDockWidget(tabWith, dock);
        dock->hide(); // until asked for from the View menu (the window state may show it again)
    }
    m_diffDock->toggleViewAction()->setText(tr("Snapshot &Diff"));
    m_openedByDock->toggleViewAction()->setText(tr("&Opened By"));
    m_whereOpened->setObjectName(QStringLiteral("actionWhereOpened"));
    m_whereOpened->setToolTip(tr("Show the call stack that opened the selected handle (traces its process)"));
    m_whereOpened->setEnabled(false);
    connect(m_whereOpened, &QAction::triggered, this, [this] {
        if (m_handlePid && m_handleFd)
            showWhereOpened(*m_handlePid, *m_handleFd);
    });
}

void HuntDocks::setProcess(std::optional<hs::Pid> pid, const QString& name)
{
    m_processName = name;
    m_diff->setProcess(pid, name);
    m_openedBy->setProcess(pid, name);
}

void HuntDocks::setCurrentHandle(std::optional<hs::Pid> pid, std::optional<hs::HandleValue> fd)
{
    m_handlePid = pid;
    m_handleFd = fd;
    m_whereOpened->setEnabled(pid && fd);
}

void HuntDocks::showWhereOpened(hs::Pid pid, hs::HandleValue fd)
{
    m_openedByDock->show();
    m_openedByDock->raise();
    m_openedBy->showFd(pid, fd);
}

} // namespace hs::ui
