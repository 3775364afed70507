// SPDX-License-Identifier: MIT
// The models against hand-built snapshots: the model contract (QAbstractItemModelTester),
// merging without reset, selection survival, reused fd numbers, batching, filters, sorting.
#include "synthetic.h"

#include "log/logmodel.h"
#include "log/logproxymodel.h"
#include "log/qtlogsink.h"
#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "models/processmodel.h"
#include "models/processproxymodel.h"
#include "models/roles.h"
#include "refresh/machinesearch.h"
#include "refresh/refreshcontroller.h"

#include "handlescope/log.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QPersistentModelIndex>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace hs::ui;
using hs::test::makeHandle;
using hs::test::makeProcess;

class TestModels : public QObject {
    Q_OBJECT
private:
    static std::vector<hs::ProcessInfo> processes(std::initializer_list<hs::Pid> pids)
    {
        std::vector<hs::ProcessInfo> out;
        for (auto pid : pids)
            out.push_back(makeProcess(pid));
        return out;
    }

private Q_SLOTS:
    void processModelMergesWithoutReset()
    {
        ProcessModel model;
        model.setFlashDuration(std::chrono::milliseconds(0));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.merge(processes({1, 5, 9, 20}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.count(), 1); // one run
        model.merge(processes({1, 7, 9, 30, 31}));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(removed.count(), 2);  // 5 and 20, not neighbours in the walk
        QCOMPARE(inserted.count(), 3); // 7, then 30-31 as one run
        QCOMPARE(reset.count(), 0);
        QStringList pids;
        for (int r = 0; r < model.rowCount(); ++r)
            pids << model.index(r, ProcessModel::PidColumn).data().toString();
        QCOMPARE(pids, QStringList({"1", "7", "9", "30", "31"}));
    }

    void processSelectionSurvivesMerge()
    {
        ProcessModel model;
        model.setFlashDuration(std::chrono::milliseconds(0));
        ProcessProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(ProcessModel::PidColumn, Qt::DescendingOrder);
        std::vector<hs::ProcessInfo> first;
        for (int pid = 1; pid <= 400; ++pid)
            first.push_back(makeProcess(pid));
        model.merge(first);
        QItemSelectionModel selection(&proxy);
        const QModelIndex target = proxy.mapFromSource(model.index(model.rowOfPid(300), 0));
        selection.setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(target);

        std::vector<hs::ProcessInfo> second;
        for (int pid = 1; pid <= 500; ++pid) {
            if (pid < 300 && pid % 2 == 0)
                continue; // every other one below 300 is gone
            second.push_back(makeProcess(pid, 100, pid == 300 ? 17 : 3));
        }
        model.merge(second);
        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.data(PidRole).toLongLong(), 300);
        QCOMPARE(selection.currentIndex().data(PidRole).toLongLong(), 300);
        QVERIFY(selection.isRowSelected(selection.currentIndex().row()));
        QCOMPARE(persistent.sibling(persistent.row(), ProcessModel::DeltaColumn).data().toString(), QStringLiteral("+14"));
    }

    void reusedPidIsNewProcess()
    {
        ProcessModel model;
        model.setFlashDuration(std::chrono::milliseconds(0));
        model.merge({makeProcess(42, 100)});
        QPersistentModelIndex old(model.index(0, 0));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.merge({makeProcess(42, 999)}); // same pid, new start time
        QVERIFY(!old.isValid());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.process(0).startTime, 999u);
        QCOMPARE(changed.count(), 0);
    }

    void processSortsNumbersAsNumbers()
    {
        ProcessModel model;
        model.merge({makeProcess(9, 1, 100), makeProcess(10, 1, 9), makeProcess(100, 1, 10)});
        ProcessProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ProcessModel::PidColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, ProcessModel::PidColumn).data().toString(), QStringLiteral("9"));
        QCOMPARE(proxy.index(2, ProcessModel::PidColumn).data().toString(), QStringLiteral("100"));
        proxy.sort(ProcessModel::HandlesColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, ProcessModel::HandlesColumn).data().toString(), QStringLiteral("9"));
        QCOMPARE(proxy.index(2, ProcessModel::HandlesColumn).data().toString(), QStringLiteral("100"));
        proxy.setTextFilter(QStringLiteral("proc10"));
        QCOMPARE(proxy.rowCount(), 2); // proc10 and proc100
    }

    void accessErrorIsGreyedWithReason()
    {
        ProcessModel model;
        model.setPrivilegeHint(QStringLiteral("run as root"));
        auto p = makeProcess(77);
        p.accessError = hs::Error{.operation = "read handles", .pid = 77, .osName = "EACCES", .osText = "Permission denied"};
        model.merge({p, makeProcess(78)});
        QVERIFY(model.index(0, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
        const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("EACCES")) && tip.contains(QStringLiteral("run as root")), qPrintable(tip));
    }

    void handleReusedFdIsNewHandle()
    {
        HandleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const hs::ProcessKey key{10, 1};
        model.show(key, {makeHandle(3, 100), makeHandle(5, 200), makeHandle(7, 300)});
        QPersistentModelIndex old5(model.index(model.rowOfValue(5), 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        // fd 5 closed and reopened on another file: a new handle, not a change.
        model.show(key, {makeHandle(3, 100), makeHandle(5, 555), makeHandle(7, 300)});
        QCOMPARE(model.rowCount(), 4); // the closed one is still shown, red
        QCOMPARE(old5.data(FlashRole).toInt(), static_cast<int>(Flash::Removed));
        const int live = model.rowOfValue(5);
        QCOMPARE(model.handle(live).object.inode, 555u);
        QCOMPARE(model.index(live, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        QVERIFY(model.index(live, 0).data(Qt::BackgroundRole).isValid());
        model.settleFlashes();
        QVERIFY(!old5.isValid());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(model.rowOfValue(5), 0).data(FlashRole).toInt(), static_cast<int>(Flash::None));
        QCOMPARE(reset.count(), 0);
    }

    void closedHandleFlashesThenGoes()
    {
        HandleModel model;
        model.setFlashDuration(std::chrono::milliseconds(80));
        const hs::ProcessKey key{10, 1};
        model.show(key, {makeHandle(3, 100), makeHandle(4, 101)});
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.show(key, {makeHandle(3, 100)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 2000);
        QCOMPARE(removed.count(), 1);
    }

    void changedRowsAreBatched()
    {
        HandleModel model;
        const hs::ProcessKey key{10, 1};
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < 50; ++v)
            handles.push_back(makeHandle(v, 1000 + static_cast<std::uint64_t>(v)));
        model.show(key, handles);
        for (int v = 10; v < 20; ++v)
            handles[static_cast<std::size_t>(v)].offset = 4096;
        handles[30].offset = 1;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.show(key, handles);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed[0][0].toModelIndex().row(), 10);
        QCOMPARE(changed[0][1].toModelIndex().row(), 19);
        QCOMPARE(changed[1][0].toModelIndex().row(), 30);
        QCOMPARE(model.index(15, HandleModel::OffsetColumn).data().toString(), QStringLiteral("4096"));
    }

    static bool keysAscend(const HandleModel& model)
    {
        for (int r = 1; r < model.rowCount(); ++r)
            if (!(model.rowAt(r - 1).key() < model.rowAt(r).key()))
                return false;
        return true;
    }

    // A search reads the whole machine (~2 s at 100,000 fds) on its own idle thread: a
    // refresh started meanwhile runs beside it at idle priority, instead of queuing behind
    // it until it counts as starved and moves to nice 10 for a minute.
    void aSearchDoesNotStarveTheRefresh()
    {
        // Shared with the jobs, which may outlive this function when a check fails.
        struct State {
            std::atomic<bool> searchReading{false}, searchMayEnd{false};
            std::atomic<int> refreshPriority{-1};
        };
        auto state = std::make_shared<State>();
        const auto endSearch = qScopeGuard([state] { state->searchMayEnd = true; });
        MachineSearch search;
        search.setStarvationTimeout(std::chrono::minutes(1)); // held on purpose: no stand-in
        search.setSource([state]() -> hs::Result<hs::Snapshot> {
            state->searchReading = true;
            while (!state->searchMayEnd)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return hs::test::makeSnapshot(2, 10);
        });
        std::vector<MachineSearchResult> replies;
        search.search([](const hs::Snapshot& s) { return hs::findHandles(s, hs::FindQuery{}); },
                      std::chrono::milliseconds(0), 100, [&](MachineSearchResult&& r) { replies.push_back(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(state->searchReading.load(), 5000);

        RefreshController controller;
        // Long: other tests running beside this one (ctest -j2) must not starve the idle
        // thread past it. A refresh queued behind the held search would wait it out anyway.
        controller.setStarvationTimeout(std::chrono::seconds(10));
        controller.setSources(
            [state]() -> hs::Result<std::vector<hs::ProcessInfo>> {
                state->refreshPriority = QThread::currentThread()->priority();
                return std::vector<hs::ProcessInfo>{makeProcess(7)};
            },
            [](hs::Pid) { return hs::Result<std::vector<hs::HandleInfo>>(std::vector<hs::HandleInfo>{}); });
        QSignalSpy finished(&controller, &RefreshController::finished);
        controller.refresh();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished[0][0].value<std::shared_ptr<RefreshResult>>()->processes.at(0).pid, hs::Pid(7));
        QCOMPARE(controller.starvedCount(), 0);
        QCOMPARE(state->refreshPriority.load(), int(QThread::IdlePriority));
        QVERIFY(replies.empty()); // the search was still reading: the two ran side by side

        state->searchMayEnd = true;
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), std::size_t(1), 5000);
        QVERIFY(!replies[0].error);
        QCOMPARE(replies[0].processes, std::size_t(2));
        QCOMPARE(replies[0].handles, std::size_t(10));
        QCOMPARE(search.starvedCount(), 0);
    }

    void refreshRunsIdleAndFallsBackWhenStarved()
    {
        // A source that records the priority of the thread it runs on; once hangAtIdle is
        // set, a read at idle priority hangs for 1.5 s, as a refresh at idle priority does
        // on a machine whose cores other programs keep busy. Idle reads show pid 1, 2, ...,
        // reads at nice 10 pid 101, 102, ...: by priority, not call order, since under load
        // the stand-in may start before the starved job.
        RefreshController controller;
        // Not starved unless the job hangs: long enough that other tests running beside
        // this one (ctest -j2) cannot keep the idle thread from a 1 ms job that long.
        controller.setStarvationTimeout(std::chrono::seconds(10));
        std::mutex mutex;
        std::vector<QThread::Priority> priorities;
        std::atomic<int> idleReads{0}, otherReads{0}, idleDone{0};
        std::atomic<bool> hangAtIdle{false};
        controller.setSources(
            [&]() -> hs::Result<std::vector<hs::ProcessInfo>> {
                const bool idle = QThread::currentThread()->priority() == QThread::IdlePriority;
                const hs::Pid pid = idle ? ++idleReads : 100 + ++otherReads;
                {
                    std::lock_guard lock(mutex);
                    priorities.push_back(QThread::currentThread()->priority());
                }
                if (idle && hangAtIdle)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
                idleDone += idle;
                return std::vector<hs::ProcessInfo>{makeProcess(pid)};
            },
            [](hs::Pid) { return hs::Result<std::vector<hs::HandleInfo>>(std::vector<hs::HandleInfo>{}); });
        QSignalSpy finished(&controller, &RefreshController::finished);
        auto pidShown = [&](int i) {
            return finished[i][0].value<std::shared_ptr<RefreshResult>>()->processes.at(0).pid;
        };

        controller.refresh(); // not starved: runs on the idle thread
        QVERIFY(finished.wait(15000));
        QCOMPARE(pidShown(0), hs::Pid(1));
        QCOMPARE(controller.starvedCount(), 0);

        controller.setStarvationTimeout(std::chrono::milliseconds(300));
        hangAtIdle = true;
        controller.refresh(); // starved: given up after 300 ms, done again at nice 10
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
        QCOMPARE(pidShown(1), hs::Pid(101));
        QCOMPARE(controller.starvedCount(), 1);
        QVERIFY(!controller.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(idleDone.load(), 2, 15000); // the starved job comes back:
        QTest::qWait(100);                                     // it is stale, nothing is shown
        QCOMPARE(finished.count(), 2);

        controller.refresh(); // still backing off: not on the idle thread
        QVERIFY(finished.wait(5000));
        QCOMPARE(pidShown(2), hs::Pid(102));
        std::lock_guard lock(mutex);
        QCOMPARE(priorities.size(), std::size_t(4));
        QCOMPARE(priorities[0], QThread::IdlePriority);
        QCOMPARE(std::count(priorities.begin(), priorities.end(), QThread::IdlePriority), 2);
    }

    void clearIsImmediateEvenWhenSliced()
    {
        // The rows of a process no longer shown must not be found, and selected, while a
        // sliced walk would still be removing them.
        HandleModel model;
        model.setSliceBudget(std::chrono::microseconds(1));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < 300; ++v)
            handles.push_back(makeHandle(v, 1 + static_cast<std::uint64_t>(v)));
        model.show({10, 1}, handles);
        QTRY_VERIFY(!model.isWalking());
        QCOMPARE(model.rowCount(), 300);
        model.clear();
        QVERIFY(!model.isWalking());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfValue(42), -1);
        QVERIFY(!model.process().has_value());
    }

    // A merge with a slice budget pauses between slices; in between, the model is valid
    // (the tester checks every signal), sorted, and its lookups find every handle.
    void slicedMergeYieldsAndStaysConsistent()
    {
        HandleModel model;
        model.setSliceBudget(std::chrono::microseconds(1)); // pause after nearly every step
        HandleProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(HandleModel::NameColumn);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        const hs::ProcessKey key{10, 1};
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < 600; ++v)
            handles.push_back(makeHandle(v, 1000 + static_cast<std::uint64_t>(v)));
        model.show(key, handles);
        QTRY_VERIFY(!model.isWalking());
        QCOMPARE(model.rowCount(), 600);
        const QPersistentModelIndex kept(model.index(model.rowOfValue(5), 0)); // fd 5 stays

        for (std::size_t i = 0; i < handles.size(); i += 10) // 60 fds reopened on new files
            handles[i].object.inode += 1'000'000;
        model.show(key, handles);
        QVERIFY(model.isWalking()); // it yielded instead of doing all 600 steps at once
        int pauses = 0;
        while (model.isWalking()) {
            ++pauses;
            QVERIFY(keysAscend(model));
            for (int v : {0, 5, 290, 599})
                QCOMPARE(model.handle(model.rowOfValue(v)).value, v);
            QCoreApplication::processEvents();
        }
        QVERIFY2(pauses > 10, qPrintable(QString::number(pauses)));
        QCOMPARE(model.rowCount(), 660); // 60 closed (red) + 60 new (green)
        int added = 0, removed = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto flash = model.rowAt(r).flash;
            added += flash == Flash::Added;
            removed += flash == Flash::Removed;
        }
        QCOMPARE(added, 60);
        QCOMPARE(removed, 60);
        QCOMPARE(kept.data(HandleValueRole).toLongLong(), 5);
        QCOMPARE(proxy.rowCount(), 660);

        // A new list while a merge is under way: the first completes, then the second.
        handles[5].offset = 77;
        model.show(key, handles);
        QVERIFY(model.isWalking());
        model.show(key, handles);
        model.finishMerge();
        QVERIFY(!model.isWalking());
        QVERIFY(keysAscend(model));
        QCOMPARE(model.index(model.rowOfValue(5), HandleModel::OffsetColumn).data().toString(), QStringLiteral("77"));

        model.settleFlashes();
        QCOMPARE(model.rowCount(), 600);
        QCOMPARE(model.handle(model.rowOfValue(10)).object.inode, 1'001'010u);
        QCOMPARE(model.rowAt(model.rowOfValue(10)).flash, Flash::None);
        QCOMPARE(reset.count(), 0);
    }

    // Highlights expire in slices too; a merge that arrives meanwhile stops the expiry
    // where it is (those rows expire on the next tick).
    void mergeInterruptsSlicedExpiry()
    {
        HandleModel model;
        model.setSliceBudget(std::chrono::microseconds(1));
        model.setFlashDuration(std::chrono::milliseconds(30));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const hs::ProcessKey key{10, 1};
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < 300; ++v)
            handles.push_back(makeHandle(v, 1000 + static_cast<std::uint64_t>(v)));
        model.show(key, handles);
        QTRY_VERIFY(!model.isWalking());
        for (std::size_t i = 0; i < handles.size(); i += 3)
            handles[i].object.inode += 1'000'000; // 100 reopened
        model.show(key, handles);
        model.finishMerge();
        QCOMPARE(model.rowCount(), 400);
        QTest::qSleep(40); // highlights are due, but no event has run yet
        QTRY_VERIFY(model.isWalking()); // the flash timer started an expiry walk
        QVERIFY(model.rowCount() > 300);
        handles[1].offset = 9;
        model.show(key, handles); // stops the expiry, merges
        model.finishMerge();
        QVERIFY(keysAscend(model));
        QCOMPARE(model.index(model.rowOfValue(1), HandleModel::OffsetColumn).data().toString(), QStringLiteral("9"));
        QTRY_COMPARE(model.rowCount(), 300); // the rest expired on later ticks
        QTRY_VERIFY(!model.isWalking());
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowAt(r).flash, Flash::None);
    }

    void switchingProcessDoesNotFlash()
    {
        HandleModel model;
        model.show({1, 1}, {makeHandle(0, 1), makeHandle(1, 2)});
        model.show({2, 1}, {makeHandle(0, 9)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(FlashRole).toInt(), static_cast<int>(Flash::None));
    }

    void handleProxyFiltersAndSorts()
    {
        HandleModel model;
        HandleProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.show({1, 1}, {makeHandle(2, 1), makeHandle(9, 2, hs::HandleKind::Socket, "socket:[77]"),
                            makeHandle(10, 3, hs::HandleKind::Fifo, ""), makeHandle(100, 4)});
        proxy.sort(HandleModel::ValueColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("9"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("10")); // not "100" (text order)
        proxy.setKindFilter(hs::HandleKind::Socket);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setKindFilter(std::nullopt);
        proxy.setHideUnnamed(true);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setHideUnnamed(false);
        proxy.setTextFilter(QStringLiteral("FILE3")); // case-insensitive substring
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setTextFilter(QStringLiteral("/TMP/FILE4"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("100"));
        proxy.setTextFilter({});
        proxy.setGroupByType(true);
        QCOMPARE(proxy.index(0, HandleModel::TypeColumn).data().toString(), QStringLiteral("Regular file"));
        QCOMPARE(proxy.index(1, HandleModel::TypeColumn).data().toString(), QStringLiteral("Regular file"));
        const auto counts = proxy.kindCounts();
        QCOMPARE(counts.at(hs::HandleKind::RegularFile), 2);
        QCOMPARE(counts.at(hs::HandleKind::Socket), 1);
    }

    void logModelAndSink()
    {
        LogModel model;
        model.setMaxEntries(5);
        LogProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto sink = QtLogSink::attach(&model);
        std::thread worker([] {
            for (int i = 0; i < 8; ++i)
                hs::log::get("core.test")->info("worker line {}", i);
        });
        worker.join();
        QTRY_COMPARE(model.rowCount(), 5); // capped, oldest dropped
        QCOMPARE(model.entry(4).message, QStringLiteral("worker line 7"));
        QCOMPARE(model.entry(4).logger, QStringLiteral("core.test"));
        hs::log::get("core.test")->warn("a warning");
        QTRY_COMPARE(model.entry(4).message, QStringLiteral("a warning"));
        proxy.setMinimumLevel(spdlog::level::warn);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setMinimumLevel(0);
        proxy.setText(QStringLiteral("line 6"));
        QCOMPARE(proxy.rowCount(), 1);
        sink->detach();
        hs::log::get("core.test")->info("after detach");
        QTest::qWait(50);
        QCOMPARE(model.entry(4).message, QStringLiteral("a warning"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
