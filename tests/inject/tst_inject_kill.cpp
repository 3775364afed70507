// SPDX-License-Identifier: MIT
// A CLI that dies or is signalled in the middle of an injection leaves the target as it
// was: untraced, alive, answering, holding its old fds plus at most completed copies, and
// with every signal sent to it meanwhile delivered once, with its own siginfo.
#include "inject_support.h"

#include <algorithm>
#include <cstdio>
#include <sys/prctl.h>
#include <random>

using namespace inject_test;

namespace {

// Starts `handlescope-cli dup` with the test hook `hook` (hold:<call>:<ms>) and waits until
// it says it holds the session before <call>. Empty on success, else what went wrong.
std::string startHeld(Child& cli, SourceAndTarget& p, const QString& hook, const QString& method, bool ownGroup)
{
    const std::string call = hook.section(':', 1, 1).toStdString();
    Spawn s;
    s.argv = dupArgs(p.source.pid(), p.sourceFd, p.target.pid(), method.toStdString());
    s.env = { "HANDLESCOPE_TEST_INJECT=" + hook.toStdString() };
    s.ownGroup = ownGroup;
    s.captureOutput = true;
    if (auto started = cli.start(s); !started.empty())
        return started;
    const std::string line = "handlescope-test: holding before " + call;
    if (cli.waitForStderr(line, 5s))
        return {};
    const auto st = cli.wait(5s);
    return "the CLI never printed '" + line + "' (" + (st ? describeStatus(*st) : "still running")
        + "); stdout: " + cli.out() + "; stderr: " + cli.err();
}

} // namespace

class TestInjectKill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        INJECT_REQUIRE_ROOT();
        // The injectors of CLIs killed with their process group are reparented to us, so
        // that each check waits for them to finish (waitOrphanedInjectors).
        QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
    }

    // 1,000 CLIs each killed 0-5 ms after its start, methods auto and push alternating.
    void killRounds_data()
    {
        QTest::addColumn<int>("sig");
        QTest::addColumn<bool>("wholeGroup");
        QTest::newRow("A: SIGTERM to the CLI") << static_cast<int>(SIGTERM) << false;
        QTest::newRow("B: SIGKILL to the CLI's process group") << static_cast<int>(SIGKILL) << true;
    }

    void killRounds()
    {
        QFETCH(int, sig);
        QFETCH(bool, wholeGroup);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const unsigned seed = std::random_device {}();
        std::mt19937 rng(seed);
        // Kills must land anywhere in a run, start-up included: the delays span 0-5 ms or a
        // whole uninterrupted run of this build's CLI, whichever is longer (an ASan CLI takes
        // tens of milliseconds to start).
        long longestRunUs = 0;
        for (int i = 0; i < 3; ++i) {
            Spawn s;
            s.argv = dupArgs(p.source.pid(), p.sourceFd, p.target.pid(), "auto");
            Child cli;
            INJECT_VERIFY_EMPTY(cli.start(s));
            const auto started = Clock::now();
            const int status = cli.waitBlocking();
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, describeStatus(status).c_str());
            longestRunUs = std::max(longestRunUs, static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                      Clock::now() - started).count()));
            INJECT_VERIFY_EMPTY(p.dropCopies());
        }
        std::uniform_int_distribution<int> delayUs(0, static_cast<int>(std::max(5000L, longestRunUs)));
#if defined(__SANITIZE_ADDRESS__)
        constexpr int kRuns = 200; // an ASan CLI run takes ~50 ms; the dev build runs the full 1,000
#else
        constexpr int kRuns = 1000;
#endif
        int completed = 0;
        int failed = 0;
        int killed = 0;
        const auto t0 = Clock::now();
        for (int i = 0; i < kRuns; ++i) {
            const std::string method = i % 2 == 0 ? "auto" : "push";
            const int delay = delayUs(rng);
            Spawn s;
            s.argv = dupArgs(p.source.pid(), p.sourceFd, p.target.pid(), method);
            s.ownGroup = true;
            Child cli;
            INJECT_VERIFY_EMPTY(cli.start(s));
            std::this_thread::sleep_for(std::chrono::microseconds(delay));
            ::kill(wholeGroup ? -cli.pid() : cli.pid(), sig);
            const int status = cli.waitBlocking();
            if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
                ++completed;
            else if (WIFEXITED(status))
                ++failed;
            else
                ++killed;
            const std::string context = "run " + std::to_string(i) + " (seed " + std::to_string(seed) + ", method "
                + method + ", " + signalName(sig) + " after " + std::to_string(delay) + " us, CLI "
                + describeStatus(status) + ")";
            INJECT_VERIFY_EMPTY(p.check(context, "run-" + std::to_string(i)));
            INJECT_VERIFY_EMPTY(p.dropCopies());
        }
        const long ms = msSince(t0);
        std::printf("# %s: %d runs in %ld ms (%.1f ms/run), kills 0-%ld us after the start: %d completed, %d failed "
                    "(exit != 0), %d killed; seed %u\n",
            QTest::currentDataTag(), kRuns, ms, static_cast<double>(ms) / kRuns, std::max(5000L, longestRunUs), completed,
            failed, killed, seed);
        INJECT_VERIFY_EMPTY(p.check("after the round", "done"));
        // A round where no CLI was cut short proved nothing.
        QVERIFY2(completed < kRuns, "every CLI completed before its signal: the kill times missed the injection");
    }

    // A CLI signalled while its injection is held inside the target.
    void signalToHeldCli_data()
    {
        QTest::addColumn<QString>("hook");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("sig");
        QTest::newRow("pull, held before pidfd_getfd, SIGTERM") << "hold:pidfd_getfd:400"
                                                                << "pull" << static_cast<int>(SIGTERM);
        QTest::newRow("pull, held before pidfd_getfd, SIGINT") << "hold:pidfd_getfd:400"
                                                               << "pull" << static_cast<int>(SIGINT);
        QTest::newRow("push, held before recvmsg, SIGTERM") << "hold:recvmsg:400"
                                                            << "push" << static_cast<int>(SIGTERM);
        QTest::newRow("push, held before recvmsg, SIGINT") << "hold:recvmsg:400"
                                                           << "push" << static_cast<int>(SIGINT);
    }

    void signalToHeldCli()
    {
        QFETCH(QString, hook);
        QFETCH(QString, method);
        QFETCH(int, sig);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        Child cli;
        INJECT_VERIFY_EMPTY(startHeld(cli, p, hook, method, true));
        QVERIFY2(!tracedState(p.target.pid()).empty(), "the target is not traced while the injection is held");
        ::kill(cli.pid(), sig);
        const auto st = cli.wait(5s);
        QVERIFY2(st.has_value(), ("the CLI still runs 5 s after " + signalName(sig)).c_str());
        INJECT_VERIFY_EMPTY(p.check("after " + signalName(sig) + " to the CLI (" + describeStatus(*st) + ")", "held"));
    }

    // Signals sent to the target while it is stopped for the injection are delivered
    // afterwards, once each, with their own siginfo (a SIGTRAP is not a single step's).
    void signalsToHeldTarget_data()
    {
        QTest::addColumn<QString>("hook");
        QTest::addColumn<QString>("method");
        QTest::newRow("pull, held before pidfd_getfd") << "hold:pidfd_getfd:400"
                                                       << "pull";
        QTest::newRow("push, held before recvmsg") << "hold:recvmsg:400"
                                                   << "push";
    }

    void signalsToHeldTarget()
    {
        QFETCH(QString, hook);
        QFETCH(QString, method);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        QCOMPARE(p.target.ask("signals"), std::string("trap=0 usr1=0 code=0 value=0"));
        Child cli;
        INJECT_VERIFY_EMPTY(startHeld(cli, p, hook, method, false));
        constexpr int kValue = 4242;
        QCOMPARE(::kill(p.target.pid(), SIGTRAP), 0);
        sigval value {};
        value.sival_int = kValue;
        QCOMPARE(::sigqueue(p.target.pid(), SIGUSR1, value), 0);
        const auto st = cli.wait(10s);
        QVERIFY2(st.has_value(), "the CLI still runs 10 s after the hold");
        QVERIFY2(WIFEXITED(*st) && WEXITSTATUS(*st) == 0,
            (describeStatus(*st) + "; stdout: " + cli.out() + "; stderr: " + cli.err()).c_str());
        const int newFd = std::atoi(cli.out().c_str());
        QVERIFY2(newFd > 2, ("stdout: " + cli.out()).c_str());
        QCOMPARE(kcmpFile(p.target.pid(), newFd, p.source.pid(), p.sourceFd), 0L);
        INJECT_VERIFY_EMPTY(p.check("after the held duplicate", "signalled"));
        QCOMPARE(p.target.ask("signals"),
            "trap=1 usr1=1 code=" + std::to_string(SI_QUEUE) + " value=" + std::to_string(kValue));
    }
};

QTEST_GUILESS_MAIN(TestInjectKill)
#include "tst_inject_kill.moc"
