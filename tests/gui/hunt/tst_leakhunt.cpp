// SPDX-License-Identifier: MIT
// The leak-hunting views against real processes. The snapshot diff is driven with QTest
// over hs_leak_helper leak: the helper is stopped (SIGSTOP) while each snapshot is taken,
// so /proc says exactly which fds it opened in between, and the diff must name them with
// that count. A reused fd number (hs_fd_helper) must read as a close and an open.
// "Opened by" traces the leaking helper and must name its leaking functions with the
// exact count of fds they opened under the trace; it skips with the core's reason where
// BPF cannot load, and run as nobody it must show that reason.

#include "hunt/huntdocks.h"
#include "hunt/openedbymodel.h"
#include "hunt/openedbypane.h"
#include "hunt/snapshotdiffmodel.h"
#include "hunt/snapshotdiffpane.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "models/roles.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "window/windowcontroller.h"
#include "widgets/processpane.h"

#include "child.h"
#include "fd_layout.h"

#include "handlescope/describe.h"
#include "handlescope/diff.h"
#include "handlescope/inspect.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <csignal>
#include <memory>
#include <set>
#include <string>

using namespace hs::ui;
using namespace std::chrono_literals;

namespace {

namespace layout = hstest::layout;

/// Stops `pid` and waits until the kernel says it is stopped: its fd table holds still.
bool stopProcess(pid_t pid) { return ::kill(pid, SIGSTOP) == 0 && hstest::waitForState(pid, 'T'); }

std::set<int> fdSet(pid_t pid)
{
    const auto fds = hstest::fdNumbers(pid);
    return {fds.begin(), fds.end()};
}

/// The fds in `after` and not in `before` whose link satisfies `is`.
template <class Pred>
std::set<int> newFds(pid_t pid, const std::set<int>& before, const std::set<int>& after, Pred is)
{
    std::set<int> out;
    for (int fd : after)
        if (!before.contains(fd) && is(hstest::fdLink(pid, fd)))
            out.insert(fd);
    return out;
}

QString cell(const QAbstractItemModel& m, int row, int column, const QModelIndex& parent = {})
{
    return m.data(m.index(row, column, parent)).toString();
}

/// The top-level row of the diff model with this change, kind and pattern, -1 if none.
int groupRow(const SnapshotDiffModel& m, hs::Change change, hs::HandleKind kind, const std::string& pattern)
{
    for (int row = 0; row < m.rowCount(); ++row) {
        const auto& g = m.group(row);
        if (g.change == change && g.kind == kind && g.pattern == pattern)
            return row;
    }
    return -1;
}

QString groupsText(const SnapshotDiffModel& m)
{
    QString s;
    for (int row = 0; row < m.rowCount(); ++row)
        s += cell(m, row, SnapshotDiffModel::ChangeColumn) + QLatin1Char(' ') +
             cell(m, row, SnapshotDiffModel::CountColumn) + QLatin1Char(' ') +
             cell(m, row, SnapshotDiffModel::TypeColumn) + QLatin1Char(' ') +
             cell(m, row, SnapshotDiffModel::NameColumn) + QLatin1Char('\n');
    return s;
}

/// The handle values under a group row.
std::set<int> childValues(const SnapshotDiffModel& m, int row)
{
    std::set<int> out;
    const QModelIndex parent = m.index(row, 0);
    for (int r = 0; r < m.rowCount(parent); ++r)
        out.insert(static_cast<int>(m.index(r, 0, parent).data(HandleValueRole).toLongLong()));
    return out;
}

/// Clicks a snapshot button and waits for its snapshot (and, for B, the diff).
bool takeWithButton(SnapshotDiffPane& pane, const char* button, bool waitForDiff)
{
    QSignalSpy taken(&pane, &SnapshotDiffPane::snapshotTaken);
    QSignalSpy diffed(&pane, &SnapshotDiffPane::diffReady);
    auto* b = pane.findChild<QPushButton*>(QLatin1String(button));
    if (!b || !b->isEnabled())
        return false;
    QTest::mouseClick(b, Qt::LeftButton);
    return taken.wait(20000) && (!waitForDiff || diffed.count() > 0 || diffed.wait(20000));
}

int siteRow(const OpenedByModel& m, const QString& startsWith)
{
    for (int row = 0; row < m.rowCount(); ++row)
        if (cell(m, row, OpenedByModel::SiteColumn).startsWith(startsWith))
            return row;
    return -1;
}

QString sitesText(const OpenedByModel& m)
{
    QString s;
    for (int row = 0; row < m.rowCount(); ++row)
        s += cell(m, row, OpenedByModel::CountColumn) + QLatin1Char(' ') + cell(m, row, OpenedByModel::SiteColumn) +
             QLatin1Char('\n');
    return s;
}

} // namespace

class TestLeakHunt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The main window restores its docks from the settings: not the developer's own.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void diffNamesTheLeakWithItsCount()
    {
        hstest::Child helper;
        const auto e = helper.startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        const pid_t pid = helper.pid();
        const std::string held = helper.helper().dir + "/held";

        SnapshotDiffPane pane;
        pane.show();
        // Checks the tree model's contract at every reset (parents, row counts, data).
        QAbstractItemModelTester tester(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!pane.findChild<QPushButton*>(QStringLiteral("takeSnapshotA"))->isEnabled()); // no process yet
        pane.setProcess(pid, QStringLiteral("hs_leak_helper"));
        QSignalSpy marks(&pane, &SnapshotDiffPane::snapshotTaken);

        QVERIFY(stopProcess(pid));
        const auto fdsA = fdSet(pid);
        QVERIFY(takeWithButton(pane, "takeSnapshotA", false));
        ::kill(pid, SIGCONT);
        QTest::qWait(1200); // about 12 files and 12 sockets
        QVERIFY(stopProcess(pid));
        const auto fdsB = fdSet(pid);
        QVERIFY(takeWithButton(pane, "takeSnapshotB", true));
        ::kill(pid, SIGCONT);

        const auto files = newFds(pid, fdsA, fdsB, [&](const std::string& l) { return l == held; });
        const auto sockets = newFds(pid, fdsA, fdsB, [](const std::string& l) { return l.starts_with("socket:["); });
        QVERIFY2(files.size() >= 8 && sockets.size() >= 8, "the helper leaked too little in 1.2 s");
        QCOMPARE(fdsB.size(), fdsA.size() + files.size() + sockets.size()); // it never closes

        const SnapshotDiffModel& m = *pane.model();
        const QString text = groupsText(m);
        QVERIFY(m.diff());
        QCOMPARE(m.diff()->opened, static_cast<std::int64_t>(files.size() + sockets.size()));
        QCOMPARE(m.diff()->closed, std::int64_t(0));
        QCOMPARE(m.diff()->changed, std::int64_t(0));
        QCOMPARE(m.rowCount(), 2);

        hs::HandleInfo file;
        file.kind = hs::HandleKind::RegularFile;
        file.name = held;
        const std::string filePattern = hs::namePattern(file);
        QVERIFY2(filePattern.ends_with("/held"), filePattern.c_str());
        const int fileRow = groupRow(m, hs::Change::Opened, hs::HandleKind::RegularFile, filePattern);
        QVERIFY2(fileRow >= 0, qPrintable(text));
        QCOMPARE(cell(m, fileRow, SnapshotDiffModel::ChangeColumn), QStringLiteral("Opened"));
        QCOMPARE(cell(m, fileRow, SnapshotDiffModel::TypeColumn), QStringLiteral("Regular file"));
        QCOMPARE(cell(m, fileRow, SnapshotDiffModel::NameColumn), QString::fromStdString(filePattern));
        QCOMPARE(m.index(fileRow, SnapshotDiffModel::CountColumn).data().toLongLong(), qint64(files.size()));
        QCOMPARE(cell(m, fileRow, SnapshotDiffModel::ProcessColumn), QString::number(pid));
        QCOMPARE(childValues(m, fileRow), files);

        int socketRow = -1;
        for (int row = 0; row < m.rowCount(); ++row)
            if (m.group(row).kind == hs::HandleKind::Socket)
                socketRow = row;
        QVERIFY2(socketRow >= 0, qPrintable(text));
        QVERIFY(m.group(socketRow).change == hs::Change::Opened);
        // An unbound UDP socket is in no socket table: its pattern is what the core makes of it.
        const auto socketInfo = hs::handleInfo(pid, *sockets.begin());
        QVERIFY2(socketInfo, socketInfo ? "" : socketInfo.error().message().c_str());
        QCOMPARE(cell(m, socketRow, SnapshotDiffModel::NameColumn),
                 QString::fromStdString(hs::namePattern(*socketInfo)));
        QCOMPARE(cell(m, socketRow, SnapshotDiffModel::TypeColumn), QStringLiteral("Socket"));
        QCOMPARE(m.index(socketRow, SnapshotDiffModel::CountColumn).data().toLongLong(), qint64(sockets.size()));
        QCOMPARE(childValues(m, socketRow), sockets);
        // A child row names its handle and process.
        const QModelIndex firstFile = m.index(0, 0, m.index(fileRow, 0));
        QCOMPARE(firstFile.data().toString(), QString()); // the change is the group's
        QCOMPARE(cell(m, 0, SnapshotDiffModel::TypeColumn, m.index(fileRow, 0)), QStringLiteral("Regular file"));
        QCOMPARE(cell(m, 0, SnapshotDiffModel::NameColumn, m.index(fileRow, 0)), QString::fromStdString(held));
        QCOMPARE(firstFile.data(PidRole).toLongLong(), qint64(pid));

        // The chart's markers: one per snapshot, of this process, A then B.
        QCOMPARE(marks.count(), 2);
        QCOMPARE(marks.at(0).at(0).toLongLong(), qint64(pid));
        QCOMPARE(marks.at(0).at(2).toString(), QStringLiteral("A"));
        QCOMPARE(marks.at(1).at(2).toString(), QStringLiteral("B"));
        QVERIFY(marks.at(0).at(1).toDateTime() <= marks.at(1).at(1).toDateTime());

        // Export: CSV of the groups, JSON of groups and handles.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csvPath = dir.filePath(QStringLiteral("diff.csv"));
        const QString jsonPath = dir.filePath(QStringLiteral("diff.json"));
        QCOMPARE(pane.exportTo(csvPath, false), QString());
        QCOMPARE(pane.exportTo(jsonPath, true), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("change,type,pattern,count,pids,example"));
        QVERIFY2(lines.filter(QStringLiteral("opened,file,%1,%2,%3,%4")
                                  .arg(QString::fromStdString(filePattern))
                                  .arg(files.size())
                                  .arg(pid)
                                  .arg(QString::fromStdString(held)))
                         .size() == 1,
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("handlescope/1"));
        QCOMPARE(doc.value(QStringLiteral("pid")).toInteger(), qint64(pid));
        QCOMPARE(doc.value(QStringLiteral("opened")).toInteger(), qint64(files.size() + sockets.size()));
        QCOMPARE(doc.value(QStringLiteral("closed")).toInteger(), qint64(0));
        QCOMPARE(doc.value(QStringLiteral("groups")).toArray().size(), 2);
        QCOMPARE(doc.value(QStringLiteral("handles")).toArray().size(), qsizetype(files.size() + sockets.size()));
        QCOMPARE(doc.value(QStringLiteral("before")).toObject().value(QStringLiteral("handles")).toInteger(),
                 qint64(fdsA.size()));
        QCOMPARE(doc.value(QStringLiteral("after")).toObject().value(QStringLiteral("handles")).toInteger(),
                 qint64(fdsB.size()));
    }

    void reusedNumberIsACloseAndAnOpen()
    {
        hstest::Child helper;
        const std::string started = helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        const std::string dir = helper.helper().dir;
        SnapshotDiffPane pane;
        pane.setProcess(helper.pid(), QStringLiteral("hs_fd_helper"));
        QVERIFY(takeWithButton(pane, "takeSnapshotA", false));
        QCOMPARE(helper.ask("close " + std::to_string(layout::OddName)), std::string("1"));
        // The lowest free number is reused: open until the closed one is taken again.
        std::set<int> opened;
        while (!opened.contains(layout::OddName) && opened.size() < 64)
            opened.insert(std::stoi(helper.ask("open-file " + dir + "/reused")));
        QVERIFY(opened.contains(layout::OddName));
        QVERIFY(takeWithButton(pane, "takeSnapshotB", true));

        const SnapshotDiffModel& m = *pane.model();
        const QString text = groupsText(m);
        QCOMPARE(m.diff()->opened, static_cast<std::int64_t>(opened.size()));
        QCOMPARE(m.diff()->closed, std::int64_t(1));
        QCOMPARE(m.diff()->changed, std::int64_t(0));
        QCOMPARE(m.rowCount(), 2);
        for (hs::Change change : {hs::Change::Opened, hs::Change::Closed}) {
            const bool isOpen = change == hs::Change::Opened;
            hs::HandleInfo h;
            h.kind = hs::HandleKind::RegularFile;
            h.name = dir + "/" + (isOpen ? std::string("reused") : std::string(layout::kOddName));
            const int row = groupRow(m, change, hs::HandleKind::RegularFile, hs::namePattern(h));
            QVERIFY2(row >= 0, qPrintable(text));
            QCOMPARE(cell(m, row, SnapshotDiffModel::ChangeColumn),
                     isOpen ? QStringLiteral("Opened") : QStringLiteral("Closed"));
            QCOMPARE(m.index(row, SnapshotDiffModel::CountColumn).data().toLongLong(),
                     qint64(isOpen ? opened.size() : 1));
            QCOMPARE(childValues(m, row), isOpen ? opened : std::set<int>{layout::OddName});
            QCOMPARE(cell(m, 0, SnapshotDiffModel::NameColumn, m.index(row, 0)),
                     QString::fromStdString(hs::describeName(h)));
        }
    }

    /// The whole machine: the helper's leak is among everything else that changed.
    void machineScopeHoldsTheLeak()
    {
        hstest::Child helper;
        const auto e = helper.startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        const pid_t pid = helper.pid();
        const std::string held = helper.helper().dir + "/held";
        SnapshotDiffPane pane;
        pane.setMachineScope(true);
        QSignalSpy marks(&pane, &SnapshotDiffPane::snapshotTaken);

        QVERIFY(stopProcess(pid));
        const auto fdsA = fdSet(pid);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(takeWithButton(pane, "takeSnapshotA", false));
        const qint64 snapshotMs = timer.elapsed();
        ::kill(pid, SIGCONT);
        QTest::qWait(1000);
        QVERIFY(stopProcess(pid));
        const auto fdsB = fdSet(pid);
        timer.restart();
        QVERIFY(takeWithButton(pane, "takeSnapshotB", true));
        const qint64 snapshotAndDiffMs = timer.elapsed();
        ::kill(pid, SIGCONT);
        const SnapshotDiffModel& m = *pane.model();
        qInfo("whole machine: snapshot A in %lld ms, snapshot B and the diff in %lld ms; %lld opened, %lld closed, "
              "%lld changed, %d groups",
              snapshotMs, snapshotAndDiffMs, static_cast<long long>(m.diff()->opened),
              static_cast<long long>(m.diff()->closed), static_cast<long long>(m.diff()->changed), m.rowCount());

        QCOMPARE(marks.count(), 2);
        QCOMPARE(marks.at(0).at(0).toLongLong(), qint64(-1));
        const auto files = newFds(pid, fdsA, fdsB, [&](const std::string& l) { return l == held; });
        const auto sockets = newFds(pid, fdsA, fdsB, [](const std::string& l) { return l.starts_with("socket:["); });
        QVERIFY(files.size() >= 6 && sockets.size() >= 6);
        // The helper's file is its own: that group is all of it. Sockets without an
        // endpoint may share a group with other processes': the helper's rows are counted.
        std::set<int> fileRows;
        std::set<int> socketRows;
        std::set<int> closedOrChanged;
        for (int row = 0; row < m.rowCount(); ++row) {
            const QModelIndex parent = m.index(row, 0);
            for (int r = 0; r < m.rowCount(parent); ++r) {
                const QModelIndex child = m.index(r, 0, parent);
                if (child.data(PidRole).toLongLong() != pid)
                    continue;
                const int fd = static_cast<int>(child.data(HandleValueRole).toLongLong());
                if (m.group(row).change != hs::Change::Opened)
                    closedOrChanged.insert(fd);
                else if (m.group(row).kind == hs::HandleKind::RegularFile)
                    fileRows.insert(fd);
                else if (m.group(row).kind == hs::HandleKind::Socket)
                    socketRows.insert(fd);
            }
        }
        QCOMPARE(fileRows, files);
        QCOMPARE(socketRows, sockets);
        QVERIFY(closedOrChanged.empty());
        hs::HandleInfo file;
        file.kind = hs::HandleKind::RegularFile;
        file.name = held;
        const int fileRow = groupRow(m, hs::Change::Opened, hs::HandleKind::RegularFile, hs::namePattern(file));
        QVERIFY(fileRow >= 0);
        QCOMPARE(m.index(fileRow, SnapshotDiffModel::CountColumn).data().toLongLong(), qint64(files.size()));
        QCOMPARE(m.group(fileRow).pids, std::vector<hs::Pid>{pid});
    }

    /// B of a process that exited after A: the error names the snapshot and the core's cause.
    void snapshotOfAnExitedProcessSaysWhy()
    {
        auto helper = std::make_unique<hstest::Child>();
        const auto e = helper->startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        const pid_t pid = helper->pid();
        SnapshotDiffPane pane;
        pane.setProcess(pid, QStringLiteral("hs_leak_helper"));
        QVERIFY(takeWithButton(pane, "takeSnapshotA", false));
        helper.reset(); // ended and reaped
        QSignalSpy failed(&pane, &SnapshotDiffPane::snapshotFailed);
        QTest::mouseClick(pane.findChild<QPushButton*>(QStringLiteral("takeSnapshotB")), Qt::LeftButton);
        QVERIFY(failed.wait(20000));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Snapshot B failed: ")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(pid)) && message.contains(QStringLiteral("ESRCH")),
                 qPrintable(message));
        QCOMPARE(pane.summaryLabel()->text(), message);
        QVERIFY(!pane.model()->diff());
        // A is kept: B can be tried again, and A taken anew.
        QVERIFY(pane.findChild<QPushButton*>(QStringLiteral("takeSnapshotB"))->isEnabled());
        QVERIFY(pane.findChild<QPushButton*>(QStringLiteral("takeSnapshotA"))->isEnabled());
        QVERIFY(!pane.findChild<QPushButton*>(QStringLiteral("exportDiffCsv"))->isEnabled());
        QCOMPARE(pane.exportTo(QStringLiteral("/nonexistent/x.csv"), false),
                 QStringLiteral("Nothing to export: take snapshots A and B first."));
    }

    void openedByNamesTheLeakingFunctions()
    {
        hstest::Child helper;
        const auto e = helper.startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        const pid_t pid = helper.pid();
        const std::string held = helper.helper().dir + "/held";

        OpenedByPane pane;
        pane.show();
        QAbstractItemModelTester tester(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setProcess(pid, QStringLiteral("hs_leak_helper"));
        QSignalSpy reports(&pane, &OpenedByPane::reportUpdated);
        QSignalSpy failed(&pane, &OpenedByPane::tracingFailed);
        QSignalSpy changed(&pane, &OpenedByPane::tracingChanged);
        // Stopped while the tracer attaches: everything it holds now was opened before.
        QVERIFY(stopProcess(pid));
        const auto before = fdSet(pid);
        QTest::mouseClick(pane.findChild<QPushButton*>(QStringLiteral("startTracing")), Qt::LeftButton);
        QVERIFY(pane.isTracing());
        QTRY_VERIFY_WITH_TIMEOUT(reports.count() > 0 || failed.count() > 0, 20000);
        if (failed.count() > 0) {
            ::kill(pid, SIGCONT);
            const QString reason = failed.at(0).at(0).toString();
            QVERIFY(pane.statusLabel()->text().contains(reason));
            QSKIP(qPrintable(QStringLiteral("the open-site tracer cannot run here: ") + reason));
        }
        ::kill(pid, SIGCONT);
        QTest::qWait(1500);
        QVERIFY(stopProcess(pid));
        const auto after = fdSet(pid);
        // Stop: the last report is taken after the helper stopped, so it holds every call.
        QTest::mouseClick(pane.findChild<QPushButton*>(QStringLiteral("stopTracing")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isTracing(), 20000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).toBool(), false);

        const auto files = newFds(pid, before, after, [&](const std::string& l) { return l == held; });
        const auto sockets = newFds(pid, before, after, [](const std::string& l) { return l.starts_with("socket:["); });
        QVERIFY(files.size() >= 10 && sockets.size() >= 10);
        const OpenedByModel& m = *pane.model();
        const QString text = sitesText(m);
        QVERIFY(m.report());
        QCOMPARE(m.report()->lostRecords, std::int64_t(0));
        for (const char* function : {"openFile", "openSocket"}) {
            const bool isFile = std::string(function) == "openFile";
            const int row = siteRow(m, QLatin1String(function) + QStringLiteral(" <- leakOneFileAndSocket <- tick"));
            QVERIFY2(row >= 0, qPrintable(text));
            const auto& expected = isFile ? files : sockets;
            QCOMPARE(m.index(row, OpenedByModel::CountColumn).data().toLongLong(), qint64(expected.size()));
            QCOMPARE(cell(m, row, OpenedByModel::KindsColumn),
                     QStringLiteral("%1 × %2").arg(expected.size()).arg(isFile ? QStringLiteral("Regular file")
                                                                               : QStringLiteral("Socket")));
            const auto& site = m.site(row);
            QCOMPARE(std::set<int>(site.fds.begin(), site.fds.end()), expected);
            // Expanded: the frames, the helper's own with its source line.
            const QModelIndex parent = m.index(row, 0);
            bool sawFunction = false;
            for (int r = 0; r < m.rowCount(parent); ++r) {
                if (cell(m, r, OpenedByModel::SiteColumn, parent) != QLatin1String(function))
                    continue;
                sawFunction = true;
                const QString source = cell(m, r, OpenedByModel::SourceColumn, parent);
                const QRegularExpression fileAndLine(QStringLiteral("^hs_leak_helper\\.cpp:[1-9][0-9]*$"));
                QVERIFY2(fileAndLine.match(source).hasMatch(), qPrintable(source));
                QCOMPARE(cell(m, r, OpenedByModel::ModuleColumn, parent), QStringLiteral("hs_leak_helper"));
            }
            QVERIFY2(sawFunction, qPrintable(text));
            // From a handle to its stack: the row of its site is selected and opened.
            pane.showFd(pid, *expected.rbegin());
            QCOMPARE(pane.view()->currentIndex(), m.index(row, 0));
            QVERIFY(pane.view()->isExpanded(m.index(row, 0)));
        }
        // What it held before tracing is apart, with no stack.
        const int unknown = m.unknownOriginRow();
        QVERIFY(unknown >= 0);
        QCOMPARE(std::set<int>(m.site(unknown).fds.begin(), m.site(unknown).fds.end()), before);
        QCOMPARE(m.rowCount(m.index(unknown, 0)), 0);
        pane.showFd(pid, 0);
        QCOMPARE(pane.view()->currentIndex(), m.index(unknown, 0));
        QVERIFY2(pane.statusLabel()->text().contains(QStringLiteral("before tracing began")),
                 qPrintable(pane.statusLabel()->text()));
        ::kill(pid, SIGCONT);
    }

    /// The handle table's "Show Where Opened", as a user reaches it: on a handle held before
    /// the trace it starts tracing and points at the "opened before" row; on one the helper
    /// opened under the trace it selects the stack of openFile.
    void whereOpenedFromTheMainWindow()
    {
        hstest::Child helper;
        const auto e = helper.startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        const pid_t pid = helper.pid();
        const std::string held = helper.helper().dir + "/held";
        MainWindow window;
        window.show();
        HuntDocks* hunt = window.huntDocks();
        OpenedByPane* pane = hunt->openedByPane();
        QVERIFY(!hunt->openedByDock()->isVisible());
        QVERIFY(!hunt->whereOpenedAction()->isEnabled());
        const auto refreshAndWait = [&window] {
            const quint64 wanted = window.refreshCount() + (window.controller()->isRefreshing() ? 2 : 1);
            window.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(window.refreshCount() >= wanted && !window.controller()->isRefreshing(), 15000);
        };
        QTRY_VERIFY_WITH_TIMEOUT(window.processModel()->rowOfPid(pid) >= 0, 15000);
        QVERIFY(window.processPane()->selectPid(pid));
        QTRY_VERIFY_WITH_TIMEOUT(window.handlePane()->selectValue(1), 15000); // stdout, from the test

        QSignalSpy reports(pane, &OpenedByPane::reportUpdated);
        QSignalSpy failed(pane, &OpenedByPane::tracingFailed);
        QVERIFY(stopProcess(pid));
        const auto before = fdSet(pid);
        QVERIFY(hunt->whereOpenedAction()->isEnabled());
        hunt->whereOpenedAction()->trigger();
        QVERIFY(hunt->openedByDock()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(reports.count() > 0 || failed.count() > 0, 20000);
        if (failed.count() > 0) {
            ::kill(pid, SIGCONT);
            QSKIP(qPrintable(QStringLiteral("the open-site tracer cannot run here: ") + failed.at(0).at(0).toString()));
        }
        QCOMPARE(pane->tracedPid(), std::optional<hs::Pid>(pid));
        const OpenedByModel& m = *pane->model();
        QCOMPARE(pane->view()->currentIndex(), m.index(m.unknownOriginRow(), 0));

        ::kill(pid, SIGCONT);
        QTest::qWait(700);
        const auto now = fdSet(pid);
        const auto files = newFds(pid, before, now, [&](const std::string& l) { return l == held; });
        QVERIFY(!files.empty());
        const int fd = *files.begin();
        // A report that saw it: two more, the second begun after the fd was opened.
        const auto seen = reports.count();
        QTRY_VERIFY_WITH_TIMEOUT(reports.count() >= seen + 2, 20000);
        refreshAndWait();
        QTRY_VERIFY_WITH_TIMEOUT(window.handlePane()->selectValue(fd), 15000);
        hunt->whereOpenedAction()->trigger();
        const int row = m.rowOfFd(fd);
        QVERIFY(row >= 0 && row != m.unknownOriginRow());
        QVERIFY2(cell(m, row, OpenedByModel::SiteColumn).startsWith(QStringLiteral("openFile <- leakOneFileAndSocket")),
                 qPrintable(sitesText(m)));
        QCOMPARE(pane->view()->currentIndex(), m.index(row, 0));
        QVERIFY(pane->view()->isExpanded(m.index(row, 0)));
        pane->stopTracing();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isTracing(), 20000);
    }

    /// Closing the window while a trace runs: the tracer's thread ends within a slice.
    void destroyedWhileTracing()
    {
        hstest::Child helper;
        const auto e = helper.startHelper(hstest::Spawn{.argv = {HS_LEAK_HELPER_PATH, "leak"}});
        QVERIFY2(e.empty(), e.c_str());
        auto pane = std::make_unique<OpenedByPane>();
        QSignalSpy reports(pane.get(), &OpenedByPane::reportUpdated);
        QSignalSpy failed(pane.get(), &OpenedByPane::tracingFailed);
        pane->setProcess(helper.pid(), QStringLiteral("hs_leak_helper"));
        pane->startTracing();
        QTRY_VERIFY_WITH_TIMEOUT(reports.count() > 0 || failed.count() > 0, 20000);
        if (failed.count() > 0)
            QSKIP(qPrintable(QStringLiteral("the open-site tracer cannot run here: ") + failed.at(0).at(0).toString()));
        QVERIFY(pane->isTracing());
        QElapsedTimer timer;
        timer.start();
        pane.reset();
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QVERIFY(helper.poll() == std::nullopt); // the traced process is untouched
    }

    /// Run as nobody (gui.tst_leakhunt_nobody): no BPF rights, and the view says so.
    void openedByWithoutRightsSaysWhy()
    {
        if (::geteuid() == 0)
            QSKIP("run as nobody by gui.tst_leakhunt_nobody");
        OpenedByPane pane;
        QSignalSpy failed(&pane, &OpenedByPane::tracingFailed);
        pane.setProcess(QCoreApplication::applicationPid(), QStringLiteral("tst_leakhunt"));
        pane.startTracing();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1 && !pane.isTracing(), 20000);
        const QString reason = failed.at(0).at(0).toString();
        qInfo("the view says: %s", qPrintable(pane.statusLabel()->text()));
        QVERIFY2(!reason.isEmpty(), "no reason given");
        const QString expected = QStringLiteral("Cannot trace pid %1: ").arg(QCoreApplication::applicationPid());
        QVERIFY2(pane.statusLabel()->text().startsWith(expected),
                 qPrintable(pane.statusLabel()->text()));
        QVERIFY(pane.statusLabel()->text().contains(reason));
        QVERIFY(pane.findChild<QPushButton*>(QStringLiteral("startTracing"))->isEnabled()); // can try again
    }
};

QTEST_MAIN(TestLeakHunt)
#include "tst_leakhunt.moc"
