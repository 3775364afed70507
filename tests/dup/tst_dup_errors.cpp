// SPDX-License-Identifier: MIT
// Every failure is an error value with the right osName and a hint, and leaves both
// processes running and intact. closeSource / closeRemoteHandle close exactly the fd.
#include "test_support.h"

#include "linux/inject/inject_testing.h"

#include <linux/capability.h>
#include <sys/ptrace.h>

using namespace dup_test;

namespace {

void expectError(const hs::Result<hs::DuplicateResult>& r, const char* osName, const char* hintPart)
{
    QVERIFY2(!r, "expected a failure");
    const QByteArray msg = describe(r.error());
    QVERIFY2(r.error().osName == osName, msg.constData());
    if (hintPart)
        QVERIFY2(r.error().hint.find(hintPart) != std::string::npos, msg.constData());
}

// A pid that is surely unused: above pid_max.
pid_t unusedPid()
{
    std::ifstream in("/proc/sys/kernel/pid_max");
    long max = 0;
    in >> max;
    return static_cast<pid_t>(max + 1);
}

} // namespace

class TestDupErrors : public QObject {
    Q_OBJECT

    int m_devnull = -1;

private slots:
    void initTestCase()
    {
        DUP_REQUIRE_PTRACE();
        m_devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    }

    void badPid()
    {
        expectError(hs::duplicateHandle(0, 1, ::getpid()), "EINVAL", nullptr);
        expectError(hs::duplicateHandle(unusedPid(), 1, ::getpid()), "ESRCH", "does not exist");
        expectError(hs::duplicateHandle(::getpid(), m_devnull, unusedPid()), "ESRCH", "does not exist");
        auto c = hs::closeRemoteHandle(unusedPid(), 1);
        QVERIFY(!c);
        QCOMPARE(c.error().osName, std::string("ESRCH"));
    }

    void exitedTarget()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const pid_t gone = h.pid();
        h.stop();
        expectError(hs::duplicateHandle(::getpid(), m_devnull, gone), "ESRCH", nullptr);
    }

    void fdNotOpen()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        const int before = fdCount(b.pid());
        auto r = hs::duplicateHandle(a.pid(), 999, b.pid());
        expectError(r, "EBADF", ("fd 999 is not open in pid " + std::to_string(a.pid())).c_str());
        auto c = hs::closeRemoteHandle(a.pid(), 999);
        QVERIFY(!c);
        QCOMPARE(c.error().osName, std::string("EBADF"));
        QCOMPARE(fdCount(b.pid()), before);
        QVERIFY(a.alive() && b.alive());
    }

    void zombie()
    {
        const pid_t z = ::fork();
        if (z == 0)
            ::_exit(0);
        QVERIFY(waitForState(z, 'Z'));
        expectError(hs::duplicateHandle(::getpid(), m_devnull, z), "EPERM", "zombie");
        auto from = hs::duplicateHandle(z, 0, ::getpid());
        QVERIFY(!from);
        QVERIFY2(from.error().hint.find("zombie") != std::string::npos, describe(from.error()).constData());
        QCOMPARE(procState(z), 'Z');
        ::waitpid(z, nullptr, 0);
    }

    void kernelThread()
    {
        if (procState(2) == '\0')
            QSKIP("no pid 2 (kthreadd) visible in this pid namespace");
        expectError(hs::duplicateHandle(::getpid(), m_devnull, 2), "EPERM", "kernel thread");
        auto from = hs::duplicateHandle(2, 0, ::getpid());
        QVERIFY(!from);
        QVERIFY2(!from.error().osName.empty(), describe(from.error()).constData());
        auto c = hs::closeRemoteHandle(2, 0);
        QVERIFY(!c);
    }

    void alreadyTraced()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        int sync[2];
        QVERIFY(::pipe2(sync, O_CLOEXEC) == 0);
        const pid_t tracer = ::fork();
        if (tracer == 0) {
            const char ok = ::ptrace(PTRACE_SEIZE, h.pid(), nullptr, nullptr) == 0 ? '1' : '0';
            (void)!::write(sync[1], &ok, 1);
            ::pause();
            ::_exit(0);
        }
        char ok = 0;
        QCOMPARE(::read(sync[0], &ok, 1), ssize_t(1));
        QCOMPARE(ok, '1');
        expectError(hs::duplicateHandle(::getpid(), m_devnull, h.pid()), "EPERM", "already traced");
        auto c = hs::closeRemoteHandle(h.pid(), 0);
        QVERIFY(!c);
        QCOMPARE(c.error().osName, std::string("EPERM"));
        ::kill(tracer, SIGKILL);
        ::waitpid(tracer, nullptr, 0);
        ::close(sync[0]);
        ::close(sync[1]);
        QVERIFY(h.alive()); // the other tracer's exit detached it; ours never touched it
    }

    void fdTableFull()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const int filled = h.askInt("fill-fds");
        QVERIFY(filled > 0);
        const int before = fdCount(h.pid());
        for (auto m : {hs::DuplicateMethod::Pull, hs::DuplicateMethod::Push}) {
            hs::DuplicateOptions opt;
            opt.method = m;
            expectError(hs::duplicateHandle(::getpid(), m_devnull, h.pid(), opt), "EMFILE", "no free fd");
            QCOMPARE(fdCount(h.pid()), before);
        }
        QCOMPARE(h.ask("unfill"), std::string("ok"));
        QVERIFY(h.alive());
        auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid());
        DUP_VERIFY_OK(r); // works again once there is room
    }

    void timeoutOnVforkParent()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        QCOMPARE(h.ask("vfork 1500"), std::string("ready"));
        QVERIFY(waitForState(h.pid(), 'D', std::chrono::milliseconds(2000))
                || waitForState(h.pid(), 'S', std::chrono::milliseconds(10)));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        hs::DuplicateOptions opt;
        opt.timeout = std::chrono::milliseconds(300);
        QElapsedTimer t;
        t.start();
        auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid(), opt);
        expectError(r, "ETIMEDOUT", "left untouched");
        QVERIFY2(t.elapsed() < 1000, QByteArray::number(t.elapsed()).constData());
        QCOMPARE(statusField(h.pid(), "TracerPid"), std::string("0")); // detached by the kernel
        QCOMPARE(h.readLine(std::chrono::seconds(5)), std::string("vfork done"));
        QVERIFY(h.alive());
    }

    void seccompSuspended()
    {
        if (!hasCap(::getpid(), "CapEff", kCapSysAdmin))
            QSKIP("needs CAP_SYS_ADMIN to suspend the target's seccomp filter");
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        QCOMPARE(h.ask("seccomp"), std::string("ok")); // it dies if it ever calls pidfd_open
        hs::DuplicateOptions opt;
        opt.method = hs::DuplicateMethod::Pull; // which injects pidfd_open
        auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid(), opt);
        DUP_VERIFY_OK(r);
        QCOMPARE(kcmpFile(h.pid(), static_cast<int>(r->newHandle), ::getpid(), m_devnull), 0L);
        QVERIFY(h.alive());
        QCOMPARE(statusField(h.pid(), "Seccomp"), std::string("2")); // the filter is back
    }

    void seccompRefusedWithoutCapSysAdmin()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        QCOMPARE(h.ask("seccomp"), std::string("ok"));
        int out[2];
        QVERIFY(::pipe2(out, O_CLOEXEC) == 0);
        const pid_t child = ::fork();
        if (child == 0) { // drop CAP_SYS_ADMIN from the effective set, keep CAP_SYS_PTRACE
            __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
            __user_cap_data_struct data[2]{};
            ::syscall(SYS_capget, &hdr, data);
            data[0].effective &= ~(1U << CAP_SYS_ADMIN);
            ::syscall(SYS_capset, &hdr, data);
            auto r = hs::duplicateHandle(::getpid(), m_devnull, h.pid());
            const std::string text = r ? "ok" : r.error().osName + " " + r.error().hint;
            (void)!::write(out[1], text.data(), text.size());
            ::_exit(0);
        }
        ::close(out[1]);
        char buf[512] = {};
        const ssize_t n = ::read(out[0], buf, sizeof buf - 1);
        ::close(out[0]);
        ::waitpid(child, nullptr, 0);
        const std::string text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
        QVERIFY2(text.rfind("EPERM ", 0) == 0 && text.find("seccomp") != std::string::npos, text.c_str());
        QVERIFY(h.alive());
    }

    void mainThreadExited()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const int e = h.askInt("eventfd");
        QCOMPARE(h.ask("exit-main"), std::string("ok"));
        const std::string mainStat = "/proc/" + std::to_string(h.pid()) + "/task/" + std::to_string(h.pid()) + "/stat";
        bool zombie = false;
        for (int i = 0; i < 200 && !zombie; ++i) {
            std::ifstream in(mainStat);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            zombie = text.find(") Z ") != std::string::npos;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        QVERIFY2(zombie, "the main thread did not exit");
        QVERIFY(h.alive());
        // Into it: the injection goes to the live thread.
        auto into = hs::duplicateHandle(::getpid(), m_devnull, h.pid());
        DUP_VERIFY_OK(into);
        QCOMPARE(h.ask("isopen " + std::to_string(into->newHandle)), std::string("1"));
        // Out of it: pidfd_getfd through a thread pidfd.
        auto out = hs::duplicateHandle(h.pid(), e, ::getpid());
        DUP_VERIFY_OK(out);
        QCOMPARE(h.ask("eventfd-add " + std::to_string(e) + " 3"), std::string("8"));
        std::uint64_t v = 0;
        QCOMPARE(::read(static_cast<int>(out->newHandle), &v, sizeof v), ssize_t(sizeof v));
        QCOMPARE(v, std::uint64_t(3));
        ::close(static_cast<int>(out->newHandle));
        // And a remote close there.
        DUP_VERIFY_OK(hs::closeRemoteHandle(h.pid(), into->newHandle));
        QCOMPARE(h.ask("isopen " + std::to_string(into->newHandle)), std::string("0"));
        QVERIFY(h.alive());
    }

    void closeRemoteClosesExactlyThatFd()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        auto p = h.askInts("pipe");
        QCOMPARE(p.size(), std::size_t(2));
        const int before = fdCount(h.pid());
        DUP_VERIFY_OK(hs::closeRemoteHandle(h.pid(), p[0]));
        QCOMPARE(h.ask("isopen " + std::to_string(p[0])), std::string("0"));
        QCOMPARE(h.ask("isopen " + std::to_string(p[1])), std::string("1"));
        QCOMPARE(fdCount(h.pid()), before - 1);
        auto again = hs::closeRemoteHandle(h.pid(), p[0]);
        QVERIFY(!again);
        QCOMPARE(again.error().osName, std::string("EBADF"));
    }

    void closeRefusesAReusedNumber()
    {
        hstest::Child h;
        DUP_VERIFY_EMPTY(h.startHelper());
        const int fd = h.askInt("eventfd");
        QVERIFY(fd >= 0);
        // Between pinning the identity and stopping the target, the helper closes the fd
        // and opens /dev/zero on the same number.
        std::string moved;
        hs::linux_::inject::testing::setBeforeCloseHook([&] { moved = h.ask("reopen-as " + std::to_string(fd)); });
        auto c = hs::closeRemoteHandle(h.pid(), fd);
        hs::linux_::inject::testing::setBeforeCloseHook({});
        QCOMPARE(moved, std::string("ok"));
        QVERIFY(!c);
        QCOMPARE(c.error().osName, std::string("ESTALE"));
        QCOMPARE(h.ask("isopen " + std::to_string(fd)), std::string("1")); // the new file was not closed
        QVERIFY(h.alive());
    }

    void closeSource()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        auto p = a.askInts("pipe");
        QCOMPARE(p.size(), std::size_t(2));
        const int before = fdCount(a.pid());
        hs::DuplicateOptions opt;
        opt.closeSource = true;
        auto r = hs::duplicateHandle(a.pid(), p[1], b.pid(), opt);
        DUP_VERIFY_OK(r);
        QCOMPARE(a.ask("isopen " + std::to_string(p[1])), std::string("0"));
        QCOMPARE(a.ask("isopen " + std::to_string(p[0])), std::string("1"));
        QCOMPARE(fdCount(a.pid()), before - 1);
        QCOMPARE(b.ask("write " + std::to_string(r->newHandle) + " moved"), std::string("5"));
        QCOMPARE(a.ask("read " + std::to_string(p[0]) + " 5"), std::string("data moved"));
        // Into this process too (the pidfd_getfd path), source closed in a.
        const int e = a.askInt("eventfd");
        auto self = hs::duplicateHandle(a.pid(), e, ::getpid(), opt);
        DUP_VERIFY_OK(self);
        QCOMPARE(a.ask("isopen " + std::to_string(e)), std::string("0"));
        QVERIFY(::fcntl(static_cast<int>(self->newHandle), F_GETFD) >= 0);
        ::close(static_cast<int>(self->newHandle));
        QVERIFY(a.alive() && b.alive());
    }

    void cleanupTestCase()
    {
        if (m_devnull >= 0)
            ::close(m_devnull);
    }
};

QTEST_GUILESS_MAIN(TestDupErrors)
#include "tst_dup_errors.moc"
