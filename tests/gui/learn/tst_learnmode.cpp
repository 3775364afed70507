// SPDX-License-Identifier: MIT
// Learn mode against real handlescope-demo processes: lesson 1 driven step by step (Next
// stays locked until each step is done; the copy is a new fd of the target, checked by
// kcmp, with a value other than the source's; the target's output shows the file's text);
// the demo processes hold none of our fds; closing the windows ends every demo process;
// the first-run bar is offered once.
#include "learn/demoprocesses.h"
#include "learn/handletable.h"
#include "learn/learnhintbar.h"
#include "learn/learnwindow.h"
#include "learn/threewayswindow.h"
#include "map/handlemapmodel.h"
#include "map/handlemapview.h"
#include "resources.h"
#include "widgets/mainwindow.h"

#include "demo_message.h"
#include "procfs.h"

#include "handlescope/log.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <memory>

using namespace hs::ui;

namespace {

constexpr int kStartTimeoutMs = 15000;
constexpr int kDuplicateTimeoutMs = 15000;

bool alive(qint64 pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0; }

QString labelText(const QWidget* window, const char* name)
{
    const auto* label = window->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

void clickNext(LearnWindow& w)
{
    QVERIFY(w.nextButton()->isEnabled());
    const int before = w.currentStep();
    QTest::mouseClick(w.nextButton(), Qt::LeftButton);
    QCOMPARE(w.currentStep(), before + 1);
}

// Selects the row of `pid` in the target list.
bool pickTarget(LearnWindow& w, qint64 pid)
{
    for (int i = 0; i < w.targetChoices()->count(); ++i) {
        if (w.targetChoices()->item(i)->data(Qt::UserRole).toLongLong() == pid) {
            w.targetChoices()->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

} // namespace

class TestLearnMode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        qputenv("HANDLESCOPE_DEMO_PROGRAM", HS_DEMO_PATH);
        // The log file is open from here on, as in the app: the demos must not inherit it.
        hs::log::get("ui")->info("tst_learnmode: started");
    }

    void findsTheDemoProgram() { QCOMPARE(DemoProcesses::program(), QStringLiteral(HS_DEMO_PATH)); }

    // At the source: the log file spdlog opened is close-on-exec in this process.
    void logFileIsCloseOnExec()
    {
        const std::string logFile = hs::log::filePath().string();
        int found = -1;
        for (int fd : hstest::fdNumbers(::getpid()))
            if (hstest::fdLink(::getpid(), fd) == logFile)
                found = fd;
        QVERIFY2(found >= 0, logFile.c_str());
        QVERIFY((::fcntl(found, F_GETFD) & FD_CLOEXEC) != 0);
    }

    // A demo source holds its standard streams and the six fds it opens (file, pipe,
    // eventfd, socket pair), at the lowest numbers: nothing of ours was inherited.
    void demoSourceInheritsNoFds()
    {
        DemoProcesses demos;
        demos.start();
        QTRY_VERIFY_WITH_TIMEOUT(demos.sourcePid() > 0, kStartTimeoutMs);
        const auto pid = static_cast<pid_t>(demos.sourcePid());
        const std::vector<int> expected{0, 1, 2, 3, 4, 5, 6, 7, 8};
        std::string links;
        for (int fd : hstest::fdNumbers(pid))
            links += std::to_string(fd) + " -> " + hstest::fdLink(pid, fd) + "\n";
        QVERIFY2(hstest::fdNumbers(pid) == expected, links.c_str());
        QCOMPARE(demos.hold(QStringLiteral("file"))->handle, 3);
        const std::string logFile = hs::log::filePath().string();
        for (int fd = 0; fd <= 8; ++fd)
            QVERIFY2(hstest::fdLink(pid, fd) != logFile, links.c_str());
        QVERIFY2(hstest::fdLink(pid, 3).ends_with("/greeting.txt"), links.c_str());
        demos.stop();
        QVERIFY(!alive(pid));
    }

    void walkthrough()
    {
        auto window = std::make_unique<LearnWindow>();
        LearnWindow& w = *window;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.demos()->sourcePid() > 0 && w.demos()->targetPid() > 0, kStartTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.sourceTable()->rowCount() >= 9, kStartTimeoutMs);
        const qint64 source = w.demos()->sourcePid();
        const qint64 target = w.demos()->targetPid();
        const DemoHold* file = w.demos()->hold(QStringLiteral("file"));
        const DemoHold* pipe = w.demos()->hold(QStringLiteral("pipe"));
        QVERIFY(file && pipe);

        // 1: the pipe is not the file; the file unlocks Next.
        QCOMPARE(w.currentStep(), int(LearnWindow::PickFile));
        QVERIFY(!w.nextButton()->isEnabled());
        QVERIFY(labelText(&w, "pickFileText").contains(QStringLiteral("greeting.txt")));
        QVERIFY(w.sourceTable()->selectValue(pipe->handle));
        QVERIFY(!w.nextButton()->isEnabled());
        QVERIFY(labelText(&w, "pickFileFeedback").contains(QStringLiteral("not the text file")));
        QVERIFY(w.sourceTable()->selectValue(file->handle));
        QVERIFY(labelText(&w, "pickFileFeedback").contains(QStringLiteral("Right")));
        clickNext(w);

        // 2: the source and HandleScope are refused; the target unlocks Next.
        QVERIFY(!w.nextButton()->isEnabled());
        QCOMPARE(w.targetChoices()->count(), 3);
        QVERIFY(pickTarget(w, source));
        QVERIFY(!w.nextButton()->isEnabled());
        QVERIFY(labelText(&w, "pickTargetFeedback").contains(QStringLiteral("Pick the target")));
        QVERIFY(pickTarget(w, target));
        QVERIFY(labelText(&w, "pickTargetFeedback").contains(QString::number(target)));
        QCOMPARE(w.mapModel()->holderCount(), 1);
        QCOMPARE(w.mapModel()->slotAt(0).pid, source);
        QCOMPARE(w.mapModel()->slotAt(0).value, file->handle);
        clickNext(w);

        // 3: the exact calls with the real values, then Duplicate.
        QVERIFY(!w.nextButton()->isEnabled());
        const QString calls = w.findChild<QPlainTextEdit*>(QStringLiteral("duplicateCalls"))->toPlainText();
        QVERIFY2(calls.contains(QStringLiteral("pidfd_open(%1, 0)").arg(source)), qPrintable(calls));
        QVERIFY2(calls.contains(QStringLiteral("pidfd_getfd(P, %1, 0)").arg(file->handle)), qPrintable(calls));
        QVERIFY(labelText(&w, "duplicateArguments").contains(QStringLiteral("pidfd_getfd(P, %1, 0)").arg(file->handle)));
        QTest::mouseClick(w.duplicateButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(LearnWindow::Duplicate)
                                     || labelText(&w, "duplicateResult").contains(QStringLiteral("failed")),
                                 kDuplicateTimeoutMs);
        if (!w.isDone(LearnWindow::Duplicate)) {
            const QString why = labelText(&w, "duplicateResult");
            if (why.contains(QStringLiteral("EPERM")))
                QSKIP(qPrintable(QStringLiteral("no right to ptrace the demo processes: ") + why));
            QFAIL(qPrintable(why));
        }
        const qint64 copy = w.newValue();
        QVERIFY(copy >= 0);
        QVERIFY(copy != file->handle);
        QVERIFY(w.nextButton()->isEnabled());
        // Really open in the target, and the same open file as the source's.
        QCOMPARE(hstest::kcmpFile(static_cast<pid_t>(target), static_cast<int>(copy), static_cast<pid_t>(source),
                                  static_cast<int>(file->handle)),
                 0L);
        QVERIFY(w.findChild<QListWidget*>(QStringLiteral("duplicateProgress"))->count() >= 3);
        // The map followed: the target's slot appeared, two holders, no failure.
        QTRY_COMPARE(w.mapModel()->holderCount(), 2);
        QVERIFY(!w.mapModel()->failure());
        int appeared = -1;
        for (int row = 0; row < w.mapModel()->holderCount(); ++row)
            if (w.mapModel()->slotAt(row).appeared)
                appeared = row;
        QVERIFY(appeared >= 0);
        QCOMPARE(w.mapModel()->slotAt(appeared).pid, target);
        QCOMPARE(w.mapModel()->slotAt(appeared).value, copy);
        clickNext(w);

        // 4: the new handle in the target's table, marked, value other than the source's.
        QCOMPARE(w.currentStep(), int(LearnWindow::SeeNewHandle));
        const int row = w.targetTable()->rowOfValue(copy);
        QVERIFY(row >= 0);
        QVERIFY(w.targetTable()->item(row, 3)->text().contains(QString::number(file->handle)));
        QVERIFY(w.targetTable()->item(row, 2)->text().endsWith(QStringLiteral("greeting.txt")));
        QVERIFY(labelText(&w, "newHandleText").contains(QStringLiteral("fd %1").arg(copy)));
        QVERIFY(!w.mapView()->slotRect(appeared).isEmpty());
        clickNext(w);

        // 5: tell the target; Next waits for its answer.
        QVERIFY(!w.nextButton()->isEnabled());
        QCOMPARE(labelText(&w, "tellMessage"),
                 QStringLiteral("<code>handle %1, type file</code>").arg(copy));
        QTest::mouseClick(w.sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(LearnWindow::TellTarget), kStartTimeoutMs);
        QVERIFY(labelText(&w, "tellAnswer").contains(QString::fromLatin1(hs::demo::kFileText)));
        clickNext(w);

        // 6: the target's own output, with the file's text read through the copy.
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(LearnWindow::TargetOutput), kStartTimeoutMs);
        const QString output = w.findChild<QPlainTextEdit*>(QStringLiteral("targetOutput"))->toPlainText();
        QVERIFY2(output.contains(QStringLiteral("received \"handle %1, type file\"").arg(copy)), qPrintable(output));
        QVERIFY2(output.contains(QString::fromLatin1(hs::demo::kFileText)), qPrintable(output));
        clickNext(w);

        // 7: the variations; Finish closes the window and ends the demos.
        QCOMPARE(w.currentStep(), int(LearnWindow::Variations));
        QVERIFY(w.nextButton()->isEnabled());
        QCOMPARE(w.nextButton()->text(), QStringLiteral("&Finish"));
        // The never-told target, live: one more copy, really open, that nobody uses.
        QTest::mouseClick(w.leakButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.leakedValue() >= 0 || labelText(&w, "leakResult").contains(QStringLiteral("failed")),
                                 kDuplicateTimeoutMs);
        const qint64 leaked = w.leakedValue();
        QVERIFY2(leaked >= 0 && leaked != copy, qPrintable(labelText(&w, "leakResult")));
        QVERIFY(!w.leakButton()->isEnabled());
        QVERIFY(labelText(&w, "leakResult").contains(QStringLiteral("fd %1").arg(leaked)));
        QCOMPARE(hstest::kcmpFile(static_cast<pid_t>(target), static_cast<int>(leaked), static_cast<pid_t>(source),
                                  static_cast<int>(file->handle)),
                 0L);
        QTRY_COMPARE(w.mapModel()->holderCount(), 3);

        const QList<qint64> pids = w.demos()->runningPids();
        QVERIFY(pids.contains(source) && pids.contains(target));
        QTest::mouseClick(w.nextButton(), Qt::LeftButton);
        QVERIFY(!w.isVisible());
        QVERIFY(w.demos()->runningPids().isEmpty());
        for (qint64 pid : pids)
            QVERIFY2(!alive(pid), qPrintable(QString::number(pid)));
    }

    // Closed at the first step, or destroyed without being closed: no demo is left.
    void closingEarlyLeavesNoDemo()
    {
        QList<qint64> pids;
        {
            LearnWindow w;
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(w.demos()->sourcePid() > 0 && w.demos()->targetPid() > 0, kStartTimeoutMs);
            pids = w.demos()->runningPids();
            QCOMPARE(pids.size(), 2);
        }
        for (qint64 pid : pids)
            QVERIFY2(!alive(pid), qPrintable(QString::number(pid)));
    }

    // Lesson 2: the three ways run live, side by side, and end with the window.
    void threeWaysRunLive()
    {
        auto window = std::make_unique<ThreeWaysWindow>();
        ThreeWaysWindow& w = *window;
        w.show();
        w.runAll();
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(ThreeWaysWindow::Inheritance), kDuplicateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(ThreeWaysWindow::Named), kDuplicateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.isDone(ThreeWaysWindow::Duplication)
                                     || w.result(ThreeWaysWindow::Duplication).contains(QStringLiteral("failed")),
                                 kDuplicateTimeoutMs);
        if (!w.isDone(ThreeWaysWindow::Duplication) && w.result(ThreeWaysWindow::Duplication).contains(QStringLiteral("EPERM")))
            QSKIP(qPrintable(QStringLiteral("no right to ptrace the demo processes: ") + w.result(ThreeWaysWindow::Duplication)));
        QVERIFY2(w.isDone(ThreeWaysWindow::Duplication), qPrintable(w.result(ThreeWaysWindow::Duplication)));

        // Inheritance: the child used the very value its parent opened, and read its file.
        const QString inherited = w.output(ThreeWaysWindow::Inheritance);
        QString held;
        QString used;
        QString child;
        for (const QString& line : inherited.split(QLatin1Char('\n'))) {
            if (const auto f = DemoProcesses::machineFields(line, QStringLiteral("HOLD")); !f.isEmpty())
                held = f.value(QStringLiteral("handle"));
            if (const auto f = DemoProcesses::machineFields(line, QStringLiteral("STARTED")); !f.isEmpty())
                child = f.value(QStringLiteral("pid"));
            if (const auto f = DemoProcesses::machineFields(line, QStringLiteral("USED")); !f.isEmpty())
                used = f.value(QStringLiteral("handle"));
        }
        QVERIFY2(!held.isEmpty() && held == used, qPrintable(inherited));
        QVERIFY2(!child.isEmpty() && inherited.contains(QStringLiteral("use: pid %1").arg(child)), qPrintable(inherited));
        QVERIFY2(inherited.contains(QString::fromLatin1(hs::demo::kInheritedText)), qPrintable(inherited));
        // Named: the opener read what the maker wrote, through its own fd.
        const QString named = w.output(ThreeWaysWindow::Named);
        QVERIFY2(named.contains(QStringLiteral("MADE name=")), qPrintable(named));
        QVERIFY2(named.contains(QString::fromLatin1(hs::demo::kNamedText)), qPrintable(named));
        QVERIFY(w.result(ThreeWaysWindow::Named).contains(QStringLiteral("by its name")));
        // Duplication: the core's steps, then the target's report of the file's text.
        const QString dup = w.output(ThreeWaysWindow::Duplication);
        QVERIFY2(dup.contains(QStringLiteral("pidfd_getfd")), qPrintable(dup));
        QVERIFY2(dup.contains(QString::fromLatin1(hs::demo::kFileText)), qPrintable(dup));

        // Source and target stay; the `tell` that carried the message ends after the answer
        // was shown (its exit is reported a little later: a CI run still counted it).
        QTRY_COMPARE_WITH_TIMEOUT(w.demos(ThreeWaysWindow::Duplication)->runningPids().size(), 2, 15000);
        const QList<qint64> pids = w.demos(ThreeWaysWindow::Duplication)->runningPids();
        w.close();
        for (int way = 0; way < ThreeWaysWindow::WayCount; ++way)
            QVERIFY(w.demos(static_cast<ThreeWaysWindow::Way>(way))->runningPids().isEmpty());
        for (qint64 pid : pids)
            QVERIFY2(!alive(pid), qPrintable(QString::number(pid)));
    }

    // The bar is offered once; its Start button opens the lesson from the main window.
    void hintOfferedOnce()
    {
        QSettings().remove(QStringLiteral("learn/hintAnswered"));
        QList<qint64> pids;
        {
            MainWindow window;
            window.show();
            QVERIFY(window.learnHintBar()->isVisible());
            QTest::mouseClick(window.learnHintBar()->startButton(), Qt::LeftButton);
            QVERIFY(!window.learnHintBar()->isVisible());
            auto* learn = window.findChild<LearnWindow*>();
            QVERIFY(learn && learn->isVisible());
            QTRY_VERIFY_WITH_TIMEOUT(learn->demos()->runningPids().size() == 2, kStartTimeoutMs);
            pids = learn->demos()->runningPids();
        }
        // The main window took the lesson window and its demos with it.
        for (qint64 pid : pids)
            QVERIFY2(!alive(pid), qPrintable(QString::number(pid)));
        QVERIFY(QSettings().value(QStringLiteral("learn/hintAnswered")).toBool());
        MainWindow again;
        again.show();
        QVERIFY(!again.learnHintBar()->isVisible());
    }
};

QTEST_MAIN(TestLearnMode)
#include "tst_learnmode.moc"
