// SPDX-License-Identifier: MIT
// The progress of a duplicate: every step reaches the callback in order, while the session
// runs (an event arrives while the injector holds the target stopped), with the real
// arguments and results; the steps list is the same lines; a failure is reported at the
// step that failed.
#include "test_support.h"

#include <filesystem>
#include <stdexcept>

using namespace dup_test;

namespace {

/// One event as the callback saw it, with the kernel's view of the target at that moment.
struct Seen {
    hs::DuplicateProgress event;
    long targetTracer = -1; ///< TracerPid of the target's main thread when the event came
};

long tracerPid(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with("TracerPid:"))
            return std::stol(line.substr(10));
    return -1;
}

std::string stepName(hs::DuplicateStep step) { return std::string(hs::toString(step)); }

bool fdOpen(pid_t pid, long fd)
{
    std::error_code ec;
    return std::filesystem::is_symlink("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd), ec);
}

std::vector<std::string> callNames(const std::vector<Seen>& seen, hs::DuplicateStep step)
{
    std::vector<std::string> names;
    for (const auto& s : seen)
        if (s.event.step == step)
            names.push_back(s.event.call.substr(0, s.event.call.find('(')));
    return names;
}

QByteArray dump(const std::vector<Seen>& seen)
{
    std::string text;
    for (const auto& s : seen)
        text += std::string(hs::toString(s.event.step)) + " | " + s.event.line() + "\n";
    return QByteArray::fromStdString(text);
}

} // namespace

class TestDupProgress : public QObject {
    Q_OBJECT

    // Duplicates `fd` of `source` into `target`, recording each event with the target's tracer.
    static hs::Result<hs::DuplicateResult> duplicate(pid_t source, int fd, pid_t target, hs::DuplicateOptions options,
                                                     std::vector<Seen>& seen)
    {
        options.progress = [&seen, target](const hs::DuplicateProgress& p) {
            seen.push_back({p, tracerPid(target)});
        };
        return hs::duplicateHandle(source, fd, target, options);
    }

    // What both directions share: the order of the phases, the steps list, the live view.
    static void checkSession(const std::vector<Seen>& seen, const hs::DuplicateResult& r, pid_t source, pid_t target)
    {
        const QByteArray all = dump(seen);
        // The steps list is the events' lines, one for one.
        QCOMPARE(r.steps.size(), seen.size());
        for (std::size_t i = 0; i < seen.size(); ++i)
            QCOMPARE(r.steps[i], seen[i].event.line());
        // Pinned x3 (source, target, reference copy of the source), then attached to the target.
        QVERIFY2(seen.size() >= 7, all.constData());
        QCOMPARE(stepName(seen[0].event.step), stepName(hs::DuplicateStep::Pinned));
        QCOMPARE(seen[0].event.process, static_cast<hs::Pid>(source));
        QCOMPARE(seen[0].event.call, "pidfd_open(" + std::to_string(source) + ", 0)");
        QCOMPARE(stepName(seen[1].event.step), stepName(hs::DuplicateStep::Pinned));
        QCOMPARE(seen[1].event.process, static_cast<hs::Pid>(target));
        QCOMPARE(stepName(seen[2].event.step), stepName(hs::DuplicateStep::Pinned));
        QVERIFY2(seen[2].event.call.starts_with("pidfd_getfd("), all.constData());
        QCOMPARE(seen[2].targetTracer, 0L); // nothing is stopped while pinning
        QCOMPARE(stepName(seen[3].event.step), stepName(hs::DuplicateStep::Attached));
        QCOMPARE(seen[3].event.process, static_cast<hs::Pid>(target));
        // Every injected call ran in the target, each with a result.
        for (const auto& s : seen) {
            if (s.event.injected) {
                QCOMPARE(s.event.process, static_cast<hs::Pid>(target));
                QVERIFY2(!s.event.result.empty(), all.constData());
                QVERIFY2(s.event.ok, all.constData());
            }
            QVERIFY(!s.event.error);
        }
        // Checked, then only the closing of the session's own fds (finish()), then detached
        // last; the target is free again when "detached" arrives.
        const auto checked = std::find_if(seen.begin(), seen.end(),
                                          [](const Seen& s) { return s.event.step == hs::DuplicateStep::Checked; });
        QVERIFY2(checked != seen.end(), all.constData());
        QCOMPARE(checked->event.result, std::string("0 (same open file)"));
        QCOMPARE(checked->event.handle, r.newHandle); // the copy, for a map to place
        for (auto it = checked + 1; it + 1 < seen.end(); ++it)
            QVERIFY2(it->event.injected && it->event.call.starts_with("close"), all.constData());
        QCOMPARE(stepName(seen.back().event.step), stepName(hs::DuplicateStep::Detached));
        QCOMPARE(seen.back().targetTracer, 0L);
        QCOMPARE(seen.back().event.process, static_cast<hs::Pid>(target));
    }

private slots:
    void initTestCase()
    {
        DUP_REQUIRE_PTRACE();
        // The injector holds each session 300 ms before an injected pidfd_getfd, the target
        // stopped: the events before it must reach us meanwhile, not with the reply.
        // Read once, when the first injector starts: set before any duplicate.
        QVERIFY(::setenv("HANDLESCOPE_TEST_INJECT", "hold:pidfd_getfd:300", 1) == 0);
    }

    void pullReportsEachStep()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int fd = a.askInt("eventfd");
        QVERIFY(fd >= 0);
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, b.pid(), {.method = hs::DuplicateMethod::Pull}, seen);
        DUP_VERIFY_OK(r);
        checkSession(seen, *r, a.pid(), b.pid());
        const QByteArray all = dump(seen);
        QCOMPARE(callNames(seen, hs::DuplicateStep::Call),
                 (std::vector<std::string>{"pidfd_open", "pidfd_getfd", "close"}));
        // The real arguments: the target opened the source's pid, took fd `fd` through
        // the pidfd it got, and closed that pidfd; pidfd_getfd returned the new fd.
        std::vector<const hs::DuplicateProgress*> calls;
        for (const auto& s : seen)
            if (s.event.step == hs::DuplicateStep::Call)
                calls.push_back(&s.event);
        QCOMPARE(calls[0]->call, "pidfd_open(" + std::to_string(a.pid()) + ", 0)");
        // Received during the hold before pidfd_getfd: the target was still stopped.
        const auto pidfdOpen = std::find_if(seen.begin(), seen.end(), [](const Seen& s) {
            return s.event.step == hs::DuplicateStep::Call;
        });
        QVERIFY2(pidfdOpen->targetTracer > 0, all.constData());
        const std::string pidfd = calls[0]->result;
        QCOMPARE(calls[1]->call, "pidfd_getfd(" + pidfd + ", " + std::to_string(fd) + ", 0)");
        QCOMPARE(calls[1]->result, std::to_string(r->newHandle));
        QCOMPARE(calls[2]->call, "close(" + pidfd + ")");
        QCOMPARE(calls[2]->result, std::string("0"));
        QVERIFY2(fdOpen(b.pid(), r->newHandle), all.constData());
        QCOMPARE(kcmpFile(b.pid(), static_cast<int>(r->newHandle), a.pid(), fd), 0L);
    }

    void pushReportsEachStep()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int fd = a.askInt("eventfd");
        QVERIFY(fd >= 0);
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, b.pid(), {.method = hs::DuplicateMethod::Push}, seen);
        DUP_VERIFY_OK(r);
        QCOMPARE(r->method, std::string("inject push"));
        checkSession(seen, *r, a.pid(), b.pid());
        // The target makes a socket pair, the tool takes one end and sends the fd over it,
        // the target receives it and closes both ends.
        const auto names = callNames(seen, hs::DuplicateStep::Call);
        QVERIFY2(names.size() == 5, dump(seen).constData());
        QCOMPARE(names[0], std::string("socketpair"));
        QCOMPARE(names[1], std::string("pidfd_getfd"));
        QCOMPARE(names[2], std::string("sendmsg"));
        QCOMPARE(names[3], std::string("recvmsg"));
        QVERIFY2(names[4] == "close_range" || names[4] == "close", dump(seen).constData());
        QCOMPARE(kcmpFile(b.pid(), static_cast<int>(r->newHandle), a.pid(), fd), 0L);
    }

    void closeSourceReportsTheClose()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int fd = a.askInt("eventfd");
        QVERIFY(fd >= 0);
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, b.pid(), {.closeSource = true, .method = hs::DuplicateMethod::Pull}, seen);
        DUP_VERIFY_OK(r);
        const QByteArray all = dump(seen);
        // After the target's session: the source is attached, checked, its fd closed, detached.
        auto closed = std::find_if(seen.begin(), seen.end(),
                                   [](const Seen& s) { return s.event.step == hs::DuplicateStep::Closed; });
        QVERIFY2(closed != seen.end(), all.constData());
        QCOMPARE(closed->event.process, static_cast<hs::Pid>(a.pid()));
        QVERIFY(closed->event.injected);
        QCOMPARE(closed->event.call, "close(" + std::to_string(fd) + ")");
        QCOMPARE(closed->event.result, std::string("0"));
        QCOMPARE(closed->event.handle, static_cast<hs::HandleValue>(fd));
        QCOMPARE(stepName((closed - 1)->event.step), stepName(hs::DuplicateStep::Checked));
        QCOMPARE((closed - 1)->event.process, static_cast<hs::Pid>(a.pid()));
        QCOMPARE(stepName((closed + 1)->event.step), stepName(hs::DuplicateStep::Detached));
        QCOMPARE((closed + 1)->event.process, static_cast<hs::Pid>(a.pid()));
        QCOMPARE(closed + 2, seen.end());
        QVERIFY(!fdOpen(a.pid(), fd));
        QVERIFY(fdOpen(b.pid(), r->newHandle));
    }

    void exitedTargetFailsAtPinning()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child gone;
        DUP_VERIFY_EMPTY(gone.startHelper());
        const pid_t target = gone.pid();
        gone.stop();
        const int fd = a.askInt("eventfd");
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, target, {}, seen);
        QVERIFY(!r);
        const QByteArray all = dump(seen);
        // The source was pinned; pinning the target failed, and the last event says so.
        QVERIFY2(seen.size() == 2, all.constData());
        QCOMPARE(stepName(seen[0].event.step), stepName(hs::DuplicateStep::Pinned));
        QVERIFY(seen[0].event.ok);
        QCOMPARE(stepName(seen[1].event.step), stepName(hs::DuplicateStep::Pinned));
        QVERIFY(!seen[1].event.ok);
        QVERIFY(seen[1].event.error.has_value());
        QCOMPARE(seen[1].event.error->osName, std::string("ESRCH"));
        QCOMPARE(seen[1].event.error->operation, r.error().operation);
        QCOMPARE(seen[1].event.process, static_cast<hs::Pid>(target));
        QVERIFY2(seen[1].event.line().starts_with("failed at pinned: "), all.constData());
    }

    void fdNotOpenFailsAtPinning()
    {
        // fd 999 is not open in the source: with the source as the tool itself the pin is
        // an fcntl, so the failure comes from the tool's own call, at pinning.
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        std::vector<Seen> seen;
        auto r = duplicate(b.pid(), 999, ::getpid(), {}, seen);
        QVERIFY(!r);
        QCOMPARE(r.error().osName, std::string("EBADF"));
        QVERIFY2(!seen.empty() && seen.back().event.error, dump(seen).constData());
        QCOMPARE(stepName(seen.back().event.step), stepName(hs::DuplicateStep::Pinned));
    }

    void fullTargetFailsAtTheInjectedCall()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int fd = a.askInt("eventfd");
        QVERIFY(b.askInt("fill-fds") > 0); // no free fd number left in the target
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, b.pid(), {.method = hs::DuplicateMethod::Pull}, seen);
        QVERIFY(!r);
        QCOMPARE(r.error().osName, std::string("EMFILE"));
        const QByteArray all = dump(seen);
        // The injected pidfd_open returned EMFILE: that call is reported as it came back,
        // then the failure, at that same step.
        QVERIFY2(seen.size() >= 2, all.constData());
        const auto& refused = seen[seen.size() - 2].event;
        QCOMPARE(stepName(refused.step), stepName(hs::DuplicateStep::Call));
        QVERIFY(refused.injected);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.call, "pidfd_open(" + std::to_string(a.pid()) + ", 0)");
        QCOMPARE(refused.result, std::string("-1 EMFILE"));
        QCOMPARE(stepName(seen.back().event.step), stepName(hs::DuplicateStep::Call));
        QVERIFY(seen.back().event.error.has_value());
        QCOMPARE(seen.back().event.error->osName, std::string("EMFILE"));
        QCOMPARE(tracerPid(b.pid()), 0L); // restored and released
    }

    void throwingCallbackLeavesTheNextDuplicateIntact()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int fd = a.askInt("eventfd");
        hs::DuplicateOptions options;
        options.progress = [](const hs::DuplicateProgress& p) {
            if (p.step == hs::DuplicateStep::Attached)
                throw std::runtime_error("the caller gave up");
        };
        bool thrown = false;
        try {
            (void)hs::duplicateHandle(a.pid(), fd, b.pid(), options);
        } catch (const std::runtime_error&) {
            thrown = true;
        }
        QVERIFY(thrown);
        // The abandoned injector finishes that session alone and restores b (it holds it
        // 300 ms before pidfd_getfd here); b cannot be attached again before that.
        QTRY_COMPARE_WITH_TIMEOUT(tracerPid(b.pid()), 0L, 5000);
        // The abandoned session's frames are not taken for the next duplicate's.
        std::vector<Seen> seen;
        auto r = duplicate(a.pid(), fd, b.pid(), {.method = hs::DuplicateMethod::Push}, seen);
        DUP_VERIFY_OK(r);
        checkSession(seen, *r, a.pid(), b.pid());
        QCOMPARE(kcmpFile(b.pid(), static_cast<int>(r->newHandle), a.pid(), fd), 0L);
    }

    void remoteCloseReportsEachStep()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        const int fd = a.askInt("eventfd");
        std::vector<hs::DuplicateProgress> seen;
        auto c = hs::closeRemoteHandle(a.pid(), fd, std::chrono::milliseconds(3000),
                                       [&seen](const hs::DuplicateProgress& p) { seen.push_back(p); });
        QVERIFY2(c.has_value(), c ? "" : describe(c.error()).constData());
        std::vector<std::string> steps;
        for (const auto& p : seen)
            if (p.step != hs::DuplicateStep::Note)
                steps.push_back(stepName(p.step));
        const std::vector<std::string> expected{"pinned", "pinned", "attached", "checked", "closed", "detached"};
        QCOMPARE(steps, expected);
        QVERIFY(!fdOpen(a.pid(), fd));
    }
};

QTEST_GUILESS_MAIN(TestDupProgress)
#include "tst_dup_progress.moc"
