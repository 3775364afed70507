// SPDX-License-Identifier: MIT
// Every field the core reports for each fd of hs_fd_helper, checked against what the
// test itself knows (the helper's layout, fd_layout.h) and measures (stat of /proc/PID/fd/N).

#include "child.h"
#include "fd_layout.h"

#include "handlescope/describe.h"
#include "handlescope/find.h"
#include "handlescope/inspect.h"

#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

using namespace hs;
namespace layout = hstest::layout;

namespace {

const HandleInfo* byValue(const std::vector<HandleInfo>& handles, HandleValue fd)
{
    auto it = std::find_if(handles.begin(), handles.end(), [fd](const HandleInfo& h) { return h.value == fd; });
    return it == handles.end() ? nullptr : &*it;
}

ObjectId statFd(qint64 pid, int fd)
{
    struct stat st {};
    const std::string path = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
    if (::stat(path.c_str(), &st) != 0)
        return {};
    return {st.st_dev, st.st_ino};
}

std::string extra(const HandleInfo& h, const std::string& key)
{
    for (const auto& [k, v] : h.extras)
        if (k == key)
            return v;
    return "<missing " + key + ">";
}

using Pairs = std::vector<std::pair<Pid, HandleValue>>; // (pid, fd) of holders

Pairs sorted(Pairs pairs)
{
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

QString text(const Pairs& pairs) // "pid:fd pid:fd", for readable failures
{
    QStringList out;
    for (const auto& [pid, fd] : pairs)
        out << QStringLiteral("%1:%2").arg(pid).arg(fd);
    return out.join(QLatin1Char(' '));
}

bool hasFlag(const HandleInfo& h, const char* flag)
{
    if (!h.openFlags)
        return false;
    const auto names = openFlagNames(*h.openFlags);
    return std::find(names.begin(), names.end(), std::string_view(flag)) != names.end();
}

} // namespace

class TestHandles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::string started = m_helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        m_dir = QString::fromStdString(m_helper.helper().dir);
        auto handles = listHandles(m_helper.pid(), Detail::Full);
        QVERIFY2(handles.has_value(), handles ? "" : handles.error().message().c_str());
        m_handles = std::move(*handles);
    }

    void everyHelperFdIsListed()
    {
        for (int fd = layout::kFirstFd; fd <= layout::kLastFd; ++fd)
            QVERIFY2(byValue(m_handles, fd), qPrintable(QStringLiteral("fd %1 missing").arg(fd)));
        // Sorted by value, no duplicates.
        QVERIFY(std::is_sorted(m_handles.begin(), m_handles.end(),
                               [](const HandleInfo& a, const HandleInfo& b) { return a.value < b.value; }));
        QVERIFY(std::adjacent_find(m_handles.begin(), m_handles.end(), [](const HandleInfo& a, const HandleInfo& b) {
                    return a.value == b.value;
                }) == m_handles.end());
    }

    void kindNameModeInheritOffset_data()
    {
        QTest::addColumn<int>("fd");
        for (const layout::FdSpec& spec : layout::kFds)
            QTest::newRow(std::string(spec.tag).c_str()) << static_cast<int>(spec.fd);
    }

    void kindNameModeInheritOffset()
    {
        QFETCH(int, fd);
        const layout::FdSpec& spec = layout::spec(static_cast<layout::Fd>(fd));
        const HandleInfo* h = byValue(m_handles, fd);
        QVERIFY(h);
        QCOMPARE(QString::fromStdString(std::string(toString(h->kind))), QString::fromStdString(std::string(spec.kind)));
        if (!spec.name.empty()) // "$D" = the helper's temp dir; empty = varies, not checked
            QCOMPARE(QString::fromStdString(h->name),
                     QString::fromStdString(std::string(spec.name)).replace(QLatin1String("$D"), m_dir));
        QCOMPARE(QString::fromStdString(std::string(toString(h->access))), QString::fromStdString(std::string(spec.access)));
        QVERIFY(h->inheritable.has_value());
        QCOMPARE(*h->inheritable, spec.inheritable);
        QCOMPARE(h->offset.has_value(), spec.offset >= 0);
        if (spec.offset >= 0)
            QCOMPARE(static_cast<qint64>(*h->offset), static_cast<qint64>(spec.offset));
        QCOMPARE(h->deleted, spec.deleted);
        QVERIFY2(h->partialError.empty(), h->partialError.c_str());
        // Identity: what stat() through the fd link says, for every kind.
        const ObjectId expected = statFd(m_helper.pid(), fd);
        QVERIFY(expected.valid());
        QCOMPARE(h->object.device, expected.device);
        QCOMPARE(h->object.inode, expected.inode);
    }

    void openFlags()
    {
        QVERIFY(hasFlag(*byValue(m_handles, layout::AppendNoCloexec), "O_APPEND"));
        QVERIFY(hasFlag(*byValue(m_handles, layout::AppendNoCloexec), "O_WRONLY"));
        QVERIFY(!hasFlag(*byValue(m_handles, layout::AppendNoCloexec), "O_CLOEXEC"));
        QVERIFY(hasFlag(*byValue(m_handles, layout::PipeWrite), "O_NONBLOCK"));
        QVERIFY(!hasFlag(*byValue(m_handles, layout::PipeRead), "O_NONBLOCK"));
        QVERIFY(hasFlag(*byValue(m_handles, layout::Dir), "O_DIRECTORY"));
        QVERIFY(hasFlag(*byValue(m_handles, layout::File), "O_CLOEXEC"));
    }

    void pipeEndsShareOneObject()
    {
        QCOMPARE(QString::fromStdString(hs::toString(byValue(m_handles, layout::PipeRead)->object)),
                 QString::fromStdString(hs::toString(byValue(m_handles, layout::PipeWrite)->object)));
        QCOMPARE(byValue(m_handles, layout::PipeRead)->name, byValue(m_handles, layout::PipeWrite)->name);
        QVERIFY(QString::fromStdString(byValue(m_handles, layout::PipeRead)->name).startsWith(QLatin1String("pipe:[")));
    }

    void socketEndpoints()
    {
        const QString port = QString::number(m_helper.helper().tcpPort);
        const auto* listen = byValue(m_handles, layout::TcpListen);
        const auto* client = byValue(m_handles, layout::TcpClient);
        const auto* server = byValue(m_handles, layout::TcpServer);
        QVERIFY(listen->socket && client->socket && server->socket);
        QCOMPARE(QString::fromStdString(listen->socket->family), QStringLiteral("inet"));
        QCOMPARE(QString::fromStdString(listen->socket->protocol), QStringLiteral("tcp"));
        QCOMPARE(QString::fromStdString(listen->socket->localAddress), QStringLiteral("127.0.0.1:") + port);
        QCOMPARE(QString::fromStdString(listen->socket->state), QStringLiteral("LISTEN"));
        QVERIFY(listen->socket->remoteAddress.empty());
        QCOMPARE(QString::fromStdString(client->socket->remoteAddress), QStringLiteral("127.0.0.1:") + port);
        QCOMPARE(QString::fromStdString(client->socket->state), QStringLiteral("ESTABLISHED"));
        QCOMPARE(server->socket->localAddress, listen->socket->localAddress);
        QCOMPARE(server->socket->remoteAddress, client->socket->localAddress);

        const auto* udp = byValue(m_handles, layout::Udp);
        QVERIFY(udp->socket);
        QCOMPARE(QString::fromStdString(udp->socket->protocol), QStringLiteral("udp"));
        QCOMPARE(QString::fromStdString(udp->socket->localAddress), QStringLiteral("127.0.0.1:%1").arg(m_helper.helper().udpPort));
        QCOMPARE(QString::fromStdString(udp->socket->state), QStringLiteral("UNCONNECTED"));

        const auto* a = byValue(m_handles, layout::PairA);
        const auto* b = byValue(m_handles, layout::PairB);
        QVERIFY(a->socket && b->socket);
        QCOMPARE(QString::fromStdString(a->socket->family), QStringLiteral("unix"));
        QCOMPARE(QString::fromStdString(a->socket->protocol), QStringLiteral("stream"));
        QCOMPARE(a->socket->peerInode, b->object.inode);
        QCOMPARE(b->socket->peerInode, a->object.inode);

        const auto* unixListen = byValue(m_handles, layout::UnixListen);
        QVERIFY(unixListen->socket);
        QCOMPARE(QString::fromStdString(unixListen->socket->localAddress), m_dir + QLatin1Char('/') + QString::fromStdString(std::string(layout::kSocketName)));
        QCOMPARE(QString::fromStdString(unixListen->socket->state), QStringLiteral("LISTEN"));
    }

    void typeSpecificExtras()
    {
        QCOMPARE(extra(*byValue(m_handles, layout::EventFd), "count"), std::to_string(layout::kEventFdCount));
        QCOMPARE(extra(*byValue(m_handles, layout::TimerFd), "it_interval"),
                 std::to_string(layout::kTimerIntervalSeconds) + ".000000000s");
        QCOMPARE(extra(*byValue(m_handles, layout::TimerFd), "clockid"), std::string("1")); // CLOCK_MONOTONIC
        const auto* epoll = byValue(m_handles, layout::Epoll);
        QVERIFY(extra(*epoll, "watch fd " + std::to_string(layout::PipeRead)).rfind("<missing", 0) != 0);
        QVERIFY(extra(*epoll, "watch fd " + std::to_string(layout::EventFd)).rfind("<missing", 0) != 0);
        QVERIFY(extra(*byValue(m_handles, layout::Inotify), "watch 1").rfind("<missing", 0) != 0);
        QCOMPARE(byValue(m_handles, layout::PidFd)->referencedPid, static_cast<Pid>(m_helper.pid()));
        QVERIFY(extra(*byValue(m_handles, layout::SignalFd), "sigmask").rfind("<missing", 0) != 0);
    }

    void oneHandleMatchesTheList()
    {
        auto h = handleInfo(m_helper.pid(), layout::File);
        QVERIFY(h.has_value());
        QVERIFY(*h == *byValue(m_handles, layout::File));
        auto missing = handleInfo(m_helper.pid(), 99);
        QVERIFY(!missing.has_value());
        QCOMPARE(QString::fromStdString(missing.error().osName), QStringLiteral("EBADF"));
        QCOMPARE(missing.error().handle, 99);
        QVERIFY(!missing.error().hint.empty());
    }

    // A socket read alone resolves as in the whole list (its table is built for it only).
    void oneSocketMatchesTheList()
    {
        for (int fd : {layout::TcpListen, layout::TcpClient, layout::Udp, layout::UnixListen, layout::PairA}) {
            auto h = handleInfo(m_helper.pid(), fd);
            QVERIFY(h.has_value());
            QVERIFY(h->socket);
            QCOMPARE(h->socket->family, byValue(m_handles, fd)->socket->family);
            QVERIFY(*h == *byValue(m_handles, fd));
        }
    }

    // A process read alone builds table entries for its own sockets only; the peer of a
    // UNIX client is then a socket of another process, whose name must still be found.
    void unixPeerHeldByAnotherProcess()
    {
        const std::string path = m_helper.helper().dir + "/peer-elsewhere.sock";
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
        const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(listener >= 0);
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(listener, 1) == 0);
        const int client = ::socket(AF_UNIX, SOCK_STREAM, 0); // inherited by the child below
        QVERIFY(client >= 0);
        QVERIFY(::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const int accepted = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(accepted >= 0);
        const std::uint64_t acceptedInode = statFd(::getpid(), accepted).inode;

        hstest::Child child;
        hstest::Spawn spec;
        spec.argv = {"sleep", "30"};
        spec.passFds = {{client, 40}};
        std::string started = child.start(spec);
        QVERIFY2(started.empty(), started.c_str());
        started = child.waitForExec("sleep");
        QVERIFY2(started.empty(), started.c_str());
        ::close(client);
        auto handles = listHandles(child.pid(), Detail::Full);
        child.kill();
        ::close(accepted);
        ::close(listener);
        ::unlink(path.c_str());

        QVERIFY(handles.has_value());
        const HandleInfo* h = byValue(*handles, 40);
        QVERIFY(h && h->socket);
        QCOMPARE(QString::fromStdString(h->socket->family), QStringLiteral("unix"));
        QCOMPARE(QString::fromStdString(h->socket->state), QStringLiteral("CONNECTED"));
        QVERIFY(h->socket->localAddress.empty()); // the client was never bound
        QCOMPARE(QString::fromStdString(h->socket->remoteAddress), QString::fromStdString(path));
        QCOMPARE(h->socket->peerInode, acceptedInode);
    }

    void processFields()
    {
        auto p = processInfo(m_helper.pid());
        QVERIFY(p.has_value());
        QCOMPARE(QString::fromStdString(p->name), QStringLiteral("hs_fd_helper"));
        QCOMPARE(p->parentPid, static_cast<Pid>(::getpid()));
        QCOMPARE(p->uid, static_cast<std::int64_t>(::getuid()));
        QCOMPARE(QString::fromStdString(p->executable), QString::fromStdString(hstest::fdHelperPath()));
        QCOMPARE(QString::fromStdString(p->commandLine), QString::fromStdString(hstest::fdHelperPath()));
        QCOMPARE(QString::fromStdString(std::string(hs::toString(p->state))), QStringLiteral("sleeping"));
        QVERIFY(!p->accessError);
        // Handle count: what the directory holds right now.
        const QString fdDir = QStringLiteral("/proc/%1/fd").arg(m_helper.pid());
        std::int64_t entries = 0;
        for (const auto& e : std::filesystem::directory_iterator(fdDir.toStdString()))
            (void)e, ++entries;
        QCOMPARE(p->handleCount, entries);
        // Start time: field 22 of /proc/PID/stat.
        std::ifstream stat("/proc/" + std::to_string(m_helper.pid()) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        std::istringstream rest(text.substr(text.rfind(')') + 2));
        std::string field;
        for (int i = 3; i <= 22; ++i)
            rest >> field;
        QCOMPARE(p->startTime, std::stoull(field));
        QVERIFY(p->key() == (ProcessKey{m_helper.pid(), std::stoull(field)}));
    }

    void snapshotAgreesWithListing()
    {
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        const ProcessHandles* mine = snap->findProcess(m_helper.pid());
        QVERIFY(mine);
        QVERIFY(snap->findProcess(::getpid()));
        for (int fd = layout::kFirstFd; fd <= layout::kLastFd; ++fd) {
            const HandleInfo* fast = byValue(mine->handles, fd);
            const HandleInfo* full = byValue(m_handles, fd);
            QVERIFY(fast && full);
            QCOMPARE(static_cast<int>(fast->kind), static_cast<int>(full->kind));
            QCOMPARE(fast->name, full->name);
            QCOMPARE(bool(fast->socket), bool(full->socket));
            if (fast->socket)
                QVERIFY(*fast->socket == *full->socket);
            if (fast->object.valid()) // anonymous inodes are only stat'ed in Full detail
                QVERIFY(fast->object == full->object);
            QVERIFY(!fast->inheritable.has_value()); // Fast reads no fdinfo
        }
        QCOMPARE(mine->process.handleCount, static_cast<std::int64_t>(mine->handles.size()));
    }

    // A token cancelled before the call: every read says so, and reads nothing.
    void cancelledBeforeTheCall()
    {
        const CancelToken cancel = CancelToken::create();
        cancel.cancel();
        auto processes = listProcesses(cancel);
        QVERIFY(!processes.has_value());
        QVERIFY(isCancelled(processes.error()));
        QCOMPARE(QString::fromStdString(processes.error().operation), QStringLiteral("list processes"));
        auto handles = listHandles(m_helper.pid(), Detail::Full, cancel);
        QVERIFY(!handles.has_value());
        QVERIFY(isCancelled(handles.error()));
        QCOMPARE(QString::fromStdString(handles.error().operation), QStringLiteral("read handles"));
        auto snap = takeSnapshot(Detail::Fast, cancel);
        QVERIFY(!snap.has_value());
        QVERIFY(isCancelled(snap.error()));
        QCOMPARE(QString::fromStdString(snap.error().operation), QStringLiteral("take snapshot"));
        auto holders = findHolders(byValue(m_handles, layout::File)->object, cancel);
        QVERIFY(!holders.has_value());
        QVERIFY(isCancelled(holders.error()));
        // Other errors are not cancellations; a default token never cancels.
        QVERIFY(!isCancelled(listHandles(-5).error()));
        CancelToken never;
        never.cancel();
        QVERIFY(!never.cancelled());
        QVERIFY(listHandles(m_helper.pid(), Detail::Fast, never).has_value());
    }

    // Cancelled from another thread while a snapshot of the machine runs: an error, not a
    // snapshot with processes missing. The snapshot is made long (this process holds up to
    // 20,000 more fds, read in Full detail) and is cancelled once its threads have started.
    void cancelledDuringASnapshot()
    {
        rlimit limit{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
        const rlimit original = limit;
        limit.rlim_cur = limit.rlim_max;
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
        const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(devnull >= 0);
        std::vector<int> extra;
        const rlim_t wanted = std::min<rlim_t>(20000, limit.rlim_max > 512 ? limit.rlim_max - 512 : 0);
        while (extra.size() < wanted) {
            const int fd = ::fcntl(devnull, F_DUPFD_CLOEXEC, 0);
            if (fd < 0)
                break;
            extra.push_back(fd);
        }
        if (extra.size() < 5000) {
            for (int fd : extra)
                ::close(fd);
            ::close(devnull);
            ::setrlimit(RLIMIT_NOFILE, &original);
            QSKIP("RLIMIT_NOFILE lets this process hold too few fds to make a long snapshot");
        }

        auto threadCount = [] {
            return std::distance(std::filesystem::directory_iterator("/proc/self/task"), std::filesystem::directory_iterator());
        };
        const auto threadsBefore = threadCount();
        std::optional<Result<Snapshot>> snap;
        // Through /proc, which reads the 5,000 fds one by one: the BPF iterator reads them in
        // a few milliseconds and can be done before the cancel lands. On a quiet machine /proc
        // can finish first too: a whole snapshot is then not a failure, only a lost race, and
        // the test tries again; a cancel that is ignored fails every try.
        qputenv("HANDLESCOPE_SNAPSHOT_BACKEND", "procfs");
        for (int attempt = 0; attempt < 5; ++attempt) {
            const CancelToken cancel = CancelToken::create();
            snap.reset();
            std::thread reader([&] { snap = takeSnapshot(Detail::Full, cancel); });
            // The reader, then the snapshot's socket loader (and walkers): the walk has begun.
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (threadCount() < threadsBefore + 2 && std::chrono::steady_clock::now() < deadline)
                std::this_thread::yield();
            cancel.cancel();
            reader.join();
            if (snap && !snap->has_value())
                break;
        }
        qunsetenv("HANDLESCOPE_SNAPSHOT_BACKEND");

        for (int fd : extra)
            ::close(fd);
        ::close(devnull);
        ::setrlimit(RLIMIT_NOFILE, &original);
        QVERIFY(snap.has_value());
        QVERIFY(!snap->has_value());
        QVERIFY(isCancelled(snap->error()));
        QCOMPARE(QString::fromStdString(snap->error().operation), QStringLiteral("take snapshot"));
    }

    void findByTextRegexAndKind()
    {
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        auto hits = findHandles(*snap, {.text = "HS-MEMFD"}); // case-insensitive by default
        QVERIFY(hits.has_value());
        auto mine = std::count_if(hits->begin(), hits->end(), [&](const FindHit& h) { return h.process->pid == m_helper.pid(); });
        QCOMPARE(mine, 1);
        auto re = findHandles(*snap, {.text = "^" + m_helper.helper().dir + "/(data|append)\\.(txt|log)$", .regex = true});
        QVERIFY(re.has_value());
        QCOMPARE(re->size(), std::size_t(2));
        auto events = findHandles(*snap, {.kind = HandleKind::EventFd});
        QVERIFY(events.has_value());
        QVERIFY(std::any_of(events->begin(), events->end(),
                            [&](const FindHit& h) { return h.process->pid == m_helper.pid() && h.handle->value == layout::EventFd; }));
        QVERIFY(std::all_of(events->begin(), events->end(), [](const FindHit& h) { return h.handle->kind == HandleKind::EventFd; }));
        auto bad = findHandles(*snap, {.text = "([", .regex = true});
        QVERIFY(!bad.has_value());
        QVERIFY(!bad.error().hint.empty());
    }

    // Known objects of the helper, some also held by this process or a second helper:
    // the holders found, with and without a snapshot, are exactly these.
    void holdersOfKnownObjects()
    {
        hstest::Child secondHelper;
        const std::string started = secondHelper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        const Pid helper = m_helper.pid();
        const Pid second = secondHelper.pid();
        const Pid self = ::getpid();
        // This process reopens the helper's pipe (through /proc, the same pipe) and opens
        // its data file: objects held by two processes.
        const std::string pipePath = "/proc/" + std::to_string(helper) + "/fd/" + std::to_string(layout::PipeRead);
        const int myPipe = ::open(pipePath.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(myPipe >= 0);
        const std::string dataPath = m_helper.helper().dir + "/" + std::string(layout::kFileName);
        const int myData = ::open(dataPath.c_str(), O_RDONLY | O_CLOEXEC);
        QVERIFY(myData >= 0);
        auto devnull = objectIdOfPath("/dev/null");
        QVERIFY(devnull.has_value());

        struct Case {
            const char* what;
            ObjectId object;
            Pairs expected; // sorted by pid, then value
        };
        const std::vector<Case> cases{
            {"pipe", byValue(m_handles, layout::PipeRead)->object,
             sorted({{helper, layout::PipeRead}, {helper, layout::PipeWrite}, {self, myPipe}})},
            {"socketpair end a", byValue(m_handles, layout::PairA)->object, {{helper, layout::PairA}}},
            {"socketpair end b", byValue(m_handles, layout::PairB)->object, {{helper, layout::PairB}}},
            {"tcp listener", byValue(m_handles, layout::TcpListen)->object, {{helper, layout::TcpListen}}},
            {"file", byValue(m_handles, layout::File)->object, sorted({{helper, layout::File}, {self, myData}})},
            {"deleted file", byValue(m_handles, layout::Deleted)->object, {{helper, layout::Deleted}}},
            {"directory", byValue(m_handles, layout::Dir)->object, {{helper, layout::Dir}}},
        };
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        const HolderIndex index(*snap);
        for (const auto& c : cases) {
            QVERIFY2(c.object.valid(), c.what);
            Pairs indexed;
            for (const FindHit& hit : index.holders(c.object)) {
                indexed.emplace_back(hit.process->pid, hit.handle->value);
                QVERIFY2(hit.handle->object == c.object, c.what);
            }
            QCOMPARE(text(indexed), text(c.expected));

            auto found = findHolders(c.object);
            QVERIFY2(found.has_value(), found ? c.what : found.error().message().c_str());
            Pairs onDemand;
            for (const Holder& h : *found) {
                onDemand.emplace_back(h.process.pid, h.handle.value);
                QVERIFY2(h.handle.object == c.object, c.what);
                const HandleInfo* listed = h.process.pid == helper ? byValue(m_handles, h.handle.value) : nullptr;
                if (listed) { // what a listing says of the same fd
                    QCOMPARE(h.handle.name, listed->name);
                    QCOMPARE(static_cast<int>(h.handle.kind), static_cast<int>(listed->kind));
                }
            }
            QCOMPARE(text(onDemand), text(c.expected));
        }
        // A holder names its process by (pid, start time) and name.
        auto pipeHolders = findHolders(byValue(m_handles, layout::PipeRead)->object);
        QVERIFY(pipeHolders.has_value());
        const auto helperInfo = processInfo(helper);
        QVERIFY(helperInfo.has_value());
        const auto ofHelper = std::find_if(pipeHolders->begin(), pipeHolders->end(),
                                           [&](const Holder& h) { return h.process.pid == helper; });
        QVERIFY(ofHelper != pipeHolders->end());
        QVERIFY(ofHelper->process == helperInfo->key());
        QCOMPARE(QString::fromStdString(ofHelper->processName), QStringLiteral("hs_fd_helper"));
        // Socket endpoints are read for the holders of a socket.
        auto listener = findHolders(byValue(m_handles, layout::TcpListen)->object);
        QVERIFY(listener.has_value() && listener->size() == 1);
        QVERIFY(listener->front().handle.socket);
        QVERIFY(*listener->front().handle.socket == *byValue(m_handles, layout::TcpListen)->socket);

        // /dev/null: both helpers' DevNull fd, whatever else holds it.
        for (const Pid pid : {helper, second}) {
            auto indexed = index.holders(*devnull);
            QVERIFY(std::any_of(indexed.begin(), indexed.end(), [&](const FindHit& h) {
                return h.process->pid == pid && h.handle->value == layout::DevNull;
            }));
        }
        auto devnullHolders = findHolders(*devnull);
        QVERIFY(devnullHolders.has_value());
        for (const Pid pid : {helper, second})
            QVERIFY(std::any_of(devnullHolders->begin(), devnullHolders->end(),
                                [&](const Holder& h) { return h.process.pid == pid && h.handle.value == layout::DevNull; }));
        ::close(myPipe);
        ::close(myData);
    }

    // A memfd and an anonymous inode have an identity in Full detail only; on demand the
    // memfd is still found by a stat of each fd, and an inode shared by every anonymous fd
    // is refused rather than answered with every epoll of the machine.
    void holdersOfFullDetailIdentities()
    {
        const HandleInfo* memfd = byValue(m_handles, layout::MemFd);
        QVERIFY(memfd->object.valid() && !memfd->object.sharedInode);
        auto found = findHolders(memfd->object);
        QVERIFY(found.has_value());
        QCOMPARE(found->size(), std::size_t(1));
        QCOMPARE(found->front().process.pid, static_cast<Pid>(m_helper.pid()));
        QCOMPARE(found->front().handle.value, static_cast<HandleValue>(layout::MemFd));
        QCOMPARE(static_cast<int>(found->front().handle.kind), static_cast<int>(HandleKind::MemFd));

        const HandleInfo* epoll = byValue(m_handles, layout::Epoll);
        QVERIFY(epoll->object.sharedInode);
        auto shared = findHolders(epoll->object);
        QVERIFY(!shared.has_value());
        QCOMPARE(QString::fromStdString(shared.error().osName), QStringLiteral("EINVAL"));
        auto none = findHolders(ObjectId{});
        QVERIFY(none.has_value() && none->empty());

        auto full = takeSnapshot(Detail::Full);
        QVERIFY(full.has_value());
        const HolderIndex index(*full);
        QVERIFY(index.holders(epoll->object).empty()); // not indexed
        auto memfdHits = index.holders(memfd->object);
        QCOMPARE(memfdHits.size(), std::size_t(1));
        QCOMPARE(memfdHits.front().handle->value, static_cast<HandleValue>(layout::MemFd));
        QVERIFY(index.holders(ObjectId{}).empty());
        auto missing = objectIdOfPath("/no/such/file");
        QVERIFY(!missing.has_value());
        QCOMPARE(QString::fromStdString(missing.error().osName), QStringLiteral("ENOENT"));
    }

    // The index on a snapshot made by hand: holders in pid and value order whatever the
    // order of the snapshot, shared and missing identities left out.
    void holderIndexOrderAndExclusions()
    {
        auto handle = [](HandleValue value, ObjectId object) {
            HandleInfo h;
            h.value = value;
            h.object = object;
            return h;
        };
        const ObjectId a{7, 100};
        const ObjectId b{7, 101};
        const ObjectId shared{9, 1, true};
        Snapshot snap;
        snap.processes.resize(2);
        snap.processes[0].process.pid = 50;
        snap.processes[0].handles = {handle(8, a), handle(3, b), handle(4, shared), handle(5, ObjectId{})};
        snap.processes[1].process.pid = 20;
        snap.processes[1].handles = {handle(9, a), handle(1, a), handle(2, shared)};
        const HolderIndex index(snap);
        Pairs holdersOfA;
        for (const FindHit& hit : index.holders(a))
            holdersOfA.emplace_back(hit.process->pid, hit.handle->value);
        QCOMPARE(text(holdersOfA), QStringLiteral("20:1 20:9 50:8"));
        QCOMPARE(index.holders(b).size(), std::size_t(1));
        QVERIFY(index.holders(shared).empty());
        QVERIFY(index.holders(ObjectId{}).empty());
        QVERIFY(index.holders(ObjectId{7, 102}).empty());
    }

    void exitedAndZombieProcesses()
    {
        pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QVERIFY(child > 0);
        // Wait until it is a zombie (state Z), then ask for its handles.
        QTRY_VERIFY_WITH_TIMEOUT(processInfo(child) && processInfo(child)->state == ProcessState::Zombie, 5000);
        auto zombie = listHandles(child);
        QVERIFY(!zombie.has_value());
        QVERIFY(QString::fromStdString(zombie.error().hint).contains(QLatin1String("zombie")));
        ::waitpid(child, nullptr, 0);
        auto gone = listHandles(child);
        QVERIFY(!gone.has_value());
        QCOMPARE(QString::fromStdString(gone.error().osName), QStringLiteral("ESRCH"));
        QCOMPARE(gone.error().pid, static_cast<std::int64_t>(child));
    }

private:
    hstest::Child m_helper; ///< hs_fd_helper
    QString m_dir; ///< its temporary directory
    std::vector<HandleInfo> m_handles;
};

QTEST_GUILESS_MAIN(TestHandles)
#include "tst_handles.moc"
