// SPDX-License-Identifier: MIT
// The whole machine's fds from one read of a BPF task_file iterator (bpf/task_file.bpf.c):
// the kernel writes a record per fd (identity, mode, offset, flags, d_path text, inet
// endpoints), so there is no readlink, stat or fdinfo per fd. Process details still come
// from /proc, read on a second thread while the iterator runs.
#include "snapshot_bpf_linux.h"

#include "handlescope/log.h"

#include "bpf_support_linux.h"
#include "errno_linux.h"
#include "identity_linux.h"
#include "proc_walk.h"
#include "sock_diag_linux.h"

#include "hs_task_file.skel.h"
#include "task_file_record.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstring>
#include <iterator>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

namespace hs::linux_ {

namespace {

/// The program, loaded and attached on first use and kept for the life of the process
/// (about 20 ms to load). Reads are serialised: the program's scratch space is per CPU, and
/// two readers preempting each other on one CPU would share it.
class Iterator {
public:
    static Iterator& instance()
    {
        static Iterator it;
        return it;
    }
    std::mutex readMutex;

    /// The link to create iterator fds from, or why there is none (the first failure, kept).
    Result<int> link()
    {
        std::lock_guard lock(m_loadMutex);
        if (m_skel)
            return bpf_link__fd(m_skel->links.dump_task_file);
        if (m_failure)
            return fail(*m_failure);
        libbpf_set_print(forwardLibbpfLog);
        hs_task_file* skel = hs_task_file__open_and_load();
        if (!skel) {
            m_failure = bpfLoadError("load BPF snapshot iterator", errno);
            return fail(*m_failure);
        }
        if (int err = hs_task_file__attach(skel); err != 0) {
            hs_task_file__destroy(skel);
            m_failure = bpfLoadError("attach BPF snapshot iterator", -err);
            return fail(*m_failure);
        }
        m_skel = skel;
        return bpf_link__fd(m_skel->links.dump_task_file);
    }

private:
    std::mutex m_loadMutex;
    hs_task_file* m_skel = nullptr;
    std::optional<Error> m_failure;
};

/// st_dev as stat() gives it, from the kernel's dev_t (major << 20 | minor).
std::uint64_t userDevice(std::uint32_t kernelDev)
{
    return makedev(kernelDev >> 20, kernelDev & 0xfffff);
}

/// TCP and UDP endpoints as the socket itself holds them; null for other sockets, which
/// the /proc socket tables name.
std::shared_ptr<const SocketInfo> inetSocket(const hs_fd_record& r)
{
    if ((r.family != AF_INET && r.family != AF_INET6) || (r.protocol != IPPROTO_TCP && r.protocol != IPPROTO_UDP))
        return nullptr;
    std::uint32_t local[4];
    std::uint32_t remote[4];
    std::memcpy(local, r.local_addr, sizeof local);
    std::memcpy(remote, r.remote_addr, sizeof remote);
    SocketInfo s;
    s.family = r.family == AF_INET6 ? "inet6" : "inet";
    s.protocol = r.protocol == IPPROTO_TCP ? "tcp" : "udp";
    s.localAddress = diagAddress(r.family, local, htons(r.local_port));
    if (r.remote_port != 0)
        s.remoteAddress = diagAddress(r.family, remote, htons(r.remote_port));
    if (r.protocol == IPPROTO_TCP)
        s.state = std::string(tcpStateName(r.sock_state));
    else
        s.state = r.sock_state == 1 ? "ESTABLISHED" : "UNCONNECTED"; // TCP_ESTABLISHED, TCP_CLOSE
    return std::make_shared<const SocketInfo>(std::move(s));
}

/// One record as the /proc path would have read it with this detail, into a default
/// HandleInfo that already sits in its process's vector (no move, no copy).
void fillHandle(HandleInfo& h, const hs_fd_record& r, std::string_view path, Detail detail)
{
    h.value = r.fd;
    if (r.path_error != 0) {
        h.kind = kindFromMode(r.mode);
        h.typeName = typeNameFromMode(r.mode);
        h.partialError = errnoError("read fd path", r.path_error, r.tgid, r.fd).message();
    } else {
        LinkInfo li = classifyLink(path);
        h.kind = li.kind;
        h.deleted = li.deleted;
        h.name = std::move(li.name);
        h.typeName = std::move(li.typeName);
        if (li.isPath) {
            h.kind = kindFromMode(r.mode);
            h.typeName = typeNameFromMode(r.mode);
        }
    }
    if (h.kind == HandleKind::Other)
        h.object = {0, r.ino}; // namespace files: /proc names only the nsfs inode
    else
        h.object = {userDevice(r.dev), r.ino};
    const bool anon = h.kind >= HandleKind::EventFd && h.kind <= HandleKind::AnonInode && h.kind != HandleKind::MemFd;
    h.object.sharedInode = anon && r.ino == pseudoDevices().anonSharedInode;
    if (h.kind == HandleKind::Socket)
        h.socket = inetSocket(r);
    // Fast detail promises what a readlink and a stat give: the record has the rest too, at
    // no extra cost, but a Fast snapshot reads the same from either backend (ask for Full).
    if (detail == Detail::Fast) {
        if (anon || h.kind == HandleKind::MemFd)
            h.object = {};
        return;
    }

    const std::uint32_t flags = r.flags | (r.cloexec ? O_CLOEXEC : 0); // as fdinfo prints them
    h.openFlags = flags;
    h.access = accessFromFlags(flags);
    h.inheritable = r.cloexec == 0;
    h.flagNames = openFlagNames(flags);
    if (hasOffset(h.kind))
        h.offset = r.pos;
    // The fdinfo lines the /proc path turns into extras, where the kernel's struct has them.
    h.extras.reserve(h.kind == HandleKind::EventFd ? 4 : h.kind == HandleKind::PidFd ? 3 : 1);
    h.extras.emplace_back("mnt_id", std::to_string(r.mnt_id));
    if (h.kind == HandleKind::EventFd) {
        constexpr std::uint32_t kEfdSemaphore = 1;
        h.extras.emplace_back("count", std::to_string(r.eventfd_count));
        h.extras.emplace_back("eventfd-id", std::to_string(r.eventfd_id));
        h.extras.emplace_back("eventfd-semaphore", (r.eventfd_flags & kEfdSemaphore) ? "1" : "0");
    } else if (h.kind == HandleKind::PidFd) {
        h.referencedPid = r.pidfd_pid;
        h.extras.emplace_back("pid", std::to_string(r.pidfd_pid));
        h.extras.emplace_back("NSpid", std::to_string(r.pidfd_pid)); // its pid namespace's levels: ours only
    }
}

/// The fds of one process, in the order the iterator gave them (by fd).
struct ProcessFds {
    Pid pid = -1;
    std::vector<HandleInfo> handles;
    std::uint64_t socketNetns = 0; ///< of a socket the /proc tables must name, 0 if none
};

/// Reads the iterator to its end and hands each process's fds to `sink` (a
/// void(ProcessFds&) that may move them out) as soon as the next process starts: the
/// iterator walks thread-group leaders by pid, each one's fds together.
template <class Sink>
Result<void> readIterator(int linkFd, Detail detail, const CancelToken& cancel, Sink&& sink)
{
    std::lock_guard lock(Iterator::instance().readMutex);
    UniqueFd fd(bpf_iter_create(linkFd));
    if (!fd.valid())
        return fail(errnoError("create BPF snapshot iterator", errno));
    ProcessFds current;
    const auto handOver = [&] {
        if (current.pid >= 0)
            sink(current);
        current.handles.clear();
        current.socketNetns = 0;
    };
    // Records may be cut between two reads: what is left is moved to the front. (Reading on
    // one thread and parsing on another measured no faster on two cores, again with the streamed CLI.)
    constexpr std::size_t kChunk = 256 * 1024;
    std::vector<char> buf(kChunk + sizeof(hs_fd_record) + HS_PATH_MAX);
    std::size_t have = 0;
    for (;;) {
        if (cancel.cancelled())
            return fail(cancelledError("take snapshot"));
        const ssize_t n = ::read(fd.get(), buf.data() + have, buf.size() - have);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errnoError("read BPF snapshot iterator", errno));
        }
        if (n == 0)
            break;
        have += static_cast<std::size_t>(n);
        std::size_t at = 0;
        while (have - at >= sizeof(hs_fd_record)) {
            hs_fd_record r;
            std::memcpy(&r, buf.data() + at, sizeof r);
            if (have - at < sizeof r + r.path_len)
                break;
            const char* text = buf.data() + at + sizeof r;
            const std::string_view path(text, r.path_len > 0 ? strnlen(text, r.path_len) : 0);
            if (static_cast<Pid>(r.tgid) != current.pid) {
                handOver();
                current.pid = r.tgid;
            }
            HandleInfo& h = current.handles.emplace_back();
            fillHandle(h, r, path, detail);
            if (h.kind == HandleKind::Socket && !h.socket)
                current.socketNetns = r.netns;
            at += sizeof r + r.path_len;
        }
        std::memmove(buf.data(), buf.data() + at, have - at);
        have -= at;
    }
    if (have != 0)
        return fail(errnoError("read BPF snapshot iterator", EPROTO, -1, -1,
                               "the iterator's output ended inside a record: a mismatch between "
                               "bpf/task_file.bpf.c and this program"));
    handOver();
    return {};
}

/// The sockets of one process that the iterator left unnamed (UNIX, netlink, packet, raw),
/// from the tables of its network namespace, as the /proc path names them.
void nameOtherSockets(SocketResolver& sockets, std::uint64_t ownNetns, ProcessHandles& p, std::uint64_t netns)
{
    const SocketTable* table = nullptr;
    UniqueFd dir;
    if (netns == ownNetns) {
        table = &sockets.ownTable();
    } else {
        dir = openAt(procRootFd(), std::to_string(p.process.pid).c_str(), O_DIRECTORY);
        if (!dir.valid())
            return;
        table = sockets.tableFor(dir.get());
    }
    if (!table)
        return;
    for (auto& h : p.handles)
        if (h.kind == HandleKind::Socket && !h.socket)
            h.socket = SocketResolver::findOrUnknown(*table, h.object.inode);
}

/// The fds of a process the iterator gave none for, from /proc. False if it is gone.
bool readThroughProc(ProcWalker& walker, Detail detail, const CancelToken& cancel, ProcessHandles& p)
{
    auto dir = walker.openProcess(p.process.pid);
    if (!dir)
        return false;
    if (auto r = walker.readHandles(dir->get(), p.process.pid, detail, p.handles, cancel); !r) {
        if (r.error().osCode == ESRCH)
            return false;
        p.process.accessError = r.error();
        p.handles.clear();
        return true;
    }
    p.process.handleCount = static_cast<std::int64_t>(p.handles.size());
    return true;
}

std::uint64_t ownNetns()
{
    struct stat st {};
    return ::stat("/proc/self/ns/net", &st) == 0 ? st.st_ino : 0;
}

} // namespace

Result<Snapshot> visitBpfSnapshot(Detail detail, SnapshotVisitor& visitor, const CancelToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    if (cancel.cancelled())
        return fail(cancelledError("take snapshot"));
    auto link = Iterator::instance().link();
    if (!link)
        return fail(link.error());

    Snapshot header;
    header.takenAt = std::chrono::system_clock::now();
    header.detail = detail;
    header.backend = "bpf-iter";

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // Process details (stat, owner, exe, cmdline) on a thread of their own, beside the
    // iterator, in pid order as the iterator goes: `infosRead` says how far. The UNIX and
    // netlink socket tables load on another; TCP and UDP come from the records.
    SocketResolver sockets(SocketResolver::Families::WithoutInet);
    std::jthread socketLoader([&sockets] { sockets.prefetchOwn(); });
    std::vector<std::optional<ProcessInfo>> infos(pids.size());
    std::atomic<std::size_t> infosRead{0};
    std::jthread processReader([&] {
        ProcWalker walker;
        for (std::size_t i = 0; i < pids.size() && !cancel.cancelled(); ++i) {
            if (auto dir = walker.openProcess(pids[i]))
                if (auto info = walker.readProcess(dir->get(), pids[i], false))
                    infos[i] = std::move(*info);
            infosRead.store(i + 1, std::memory_order_release);
            infosRead.notify_one();
        }
        infosRead.store(pids.size(), std::memory_order_release); // cancelled: release the waiter
        infosRead.notify_one();
    });
    visitor.begin(header);

    // Each process goes to the visitor as soon as the iterator has passed it, so memory holds
    // one process's handles, not the machine's. `next` indexes the first pid not yet handed over.
    const std::uint64_t netns = ownNetns();
    ProcWalker walker;
    ProcessHandles p;
    std::size_t next = 0;
    const auto handOver = [&](std::size_t i, ProcessFds* fds) {
        for (std::size_t read; (read = infosRead.load(std::memory_order_acquire)) <= i;)
            infosRead.wait(read, std::memory_order_acquire);
        if (!infos[i] || cancel.cancelled())
            return; // exited since /proc was listed
        p.process = std::move(*infos[i]);
        infos[i].reset();
        p.handles.clear();
        if (noHandlesReason(p.process)) { // zombie or kernel thread: no fds, not an error
            p.process.handleCount = 0;
        } else if (!fds) {
            // No record: no fds, or a task the iterator does not visit (this machine's
            // PID 1). /proc says which, as the /proc backend would.
            if (!readThroughProc(walker, detail, cancel, p))
                return;
        } else {
            p.handles.swap(fds->handles); // and back below: both keep their capacity
            if (!std::ranges::is_sorted(p.handles, {}, &HandleInfo::value)) // the iterator walks fds in order
                std::ranges::sort(p.handles, {}, &HandleInfo::value);
            p.process.handleCount = static_cast<std::int64_t>(p.handles.size());
            if (fds->socketNetns != 0)
                nameOtherSockets(sockets, netns, p, fds->socketNetns);
        }
        visitor.process(p);
        if (fds)
            fds->handles.swap(p.handles);
    };
    const auto handOverBefore = [&](Pid pid) {
        for (; next < pids.size() && pids[next] < pid; ++next)
            handOver(next, nullptr);
    };
    auto read = readIterator(*link, detail, cancel, [&](ProcessFds& fds) {
        handOverBefore(fds.pid);
        // A pid /proc did not list (started since) is left out, as the /proc backend would;
        // one already handed over (out of order, not seen) was read through /proc.
        if (next < pids.size() && pids[next] == fds.pid)
            handOver(next++, &fds);
    });
    if (read)
        handOverBefore(std::numeric_limits<Pid>::max());
    processReader.join();
    if (!read)
        return fail(read.error());
    if (cancel.cancelled())
        return fail(cancelledError("take snapshot"));
    header.duration = std::chrono::steady_clock::now() - start;
    return header;
}

Result<Snapshot> takeBpfSnapshot(Detail detail, const CancelToken& cancel)
{
    struct Collect final : SnapshotVisitor {
        Snapshot snap;
        void begin(const Snapshot& header) override { snap = header; }
        void process(ProcessHandles& p) override
        {
            // Moved into a vector of the exact size: the streamed one keeps its capacity for
            // the next process, and the snapshot holds no spare capacity.
            ProcessHandles& kept = snap.processes.emplace_back();
            kept.process = std::move(p.process);
            kept.handles.reserve(p.handles.size());
            std::ranges::move(p.handles, std::back_inserter(kept.handles));
        }
    } collect;
    auto header = visitBpfSnapshot(detail, collect, cancel);
    if (!header)
        return fail(header.error());
    collect.snap.duration = header->duration;
    log::get("core.linux")->debug("snapshot (bpf-iter): {} processes, {} handles in {} ms", collect.snap.processes.size(),
                                  collect.snap.handleCount(),
                                  std::chrono::duration_cast<std::chrono::milliseconds>(header->duration).count());
    return std::move(collect.snap);
}

} // namespace hs::linux_
