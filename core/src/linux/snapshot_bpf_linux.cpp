// SPDX-License-Identifier: MIT
// The whole machine's fds from one read of a BPF task_file iterator (bpf/task_file.bpf.c):
// the kernel writes a record per fd (identity, mode, offset, flags, d_path text, inet
// endpoints), so there is no readlink, stat or fdinfo per fd. Process details still come
// from /proc, read on a second thread while the iterator runs.
#include "snapshot_bpf_linux.h"

#include "handlescope/log.h"

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
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace hs::linux_ {

namespace {

int forwardLibbpfLog(libbpf_print_level level, const char* format, va_list args)
{
    if (level == LIBBPF_DEBUG)
        return 0;
    char line[512];
    const int n = std::vsnprintf(line, sizeof line, format, args);
    std::string_view text(line, n > 0 ? std::min<std::size_t>(static_cast<std::size_t>(n), sizeof line - 1) : 0);
    while (!text.empty() && text.back() == '\n')
        text.remove_suffix(1);
    log::get("core.linux")->debug("{}", text); // libbpf prefixes its own lines
    return n;
}

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
            m_failure = loadError("load BPF snapshot iterator", errno);
            return fail(*m_failure);
        }
        if (int err = hs_task_file__attach(skel); err != 0) {
            hs_task_file__destroy(skel);
            m_failure = loadError("attach BPF snapshot iterator", -err);
            return fail(*m_failure);
        }
        m_skel = skel;
        return bpf_link__fd(m_skel->links.dump_task_file);
    }

private:
    static Error loadError(const char* operation, int err)
    {
        std::string hint;
        if (err == EPERM || err == EACCES)
            hint = "loading BPF needs root or CAP_BPF and CAP_PERFMON; HANDLESCOPE_SNAPSHOT_BACKEND=procfs reads /proc instead";
        else
            hint = "the kernel needs BTF (/sys/kernel/btf/vmlinux) and BPF iterators (5.8+); "
                   "HANDLESCOPE_SNAPSHOT_BACKEND=procfs reads /proc instead";
        return errnoError(operation, err, -1, -1, std::move(hint));
    }

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

/// One record as the /proc path would have read it with this detail.
HandleInfo toHandle(const hs_fd_record& r, std::string_view path, Detail detail)
{
    HandleInfo h;
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
        return h;
    }

    const std::uint32_t flags = r.flags | (r.cloexec ? O_CLOEXEC : 0); // as fdinfo prints them
    h.openFlags = flags;
    h.access = accessFromFlags(flags);
    h.inheritable = r.cloexec == 0;
    h.flagNames = openFlagNames(flags);
    if (hasOffset(h.kind))
        h.offset = r.pos;
    // The fdinfo lines the /proc path turns into extras, where the kernel's struct has them.
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
    return h;
}

/// The fds of one process, in the order the iterator gave them (by fd).
struct ProcessFds {
    std::vector<HandleInfo> handles;
    std::uint64_t socketNetns = 0; ///< of a socket the /proc tables must name, 0 if none
};

/// Reads the iterator to its end: every fd of every thread-group leader, by tgid.
Result<std::unordered_map<Pid, ProcessFds>> readIterator(int linkFd, Detail detail, const CancelToken& cancel)
{
    std::lock_guard lock(Iterator::instance().readMutex);
    UniqueFd fd(bpf_iter_create(linkFd));
    if (!fd.valid())
        return fail(errnoError("create BPF snapshot iterator", errno));
    std::unordered_map<Pid, ProcessFds> out;
    ProcessFds* current = nullptr;
    Pid currentPid = -1;
    // Records may be cut between two reads: what is left is moved to the front. (Reading on
    // one thread and parsing on another measured no faster on two cores.)
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
            if (static_cast<Pid>(r.tgid) != currentPid) {
                currentPid = r.tgid;
                current = &out[currentPid];
            }
            current->handles.push_back(toHandle(r, path, detail));
            const HandleInfo& h = current->handles.back();
            if (h.kind == HandleKind::Socket && !h.socket)
                current->socketNetns = r.netns;
            at += sizeof r + r.path_len;
        }
        std::memmove(buf.data(), buf.data() + at, have - at);
        have -= at;
    }
    if (have != 0)
        return fail(errnoError("read BPF snapshot iterator", EPROTO, -1, -1,
                               "the iterator's output ended inside a record: a mismatch between "
                               "bpf/task_file.bpf.c and this program"));
    return out;
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

Result<Snapshot> takeBpfSnapshot(Detail detail, const CancelToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    if (cancel.cancelled())
        return fail(cancelledError("take snapshot"));
    auto link = Iterator::instance().link();
    if (!link)
        return fail(link.error());

    Snapshot snap;
    snap.takenAt = std::chrono::system_clock::now();
    snap.detail = detail;
    snap.backend = "bpf-iter";

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // Process details (stat, owner, exe, cmdline) on a thread of their own, beside the
    // iterator; the UNIX and netlink socket tables load on another.
    SocketResolver sockets;
    std::jthread socketLoader([&sockets] { sockets.prefetchOwn(); });
    std::vector<std::optional<ProcessInfo>> infos(pids.size());
    std::jthread processReader([&] {
        ProcWalker walker;
        for (std::size_t i = 0; i < pids.size() && !cancel.cancelled(); ++i) {
            if (auto dir = walker.openProcess(pids[i]))
                if (auto info = walker.readProcess(dir->get(), pids[i], false))
                    infos[i] = std::move(*info);
        }
    });
    auto fds = readIterator(*link, detail, cancel);
    processReader.join();
    if (!fds)
        return fail(fds.error());
    if (cancel.cancelled())
        return fail(cancelledError("take snapshot"));

    const std::uint64_t netns = ownNetns();
    ProcWalker walker;
    snap.processes.reserve(pids.size());
    for (std::size_t i = 0; i < pids.size(); ++i) {
        if (!infos[i])
            continue; // exited since /proc was listed
        ProcessHandles& p = snap.processes.emplace_back();
        p.process = std::move(*infos[i]);
        if (noHandlesReason(p.process)) { // zombie or kernel thread: no fds, not an error
            p.process.handleCount = 0;
            continue;
        }
        auto it = fds->find(p.process.pid);
        if (it == fds->end()) {
            // No record: no fds, or a task the iterator does not visit (this machine's
            // PID 1). /proc says which, as the /proc backend would.
            if (!readThroughProc(walker, detail, cancel, p))
                snap.processes.pop_back();
            continue;
        }
        p.handles = std::move(it->second.handles);
        if (!std::ranges::is_sorted(p.handles, {}, &HandleInfo::value)) // the iterator walks fds in order
            std::ranges::sort(p.handles, {}, &HandleInfo::value);
        p.process.handleCount = static_cast<std::int64_t>(p.handles.size());
        if (it->second.socketNetns != 0)
            nameOtherSockets(sockets, netns, p, it->second.socketNetns);
    }
    snap.duration = std::chrono::steady_clock::now() - start;
    log::get("core.linux")->debug("snapshot (bpf-iter): {} processes, {} handles in {} ms", snap.processes.size(),
                                  snap.handleCount(),
                                  std::chrono::duration_cast<std::chrono::milliseconds>(snap.duration).count());
    return snap;
}

} // namespace hs::linux_
