// SPDX-License-Identifier: MIT
#pragma once

#include "stageddemo.h"

#include <QPointer>

namespace hs::ui {
class LearnWindow;
class ThreeWaysWindow;
}

namespace hs::app {

/// Walks through Learn mode for scripts/screenshots.sh when HANDLESCOPE_LEARN_DEMO=<dir> is
/// set: lesson 1 with its own demo processes, one stage per step (learn-1 ... learn-7,
/// the last after an untold copy was made), then lesson 2 with the three ways run
/// ("learn-three-ways"). Like the other demos, each stage writes <dir>/<stage>.ready and
/// waits for <dir>/<stage>.done.
class LearnDemo : public StagedDemo {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    LearnDemo(ui::MainWindow* window, QString dir);
    void build();
    void next();

    QPointer<ui::LearnWindow> m_learn;
    QPointer<ui::ThreeWaysWindow> m_threeWays;
};

} // namespace hs::app
