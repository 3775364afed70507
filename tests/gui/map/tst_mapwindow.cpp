// SPDX-License-Identifier: MIT
// The handle map in the real main window. A real duplicate driven through the duplicate
// dialog: every progress step the core reported reaches the dialog's map in order (the
// same lines as the result's steps), the new slot has the result's value in the target's
// column; a duplicate into a target that has exited fails at the pin step (pidfd_open,
// ESRCH) and the map says so. The Object Map dock: a pipe shared with a child shows both
// ends in the right processes, a socket pair its other end.
#include "child.h"
#include "fd_layout.h"
#include "peer_helper.h"
#include "procfs.h"

#include "dialogs/duplicatedialog.h"
#include "log/qtmessagebridge.h"
#include "map/handlemapmodel.h"
#include "map/handlemapview.h"
#include "map/objectmappane.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "resources.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QAction>
#include <QDockWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace hs::ui;
namespace layout = hstest::layout;

namespace {

using Slot = std::tuple<hs::Pid, hs::HandleValue, hs::AccessMode>;

std::vector<Slot> slotsOf(const HandleMapModel& map)
{
    std::vector<Slot> out;
    for (int row = 0; row < map.rowCount(); ++row)
        out.emplace_back(map.slotAt(row).pid, map.slotAt(row).value, map.slotAt(row).access);
    std::sort(out.begin(), out.end());
    return out;
}

int rowOf(const HandleMapModel& map, hs::Pid pid)
{
    for (int row = 0; row < map.rowCount(); ++row)
        if (map.slotAt(row).pid == pid)
            return row;
    return -1;
}

} // namespace

class TestMapWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;
    hstest::Child m_source;

    void refreshAndWait()
    {
        const quint64 wanted = m_window->refreshCount() + (m_window->controller()->isRefreshing() ? 2 : 1);
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= wanted && !m_window->controller()->isRefreshing(), 30000);
    }

    void select(hs::Pid pid, hs::HandleValue value)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processModel()->rowOfPid(pid) >= 0, 15000);
        QVERIFY(m_window->processPane()->selectPid(pid));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->handleModel()->rowOfValue(value) >= 0, 15000);
        QVERIFY(m_window->handlePane()->selectValue(value));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysPtrace))
            QSKIP("needs CAP_SYS_PTRACE (run as root): the duplicate injects into a helper");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        installQtMessageBridge();
        QCOMPARE(m_source.startHelper(), std::string());
        m_window
            = std::make_unique<MainWindow>(WindowController::Options { .readerPriority = QThread::NormalPriority });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > 0, 15000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void duplicateStepsReachTheMapInOrder()
    {
        hstest::Child target;
        QCOMPARE(target.startHelper(), std::string());
        refreshAndWait();
        select(m_source.pid(), layout::File);
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("previewTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->widget(0), dialog->findChild<QWidget*>(QStringLiteral("mapArea")));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Map"));

        // Seeded with the handle's holders: the source's slot alone (its own data.txt).
        HandleMapModel* map = dialog->mapModel();
        QTRY_COMPARE_WITH_TIMEOUT(map->holderCount(), 1, 15000);
        QCOMPARE(map->slotAt(0).pid, static_cast<hs::Pid>(m_source.pid()));
        QCOMPARE(map->slotAt(0).value, static_cast<hs::HandleValue>(layout::File));
        QVERIFY2(map->object().name.endsWith(QLatin1String("/data.txt")), qPrintable(map->object().name));
        QCOMPARE(map->object().offset, std::optional<std::uint64_t>(layout::kFileOffset));

        QObject listening; // the connections below end with this function
        std::vector<std::string> reached;
        connect(map, &HandleMapModel::stepReported, &listening, [&] {
            if (map->lastStep())
                reached.push_back(map->lastStep()->line());
        });
        std::optional<DuplicateOutcome> outcome;
        connect(m_window->controller(), &WindowController::duplicateFinished, &listening,
            [&](const DuplicateOutcome& o) { outcome = o; });
        QVERIFY(dialog->selectTarget(target.pid()));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value() && !dialog->isRunning(), 15000);
        QVERIFY2(outcome->result.has_value(), outcome->result ? "" : outcome->result.error().message().c_str());
        QCOMPARE(tabs->currentIndex(), 0);

        // Every step, in the order the core made them, all before the result.
        QCOMPARE(reached, outcome->result->steps);
        QVERIFY(!map->failure());
        // The copy: the target's own value, in the target's column, the holder count up.
        QCOMPARE(map->holderCount(), 2);
        const int row = rowOf(*map, target.pid());
        QVERIFY(row >= 0);
        QCOMPARE(map->slotAt(row).value, outcome->result->newHandle);
        QCOMPARE(*dialog->newHandle(), outcome->result->newHandle);
        QVERIFY(map->slotAt(row).appeared);
        QCOMPARE(map->processes(), (std::vector<hs::Pid> { m_source.pid(), target.pid() }));
        HandleMapView* view = dialog->mapView();
        QVERIFY(view->slotRect(0).right() <= view->objectRect().left()); // the source's column left of the object
        QVERIFY(view->slotRect(row).left() >= view->objectRect().right()); // the target's right of it
        QVERIFY(view->slotRect(row).isValid() && view->objectRect().isValid());
        QVERIFY2(view->captionText().startsWith(HandleMapView::tr("%n holder(s)", nullptr, 2)),
            qPrintable(view->captionText()));
        QCOMPARE(std::string(hs::toString(map->lastStep()->step)), std::string("detached"));
        dialog->close();
    }

    void duplicateIntoAnExitedTargetFailsAtThePin()
    {
        hstest::Child target;
        QCOMPARE(target.startHelper(), std::string());
        const hs::Pid gone = target.pid();
        refreshAndWait();
        select(m_source.pid(), layout::File);
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->selectTarget(gone));
        target.kill();
        QVERIFY(target.wait(std::chrono::seconds(5)).has_value()); // reaped: pidfd_open says ESRCH
        HandleMapModel* map = dialog->mapModel();
        const int holdersBefore = map->holderCount();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
        QVERIFY(!dialog->newHandle());
        QVERIFY(map->failure().has_value());
        QCOMPARE(std::string(hs::toString(map->failure()->step)), std::string("pinned"));
        QVERIFY(map->failure()->error.has_value());
        QCOMPARE(map->failure()->error->osName, std::string("ESRCH"));
        QVERIFY2(map->failure()->error->operation.find("pidfd_open") != std::string::npos,
            map->failure()->error->operation.c_str());
        QCOMPARE(map->failure()->error->pid, gone);
        QCOMPARE(map->holderCount(), holdersBefore); // nothing appeared
        QCOMPARE(rowOf(*map, gone), -1);
        const QString caption = dialog->mapView()->captionText();
        QVERIFY2(caption.contains(QStringLiteral("Failed at step pinned")) && caption.contains(QStringLiteral("ESRCH")),
            qPrintable(caption));
        dialog->close();
    }

    void objectMapShowsBothEndsOfAPipe()
    {
        hstest::PeerHelper helper;
        const std::string why = helper.start();
        QVERIFY2(why.empty(), why.c_str());
        QDockWidget* dock = m_window->objectMapDock();
        QVERIFY(dock);
        QCOMPARE(dock->objectName(), QStringLiteral("objectMapDock"));
        QVERIFY(!dock->isVisible()); // hidden by default
        QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isVisible());
        auto* pane = qobject_cast<ObjectMapPane*>(dock->widget());
        QVERIFY(pane);

        refreshAndWait();
        select(helper.pid(), helper.pipeRead);
        // The holders arrive from the search: the helper's read end and its child's write end.
        const std::vector<Slot> ends { { helper.pid(), helper.pipeRead, hs::AccessMode::Read },
            { helper.child, helper.childPipeWrite, hs::AccessMode::Write } };
        QTRY_COMPARE_WITH_TIMEOUT(slotsOf(*pane->model()), ends, 15000);
        QVERIFY(pane->model()->object().kind == hs::HandleKind::Fifo);
        QVERIFY(!pane->model()->peer()); // one object: the ends are its slots
        const int childRow = rowOf(*pane->model(), helper.child);
        QCOMPARE(pane->model()->slotAt(childRow).processName, QStringLiteral("hs_peer_child"));

        // A socket pair: two objects, the other end drawn linked with its holder.
        QVERIFY(m_window->handlePane()->selectValue(helper.pairA));
        QTRY_VERIFY_WITH_TIMEOUT(pane->model()->peer().has_value(), 15000);
        QCOMPARE(pane->model()->holderCount(), 1);
        QCOMPARE(pane->model()->slotAt(0).value, static_cast<hs::HandleValue>(helper.pairA));
        QCOMPARE(pane->model()->peer()->slots.size(), std::size_t(1));
        QCOMPARE(pane->model()->peer()->slots.front().pid, static_cast<hs::Pid>(helper.pid()));
        QCOMPARE(pane->model()->peer()->slots.front().value, static_cast<hs::HandleValue>(helper.pairB));
        QVERIFY(pane->view()->peerRect().top() > pane->view()->objectRect().bottom());

        // Hidden again from its action.
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(!dock->isVisible());
    }
};

QTEST_MAIN(TestMapWindow)
#include "tst_mapwindow.moc"
