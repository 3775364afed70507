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

/// Drives the leak views for scripts/screenshots.sh, when HANDLESCOPE_LEAK_DEMO=<dir> is
/// set and HANDLESCOPE_LEAK_DEMO_PID=<pid> names a leaking process (hs_leak_helper leak):
/// samples with a 12 s window, charts the process by type with two snapshot markers,
/// and waits until it is a suspect. Stages, as DemoDriver's (<dir>/<stage>.ready, then
/// wait for <dir>/<stage>.done): leak-chart, leak-suspects.
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
    QTimer m_timer;
};

} // namespace hs::app
