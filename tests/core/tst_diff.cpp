// SPDX-License-Identifier: MIT
// tst_diff: snapshot diffs and summaries (handlescope/diff.h, summary.h) on hand-built
// snapshots: opened, closed, changed and reused values, processes that started, exited or
// reused a pid, the grouping into name patterns, and the summary's lists.

#include "handlescope/diff.h"
#include "handlescope/summary.h"

#include <QtTest/QTest>

#include <memory>
#include <string>

Q_DECLARE_METATYPE(hs::HandleInfo)

namespace {

using hs::HandleKind;

hs::HandleInfo file(hs::HandleValue fd, std::string path, std::uint64_t inode)
{
    hs::HandleInfo h;
    h.value = fd;
    h.kind = HandleKind::RegularFile;
    h.typeName = "REG";
    h.name = std::move(path);
    h.object = {.device = 0x801, .inode = inode};
    return h;
}

hs::HandleInfo socketTo(hs::HandleValue fd, std::uint64_t inode, std::string local, std::string remote,
                        std::string state = "ESTABLISHED")
{
    hs::HandleInfo h;
    h.value = fd;
    h.kind = HandleKind::Socket;
    h.typeName = "socket";
    h.name = "socket:[" + std::to_string(inode) + "]";
    h.object = {.device = 9, .inode = inode};
    h.socket = std::make_shared<const hs::SocketInfo>(
        hs::SocketInfo{"inet", "tcp", std::move(local), std::move(remote), std::move(state), 0});
    return h;
}

hs::ProcessHandles process(hs::Pid pid, std::uint64_t start, std::vector<hs::HandleInfo> handles)
{
    hs::ProcessHandles p;
    p.process.pid = pid;
    p.process.startTime = start;
    p.process.name = "proc" + std::to_string(pid);
    p.handles = std::move(handles);
    return p;
}

QString qs(const std::string& s) { return QString::fromStdString(s); }
/// Enums compared as their names: QCOMPARE prints them when they differ.
QString name(hs::Change c) { return QString::fromUtf8(hs::toString(c).data(), static_cast<int>(hs::toString(c).size())); }
QString name(hs::HandleKind k) { return QString::fromUtf8(hs::toString(k).data(), static_cast<int>(hs::toString(k).size())); }

} // namespace

class TestDiff : public QObject {
    Q_OBJECT

private slots:
    void patterns_data()
    {
        QTest::addColumn<hs::HandleInfo>("handle");
        QTest::addColumn<QString>("expected");
        QTest::newRow("numbered file") << file(3, "/tmp/job-17/out.log", 1) << "/tmp/job-*/out.log";
        auto gone = file(3, "/tmp/cache.12", 1);
        gone.deleted = true;
        QTest::newRow("deleted") << gone << "/tmp/cache.* (deleted)";
        QTest::newRow("tcp connection: the far end") << socketTo(3, 5, "10.0.0.2:40112", "10.0.0.5:443")
                                                     << "tcp -> 10.0.0.5:443";
        QTest::newRow("tcp listener: its port") << socketTo(3, 5, "0.0.0.0:8080", "", "LISTEN") << "tcp LISTEN 0.0.0.0:8080";
        auto udp = socketTo(3, 5, "127.0.0.1:51234", "", "UNCONNECTED");
        udp.socket = std::make_shared<const hs::SocketInfo>(hs::SocketInfo{"inet", "udp", "127.0.0.1:51234", "", "UNCONNECTED", 0});
        QTest::newRow("udp: ephemeral port starred") << udp << "udp 127.0.0.1:*";
        auto unix = socketTo(3, 5, "", "");
        unix.socket = std::make_shared<const hs::SocketInfo>(hs::SocketInfo{"unix", "stream", "", "/run/user/1000/bus", "CONNECTED", 6});
        QTest::newRow("unix client") << unix << "unix stream -> /run/user/*/bus";
        auto untabled = socketTo(3, 5, "", "");
        untabled.socket = std::make_shared<const hs::SocketInfo>(hs::SocketInfo{"unknown", "unknown", "", "", "", 0});
        QTest::newRow("socket in no table") << untabled << "socket (endpoint unknown)";
        hs::HandleInfo pipe;
        pipe.kind = HandleKind::Fifo;
        pipe.name = "pipe:[4242]";
        QTest::newRow("pipe") << pipe << "pipe";
        hs::HandleInfo eventfd;
        eventfd.kind = HandleKind::EventFd;
        eventfd.name = "anon_inode:[eventfd]";
        QTest::newRow("eventfd") << eventfd << "anon_inode:[eventfd]";
        hs::HandleInfo memfd;
        memfd.kind = HandleKind::MemFd;
        memfd.name = "/memfd:buffer-3";
        QTest::newRow("memfd") << memfd << "memfd:buffer-*";
        hs::HandleInfo nameless;
        nameless.kind = HandleKind::Event;
        QTest::newRow("no name: the kind") << nameless << "event";
    }

    void patterns()
    {
        QFETCH(hs::HandleInfo, handle);
        QFETCH(QString, expected);
        QCOMPARE(qs(hs::namePattern(handle)), expected);
    }

    void openedClosedChangedAndReused()
    {
        hs::Snapshot a;
        a.processes.push_back(process(10, 100,
                                      {file(3, "/tmp/a", 1), file(4, "/tmp/b", 2), file(5, "/tmp/c", 3),
                                       socketTo(6, 50, "10.0.0.2:1", "10.0.0.5:443")}));
        hs::Snapshot b;
        auto renamed = file(4, "/tmp/b.old", 2); // same object, another name
        auto reused = file(5, "/tmp/z", 9);      // value 5 now names another file
        b.processes.push_back(process(10, 100,
                                      {file(3, "/tmp/a", 1), renamed, reused,
                                       socketTo(6, 50, "10.0.0.2:1", "10.0.0.5:443"), file(7, "/tmp/job-1", 11),
                                       file(8, "/tmp/job-2", 12), file(9, "/tmp/job-3", 13)}));
        const auto d = hs::diffSnapshots(a, b);
        QCOMPARE(d.opened, 4);  // 7, 8, 9 and the reused 5
        QCOMPARE(d.closed, 1);  // the old 5
        QCOMPARE(d.changed, 1); // 4 renamed
        QCOMPARE(d.handles.size(), std::size_t(6));
        // By value: 4 changed, 5 closed then opened, 7, 8, 9 opened.
        QCOMPARE(name(d.handles[0].change), name(hs::Change::Changed));
        QCOMPARE(d.handles[0].before.name, std::string("/tmp/b"));
        QCOMPARE(d.handles[0].after.name, std::string("/tmp/b.old"));
        QCOMPARE(d.handles[0].changedFields, std::vector<std::string>{"name"});
        QCOMPARE(name(d.handles[1].change), name(hs::Change::Closed));
        QCOMPARE(d.handles[1].before.name, std::string("/tmp/c"));
        QCOMPARE(name(d.handles[2].change), name(hs::Change::Opened));
        QCOMPARE(d.handles[2].after.value, 5);
        QCOMPARE(d.handles[2].after.name, std::string("/tmp/z"));
        for (int i = 3; i < 6; ++i) {
            QCOMPARE(name(d.handles[static_cast<std::size_t>(i)].change), name(hs::Change::Opened));
            QCOMPARE(d.handles[static_cast<std::size_t>(i)].pid, 10);
            QCOMPARE(d.handles[static_cast<std::size_t>(i)].processName, std::string("proc10"));
        }
        // The three job files are one group, the largest.
        QVERIFY(!d.groups.empty());
        QCOMPARE(name(d.groups[0].change), name(hs::Change::Opened));
        QCOMPARE(name(d.groups[0].kind), name(HandleKind::RegularFile));
        QCOMPARE(d.groups[0].pattern, std::string("/tmp/job-*"));
        QCOMPARE(d.groups[0].count, 3);
        QCOMPARE(d.groups[0].example, std::string("/tmp/job-1"));
        QCOMPARE(d.groups[0].pids, std::vector<hs::Pid>{10});
        QCOMPARE(d.groups.size(), std::size_t(4)); // jobs, /tmp/z opened, /tmp/c closed, /tmp/b changed
        QVERIFY(d.processesStarted.empty());
        QVERIFY(d.processesExited.empty());
    }

    void socketStateAndFlagsAreChanges()
    {
        hs::Snapshot a;
        auto h = file(3, "/tmp/a", 1);
        h.openFlags = 02;
        h.inheritable = true;
        a.processes.push_back(process(1, 1, {h, socketTo(4, 7, "10.0.0.2:1", "10.0.0.5:443")}));
        hs::Snapshot b;
        auto h2 = h;
        h2.openFlags = 04002; // O_NONBLOCK set
        h2.inheritable = false;
        h2.offset = 99; // an offset is not a change
        b.processes.push_back(process(1, 1, {h2, socketTo(4, 7, "10.0.0.2:1", "10.0.0.5:443", "CLOSE_WAIT")}));
        const auto d = hs::diffSnapshots(a, b);
        QCOMPARE(d.changed, 2);
        QCOMPARE(d.handles[0].changedFields, (std::vector<std::string>{"flags", "inheritable"}));
        QCOMPARE(d.handles[1].changedFields, std::vector<std::string>{"socket"});
    }

    void offsetsAloneAreNoChange()
    {
        hs::Snapshot a;
        auto h = file(3, "/var/log/x.log", 1);
        h.offset = 10;
        a.processes.push_back(process(1, 1, {h}));
        hs::Snapshot b = a;
        b.processes[0].handles[0].offset = 5000;
        const auto d = hs::diffSnapshots(a, b);
        QCOMPARE(d.handles.size(), std::size_t(0));
        QCOMPARE(d.groups.size(), std::size_t(0));
    }

    void processesStartedExitedAndPidReuse()
    {
        hs::Snapshot a;
        a.processes.push_back(process(20, 500, {file(3, "/x", 1)}));
        a.processes.push_back(process(21, 600, {file(3, "/y", 2), file(4, "/z", 3)}));
        hs::Snapshot b;
        b.processes.push_back(process(20, 999, {file(3, "/x", 1)})); // pid 20 reused by a new process
        b.processes.push_back(process(22, 700, {}));
        const auto d = hs::diffSnapshots(a, b);
        QCOMPARE(d.handles.size(), std::size_t(0)); // no process is in both
        QCOMPARE(d.processesExited.size(), std::size_t(2));
        QCOMPARE(d.processesExited[0].process.pid, 20);
        QCOMPARE(d.processesExited[1].process.pid, 21);
        QCOMPARE(d.processesExited[1].handles, 2);
        QCOMPARE(d.processesStarted.size(), std::size_t(2));
        QCOMPARE(d.processesStarted[0].process.startTime, std::uint64_t(999));
        QCOMPARE(d.processesStarted[1].process.pid, 22);
    }

    void onePidOnly()
    {
        hs::Snapshot a;
        a.processes.push_back(process(1, 1, {}));
        a.processes.push_back(process(2, 1, {}));
        hs::Snapshot b;
        b.processes.push_back(process(1, 1, {file(3, "/a", 1)}));
        b.processes.push_back(process(2, 1, {file(3, "/b", 2)}));
        const auto d = hs::diffSnapshots(a, b, {.pid = 2});
        QCOMPARE(d.opened, 1);
        QCOMPARE(d.handles[0].pid, 2);
        QCOMPARE(d.handles[0].after.name, std::string("/b"));
    }

    void anonymousInodesShareOneInode()
    {
        // Every eventfd has the same inode: the value alone says whether it is the same one.
        hs::HandleInfo e;
        e.value = 5;
        e.kind = HandleKind::EventFd;
        e.name = "anon_inode:[eventfd]";
        e.object = {.device = 14, .inode = 2052, .sharedInode = true};
        hs::Snapshot a;
        a.processes.push_back(process(1, 1, {e}));
        hs::Snapshot b = a;
        QCOMPARE(hs::diffSnapshots(a, b).handles.size(), std::size_t(0));
        b.processes[0].handles[0].kind = HandleKind::Epoll;
        b.processes[0].handles[0].name = "anon_inode:[eventpoll]";
        const auto d = hs::diffSnapshots(a, b);
        QCOMPARE(d.closed, 1);
        QCOMPARE(d.opened, 1);
    }

    void summary()
    {
        hs::Snapshot s;
        s.processes.push_back(process(1, 1,
                                      {file(3, "/var/log/nginx/a.log", 1), file(4, "/var/log/nginx/b.log", 2),
                                       file(5, "/tmp/job-1", 3), file(6, "/tmp/job-2", 4),
                                       socketTo(7, 8, "10.0.0.2:1", "10.0.0.5:443"),
                                       socketTo(8, 9, "10.0.0.2:2", "10.0.0.5:443")}));
        s.processes.push_back(process(2, 1, {file(3, "/tmp/job-3", 5)}));
        const auto all = hs::summarize(s, {}, 2);
        QCOMPARE(all.processes, 2);
        QCOMPARE(all.handles, 7);
        QCOMPARE(all.perKind[static_cast<std::size_t>(HandleKind::RegularFile)], 5);
        QCOMPARE(all.perKind[static_cast<std::size_t>(HandleKind::Socket)], 2);
        QCOMPARE(all.topNames.size(), std::size_t(2)); // cut to `top`
        QCOMPARE(all.topNames[0].name, std::string("/tmp/job-*"));
        QCOMPARE(all.topNames[0].count, 3);
        QCOMPARE(all.topNames[1].name, std::string("tcp -> 10.0.0.5:443"));
        QCOMPARE(all.topNames[1].count, 2);
        QCOMPARE(all.perDirectory[0].name, std::string("/tmp"));
        QCOMPARE(all.perDirectory[0].count, 3);
        QCOMPARE(all.perDirectory[1].name, std::string("/var/log/nginx"));
        QCOMPARE(all.perDirectory[1].count, 2);
        QCOMPARE(all.perEndpoint.size(), std::size_t(1));
        QCOMPARE(all.perEndpoint[0].name, std::string("inet tcp -> 10.0.0.5:443"));
        QCOMPARE(all.perEndpoint[0].count, 2);
        QCOMPARE(all.topProcesses[0].name, std::string("proc1 (1)"));
        QCOMPARE(all.topProcesses[0].count, 6);
        const auto one = hs::summarize(s, 2);
        QCOMPARE(one.processes, 1);
        QCOMPARE(one.handles, 1);
        QCOMPARE(one.topNames[0].example, std::string("/tmp/job-3"));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
