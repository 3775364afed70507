// SPDX-License-Identifier: MIT
// Peers (handlescope/peers.h) of hs_peer_helper's socketpair, pipe and loopback TCP
// connection: findPeers on the helper and on its child, and linkPeers on snapshots of both
// backends (procfs, bpf-iter) at both details. Every peer's pid, fd and process name is
// checked, and that nothing else is named.

#include "peer_helper.h"

#include "handlescope/describe.h"
#include "handlescope/inspect.h"
#include "handlescope/peers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

#include <csignal>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

using namespace hs;

namespace {

constexpr const char* kHelperName = "hs_peer_helper";
constexpr const char* kChildName = "hs_peer_child";

const HandleInfo* byValue(const std::vector<HandleInfo>& handles, HandleValue fd)
{
    for (const auto& h : handles)
        if (h.value == fd)
            return &h;
    return nullptr;
}

std::string peersText(const std::vector<PeerEnd>& peers)
{
    std::string out;
    for (const auto& p : peers)
        out += (out.empty() ? "" : ", ") + describePeer(p);
    return out.empty() ? "(none)" : out;
}

/// `fd` of `handles` has exactly one peer: `pid`'s fd `peerFd`, named `name`.
void expectOnePeer(const std::vector<HandleInfo>& handles, int fd, pid_t pid, int peerFd, const char* name)
{
    const HandleInfo* h = byValue(handles, fd);
    QVERIFY2(h, ("no fd " + std::to_string(fd)).c_str());
    const std::vector<PeerEnd> expected{{pid, peerFd, name}};
    QVERIFY2(h->peers == expected, ("fd " + std::to_string(fd) + ": " + peersText(h->peers) + ", expected " +
                                    peersText(expected)).c_str());
}

/// The helper's side and the child's side, as the tests below check them.
void expectHelperPeers(const hstest::PeerHelper& helper, const std::vector<HandleInfo>& handles)
{
    expectOnePeer(handles, helper.pairA, helper.pid(), helper.pairB, kHelperName);
    expectOnePeer(handles, helper.pairB, helper.pid(), helper.pairA, kHelperName);
    expectOnePeer(handles, helper.pipeRead, helper.child, helper.childPipeWrite, kChildName);
    expectOnePeer(handles, helper.tcpServer, helper.child, helper.childTcpClient, kChildName);
}

void expectChildPeers(const hstest::PeerHelper& helper, const std::vector<HandleInfo>& handles)
{
    expectOnePeer(handles, helper.childPipeWrite, helper.pid(), helper.pipeRead, kHelperName);
    expectOnePeer(handles, helper.childTcpClient, helper.pid(), helper.tcpServer, kHelperName);
}

} // namespace

class TestPeers : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_helperOwned = std::make_unique<hstest::PeerHelper>();
        const std::string why = m_helperOwned->start();
        QVERIFY2(why.empty(), why.c_str());
    }
    void cleanup() { m_helperOwned.reset(); }

    void findPeers_ofOneProcess()
    {
        auto handles = listHandles(m_helperOwned->pid(), Detail::Full);
        QVERIFY2(handles, handles ? "" : handles.error().message().c_str());
        auto found = findPeers(m_helperOwned->pid(), *handles);
        QVERIFY2(found, found ? "" : found.error().message().c_str());
        expectHelperPeers(*m_helperOwned, *handles);

        auto childHandles = listHandles(m_helperOwned->child, Detail::Full);
        QVERIFY2(childHandles, childHandles ? "" : childHandles.error().message().c_str());
        QVERIFY(findPeers(m_helperOwned->child, *childHandles));
        expectChildPeers(*m_helperOwned, *childHandles);
    }

    void findPeers_cancelled()
    {
        auto handles = listHandles(m_helperOwned->pid(), Detail::Full);
        QVERIFY(handles);
        auto token = CancelToken::create();
        token.cancel();
        auto found = findPeers(m_helperOwned->pid(), *handles, token);
        QVERIFY(!found);
        QVERIFY(isCancelled(found.error()));
    }

    void peerFinder_checksKnownHoldersAgain()
    {
        // A long interval: the second call must reuse the first search, not search again.
        PeerFinder finder(std::chrono::hours(1));
        auto handles = listHandles(m_helperOwned->pid(), Detail::Full);
        QVERIFY(handles);
        QVERIFY(finder.find(m_helperOwned->pid(), *handles));
        expectHelperPeers(*m_helperOwned, *handles);
        QVERIFY(finder.find(m_helperOwned->pid(), *handles));
        expectHelperPeers(*m_helperOwned, *handles);

        // The child's ends close when it dies: a reused result must not name them.
        QCOMPARE(::kill(m_helperOwned->child, SIGKILL), 0);
        const std::string fdPath = "/proc/" + std::to_string(m_helperOwned->child) + "/fd/" +
                                   std::to_string(m_helperOwned->childPipeWrite);
        QTRY_VERIFY_WITH_TIMEOUT(::access(fdPath.c_str(), F_OK) != 0, 5000);
        QVERIFY(finder.find(m_helperOwned->pid(), *handles));
        for (int fd : {m_helperOwned->pipeRead, m_helperOwned->tcpServer}) {
            const HandleInfo* h = byValue(*handles, fd);
            QVERIFY(h);
            QVERIFY2(h->peers.empty(), peersText(h->peers).c_str());
        }
        expectOnePeer(*handles, m_helperOwned->pairA, m_helperOwned->pid(), m_helperOwned->pairB, kHelperName);
    }

    void findPeers_namedFifo()
    {
        // A FIFO is a path: its holders are found by stat, not by link text. This process
        // holds it twice: read-write, and read-only (whose peer is the one that may write).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("fifo")));
        QCOMPARE(::mkfifo(path.constData(), 0600), 0);
        const int both = ::open(path.constData(), O_RDWR | O_CLOEXEC);
        const int reader = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(both >= 0 && reader >= 0);
        auto handles = listHandles(::getpid(), Detail::Full);
        QVERIFY(handles);
        auto found = findPeers(::getpid(), *handles);
        ::close(both);
        ::close(reader);
        QVERIFY2(found, found ? "" : found.error().message().c_str());
        const HandleInfo* b = byValue(*handles, both);
        const HandleInfo* r = byValue(*handles, reader);
        QVERIFY(b && r);
        QVERIFY(b->kind == HandleKind::Fifo && r->kind == HandleKind::Fifo);
        const std::vector<PeerEnd> readerEnd{{::getpid(), reader, "tst_peers"}};
        const std::vector<PeerEnd> bothEnd{{::getpid(), both, "tst_peers"}};
        QVERIFY2(b->peers == readerEnd, peersText(b->peers).c_str());
        QVERIFY2(r->peers == bothEnd, peersText(r->peers).c_str());
    }

    void linkPeers_snapshot_data()
    {
        QTest::addColumn<QByteArray>("backend");
        QTest::addColumn<bool>("full");
        for (const char* backend : {"procfs", "bpf-iter"})
            for (bool full : {false, true})
                QTest::addRow("%s %s", backend, full ? "full" : "fast") << QByteArray(backend) << full;
    }
    void linkPeers_snapshot()
    {
        QFETCH(QByteArray, backend);
        QFETCH(bool, full);
        qputenv("HANDLESCOPE_SNAPSHOT_BACKEND", backend);
        auto snapshot = takeSnapshot(full ? Detail::Full : Detail::Fast);
        qunsetenv("HANDLESCOPE_SNAPSHOT_BACKEND");
        if (!snapshot && backend == "bpf-iter")
            QSKIP(("the BPF iterator did not load: " + snapshot.error().message()).c_str());
        QVERIFY2(snapshot, snapshot ? "" : snapshot.error().message().c_str());
        QCOMPARE(QByteArray::fromStdString(snapshot->backend), backend);
        linkPeers(*snapshot);
        const ProcessHandles* helper = snapshot->findProcess(m_helperOwned->pid());
        const ProcessHandles* child = snapshot->findProcess(m_helperOwned->child);
        QVERIFY(helper && child);
        expectHelperPeers(*m_helperOwned, helper->handles);
        expectChildPeers(*m_helperOwned, child->handles);
    }

    void describeName_namesThePeer()
    {
        auto handles = listHandles(m_helperOwned->pid(), Detail::Full);
        QVERIFY(handles && findPeers(m_helperOwned->pid(), *handles));
        const HandleInfo* pipe = byValue(*handles, m_helperOwned->pipeRead);
        QVERIFY(pipe);
        const std::string suffix = std::string(" -> ") + kChildName + " (" + std::to_string(m_helperOwned->child) + ") fd " +
                                   std::to_string(m_helperOwned->childPipeWrite);
        QCOMPARE(QString::fromStdString(describeName(*pipe)), QString::fromStdString(pipe->name + suffix));
        // A UNIX peer named by its holder no longer shows its inode.
        const HandleInfo* pair = byValue(*handles, m_helperOwned->pairA);
        QVERIFY(pair);
        const std::string name = describeName(*pair);
        QVERIFY2(name.find("peer socket:[") == std::string::npos, name.c_str());
        QVERIFY2(name.ends_with(" -> " + std::string(kHelperName) + " (" + std::to_string(m_helperOwned->pid()) + ") fd " +
                                std::to_string(m_helperOwned->pairB)),
                 name.c_str());
    }

    void describeName_manyPeers()
    {
        HandleInfo h;
        h.kind = HandleKind::Fifo;
        h.name = "pipe:[7]";
        for (int i = 0; i < 5; ++i)
            h.peers.push_back({100 + i, 3, "sh"});
        QCOMPARE(QString::fromStdString(describeName(h)),
                 QStringLiteral("pipe:[7] -> sh (100) fd 3, sh (101) fd 3, sh (102) fd 3 +2 more"));
    }

private:
    /// Started again for every test: the peers of a fresh set of fds.
    std::unique_ptr<hstest::PeerHelper> m_helperOwned;
};

QTEST_GUILESS_MAIN(TestPeers)
#include "tst_peers.moc"
