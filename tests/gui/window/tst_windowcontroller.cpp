// SPDX-License-Identifier: MIT
// ui/window: the controller's refresh against a Reader fed by the test. Behaviour only:
// the source blocks on a latch the test opens.
#include "synthetic.h"

#include "models/processmodel.h"
#include "window/windowcontroller.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace hs::ui;
using hs::test::makeProcess;

class TestWindowController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // F5 while a read is under way: that read is not cancelled (on a slow machine nothing
    // would ever answer), and one more read follows it, started after the request, so the
    // list shown last includes what appeared after F5 was pressed.
    void refreshDuringAReadIsFollowedByAnother()
    {
        WindowController controller(WindowController::Options{.readerPriority = QThread::NormalPriority});
        std::mutex mutex;
        std::condition_variable cv;
        bool open = false;
        std::atomic<int> calls = 0;
        std::atomic<bool> firstCancelled = false;
        Reader::Sources sources = Reader::coreSources();
        sources.processes = [&](const hs::CancelToken& cancel) -> hs::Result<std::vector<hs::ProcessInfo>> {
            const int n = ++calls;
            if (n == 1) {
                std::unique_lock lock(mutex);
                cv.wait(lock, [&] { return open; });
                firstCancelled = cancel.cancelled();
                return std::vector<hs::ProcessInfo>{makeProcess(10)};
            }
            return std::vector<hs::ProcessInfo>{makeProcess(10), makeProcess(11)}; // 11 appeared after F5
        };
        controller.reader()->setSources(sources);
        QSignalSpy refreshed(&controller, &WindowController::refreshed);
        controller.refresh();
        QTRY_COMPARE(calls.load(), 1);
        controller.refresh(); // F5 while the first read runs
        controller.refresh(); // and again: still one more read, not two
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        cv.notify_all();
        QTRY_COMPARE(refreshed.count(), 2);
        QTRY_VERIFY(!controller.isRefreshing());
        QCOMPARE(calls.load(), 2);
        QVERIFY(!firstCancelled.load());
        QCOMPARE(controller.processModel()->rowCount(), 2);
        QVERIFY(controller.processModel()->rowOfPid(11) >= 0);
    }
};

QTEST_MAIN(TestWindowController)
#include "tst_windowcontroller.moc"
