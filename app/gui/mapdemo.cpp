// SPDX-License-Identifier: MIT
#include "mapdemo.h"

#include "dialogs/duplicatedialog.h"
#include "map/handlemapmodel.h"
#include "map/objectmappane.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QTabWidget>

#include <cstdio>

namespace hs::app {

namespace {
    std::optional<std::pair<qint64, qint64>> pidAndFd(const char* variable)
    {
        const QStringList parts = qEnvironmentVariable(variable).split(QLatin1Char(':'));
        if (parts.size() != 2)
            return std::nullopt;
        return std::pair { parts[0].toLongLong(), parts[1].toLongLong() };
    }
} // namespace

void MapDemo::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_MAP_DEMO");
    if (dir.isEmpty())
        return;
    const auto source = pidAndFd("HANDLESCOPE_MAP_DEMO_SOURCE");
    const auto object = pidAndFd("HANDLESCOPE_MAP_DEMO_OBJECT");
    const qint64 target = qEnvironmentVariable("HANDLESCOPE_MAP_DEMO_TARGET").toLongLong();
    if (!source || !object || target <= 0) {
        std::fprintf(stderr,
            "map demo: set HANDLESCOPE_MAP_DEMO_SOURCE=pid:fd, HANDLESCOPE_MAP_DEMO_TARGET=pid "
            "and HANDLESCOPE_MAP_DEMO_OBJECT=pid:fd\n");
        QApplication::exit(2);
        return;
    }
    new MapDemo(window, dir, { source->first, source->second }, target, { object->first, object->second });
}

MapDemo::MapDemo(ui::MainWindow* window, QString dir, Handle source, qint64 target, Handle object)
    : StagedDemo(window, std::move(dir))
    , m_source(source)
    , m_target(target)
    , m_object(object)
{
    build();
    start();
}

bool MapDemo::select(Handle handle) const
{
    m_window->processPane()->filterEdit()->setText(QString::number(handle.pid));
    return m_window->processPane()->selectPid(handle.pid) && m_window->handlePane()->selectValue(handle.fd);
}

void MapDemo::build()
{
    add([this] {
        m_window->move(0, 0); // no window manager under Xvfb: fill the screen ourselves
        m_window->resize(1280, 800);
        return m_window->refreshCount() > 0;
    });
    add([this] { return select(m_source); });
    addWait(1500); // the full-detail read (offset, flags) and the search for other holders
    add([this] { return select(m_source); });
    add([this] {
        auto* dialog = m_window->openDuplicateDialog();
        if (!dialog)
            return false;
        dialog->findChild<QLineEdit*>(QStringLiteral("targetSearch"))->setText(QString::number(m_target));
        if (!dialog->selectTarget(m_target))
            return false;
        dialog->setConfirm([](QWidget*, const QStringList&) { return true; }); // no risk to confirm here
        dialog->move(260, 10);
        dialog->resize(760, 780);
        return true;
    });
    addStage(QStringLiteral("map-before"));
    add([this] {
        m_window->duplicateDialog()->startDuplicate();
        return true;
    });
    // Held before pidfd_getfd: the pins, the attach and pidfd_open in the target are drawn.
    add([this] {
        const auto& step = m_window->duplicateDialog()->mapModel()->lastStep();
        return step && step->step == hs::DuplicateStep::Call && step->call.starts_with("pidfd_open");
    });
    addStage(QStringLiteral("map-during"));
    add([this] { return !m_window->duplicateDialog()->isRunning(); });
    addStage(QStringLiteral("map-after"));
    add([this] {
        m_window->duplicateDialog()->close();
        m_window->logDock()->hide(); // the map has the bottom of the window to itself
        m_window->objectMapDock()->show();
        m_window->resizeDocks({ m_window->objectMapDock() }, { 400 }, Qt::Vertical);
        return true;
    });
    add([this] { return select(m_object); });
    addWait(1500); // the holders search
    add([this] {
        auto* pane = static_cast<ui::ObjectMapPane*>(m_window->objectMapDock()->widget());
        return select(m_object) && pane->model()->holderCount() >= 2;
    });
    addStage(QStringLiteral("object-map"));
}

} // namespace hs::app
