// SPDX-License-Identifier: MIT
#pragma once

#include "stageddemo.h"

class QProcess;

namespace hs::app {

/// Drives the real window through a duplicate for scripts/screenshots.sh, when
/// HANDLESCOPE_DEMO=<dir> is set:
///   HANDLESCOPE_DEMO_SOURCE=<pid>:<fd>  the handle to show and duplicate
///   HANDLESCOPE_DEMO_TARGET=<pid>       where to duplicate it
/// At each stage it writes <dir>/<stage>.ready and waits for <dir>/<stage>.done, so the
/// script can take the screenshot of the X display in between. Stages: main,
/// duplicate-dialog, duplicate-success, duplicate-failure, log-panel.
class DemoDriver : public StagedDemo {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    DemoDriver(ui::MainWindow* window, QString dir, qint64 sourcePid, qint64 sourceFd, qint64 targetPid);
    void addRefresh();
    void build();

    qint64 m_sourcePid;
    qint64 m_sourceFd;
    qint64 m_targetPid;
    QProcess* m_doomed = nullptr; ///< a target that exits before the duplicate runs
    quint64 m_refreshFrom = 0;
};

} // namespace hs::app
