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

/// Drives the leak-hunting views for scripts/screenshots.sh, when HANDLESCOPE_LEAK_DEMO=<dir>
/// is set and HANDLESCOPE_LEAK_DEMO_PID=<pid> names a leaking process (hs_leak_helper leak):
/// samples with a 12 s window and charts the process by type, takes snapshots A and B of
/// it (markers on the chart), waits until it is a suspect, shows the diff, then traces it
/// for a few seconds in "Opened by". Stages, as DemoDriver's (<dir>/<stage>.ready, then
/// wait for <dir>/<stage>.done): leak-chart, leak-suspects, leak-diff, opened-by.
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
