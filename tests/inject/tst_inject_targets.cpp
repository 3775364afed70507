// SPDX-License-Identifier: MIT
// Targets an injection must cope with: a squatted push socket name, other network and
// pid namespaces, a thread inside an rseq critical section, a per-thread seccomp filter;
// a tool without kcmp; and the injector's own failures (a blocking call, a failed step,
// a faulting syscall site) through the HANDLESCOPE_TEST_INJECT hooks.
#include "inject_support.h"
#include "rseq_shared.h"

#include "handlescope/duplicate.h"

#include <linux/sched.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/un.h>

using namespace inject_test;

namespace {

constexpr const char* kUnshare = "/usr/bin/unshare";

/// `unshare OPTIONS hs_fd_helper --bare`, the helper's ready line read. Bare: a new network
/// namespace has no loopback for the layout's sockets, and the tests kill the helper.
std::string startUnshared(Child& child, const std::vector<std::string>& options)
{
    Spawn s;
    s.argv = { kUnshare };
    s.argv.insert(s.argv.end(), options.begin(), options.end());
    s.argv.push_back(fdHelperPath());
    s.argv.push_back("--bare");
    return child.startHelper(s);
}

/// The pid (in our namespace) of the only child of `parent`, or -1 after 5 s.
pid_t childOf(pid_t parent)
{
    const auto until = Clock::now() + 5s;
    while (Clock::now() < until) {
        for (pid_t tid : threadIds(parent)) {
            std::ifstream in("/proc/" + std::to_string(parent) + "/task/" + std::to_string(tid) + "/children");
            pid_t child = -1;
            if (in >> child)
                return child;
        }
        std::this_thread::sleep_for(1ms);
    }
    return -1;
}

/// Another user (nobody) listening on the abstract UNIX names the old push used for
/// process `pusher`: "\0handlescope-push-<pusher>-<n>", n = 1..count. Whoever connects
/// is sent a decoy fd (/dev/zero).
class Squatter {
public:
    /// "" or why the names could not be taken.
    std::string start(pid_t pusher, int count)
    {
        std::vector<sockaddr_un> addrs(static_cast<std::size_t>(count));
        std::vector<socklen_t> lens(addrs.size());
        for (int n = 1; n <= count; ++n) {
            const std::string name = "handlescope-push-" + std::to_string(pusher) + "-" + std::to_string(n);
            auto& a = addrs[static_cast<std::size_t>(n - 1)];
            a = {};
            a.sun_family = AF_UNIX;
            std::memcpy(a.sun_path + 1, name.data(), name.size());
            lens[static_cast<std::size_t>(n - 1)]
                = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
        }
        std::vector<pollfd> polls(addrs.size() + 1);
        int ready[2];
        int control[2];
        if (::pipe2(ready, O_CLOEXEC) != 0 || ::pipe2(control, O_CLOEXEC) != 0)
            return std::string("pipe: ") + std::strerror(errno);
        m_pid = ::fork();
        if (m_pid == 0) {
            // Only system calls from here on: the vectors were sized before the fork.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(control[1]);
            ::close(ready[0]);
            if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0
                || ::setresuid(kNobody, kNobody, kNobody) != 0)
                ::_exit(3);
            const int decoy = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
            char bound = 0;
            for (std::size_t i = 0; i < addrs.size(); ++i) {
                const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
                if (s < 0 || ::bind(s, reinterpret_cast<const sockaddr*>(&addrs[i]), lens[i]) != 0
                    || ::listen(s, 8) != 0)
                    ::_exit(4);
                polls[i] = { s, POLLIN, 0 };
                bound = 1;
            }
            polls.back() = { control[0], POLLIN, 0 };
            (void)!::write(ready[1], &bound, 1);
            for (;;) {
                if (::poll(polls.data(), polls.size(), -1) < 0)
                    continue;
                if (polls.back().revents != 0)
                    ::_exit(0); // the test closed the control pipe
                for (std::size_t i = 0; i + 1 < polls.size(); ++i) {
                    if (polls[i].revents == 0)
                        continue;
                    const int c = ::accept4(polls[i].fd, nullptr, nullptr, SOCK_CLOEXEC);
                    if (c < 0)
                        continue;
                    char byte = 'x';
                    iovec iov { &byte, 1 };
                    alignas(cmsghdr) char buf[CMSG_SPACE(sizeof(int))] = {};
                    msghdr msg {};
                    msg.msg_iov = &iov;
                    msg.msg_iovlen = 1;
                    msg.msg_control = buf;
                    msg.msg_controllen = sizeof buf;
                    cmsghdr* cm = CMSG_FIRSTHDR(&msg);
                    cm->cmsg_level = SOL_SOCKET;
                    cm->cmsg_type = SCM_RIGHTS;
                    cm->cmsg_len = CMSG_LEN(sizeof(int));
                    std::memcpy(CMSG_DATA(cm), &decoy, sizeof decoy);
                    (void)::sendmsg(c, &msg, MSG_NOSIGNAL);
                }
            }
        }
        ::close(ready[1]);
        ::close(control[0]);
        m_control = control[1];
        char bound = 0;
        const bool ok = ::read(ready[0], &bound, 1) == 1;
        ::close(ready[0]);
        if (!ok) {
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            m_pid = -1;
            return "the squatter could not bind the names (" + describeStatus(status) + ")";
        }
        // The names are taken: binding one ourselves must fail.
        const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int rc = ::bind(s, reinterpret_cast<const sockaddr*>(&addrs[0]), lens[0]);
        const int err = errno;
        ::close(s);
        return rc != 0 && err == EADDRINUSE ? std::string() : "the first name is not squatted";
    }
    ~Squatter()
    {
        if (m_control >= 0)
            ::close(m_control);
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

private:
    pid_t m_pid = -1;
    int m_control = -1;
};

/// A process inside another pid namespace whose pid there is `nsPid`, holding `file` on
/// fd `fd`: what a target in that namespace finds when it resolves the number `nsPid`.
class Decoy {
public:
    std::string start(pid_t nsMember, pid_t nsPid, int fd, const std::string& file)
    {
        int report[2];
        if (::pipe2(report, O_CLOEXEC) != 0 || ::pipe2(m_hold, O_CLOEXEC) != 0)
            return std::string("pipe: ") + std::strerror(errno);
        const std::string nsPath = "/proc/" + std::to_string(nsMember) + "/ns/pid";
        m_forker = ::fork();
        if (m_forker == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(m_hold[1]); // the decoy waits for EOF: only the test holds the write end
            const int ns = ::open(nsPath.c_str(), O_RDONLY | O_CLOEXEC);
            const int decoy = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
            if (ns < 0 || decoy < 0 || ::setns(ns, CLONE_NEWPID) != 0)
                ::_exit(3);
            auto tid = static_cast<pid_t>(nsPid);
            clone_args args {};
            args.exit_signal = SIGCHLD;
            args.set_tid = reinterpret_cast<std::uint64_t>(&tid);
            args.set_tid_size = 1; // the pid in the innermost namespace: the target's
            const long child = ::syscall(SYS_clone3, &args, sizeof args);
            if (child == 0) {
                ::dup2(decoy, fd);
                char c = 0;
                (void)!::read(m_hold[0], &c, 1); // until the test closes its end
                ::_exit(0);
            }
            const pid_t global = static_cast<pid_t>(child);
            (void)!::write(report[1], &global, sizeof global);
            ::waitpid(global, nullptr, 0);
            ::_exit(child > 0 ? 0 : 4);
        }
        ::close(report[1]);
        ::close(m_hold[0]);
        m_hold[0] = -1;
        const bool ok = ::read(report[0], &m_global, sizeof m_global) == sizeof m_global && m_global > 0;
        ::close(report[0]);
        return ok ? std::string() : "clone3 with set_tid " + std::to_string(nsPid) + " failed";
    }
    [[nodiscard]] pid_t pid() const { return m_global; }
    ~Decoy()
    {
        if (m_hold[1] >= 0)
            ::close(m_hold[1]);
        if (m_global > 0)
            ::kill(m_global, SIGKILL);
        if (m_forker > 0) {
            ::kill(m_forker, SIGKILL);
            ::waitpid(m_forker, nullptr, 0);
        }
    }

private:
    pid_t m_forker = -1;
    pid_t m_global = -1;
    int m_hold[2] = { -1, -1 };
};

/// Runs the CLI dup with a HANDLESCOPE_TEST_INJECT directive.
Run dupWithHook(
    SourceAndTarget& p, const std::string& hook, const std::string& method, std::vector<std::string> extra = {})
{
    Spawn s;
    s.argv = dupArgs(p.source.pid(), p.sourceFd, p.target.pid(), method, std::move(extra));
    s.env = { "HANDLESCOPE_TEST_INJECT=" + hook };
    return runToEnd(s);
}

} // namespace

class TestInjectTargets : public QObject {
    Q_OBJECT

    TempDir m_dir;
    int m_file = -1; ///< our own fd, the source of the in-process and rseq duplicates

private slots:
    void initTestCase()
    {
        INJECT_REQUIRE_ROOT();
        QVERIFY(m_dir.valid());
        INJECT_VERIFY_EMPTY(writeFile(m_dir.path() + "/ours.txt", "handlescope targets test\n", 0644));
        m_file = ::open((m_dir.path() + "/ours.txt").c_str(), O_RDONLY | O_CLOEXEC);
        QVERIFY(m_file > 2);
    }

    // First in this file: nothing has pushed from this process yet, so the old counter
    // would start at 1.
    void pushWithSquattedNames()
    {
        Squatter squatter;
        INJECT_VERIFY_EMPTY(squatter.start(::getpid(), 1000));
        Child target;
        INJECT_VERIFY_EMPTY(target.startHelper());
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(target.pid()));
        hs::DuplicateOptions options;
        options.method = hs::DuplicateMethod::Push;
        auto r = hs::duplicateHandle(::getpid(), m_file, target.pid(), options);
        QVERIFY2(r.has_value(), r ? "" : r.error().message().c_str());
        QCOMPARE(kcmpFile(target.pid(), static_cast<int>(r->newHandle), ::getpid(), m_file), 0L);
        QCOMPARE(before.added(), std::vector<int> { static_cast<int>(r->newHandle) });
        INJECT_VERIFY_EMPTY(waitUntraced(target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(target, "pushed"));
    }

    // A duplicate into a target in another network or pid namespace.
    void otherNamespace_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("method");
        QTest::newRow("net namespace, auto") << "net"
                                             << "auto";
        QTest::newRow("net namespace, push") << "net"
                                             << "push";
        QTest::newRow("pid namespace, auto") << "pid"
                                             << "auto";
        QTest::newRow("pid namespace, push") << "pid"
                                             << "push";
    }

    void otherNamespace()
    {
        QFETCH(QString, ns);
        QFETCH(QString, method);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        Child wrapped;
        std::vector<std::string> options { "--" + ns.toStdString() };
        if (ns == "pid")
            options.push_back("--fork");
        INJECT_VERIFY_EMPTY(startUnshared(wrapped, options));
        const pid_t target = ns == "pid" ? childOf(wrapped.pid()) : wrapped.pid();
        QVERIFY2(target > 0, "no child of unshare");
        if (ns == "pid")
            QCOMPARE(statusField(target, "NSpid"), std::to_string(target) + "\t1");
        else
            QVERIFY(std::filesystem::read_symlink("/proc/" + std::to_string(target) + "/ns/net")
                != std::filesystem::read_symlink("/proc/self/ns/net"));
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(target));
        Spawn s;
        s.argv = dupArgs(p.source.pid(), p.sourceFd, target, method.toStdString());
        const Run r = runToEnd(s);
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const int newFd = std::atoi(r.out.c_str());
        QCOMPARE(kcmpFile(target, newFd, p.source.pid(), p.sourceFd), 0L);
        QCOMPARE(before.added(), std::vector<int> { newFd });
        INJECT_VERIFY_EMPTY(waitUntraced(target));
        INJECT_VERIFY_EMPTY(echoCheck(wrapped, "namespaced"));
        ::kill(target, SIGKILL);
    }

    // Pull into a target in a child pid namespace: the source's pid number means nothing
    // there, or another process. Refused with an error naming the namespace, or correct.
    void pullIntoPidNamespace_data()
    {
        QTest::addColumn<bool>("decoy");
        QTest::newRow("the source's number is free there") << false;
        QTest::newRow("a decoy has the source's number there") << true;
    }

    void pullIntoPidNamespace()
    {
        QFETCH(bool, decoy);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        INJECT_VERIFY_EMPTY(writeFile(p.dir.path() + "/decoy.txt", "decoy\n", 0644));
        Child wrapped;
        INJECT_VERIFY_EMPTY(startUnshared(wrapped, { "--pid", "--fork" }));
        const pid_t target = childOf(wrapped.pid());
        QVERIFY2(target > 0, "no child of unshare");
        Decoy d;
        if (decoy) {
            INJECT_VERIFY_EMPTY(d.start(target, p.source.pid(), p.sourceFd, p.dir.path() + "/decoy.txt"));
            QCOMPARE(statusField(d.pid(), "NSpid"), std::to_string(d.pid()) + "\t" + std::to_string(p.source.pid()));
            const auto until = Clock::now() + 5s;
            while (fdLink(d.pid(), p.sourceFd) != p.dir.path() + "/decoy.txt" && Clock::now() < until)
                std::this_thread::sleep_for(1ms);
            QCOMPARE(fdLink(d.pid(), p.sourceFd), p.dir.path() + "/decoy.txt");
        }
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(target));
        Spawn s;
        s.argv = dupArgs(p.source.pid(), p.sourceFd, target, "pull");
        const Run r = runToEnd(s);
        std::printf(
            "# pull into a pid namespace: %s\n", trim(r.exitCode() == 0 ? "worked: new fd " + r.out : r.err).c_str());
        if (r.exitCode() == 0) {
            const int newFd = std::atoi(r.out.c_str());
            QVERIFY2(kcmpFile(target, newFd, p.source.pid(), p.sourceFd) == 0,
                ("pull gave the target fd " + std::to_string(newFd) + " -> " + fdLink(target, newFd)
                    + ", not the source's open file")
                    .c_str());
            QCOMPARE(before.added(), std::vector<int> { newFd });
        } else {
            QVERIFY2(r.exitCode() == 1 && contains(r.err, "namespace"),
                ("a refusal must say the target is in another pid namespace: " + r.explain()).c_str());
            INJECT_VERIFY_EMPTY(before.compare());
        }
        INJECT_VERIFY_EMPTY(waitUntraced(target));
        INJECT_VERIFY_EMPTY(echoCheck(wrapped, "pid-namespaced"));
        ::kill(target, SIGKILL);
    }

    // The only thread spins inside an rseq critical section; 50 duplicates stop it there.
    // Resuming it inside the section after the kernel cleared rseq_cs is the bug.
    void rseqCriticalSection()
    {
        const int memfd = ::memfd_create("rseq-shared", MFD_CLOEXEC);
        QVERIFY(memfd >= 0 && ::ftruncate(memfd, 4096) == 0);
        void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
        QVERIFY(page != MAP_FAILED);
        auto* shared = static_cast<RseqShared*>(page);
        Child target;
        Spawn s;
        s.argv = { RSEQ_TARGET_PATH };
        s.passFds = { { memfd, 3 } };
        INJECT_VERIFY_EMPTY(target.start(s));
        const auto until = Clock::now() + 5s;
        while (shared->state == RseqShared::Starting && !target.poll() && Clock::now() < until)
            std::this_thread::sleep_for(1ms);
        if (shared->state == RseqShared::NoRseq)
            QSKIP("glibc registered no rseq area for rseq_target (glibc.pthread.rseq=0 or a kernel without rseq)");
        QVERIFY2(shared->state == RseqShared::Spinning, "rseq_target did not start spinning");
        const auto spinning = [&] {
            const long a = shared->spins;
            std::this_thread::sleep_for(20ms);
            return shared->spins > a;
        };
        QVERIFY(spinning());

        for (int i = 0; i < 50; ++i) {
            Spawn cli;
            cli.argv = dupArgs(::getpid(), m_file, target.pid());
            const Run r = runToEnd(cli);
            QVERIFY2(r.exitCode() == 0, ("duplicate " + std::to_string(i) + ": " + r.explain()).c_str());
            QCOMPARE(kcmpFile(target.pid(), std::atoi(r.out.c_str()), ::getpid(), m_file), 0L);
        }
        QVERIFY2(!target.poll(), describeStatus(target.poll().value_or(0)).c_str());
        const std::string counts = "aborts " + std::to_string(shared->aborts) + ", resumed inside a cleared section "
            + std::to_string(shared->broken);
        std::printf("# rseq: %s\n", counts.c_str());
        QVERIFY2(shared->broken == 0, counts.c_str());
        QVERIFY(spinning());
        shared->go = 1;
        const auto st = target.wait(5s);
        QVERIFY2(st && WIFEXITED(*st) && WEXITSTATUS(*st) == 0, st ? describeStatus(*st).c_str() : "still running");
        QCOMPARE(shared->commits, 1L);
        ::munmap(page, 4096);
        ::close(memfd);
    }

    // Without kcmp the close cannot check that the number still names the pinned file:
    // it must refuse, not close unchecked.
    void closeWithoutKcmp()
    {
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(p.source.pid()));
        Spawn s;
        s.argv = { NO_KCMP_PATH, HS_CLI_PATH, "close", "--pid", std::to_string(p.source.pid()), "--handle",
            std::to_string(p.sourceFd), "--yes" };
        const Run r = runToEnd(s);
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(contains(r.err, "kcmp") && r.err.find("ENOSYS") != std::string::npos, r.explain().c_str());
        INJECT_VERIFY_EMPTY(before.compare()); // fd still open, still the same file
        INJECT_VERIFY_EMPTY(waitUntraced(p.source.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(p.source, "still-open"));
    }

    // The main thread has exited; the remaining thread installed (without TSYNC) a filter
    // that kills the process on pidfd_open. Only that thread's /proc status shows it.
    void perThreadSeccomp()
    {
        Child target;
        INJECT_VERIFY_EMPTY(target.startHelper());
        const pid_t pid = target.pid();
        QCOMPARE(target.ask("exit-main"), std::string("ok"));
        const auto until = Clock::now() + 5s;
        while (procState(pid, pid) != 'Z' && Clock::now() < until)
            std::this_thread::sleep_for(1ms);
        QCOMPARE(procState(pid, pid), 'Z');
        QCOMPARE(target.ask("seccomp"), std::string("ok"));
        pid_t tid = -1;
        for (pid_t t : threadIds(pid))
            if (t != pid)
                tid = t;
        QVERIFY(tid > 0);
        QCOMPARE(statusField(pid, "Seccomp"), std::string("0"));
        QCOMPARE(statusField(pid, "Seccomp", tid), std::string("2")); // SECCOMP_MODE_FILTER
        Spawn s;
        s.argv = dupArgs(::getpid(), m_file, pid);
        const Run r = runToEnd(s);
        QVERIFY2(r.exitCode() == 0,
            (r.explain() + "; target: " + (ended(target).empty() ? "running" : ended(target))).c_str());
        QCOMPARE(kcmpFile(tid, std::atoi(r.out.c_str()), ::getpid(), m_file), 0L);
        QVERIFY2(ended(target).empty(), ended(target).c_str());
        QCOMPARE(target.ask("ping"), "pong " + std::to_string(pid));
    }

    // The injector's first call blocks (pause): the deadline interrupts it, the error
    // names it, and the target is left as it was.
    void blockedInjectedCall()
    {
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const Run r = dupWithHook(p, "block", "auto", { "--timeout", "1000" });
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(r.ms <= 3000, r.explain().c_str());
        QVERIFY2(contains(r.err, "pause"), r.explain().c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(p.target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(p.target, "unblocked"));
        INJECT_VERIFY_EMPTY(p.before.compare());
    }

    // A failed step after each injected call: the cleanup leaves no pidfd, socket or copy.
    void failedStepLeavesNothing_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("inherit");
        QTest::newRow("pull: after pidfd_open") << "pidfd_open"
                                                << "pull" << false;
        QTest::newRow("pull: after pidfd_getfd") << "pidfd_getfd"
                                                 << "pull" << false;
        QTest::newRow("push: after socketpair") << "socketpair"
                                                << "push" << false;
        QTest::newRow("push: after recvmsg") << "recvmsg"
                                             << "push" << false;
        QTest::newRow("pull --inherit: after fcntl") << "fcntl"
                                                     << "pull" << true;
    }

    void failedStepLeavesNothing()
    {
        QFETCH(QString, call);
        QFETCH(QString, method);
        QFETCH(bool, inherit);
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const Run r = dupWithHook(p, "fail-after:" + call.toStdString(), method.toStdString(),
            inherit ? std::vector<std::string> { "--inherit" } : std::vector<std::string> {});
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(contains(r.err, "injected failure"), r.explain().c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(p.target.pid()));
        INJECT_VERIFY_EMPTY(p.before.compare());
        INJECT_VERIFY_EMPTY(echoCheck(p.target, "clean"));
    }

    // The syscall site is an unmapped address: the step faults, the error says so, and
    // the target is not killed by the SIGSEGV.
    void faultingSyscallSite()
    {
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const Run r = dupWithHook(p, "bad-site", "auto");
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(contains(r.err, "fault"), r.explain().c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(p.target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(p.target, "not-segv"));
        INJECT_VERIFY_EMPTY(p.before.compare());
    }

    // An exception in the middle of a session unwinds through objects that restore the
    // target and close what the session created in it.
    void exceptionMidSession()
    {
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const Run r = dupWithHook(p, "throw-after:pidfd_getfd", "pull");
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(contains(r.err, "exception") && contains(r.err, "thrown after pidfd_getfd"), r.explain().c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(p.target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(p.target, "after-exception"));
        INJECT_VERIFY_EMPTY(p.before.compare());
    }

    // The injector itself dies (abort) with the target's thread stopped on injected
    // registers: its crash handler restores them and detaches before it goes.
    void injectorCrashMidSession()
    {
        SourceAndTarget p;
        INJECT_VERIFY_EMPTY(p.setUp());
        const Run r = dupWithHook(p, "abort-after:socketpair", "push");
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(contains(r.err, "signal 6"), r.explain().c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(p.target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(p.target, "after-crash"));
    }

    void cleanupTestCase()
    {
        if (m_file >= 0)
            ::close(m_file);
    }
};

QTEST_GUILESS_MAIN(TestInjectTargets)
#include "tst_inject_targets.moc"
