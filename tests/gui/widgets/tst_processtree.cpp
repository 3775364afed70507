// SPDX-License-Identifier: MIT
// The main window's process tree, kernel-thread toggle, default sizes, desktop icons and
// privilege bar, against real processes: a shell the test starts runs a `sleep` in the
// background, so the tree must show test -> sh -> sleep; when the shell exits, the sleep
// must stay on screen.
#include "models/processmodel.h"
#include "models/processproxymodel.h"
#include "models/processtreemodel.h"
#include "models/tablediff.h"
#include "i18n/translations.h"
#include "resources.h"
#include "synthetic.h"
#include "util/colors.h"
#include "util/desktopicons.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/privilegebar.h"
#include "widgets/processpane.h"

#include "log/qtmessagebridge.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <csignal>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace hs::ui;

namespace {

/// The parent pid of `pid` from /proc/PID/stat, -1 if it is gone.
qint64 parentPidOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces, so count from the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : -1;
}

/// Every column of `header` is inside the viewport of its view and at least as wide as
/// its title; "" if so, else which one is cut.
QString cutColumn(const QHeaderView* header, int viewportWidth)
{
    const QStyle* style = header->style();
    const int margins = 2 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < header->count(); ++section) {
        const QString title = header->model()->headerData(section, Qt::Horizontal).toString();
        const int left = header->sectionViewportPosition(section);
        const int width = header->sectionSize(section);
        const int needed = header->fontMetrics().horizontalAdvance(title) + margins;
        if (left < 0 || left + width > viewportWidth || width < needed)
            return QStringLiteral("%1: at %2, %3 px wide (needs %4), viewport %5 px")
                .arg(title)
                .arg(left)
                .arg(width)
                .arg(needed)
                .arg(viewportWidth);
    }
    return {};
}

/// WCAG contrast ratio of two colours (1 to 21; 4.5 is readable body text).
double contrast(const QColor& a, const QColor& b)
{
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestProcessTree : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;
    QProcess m_shell;     ///< sh -c 'sleep 300 & echo $!; read line': exits when its stdin closes
    qint64 m_sleepPid = -1;

    ProcessPane* pane() const { return m_window->processPane(); }
    ProcessTreeModel* tree() const { return pane()->treeModel(); }

    void refreshAndWait()
    {
        const quint64 wanted = m_window->refreshCount() + (m_window->controller()->isRefreshing() ? 2 : 1);
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= wanted && !m_window->controller()->isRefreshing(), 15000);
    }

    /// The tree row of the newest process with `pid` (column 0), invalid if not listed.
    QModelIndex treeIndexOfPid(qint64 pid) const
    {
        const int row = m_window->processModel()->rowOfPid(pid);
        return row < 0 ? QModelIndex() : tree()->indexOf(m_window->processModel()->process(row).key());
    }

    static void runAsNobody(const QString& function)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // What the restart command must pass on to the administrator's copy.
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":99"));
        env.insert(QStringLiteral("XAUTHORITY"), QStringLiteral("/tmp/hs-test-xauthority"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral("/bin/sh"), {QStringLiteral(HS_RUN_AS_NOBODY), QCoreApplication::applicationFilePath(),
                                                function});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForFinished(90000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("PASS   : TestProcessTree::%1()").arg(function)), qPrintable(output));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        installQtMessageBridge();
        // The system locale's texts: gui.tst_processtree_1280x800_fr checks the French widths.
        installTranslations();
        m_window = std::make_unique<MainWindow>(WindowController::Options{.readerPriority = QThread::NormalPriority});
        m_window->processModel()->setFlashDuration(std::chrono::milliseconds(200));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > 0, 15000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_sleepPid > 0)
            ::kill(static_cast<pid_t>(m_sleepPid), SIGKILL);
        if (m_shell.state() != QProcess::NotRunning) {
            m_shell.kill();
            m_shell.waitForFinished();
        }
    }

    // The tree is the default view; test -> sh -> sleep, each above its child, in the
    // model and on screen; the model stays a valid tree through refreshes.
    void parentsAboveChildren()
    {
        QVERIFY(m_window->treeAction()->isChecked());
        QVERIFY(pane()->isTreeShown());
        QAbstractItemModelTester tester(tree(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("sleep 300 & echo $!; read line")});
        QVERIFY(m_shell.waitForStarted());
        QVERIFY(m_shell.waitForReadyRead(5000));
        m_sleepPid = m_shell.readLine().trimmed().toLongLong();
        QVERIFY(m_sleepPid > 0);
        const qint64 shellPid = m_shell.processId();
        QCOMPARE(parentPidOf(m_sleepPid), shellPid);
        QTRY_VERIFY_WITH_TIMEOUT((refreshAndWait(), treeIndexOfPid(m_sleepPid).isValid()), 20000);

        const QModelIndex self = treeIndexOfPid(::getpid());
        const QModelIndex shell = treeIndexOfPid(shellPid);
        const QModelIndex sleep = treeIndexOfPid(m_sleepPid);
        QVERIFY(self.isValid() && shell.isValid() && sleep.isValid());
        QCOMPARE(shell.parent(), self);
        QCOMPARE(sleep.parent(), shell);
        QCOMPARE(shell.data().toString(), QStringLiteral("sh"));
        QCOMPARE(sleep.data().toString(), QStringLiteral("sleep"));
        QCOMPARE(sleep.siblingAtColumn(ProcessModel::PidColumn).data().toString(), QString::number(m_sleepPid));

        // On screen: expanded, each row below its parent's, one indentation further right.
        QTreeView* view = pane()->treeView();
        auto* proxy = pane()->treeProxy();
        const QModelIndex shownSelf = proxy->mapFromSource(self);
        const QModelIndex shownShell = proxy->mapFromSource(shell);
        const QModelIndex shownSleep = proxy->mapFromSource(sleep);
        QVERIFY(view->isExpanded(shownSelf) && view->isExpanded(shownShell));
        view->scrollTo(shownSleep);
        const QRect selfRect = view->visualRect(shownSelf), shellRect = view->visualRect(shownShell),
                    sleepRect = view->visualRect(shownSleep);
        QVERIFY2(selfRect.top() < shellRect.top() && shellRect.top() < sleepRect.top(), "parents must be above children");
        QCOMPARE(shellRect.left() - selfRect.left(), view->indentation());
        QCOMPARE(sleepRect.left() - shellRect.left(), view->indentation());

        // Sorted among siblings: PIDs of the top-level rows and of pid 1's children, both ways.
        auto siblingsSorted = [proxy](const QModelIndex& parent, Qt::SortOrder order) {
            qint64 previous = order == Qt::AscendingOrder ? -1 : std::numeric_limits<qint64>::max();
            for (int r = 0; r < proxy->rowCount(parent); ++r) {
                const qint64 pid = proxy->index(r, ProcessModel::PidColumn, parent).data().toLongLong();
                if (order == Qt::AscendingOrder ? pid <= previous : pid >= previous)
                    return false;
                previous = pid;
            }
            return proxy->rowCount(parent) > 0;
        };
        const QModelIndex init = proxy->mapFromSource(treeIndexOfPid(1));
        QVERIFY(siblingsSorted({}, Qt::AscendingOrder));
        QVERIFY(!init.isValid() || siblingsSorted(init, Qt::AscendingOrder));
        view->sortByColumn(ProcessModel::PidColumn, Qt::DescendingOrder);
        QVERIFY(siblingsSorted({}, Qt::DescendingOrder));
        QVERIFY(!init.isValid() || siblingsSorted(init, Qt::DescendingOrder));
        QCOMPARE(proxy->mapFromSource(treeIndexOfPid(m_sleepPid)).parent(), proxy->mapFromSource(shell)); // still a tree
        view->sortByColumn(ProcessModel::PidColumn, Qt::AscendingOrder);

        // Selection and a collapsed branch survive refreshes (the tree is merged, not reset).
        QVERIFY(pane()->selectPid(shellPid));
        view->collapse(shownShell);
        refreshAndWait();
        refreshAndWait();
        QCOMPARE(pane()->currentProcess(), m_window->processModel()->process(m_window->processModel()->rowOfPid(shellPid)).key());
        QVERIFY(!view->isExpanded(proxy->mapFromSource(treeIndexOfPid(shellPid))));
        view->expand(proxy->mapFromSource(treeIndexOfPid(shellPid)));

        // Back to the flat list: the same process stays current, the list is sorted by PID.
        m_window->treeAction()->setChecked(false);
        QVERIFY(!pane()->isTreeShown());
        QCOMPARE(pane()->view()->currentIndex().siblingAtColumn(ProcessModel::PidColumn).data().toString(),
                 QString::number(shellPid));
        m_window->treeAction()->setChecked(true);
        QVERIFY(pane()->isTreeShown());
        QCOMPARE(pane()->treeView()->currentIndex().siblingAtColumn(ProcessModel::PidColumn).data().toString(),
                 QString::number(shellPid));
    }

    // The shell exits: its sleep is reparented by the kernel (to init or a subreaper) and
    // must stay in the tree, under its new parent if that is listed, else at the top.
    void exitedParentsChildrenStayVisible()
    {
        QVERIFY(m_sleepPid > 0);
        const qint64 shellPid = m_shell.processId();
        QAbstractItemModelTester tester(tree(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_shell.closeWriteChannel(); // `read` ends, the shell exits
        QVERIFY(m_shell.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT((refreshAndWait(), m_window->processModel()->rowOfPid(shellPid) < 0), 20000);

        const QModelIndex sleep = treeIndexOfPid(m_sleepPid);
        QVERIFY2(sleep.isValid(), "the orphan must stay in the tree");
        QVERIFY(pane()->treeProxy()->mapFromSource(sleep).isValid()); // and on screen
        const qint64 newParent = parentPidOf(m_sleepPid);
        QVERIFY(newParent >= 0 && newParent != shellPid);
        if (m_window->processModel()->rowOfPid(newParent) >= 0)
            QCOMPARE(sleep.parent(), treeIndexOfPid(newParent));
        else
            QVERIFY2(!sleep.parent().isValid(), "a process whose parent is not listed is a top-level row");
    }

    // Hand-built reads through the same diffs: a gone parent's children go to the top
    // level, a new parent takes a child (a move), and a later process under a parent's pid
    // (pid reuse) is not taken for the parent.
    void treeFollowsReads()
    {
        ProcessModel flat;
        flat.setFlashDuration(std::chrono::milliseconds(0));
        ProcessTreeModel model(&flat);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto process = [](hs::Pid pid, hs::Pid parent, std::uint64_t start) {
            ProcessEntry e;
            e.info = hs::test::makeProcess(pid, start);
            e.info.parentPid = parent;
            return e;
        };
        Millis now = steadyNowMs();
        auto read = [&](std::vector<ProcessEntry> rows) {
            now += 10;
            return flat.apply(diffRows<ProcessRowTraits>(flat.rows(), std::move(rows), DiffMode::Highlight, now, 0));
        };
        auto parentPid = [&](hs::Pid pid) -> hs::Pid {
            const QModelIndex at = model.indexOf(flat.process(flat.rowOfPid(pid)).key());
            if (!at.isValid())
                return -2;
            return at.parent().isValid() ? model.process(at.parent())->pid : 0;
        };
        QVERIFY(read({process(1, 0, 1), process(10, 1, 10), process(20, 10, 20), process(21, 10, 21), process(30, 20, 30)}));
        QCOMPARE(parentPid(1), 0);
        QCOMPARE(parentPid(10), 1);
        QCOMPARE(parentPid(20), 10);
        QCOMPARE(parentPid(21), 10);
        QCOMPARE(parentPid(30), 20);
        const QPersistentModelIndex kept = model.indexOf(flat.process(flat.rowOfPid(30)).key());

        // 10 and 20 exit; the read still names them as parents. Red for one read, then gone.
        QVERIFY(read({process(1, 0, 1), process(21, 10, 21), process(30, 20, 30)}));
        QVERIFY(read({process(1, 0, 1), process(21, 10, 21), process(30, 20, 30)}));
        QCOMPARE(flat.rowCount(), 3);
        QCOMPARE(parentPid(21), 0);
        QCOMPARE(parentPid(30), 0);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(kept.isValid()); // moved, not removed and added again
        QCOMPARE(model.process(kept)->pid, 30);

        // 21 is adopted by 1; a new process gets pid 20 after 30 started: not 30's parent.
        QVERIFY(read({process(1, 0, 1), process(20, 1, 40), process(21, 1, 21), process(30, 20, 30)}));
        QCOMPARE(parentPid(21), 1);
        QCOMPARE(parentPid(20), 1);
        QCOMPARE(parentPid(30), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.indexOf(flat.process(flat.rowOfPid(1)).key())), 2);
    }

    // Kernel threads are hidden until the View menu's toggle shows them: kthreadd and its
    // children appear only then, in the tree and in the flat list.
    void kernelThreadToggle()
    {
        const QModelIndex kthreadd = treeIndexOfPid(2);
        const hs::ProcessInfo* p = kthreadd.isValid() ? tree()->process(kthreadd) : nullptr;
        if (!p || p->state != hs::ProcessState::KernelThread)
            QSKIP("pid 2 is not kthreadd here (a pid namespace): no kernel threads are listed");
        QCOMPARE(p->name, std::string("kthreadd"));
        const int children = tree()->rowCount(kthreadd);
        QVERIFY2(children > 0, "kthreadd has kernel threads under it");
        QVERIFY(!m_window->kernelThreadsAction()->isChecked());
        auto* proxy = pane()->treeProxy();
        QVERIFY(!proxy->mapFromSource(kthreadd).isValid());
        const QModelIndex firstChild = tree()->index(0, 0, kthreadd);
        QVERIFY(!proxy->mapFromSource(firstChild).isValid());
        const int flatRow = m_window->processModel()->rowOfPid(2);
        QVERIFY(!pane()->proxy()->mapFromSource(m_window->processModel()->index(flatRow, 0)).isValid());

        m_window->kernelThreadsAction()->setChecked(true);
        const QModelIndex shown = proxy->mapFromSource(kthreadd);
        QVERIFY(shown.isValid());
        QCOMPARE(proxy->rowCount(shown), children);
        QVERIFY(pane()->proxy()->mapFromSource(m_window->processModel()->index(flatRow, 0)).isValid());

        m_window->kernelThreadsAction()->setChecked(false);
        QVERIFY(!proxy->mapFromSource(kthreadd).isValid());
        QVERIFY(!pane()->showsKernelThreads());
    }

    // What the tree costs the UI thread: a second pane over the same model builds its tree
    // of every listed process at once (the first refresh); then refreshes that change
    // little. Printed for docs; checked only for being a tree of every row.
    void treeBuildCost()
    {
        QElapsedTimer timer;
        timer.start();
        ProcessPane second(m_window->processModel());
        second.resize(560, 600);
        second.show();
        QApplication::processEvents();
        const qint64 buildMs = timer.elapsed();
        const int processes = m_window->processModel()->rowCount(); // a refresh may have come in
        int rows = 0;
        std::vector<QModelIndex> pending{QModelIndex()};
        while (!pending.empty()) {
            const QModelIndex parent = pending.back();
            pending.pop_back();
            for (int r = 0, n = second.treeModel()->rowCount(parent); r < n; ++r, ++rows)
                pending.push_back(second.treeModel()->index(r, 0, parent));
        }
        QCOMPARE(rows, processes);
        std::printf("# tree of %d processes built and shown in %lld ms\n", processes, static_cast<long long>(buildMs));
    }

    // Without saved settings, at 1280x800 every column of both tables is on screen and as
    // wide as its title at least; the log dock takes a small part of the height.
    void defaultSizeShowsEveryColumn()
    {
        QVERIFY(pane()->selectPid(::getpid())); // the handle table shows (not its message)
        // gui.tst_processtree_1280x800 runs this on such a screen: the window as it opened.
        // Elsewhere the screen is smaller (offscreen: 800x800) and the layout is applied again.
        const bool asOpened = m_window->screen()->availableGeometry().size() == QSize(1280, 800);
        if (!asOpened)
            m_window->applyDefaultLayout(QSize(1280, 800));
        std::printf("# layout %s\n", asOpened ? "as the window opened" : "applied again at 1280x800");
        QCOMPARE(m_window->size(), QSize(1280, 800));
        QApplication::processEvents();
        QTRY_VERIFY(!m_window->handlePane()->isShowingMessage());
        const QTreeView* processes = pane()->treeView();
        const QTableView* handles = m_window->handlePane()->view();
        const QString processCut = cutColumn(processes->header(), processes->viewport()->width());
        QVERIFY2(processCut.isEmpty(), qPrintable(QStringLiteral("process tree: ") + processCut));
        const QString handleCut = cutColumn(handles->horizontalHeader(), handles->viewport()->width());
        QVERIFY2(handleCut.isEmpty(), qPrintable(QStringLiteral("handle table: ") + handleCut));
        QVERIFY2(m_window->logDock()->height() <= 800 / 5,
                 qPrintable(QStringLiteral("log dock %1 px high").arg(m_window->logDock()->height())));
        std::printf("# 1280x800 (%s): process pane %d px, handle table %d px, log dock %d px\n",
                    qPrintable(processes->model()->headerData(ProcessModel::UserColumn, Qt::Horizontal).toString()),
                    processes->width(), handles->width(), m_window->logDock()->height());
    }

    // A deep branch (a chain of ten shells) is read by its names: in a wide window the name
    // column takes the spare width, so every name in the chain shows whole, and every
    // column stays in view.
    void deepTreeNamesShowWhole()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = dir.filePath(QStringLiteral("nest.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // "; exit" keeps each shell alive as its child's parent (a last command is exec'd).
        file.write("if [ \"$1\" -gt 0 ]; then sh \"$0\" $(($1 - 1)); exit; fi\nsleep 300 & echo $!; read line\n");
        file.close();
        QProcess chain;
        chain.start(QStringLiteral("/bin/sh"), {script, QStringLiteral("10")});
        QVERIFY(chain.waitForStarted());
        QVERIFY(chain.waitForReadyRead(5000));
        const qint64 sleepPid = chain.readLine().trimmed().toLongLong();
        QVERIFY(sleepPid > 0);
        auto cleanup = qScopeGuard([&] {
            ::kill(static_cast<pid_t>(sleepPid), SIGKILL);
            chain.closeWriteChannel();
            chain.waitForFinished(5000);
        });

        m_window->applyDefaultLayout(QSize(1920, 1080));
        QTRY_VERIFY_WITH_TIMEOUT((refreshAndWait(), treeIndexOfPid(sleepPid).isValid()), 20000);
        QTreeView* view = pane()->treeView();
        auto* proxy = pane()->treeProxy();
        QModelIndex deepest = proxy->mapFromSource(treeIndexOfPid(sleepPid));
        QVERIFY(deepest.isValid());
        view->scrollTo(deepest);
        std::vector<QModelIndex> branch;
        for (QModelIndex at = deepest; at.isValid(); at = at.parent())
            branch.push_back(at);
        QVERIFY2(branch.size() >= 12, qPrintable(QString::number(branch.size()))); // the shells and the sleep
        const auto namesShowWhole = [&] {
            for (const QModelIndex& index : branch) {
                QStyleOptionViewItem option;
                option.initFrom(view);
                option.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(16, 16);
                option.features |= QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasDisplay;
                const int needed = view->itemDelegateForIndex(index)->sizeHint(option, index).width();
                if (view->visualRect(index).width() < needed) {
                    std::printf("# %s (depth %zu) has %d px, needs %d\n", qPrintable(index.data().toString()),
                                branch.size(), view->visualRect(index).width(), needed);
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY(namesShowWhole());
        const QString cut = cutColumn(view->header(), view->viewport()->width());
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
        m_window->applyDefaultLayout(QSize(1280, 800));
    }

    // The row and bar colours are tints of the palette: the palette's text stays readable
    // on them, in a light and in a dark palette.
    void coloursReadableInDarkAndLightPalettes()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        light.setColor(QPalette::WindowText, Qt::black);
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        for (const QPalette& p : {dark, light}) {
            const QColor text = p.color(QPalette::Text);
            QVERIFY2(contrast(text, addedBackground(p)) >= 4.5, qPrintable(addedBackground(p).name()));
            QVERIFY2(contrast(text, removedBackground(p)) >= 4.5, qPrintable(removedBackground(p).name()));
            QVERIFY2(contrast(p.color(QPalette::WindowText), noticeBackground(p)) >= 4.5,
                     qPrintable(noticeBackground(p).name()));
            QVERIFY(contrast(mutedText(p), p.color(QPalette::Base)) >= 3.0); // greyed, still legible
        }
    }

    // .desktop files name the icons of programs: Exec= (after env), TryExec=; actions and
    // hidden entries do not count; a program no file names gets the generic icon.
    void desktopIcons()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iconFile = dir.filePath(QStringLiteral("prog.png"));
        QImage image(16, 16, QImage::Format_ARGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(iconFile));
        auto write = [&](const QString& name, const QByteArray& text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(QStringLiteral("a.desktop"), "[Desktop Entry]\nName=A\nExec=env FOO=1 /opt/hs/hs-icon-prog --x %U\n"
                                           "Icon=" + iconFile.toUtf8() + "\n[Desktop Action new]\nExec=hs-action-prog\nIcon=x\n");
        write(QStringLiteral("b.desktop"), "[Desktop Entry]\nTryExec=hs-try\nExec=\"/usr/bin/hs tool\" %f\nIcon=b-icon\n");
        write(QStringLiteral("c.desktop"), "[Desktop Entry]\nExec=hs-hidden\nIcon=c-icon\nHidden=true\n");
        const QHash<QString, QString> index = DesktopIcons::readIndex({dir.path()});
        QCOMPARE(index.value(QStringLiteral("hs-icon-prog")), iconFile);
        QCOMPARE(index.value(QStringLiteral("hs-try")), QStringLiteral("b-icon"));
        QCOMPARE(index.value(QStringLiteral("hs tool")), QStringLiteral("b-icon"));
        QVERIFY(!index.contains(QStringLiteral("hs-action-prog")));
        QVERIFY(!index.contains(QStringLiteral("hs-hidden")));
        QCOMPARE(index.size(), 3);

        const QIcon fallback = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
        DesktopIcons icons(fallback, {dir.path()});
        QTRY_VERIFY(icons.isReady());
        const QIcon named = icons.iconFor(QStringLiteral("/opt/hs/hs-icon-prog"), QStringLiteral("hs-icon-pro"));
        QVERIFY(!named.isNull());
        QVERIFY(named.cacheKey() != fallback.cacheKey());
        QCOMPARE(named.pixmap(16, 16).toImage().pixelColor(8, 8), QColor(Qt::red));
        QCOMPARE(icons.iconFor(QStringLiteral("/usr/bin/unknown-prog"), QStringLiteral("unknown-prog")).cacheKey(),
                 fallback.cacheKey());
    }

    // The polkit action the package installs names the installed binary and keeps the
    // display: that binary restarts as `pkexec PATH`; any other through env.
    void restartCommandForInstalledBinary()
    {
        QFile policyIn(QStringLiteral(HS_SOURCE_DIR "/packaging/io.github.handlescope.policy.in"));
        QVERIFY(policyIn.open(QIODevice::ReadOnly));
        QByteArray policy = policyIn.readAll();
        QVERIFY(policy.contains("<allow_active>auth_admin_keep</allow_active>"));
        QVERIFY(policy.contains("<annotate key=\"org.freedesktop.policykit.exec.allow_gui\">true</annotate>"));
        QTemporaryDir dir;
        const QString installed = dir.filePath(QStringLiteral("handlescope"));
        QFile binary(installed);
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.close();
        policy.replace("@HANDLESCOPE_POLKIT_EXEC_PATH@", installed.toUtf8());
        policy.replace("@HANDLESCOPE_HOMEPAGE@", "https://example.org");
        QFile policyOut(dir.filePath(QStringLiteral("policy.xml")));
        QVERIFY(policyOut.open(QIODevice::WriteOnly));
        policyOut.write(policy);
        policyOut.close();
        QCOMPARE(PrivilegeBar::policyExecPath(policyOut.fileName()), installed);
        QCOMPARE(PrivilegeBar::policyExecPath(dir.filePath(QStringLiteral("missing.policy"))), QString());

        QProcessEnvironment env;
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":1"));
        QCOMPARE(PrivilegeBar::restartCommandFor(installed, installed, env), QStringList({QStringLiteral("pkexec"), installed}));
        QCOMPARE(PrivilegeBar::restartCommandFor(QStringLiteral("/build/handlescope"), installed, env),
                 QStringList({QStringLiteral("pkexec"), QStringLiteral("env"), QStringLiteral("DISPLAY=:1"),
                              QStringLiteral("/build/handlescope")}));
    }

    // An ordinary user gets the bar: how many processes are hidden, and the restart
    // command, which the button hands to the launcher (replaced here: nothing runs). Root
    // gets no bar, and runs this again as nobody.
    void privilegeBarForOrdinaryUser()
    {
        PrivilegeBar* bar = m_window->privilegeBar();
        if (::geteuid() == 0) {
            refreshAndWait();
            QVERIFY2(!bar->isVisible(), "root sees every process: no bar");
            runAsNobody(QStringLiteral("privilegeBarForOrdinaryUser"));
            return;
        }
        refreshAndWait();
        const int hidden = m_window->processModel()->uninspectableCount();
        QVERIFY2(hidden > 0, "root's processes (pid 1) are hidden from nobody");
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->hiddenCount(), hidden);
        QVERIFY2(bar->messageLabel()->text().contains(QString::number(hidden)), qPrintable(bar->messageLabel()->text()));
        const QStringList expected{QStringLiteral("pkexec"), QStringLiteral("env"), QStringLiteral("DISPLAY=:99"),
                                   QStringLiteral("XAUTHORITY=/tmp/hs-test-xauthority"),
                                   QCoreApplication::applicationFilePath()};
        QCOMPARE(bar->restartCommand(), expected);

        QStringList launched;
        bar->setLauncher([&launched](const QString& program, const QStringList& arguments) {
            launched = QStringList{program} + arguments;
            return true;
        });
        QSignalSpy restarted(bar, &PrivilegeBar::restarted);
        bar->restartButton()->setEnabled(true); // pkexec may be missing here: the click is what is tested
        QTest::mouseClick(bar->restartButton(), Qt::LeftButton);
        QCOMPARE(launched, expected);
        QCOMPARE(restarted.count(), 1);
        QTRY_VERIFY(!m_window->isVisible()); // it closes: the administrator's copy takes over
    }
};

QTEST_MAIN(TestProcessTree)
#include "tst_processtree.moc"
