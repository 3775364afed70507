// SPDX-License-Identifier: MIT
#include "demodriver.h"

#include "dialogs/duplicatedialog.h"
#include "log/logmodel.h"
#include "models/handlemodel.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

namespace hs::app {

void DemoDriver::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_DEMO");
    if (dir.isEmpty())
        return;
    const QStringList source = qEnvironmentVariable("HANDLESCOPE_DEMO_SOURCE").split(QLatin1Char(':'));
    const qint64 target = qEnvironmentVariable("HANDLESCOPE_DEMO_TARGET").toLongLong();
    if (source.size() != 2 || target <= 0) {
        std::fprintf(stderr, "demo: set HANDLESCOPE_DEMO_SOURCE=pid:fd and HANDLESCOPE_DEMO_TARGET=pid\n");
        QApplication::exit(2);
        return;
    }
    new DemoDriver(window, dir, source[0].toLongLong(), source[1].toLongLong(), target);
}

DemoDriver::DemoDriver(ui::MainWindow* window, QString dir, qint64 sourcePid, qint64 sourceFd, qint64 targetPid)
    : StagedDemo(window, std::move(dir))
    , m_sourcePid(sourcePid)
    , m_sourceFd(sourceFd)
    , m_targetPid(targetPid)
{
    build();
    start();
}



void DemoDriver::addRefresh()
{
    add([this] {
        m_refreshFrom = m_window->refreshCount();
        m_window->refresh();
        return true;
    });
    add([this] { return m_window->refreshCount() > m_refreshFrom && !m_window->controller()->isRefreshing(); });
}

void DemoDriver::build()
{
    auto selectSource = [this] {
        if (!m_window->processPane()->selectPid(m_sourcePid))
            return false;
        return m_window->handlePane()->selectValue(m_sourceFd);
    };
    add([this] {
        m_window->move(0, 0); // no window manager under Xvfb: fill the screen ourselves
        m_window->resize(1280, 800);
        return m_window->refreshCount() > 0;
    });
    add(selectSource);
    addWait(1200); // the full-detail read of the source
    add(selectSource);
    addStage(QStringLiteral("main"));

    add([this] {
        auto* dialog = m_window->openDuplicateDialog();
        return dialog && dialog->selectTarget(m_targetPid);
    });
    addStage(QStringLiteral("duplicate-dialog"));

    add([this] {
        m_window->duplicateDialog()->startDuplicate();
        return true;
    });
    add([this] {
        auto* d = m_window->duplicateDialog();
        return d && !d->isRunning() && (d->newHandle() || !d->errorText().isEmpty());
    });
    addWait(900);
    addStage(QStringLiteral("duplicate-success"));

    // A failing duplicate: a target that exits after it was chosen.
    add([this] {
        m_doomed = new QProcess(this);
        m_doomed->start(QStringLiteral("sleep"), {QStringLiteral("300")});
        return m_doomed->waitForStarted();
    });
    addRefresh();
    add([this] {
        if (auto* d = m_window->duplicateDialog())
            d->close();
        return true;
    });
    add(selectSource);
    add([this] {
        auto* dialog = m_window->openDuplicateDialog();
        if (!dialog || !dialog->selectTarget(m_doomed->processId()))
            return false;
        m_doomed->kill();
        m_doomed->waitForFinished();
        dialog->startDuplicate();
        return true;
    });
    add([this] {
        auto* d = m_window->duplicateDialog();
        return d && !d->isRunning() && !d->errorText().isEmpty();
    });
    addStage(QStringLiteral("duplicate-failure"));

    add([this] {
        if (auto* d = m_window->duplicateDialog())
            d->close();
        m_window->logDock()->show();
        m_window->logDock()->raise();
        m_window->resizeDocks({m_window->logDock()}, {330}, Qt::Vertical);
        return true;
    });
    add([this] { return m_window->processPane()->selectPid(m_targetPid); });
    addStage(QStringLiteral("log-panel"));
    add([] {
        QApplication::quit();
        return true;
    });
}


} // namespace hs::app
