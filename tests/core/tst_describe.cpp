// SPDX-License-Identifier: MIT
// tst_describe: the words for a handle that the CLI, the GUI and Find share
// (handlescope/describe.h), for hand-built handles of every kind.

#include "handlescope/describe.h"
#include "handlescope/find.h"

#include <QtTest/QTest>

#include <memory>
#include <string>

Q_DECLARE_METATYPE(hs::HandleInfo)

namespace {

hs::HandleInfo named(hs::HandleKind kind, std::string typeName, std::string name)
{
    hs::HandleInfo h;
    h.value = 7;
    h.kind = kind;
    h.typeName = std::move(typeName);
    h.name = std::move(name);
    return h;
}

hs::HandleInfo socketOf(hs::SocketInfo s)
{
    hs::HandleInfo h = named(hs::HandleKind::Socket, "socket", "socket:[634792]");
    h.socket = std::make_shared<const hs::SocketInfo>(std::move(s));
    return h;
}

hs::SocketInfo sock(std::string family, std::string protocol, std::string local, std::string remote, std::string state,
                    std::uint64_t peer = 0)
{
    return {std::move(family), std::move(protocol), std::move(local), std::move(remote), std::move(state), peer};
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestDescribe : public QObject {
    Q_OBJECT
private slots:
    void name_data();
    void name();
    void nameIntoReusedBuffer();
    void type_data();
    void type();
    void accessAndInheritable();
    void flags_data();
    void flags();
    void findMatchesSocketEndpoints();
};

void TestDescribe::name_data()
{
    using K = hs::HandleKind;
    QTest::addColumn<hs::HandleInfo>("handle");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tcp v4 listen") << socketOf(sock("inet", "tcp", "127.0.0.1:5432", "", "LISTEN"))
                                   << "tcp 127.0.0.1:5432 LISTEN";
    QTest::newRow("tcp v4 connected")
        << socketOf(sock("inet", "tcp", "127.0.0.1:5432", "127.0.0.1:40112", "ESTABLISHED"))
        << "tcp 127.0.0.1:5432 -> 127.0.0.1:40112 ESTABLISHED";
    QTest::newRow("tcp v6 listen") << socketOf(sock("inet6", "tcp", "[::]:22", "", "LISTEN")) << "tcp [::]:22 LISTEN";
    QTest::newRow("tcp v6 connected") << socketOf(sock("inet6", "tcp", "[::1]:8080", "[::1]:51000", "CLOSE_WAIT"))
                                      << "tcp [::1]:8080 -> [::1]:51000 CLOSE_WAIT";
    QTest::newRow("udp unconnected") << socketOf(sock("inet", "udp", "0.0.0.0:53", "", "UNCONNECTED"))
                                     << "udp 0.0.0.0:53";
    QTest::newRow("udp v6 connected") << socketOf(sock("inet6", "udp", "[::1]:5353", "[::1]:53", "ESTABLISHED"))
                                      << "udp [::1]:5353 -> [::1]:53";
    QTest::newRow("unix path listen") << socketOf(sock("unix", "stream", "/run/x.sock", "", "LISTEN"))
                                      << "unix/stream /run/x.sock LISTEN";
    QTest::newRow("unix abstract, peer")
        << socketOf(sock("unix", "stream", "@/tmp/.X11-unix/X77", "", "CONNECTED", 1234))
        << "unix/stream @/tmp/.X11-unix/X77 -> peer socket:[1234] CONNECTED";
    QTest::newRow("unix client, named peer") << socketOf(sock("unix", "stream", "", "/run/x.sock", "CONNECTED", 99))
                                             << "unix/stream -> /run/x.sock (peer socket:[99]) CONNECTED";
    QTest::newRow("unix path with spaces") << socketOf(sock("unix", "seqpacket", "/run/my app/s", "", "LISTEN"))
                                           << "unix/seqpacket /run/my app/s LISTEN";
    QTest::newRow("unix unnamed") << socketOf(sock("unix", "dgram", "", "", "UNCONNECTED")) << "unix/dgram UNCONNECTED";
    QTest::newRow("netlink") << socketOf(sock("netlink", "route", "portid 1234", "", ""))
                             << "netlink/route portid 1234";
    QTest::newRow("packet") << socketOf(sock("packet", "raw", "ifindex 2", "", "")) << "packet/raw ifindex 2";
    QTest::newRow("socket, no info") << named(K::Socket, "socket", "socket:[634792]") << "socket:[634792]";
    QTest::newRow("socket, unknown family") << socketOf(sock("unknown", "unknown", "", "", "")) << "socket:[634792]";

    QTest::newRow("pipe") << named(K::Fifo, "pipe", "pipe:[4242]") << "pipe:[4242]";
    QTest::newRow("file") << named(K::RegularFile, "REG", "/var/log/syslog") << "/var/log/syslog";
    auto deleted = named(K::RegularFile, "REG", "/tmp/gone.txt");
    deleted.deleted = true;
    QTest::newRow("deleted file") << deleted << "/tmp/gone.txt (deleted)";
    auto memfd = named(K::MemFd, "memfd", "/memfd:hs-memfd");
    memfd.deleted = true;
    QTest::newRow("memfd") << memfd << "/memfd:hs-memfd (deleted)";
    QTest::newRow("control characters kept") << named(K::RegularFile, "REG", "/tmp/a\nb") << "/tmp/a\nb";
    QTest::newRow("anon inode") << named(K::EventFd, "anon_inode:[eventfd]", "anon_inode:[eventfd]")
                                << "anon_inode:[eventfd]";
    QTest::newRow("bpf map") << named(K::AnonInode, "anon_inode:bpf-map", "anon_inode:bpf-map") << "anon_inode:bpf-map";

    QTest::newRow("windows file") << named(K::RegularFile, "File", "C:\\Windows\\System32\\en-US\\kernel32.dll.mui")
                                  << "C:\\Windows\\System32\\en-US\\kernel32.dll.mui";
    QTest::newRow("windows event") << named(K::Event, "Event", "\\BaseNamedObjects\\HsEvent")
                                   << "\\BaseNamedObjects\\HsEvent";
    QTest::newRow("windows key") << named(K::Key, "Key", "\\REGISTRY\\MACHINE\\SOFTWARE")
                                 << "\\REGISTRY\\MACHINE\\SOFTWARE";
    QTest::newRow("windows afd socket") << named(K::Socket, "File", "\\Device\\Afd") << "\\Device\\Afd";
    QTest::newRow("windows unnamed") << named(K::Semaphore, "Semaphore", "") << "";
}

void TestDescribe::name()
{
    QFETCH(hs::HandleInfo, handle);
    QFETCH(QString, expected);
    QCOMPARE(qs(hs::describeName(handle)), expected);
}

void TestDescribe::nameIntoReusedBuffer()
{
    std::string out = "left over from the previous row, longer than the next";
    hs::describeName(socketOf(sock("inet", "udp", "0.0.0.0:53", "", "UNCONNECTED")), out);
    QCOMPARE(qs(out), QStringLiteral("udp 0.0.0.0:53"));
    hs::describeName(named(hs::HandleKind::Fifo, "pipe", "pipe:[1]"), out);
    QCOMPARE(qs(out), QStringLiteral("pipe:[1]"));
}

void TestDescribe::type_data()
{
    using K = hs::HandleKind;
    QTest::addColumn<hs::HandleInfo>("handle");
    QTest::addColumn<QString>("expected");
    QTest::newRow("file") << named(K::RegularFile, "REG", "/x") << "Regular file";
    QTest::newRow("pipe") << named(K::Fifo, "pipe", "pipe:[1]") << "Pipe / FIFO";
    QTest::newRow("socket") << named(K::Socket, "socket", "socket:[1]") << "Socket";
    QTest::newRow("eventfd") << named(K::EventFd, "anon_inode:[eventfd]", "anon_inode:[eventfd]") << "Event fd";
    QTest::newRow("anon inode: OS name") << named(K::AnonInode, "anon_inode:bpf-map", "anon_inode:bpf-map")
                                         << "anon_inode:bpf-map";
    QTest::newRow("other: OS name") << named(K::Other, "nsfs", "net:[4026531840]") << "nsfs";
    QTest::newRow("unknown, no OS name") << named(K::Unknown, "", "") << "Unknown";
    QTest::newRow("windows mutex") << named(K::Mutex, "Mutant", "") << "Mutex";
    QTest::newRow("windows other") << named(K::Other, "EtwRegistration", "") << "EtwRegistration";
}

void TestDescribe::type()
{
    QFETCH(hs::HandleInfo, handle);
    QFETCH(QString, expected);
    QCOMPARE(qs(hs::describeType(handle)), expected);
}

void TestDescribe::accessAndInheritable()
{
    hs::HandleInfo h;
    QCOMPARE(qs(hs::describeAccess(h)), QStringLiteral("?"));
    QCOMPARE(qs(hs::describeInheritable(h)), QString());
    h.access = hs::AccessMode::ReadWrite;
    h.inheritable = true;
    QCOMPARE(qs(hs::describeAccess(h)), QStringLiteral("rw"));
    QCOMPARE(qs(hs::describeInheritable(h)), QStringLiteral("yes"));
    h.inheritable = false;
    QCOMPARE(qs(hs::describeInheritable(h)), QStringLiteral("no"));
    h.accessText = "QUERY_STATE|SYNCHRONIZE"; // Windows: the decoded rights win
    QCOMPARE(qs(hs::describeAccess(h)), QStringLiteral("QUERY_STATE|SYNCHRONIZE"));
}

void TestDescribe::flags_data()
{
    QTest::addColumn<bool>("read");
    QTest::addColumn<uint>("openFlags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rdwr nonblock cloexec") << true << uint(02004002) << "02004002 O_RDWR O_NONBLOCK O_CLOEXEC";
    QTest::newRow("read only") << true << uint(0) << "00 O_RDONLY";
    QTest::newRow("largefile left out") << true << uint(0100002) << "0100002 O_RDWR";
    QTest::newRow("sync, not dsync too") << true << uint(04010001) << "04010001 O_WRONLY O_SYNC";
    QTest::newRow("not read") << false << uint(0) << "";
}

void TestDescribe::flags()
{
    QFETCH(bool, read);
    QFETCH(uint, openFlags);
    QFETCH(QString, expected);
    hs::HandleInfo h;
    if (read)
        h.openFlags = openFlags;
    QCOMPARE(qs(hs::describeFlags(h)), expected);
}

void TestDescribe::findMatchesSocketEndpoints()
{
    hs::Snapshot snapshot;
    hs::ProcessHandles p;
    p.process.pid = 10;
    p.handles.push_back(named(hs::HandleKind::RegularFile, "REG", "/srv/127.0.0.1:5432.log"));
    auto tcp = socketOf(sock("inet", "tcp", "127.0.0.1:5432", "127.0.0.1:40112", "ESTABLISHED"));
    tcp.value = 8;
    p.handles.push_back(tcp);
    auto peer = socketOf(sock("unix", "stream", "", "", "CONNECTED", 634792));
    peer.value = 9;
    peer.name = "socket:[634793]";
    p.handles.push_back(peer);
    snapshot.processes.push_back(std::move(p));

    auto values = [&](hs::FindQuery q) {
        QList<qint64> out;
        auto hits = hs::findHandles(snapshot, q);
        if (hits)
            for (const auto& hit : *hits)
                out << hit.handle->value;
        return out;
    };
    QCOMPARE(values({.text = "127.0.0.1:5432"}), (QList<qint64>{7, 8}));
    QCOMPARE(values({.text = "-> 127.0.0.1:40112 established"}), (QList<qint64>{8}));
    QCOMPARE(values({.text = "established", .caseSensitive = true}), (QList<qint64>{}));
    QCOMPARE(values({.text = "^tcp .* ESTABLISHED$", .regex = true}), (QList<qint64>{8}));
    // A socket's own name, and the peer that names it.
    QCOMPARE(values({.text = "socket:[634792]"}), (QList<qint64>{8, 9}));
}

QTEST_GUILESS_MAIN(TestDescribe)
#include "tst_describe.moc"
