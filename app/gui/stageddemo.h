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

/// A scripted run of the real window for scripts/screenshots.sh. Steps are polled, one
/// every 100 ms (each gets a turn of the event loop before the next), until each returns
/// true. A stage writes <dir>/<stage>.ready and waits for <dir>/<stage>.done, so the script
/// can grab the X display in between. The demos (DemoDriver, LeakDemo, ExplainDemo) add
/// their steps in their constructors and call start().
class StagedDemo : public QObject {
    Q_OBJECT
protected:
    StagedDemo(ui::MainWindow* window, QString dir);
    using Step = std::function<bool()>; ///< polled until it returns true
    void add(Step step) { m_steps.push_back(std::move(step)); }
    void addWait(int milliseconds);
    void addStage(const QString& name);
    void start();

    ui::MainWindow* m_window;
    QString m_dir;

private:
    void tick();

    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    qint64 m_waitUntil = 0;
    QTimer m_timer;
};

} // namespace hs::app
