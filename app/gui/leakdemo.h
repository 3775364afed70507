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

/// Drives the leak-hunting docks for scripts/screenshots.sh, when HANDLESCOPE_LEAK_DEMO=<dir>
/// and HANDLESCOPE_LEAK_DEMO_PID=<pid> (a leaking process, hs_leak_helper leak) are set:
/// selects the process, takes snapshot A and, two seconds later, B, then traces it for
/// three seconds in "Opened by". Like DemoDriver, at each stage (leak-diff, opened-by) it
/// writes <dir>/<stage>.ready and waits for <dir>/<stage>.done.
class LeakDemo : public QObject {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    LeakDemo(ui::MainWindow* window, QString dir, qint64 pid);
    using Step = std::function<bool()>; ///< polled every 100 ms until it returns true
    void add(Step step) { m_steps.push_back(std::move(step)); }
    void addWait(int milliseconds);
    void addStage(const QString& name);
    void build();
    void tick();

    ui::MainWindow* m_window;
    QString m_dir;
    qint64 m_pid;
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    qint64 m_waitUntil = 0;
    bool m_diffReady = false;
    int m_reports = 0;
    QTimer m_timer;
};

} // namespace hs::app
