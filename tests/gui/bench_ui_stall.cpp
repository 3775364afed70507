// SPDX-License-Identifier: MIT
// Benchmark (not a ctest test): how long does the UI thread stall while refreshes of a
// synthetic ~300 process / 50,000 handle machine are merged into the real main window?
// A 5 ms QTimer records its own lateness. Then: merge time vs size (scaling), memory
// with 100,000 handles in the handle table, and the slowest repaint while scrolling it.
#include "synthetic.h"

#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "refresh/refreshcontroller.h"
#include "resources.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <mutex>
#include <random>

namespace {

long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
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
        const std::int64_t wall0 = nowNs(CLOCK_MONOTONIC), cpu0 = nowNs(CLOCK_THREAD_CPUTIME_ID);
        const bool r = QApplication::notify(receiver, event);
        const std::int64_t wall = nowNs(CLOCK_MONOTONIC) - wall0, cpu = nowNs(CLOCK_THREAD_CPUTIME_ID) - cpu0;
        --m_depth;
        if (wall > longestWallNs) {
            longestWallNs = wall;
            longestCpuNs = cpu;
            longestEvent = event->type();
        }
        return r;
    }
    bool measuring = false;
    std::int64_t longestWallNs = 0;
    std::int64_t longestCpuNs = 0;
    int longestEvent = 0;

private:
    static std::int64_t nowNs(clockid_t clock)
    {
        timespec ts{};
        clock_gettime(clock, &ts);
        return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
    }
    int m_depth = 0;
};

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    TimedApplication app(argc, argv);
    hs::ui::initResources();
    hs::ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    auto* refresh = window.refreshController();
    refresh->setInterval(0);
    // Let the real first refresh finish, then feed the synthetic machine.
    while (window.snapshot() == nullptr || refresh->isRunning())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    auto machine = std::make_shared<SyntheticMachine>();
    refresh->setSources([machine] { return hs::Result<hs::Snapshot>(machine->next()); },
                        [machine](hs::Pid pid) { return hs::Result<std::vector<hs::HandleInfo>>(machine->handles(pid)); });

    // --- 1. stall during refreshes -----------------------------------------------------
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.elapsed();
    qint64 worst = 0;
    bool measuring = false;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (measuring)
            worst = std::max(worst, now - last - 5);
        last = now;
    });
    probe.start(5);
    int done = 0;
    constexpr int Refreshes = 22;
    QObject::connect(refresh, &hs::ui::RefreshController::finished, [&] {
        ++done;
        if (done == 1)
            window.processPane()->selectPid(100); // the 14,113-handle process
        // Selecting a process (a user action, with its own full-detail read) is not a
        // refresh: measure from the third refresh on.
        if (done == 2)
            QTimer::singleShot(0, [&] {
                measuring = app.measuring = true;
                last = clock.elapsed();
            });
        if (done < Refreshes)
            QTimer::singleShot(30, refresh, &hs::ui::RefreshController::refresh);
    });
    refresh->refresh();
    while (done < Refreshes)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    measuring = app.measuring = false;
    const auto snap = window.snapshot();
    std::printf("refresh stall: %d refreshes of %zu processes / %zu handles (selected process: %d handles): "
                "longest UI stall %lld ms; longest event %.1f ms wall, %.1f ms UI-thread CPU (event type %d)\n",
                Refreshes - 2, snap->processes.size(), snap->handleCount(), window.handleModel()->rowCount(),
                static_cast<long long>(worst), static_cast<double>(app.longestWallNs) / 1e6,
                static_cast<double>(app.longestCpuNs) / 1e6, app.longestEvent);

    if (QCoreApplication::arguments().contains(QStringLiteral("--stall-only")))
        return 0; // for profiling the refresh path alone

    // --- 2. merge scaling -----------------------------------------------------------------
    for (int n : {25000, 50000, 100000, 200000}) {
        hs::ui::HandleModel model;
        std::vector<hs::HandleInfo> handles;
        for (int v = 0; v < n; ++v)
            handles.push_back(hs::test::makeHandle(v, static_cast<std::uint64_t>(v) + 1));
        model.show({1, 1}, handles);
        for (std::size_t i = 0; i < handles.size(); i += 50) // 2% reopened: scattered runs
            handles[i].object.inode += 100'000'000;
        auto fresh = handles; // the copy is the worker's job in the app, not the merge's
        QElapsedTimer t;
        t.start();
        model.show({1, 1}, std::move(fresh));
        std::printf("merge of %d handles with 2%% scattered changes: %lld ms\n", n, static_cast<long long>(t.elapsed()));
    }

    // --- 3. memory and scrolling with 100,000 handles ------------------------------------
    refresh->setSources([] { return hs::Result<hs::Snapshot>(hs::Snapshot{}); },
                        [](hs::Pid) { return hs::Result<std::vector<hs::HandleInfo>>(std::vector<hs::HandleInfo>{}); });
    const long before = rssKiB();
    std::vector<hs::HandleInfo> big;
    for (int v = 0; v < 100000; ++v)
        big.push_back(hs::test::makeHandle(v, static_cast<std::uint64_t>(v) + 1, v % 5 == 0 ? hs::HandleKind::Socket : hs::HandleKind::RegularFile,
                                           v % 5 == 0 ? "socket:[" + std::to_string(v) + "]" : std::string()));
    QElapsedTimer t;
    t.start();
    window.handlePane()->showTable();
    window.handleModel()->show({424242, 1}, std::move(big));
    const qint64 loadMs = t.elapsed();
    QApplication::processEvents();
    const long after = rssKiB();
    std::printf("100,000 handles: load into model + proxy %lld ms, memory +%ld KiB (RSS %ld KiB)\n",
                static_cast<long long>(loadMs), after - before, after);
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
    std::printf("scrolling 100,000 rows: slowest of 201 jumps + repaints %lld ms\n", static_cast<long long>(slowest));
    return 0;
}
