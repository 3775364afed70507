// SPDX-License-Identifier: MIT
// handlescope-gui-bench (not a ctest test; scripts/bench-gui.sh runs it): the desktop
// app's refresh path in the real main window, offscreen.
//
//   handlescope-gui-bench synthetic   refreshes of a synthetic 300-process / 50,000-handle
//                                     machine, 2% of fds reopened each time
//   handlescope-gui-bench real [G]    refreshes of this machine (start a load first), the
//                                     process with the most handles selected, G ms apart
//                                     (default 30; the app refreshes every 2000)
//   handlescope-gui-bench idle [S]    no refresh at all for S seconds (default 10): the
//                                     lateness other processes cause, the noise floor
//   handlescope-gui-bench table       100,000 synthetic handles in the handle table:
//                                     load time, memory, scrolling
//   handlescope-gui-bench find        the searches that read every handle of the machine
//                                     (start a load first): the other holders of a handle,
//                                     then Find, with refreshes every 2 s meanwhile
//   handlescope-gui-bench scaling     the diff (worker) and its apply (UI) of 25k..200k handles
//
// A 5 ms QTimer records its own lateness (the longest UI stall); every event the UI thread
// handles is timed too. `real` and `table` print memory (VmRSS, VmHWM) and the slowest of
// 201 jumps + repaints while scrolling the handle table. One `key=value` line per result.
#include "bench_args.h"
#include "synthetic.h"
#include "tables.h"

#include "dialogs/finddialog.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "reader/reader.h"
#include "resources.h"
#include "widgets/detailspane.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"
#include "window/windowcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>

#include <sys/resource.h>

#include <atomic>
#include <functional>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>

namespace {

long statusKiB(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray name(field);
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').value(0).toLong();
    return -1;
}

// A machine that changes a little on every read: ~2% of handles reopened on new objects,
// a couple of processes replaced. One process (pid 100) holds 10,000 handles.
class SyntheticMachine {
public:
    SyntheticMachine()
        : m_base(hs::test::makeSnapshot(300, 40000))
    {
        auto& big = m_base.processes[0];
        for (int v = static_cast<int>(big.handles.size()); v < 10166; ++v)
            big.handles.push_back(hs::test::makeHandle(v, 10'000'000 + static_cast<std::uint64_t>(v)));
        big.process.handleCount = static_cast<std::int64_t>(big.handles.size());
    }
    hs::Snapshot next()
    {
        std::lock_guard lock(m_mutex);
        std::uniform_int_distribution<std::size_t> pick(0, 99);
        for (auto& p : m_base.processes)
            for (auto& h : p.handles)
                if (pick(m_rng) < 2)
                    h.object.inode = m_nextInode++;
        auto& gone = m_base.processes[1 + pick(m_rng) % 250];
        gone.process.startTime += 1; // pid reused: a new process
        return m_base;
    }
    std::vector<hs::HandleInfo> handles(hs::Pid pid)
    {
        std::lock_guard lock(m_mutex);
        if (const auto* p = m_base.findProcess(pid))
            return p->handles;
        return {};
    }
    /// The synthetic machine as the reader's source.
    static hs::ui::Reader::Sources sources(const std::shared_ptr<SyntheticMachine>& machine)
    {
        hs::ui::Reader::Sources s = hs::ui::Reader::coreSources();
        s.processes = [machine](const hs::CancelToken&) {
            std::vector<hs::ProcessInfo> processes;
            for (auto& p : machine->next().processes)
                processes.push_back(std::move(p.process));
            return hs::Result<std::vector<hs::ProcessInfo>>(std::move(processes));
        };
        s.handles = [machine](const hs::ProcessKey& key, const hs::CancelToken&) {
            return hs::Result<std::vector<hs::HandleInfo>>(machine->handles(key.pid));
        };
        return s;
    }

private:
    std::mutex m_mutex;
    hs::Snapshot m_base;
    std::mt19937 m_rng{42};
    std::uint64_t m_nextInode = 50'000'000;
};

} // namespace

// Times every event the UI thread handles (outermost delivery only), in wall-clock and
// in the thread's own CPU time: a late timer on a 2-core machine can be the scheduler's
// doing (the snapshot workers hold both cores) rather than ours, and this tells them apart.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth++ > 0 || !measuring) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        // Read before delivery: the event may delete the receiver (deleteLater), and with
        // it the event.
        const char* receiverClass = receiver->metaObject()->className();
        const int type = event->type();
        rusage usage0{};
        ::getrusage(RUSAGE_THREAD, &usage0);
        const std::int64_t wall0 = nowNs(CLOCK_MONOTONIC), cpu0 = nowNs(CLOCK_THREAD_CPUTIME_ID);
        const bool r = QApplication::notify(receiver, event);
        const std::int64_t wall = nowNs(CLOCK_MONOTONIC) - wall0, cpu = nowNs(CLOCK_THREAD_CPUTIME_ID) - cpu0;
        rusage usage1{};
        ::getrusage(RUSAGE_THREAD, &usage1);
        --m_depth;
        if (wall > longestWallNs) {
            longestWallNs = wall;
            longestCpuNs = cpu;
            longestEvent = type;
            longestReceiver = receiverClass;
            // Where wall time exceeds CPU time: blocked (voluntary: a lock, I/O) or
            // preempted and waiting for a core (involuntary).
            longestBlocked = usage1.ru_nvcsw - usage0.ru_nvcsw;
            longestPreempted = usage1.ru_nivcsw - usage0.ru_nivcsw;
        }
        return r;
    }
    bool measuring = false;
    std::int64_t longestWallNs = 0;
    std::int64_t longestCpuNs = 0;
    int longestEvent = 0;
    const char* longestReceiver = "";
    long longestBlocked = 0;
    long longestPreempted = 0;

private:
    static std::int64_t nowNs(clockid_t clock)
    {
        timespec ts{};
        clock_gettime(clock, &ts);
        return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
    }
    int m_depth = 0;
};

namespace {

/// A 5 ms precise timer on the UI thread that records how late it fires: the longest
/// lateness, once measuring, is the longest stall.
class LatenessProbe {
public:
    static constexpr qint64 PeriodMs = 5;
    LatenessProbe()
    {
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            if (m_measuring && now - m_last - PeriodMs >= 5)
                ++m_late5;
            if (m_measuring && now - m_last - PeriodMs > m_worst) {
                m_worst = now - m_last - PeriodMs;
                timespec ts{};
                clock_gettime(CLOCK_MONOTONIC, &ts);
                m_worstEndNs = std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
            }
            m_last = now;
        });
        m_timer.start(PeriodMs);
    }
    void startMeasuring()
    {
        m_measuring = true;
        m_last = m_clock.elapsed();
    }
    [[nodiscard]] qint64 worstMs() const { return m_worst; }
    /// Ticks 5 ms or more late: a more frequent sign of waits than the worst alone.
    [[nodiscard]] int late5() const { return m_late5; }
    /// When the longest stall ended (CLOCK_MONOTONIC ns), to find it in a scheduler trace
    /// (perf record -k CLOCK_MONOTONIC -e 'sched:*').
    [[nodiscard]] std::int64_t worstEndNs() const { return m_worstEndNs; }
    [[nodiscard]] qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    std::int64_t m_worstEndNs = 0;
    int m_late5 = 0;
    bool m_measuring = false;
};

struct StallResult {
    qint64 stallMs = 0;
    double eventWallMs = 0;
    double eventCpuMs = 0;
    int eventType = 0;
    const char* receiver = "";
    qint64 refreshMaxMs = 0; ///< the longest refresh job (worker thread), measured ones
    std::int64_t stallEndNs = 0;
    long blocked = 0;   ///< voluntary switches during the longest event
    long preempted = 0; ///< involuntary ones
    int late5 = 0;           ///< probe ticks 5 ms or more late
    long uiPreemptions = 0;  ///< the UI thread's involuntary switches while measuring
};

/// Runs `refreshes` refreshes (`gapMs` apart) after `select` picked a process on the first
/// one; measures from the third on (selecting a process is a user action with its own
/// full-detail read, not a refresh). A refresh counts as done when the handles of the
/// selected process it read are shown too.
StallResult measureRefreshes(TimedApplication& app, hs::ui::MainWindow& window, int refreshes,
                             const std::function<void()>& select, int gapMs = 30)
{
    auto* controller = window.controller();
    auto* reader = controller->reader();
    LatenessProbe probe;
    rusage usageAtStart{};
    int done = 0;
    const int total = refreshes + 2;
    qint64 refreshMaxMs = 0;
    qint64 listMs = 0;
    bool listed = false;
    auto listing = QObject::connect(reader, &hs::ui::Reader::processesRead,
                                    [&](const std::shared_ptr<const hs::ui::ProcessListRead>& r) {
                                        listMs = r->elapsedMs;
                                        listed = true;
                                    });
    auto onDone = [&](qint64 elapsedMs) {
        ++done;
        if (done > 2)
            refreshMaxMs = std::max(refreshMaxMs, elapsedMs);
        if (done == 1)
            select();
        if (done == 2)
            QTimer::singleShot(0, [&] {
                probe.startMeasuring();
                app.measuring = true;
                ::getrusage(RUSAGE_THREAD, &usageAtStart);
            });
        if (done < total)
            QTimer::singleShot(gapMs, controller, &hs::ui::WindowController::refresh);
    };
    // Done: the list is shown and, with a process selected, its handles too.
    auto handlesDone = QObject::connect(reader, &hs::ui::Reader::handlesRead,
                                        [&](const std::shared_ptr<const hs::ui::HandleListRead>& r) {
                                            if (listed && done >= 1) {
                                                listed = false;
                                                QTimer::singleShot(0, [&, ms = r->elapsedMs + listMs] { onDone(ms); });
                                            }
                                        });
    auto listDone = QObject::connect(controller, &hs::ui::WindowController::refreshed, [&] {
        if (done == 0) { // nothing selected yet: the list alone
            listed = false;
            QTimer::singleShot(0, [&] { onDone(listMs); });
        }
    });
    controller->refresh();
    while (done < total)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    app.measuring = false;
    rusage usageAtEnd{};
    ::getrusage(RUSAGE_THREAD, &usageAtEnd);
    for (const auto& c : {listing, handlesDone, listDone})
        QObject::disconnect(c);
    return {probe.worstMs(), static_cast<double>(app.longestWallNs) / 1e6, static_cast<double>(app.longestCpuNs) / 1e6,
            app.longestEvent, app.longestReceiver, refreshMaxMs, probe.worstEndNs(), app.longestBlocked,
            app.longestPreempted, probe.late5(), usageAtEnd.ru_nivcsw - usageAtStart.ru_nivcsw};
}

/// Processes listed by the last refresh (rows of exited ones stay red for a moment).
int processesOnMachine(const hs::ui::MainWindow& window)
{
    int live = 0;
    const auto* model = window.processModel();
    for (int row = 0; row < model->rowCount(); ++row)
        live += model->flashAt(row) != hs::ui::Flash::Removed;
    return live;
}

std::int64_t handlesOnMachine(const hs::ui::MainWindow& window)
{
    std::int64_t total = 0;
    const auto* model = window.processModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->flashAt(row) != hs::ui::Flash::Removed)
            total += std::max<std::int64_t>(0, model->process(row).handleCount);
    return total;
}

void printStall(const char* mode, const hs::ui::MainWindow& window, int refreshes, const StallResult& r)
{
    std::printf("mode=%s refreshes=%d processes=%d handles=%lld selected_handles=%d stall_ms=%lld "
                "longest_event_wall_ms=%.1f longest_event_cpu_ms=%.1f longest_event_type=%d longest_event_receiver=%s "
                "longest_event_blocked=%ld longest_event_preempted=%ld refresh_max_ms=%lld late_5ms=%d "
                "ui_preemptions=%ld ui_tid=%d stall_end_mono_ns=%lld\n",
                mode, refreshes, processesOnMachine(window), static_cast<long long>(handlesOnMachine(window)),
                window.handleModel()->rowCount(), static_cast<long long>(r.stallMs), r.eventWallMs, r.eventCpuMs,
                r.eventType, r.receiver, r.blocked, r.preempted, static_cast<long long>(r.refreshMaxMs), r.late5,
                r.uiPreemptions,
                static_cast<int>(::gettid()),
                static_cast<long long>(r.stallEndNs));
}

void waitUntil(const std::function<bool()>& done)
{
    while (!done())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
}

void waitForFirstRefresh(hs::ui::MainWindow& window)
{
    waitUntil([&] { return window.refreshCount() > 0 && !window.controller()->isRefreshing(); });
}

hs::Pid busiestProcess(const hs::ui::MainWindow& window)
{
    hs::Pid busiest = -1;
    std::int64_t most = -1;
    const auto* model = window.processModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (!model->process(row).accessError && model->process(row).handleCount > most) {
            most = model->process(row).handleCount;
            busiest = model->process(row).pid;
        }
    return busiest;
}

/// The slowest of 201 jumps through the handle table, each with a full repaint.
void printScroll(const char* mode, hs::ui::MainWindow& window)
{
    QTableView* view = window.handlePane()->view();
    QScrollBar* bar = view->verticalScrollBar();
    qint64 slowest = 0;
    for (int i = 0; i <= 200; ++i) {
        QElapsedTimer frame;
        frame.start();
        bar->setValue(bar->maximum() / 200 * i);
        view->viewport()->repaint();
        slowest = std::max(slowest, frame.elapsed());
    }
    std::printf("mode=%s scroll_rows=%d scroll_slowest_ms=%lld\n", mode, window.handleModel()->rowCount(),
                static_cast<long long>(slowest));
}

int runSynthetic(TimedApplication& app, hs::ui::MainWindow& window)
{
    waitForFirstRefresh(window);
    auto machine = std::make_shared<SyntheticMachine>();
    window.controller()->reader()->setSources(SyntheticMachine::sources(machine));
    constexpr int Refreshes = 20;
    const auto r = measureRefreshes(app, window, Refreshes, [&] { window.processPane()->selectPid(100); });
    printStall("synthetic", window, Refreshes, r);
    return 0;
}

int runReal(TimedApplication& app, hs::ui::MainWindow& window, int gapMs)
{
    waitForFirstRefresh(window);
    const hs::Pid busiest = busiestProcess(window);
    constexpr int Refreshes = 10;
    const auto r = measureRefreshes(app, window, Refreshes, [&] { window.processPane()->selectPid(busiest); }, gapMs);
    QApplication::processEvents();
    printStall("real", window, Refreshes, r);
    std::printf("mode=real busiest_pid=%lld rss_kib=%ld hwm_kib=%ld\n", static_cast<long long>(busiest),
                statusKiB("VmRSS:"), statusKiB("VmHWM:"));

    printScroll("real", window);
    return 0;
}

/// 100,000 synthetic handles in the handle table (one process cannot hold that many fds
/// on a machine whose hard RLIMIT_NOFILE is 20,000): load time, memory, scrolling.
int runTable(hs::ui::MainWindow& window)
{
    waitForFirstRefresh(window);
    window.controller()->setInterval(0);
    const long before = statusKiB("VmRSS:");
    std::vector<hs::HandleInfo> big;
    big.reserve(100000);
    for (int v = 0; v < 100000; ++v)
        big.push_back(hs::test::makeHandle(v, static_cast<std::uint64_t>(v) + 1,
                                           v % 5 == 0 ? hs::HandleKind::Socket : hs::HandleKind::RegularFile,
                                           v % 5 == 0 ? "socket:[" + std::to_string(v) + "]" : std::string()));
    QElapsedTimer t;
    t.start();
    window.handlePane()->showTable();
    hs::test::showHandles(*window.handleModel(), {424242, 1}, std::move(big));
    const qint64 loadMs = t.elapsed();
    QApplication::processEvents();
    std::printf("mode=table rows=%d load_ms=%lld rss_kib=%ld hwm_kib=%ld rss_added_kib=%ld\n",
                window.handleModel()->rowCount(), static_cast<long long>(loadMs), statusKiB("VmRSS:"),
                statusKiB("VmHWM:"), statusKiB("VmRSS:") - before);
    printScroll("table", window);
    return 0;
}

/// The noise floor: the same window and probe with no refresh at all, for `seconds`.
/// Lateness here is not the app's: other processes took the CPU.
int runIdle(TimedApplication& app, hs::ui::MainWindow& window, int seconds)
{
    waitForFirstRefresh(window);
    LatenessProbe probe;
    probe.startMeasuring();
    app.measuring = true;
    while (probe.elapsedMs() < seconds * 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    app.measuring = false;
    std::printf("mode=idle seconds=%d stall_ms=%lld longest_event_wall_ms=%.1f longest_event_cpu_ms=%.1f\n", seconds,
                static_cast<long long>(probe.worstMs()), static_cast<double>(app.longestWallNs) / 1e6,
                static_cast<double>(app.longestCpuNs) / 1e6);
    return 0;
}

/// The two searches that read every handle of the machine, as a person triggers them:
/// the other holders of the selected handle, then Find ("socket"), 2.5 s later so that it
/// reads the machine again, with the Find dialog already open. Refreshes run every 2 s
/// meanwhile (the app's default).
int runFind(TimedApplication& app, hs::ui::MainWindow& window)
{
    waitForFirstRefresh(window);
    const hs::Pid busiest = busiestProcess(window);
    window.processPane()->selectPid(busiest);
    waitUntil([&] { return window.handleModel()->rowCount() > 0; });
    window.controller()->setInterval(2000);
    // The dialog is opened first: its first show and paint (~15 ms of UI work, offscreen)
    // is a one-time user action; what is measured is searching while refreshes go on.
    window.openFindDialog();
    auto* find = window.findDialog();
    QElapsedTimer pause;
    pause.start();
    waitUntil([&] { return pause.elapsed() >= 500; });
    LatenessProbe probe;
    probe.startMeasuring();
    app.measuring = true;
    rusage usageAtStart{};
    ::getrusage(RUSAGE_THREAD, &usageAtStart);

    QElapsedTimer holders;
    holders.start();
    // A handle whose object has holders to search for (not an anonymous inode).
    hs::HandleValue chosen = window.handleModel()->handle(0).value;
    for (int row = 0; row < window.handleModel()->rowCount(); ++row)
        if (const auto& h = window.handleModel()->handle(row); h.object.valid() && !h.object.sharedInode) {
            chosen = h.value;
            break;
        }
    window.handlePane()->selectValue(chosen);
    auto* details = window.detailsPane();
    waitUntil([&] { return !details->holdersPending(); });
    const qint64 holdersMs = holders.elapsed();

    pause.restart();
    waitUntil([&] { return pause.elapsed() >= 2500; });
    find->textEdit()->setText(QStringLiteral("socket"));
    QElapsedTimer search;
    search.start();
    find->find();
    waitUntil([&] { return !find->isSearching(); });
    const qint64 findMs = search.elapsed();
    QApplication::processEvents();
    app.measuring = false;
    rusage usageAtEnd{};
    ::getrusage(RUSAGE_THREAD, &usageAtEnd);
    const long rss = statusKiB("VmRSS:");
    std::printf("mode=find processes=%d handles=%lld holders_ms=%lld find_ms=%lld find_rows=%d stall_ms=%lld "
                "longest_event_wall_ms=%.1f longest_event_cpu_ms=%.1f longest_event_type=%d longest_event_receiver=%s "
                "longest_event_blocked=%ld longest_event_preempted=%ld late_5ms=%d ui_preemptions=%ld "
                "ui_tid=%d stall_end_mono_ns=%lld rss_kib=%ld hwm_kib=%ld\n",
                processesOnMachine(window), static_cast<long long>(handlesOnMachine(window)),
                static_cast<long long>(holdersMs), static_cast<long long>(findMs), find->results()->model()->rowCount(),
                static_cast<long long>(probe.worstMs()), static_cast<double>(app.longestWallNs) / 1e6,
                static_cast<double>(app.longestCpuNs) / 1e6, app.longestEvent, app.longestReceiver, app.longestBlocked,
                app.longestPreempted, probe.late5(), usageAtEnd.ru_nivcsw - usageAtStart.ru_nivcsw,
                static_cast<int>(::gettid()), static_cast<long long>(probe.worstEndNs()), rss, statusKiB("VmHWM:"));
    // No snapshot is kept after a search: what stays is the hits on screen and what the
    // allocator keeps of the freed snapshot.
    pause.restart();
    waitUntil([&] { return pause.elapsed() >= 2000; });
    std::printf("mode=find rss_after_drop_kib=%ld\n", statusKiB("VmRSS:"));
    return 0;
}

/// The two halves of a refresh of one large process, 2% of its fds reopened: the diff
/// (the reader's thread) and applying it (the UI thread).
int runScaling()
{
    using namespace hs::ui;
    for (int n : {25000, 50000, 100000, 200000}) {
        HandleModel model;
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < n; ++v)
            handles.push_back(hs::test::makeHandle(v, static_cast<std::uint64_t>(v) + 1));
        hs::test::showHandles(model, {1, 1}, handles);
        for (std::size_t i = 0; i < handles.size(); i += 50) // 2% reopened: scattered runs
            handles[i].object.inode += 100'000'000;
        auto fresh = std::make_shared<const std::vector<hs::HandleInfo>>(std::move(handles));
        QElapsedTimer t;
        t.start();
        auto diff = diffRows<HandleRowTraits>(model.rows(), handleItems(fresh), DiffMode::Highlight, steadyNowMs(),
                                              model.flashMs());
        const qint64 diffMs = t.restart();
        model.apply(hs::ProcessKey{1, 1}, std::move(diff));
        std::printf("mode=scaling handles=%d diff_ms=%lld apply_ms=%lld\n", n, static_cast<long long>(diffMs),
                    static_cast<long long>(t.elapsed()));
    }
    return 0;
}

constexpr const char* Usage =
    "usage: handlescope-gui-bench MODE [N]   (scripts/bench-gui.sh runs it)\n"
    "  synthetic      refreshes of a synthetic 300-process / 50,000-handle machine\n"
    "  real [GAP_MS]  refreshes of this machine, GAP_MS apart (default 30)\n"
    "  table          100,000 synthetic rows in the handle table\n"
    "  idle [SECONDS] no refresh for SECONDS (default 10): the noise floor\n"
    "  find           the holders of a handle, then Find, with refreshes every 2 s\n"
    "  scaling        diff and apply of 25k..200k handles, 2% reopened\n";

} // namespace

int main(int argc, char** argv)
{
    // The arguments are checked before Qt starts: --help must work without a display.
    bench::Args args(argc, argv, "handlescope-gui-bench", Usage);
    const char* first = args.next();
    const std::string mode = first ? first : "synthetic";
    if (mode != "synthetic" && mode != "real" && mode != "table" && mode != "idle" && mode != "find"
        && mode != "scaling")
        args.unknown(mode);
    long number = mode == "real" ? 30 : 10;
    if (const char* n = args.next()) {
        if (mode != "real" && mode != "idle")
            args.unknown(n);
        number = args.parse(mode == "real" ? "GAP_MS" : "SECONDS", n, 1, 3'600'000);
    }
    if (const char* extra = args.next())
        args.unknown(extra);

    QStandardPaths::setTestModeEnabled(true);
    TimedApplication app(argc, argv);
    if (mode == "scaling")
        return runScaling();
    hs::ui::initResources();
    hs::ui::MainWindow window; // the app's own settings: the reader at idle priority
    window.resize(1280, 800);
    window.show();
    window.controller()->setInterval(0);
    if (mode == "synthetic")
        return runSynthetic(app, window);
    if (mode == "real")
        return runReal(app, window, static_cast<int>(number));
    if (mode == "table")
        return runTable(window);
    if (mode == "find")
        return runFind(app, window);
    return runIdle(app, window, static_cast<int>(number));
}
