// SPDX-License-Identifier: MIT
// handlescope-soak-churn (not a ctest test; scripts/soak.sh runs it): processes start and
// exit all the time while the core reads the whole machine and the desktop app refreshes.
//
//   handlescope-soak-churn [--spawns N] [--alive K]
//
// Three things run at once until N children (default 1,000) have come and gone:
//  - a spawner thread keeps up to K (default 8) handlescope-soak-target churn children
//    alive: some exit at once, some hold 1,000-4,000 fds for up to 300 ms, some close them
//    one by one while exiting, some block in read() and are killed (SIGKILL) or see EOF,
//    some have their main thread exit before the others. Exited children stay zombies for
//    5 ms before they are reaped;
//  - a thread takes whole-machine snapshots (hs::takeSnapshot, Fast and Full in turn) in a
//    loop and checks each for order and counts;
//  - the real main window (offscreen) refreshes back to back through its WindowController
//    (hs::listProcesses and a Full read of the selected process), the oldest listed child
//    with many fds selected after each refresh. QAbstractItemModelTester watches both models.
// ESRCH and ENOENT are expected (a process or fd went away mid-read) and counted apart.
// Exits 1 on a crash (a child that died of a signal we did not send, or exited non-zero),
// an unexpected error, an inconsistent snapshot or a model-tester complaint.
#include "bench_args.h"
#include "soak_child.h"

#include "handlescope/inspect.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "reader/reader.h"
#include "window/windowcontroller.h"
#include "resources.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QStandardPaths>
#include <QTimer>

#include <signal.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#ifndef SOAK_TARGET_PATH
#error "SOAK_TARGET_PATH must name handlescope-soak-target"
#endif

namespace {

using Clock = std::chrono::steady_clock;

bool expectedErrno(std::string_view name) { return name == "ESRCH" || name == "ENOENT"; }

/// The errno name in an Error::message() text ("stat fd (handle 4): ENOENT (No such ...)").
std::string errnoNameIn(const std::string& message)
{
    for (std::size_t at = message.find(": E"); at != std::string::npos; at = message.find(": E", at + 1)) {
        std::size_t end = at + 2;
        auto upperOrDigit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
        while (end < message.size() && upperOrDigit(message[end]))
            ++end;
        if (end > at + 3)
            return message.substr(at + 2, end - at - 2);
    }
    return "unknown";
}

/// Errors by where and errno name, expected or not; the first few unexpected messages.
class ErrorBook {
public:
    void add(const std::string& where, const std::string& name, const std::string& message, bool preexisting = false)
    {
        std::lock_guard lock(m_mutex);
        if (expectedErrno(name)) {
            ++m_expected[where + " " + name];
        } else if (preexisting) {
            ++m_preexisting[where + " " + name];
        } else {
            ++m_unexpected[where + " " + name];
            if (m_messages.size() < 5)
                m_messages.push_back(message);
        }
    }
    void print() const
    {
        std::lock_guard lock(m_mutex);
        auto list = [](const char* title, const std::map<std::string, long>& m) {
            long total = 0;
            for (const auto& [k, v] : m)
                total += v;
            std::printf("  %-34s %ld\n", title, total);
            for (const auto& [k, v] : m)
                std::printf("    %-32s %ld\n", k.c_str(), v);
        };
        list("expected errors (ESRCH/ENOENT)", m_expected);
        list("errors also seen before the churn", m_preexisting);
        list("unexpected errors", m_unexpected);
        for (const auto& m : m_messages)
            std::printf("    %s\n", m.c_str());
    }
    [[nodiscard]] long unexpected() const
    {
        std::lock_guard lock(m_mutex);
        long n = 0;
        for (const auto& [k, v] : m_unexpected)
            n += v;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::map<std::string, long> m_expected;
    std::map<std::string, long> m_preexisting;
    std::map<std::string, long> m_unexpected;
    std::vector<std::string> m_messages;
};

ErrorBook g_errors;
std::atomic<long> g_modelWarnings{0};
std::atomic<long> g_qtWarnings{0};
std::mutex g_warningMutex;
std::vector<std::string> g_warningTexts;

void onQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    // The offscreen platform says it cannot propagate size hints whenever a pane's layout
    // changes: not ours.
    if (type == QtDebugMsg || type == QtInfoMsg || text.contains(QLatin1String("propagateSizeHints")))
        return;
    const bool model = context.category && std::string_view(context.category) == "qt.modeltest";
    (model ? g_modelWarnings : g_qtWarnings).fetch_add(1);
    std::lock_guard lock(g_warningMutex);
    if (g_warningTexts.size() < 5)
        g_warningTexts.push_back((model ? "model tester: " : "Qt: ") + text.toStdString());
}

// ---- the spawner -------------------------------------------------------------------

struct ChildKind {
    const char* name;
    bool manyFds;
};
constexpr ChildKind kKinds[] = {{"quick", false},  {"fds", true},      {"closing", true},
                                {"reader", true},  {"threads", false}, {"fds", false}};

class Spawner {
public:
    Spawner(long spawns, int alive) : m_spawns(spawns), m_maxAlive(alive) {}

    void run()
    {
        std::mt19937 rng(1234);
        auto between = [&](long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng); };
        long spawned = 0;
        while (spawned < m_spawns || !m_live.empty()) {
            while (spawned < m_spawns && static_cast<int>(m_live.size()) < m_maxAlive) {
                const auto& kind = kKinds[static_cast<std::size_t>(spawned) % std::size(kKinds)];
                const std::string k = kind.name;
                std::vector<std::string> args{SOAK_TARGET_PATH, "churn", k};
                Live live{};
                live.manyFds = kind.manyFds;
                // Lifetimes about as long as a refresh: the selected child often exits
                // while the refresh reads it.
                if (k == "fds" || k == "closing")
                    args.insert(args.end(), {std::to_string(kind.manyFds ? between(1000, 4000) : 10),
                                             std::to_string(between(0, kind.manyFds ? 300 : 50))});
                else if (k == "reader")
                    args.push_back(std::to_string(between(500, 2000)));
                else if (k == "threads")
                    args.insert(args.end(), {"4", std::to_string(between(0, 100))});
                const bool reader = k == "reader";
                auto child = soak::spawn(args, reader, false);
                ++spawned;
                if (!child) {
                    const int err = errno;
                    const char* name = ::strerrorname_np(err);
                    g_errors.add("spawn", name ? name : "E?", std::string("posix_spawn: ") + std::strerror(err));
                    continue;
                }
                live.pid = child->pid;
                live.toChild = child->toChild;
                if (reader) {
                    live.endAt = Clock::now() + std::chrono::milliseconds(between(5, 300));
                    live.kill = spawned % 2 == 0;
                }
                m_live.push_back(live);
                publish();
            }
            tick();
            ::usleep(1000);
        }
        publish();
        m_done = true;
    }

    /// The live children that hold many fds, oldest first, for the window to select.
    std::vector<hs::Pid> withManyFds() const
    {
        std::lock_guard lock(m_mutex);
        return m_big;
    }
    [[nodiscard]] bool done() const { return m_done; }
    [[nodiscard]] long reaped() const { return m_reaped; }
    [[nodiscard]] long crashes() const { return m_crashes; }
    [[nodiscard]] long killedBySoak() const { return m_killed; }
    [[nodiscard]] const std::vector<std::string>& crashTexts() const { return m_crashTexts; }

private:
    struct Live {
        pid_t pid = -1;
        int toChild = -1;
        bool manyFds = false;
        bool kill = false;
        bool signalled = false;
        Clock::time_point endAt = Clock::time_point::max();
        Clock::time_point exitedAt = Clock::time_point::max();
    };

    void tick()
    {
        const auto now = Clock::now();
        for (auto it = m_live.begin(); it != m_live.end();) {
            Live& c = *it;
            if (now >= c.endAt) {
                c.endAt = Clock::time_point::max();
                if (c.kill) {
                    ::kill(c.pid, SIGKILL);
                    c.signalled = true;
                    ++m_killed;
                }
                if (c.toChild >= 0)
                    ::close(c.toChild); // EOF for a reader that is still alive
                c.toChild = -1;
            }
            if (c.exitedAt == Clock::time_point::max()) {
                siginfo_t info{};
                if (::waitid(P_PID, static_cast<id_t>(c.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0
                    && info.si_pid == c.pid)
                    c.exitedAt = now; // a zombie from now on
            }
            if (now - c.exitedAt < std::chrono::milliseconds(5)) {
                ++it;
                continue;
            }
            int status = 0;
            if (::waitpid(c.pid, &status, 0) == c.pid) {
                ++m_reaped;
                const bool fine = (WIFEXITED(status) && WEXITSTATUS(status) == 0)
                                  || (c.signalled && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
                if (!fine) {
                    ++m_crashes;
                    if (m_crashTexts.size() < 5)
                        m_crashTexts.push_back("child pid " + std::to_string(c.pid) + " "
                                               + soak::describeStatus(status));
                }
            }
            if (c.toChild >= 0)
                ::close(c.toChild);
            it = m_live.erase(it);
            publish();
        }
    }

    void publish()
    {
        std::lock_guard lock(m_mutex);
        m_big.clear();
        for (const auto& c : m_live)
            if (c.manyFds && c.exitedAt == Clock::time_point::max())
                m_big.push_back(c.pid);
    }

    long m_spawns;
    int m_maxAlive;
    std::vector<Live> m_live;
    mutable std::mutex m_mutex;
    std::vector<hs::Pid> m_big;
    std::atomic<bool> m_done{false};
    std::atomic<long> m_reaped{0};
    std::atomic<long> m_crashes{0};
    std::atomic<long> m_killed{0};
    std::vector<std::string> m_crashTexts;
};

// ---- the snapshot loop ---------------------------------------------------------------

using ProcessErrorKey = std::tuple<hs::Pid, std::uint64_t, std::string>;
using HandleErrorKey = std::tuple<hs::Pid, std::uint64_t, hs::HandleValue, std::string>;

struct Baseline {
    std::set<ProcessErrorKey> processErrors;
    std::set<HandleErrorKey> handleErrors;
};

Baseline baseline()
{
    Baseline b;
    for (auto detail : {hs::Detail::Fast, hs::Detail::Full})
        if (auto snap = hs::takeSnapshot(detail))
            for (const auto& p : snap->processes) {
                if (p.process.accessError)
                    b.processErrors.insert({p.process.pid, p.process.startTime, p.process.accessError->osName});
                for (const auto& h : p.handles)
                    if (!h.partialError.empty())
                        b.handleErrors.insert(
                            {p.process.pid, p.process.startTime, h.value, errnoNameIn(h.partialError)});
            }
    return b;
}

/// Order and counts; returns what is wrong, empty if nothing.
std::string inconsistency(const hs::Snapshot& snap)
{
    for (std::size_t i = 0; i < snap.processes.size(); ++i) {
        const auto& p = snap.processes[i];
        if (i > 0 && p.process.pid <= snap.processes[i - 1].process.pid)
            return "pids out of order at " + std::to_string(p.process.pid);
        if (!p.process.accessError && p.process.handleCount != static_cast<std::int64_t>(p.handles.size()))
            return "pid " + std::to_string(p.process.pid) + ": handleCount " + std::to_string(p.process.handleCount)
                   + " but " + std::to_string(p.handles.size()) + " handles";
        for (std::size_t j = 0; j < p.handles.size(); ++j)
            if (p.handles[j].value < 0 || (j > 0 && p.handles[j].value <= p.handles[j - 1].value))
                return "pid " + std::to_string(p.process.pid) + ": handle values out of order at "
                       + std::to_string(p.handles[j].value);
    }
    return {};
}

struct SnapshotLoop {
    long completed = 0;
    long failed = 0;
    long inconsistent = 0;
    std::string firstInconsistency;
    std::size_t mostProcesses = 0;

    void run(const Spawner& spawner, const Baseline& base)
    {
        for (long i = 0; !spawner.done(); ++i) {
            const auto detail = i % 2 ? hs::Detail::Full : hs::Detail::Fast;
            const char* where = i % 2 ? "snapshot Full" : "snapshot Fast";
            auto snap = hs::takeSnapshot(detail);
            if (!snap) {
                ++failed;
                g_errors.add(where, snap.error().osName, snap.error().message());
                continue;
            }
            ++completed;
            mostProcesses = std::max(mostProcesses, snap->processes.size());
            if (auto what = inconsistency(*snap); !what.empty()) {
                if (++inconsistent == 1)
                    firstInconsistency = what;
            }
            for (const auto& p : snap->processes) {
                const auto& info = p.process;
                if (info.accessError)
                    g_errors.add(std::string(where) + " process", info.accessError->osName,
                                 info.accessError->message(),
                                 base.processErrors.contains({info.pid, info.startTime, info.accessError->osName}));
                for (const auto& h : p.handles)
                    if (!h.partialError.empty()) {
                        const std::string name = errnoNameIn(h.partialError);
                        g_errors.add(std::string(where) + " handle", name,
                                     "pid " + std::to_string(info.pid) + ": " + h.partialError,
                                     base.handleErrors.contains({info.pid, info.startTime, h.value, name}));
                    }
            }
        }
    }
};

constexpr const char* Usage = "usage: handlescope-soak-churn [--spawns N] [--alive K]\n"
                              "  --spawns N  children started over the run (default 1000)\n"
                              "  --alive K   children alive at once (default 8)\n";

} // namespace

int main(int argc, char** argv)
{
    long spawns = 1000;
    int alive = 8;
    bench::Args args(argc, argv, "handlescope-soak-churn", Usage);
    while (const char* arg = args.next()) {
        const std::string_view a = arg;
        if (a == "--spawns")
            spawns = args.number(a, 1, 10'000'000);
        else if (a == "--alive")
            alive = static_cast<int>(args.number(a, 1, 1000));
        else
            args.unknown(a);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    qInstallMessageHandler(onQtMessage);

    hs::ui::initResources();
    hs::ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    auto* controller = window.controller();
    auto* reader = controller->reader();
    controller->setInterval(0);
    QAbstractItemModelTester processTester(window.processModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester handleTester(window.handleModel(),
                                          QAbstractItemModelTester::FailureReportingMode::Warning);
    while (window.refreshCount() == 0 || controller->isRefreshing())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);

    const Baseline base = baseline();
    std::printf("Churn soak: %ld spawns (up to %d alive) while snapshots and the window's refreshes run\n", spawns,
                alive);
    std::printf("  before: %zu process and %zu handle errors in two snapshots (not counted as unexpected later)\n",
                base.processErrors.size(), base.handleErrors.size());
    std::fflush(stdout);

    const auto t0 = Clock::now();
    Spawner spawner(spawns, alive);
    SnapshotLoop snapshots;
    std::thread spawnThread([&] { spawner.run(); });
    std::thread snapshotThread([&] { snapshots.run(spawner, base); });

    long refreshes = 0;
    long refreshErrors = 0;
    long focusReads = 0;
    long focusSelected = 0;
    hs::Pid selected = -1;
    bool refreshing = true;
    QObject::connect(reader, &hs::ui::Reader::handlesRead, [&](const std::shared_ptr<const hs::ui::HandleListRead>& r) {
        ++focusReads;
        if (r->error && !hs::isCancelled(*r->error))
            g_errors.add("refresh listHandles", r->error->osName, r->error->message());
    });
    QObject::connect(reader, &hs::ui::Reader::processesRead, [&](const std::shared_ptr<const hs::ui::ProcessListRead>& result) {
        ++refreshes;
        if (result->error) {
            ++refreshErrors;
            g_errors.add("refresh listProcesses", result->error->osName, result->error->message());
        }
        // The oldest child the window lists (the likeliest to exit during the next read).
        for (const hs::Pid pid : spawner.withManyFds())
            if (window.processPane()->selectPid(pid)) {
                focusSelected += pid != selected;
                selected = pid;
                break;
            }
        if (spawner.done())
            refreshing = false;
        else
            QTimer::singleShot(5, controller, &hs::ui::WindowController::refresh);
    });
    controller->refresh();
    while (refreshing)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    spawnThread.join();
    snapshotThread.join();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    QApplication::processEvents();

    std::printf("  spawns                             %ld (reaped %ld, %ld killed by the soak)\n", spawns,
                spawner.reaped(), spawner.killedBySoak());
    std::printf("  snapshots completed                %ld (failed %ld, up to %zu processes)\n", snapshots.completed,
                snapshots.failed, snapshots.mostProcesses);
    std::printf("  inconsistent snapshots             %ld%s%s\n", snapshots.inconsistent,
                snapshots.firstInconsistency.empty() ? "" : ": ", snapshots.firstInconsistency.c_str());
    std::printf("  refreshes completed                %ld (failed %ld; %ld read a selected child's handles; "
                "%ld children selected)\n",
                refreshes, refreshErrors, focusReads, focusSelected);
    g_errors.print();
    std::printf("  model tester complaints            %ld\n", g_modelWarnings.load());
    std::printf("  other Qt warnings                  %ld\n", g_qtWarnings.load());
    for (const auto& t : g_warningTexts)
        std::printf("    %s\n", t.c_str());
    std::printf("  crashes                            %ld\n", spawner.crashes());
    for (const auto& t : spawner.crashTexts())
        std::printf("    %s\n", t.c_str());
    std::printf("  wall time                          %.1f s\n", wall);
    const bool fail = spawner.crashes() > 0 || g_errors.unexpected() > 0 || snapshots.inconsistent > 0
                      || g_modelWarnings.load() > 0 || spawner.reaped() != spawns;
    std::printf("  result                             %s\n", fail ? "FAIL" : "PASS");
    return fail ? 1 : 0;
}
