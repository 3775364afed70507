// SPDX-License-Identifier: MIT
// Every field the core reports for each fd of hs_fd_helper, checked against what the
// test itself knows (the helper's layout) and measures (stat of /proc/PID/fd/N).

#include "fd_helper_process.h"

#include "handlescope/find.h"
#include "handlescope/inspect.h"
#include "linux/background_linux.h"

#include <QProcess>
#include <QTest>

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

bool hasFlag(const HandleInfo& h, const char* flag)
{
    return std::find(h.flagNames.begin(), h.flagNames.end(), flag) != h.flagNames.end();
}

} // namespace

class TestHandles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_helper.ready(), "hs_fd_helper did not start");
        auto handles = listHandles(m_helper.pid, Detail::Full);
        QVERIFY2(handles.has_value(), handles ? "" : handles.error().message().c_str());
        m_handles = std::move(*handles);
    }

    void everyHelperFdIsListed()
    {
        for (int fd = 10; fd <= 31; ++fd)
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
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name"); // "$D" = the helper's temp dir; empty = don't check
        QTest::addColumn<int>("access");
        QTest::addColumn<bool>("inheritable");
        QTest::addColumn<qint64>("offset"); // -1 = no offset for this kind
        QTest::addColumn<bool>("deleted");
        const auto K = [](HandleKind k) { return static_cast<int>(k); };
        const auto A = [](AccessMode a) { return static_cast<int>(a); };
        QTest::newRow("file") << 10 << K(HandleKind::RegularFile) << "$D/data.txt" << A(AccessMode::ReadWrite) << false << 5LL << false;
        QTest::newRow("deleted") << 11 << K(HandleKind::RegularFile) << "$D/gone.txt" << A(AccessMode::ReadWrite) << false << 0LL << true;
        QTest::newRow("dir") << 12 << K(HandleKind::Directory) << "$D" << A(AccessMode::Read) << false << 0LL << false;
        QTest::newRow("pipe-r") << 13 << K(HandleKind::Fifo) << "" << A(AccessMode::Read) << false << -1LL << false;
        QTest::newRow("pipe-w") << 14 << K(HandleKind::Fifo) << "" << A(AccessMode::Write) << false << -1LL << false;
        QTest::newRow("pair-a") << 15 << K(HandleKind::Socket) << "" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("tcp-listen") << 17 << K(HandleKind::Socket) << "" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("udp") << 20 << K(HandleKind::Socket) << "" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("eventfd") << 22 << K(HandleKind::EventFd) << "anon_inode:[eventfd]" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("timerfd") << 23 << K(HandleKind::TimerFd) << "anon_inode:[timerfd]" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("epoll") << 24 << K(HandleKind::Epoll) << "anon_inode:[eventpoll]" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("inotify") << 25 << K(HandleKind::Inotify) << "anon_inode:inotify" << A(AccessMode::Read) << false << -1LL << false;
        QTest::newRow("memfd") << 26 << K(HandleKind::MemFd) << "/memfd:hs-memfd" << A(AccessMode::ReadWrite) << false << 4LL << true;
        QTest::newRow("pidfd") << 27 << K(HandleKind::PidFd) << "" << A(AccessMode::ReadWrite) << false << -1LL << false;
        QTest::newRow("odd-name") << 28 << K(HandleKind::RegularFile) << "$D/odd (name), with\nnewline" << A(AccessMode::Read) << false << 0LL << false;
        QTest::newRow("devnull") << 29 << K(HandleKind::CharDevice) << "/dev/null" << A(AccessMode::Read) << false << 0LL << false;
        QTest::newRow("append") << 30 << K(HandleKind::RegularFile) << "$D/append.log" << A(AccessMode::Write) << true << 3LL << false;
        QTest::newRow("signalfd") << 31 << K(HandleKind::SignalFd) << "anon_inode:[signalfd]" << A(AccessMode::ReadWrite) << false << -1LL << false;
    }

    void kindNameModeInheritOffset()
    {
        QFETCH(int, fd);
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(int, access);
        QFETCH(bool, inheritable);
        QFETCH(qint64, offset);
        QFETCH(bool, deleted);
        const HandleInfo* h = byValue(m_handles, fd);
        QVERIFY(h);
        QCOMPARE(QString::fromStdString(std::string(toString(h->kind))),
                 QString::fromStdString(std::string(toString(static_cast<HandleKind>(kind)))));
        if (!name.isEmpty())
            QCOMPARE(QString::fromStdString(h->name), QString(name).replace(QLatin1String("$D"), m_helper.dir));
        QCOMPARE(static_cast<int>(h->access), access);
        QVERIFY(h->inheritable.has_value());
        QCOMPARE(*h->inheritable, inheritable);
        QCOMPARE(h->offset.has_value(), offset >= 0);
        if (offset >= 0)
            QCOMPARE(static_cast<qint64>(*h->offset), offset);
        QCOMPARE(h->deleted, deleted);
        QVERIFY2(h->partialError.empty(), h->partialError.c_str());
        // Identity: what stat() through the fd link says, for every kind.
        const ObjectId expected = statFd(m_helper.pid, fd);
        QVERIFY(expected.valid());
        QCOMPARE(h->object.device, expected.device);
        QCOMPARE(h->object.inode, expected.inode);
    }

    void openFlags()
    {
        QVERIFY(hasFlag(*byValue(m_handles, 30), "O_APPEND"));
        QVERIFY(hasFlag(*byValue(m_handles, 30), "O_WRONLY"));
        QVERIFY(!hasFlag(*byValue(m_handles, 30), "O_CLOEXEC"));
        QVERIFY(hasFlag(*byValue(m_handles, 14), "O_NONBLOCK"));
        QVERIFY(!hasFlag(*byValue(m_handles, 13), "O_NONBLOCK"));
        QVERIFY(hasFlag(*byValue(m_handles, 12), "O_DIRECTORY"));
        QVERIFY(hasFlag(*byValue(m_handles, 10), "O_CLOEXEC"));
    }

    void pipeEndsShareOneObject()
    {
        QCOMPARE(QString::fromStdString(hs::toString(byValue(m_handles, 13)->object)),
                 QString::fromStdString(hs::toString(byValue(m_handles, 14)->object)));
        QCOMPARE(byValue(m_handles, 13)->name, byValue(m_handles, 14)->name);
        QVERIFY(QString::fromStdString(byValue(m_handles, 13)->name).startsWith(QLatin1String("pipe:[")));
    }

    void socketEndpoints()
    {
        const QString port = QString::number(m_helper.tcpPort);
        const auto* listen = byValue(m_handles, 17);
        const auto* client = byValue(m_handles, 18);
        const auto* server = byValue(m_handles, 19);
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

        const auto* udp = byValue(m_handles, 20);
        QVERIFY(udp->socket);
        QCOMPARE(QString::fromStdString(udp->socket->protocol), QStringLiteral("udp"));
        QCOMPARE(QString::fromStdString(udp->socket->localAddress), QStringLiteral("127.0.0.1:%1").arg(m_helper.udpPort));
        QCOMPARE(QString::fromStdString(udp->socket->state), QStringLiteral("UNCONNECTED"));

        const auto* a = byValue(m_handles, 15);
        const auto* b = byValue(m_handles, 16);
        QVERIFY(a->socket && b->socket);
        QCOMPARE(QString::fromStdString(a->socket->family), QStringLiteral("unix"));
        QCOMPARE(QString::fromStdString(a->socket->protocol), QStringLiteral("stream"));
        QCOMPARE(a->socket->peerInode, b->object.inode);
        QCOMPARE(b->socket->peerInode, a->object.inode);

        const auto* unixListen = byValue(m_handles, 21);
        QVERIFY(unixListen->socket);
        QCOMPARE(QString::fromStdString(unixListen->socket->localAddress), m_helper.dir + QStringLiteral("/hs.sock"));
        QCOMPARE(QString::fromStdString(unixListen->socket->state), QStringLiteral("LISTEN"));
    }

    void typeSpecificExtras()
    {
        QCOMPARE(extra(*byValue(m_handles, 22), "count"), std::string("7"));
        QCOMPARE(extra(*byValue(m_handles, 23), "it_interval"), std::string("1.000000000s"));
        QCOMPARE(extra(*byValue(m_handles, 23), "clockid"), std::string("1")); // CLOCK_MONOTONIC
        const auto* epoll = byValue(m_handles, 24);
        QVERIFY(extra(*epoll, "watch fd 13").rfind("<missing", 0) != 0);
        QVERIFY(extra(*epoll, "watch fd 22").rfind("<missing", 0) != 0);
        QVERIFY(extra(*byValue(m_handles, 25), "watch 1").rfind("<missing", 0) != 0);
        QCOMPARE(byValue(m_handles, 27)->referencedPid, static_cast<Pid>(m_helper.pid));
        QVERIFY(extra(*byValue(m_handles, 31), "sigmask").rfind("<missing", 0) != 0);
    }

    void oneHandleMatchesTheList()
    {
        auto h = handleInfo(m_helper.pid, 10);
        QVERIFY(h.has_value());
        QVERIFY(*h == *byValue(m_handles, 10));
        auto missing = handleInfo(m_helper.pid, 99);
        QVERIFY(!missing.has_value());
        QCOMPARE(QString::fromStdString(missing.error().osName), QStringLiteral("EBADF"));
        QCOMPARE(missing.error().handle, 99);
        QVERIFY(!missing.error().hint.empty());
    }

    // A socket read alone resolves as in the whole list (its table is built for it only).
    void oneSocketMatchesTheList()
    {
        for (int fd : {17, 18, 20, 21, 15}) {
            auto h = handleInfo(m_helper.pid, fd);
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
        const std::string path = m_helper.dir.toStdString() + "/peer-elsewhere.sock";
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

        QProcess child;
        child.setChildProcessModifier([client] { ::dup2(client, 40); });
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        ::close(client);
        auto handles = listHandles(child.processId(), Detail::Full);
        child.kill();
        child.waitForFinished();
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
        auto p = processInfo(m_helper.pid);
        QVERIFY(p.has_value());
        QCOMPARE(QString::fromStdString(p->name), QStringLiteral("hs_fd_helper"));
        QCOMPARE(p->parentPid, static_cast<Pid>(::getpid()));
        QCOMPARE(p->uid, static_cast<std::int64_t>(::getuid()));
        QCOMPARE(QString::fromStdString(p->executable), QStringLiteral(HS_FD_HELPER));
        QCOMPARE(QString::fromStdString(p->commandLine), QStringLiteral(HS_FD_HELPER));
        QCOMPARE(QString::fromStdString(std::string(hs::toString(p->state))), QStringLiteral("sleeping"));
        QVERIFY(!p->accessError);
        // Handle count: what the directory holds right now.
        const QString fdDir = QStringLiteral("/proc/%1/fd").arg(m_helper.pid);
        std::int64_t entries = 0;
        for (const auto& e : std::filesystem::directory_iterator(fdDir.toStdString()))
            (void)e, ++entries;
        QCOMPARE(p->handleCount, entries);
        // Start time: field 22 of /proc/PID/stat.
        std::ifstream stat("/proc/" + std::to_string(m_helper.pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        std::istringstream rest(text.substr(text.rfind(')') + 2));
        std::string field;
        for (int i = 3; i <= 22; ++i)
            rest >> field;
        QCOMPARE(p->startTime, std::stoull(field));
        QVERIFY(p->key() == (ProcessKey{m_helper.pid, std::stoull(field)}));
    }

    void snapshotAgreesWithListing()
    {
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        const ProcessHandles* mine = snap->findProcess(m_helper.pid);
        QVERIFY(mine);
        QVERIFY(snap->findProcess(::getpid()));
        for (int fd = 10; fd <= 31; ++fd) {
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

    // A background snapshot reads the same, and leaves its calling thread (and only it)
    // at nice 10: run it on a thread of its own, as the desktop app does.
    void backgroundSnapshotIsTheSameAtLowerPriority()
    {
        errno = 0;
        const int mainNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        QCOMPARE(errno, 0);
        std::optional<Result<Snapshot>> snap;
        int readerNice = -100;
        std::thread reader([&] {
            snap = takeSnapshot(Detail::Fast, Priority::Background);
            readerNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        });
        reader.join();
        QVERIFY(snap && snap->has_value());
        QCOMPARE(readerNice, std::max(mainNice, 10));
        QCOMPARE(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), mainNice); // untouched
        const ProcessHandles* mine = (*snap)->findProcess(m_helper.pid);
        QVERIFY(mine);
        for (int fd = 10; fd <= 31; ++fd) {
            const HandleInfo* background = byValue(mine->handles, fd);
            const HandleInfo* full = byValue(m_handles, fd);
            QVERIFY(background && full);
            QCOMPARE(static_cast<int>(background->kind), static_cast<int>(full->kind));
            QCOMPARE(background->name, full->name);
        }
    }

    void backgroundProcessListCountsLikeTheDirectory()
    {
        errno = 0;
        const int mainNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        QCOMPARE(errno, 0);
        std::optional<Result<std::vector<ProcessInfo>>> list;
        int readerNice = -100;
        std::thread reader([&] {
            list = listProcesses(Priority::Background);
            readerNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        });
        reader.join();
        QVERIFY(list && list->has_value());
        QCOMPARE(readerNice, std::max(mainNice, 10));
        QCOMPARE(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), mainNice); // untouched
        const auto& processes = **list;
        QVERIFY(std::is_sorted(processes.begin(), processes.end(),
                               [](const ProcessInfo& a, const ProcessInfo& b) { return a.pid < b.pid; }));
        const auto helper = std::find_if(processes.begin(), processes.end(),
                                         [&](const ProcessInfo& p) { return p.pid == m_helper.pid; });
        QVERIFY(helper != processes.end());
        QVERIFY(!helper->accessError);
        // The count (st_size of /proc/PID/fd since Linux 6.2) is what a listing finds.
        std::int64_t entries = 0;
        for (const auto& e : std::filesystem::directory_iterator("/proc/" + std::to_string(m_helper.pid) + "/fd"))
            (void)e, ++entries;
        QCOMPARE(helper->handleCount, entries);
        QCOMPARE(helper->handleCount, static_cast<std::int64_t>(m_handles.size()));
    }

    // The desktop app reads the selected process this way on every refresh.
    void backgroundHandleListIsTheSameAtLowerPriority()
    {
        std::optional<Result<std::vector<HandleInfo>>> list;
        int readerNice = -100;
        std::thread reader([&] {
            list = listHandles(m_helper.pid, Detail::Full, Priority::Background);
            readerNice = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
        });
        reader.join();
        QVERIFY(list && list->has_value());
        QCOMPARE(readerNice, std::max(::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid())), 10));
        QCOMPARE((*list)->size(), m_handles.size());
        for (std::size_t i = 0; i < m_handles.size(); ++i) {
            const HandleInfo& background = (**list)[i];
            const HandleInfo& earlier = m_handles[i];
            QCOMPARE(background.value, earlier.value);
            QCOMPARE(background.name, earlier.name);
            QVERIFY(background.object == earlier.object);
            QCOMPARE(static_cast<int>(background.kind), static_cast<int>(earlier.kind));
            QCOMPARE(background.openFlags, earlier.openFlags);
            QCOMPARE(bool(background.socket), bool(earlier.socket));
            if (background.socket) // the timerfd's extras tick on, so not every field is compared
                QVERIFY(*background.socket == *earlier.socket);
        }
    }

    // Background reads pause 2 ms after every 2 ms of work (see background_linux.h), and
    // only while a BackgroundPacing lives on the thread; a nested disabled one changes nothing.
    void backgroundPacingPausesOnlyWhileActive()
    {
        auto pausesWhileSpinning = [] {
            rusage before{};
            ::getrusage(RUSAGE_THREAD, &before);
            const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(30);
            while (std::chrono::steady_clock::now() < end)
                linux_::pauseIfDue();
            rusage after{};
            ::getrusage(RUSAGE_THREAD, &after);
            return after.ru_nvcsw - before.ru_nvcsw; // a spinning thread blocks only to pause
        };
        QCOMPARE(pausesWhileSpinning(), 0L);
        {
            const linux_::BackgroundPacing pacing(true);
            const long paced = pausesWhileSpinning();
            QVERIFY2(paced >= 5 && paced <= 9, std::to_string(paced).c_str()); // 30 ms / 4 ms
            const linux_::BackgroundPacing nested(false);
            QVERIFY(pausesWhileSpinning() >= 5);
        }
        const linux_::BackgroundPacing disabled(false);
        QCOMPARE(pausesWhileSpinning(), 0L);
    }

    void findByTextRegexAndKind()
    {
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        auto hits = findHandles(*snap, {.text = "HS-MEMFD"}); // case-insensitive by default
        QVERIFY(hits.has_value());
        auto mine = std::count_if(hits->begin(), hits->end(), [&](const FindHit& h) { return h.process->pid == m_helper.pid; });
        QCOMPARE(mine, 1);
        auto re = findHandles(*snap, {.text = "^" + m_helper.dir.toStdString() + "/(data|append)\\.(txt|log)$", .regex = true});
        QVERIFY(re.has_value());
        QCOMPARE(re->size(), std::size_t(2));
        auto events = findHandles(*snap, {.kind = HandleKind::EventFd});
        QVERIFY(events.has_value());
        QVERIFY(std::any_of(events->begin(), events->end(),
                            [&](const FindHit& h) { return h.process->pid == m_helper.pid && h.handle->value == 22; }));
        QVERIFY(std::all_of(events->begin(), events->end(), [](const FindHit& h) { return h.handle->kind == HandleKind::EventFd; }));
        auto bad = findHandles(*snap, {.text = "([", .regex = true});
        QVERIFY(!bad.has_value());
        QVERIFY(!bad.error().hint.empty());
    }

    void holdersOfOneObject()
    {
        FdHelperProcess second;
        QVERIFY(second.ready());
        auto snap = takeSnapshot(Detail::Fast);
        QVERIFY(snap.has_value());
        // The pipe is held twice by the helper (both ends share one inode)...
        auto pipeHolders = findHolders(*snap, byValue(m_handles, 13)->object);
        QCOMPARE(pipeHolders.size(), std::size_t(2));
        // ...and /dev/null by both helpers (fd 29), whatever else holds it.
        auto devnull = objectIdOfPath("/dev/null");
        QVERIFY(devnull.has_value());
        auto holders = findHolders(*snap, *devnull);
        for (qint64 pid : {m_helper.pid, second.pid})
            QVERIFY(std::any_of(holders.begin(), holders.end(),
                                [&](const FindHit& h) { return h.process->pid == pid && h.handle->value == 29; }));
        auto data = objectIdOfPath((m_helper.dir + QStringLiteral("/data.txt")).toStdString());
        QVERIFY(data.has_value());
        auto dataHolders = findHolders(*snap, *data);
        QCOMPARE(dataHolders.size(), std::size_t(1));
        QCOMPARE(dataHolders[0].handle->value, 10);
        auto none = objectIdOfPath("/no/such/file");
        QVERIFY(!none.has_value());
        QCOMPARE(QString::fromStdString(none.error().osName), QStringLiteral("ENOENT"));
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
    FdHelperProcess m_helper;
    std::vector<HandleInfo> m_handles;
};

QTEST_GUILESS_MAIN(TestHandles)
#include "tst_handles.moc"
