// SPDX-License-Identifier: MIT
#include "explaindemo.h"

#include "dialogs/duplicatedialog.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QTabWidget>

#include <cstdio>

namespace hs::app {

void ExplainDemo::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_EXPLAIN_DEMO");
    if (dir.isEmpty())
        return;
    const QStringList source = qEnvironmentVariable("HANDLESCOPE_EXPLAIN_DEMO_SOURCE").split(QLatin1Char(':'));
    const qint64 target = qEnvironmentVariable("HANDLESCOPE_EXPLAIN_DEMO_TARGET").toLongLong();
    if (source.size() != 2 || target <= 0) {
        std::fprintf(stderr,
            "explain demo: set HANDLESCOPE_EXPLAIN_DEMO_SOURCE=pid:fd and "
            "HANDLESCOPE_EXPLAIN_DEMO_TARGET=pid\n");
        QApplication::exit(2);
        return;
    }
    new ExplainDemo(window, dir, source[0].toLongLong(), source[1].toLongLong(), target);
}

ExplainDemo::ExplainDemo(ui::MainWindow* window, QString dir, qint64 pid, qint64 fd, qint64 target)
    : QObject(window)
    , m_window(window)
    , m_dir(std::move(dir))
    , m_pid(pid)
    , m_fd(fd)
    , m_target(target)
{
    build();
    connect(&m_timer, &QTimer::timeout, this, &ExplainDemo::tick);
    m_timer.start(100);
}

void ExplainDemo::addWait(int milliseconds)
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

void ExplainDemo::addStage(const QString& name)
{
    addWait(600); // let the views repaint
    add([this, name] {
        QFile ready(m_dir + QLatin1Char('/') + name + QStringLiteral(".ready"));
        if (!ready.exists()) {
            ready.open(QIODevice::WriteOnly);
            std::printf("explain demo stage %s\n", qPrintable(name));
            std::fflush(stdout);
        }
        return QFile::exists(m_dir + QLatin1Char('/') + name + QStringLiteral(".done"));
    });
}

void ExplainDemo::build()
{
    auto selectSource = [this] {
        m_window->processPane()->filterEdit()->setText(QString::number(m_pid));
        return m_window->processPane()->selectPid(m_pid) && m_window->handlePane()->selectValue(m_fd);
    };
    add([this] {
        m_window->move(0, 0); // no window manager under Xvfb: fill the screen ourselves
        m_window->resize(1280, 800);
        m_window->explainDock()->show();
        m_window->resizeDocks({ m_window->explainDock() }, { 520 }, Qt::Horizontal);
        return m_window->refreshCount() > 0;
    });
    add(selectSource);
    addWait(1200); // the full-detail read of the source (access mode, FD_CLOEXEC)
    add(selectSource);
    addStage(QStringLiteral("explain"));
    add([this] {
        auto* dialog = m_window->openDuplicateDialog();
        if (!dialog)
            return false;
        // Only the target in the list: room for the Explain tab.
        dialog->findChild<QLineEdit*>(QStringLiteral("targetSearch"))->setText(QString::number(m_target));
        if (!dialog->selectTarget(m_target))
            return false;
        dialog->move(300, 20);
        dialog->findChild<QCheckBox*>(QStringLiteral("closeSource"))->setChecked(true);
        dialog->findChild<QTabWidget*>(QStringLiteral("previewTabs"))->setCurrentIndex(1);
        return true;
    });
    addStage(QStringLiteral("explain-duplicate"));
    add([this] {
        m_window->duplicateDialog()->close();
        return true;
    });
}

void ExplainDemo::tick()
{
    while (m_next < m_steps.size() && m_steps[m_next]())
        ++m_next;
}

} // namespace hs::app
