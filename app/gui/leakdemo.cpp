// SPDX-License-Identifier: MIT
#include "leakdemo.h"

#include "hunt/huntdocks.h"
#include "hunt/openedbymodel.h"
#include "hunt/openedbypane.h"
#include "hunt/snapshotdiffmodel.h"
#include "hunt/snapshotdiffpane.h"
#include "leaks/leakchart.h"
#include "leaks/leakviews.h"
#include "leaks/suspectmodel.h"
#include "models/processmodel.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QTreeView>

#include <chrono>
#include <cstdio>

namespace hs::app {

using namespace std::chrono_literals;

void LeakDemo::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_LEAK_DEMO");
    if (dir.isEmpty())
        return;
    const qint64 pid = qEnvironmentVariable("HANDLESCOPE_LEAK_DEMO_PID").toLongLong();
    if (pid <= 0) {
        std::fprintf(stderr, "leak demo: set HANDLESCOPE_LEAK_DEMO_PID=pid of a leaking process\n");
        QApplication::exit(2);
        return;
    }
    new LeakDemo(window, dir, pid);
}

LeakDemo::LeakDemo(ui::MainWindow* window, QString dir, qint64 pid)
    : StagedDemo(window, std::move(dir))
    , m_pid(pid)
{
    ui::HuntDocks* hunt = window->huntDocks();
    connect(hunt->diffPane(), &ui::SnapshotDiffPane::diffReady, this, [this] { m_diffReady = true; });
    connect(hunt->openedByPane(), &ui::OpenedByPane::reportUpdated, this, [this] { ++m_reports; });
    build();
    start();
}




void LeakDemo::build()
{
    ui::LeakViews* leaks = m_window->leakViews();
    ui::HuntDocks* hunt = m_window->huntDocks();
    ui::SnapshotDiffPane* diff = hunt->diffPane();
    ui::OpenedByPane* openedBy = hunt->openedByPane();
    // The process list moves as processes come and go: bring the leaker back in view.
    const auto stage = [this](const QString& name) {
        add([this] { return m_window->processPane()->selectPid(m_pid), true; });
        addStage(name);
    };
    add([this, leaks] {
        m_window->move(0, 0); // no window manager under Xvfb: fill the screen ourselves
        m_window->resize(1280, 800);
        m_window->logDock()->hide();
        // A short window, so the demo flags the leak in seconds rather than a minute.
        leaks->sampler()->setOptions({.window = 12s, .interval = 250ms});
        leaks->chartDock()->show();
        m_window->resizeDocks({leaks->chartDock()}, {400}, Qt::Vertical);
        return m_window->refreshCount() > 0;
    });
    add([this, leaks] {
        // Only the helper in the list: the screenshots show what is selected.
        m_window->processPane()->filterEdit()->setText(QString::number(m_pid));
        if (!m_window->processPane()->selectPid(m_pid))
            return false;
        leaks->chart()->watchBox()->setChecked(true);
        return true;
    });
    addWait(4000);
    // The diff pane's snapshots mark the chart (MainWindow connects snapshotTaken).
    add([diff] {
        diff->setMachineScope(false);
        diff->takeSnapshot(ui::SnapshotDiffPane::Slot::A);
        return true;
    });
    add([diff] { return !diff->isBusy(); });
    addWait(5000);
    add([diff] {
        diff->takeSnapshot(ui::SnapshotDiffPane::Slot::B);
        return true;
    });
    // Flagged, what grows known, and the diff read.
    add([this, leaks] {
        const int row = leaks->suspectModel()->rowOfPid(m_pid);
        return m_diffReady && row >= 0 && !leaks->suspectModel()->row(row).grows.empty();
    });
    addWait(1500);
    stage(QStringLiteral("leak-chart"));

    add([this, leaks] {
        leaks->chartDock()->hide();
        leaks->suspectsDock()->show();
        m_window->resizeDocks({leaks->suspectsDock()}, {300}, Qt::Vertical);
        return true;
    });
    stage(QStringLiteral("leak-suspects"));

    add([this, leaks, hunt, diff] {
        leaks->suspectsDock()->hide();
        hunt->diffDock()->show();
        hunt->diffDock()->raise();
        m_window->resizeDocks({hunt->diffDock()}, {380}, Qt::Vertical);
        diff->view()->expand(diff->model()->index(0, 0));
        return true;
    });
    stage(QStringLiteral("leak-diff"));

    add([this, hunt, openedBy] {
        hunt->diffDock()->hide();
        hunt->openedByDock()->show();
        hunt->openedByDock()->raise();
        m_window->resizeDocks({hunt->openedByDock()}, {380}, Qt::Vertical);
        openedBy->startTracing();
        return true;
    });
    add([this, openedBy] {
        if (m_reports < 3 && openedBy->isTracing())
            return false;
        openedBy->view()->expand(openedBy->model()->index(0, 0));
        return true;
    });
    stage(QStringLiteral("opened-by"));
    add([openedBy] {
        openedBy->stopTracing();
        return true;
    });
    add([] { return QApplication::quit(), true; });
}

} // namespace hs::app
