// SPDX-License-Identifier: MIT
#include "leakdemo.h"

#include "hunt/huntdocks.h"
#include "hunt/openedbymodel.h"
#include "hunt/openedbypane.h"
#include "hunt/snapshotdiffmodel.h"
#include "hunt/snapshotdiffpane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QTreeView>

#include <cstdio>

namespace hs::app {

void LeakDemo::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_LEAK_DEMO");
    if (dir.isEmpty())
        return;
    const qint64 pid = qEnvironmentVariable("HANDLESCOPE_LEAK_DEMO_PID").toLongLong();
    if (pid <= 0) {
        std::fprintf(stderr, "leak demo: set HANDLESCOPE_LEAK_DEMO_PID to the leaking process\n");
        QApplication::exit(2);
        return;
    }
    new LeakDemo(window, dir, pid);
}

LeakDemo::LeakDemo(ui::MainWindow* window, QString dir, qint64 pid)
    : QObject(window)
    , m_window(window)
    , m_dir(std::move(dir))
    , m_pid(pid)
{
    ui::HuntDocks* hunt = window->huntDocks();
    connect(hunt->diffPane(), &ui::SnapshotDiffPane::diffReady, this, [this] { m_diffReady = true; });
    connect(hunt->openedByPane(), &ui::OpenedByPane::reportUpdated, this, [this] { ++m_reports; });
    build();
    connect(&m_timer, &QTimer::timeout, this, &LeakDemo::tick);
    m_timer.start(100);
}

void LeakDemo::addWait(int milliseconds)
{
    add([this, milliseconds] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (m_waitUntil == 0)
            m_waitUntil = now + milliseconds;
        if (now < m_waitUntil)
            return false;
        m_waitUntil = 0;
        return true;
    });
}

void LeakDemo::addStage(const QString& name)
{
    addWait(600); // let the views repaint
    add([this, name] {
        QFile ready(m_dir + QLatin1Char('/') + name + QStringLiteral(".ready"));
        if (!ready.exists()) {
            ready.open(QIODevice::WriteOnly);
            std::printf("leak demo stage %s\n", qPrintable(name));
            std::fflush(stdout);
        }
        return QFile::exists(m_dir + QLatin1Char('/') + name + QStringLiteral(".done"));
    });
}

void LeakDemo::build()
{
    ui::HuntDocks* hunt = m_window->huntDocks();
    ui::SnapshotDiffPane* diff = hunt->diffPane();
    ui::OpenedByPane* openedBy = hunt->openedByPane();
    add([this] {
        if (m_window->refreshCount() == 0)
            return false;
        // Only the helper in the list: the screenshot shows what is selected.
        m_window->processPane()->filterEdit()->setText(QString::number(m_pid));
        return m_window->processPane()->selectPid(m_pid);
    });
    add([this, hunt, diff] {
        hunt->diffDock()->show();
        hunt->diffDock()->raise();
        m_window->resizeDocks({hunt->diffDock()}, {380}, Qt::Vertical);
        diff->setMachineScope(false);
        diff->takeSnapshot(ui::SnapshotDiffPane::Slot::A);
        return true;
    });
    add([diff] { return !diff->isBusy(); });
    addWait(2000);
    add([diff] {
        diff->takeSnapshot(ui::SnapshotDiffPane::Slot::B);
        return true;
    });
    add([this, diff] {
        if (!m_diffReady)
            return false;
        diff->view()->expand(diff->model()->index(0, 0));
        return true;
    });
    addStage(QStringLiteral("leak-diff"));
    add([this, hunt, openedBy] {
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
    addStage(QStringLiteral("opened-by"));
    add([openedBy] {
        openedBy->stopTracing();
        return true;
    });
}

void LeakDemo::tick()
{
    while (m_next < m_steps.size() && m_steps[m_next]())
        ++m_next;
}

} // namespace hs::app
