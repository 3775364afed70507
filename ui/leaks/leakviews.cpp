// SPDX-License-Identifier: MIT
#include "leaks/leakviews.h"

#include "leaks/leakchart.h"
#include "leaks/leaknotifier.h"
#include "leaks/suspectmodel.h"
#include "models/processmodel.h"
#include "models/roles.h"
#include "widgets/processpane.h"
#include "widgets/tableviews.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
const QString NotifySetting = QStringLiteral("leaks/trayNotification");
}

LeakViews::LeakViews(QMainWindow* window, ProcessPane* processes, LeakSampler::Options options)
    : QObject(window)
    , m_window(window)
    , m_processes(processes)
    , m_sampler(new LeakSampler(options, this))
    , m_chart(new LeakChart(m_sampler, window))
    , m_suspects(new SuspectModel(this))
    , m_chartDock(new QDockWidget(tr("Handle Count Chart"), window))
    , m_suspectsDock(new QDockWidget(tr("Leak Suspects"), window))
    , m_notifier(new LeakNotifier(m_sampler, this))
    , m_notifyAction(new QAction(tr("&Notify When a Watched Process Leaks"), this))
{
    m_chartDock->setObjectName(QStringLiteral("leakChartDock"));
    m_chartDock->setWidget(m_chart);
    m_suspectsDock->setObjectName(QStringLiteral("leakSuspectsDock"));
    m_suspectsDock->setWidget(createSuspectsPanel(m_suspectsDock));
    for (QDockWidget* dock : {m_chartDock, m_suspectsDock}) {
        window->addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide(); // shown from the View menu; sampling costs nothing until then
        connect(dock, &QDockWidget::visibilityChanged, this, &LeakViews::updateRunning);
    }

    m_notifyAction->setCheckable(true);
    m_notifyAction->setToolTip(tr("Show a tray notification when a process whose count the chart reads by type "
                                  "is flagged as leaking"));
    connect(m_notifyAction, &QAction::toggled, m_notifier, &LeakNotifier::setEnabled);

    connect(m_processes, &ProcessPane::currentProcessChanged, this, &LeakViews::followProcessPane);
    connect(m_sampler, &LeakSampler::sampled, this, [this] {
        m_error.clear();
        m_suspects->update(m_sampler->history());
        showStatus();
    });
    connect(m_sampler, &LeakSampler::failed, this, [this](const QString& message) {
        m_error = message;
        showStatus();
    });
}

QWidget* LeakViews::createSuspectsPanel(QWidget* parent)
{
    auto* panel = new QWidget(parent);
    m_status = new QLabel(panel);
    m_status->setObjectName(QStringLiteral("leakStatus"));
    m_status->setWordWrap(true);
    m_ranked = new QSortFilterProxyModel(this);
    m_ranked->setSourceModel(m_suspects);
    m_ranked->setSortRole(SortRole);
    m_suspectView = new QTableView(panel);
    m_suspectView->setObjectName(QStringLiteral("leakSuspectView"));
    m_suspectView->setModel(m_ranked);
    setupTableView(m_suspectView);
    m_suspectView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_suspectView->sortByColumn(SuspectModel::GrowthColumn, Qt::DescendingOrder); // fastest first
    m_suspectView->horizontalHeader()->setStretchLastSection(true);
    fitColumn(m_suspectView, SuspectModel::NameColumn, 150);
    fitColumn(m_suspectView, SuspectModel::GrowthColumn, 80);
    // A suspect's row leads to its process: selected in the table, charted in the chart.
    connect(m_suspectView, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        m_processes->selectPid(static_cast<hs::Pid>(index.data(PidRole).toLongLong()));
        m_chartDock->show();
    });
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_suspectView, 1);
    showStatus();
    return panel;
}

void LeakViews::addMenuEntries(QMenu* view)
{
    view->addSeparator();
    view->addAction(m_chartDock->toggleViewAction());
    view->addAction(m_suspectsDock->toggleViewAction());
    view->addAction(m_notifyAction);
}

void LeakViews::restoreSettings()
{
    m_notifyAction->setChecked(QSettings().value(NotifySetting, false).toBool());
}

void LeakViews::saveSettings() const { QSettings().setValue(NotifySetting, m_notifyAction->isChecked()); }

void LeakViews::followProcessPane()
{
    const auto key = m_processes->currentProcess();
    const QModelIndex current = m_processes->view()->currentIndex();
    m_chart->setProcess(key ? std::optional(key->pid) : std::nullopt,
                        current.siblingAtColumn(ProcessModel::NameColumn).data().toString());
}

void LeakViews::updateRunning()
{
    if (!m_chartDock->isHidden() || !m_suspectsDock->isHidden())
        m_sampler->start();
    else
        m_sampler->stop();
}

void LeakViews::showStatus()
{
    const LeakHistory& history = m_sampler->history();
    const qint64 window = std::chrono::duration_cast<std::chrono::seconds>(history.window()).count();
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Sampling failed: %1").arg(m_error));
        return;
    }
    if (history.samples() == 0) {
        m_status->setText(tr("Counting every process's handles every %1 ms...")
                              .arg(m_sampler->options().interval.count()));
        return;
    }
    // Counted in samples, not in time since the first: the first can be slow (it loads the BPF program).
    const bool full = m_sampler->options().interval * (history.samples() - 1) >= history.window();
    if (!full)
        m_status->setText(tr("Sampling: the verdicts need %1 s of counts (last sample took %2 ms).")
                              .arg(window)
                              .arg(m_sampler->lastSampleMs()));
    else
        m_status->setText(tr("%n process(es) kept growing their handles over the last %1 s "
                             "(last sample took %2 ms). Double-click one to chart it.",
                             nullptr, m_suspects->rowCount())
                              .arg(window)
                              .arg(m_sampler->lastSampleMs()));
    if (history.heldBack() > 0)
        m_status->setText(m_status->text() + QLatin1Char(' ')
                          + tr("%n more held back: the machine is too busy to sample them often enough.", nullptr,
                               history.heldBack()));
}

} // namespace hs::ui
