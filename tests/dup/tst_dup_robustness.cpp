// SPDX-License-Identifier: MIT
// Targets keep working: blocking calls resume without an error, multi-threaded
// checksum workers stay correct, 10,000 duplicates leak nothing.
#include "test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace dup_test;

namespace {

// Duplicates our /dev/null fd into the helper and closes it there again, `n` times.
QByteArray churn(pid_t target, int fd, int n, std::vector<std::string>* warnings = nullptr)
{
    for (int i = 0; i < n; ++i) {
        auto r = hs::duplicateHandle(::getpid(), fd, target);
        if (!r)
            return "duplicate #" + QByteArray::number(i) + ": " + describe(r.error());
        if (kcmpFile(target, static_cast<int>(r->newHandle), ::getpid(), fd) != 0)
            return "duplicate #" + QByteArray::number(i) + " is not the same open file";
        if (warnings)
            warnings->insert(warnings->end(), r->warnings.begin(), r->warnings.end());
        auto c = hs::closeRemoteHandle(target, r->newHandle);
        if (!c)
            return "close #" + QByteArray::number(i) + ": " + describe(c.error());
    }
    return {};
}

} // namespace

class TestDupRobustness : public QObject {
    Q_OBJECT

    int m_devnull = -1;

private slots:
    void initTestCase()
    {
        DUP_REQUIRE_PTRACE();
        m_devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        QVERIFY(m_devnull >= 0);
    }

    void blockingCalls_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        // Transparent: the call goes on and returns as if nothing happened.
        QTest::newRow("read") << "read" << "done rc=0 errno=0 value=2";
        QTest::newRow("nanosleep") << "nanosleep" << "done rc=0 errno=0";
        QTest::newRow("poll") << "poll" << "done rc=0 errno=0 value=1";
        QTest::newRow("select") << "select" << "done rc=0 errno=0 value=1";
        QTest::newRow("futex") << "futex" << "done rc=0 errno=0";
        QTest::newRow("accept") << "accept" << "done rc=0 errno=0";
        QTest::newRow("waitpid") << "waitpid" << "done rc=0 errno=0 status=7";
        // Known and reported: epoll_wait returns EINTR (as under gdb or strace).
        QTest::newRow("epoll_wait (EINTR)") << "epoll" << "done rc=-1 errno=EINTR value=-1";
    }

    void blockingCalls()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const std::string ready = h.ask("block " + kind.toStdString());
        QVERIFY2(ready.rfind("ready", 0) == 0, ready.c_str());
        QVERIFY(waitForState(h.pid(), 'S'));
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // surely inside the call now
        std::vector<std::string> warnings;
        const QByteArray failure = churn(h.pid(), m_devnull, 20, &warnings);
        QVERIFY2(failure.isEmpty(), failure.constData());
        if (kind == "accept") {
            const int c = connectTo(std::stoi(ready.substr(6)));
            QVERIFY(c >= 0);
            ::close(c);
        } else if (kind != "nanosleep") {
            h.send("x");
        }
        const std::string done = h.readLine(std::chrono::seconds(5));
        QVERIFY2(done.rfind(expected.toStdString(), 0) == 0, done.c_str());
        if (kind == "nanosleep") // the full 1.5 s were slept, not cut short
            QVERIFY2(std::stoi(done.substr(done.find("ms=") + 3)) >= 1500, done.c_str());
        if (kind == "epoll")
            QVERIFY2(!warnings.empty() && warnings[0].find("EINTR") != std::string::npos, "EINTR not reported");
        else
            QVERIFY(warnings.empty());
        QVERIFY(h.alive());
    }

    void multiThreadedTarget()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        QCOMPARE(h.ask("workers 4"), std::string("ok"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto before = h.askInts("stats");
        const QByteArray failure = churn(h.pid(), m_devnull, 500);
        QVERIFY2(failure.isEmpty(), failure.constData());
        const auto after = h.askInts("stats");
        QCOMPARE(after.size(), std::size_t(2));
        QCOMPARE(after[1], 0);           // no checksum or syscall result went wrong
        QVERIFY(after[0] > before[0]);   // and they kept computing
        QVERIFY(h.alive());
    }

    void tenThousandDuplicates()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const int targetBefore = fdCount(h.pid());
        QCOMPARE(h.ask("workers 1"), std::string("ok")); // busy: one thread computing all the time
        const int selfBefore = fdCount(::getpid());
        QElapsedTimer timer;
        timer.start();
        std::string batch;
        int inBatch = 0;
        for (int i = 0; i < 10'000; ++i) {
            auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid());
            if (!r)
                QFAIL((QByteArray::number(i) + ": " + describe(r.error())).constData());
            batch += " " + std::to_string(r->newHandle);
            if (++inBatch == 100) { // the new fds are closed by the target itself, in batches
                QCOMPARE(h.ask("close" + batch), std::to_string(inBatch));
                batch.clear();
                inBatch = 0;
            }
        }
        const auto ms = timer.elapsed();
        qInfo("10,000 duplicates into a busy target: %lld ms", static_cast<long long>(ms));
        // The 60 s budget holds on a machine that is not overloaded; when other jobs keep
        // the load above the core count, each stop waits for a CPU and the bound says
        // nothing about us, so it is reported instead of asserted.
        double load = 0;
        std::ifstream("/proc/loadavg") >> load;
        const double cores = std::max(1U, std::thread::hardware_concurrency());
        if (load <= cores)
            QVERIFY2(ms < 60'000, "slower than 60 s");
        else if (ms >= 60'000)
            qWarning("over 60 s, but the load average %.1f exceeds the %.0f cores: time bound not asserted", load, cores);
        QCOMPARE(h.ask("stop-workers"), std::string("ok"));
        QCOMPARE(fdCount(h.pid()), targetBefore);
        QCOMPARE(fdCount(::getpid()), selfBefore);
        const auto stats = h.askInts("stats");
        QCOMPARE(stats.at(1), 0);
        QVERIFY(stats.at(0) > 0);
        QVERIFY(h.alive());
        QCOMPARE(statusField(h.pid(), "TracerPid"), std::string("0"));
    }

    void stoppedTargetStaysStopped()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        ::kill(h.pid(), SIGSTOP);
        QVERIFY(waitForState(h.pid(), 'T'));
        auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid());
        DUP_VERIFY_OK(r);
        QCOMPARE(kcmpFile(h.pid(), static_cast<int>(r->newHandle), ::getpid(), m_devnull), 0L);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(procState(h.pid()), 'T'); // still stopped by its SIGSTOP
        ::kill(h.pid(), SIGCONT);
        QVERIFY(h.alive());
        QCOMPARE(h.ask("isopen " + std::to_string(r->newHandle)), std::string("1"));
    }

    void cleanupTestCase()
    {
        if (m_devnull >= 0)
            ::close(m_devnull);
    }
};

QTEST_GUILESS_MAIN(TestDupRobustness)
#include "tst_dup_robustness.moc"
