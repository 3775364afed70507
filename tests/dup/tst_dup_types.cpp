// SPDX-License-Identifier: MIT
// Every fd type duplicated from a helper into (a) this process, (b) another helper,
// (c) the same helper, and proved to be the same open file; inheritance across
// fork+exec; the push path into a process of another user; describeDuplicate.
#include "test_support.h"

#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace dup_test;

namespace {

enum class Dest { Self, Other, Same };

// Runs one helper command in the destination: the helper itself, or locally for Self.
std::string destAsk(Dest dest, hstest::Child& a, hstest::Child& b, const std::string& cmd)
{
    if (dest == Dest::Same)
        return a.ask(cmd);
    if (dest == Dest::Other)
        return b.ask(cmd);
    std::istringstream in(cmd);
    std::string op;
    int fd = -1;
    in >> op >> fd;
    if (op == "write") {
        std::string text;
        in >> text;
        return std::to_string(::write(fd, text.data(), text.size()));
    }
    if (op == "tell")
        return std::to_string(::lseek(fd, 0, SEEK_CUR));
    if (op == "eventfd-add") {
        std::uint64_t v = 0;
        in >> v;
        return std::to_string(::write(fd, &v, sizeof v));
    }
    if (op == "accept") {
        const int c = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (c >= 0)
            ::close(c);
        return c >= 0 ? "accepted" : "error";
    }
    return "unsupported";
}

} // namespace

class TestDupTypes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { DUP_REQUIRE_PTRACE(); }

    void fdTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("dest");
        for (const char* type : {"file", "pipe", "socketpair", "tcp-listener", "eventfd", "memfd"}) {
            QTest::addRow("%s->self", type) << type << static_cast<int>(Dest::Self);
            QTest::addRow("%s->other", type) << type << static_cast<int>(Dest::Other);
            QTest::addRow("%s->same", type) << type << static_cast<int>(Dest::Same);
        }
    }

    void fdTypes()
    {
        QFETCH(QString, type);
        QFETCH(int, dest);
        const auto d = static_cast<Dest>(dest);
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        QTemporaryDir dir;
        int fd = -1;     // the fd in a to duplicate
        int other = -1;  // the other end in a, if any
        int port = 0;
        const std::string t = type.toStdString();
        if (t == "file") {
            fd = a.askInt("open-file " + dir.filePath("f").toStdString());
            QCOMPARE(a.ask("write " + std::to_string(fd) + " hello"), std::string("5"));
        } else if (t == "pipe") {
            auto p = a.askInts("pipe");
            QCOMPARE(p.size(), std::size_t(2));
            other = p[0];
            fd = p[1];
        } else if (t == "socketpair") {
            auto p = a.askInts("socketpair");
            QCOMPARE(p.size(), std::size_t(2));
            other = p[0];
            fd = p[1];
        } else if (t == "tcp-listener") {
            auto p = a.askInts("listen");
            QCOMPARE(p.size(), std::size_t(2));
            fd = p[0];
            port = p[1];
        } else if (t == "eventfd") {
            fd = a.askInt("eventfd");
        } else if (t == "memfd") {
            fd = a.askInt("memfd");
            QCOMPARE(a.ask("write " + std::to_string(fd) + " hello"), std::string("5"));
        }
        QVERIFY(fd >= 0);

        const pid_t target = d == Dest::Self ? ::getpid() : d == Dest::Other ? b.pid() : a.pid();
        auto r = hs::duplicateHandle(a.pid(), fd, target);
        DUP_VERIFY_OK(r);
        const int nfd = static_cast<int>(r->newHandle);
        QVERIFY(nfd >= 0);
        QVERIFY(!r->steps.empty());
        QCOMPARE(r->method, std::string(d == Dest::Self ? "pidfd_getfd" : d == Dest::Same ? "inject dup" : "inject pull"));
        // The same open file description, seen from outside both processes.
        QCOMPARE(kcmpFile(target, nfd, a.pid(), fd), 0L);
        if (d != Dest::Same)
            QVERIFY(nfd != fd || target != a.pid());

        const std::string n = std::to_string(nfd);
        if (t == "file" || t == "memfd") {
            QCOMPARE(destAsk(d, a, b, "tell " + n), std::string("5")); // shared offset
            QCOMPARE(destAsk(d, a, b, "write " + n + " world"), std::string("5"));
            QCOMPARE(a.ask("tell " + std::to_string(fd)), std::string("10"));
        } else if (t == "pipe" || t == "socketpair") {
            QCOMPARE(destAsk(d, a, b, "write " + n + " through"), std::string("7"));
            QCOMPARE(a.ask("read " + std::to_string(other) + " 7"), std::string("data through"));
        } else if (t == "tcp-listener") {
            const int c = connectTo(port);
            QVERIFY(c >= 0);
            QCOMPARE(destAsk(d, a, b, "accept " + n), std::string("accepted"));
            ::close(c);
        } else if (t == "eventfd") {
            QCOMPARE(destAsk(d, a, b, "eventfd-add " + n + " 5"), std::string("8"));
            QCOMPARE(a.ask("eventfd-read " + std::to_string(fd)), std::string("5"));
        }
        // Not inheritable by default.
        if (d == Dest::Self)
            QCOMPARE(::fcntl(nfd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
        else
            QCOMPARE((d == Dest::Same ? a : b).ask("cloexec " + n), std::string("1"));
        if (d == Dest::Self)
            ::close(nfd);
        QVERIFY(a.alive());
        QVERIFY(b.alive());
    }

    void inheritable_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("sameProcess");
        QTest::addRow("pull") << static_cast<int>(hs::DuplicateMethod::Pull) << false;
        QTest::addRow("push") << static_cast<int>(hs::DuplicateMethod::Push) << false;
        QTest::addRow("same process") << static_cast<int>(hs::DuplicateMethod::Auto) << true;
    }

    void inheritable()
    {
        QFETCH(int, method);
        QFETCH(bool, sameProcess);
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        hstest::Child& target = sameProcess ? a : b;
        const int fd = a.askInt("eventfd");
        QVERIFY(fd >= 0);
        hs::DuplicateOptions opt;
        opt.method = static_cast<hs::DuplicateMethod>(method);
        opt.inheritable = true;
        auto keep = hs::duplicateHandle(a.pid(), fd, target.pid(), opt);
        DUP_VERIFY_OK(keep);
        opt.inheritable = false;
        auto drop = hs::duplicateHandle(a.pid(), fd, target.pid(), opt);
        DUP_VERIFY_OK(drop);
        QCOMPARE(target.ask("cloexec " + std::to_string(keep->newHandle)), std::string("0"));
        QCOMPARE(target.ask("cloexec " + std::to_string(drop->newHandle)), std::string("1"));
        // The target forks and execs a child that lists its fds.
        const std::string fds = " " + target.ask("spawn-child").substr(4) + " ";
        QVERIFY2(fds.find(" " + std::to_string(keep->newHandle) + " ") != std::string::npos, fds.c_str());
        QVERIFY2(fds.find(" " + std::to_string(drop->newHandle) + " ") == std::string::npos, fds.c_str());
        QVERIFY(fds.find(" 0 ") != std::string::npos); // the listing itself works
    }

    void pushToAnotherUser()
    {
        hstest::Child a;
        DUP_VERIFY_EMPTY(a.startHelper());
        hstest::Child b;
        const std::string started = b.startHelper({"--uid", std::to_string(kNobody)});
        QVERIFY2(started.empty(), ("hs_fd_helper could not switch to uid 65534: " + started).c_str());
        QCOMPARE(statusField(b.pid(), "Uid").substr(0, 5), std::string("65534"));
        auto p = a.askInts("pipe");
        QCOMPARE(p.size(), std::size_t(2));
        const int before = std::stoi(b.ask("count"));

        // b may not pidfd_getfd from a root process: an explicit pull is refused...
        hs::DuplicateOptions pull;
        pull.method = hs::DuplicateMethod::Pull;
        auto refused = hs::duplicateHandle(a.pid(), p[1], b.pid(), pull);
        QVERIFY(!refused);
        QCOMPARE(refused.error().osName, std::string("EPERM"));
        QVERIFY(b.alive());
        QCOMPARE(std::stoi(b.ask("count")), before); // nothing leaked into b

        // ...Auto falls back to pushing, and Push pushes.
        for (auto m : {hs::DuplicateMethod::Auto, hs::DuplicateMethod::Push}) {
            hs::DuplicateOptions opt;
            opt.method = m;
            auto r = hs::duplicateHandle(a.pid(), p[1], b.pid(), opt);
            DUP_VERIFY_OK(r);
            QCOMPARE(r->method, std::string("inject push"));
            QCOMPARE(kcmpFile(b.pid(), static_cast<int>(r->newHandle), a.pid(), p[1]), 0L);
            QCOMPARE(b.ask("write " + std::to_string(r->newHandle) + " pushed"), std::string("6"));
            QCOMPARE(a.ask("read " + std::to_string(p[0]) + " 6"), std::string("data pushed"));
            QCOMPARE(b.ask("cloexec " + std::to_string(r->newHandle)), std::string("1"));
        }
        QCOMPARE(std::stoi(b.ask("count")), before + 2); // exactly the two pushed fds: no socket or page left
        QVERIFY(a.alive());
    }

    void fromAndToSelf()
    {
        hstest::Child b;
        DUP_VERIFY_EMPTY(b.startHelper());
        int p[2];
        QVERIFY(::pipe2(p, O_CLOEXEC) == 0);
        // self -> other: pull (b pidfd_getfd's from us) and push.
        for (auto m : {hs::DuplicateMethod::Pull, hs::DuplicateMethod::Push}) {
            hs::DuplicateOptions opt;
            opt.method = m;
            auto r = hs::duplicateHandle(::getpid(), p[1], b.pid(), opt);
            DUP_VERIFY_OK(r);
            QCOMPARE(kcmpFile(b.pid(), static_cast<int>(r->newHandle), ::getpid(), p[1]), 0L);
        }
        // self -> self
        hs::DuplicateOptions inh;
        inh.inheritable = true;
        auto r = hs::duplicateHandle(::getpid(), p[1], ::getpid(), inh);
        DUP_VERIFY_OK(r);
        QCOMPARE(kcmpFile(::getpid(), static_cast<int>(r->newHandle), ::getpid(), p[1]), 0L);
        QCOMPARE(::fcntl(static_cast<int>(r->newHandle), F_GETFD) & FD_CLOEXEC, 0);
        ::close(static_cast<int>(r->newHandle));
        ::close(p[0]);
        ::close(p[1]);
    }

    void describe()
    {
        hs::DuplicateOptions opt;
        auto lines = hs::describeDuplicate(100, 3, 200, opt);
        const std::string all = [&] {
            std::string s;
            for (auto& l : lines)
                s += l + "\n";
            return s;
        }();
        QVERIFY2(all.find("[pid 200] pidfd_open(100, 0) = P") != std::string::npos, all.c_str());
        QVERIFY(all.find("[pid 200] pidfd_getfd(P, 3, 0) = NEW") != std::string::npos);
        QVERIFY(all.find("PTRACE_SEIZE, 200") != std::string::npos);
        QVERIFY(all.find("recvmsg") == std::string::npos);
        opt.method = hs::DuplicateMethod::Push;
        opt.closeSource = true;
        lines = hs::describeDuplicate(100, 3, 200, opt);
        bool recv = false;
        bool close = false;
        for (auto& l : lines) {
            recv = recv || l.find("[pid 200] recvmsg") != std::string::npos;
            close = close || l.find("[pid 100] close(3)") != std::string::npos;
        }
        QVERIFY(recv);
        QVERIFY(close);
        lines = hs::describeDuplicate(100, 3, ::getpid(), {});
        QVERIFY(lines.back().find("NEW = ref") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDupTypes)
#include "tst_dup_types.moc"
