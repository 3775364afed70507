// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <vector>

namespace hs::ui {
class MainWindow;
}

namespace hs::app {

/// Shows the Explain pane for scripts/screenshots.sh, when HANDLESCOPE_EXPLAIN_DEMO=<dir>,
/// HANDLESCOPE_EXPLAIN_DEMO_SOURCE=<pid>:<fd> and HANDLESCOPE_EXPLAIN_DEMO_TARGET=<pid> are
/// set: selects the fd with the Explain dock open (stage "explain"), then opens the
/// duplicate dialog on its Explain tab with close-source ticked ("explain-duplicate").
/// Like DemoDriver, each stage writes <dir>/<stage>.ready and waits for <dir>/<stage>.done.
class ExplainDemo : public QObject {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    ExplainDemo(ui::MainWindow* window, QString dir, qint64 pid, qint64 fd, qint64 target);
    using Step = std::function<bool()>; ///< polled every 100 ms until it returns true
    void add(Step step) { m_steps.push_back(std::move(step)); }
    void addWait(int milliseconds);
    void addStage(const QString& name);
    void build();
    void tick();

    ui::MainWindow* m_window;
    QString m_dir;
    qint64 m_pid;
    qint64 m_fd;
    qint64 m_target;
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    qint64 m_waitUntil = 0;
    QTimer m_timer;
};

} // namespace hs::app
