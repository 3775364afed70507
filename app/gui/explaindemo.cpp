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
    : StagedDemo(window, std::move(dir))
    , m_pid(pid)
    , m_fd(fd)
    , m_target(target)
{
    build();
    start();
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
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("previewTabs"));
        tabs->setCurrentWidget(tabs->findChild<QWidget*>(QStringLiteral("explainView")));
        return true;
    });
    addStage(QStringLiteral("explain-duplicate"));
    add([this] {
        m_window->duplicateDialog()->close();
        return true;
    });
}


} // namespace hs::app
