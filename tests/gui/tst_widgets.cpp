// SPDX-License-Identifier: MIT
// Dialogs and helpers with hand-built data: CSV/JSON export, risk rules, the find
// dialog, the duplicate dialog's picker, preview and confirmation.
#include "synthetic.h"

#include "dialogs/duplicatedialog.h"
#include "dialogs/finddialog.h"
#include "dup/risk.h"
#include "models/hitmodel.h"
#include "refresh/machinesearch.h"
#include "models/handlemodel.h"
#include "util/tableexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace hs::ui;
using hs::test::makeHandle;
using hs::test::makeProcess;

class TestWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void csvEscaping()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Value"), QStringLiteral("Name")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("3")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("/tmp/a,b")));
        QCOMPARE(modelToCsv(model), QStringLiteral("Value,Name\r\n3,\"/tmp/a,b\"\r\n"));
        const auto json = QJsonDocument::fromJson(modelToJson(model)).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("/tmp/a,b"));
    }

    void riskRules()
    {
        RiskContext ctx{.selfPid = 500, .selfUid = 1000, .closeSource = false};
        QVERIFY(duplicateRisks(makeProcess(600), ctx).isEmpty());
        QCOMPARE(duplicateRisks(makeProcess(500), ctx).size(), 1); // the tool itself
        QCOMPARE(duplicateRisks(makeProcess(1), ctx).size(), 1);
        auto other = makeProcess(700);
        other.uid = 0;
        other.user = "root";
        QVERIFY(duplicateRisks(other, ctx).join(QLatin1Char(' ')).contains(QStringLiteral("root")));
        QVERIFY(isDisplayServer(makeProcess(800, 1, 1, "Xorg")));
        ctx.closeSource = true;
        QCOMPARE(duplicateRisks(makeProcess(600), ctx).size(), 1);
    }

    void findDialogSearchesAndJumps()
    {
        auto machine = hs::test::makeSnapshot(4, 40);
        machine.processes[2].handles[3].name = "/var/log/special.log";
        MachineSearch search;
        int reads = 0;
        search.setSource([&machine, &reads] {
            ++reads;
            return hs::Result<hs::Snapshot>(machine);
        });
        FindDialog dialog(&search);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy searched(&dialog, &FindDialog::searched);
        QTest::keyClicks(dialog.textEdit(), QStringLiteral("special"));
        QTest::keyClick(dialog.textEdit(), Qt::Key_Return);
        QVERIFY(dialog.isSearching());
        QVERIFY(searched.wait(10000));
        QVERIFY(!dialog.isSearching());
        const QAbstractItemModel* results = dialog.results()->model();
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->index(0, HitModel::ProcessColumn).data().toString(), QStringLiteral("proc102"));
        QCOMPARE(results->index(0, HitModel::PidColumn).data().toLongLong(), 102);
        QCOMPARE(results->index(0, HitModel::HandleColumn).data().toLongLong(), 3);
        QCOMPARE(results->index(0, HitModel::TypeColumn).data().toString(), QStringLiteral("Regular file"));
        QCOMPARE(results->index(0, HitModel::NameColumn).data().toString(), QStringLiteral("/var/log/special.log"));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("Searched 40 handles of 4 processes")),
                 qPrintable(dialog.statusLabel()->text()));

        QSignalSpy jump(&dialog, &FindDialog::jumpRequested);
        const QRect cell = dialog.results()->visualRect(results->index(0, 0));
        QTest::mouseClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(jump.count(), 1);
        QCOMPARE(jump[0][0].toLongLong(), 102);
        QCOMPARE(jump[0][1].toLongLong(), 3);

        dialog.textEdit()->setText(QStringLiteral("socket:\\[\\d+"));
        dialog.regexBox()->setChecked(true);
        dialog.find();
        QVERIFY(searched.wait(10000));
        QCOMPARE(results->rowCount(), 8); // every 5th handle of 10 per process
        // Sorting by PID, descending, by clicking the header twice: numbers, not text.
        dialog.results()->sortByColumn(HitModel::PidColumn, Qt::DescendingOrder);
        QCOMPARE(results->index(0, HitModel::PidColumn).data().toLongLong(), 103);
        QCOMPARE(results->index(7, HitModel::PidColumn).data().toLongLong(), 100);
        QCOMPARE(reads, 1); // the second search reused the first read of the machine
        // A bad expression is refused before the machine is read.
        dialog.textEdit()->setText(QStringLiteral("([unclosed"));
        dialog.find();
        QVERIFY(!dialog.isSearching());
        QCOMPARE(results->rowCount(), 0);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Invalid")));
    }

    void machineSearchReadsAgainWhenOldAndDropsWhenUnused()
    {
        MachineSearch search;
        search.setKeepFor(std::chrono::milliseconds(300));
        int reads = 0;
        bool fail = false;
        search.setSource([&reads, &fail]() -> hs::Result<hs::Snapshot> {
            ++reads;
            if (fail)
                return std::unexpected(hs::Error{.operation = "read /proc", .osCode = 13, .osName = "EACCES"});
            return hs::test::makeSnapshot(3, 30 * reads); // each read differs
        });
        std::optional<MachineSearchResult> last;
        auto run = [&](std::chrono::milliseconds maxAge) {
            last.reset();
            const quint64 id = search.search(
                [](const hs::Snapshot& snapshot) -> hs::Result<std::vector<hs::FindHit>> {
                    return hs::findHandles(snapshot, hs::FindQuery{});
                },
                maxAge, 5, [&last](MachineSearchResult&& r) { last = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 10000);
            QCOMPARE(last->id, id);
        };
        run(std::chrono::milliseconds(60000));
        QCOMPARE(reads, 1);
        QVERIFY(!last->error);
        QCOMPARE(last->processes, std::size_t(3));
        QCOMPARE(last->handles, std::size_t(30));
        QCOMPARE(last->matches, std::size_t(30));
        QCOMPARE(last->hits.size(), std::size_t(5)); // the limit
        QCOMPARE(last->hits[0].process.pid, hs::Pid(100));
        QCOMPARE(last->hits[0].processName, std::string("proc100"));
        QCOMPARE(last->hits[0].handle.value, hs::HandleValue(0));
        QVERIFY(search.holdsSnapshot());
        run(std::chrono::milliseconds(60000)); // young enough: not read again
        QCOMPARE(reads, 1);
        QCOMPARE(last->handles, std::size_t(30));
        run(std::chrono::milliseconds(0)); // too old: read again
        QCOMPARE(reads, 2);
        QCOMPARE(last->handles, std::size_t(60));
        // Unused for keepFor: dropped (on the refresh thread).
        QTRY_VERIFY_WITH_TIMEOUT(!search.holdsSnapshot(), 5000);
        fail = true;
        run(std::chrono::milliseconds(60000)); // nothing held: read, and the failure is passed on
        QCOMPARE(reads, 3);
        QVERIFY(last->error);
        QCOMPARE(last->error->osName, std::string("EACCES"));
        QVERIFY(last->hits.empty());
        QVERIFY(!search.holdsSnapshot());
    }

    void machineSearchRunsIdleOneAtATimeAndFallsBackWhenStarved()
    {
        MachineSearch search;
        // Long while the reads are quick: other tests running beside this one (ctest -j2)
        // must not starve the idle thread past it.
        search.setStarvationTimeout(std::chrono::seconds(10));
        std::mutex mutex;
        std::vector<QThread::Priority> priorities;
        std::atomic<int> calls{0}, running{0}, mostAtOnce{0}, idleReads{0};
        std::atomic<bool> hangAtIdle{false};
        search.setSource([&]() -> hs::Result<hs::Snapshot> {
            const int call = ++calls;
            const int now = ++running;
            mostAtOnce = std::max(mostAtOnce.load(), now);
            const bool idle = QThread::currentThread()->priority() == QThread::IdlePriority;
            {
                std::lock_guard lock(mutex);
                priorities.push_back(QThread::currentThread()->priority());
            }
            // The first two reads are quick; in the third search the read at idle priority
            // hangs, as one does while other programs keep every core busy, and its stand-in
            // at nice 10 does not. Decided by priority, not by call order: under load the
            // stand-in may start before the idle read.
            const bool hang = hangAtIdle && idle;
            std::this_thread::sleep_for(std::chrono::milliseconds(hang ? 1500 : 100));
            --running;
            idleReads += idle;
            return hs::test::makeSnapshot(2, hang ? 30 : idle ? 10 * call : 40);
        });
        auto query = [](const hs::Snapshot& snapshot) -> hs::Result<std::vector<hs::FindHit>> {
            return hs::findHandles(snapshot, hs::FindQuery{});
        };
        std::vector<MachineSearchResult> replies;
        auto collect = [&replies](MachineSearchResult&& r) { replies.push_back(std::move(r)); };

        // Two searches at once on the idle thread: one after the other, not side by side.
        const quint64 first = search.search(query, std::chrono::milliseconds(0), 100, collect);
        const quint64 second = search.search(query, std::chrono::milliseconds(0), 100, collect);
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), std::size_t(2), 25000);
        QCOMPARE(replies[0].id, first);
        QCOMPARE(replies[0].handles, std::size_t(10));
        QCOMPARE(replies[1].id, second);
        QCOMPARE(replies[1].handles, std::size_t(20));
        QCOMPARE(mostAtOnce.load(), 1);

        // Starved: given up after 300 ms and read again at nice 10, under the same id.
        search.setStarvationTimeout(std::chrono::milliseconds(300));
        hangAtIdle = true;
        const quint64 third = search.search(query, std::chrono::milliseconds(0), 100, collect);
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), std::size_t(3), 5000);
        QCOMPARE(replies[2].id, third);
        QCOMPARE(replies[2].handles, std::size_t(40)); // the stand-in's read
        QCOMPARE(search.starvedCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(idleReads.load(), 3, 15000); // the starved read comes back
        QTest::qWait(100);                                     // and its reply is dropped
        QCOMPARE(replies.size(), std::size_t(3));
        std::lock_guard lock(mutex);
        QCOMPARE(priorities.size(), std::size_t(4));
        QCOMPARE(priorities[0], QThread::IdlePriority);
        QCOMPARE(priorities[1], QThread::IdlePriority);
        QCOMPARE(std::count(priorities.begin(), priorities.end(), QThread::IdlePriority), 3);
    }

    void duplicateDialogPickerPreviewAndConfirmation()
    {
        const auto source = makeProcess(200, 1, 3, "server");
        const auto handle = makeHandle(7, 42);
        std::vector<hs::ProcessInfo> targets{makeProcess(1, 1, 3, "init"), makeProcess(200, 1, 3, "server"),
                                             makeProcess(300, 1, 3, "client"), makeProcess(400, 1, 3, "handlescope")};
        DuplicateDialog::rememberTarget(QStringLiteral("client"));
        DuplicateDialog dialog(source, handle, targets, RiskContext{.selfPid = 400, .selfUid = 1000});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* list = dialog.findChild<QTableView*>(QStringLiteral("targetList"));
        QVERIFY(list);
        // Recent target first, then HandleScope itself and the source.
        QCOMPARE(list->model()->index(0, 1).data().toString(), QStringLiteral("300"));
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("duplicateButton"));
        QVERIFY(!button->isEnabled()); // no target yet

        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("targetSearch")), QStringLiteral("init"));
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
        QCOMPARE(dialog.target()->pid, 1);
        QVERIFY(button->isEnabled());
        const QString preview = dialog.previewText();
        QVERIFY2(preview.contains(QStringLiteral("200")) && preview.contains(QStringLiteral("7")), qPrintable(preview));
        dialog.findChild<QCheckBox*>(QStringLiteral("closeSource"))->setChecked(true);
        QVERIFY(dialog.options().closeSource);
        QVERIFY2(dialog.previewText() != preview, "the preview follows the options");

        QStringList asked;
        dialog.setConfirm([&asked](QWidget*, const QStringList& risks) {
            asked = risks;
            return false; // the user says no
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 2); // close source + PID 1
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.newHandle());
        QCOMPARE(DuplicateDialog::recentTargets().value(0), QStringLiteral("client")); // not run: not remembered
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
