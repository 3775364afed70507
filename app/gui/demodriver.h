// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <vector>

class QProcess;

namespace hs::ui {
class MainWindow;
}

namespace hs::app {

/// Drives the real window through a duplicate for scripts/screenshots.sh, when
/// HANDLESCOPE_DEMO=<dir> is set:
///   HANDLESCOPE_DEMO_SOURCE=<pid>:<fd>  the handle to show and duplicate
///   HANDLESCOPE_DEMO_TARGET=<pid>       where to duplicate it
/// At each stage it writes <dir>/<stage>.ready and waits for <dir>/<stage>.done, so the
/// script can take the screenshot of the X display in between. Stages: main,
/// duplicate-dialog, duplicate-success, duplicate-failure, log-panel.
class DemoDriver : public QObject {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    DemoDriver(ui::MainWindow* window, QString dir, qint64 sourcePid, qint64 sourceFd, qint64 targetPid);
    using Step = std::function<bool()>; ///< polled every 100 ms until it returns true
    void add(Step step) { m_steps.push_back(std::move(step)); }
    void addWait(int milliseconds);
    void addStage(const QString& name);
    void addRefresh();
    void tick();
    void build();

    ui::MainWindow* m_window;
    QString m_dir;
    qint64 m_sourcePid;
    qint64 m_sourceFd;
    qint64 m_targetPid;
    QProcess* m_doomed = nullptr; ///< a target that exits before the duplicate runs
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    qint64 m_waitUntil = 0;
    quint64 m_refreshFrom = 0;
    QTimer m_timer;
};

} // namespace hs::app
