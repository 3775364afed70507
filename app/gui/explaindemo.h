// SPDX-License-Identifier: MIT
#pragma once

#include "stageddemo.h"

namespace hs::app {

/// Shows the Explain pane for scripts/screenshots.sh, when HANDLESCOPE_EXPLAIN_DEMO=<dir>,
/// HANDLESCOPE_EXPLAIN_DEMO_SOURCE=<pid>:<fd> and HANDLESCOPE_EXPLAIN_DEMO_TARGET=<pid> are
/// set: selects the fd with the Explain dock open (stage "explain"), then opens the
/// duplicate dialog on its Explain tab with close-source ticked ("explain-duplicate").
/// Like DemoDriver, each stage writes <dir>/<stage>.ready and waits for <dir>/<stage>.done.
class ExplainDemo : public StagedDemo {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    ExplainDemo(ui::MainWindow* window, QString dir, qint64 pid, qint64 fd, qint64 target);
    void build();

    qint64 m_pid;
    qint64 m_fd;
    qint64 m_target;
};

} // namespace hs::app
