// SPDX-License-Identifier: MIT
// The main window's process view options (tree or list, kernel threads), the privilege
// bar and the default layout: kept apart from mainwindow.cpp, which builds the rest.
#include "widgets/mainwindow.h"

#include "models/processmodel.h"
#include "widgets/handlepane.h"
#include "widgets/privilegebar.h"
#include "widgets/processpane.h"

#include "handlescope/inspect.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTreeView>

namespace hs::ui {

void MainWindow::createProcessViewActions()
{
    m_treeAction = new QAction(QIcon::fromTheme(QStringLiteral("view-list-tree")), tr("Process &Tree"), this);
    m_treeAction->setObjectName(QStringLiteral("actionProcessTree"));
    m_treeAction->setCheckable(true);
    m_treeAction->setChecked(m_processPane->isTreeShown());
    m_treeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_treeAction->setToolTip(tr("Show processes under their parents, or as a flat list (Ctrl+T)"));
    connect(m_treeAction, &QAction::toggled, m_processPane, &ProcessPane::setTreeShown);

    m_kernelThreadsAction = new QAction(tr("Show &Kernel Threads"), this);
    m_kernelThreadsAction->setObjectName(QStringLiteral("actionKernelThreads"));
    m_kernelThreadsAction->setCheckable(true);
    m_kernelThreadsAction->setChecked(m_processPane->showsKernelThreads());
    m_kernelThreadsAction->setToolTip(tr("Kernel threads (kthreadd's children) have no handles: hidden unless asked for"));
    connect(m_kernelThreadsAction, &QAction::toggled, m_processPane, &ProcessPane::setShowKernelThreads);
    // Selecting a kernel thread (a jump) shows them: the action follows.
    connect(m_processPane, &ProcessPane::kernelThreadsShownChanged, m_kernelThreadsAction, &QAction::setChecked);
}

void MainWindow::updatePrivilegeBar()
{
    const ProcessModel* model = processModel();
    const int self = model->rowOfPid(hs::currentProcessId());
    const bool administrator = self >= 0 && model->process(self).uid == 0;
    m_privilegeBar->showFor(model->uninspectableCount(), administrator);
}

void MainWindow::applyDefaultLayout(QSize size)
{
    if (size.isEmpty()) {
        size = QSize(1280, 800);
        if (const QScreen* s = screen())
            size = size.boundedTo(s->availableGeometry().size());
    }
    resize(size);
    m_processPane->giveBackNameGrowth();
    // The processes get what their columns need, the handles the rest; the log a few lines.
    // Longer words (French) need more than the width: the two name columns give way, they elide.
    int excess = m_processPane->defaultWidth() + m_handlePane->defaultWidth() + m_mainSplit->handleWidth() + 4
        - size.width();
    if (excess > 0)
        excess -= m_handlePane->narrowNameColumn(excess);
    if (excess > 0)
        m_processPane->narrowNameColumn(excess);
    // A wider window gives the processes a third of what is left over (their tree's names
    // take it: deep branches indent them), the handle table the rest.
    const int processes = m_processPane->defaultWidth() + std::max(0, -excess) / 3;
    m_mainSplit->setSizes({processes, std::max(0, size.width() - processes)});
    resizeDocks({m_logDock}, {6 * fontMetrics().height()}, Qt::Vertical);
}

} // namespace hs::ui
