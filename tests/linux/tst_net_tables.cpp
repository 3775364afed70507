// SPDX-License-Identifier: MIT
// tst_net_tables: the /proc/net table parsers of net_parse_linux.h fed fixed samples (with
// hostile paths and truncated lines) and the real tables of this machine's kernel.

#include "parse_test_util.h"

#include "handlescope/inspect.h"
#include "linux/proc_parse.h"
#include "linux/net_parse_linux.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace parsetest;

class TestNetTables : public QObject {
    Q_OBJECT

private slots:
    void parseInetTable_fixed_data();
    void parseInetTable_fixed();
    void parseInetTable_real_data();
    void parseInetTable_real();
    void parseUnixTable_fixed();
    void parseUnixTable_real();
    void parseNetlinkTable_fixed();
    void parseNetlinkTable_real();
    void parsePacketTable_fixed();
    void parsePacketTable_real();
    void socketTables_truncatedEverywhere();
};

// ---------------------------------------------------------------------------------------
// /proc/net tables

void TestNetTables::parseInetTable_fixed_data()
{
    QTest::addColumn<std::string>("line");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<quint64>("inode"); // 0: the line must be skipped
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("state");
    const char* tail = " 00000000:00000000 00:00000000 00000000  1000        0 ";
    auto line = [&](const char* sl, const char* local, const char* remote, const char* st, const char* inode) {
        return std::string("  ") + sl + ": " + local + " " + remote + " " + st + tail + inode +
               " 1 0000000000000000 100 0 0 10 0";
    };
    QTest::newRow("tcp-listen") << line("0", "0100007F:1F90", "00000000:0000", "0A", "12345") << false << QStringLiteral("tcp")
                                << quint64(12345) << QStringLiteral("127.0.0.1:8080") << QString() << QStringLiteral("LISTEN");
    QTest::newRow("tcp-established") << line("1", "0100007F:A000", "0101A8C0:01BB", "01", "777") << false
                                     << QStringLiteral("tcp") << quint64(777) << QStringLiteral("127.0.0.1:40960")
                                     << QStringLiteral("192.168.1.1:443") << QStringLiteral("ESTABLISHED");
    QTest::newRow("tcp-bad-state") << line("2", "0100007F:0016", "00000000:0000", "FF", "5") << false << QStringLiteral("tcp")
                                   << quint64(5) << QStringLiteral("127.0.0.1:22") << QString() << QStringLiteral("?");
    QTest::newRow("tcp-time-wait-inode-0") << line("3", "0100007F:0016", "0100007F:9000", "06", "0") << false
                                           << QStringLiteral("tcp") << quint64(0) << QString() << QString() << QString();
    QTest::newRow("tcp-bad-address") << line("4", "ZZZZ:0016", "00000000:0000", "0A", "99") << false << QStringLiteral("tcp")
                                     << quint64(99) << QString() << QString() << QStringLiteral("LISTEN");
    QTest::newRow("tcp6-loopback")
        << line("0", "00000000000000000000000001000000:1F90", "00000000000000000000000000000000:0000", "0A", "4242") << true
        << QStringLiteral("tcp") << quint64(4242) << QStringLiteral("[::1]:8080") << QString() << QStringLiteral("LISTEN");
    QTest::newRow("tcp6-v4mapped")
        << line("1", "0000000000000000FFFF00000100007F:0050", "0000000000000000FFFF00000200007F:C000", "01", "4243") << true
        << QStringLiteral("tcp") << quint64(4243) << QStringLiteral("[::ffff:127.0.0.1]:80")
        << QStringLiteral("[::ffff:127.0.0.2]:49152") << QStringLiteral("ESTABLISHED");
    QTest::newRow("tcp6-short-address") << line("2", "0000:0050", "00000000000000000000000000000000:0000", "0A", "4244")
                                        << true << QStringLiteral("tcp") << quint64(4244) << QString() << QString()
                                        << QStringLiteral("LISTEN");
    QTest::newRow("udp-unconnected") << line("5", "0100007F:0035", "00000000:0000", "07", "31") << false << QStringLiteral("udp")
                                     << quint64(31) << QStringLiteral("127.0.0.1:53") << QString() << QStringLiteral("UNCONNECTED");
    QTest::newRow("udp-connected") << line("6", "0100007F:0035", "0100007F:0036", "01", "32") << false << QStringLiteral("udp")
                                   << quint64(32) << QStringLiteral("127.0.0.1:53") << QStringLiteral("127.0.0.1:54")
                                   << QStringLiteral("ESTABLISHED");
    QTest::newRow("truncated-line") << std::string("  7: 0100007F:0035 00000000:0000 07 00000000:00000000") << false
                                    << QStringLiteral("udp") << quint64(0) << QString() << QString() << QString();
    QTest::newRow("inode-not-number") << line("8", "0100007F:0035", "00000000:0000", "07", "x1") << false
                                      << QStringLiteral("udp") << quint64(0) << QString() << QString() << QString();
}

void TestNetTables::parseInetTable_fixed()
{
    QFETCH(std::string, line);
    QFETCH(bool, ipv6);
    QFETCH(QString, protocol);
    QFETCH(quint64, inode);
    QFETCH(QString, local);
    QFETCH(QString, remote);
    QFETCH(QString, state);
    SocketTable table;
    const std::string header = tableHeader(ipv6 ? "tcp6" : "tcp");
    parseInetTable(header + line + "\n", ipv6, protocol.toStdString(), table);
    if (inode == 0) {
        QVERIFY2(table.empty(), qPrintable(QStringLiteral("%1 entries from a line to skip").arg(table.size())));
        return;
    }
    QCOMPARE(table.size(), std::size_t(1));
    const auto it = table.find(inode);
    QVERIFY(it != table.end());
    QCOMPARE(QString::fromStdString(deref(it->second).family), ipv6 ? QStringLiteral("inet6") : QStringLiteral("inet"));
    QCOMPARE(QString::fromStdString(deref(it->second).protocol), protocol);
    QCOMPARE(QString::fromStdString(deref(it->second).localAddress), local);
    QCOMPARE(QString::fromStdString(deref(it->second).remoteAddress), remote);
    QCOMPARE(QString::fromStdString(deref(it->second).state), state);
    // The header alone yields nothing (the first line is always skipped).
    SocketTable headerOnly;
    parseInetTable(line + "\n", ipv6, protocol.toStdString(), headerOnly);
    QVERIFY(headerOnly.empty());
}

void TestNetTables::parseInetTable_real_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("type");
    QTest::newRow("tcp4") << int(AF_INET) << int(SOCK_STREAM);
    QTest::newRow("udp4") << int(AF_INET) << int(SOCK_DGRAM);
    QTest::newRow("tcp6") << int(AF_INET6) << int(SOCK_STREAM);
    QTest::newRow("udp6") << int(AF_INET6) << int(SOCK_DGRAM);
}

void TestNetTables::parseInetTable_real()
{
    // A socket this test opens, found by inode in the kernel's own table text.
    QFETCH(int, family);
    QFETCH(int, type);
    Fd s(::socket(family, type | SOCK_CLOEXEC, 0));
    QVERIFY(s.fd >= 0);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&ss);
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof(sockaddr_in);
    } else {
        auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
        len = sizeof(sockaddr_in6);
    }
    if (::bind(s.fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
        if (family == AF_INET6)
            QSKIP(qPrintable(QStringLiteral("cannot bind [::1] here (%1): no IPv6 loopback").arg(QString::fromLocal8Bit(std::strerror(errno)))));
        QFAIL(std::strerror(errno));
    }
    if (type == SOCK_STREAM)
        QVERIFY(::listen(s.fd, 1) == 0);
    QVERIFY(::getsockname(s.fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0);
    const int port = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in*>(&ss)->sin_port
                                             : reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    struct stat st {};
    QVERIFY(::fstat(s.fd, &st) == 0);

    const bool v6 = family == AF_INET6;
    const std::string file = std::string(type == SOCK_STREAM ? "tcp" : "udp") + (v6 ? "6" : "");
    const std::string text = readProcFile("/proc/self/net/" + file);
    SocketTable table;
    parseInetTable(text, v6, type == SOCK_STREAM ? "tcp" : "udp", table);
    const auto it = table.find(st.st_ino);
    QVERIFY2(it != table.end(), qPrintable(QStringLiteral("inode %1 not in parsed %2").arg(st.st_ino).arg(QString::fromStdString(file))));
    const QString expectedLocal = (v6 ? QStringLiteral("[::1]:%1") : QStringLiteral("127.0.0.1:%1")).arg(port);
    QCOMPARE(QString::fromStdString(deref(it->second).localAddress), expectedLocal);
    QCOMPARE(QString::fromStdString(deref(it->second).remoteAddress), QString());
    QCOMPARE(QString::fromStdString(deref(it->second).state), type == SOCK_STREAM ? QStringLiteral("LISTEN") : QStringLiteral("UNCONNECTED"));
}

void TestNetTables::parseUnixTable_fixed()
{
    const std::string text = tableHeader("unix") +
                             "0000000000000000: 00000002 00000000 00010000 0001 01 1001 /run/my socket.sock\n"
                             "0000000000000000: 00000003 00000000 00000000 0001 03 1002\n"
                             "0000000000000000: 00000002 00000000 00000000 0002 01 1003 @abstract name\n"
                             "0000000000000000: 00000002 00000000 00000000 0005 02 1004 @\n"
                             "0000000000000000: 00000002 00000000\n"             // truncated
                             "0000000000000000: 00000002 00000000 00000000 0001 01 0 /x\n" // inode 0
                             "0000000000000000: 00000002 00000000 00000000 0001 04 1005 /tmp/(p) ,x\n"
                             "0000000000000000: 00000002 00000000 00000000 0001 03 1006"; // no final newline
    SocketTable table;
    parseUnixTable(text, table);
    QCOMPARE(table.size(), std::size_t(6));
    struct Expect {
        std::uint64_t inode;
        const char* protocol;
        const char* local;
        const char* state;
    };
    for (const Expect& e : {Expect{1001, "stream", "/run/my socket.sock", "LISTEN"}, Expect{1002, "stream", "", "CONNECTED"},
                            Expect{1003, "dgram", "@abstract name", "UNCONNECTED"}, Expect{1004, "seqpacket", "@", "CONNECTING"},
                            Expect{1005, "stream", "/tmp/(p) ,x", "DISCONNECTING"}, Expect{1006, "stream", "", "CONNECTED"}}) {
        const auto it = table.find(e.inode);
        QVERIFY2(it != table.end(), qPrintable(QString::number(e.inode)));
        QCOMPARE(QString::fromStdString(deref(it->second).family), QStringLiteral("unix"));
        QCOMPARE(QString::fromStdString(deref(it->second).protocol), QString::fromLatin1(e.protocol));
        QCOMPARE(QString::fromStdString(deref(it->second).localAddress), QString::fromLatin1(e.local));
        QCOMPARE(QString::fromStdString(deref(it->second).state), QString::fromLatin1(e.state));
    }
}

void TestNetTables::parseUnixTable_real()
{
    // A listening socket at a path with spaces and an abstract one, from the kernel's table.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.path().toStdString() + "/a b (c).sock";
    Fd s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    QVERIFY(path.size() < sizeof un.sun_path);
    std::memcpy(un.sun_path, path.c_str(), path.size() + 1);
    QVERIFY(s.fd >= 0 && ::bind(s.fd, reinterpret_cast<sockaddr*>(&un), sizeof un) == 0 && ::listen(s.fd, 1) == 0);

    Fd a(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const std::string abstractName = "hs-tst abstract " + std::to_string(::getpid());
    sockaddr_un ua{};
    ua.sun_family = AF_UNIX;
    std::memcpy(ua.sun_path + 1, abstractName.data(), abstractName.size());
    const auto alen = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + abstractName.size());
    QVERIFY(a.fd >= 0 && ::bind(a.fd, reinterpret_cast<sockaddr*>(&ua), alen) == 0);

    struct stat st {}, sta {};
    QVERIFY(::fstat(s.fd, &st) == 0 && ::fstat(a.fd, &sta) == 0);
    SocketTable table;
    parseUnixTable(readProcFile("/proc/self/net/unix"), table);
    auto it = table.find(st.st_ino);
    QVERIFY(it != table.end());
    QCOMPARE(B(deref(it->second).localAddress), B(path));
    QCOMPARE(QString::fromStdString(deref(it->second).state), QStringLiteral("LISTEN"));
    QCOMPARE(QString::fromStdString(deref(it->second).protocol), QStringLiteral("stream"));
    it = table.find(sta.st_ino);
    QVERIFY(it != table.end());
    QCOMPARE(B(deref(it->second).localAddress), B("@" + abstractName));
    QCOMPARE(QString::fromStdString(deref(it->second).protocol), QStringLiteral("dgram"));
}

void TestNetTables::parseNetlinkTable_fixed()
{
    const std::string text = tableHeader("netlink") +
                             "0000000000000000 0   1234       00000000 0        0        0     2        0        5678    \n"
                             "0000000000000000 16  0          00000001 0        0        0     2        0        5679\n"
                             "0000000000000000 99  -4001      00000000 0        0        0     2        0        5680\n"
                             "0000000000000000 4   0          00000000 0        0        0     2        0        0\n"
                             "0000000000000000 4   0          00000000 0\n";
    SocketTable table;
    parseNetlinkTable(text, table);
    QCOMPARE(table.size(), std::size_t(3));
    struct Expect {
        std::uint64_t inode;
        const char* protocol;
        const char* local;
    };
    for (const Expect& e : {Expect{5678, "route", "portid 1234"}, Expect{5679, "generic", "portid 0"},
                            Expect{5680, "99", "portid -4001"}}) {
        const auto it = table.find(e.inode);
        QVERIFY2(it != table.end(), qPrintable(QString::number(e.inode)));
        QCOMPARE(QString::fromStdString(deref(it->second).family), QStringLiteral("netlink"));
        QCOMPARE(QString::fromStdString(deref(it->second).protocol), QString::fromLatin1(e.protocol));
        QCOMPARE(QString::fromStdString(deref(it->second).localAddress), QString::fromLatin1(e.local));
    }
}

void TestNetTables::parseNetlinkTable_real()
{
    Fd s(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
    QVERIFY(s.fd >= 0);
    sockaddr_nl nl{};
    nl.nl_family = AF_NETLINK;
    QVERIFY(::bind(s.fd, reinterpret_cast<sockaddr*>(&nl), sizeof nl) == 0);
    socklen_t len = sizeof nl;
    QVERIFY(::getsockname(s.fd, reinterpret_cast<sockaddr*>(&nl), &len) == 0);
    struct stat st {};
    QVERIFY(::fstat(s.fd, &st) == 0);
    SocketTable table;
    parseNetlinkTable(readProcFile("/proc/self/net/netlink"), table);
    const auto it = table.find(st.st_ino);
    QVERIFY(it != table.end());
    QCOMPARE(QString::fromStdString(deref(it->second).protocol), QStringLiteral("route"));
    QCOMPARE(QString::fromStdString(deref(it->second).localAddress), QStringLiteral("portid %1").arg(static_cast<qint64>(static_cast<std::int32_t>(nl.nl_pid))));
}

void TestNetTables::parsePacketTable_fixed()
{
    const std::string text = tableHeader("packet") +
                             "0000000000000000 3      3    0003   2     1 0      0      9001  \n"
                             "0000000000000000 3      2    0800   0     1 0      1000   9002\n"
                             "0000000000000000 3      10   0800   7     1 0      1000   9003\n"
                             "0000000000000000 3      3    0003   2     1 0      0      0\n"
                             "0000000000000000 3      3\n";
    SocketTable table;
    parsePacketTable(text, table);
    QCOMPARE(table.size(), std::size_t(3));
    struct Expect {
        std::uint64_t inode;
        const char* protocol;
        const char* local;
    };
    for (const Expect& e : {Expect{9001, "raw", "ifindex 2"}, Expect{9002, "dgram", "ifindex 0"}, Expect{9003, "10", "ifindex 7"}}) {
        const auto it = table.find(e.inode);
        QVERIFY2(it != table.end(), qPrintable(QString::number(e.inode)));
        QCOMPARE(QString::fromStdString(deref(it->second).family), QStringLiteral("packet"));
        QCOMPARE(QString::fromStdString(deref(it->second).protocol), QString::fromLatin1(e.protocol));
        QCOMPARE(QString::fromStdString(deref(it->second).localAddress), QString::fromLatin1(e.local));
    }
}

void TestNetTables::parsePacketTable_real()
{
    Fd s(::socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (s.fd < 0)
        QSKIP(qPrintable(QStringLiteral("cannot open an AF_PACKET socket (%1): needs CAP_NET_RAW")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    struct stat st {};
    QVERIFY(::fstat(s.fd, &st) == 0);
    SocketTable table;
    parsePacketTable(readProcFile("/proc/self/net/packet"), table);
    const auto it = table.find(st.st_ino);
    QVERIFY(it != table.end());
    QCOMPARE(QString::fromStdString(deref(it->second).protocol), QStringLiteral("dgram"));
    QCOMPARE(QString::fromStdString(deref(it->second).localAddress), QStringLiteral("ifindex 0"));
}

void TestNetTables::socketTables_truncatedEverywhere()
{
    // Every table parser cut at every position: no crash, and every socket of the lines
    // that are complete before the cut is still there with the same values (a cut line
    // may be skipped or read partially, but must not disturb the lines before it).
    struct Sample {
        const char* what;
        std::string text;
        void (*parse)(std::string_view, SocketTable&);
    };
    // Our own sockets, so that the real tables are never empty.
    Fd tcp(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    Fd udp(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    Fd nl(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
    sockaddr_in lo{};
    lo.sin_family = AF_INET;
    lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sockaddr_nl nla{};
    nla.nl_family = AF_NETLINK;
    QVERIFY(::bind(tcp.fd, reinterpret_cast<sockaddr*>(&lo), sizeof lo) == 0 && ::listen(tcp.fd, 1) == 0);
    QVERIFY(::bind(udp.fd, reinterpret_cast<sockaddr*>(&lo), sizeof lo) == 0);
    QVERIFY(::bind(nl.fd, reinterpret_cast<sockaddr*>(&nla), sizeof nla) == 0);
    const std::vector<Sample> samples{
        {"tcp", firstLines(readProcFile("/proc/self/net/tcp"), 4), [](std::string_view t, SocketTable& s) { parseInetTable(t, false, "tcp", s); }},
        {"udp", firstLines(readProcFile("/proc/self/net/udp"), 4), [](std::string_view t, SocketTable& s) { parseInetTable(t, false, "udp", s); }},
        {"tcp6", tableHeader("tcp6") +
                     "   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 "
                     "00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n",
         [](std::string_view t, SocketTable& s) { parseInetTable(t, true, "tcp", s); }},
        {"unix", tableHeader("unix") + "0000000000000000: 00000002 00000000 00010000 0001 01 1001 /run/my socket.sock\n"
                                       "0000000000000000: 00000002 00000000 00000000 0002 01 1003 @abstract name\n"
                                       "0000000000000000: 00000003 00000000 00000000 0001 03 1004\n",
         parseUnixTable},
        {"netlink", firstLines(readProcFile("/proc/self/net/netlink"), 4), parseNetlinkTable},
        {"packet", tableHeader("packet") + "0000000000000000 3      3    0003   2     1 0      0      9001\n"
                                           "0000000000000000 3      2    0800   0     1 0      1000   9002\n",
         parsePacketTable},
    };
    int cuts = 0;
    for (const auto& s : samples) {
        SocketTable full;
        s.parse(s.text, full);
        QVERIFY2(!full.empty(), s.what);
        for (std::size_t cut = 0; cut <= s.text.size(); ++cut) {
            const std::string_view cutText = std::string_view(s.text).substr(0, cut);
            SocketTable part;
            s.parse(cutText, part);
            ++cuts;
            const auto lastNewline = cutText.rfind('\n');
            SocketTable complete;
            if (lastNewline != std::string_view::npos)
                s.parse(cutText.substr(0, lastNewline + 1), complete);
            // A cut last line is parsed on purpose (a table may end without a newline), so
            // it may name a socket of its own: "4" of inode 42288504 in the live netlink
            // table. Only that inode may differ.
            SocketTable tail;
            if (lastNewline != std::string_view::npos && lastNewline + 1 < cutText.size())
                s.parse("header\n" + std::string(cutText.substr(lastNewline + 1)), tail);
            for (const auto& [inode, info] : complete) {
                if (tail.contains(inode))
                    continue;
                const auto it = part.find(inode);
                QVERIFY2(it != part.end() && deref(it->second) == deref(info),
                         qPrintable(QStringLiteral("%1 cut at %2 lost or changed socket %3").arg(QLatin1String(s.what)).arg(cut).arg(inode)));
                QVERIFY(full.contains(inode) && deref(full.at(inode)) == deref(info));
            }
            QVERIFY(part.size() <= complete.size() + 1);
        }
    }
    QVERIFY(cuts > 100);
}


QTEST_GUILESS_MAIN(TestNetTables)
#include "tst_net_tables.moc"
