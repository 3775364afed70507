// SPDX-License-Identifier: MIT
#pragma once

#include "stageddemo.h"

namespace hs::app {

/// Drives the leak-hunting views for scripts/screenshots.sh, when HANDLESCOPE_LEAK_DEMO=<dir>
/// is set and HANDLESCOPE_LEAK_DEMO_PID=<pid> names a leaking process (hs_leak_helper leak):
/// samples with a 12 s window and charts the process by type, takes snapshots A and B of
/// it (markers on the chart), waits until it is a suspect, shows the diff, then traces it
/// for a few seconds in "Opened by". Stages, as DemoDriver's (<dir>/<stage>.ready, then
/// wait for <dir>/<stage>.done): leak-chart, leak-suspects, leak-diff, opened-by.
class LeakDemo : public StagedDemo {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    LeakDemo(ui::MainWindow* window, QString dir, qint64 pid);
    void build();

    qint64 m_pid;
    bool m_diffReady = false;
    int m_reports = 0;
};

} // namespace hs::app
