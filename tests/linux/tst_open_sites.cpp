// SPDX-License-Identifier: MIT
// The open-site tracer (handlescope/open_sites.h) on real processes. hs_leak_helper in leak
// mode: its leaked files and sockets are grouped under the functions that opened them, each
// fd checked against /proc; in churn mode its closed fds are not reported. This test
// process itself: every kind of creating call (pipe, socketpair, dup, fcntl, eventfd,
// memfd...) attributed to the function that made it, and closed fds (close, close_range,
// dup2 over an fd) gone. A process that exits mid-trace, and a pid that does not exist.
// Skips, saying why, where BPF cannot load (no privilege, no BTF, a build without BPF).

#include "child.h"
#include "procfs.h"

#include "handlescope/open_sites.h"

#include <QTest>

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <string>

using namespace hs;
using namespace std::chrono_literals;

namespace {

bool stackHas(const OpenSite& site, const std::string& function)
{
    return std::any_of(site.stack.begin(), site.stack.end(), [&](const StackFrame& f) { return f.function == function; });
}

/// The one site whose stack has `function`; null if none (and a failure message if more).
const OpenSite* siteWith(const OpenSiteReport& r, const std::string& function)
{
    const OpenSite* found = nullptr;
    for (const auto& s : r.sites)
        if (stackHas(s, function)) {
            if (found)
                return nullptr;
            found = &s;
        }
    return found;
}

std::string sitesText(const OpenSiteReport& r)
{
    std::string out;
    for (const auto& s : r.sites) {
        out += describeKinds(s) + " at";
        for (std::size_t i = 0; i < s.stack.size() && i < 6; ++i)
            out += (i == 0 ? " " : " <- ") + describeFrame(s.stack[i]);
        out += "\n";
    }
    return out + describeKinds(r.unknownOrigin) + " of unknown origin\n";
}

/// Starts tracing `pid`, or says why the test must skip: where BPF cannot load.
std::unique_ptr<OpenSiteTracer> startOrSkipReason(Pid pid, std::string& skip)
{
    auto tracer = OpenSiteTracer::start(pid);
    if (tracer)
        return std::move(*tracer);
    skip = tracer.error().message();
    return nullptr;
}

#define START_TRACER(var, pid)                                                                                        \
    std::string skipReason;                                                                                           \
    auto var = startOrSkipReason(pid, skipReason);                                                                    \
    if (!var)                                                                                                         \
        QSKIP(qPrintable(QStringLiteral("BPF tracer cannot run here: ") + QString::fromStdString(skipReason)));

/// Stops the helper where it holds no fd between an open and its close: its fd count is
/// `settled` (tries again otherwise). The report then sees a table that does not move.
bool stopSettled(pid_t pid, int settled)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        ::kill(pid, SIGSTOP);
        if (!hstest::waitForState(pid, 'T'))
            return false;
        if (settled < 0 || hstest::fdCount(pid) == settled)
            return true;
        ::kill(pid, SIGCONT);
        std::this_thread::sleep_for(7ms);
    }
    return false;
}

// The calls of the in-process test, each from a function of its own name.
[[gnu::noinline]] int makePipe(int fds[2]) { return ::pipe2(fds, O_CLOEXEC); }
[[gnu::noinline]] int makeSocketPair(int fds[2]) { return ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds); }
[[gnu::noinline]] int makeEventFd() { return ::eventfd(0, EFD_CLOEXEC); }
[[gnu::noinline]] int makeMemFd() { return ::memfd_create("hs-open-sites", MFD_CLOEXEC); }
[[gnu::noinline]] int duplicateWithFcntl(int fd) { return ::fcntl(fd, F_DUPFD_CLOEXEC, 100); }
[[gnu::noinline]] int duplicateAndClose(int fd)
{
    const int copy = ::dup(fd);
    ::close(copy);
    return copy;
}
[[gnu::noinline]] int openForCloseRange() { return ::open("/dev/null", O_RDONLY | O_CLOEXEC); }
[[gnu::noinline]] int openThenReplace() { return ::open("/dev/zero", O_RDONLY | O_CLOEXEC); }
[[gnu::noinline]] int replaceWithDup3(int from, int over) { return ::dup3(from, over, O_CLOEXEC); }

} // namespace

class TestOpenSites : public QObject {
    Q_OBJECT

private slots:
    void leakingHelper_namesTheOpeningFunctions()
    {
        hstest::Child helper;
        hstest::Spawn spec{.argv = {HS_LEAK_HELPER_PATH, "leak"}};
        const auto e = helper.startHelper(spec);
        QVERIFY2(e.empty(), e.c_str());
        START_TRACER(tracer, helper.pid());
        // Taken after the tracer attached: every fd not in it was opened under the trace.
        const auto before = hstest::fdNumbers(helper.pid());
        QVERIFY(tracer->follow(1500ms));
        QVERIFY(!tracer->exited());
        QVERIFY(stopSettled(helper.pid(), -1));
        auto report = tracer->report();
        const auto after = hstest::fdNumbers(helper.pid());
        ::kill(helper.pid(), SIGCONT);
        QVERIFY2(report, report ? "" : report.error().message().c_str());
        const std::string text = sitesText(*report);
        QCOMPARE(report->pid, static_cast<Pid>(helper.pid()));
        QCOMPARE(report->lostRecords, 0);

        const std::string held = helper.helper().dir + "/held";
        const std::set<int> beforeSet(before.begin(), before.end());
        int newFiles = 0;
        int newSockets = 0;
        for (const auto* function : {"openFile", "openSocket"}) {
            const OpenSite* site = siteWith(*report, function);
            QVERIFY2(site, (std::string(function) + " in one site:\n" + text).c_str());
            QVERIFY2(stackHas(*site, "leakOneFileAndSocket") && stackHas(*site, "tick") && stackHas(*site, "main"), text.c_str());
            const bool isFile = std::string(function) == "openFile";
            QCOMPARE(site->kinds.size(), std::size_t{1});
            QCOMPARE(toString(site->kinds.front().first), toString(isFile ? HandleKind::RegularFile : HandleKind::Socket));
            QCOMPARE(site->kinds.front().second, site->count());
            // The helper's own frame has its source line (it is built with -g).
            const auto frame = std::find_if(site->stack.begin(), site->stack.end(),
                                            [&](const StackFrame& f) { return f.function == function; });
            QVERIFY2(frame->file.ends_with("hs_leak_helper.cpp") && frame->line > 0, describeFrame(*frame).c_str());
            QCOMPARE(frame->module, std::string("hs_leak_helper"));
            QVERIFY2(describeSite(*site).starts_with(std::string(function) + " <- leakOneFileAndSocket <- tick"),
                     describeSite(*site).c_str());
            // Each fd is what the kernel says the helper holds now.
            for (HandleValue fd : site->fds) {
                QVERIFY(std::find(after.begin(), after.end(), fd) != after.end());
                const std::string link = hstest::fdLink(helper.pid(), static_cast<int>(fd));
                QVERIFY2(isFile ? link == held : link.starts_with("socket:["), link.c_str());
            }
            // 10 a second for 1.5 s; at least every one opened after `before`.
            for (int fd : after) {
                if (beforeSet.contains(fd))
                    continue;
                const std::string link = hstest::fdLink(helper.pid(), fd);
                if (isFile ? link == held : link.starts_with("socket:[")) {
                    (isFile ? newFiles : newSockets)++;
                    QVERIFY2(std::find(site->fds.begin(), site->fds.end(), fd) != site->fds.end(),
                             (std::to_string(fd) + " missing from " + function + "\n" + text).c_str());
                }
            }
            QVERIFY2(site->count() >= 13 && site->count() <= 17, text.c_str());
        }
        QVERIFY(newFiles >= 12 && newSockets >= 12);
        // stdin, stdout and stderr came from the test: opened before the trace.
        for (HandleValue fd : {0, 1, 2})
            QVERIFY2(std::find(report->unknownOrigin.fds.begin(), report->unknownOrigin.fds.end(), fd) !=
                         report->unknownOrigin.fds.end(), text.c_str());
        QVERIFY(report->openCalls >= 26);
        QVERIFY(report->traced >= 1500ms && report->traced < 3s);
    }

    void churningHelper_closedFdsAreNotReported()
    {
        hstest::Child helper;
        hstest::Spawn spec{.argv = {HS_LEAK_HELPER_PATH, "churn"}};
        const auto e = helper.startHelper(spec);
        QVERIFY2(e.empty(), e.c_str());
        const int settled = hstest::fdCount(helper.pid());
        START_TRACER(tracer, helper.pid());
        QVERIFY(tracer->follow(1200ms));
        QVERIFY(stopSettled(helper.pid(), settled));
        auto report = tracer->report();
        ::kill(helper.pid(), SIGCONT);
        QVERIFY2(report, report ? "" : report.error().message().c_str());
        const std::string text = sitesText(*report);
        // It opened and closed a file and a socket every 100 ms; none of them is left.
        QVERIFY2(report->sites.empty(), text.c_str());
        QCOMPARE(report->unknownOrigin.count(), static_cast<std::int64_t>(settled));
        QVERIFY2(report->openCalls >= 20 && report->closeCalls >= 20, text.c_str());
        QCOMPARE(report->lostRecords, 0);
    }

    void ownProcess_everyKindOfCall()
    {
        START_TRACER(tracer, ::getpid());
        int pipeFds[2] = {-1, -1};
        int pairFds[2] = {-1, -1};
        QCOMPARE(makePipe(pipeFds), 0);
        QCOMPARE(makeSocketPair(pairFds), 0);
        const int event = makeEventFd();
        const int memfd = makeMemFd();
        const int copy = duplicateWithFcntl(pipeFds[0]);
        const int closedCopy = duplicateAndClose(event);
        // Three fds closed by one close_range.
        const int ranged[3] = {openForCloseRange(), openForCloseRange(), openForCloseRange()};
        const int low = *std::min_element(ranged, ranged + 3);
        const int high = *std::max_element(ranged, ranged + 3);
        QVERIFY(high - low == 2); // consecutive: nothing else opened them in between
        QCOMPARE(static_cast<int>(::syscall(SYS_close_range, low, high, 0)), 0);
        // An fd replaced by dup3 is reported as the dup's.
        const int replaced = openThenReplace();
        QCOMPARE(replaceWithDup3(memfd, replaced), replaced);
        QVERIFY(event >= 0 && memfd >= 0 && copy >= 100 && closedCopy >= 0);

        QVERIFY(tracer->follow(200ms));
        auto report = tracer->report();
        QVERIFY2(report, report ? "" : report.error().message().c_str());
        const std::string text = sitesText(*report);
        struct Expected {
            const char* function;
            std::vector<HandleValue> fds;
            HandleKind kind;
        };
        const std::vector<Expected> expected{
            {"makePipe", {pipeFds[0], pipeFds[1]}, HandleKind::Fifo},
            {"makeSocketPair", {pairFds[0], pairFds[1]}, HandleKind::Socket},
            {"makeEventFd", {event}, HandleKind::EventFd},
            {"makeMemFd", {memfd}, HandleKind::MemFd},
            {"duplicateWithFcntl", {copy}, HandleKind::Fifo},
            {"replaceWithDup3", {replaced}, HandleKind::MemFd},
        };
        for (const auto& x : expected) {
            const OpenSite* site = siteWith(*report, x.function);
            QVERIFY2(site, (std::string(x.function) + ":\n" + text).c_str());
            auto want = x.fds;
            std::sort(want.begin(), want.end());
            QCOMPARE(site->fds, want);
            QCOMPARE(site->kinds.size(), std::size_t{1});
            QCOMPARE(toString(site->kinds.front().first), toString(x.kind));
            QVERIFY2(stackHas(*site, "TestOpenSites::ownProcess_everyKindOfCall"), text.c_str());
        }
        for (const auto* gone : {"duplicateAndClose", "openForCloseRange", "openThenReplace"})
            QVERIFY2(!siteWith(*report, gone) && !std::any_of(report->sites.begin(), report->sites.end(),
                                                               [&](const OpenSite& s) { return stackHas(s, gone); }),
                     (std::string(gone) + " still reported:\n" + text).c_str());
        QCOMPARE(report->lostRecords, 0);
        for (int fd : {pipeFds[0], pipeFds[1], pairFds[0], pairFds[1], event, memfd, copy, replaced})
            ::close(fd);
    }

    void libraryLoadedDuringTheTrace()
    {
        START_TRACER(tracer, ::getpid());
        void* plugin = ::dlopen(HS_OPEN_SITES_PLUGIN, RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(plugin, ::dlerror());
        auto* open = reinterpret_cast<int (*)()>(::dlsym(plugin, "hsPluginOpen"));
        QVERIFY(open);
        const int fd = open();
        QVERIFY(fd >= 0);
        QVERIFY(tracer->follow(100ms));
        auto report = tracer->report();
        QVERIFY2(report, report ? "" : report.error().message().c_str());
        const std::string text = sitesText(*report);
        const OpenSite* site = siteWith(*report, "hsPluginOpen");
        if (!site)
            std::fputs(text.c_str(), stderr); // all of it: a failure message is cut short
        QVERIFY2(site, text.c_str());
        QCOMPARE(site->fds, std::vector<HandleValue>{fd});
        QVERIFY2(stackHas(*site, "TestOpenSites::libraryLoadedDuringTheTrace"), text.c_str());
        const auto frame = std::find_if(site->stack.begin(), site->stack.end(),
                                        [](const StackFrame& f) { return f.function == "hsPluginOpen"; });
        QCOMPARE(frame->module, std::string("libhs_open_sites_plugin.so"));
        QVERIFY2(frame->file.ends_with("open_sites_plugin.cpp") && frame->line > 0, describeFrame(*frame).c_str());
        ::close(fd);
        ::dlclose(plugin);
    }

    void processExitsMidTrace()
    {
        hstest::Child helper;
        hstest::Spawn spec{.argv = {HS_LEAK_HELPER_PATH, "leak"}};
        const auto e = helper.startHelper(spec);
        QVERIFY2(e.empty(), e.c_str());
        START_TRACER(tracer, helper.pid());
        std::jthread stopper([&] {
            std::this_thread::sleep_for(300ms);
            helper.stop();
        });
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(tracer->follow(20s));
        QVERIFY(std::chrono::steady_clock::now() - start < 10s); // the exit ended it, not the 20 s
        QVERIFY(tracer->exited());
        auto report = tracer->report();
        QVERIFY(!report);
        QCOMPARE(report.error().osName, std::string("ESRCH"));
        QVERIFY2(report.error().hint.find("exited") != std::string::npos, report.error().message().c_str());
    }

    void withoutPrivilege_saysWhy()
    {
        // ctest runs this one as nobody too (tst_open_sites_nobody): no BPF rights.
        if (::geteuid() == 0)
            QSKIP("run as nobody by tst_open_sites_nobody");
        const auto tracer = OpenSiteTracer::start(::getpid());
        QVERIFY(!tracer);
        if (tracer.error().osName == "ENOSYS")
            QSKIP("this build has no BPF tracer");
        QCOMPARE(tracer.error().osName, std::string("EPERM"));
        QCOMPARE(tracer.error().pid, static_cast<std::int64_t>(::getpid()));
        QVERIFY2(tracer.error().hint.find("needs root, or CAP_BPF and CAP_PERFMON") != std::string::npos,
                 tracer.error().message().c_str());
    }

    void missingProcess()
    {
        const auto tracer = OpenSiteTracer::start(4'000'000); // above pid_max's ceiling
        QVERIFY(!tracer);
        QCOMPARE(tracer.error().osName, std::string("ESRCH"));
        QCOMPARE(tracer.error().pid, 4'000'000);
    }
};

QTEST_GUILESS_MAIN(TestOpenSites)
#include "tst_open_sites.moc"
