// SPDX-License-Identifier: MIT
#pragma once

#include "stageddemo.h"

namespace hs::app {

/// Shows the handle map for scripts/screenshots.sh, when HANDLESCOPE_MAP_DEMO=<dir>,
/// HANDLESCOPE_MAP_DEMO_SOURCE=<pid>:<fd>, HANDLESCOPE_MAP_DEMO_TARGET=<pid> and
/// HANDLESCOPE_MAP_DEMO_OBJECT=<pid>:<fd> are set: the duplicate dialog's map of the
/// source's fd ("map-before"), the map while the duplicate is held in the target (the
/// script sets HANDLESCOPE_TEST_INJECT=hold:pidfd_getfd:<ms>: "map-during"), after it
/// ("map-after"), then the Object Map dock on OBJECT's fd ("object-map"). Like
/// DemoDriver, each stage writes <dir>/<stage>.ready and waits for <dir>/<stage>.done.
class MapDemo : public StagedDemo {
    Q_OBJECT
public:
    static void startIfRequested(ui::MainWindow* window);

private:
    struct Handle {
        qint64 pid = 0;
        qint64 fd = -1;
    };
    MapDemo(ui::MainWindow* window, QString dir, Handle source, qint64 target, Handle object);
    void build();
    bool select(Handle handle) const;

    Handle m_source;
    qint64 m_target;
    Handle m_object;
};

} // namespace hs::app
