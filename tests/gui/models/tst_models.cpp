// SPDX-License-Identifier: MIT
// ui/models against hand-built lists: the model contract (QAbstractItemModelTester), diffs
// applied without a reset, selections that survive, reused pids and fd numbers, highlights
// from timestamps, rejected diffs, filters and sorting, the log model.
#include "synthetic.h"
#include "tables.h"

#include "log/logmodel.h"
#include "log/logproxymodel.h"
#include "log/qtlogsink.h"
#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "models/processmodel.h"
#include "models/processproxymodel.h"
#include "models/roles.h"

#include "handlescope/log.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <random>
#include <thread>

using namespace hs::ui;
using hs::test::makeHandle;
using hs::test::makeProcess;
using hs::test::showHandles;
using hs::test::showProcesses;

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
    static QStringList column(const QAbstractItemModel& model, int column)
    {
        QStringList out;
        for (int r = 0; r < model.rowCount(); ++r)
            out << model.index(r, column).data().toString();
        return out;
    }

private Q_SLOTS:
    // A few changes go out as inserts and removes, run by run.
    void processModelAppliesDiffsWithoutReset()
    {
        ProcessModel model;
        model.setFlashDuration(std::chrono::milliseconds(0));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        std::vector<hs::ProcessInfo> first;
        for (hs::Pid pid = 10; pid < 74; ++pid)
            first.push_back(makeProcess(pid));
        QVERIFY(showProcesses(model, first));
        QCOMPARE(model.rowCount(), 64);
        QCOMPARE(inserted.count(), 1); // one run
        std::vector<hs::ProcessInfo> second;
        for (const auto& p : first)
            if (p.pid != 20 && p.pid != 40)
                second.push_back(p);
        second.push_back(makeProcess(21, 7));
        second.push_back(makeProcess(80));
        second.push_back(makeProcess(81));
        QVERIFY(showProcesses(model, second));
        QCOMPARE(model.rowCount(), 65);
        QCOMPARE(removed.count(), 2);  // 20 and 40, not neighbours
        QCOMPARE(inserted.count(), 3); // the new 21, then 80-81 as one run
        QCOMPARE(layout.count(), 0);
        QCOMPARE(reset.count(), 0);
        const QStringList pids = column(model, ProcessModel::PidColumn);
        QCOMPARE(pids.mid(9, 4), QStringList({"19", "21", "21", "22"}));
        QCOMPARE(pids.mid(63), QStringList({"80", "81"}));
    }

    void processSelectionSurvivesARefresh()
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
        showProcesses(model, first);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
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
        showProcesses(model, second);
        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.data(PidRole).toLongLong(), 300);
        QCOMPARE(selection.currentIndex().data(PidRole).toLongLong(), 300);
        QVERIFY(selection.isRowSelected(selection.currentIndex().row()));
        QCOMPARE(persistent.sibling(persistent.row(), ProcessModel::DeltaColumn).data().toString(), QStringLiteral("+14"));
        QCOMPARE(model.rowCount(), 351);
        QCOMPARE(layout.count(), 1); // 150 scattered removes and an insert go out as one layout change
    }

    void reusedPidIsNewProcess()
    {
        ProcessModel model;
        model.setFlashDuration(std::chrono::milliseconds(0));
        showProcesses(model, {makeProcess(42, 100)});
        QPersistentModelIndex old(model.index(0, 0));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        showProcesses(model, {makeProcess(42, 999)}); // same pid, new start time
        QVERIFY(!old.isValid());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.process(0).startTime, 999u);
        QCOMPARE(model.rowOfPid(42), 0);
        QCOMPARE(changed.count(), 0);
    }

    void processSortsNumbersAsNumbers()
    {
        ProcessModel model;
        showProcesses(model, {makeProcess(9, 1, 100), makeProcess(10, 1, 9), makeProcess(100, 1, 10)});
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
        showProcesses(model, {p, makeProcess(78)});
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
        const Millis t0 = steadyNowMs();
        showHandles(model, key, {makeHandle(3, 100), makeHandle(5, 200), makeHandle(7, 300)}, t0);
        QPersistentModelIndex old5(model.index(model.rowOfValue(5), 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        // fd 5 closed and reopened on another file: a new handle, not a change.
        showHandles(model, key, {makeHandle(3, 100), makeHandle(5, 555), makeHandle(7, 300)}, t0);
        QCOMPARE(model.rowCount(), 4); // the closed one is still shown, red
        QCOMPARE(old5.data(FlashRole).toInt(), static_cast<int>(Flash::Removed));
        QVERIFY(old5.data(Qt::BackgroundRole).isValid());
        const int live = model.rowOfValue(5);
        QCOMPARE(model.handle(live).object.inode, 555u);
        QCOMPARE(model.index(live, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        QVERIFY(model.index(live, 0).data(Qt::BackgroundRole).isValid());
        // The next read after the flash: the closed row goes, the new one is plain.
        showHandles(model, key, {makeHandle(3, 100), makeHandle(5, 555), makeHandle(7, 300)},
                    t0 + model.flashMs() + 1);
        QVERIFY(!old5.isValid());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.count(), 0);
    }

    void highlightsEndByTimeWithOneRepaint()
    {
        HandleModel model;
        model.setFlashDuration(std::chrono::milliseconds(60));
        const hs::ProcessKey key{10, 1};
        showHandles(model, key, {makeHandle(3, 100)});
        showHandles(model, key, {makeHandle(3, 100), makeHandle(4, 101), makeHandle(9, 102)});
        QCOMPARE(model.index(1, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000); // rows 1-2 repainted once, together
        QCOMPARE(changed[0][0].toModelIndex().row(), 1);
        QCOMPARE(changed[0][1].toModelIndex().row(), 2);
        QCOMPARE(model.index(1, 0).data(FlashRole).toInt(), static_cast<int>(Flash::None));
        QCOMPARE(model.index(2, 0).data(FlashRole).toInt(), static_cast<int>(Flash::None));
    }

    void changedRowsAreBatched()
    {
        HandleModel model;
        const hs::ProcessKey key{10, 1};
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < 50; ++v)
            handles.push_back(makeHandle(v, 1000 + static_cast<std::uint64_t>(v)));
        showHandles(model, key, handles);
        for (int v = 10; v < 20; ++v)
            handles[static_cast<std::size_t>(v)].offset = 4096;
        handles[30].offset = 1;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        showHandles(model, key, handles);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed[0][0].toModelIndex().row(), 10);
        QCOMPARE(changed[0][1].toModelIndex().row(), 19);
        QCOMPARE(changed[1][0].toModelIndex().row(), 30);
        QCOMPARE(model.index(15, HandleModel::OffsetColumn).data().toString(), QStringLiteral("4096"));
    }

    void switchingProcessReplacesWithoutFlash()
    {
        HandleModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        showHandles(model, {1, 1}, {makeHandle(0, 1), makeHandle(1, 2)});
        showHandles(model, {2, 1}, {makeHandle(0, 1)}); // same key as a row of process 1
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.process(), std::optional<hs::ProcessKey>(hs::ProcessKey{2, 1}));
        QCOMPARE(model.index(0, 0).data(FlashRole).toInt(), static_cast<int>(Flash::None));
        QCOMPARE(inserted.count(), 2); // a new row even for the same key: another process's handle
    }

    // A diff is worked out against the rows the model had when the read was asked for; if
    // the rows changed meanwhile it must not be applied, or the rows would be wrong.
    void aDiffAgainstOtherRowsIsRejected()
    {
        HandleModel model;
        const hs::ProcessKey key{1, 1};
        showHandles(model, key, {makeHandle(0, 1)});
        auto list = std::make_shared<const std::vector<hs::HandleInfo>>(
            std::vector<hs::HandleInfo>{makeHandle(0, 1), makeHandle(1, 2)});
        auto stale = diffRows<HandleRowTraits>(model.rows(), handleItems(list), DiffMode::Highlight, steadyNowMs(), 1500);
        model.addRow(std::make_shared<const hs::HandleInfo>(makeHandle(7, 70))); // the rows change first
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(!model.apply(key, stale));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.handle(1).value, 7);
    }

    // Random lists, random changes: after each diff the model's rows are exactly the fresh
    // list plus the closed rows still flashing, in key order, and the tester saw every step.
    void randomDiffsKeepTheModelConsistent()
    {
        HandleModel model;
        HandleProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(HandleModel::NameColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::mt19937 random(7);
        const hs::ProcessKey key{1, 1};
        Millis now = 1'000'000;
        for (int round = 0; round < 40; ++round) {
            std::vector<hs::HandleInfo> fresh;
            for (int v = 0; v < 120; ++v)
                if (random() % 3 != 0)
                    fresh.push_back(makeHandle(v, random() % 4 == 0 ? 5000 + random() % 3 : static_cast<std::uint64_t>(v)));
            now += static_cast<Millis>(random() % 2000);
            QVERIFY(showHandles(model, key, fresh, now));
            std::size_t live = 0;
            for (int r = 0; r < model.rowCount(); ++r) {
                const auto& row = model.rowAt(r);
                if (r > 0)
                    QVERIFY(HandleRowTraits::keyOf(model.rowAt(r - 1).item) < HandleRowTraits::keyOf(row.item));
                if (row.removedAt == 0)
                    QCOMPARE(row.item->value, fresh[live++].value);
                else
                    QVERIFY(now - row.removedAt < model.flashMs());
            }
            QCOMPARE(live, fresh.size());
            QCOMPARE(proxy.rowCount(), model.rowCount());
        }
    }

    void handleProxyFiltersAndSorts()
    {
        HandleModel model;
        HandleProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto tcp = makeHandle(9, 2, hs::HandleKind::Socket, "socket:[77]");
        tcp.socket = std::make_shared<const hs::SocketInfo>(hs::SocketInfo{.family = "inet",
                                                                           .protocol = "tcp",
                                                                           .localAddress = "127.0.0.1:5432",
                                                                           .remoteAddress = "127.0.0.1:40112",
                                                                           .state = "ESTABLISHED"});
        showHandles(model, {1, 1}, {makeHandle(2, 1), tcp, makeHandle(10, 3, hs::HandleKind::Fifo, ""), makeHandle(100, 4)});
        proxy.sort(HandleModel::ValueColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("9"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("10")); // not "100" (text order)
        // The Name column says what the core's description says: the endpoints.
        QCOMPARE(proxy.index(1, HandleModel::NameColumn).data().toString(),
                 QStringLiteral("tcp 127.0.0.1:5432 -> 127.0.0.1:40112 ESTABLISHED"));
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
        proxy.setTextFilter(QStringLiteral("5432")); // the endpoints are filtered on too
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("9"));
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
