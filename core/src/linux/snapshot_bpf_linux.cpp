// SPDX-License-Identifier: MIT
// The whole machine's fds from BPF task_file iterators (bpf/task_file.bpf.c), one per
// process, read by one thread per core: the kernel writes a record per fd (identity, mode,
// offset, flags, d_path text, inet endpoints), so there is no readlink, stat or fdinfo per
// fd. Process details come from one task iterator (task_info_linux.h), the exe link from /proc.
#include "snapshot_bpf_linux.h"

#include "handlescope/log.h"

#include "bpf_support_linux.h"
#include "errno_linux.h"
#include "identity_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"
#include "sock_diag_linux.h"
#include "task_file_record_linux.h"
#include "task_info_linux.h"

#include "snapshot_programs_linux.h"
#include "task_file_record.h"

#include <bpf/bpf.h>

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

/// The programs, loaded on first use and kept for the life of the process (about 8 ms to
/// load). One snapshot at a time (`snapshotMutex`): its reading threads register in the
/// programs' reader_tids, which gives each its own scratch space.
struct Iterator {
    static Iterator& instance()
    {
        static Iterator it;
        return it;
    }
    std::mutex snapshotMutex;

    Result<const hs_snapshot_programs*> programs()
    {
        return m_kept.get([]() -> Result<hs_snapshot_programs> {
            hs_snapshot_programs loaded{};
            if (int err = hs_load_snapshot_programs(&loaded); err != 0)
                return fail(bpfLoadError("load BPF snapshot iterator", err));
            if (loaded.detailsProgram < 0)
                log::get("core.linux")->debug("process details from /proc: the kernel refused the details program ({})",
                                              std::strerror(loaded.detailsError));
            return loaded;
        });
    }

private:
    KeptPrograms<hs_snapshot_programs> m_kept;
};

/// The calling thread registered as reader `index` of the programs for its lifetime.
class ReaderRegistration {
public:
    ReaderRegistration(const hs_snapshot_programs& programs, unsigned index)
        : m_tid(&programs.readerTids[index])
    {
        *m_tid = static_cast<__u32>(::gettid());
    }
    ~ReaderRegistration() { *m_tid = 0; }
    ReaderRegistration(const ReaderRegistration&) = delete;
    ReaderRegistration& operator=(const ReaderRegistration&) = delete;

private:
    __u32* m_tid;
};

/// Reads the fds of process `pid` through an iterator of its own (kernel 6.1+: a task
/// iterator limited to one process), in fd order, into `handles` (cleared first). `buf` is
/// the caller's, kept between calls. `socketNetns` becomes the network namespace of a
/// socket the /proc tables must name, 0 if none. ESRCH or ENOENT: the process is gone.
Result<void> readProcessFds(int progFd, Pid pid, Detail detail, std::vector<char>& buf,
                            std::vector<HandleInfo>& handles, std::uint64_t& socketNetns)
{
    handles.clear(); // keeps the capacity the caller reserved
    socketNetns = 0;
    union bpf_iter_link_info info {};
    info.task.pid = static_cast<__u32>(pid);
    LIBBPF_OPTS(bpf_link_create_opts, opts, .iter_info = &info, .iter_info_len = sizeof info);
    const UniqueFd link(bpf_link_create(progFd, 0, BPF_TRACE_ITER, &opts));
    if (!link.valid())
        return fail(errnoError("create BPF snapshot iterator", errno, pid));
    const UniqueFd fd(bpf_iter_create(link.get()));
    if (!fd.valid())
        return fail(errnoError("create BPF snapshot iterator", errno, pid));
    // Records may be cut between two reads: what is left is moved to the front.
    constexpr std::size_t kChunk = 64 * 1024;
    if (buf.size() < kChunk + sizeof(hs_fd_record) + HS_PATH_MAX)
        buf.resize(kChunk + sizeof(hs_fd_record) + HS_PATH_MAX);
    std::size_t have = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf.data() + have, buf.size() - have);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errnoError("read BPF snapshot iterator", errno, pid));
        }
        if (n == 0)
            break;
        have += static_cast<std::size_t>(n);
        // Sized from the records that came (usually all of them, in one read), not grown
        // step by step: each step moved every HandleInfo so far.
        std::size_t records = 0;
        for (std::size_t at = 0; have - at >= sizeof(hs_fd_record); ++records) {
            hs_fd_record r;
            std::memcpy(&r, buf.data() + at, sizeof r);
            at += sizeof r + r.path_len;
        }
        if (handles.capacity() < handles.size() + records)
            handles.reserve(std::max(handles.size() + records, 2 * handles.capacity()));
        std::size_t at = 0;
        while (have - at >= sizeof(hs_fd_record)) {
            hs_fd_record r;
            std::memcpy(&r, buf.data() + at, sizeof r);
            if (have - at < sizeof r + r.path_len)
                break;
            const char* text = buf.data() + at + sizeof r;
            HandleInfo& h = handles.emplace_back();
            fillHandle(h, r, std::string_view(text, r.path_len), detail);
            if (h.kind == HandleKind::Socket && !h.socket)
                socketNetns = r.netns;
            at += sizeof r + r.path_len;
        }
        std::memmove(buf.data(), buf.data() + at, have - at);
        have -= at;
    }
    if (have != 0)
        return fail(errnoError("read BPF snapshot iterator", EPROTO, pid, -1,
                               "the iterator's output ended inside a record: a mismatch between "
                               "bpf/task_file.bpf.c and this program"));
    if (!std::ranges::is_sorted(handles, {}, &HandleInfo::value)) // the iterator walks fds in order
        std::ranges::sort(handles, {}, &HandleInfo::value);
    return {};
}

/// The sockets of one process that the iterator left unnamed (netlink, packet, raw),
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

/// What the process iterator leaves to /proc: the exe link, and a command line it could not
/// copy whole.
void completeIterated(ProcessInfo& info, bool commandLineComplete)
{
    if (info.state == ProcessState::KernelThread)
        return;
    const std::string dir = std::to_string(info.pid);
    std::string text;
    if (readLinkAt(procRootFd(), (dir + "/exe").c_str(), text) == 0)
        info.executable = std::move(text);
    if (!commandLineComplete && readFileAt(procRootFd(), (dir + "/cmdline").c_str(), text) == 0)
        info.commandLine = parseCmdline(text);
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
    auto& iterator = Iterator::instance();
    std::lock_guard lock(iterator.snapshotMutex);
    auto programs = iterator.programs();
    if (!programs)
        return fail(programs.error());
    const auto loaded = std::chrono::steady_clock::now();
    // Every process's details from a second program of the same object, where the kernel
    // loads it: /proc then gives only the exe link, not ten system calls a process. It runs
    // on a thread while /proc is listed.
    std::optional<Result<std::vector<IteratedProcess>>> iterated;
    std::jthread detailsReader([&iterated, detailsFd = (*programs)->detailsProgram] {
        iterated = readIteratedProcesses(detailsFd);
    });
    const int progFd = (*programs)->fdProgram;

    Snapshot header;
    header.takenAt = std::chrono::system_clock::now();
    header.detail = detail;
    header.backend = "bpf-iter";

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // Processes are independent, so one reader per core takes the next process not yet
    // taken: its details from /proc, then its fds from an iterator of its own. The kernel's
    // walk (d_path, a reference on each file) is most of the cost and runs in parallel.
    // TCP, UDP and UNIX sockets come described in the records; the netlink and packet
    // tables load on a thread of their own.
    struct Slot {
        std::atomic<bool> done{false};
        bool gone = true;
        ProcessHandles p;
    };
    const std::unique_ptr<Slot[]> slots(new Slot[pids.size()]);
    std::atomic<std::size_t> next{0};
    SocketResolver sockets(SocketResolver::Families::NotInetOrUnix);
    std::jthread socketLoader([&sockets] { sockets.prefetchOwn(); });
    const std::uint64_t netns = ownNetns();

    // The processes the details iterator has no record for (this machine's PID 1; kernel
    // threads, whose full names only /proc prints), or all where it cannot load, are read
    // from /proc.
    detailsReader.join();
    const auto detailsRead = std::chrono::steady_clock::now();
    std::vector<IteratedProcess> iteratedProcesses;
    if (*iterated)
        iteratedProcesses = std::move(**iterated);
    else
        log::get("core.linux")->debug("process details from /proc: {}", iterated->error().message());
    const auto details = [&iteratedProcesses](Pid pid) -> IteratedProcess* {
        auto it = std::ranges::lower_bound(iteratedProcesses, pid, {}, [](const IteratedProcess& p) { return p.info.pid; });
        return it != iteratedProcesses.end() && it->info.pid == pid && !it->nameFromProc() ? &*it : nullptr;
    };

    // One process: false if it is gone (exited since /proc was listed).
    const auto readOne = [&](ProcWalker& walker, std::vector<char>& buf, Pid pid, ProcessHandles& p) {
        if (IteratedProcess* seen = details(pid)) {
            p.process = std::move(seen->info); // each pid is read by one reader, once
            completeIterated(p.process, seen->commandLineComplete);
        } else {
            auto dir = walker.openProcess(pid);
            if (!dir)
                return false;
            auto info = walker.readProcess(dir->get(), pid, false);
            if (!info)
                return false;
            p.process = std::move(*info);
        }
        if (noHandlesReason(p.process)) { // zombie or kernel thread: no fds, not an error
            p.process.handleCount = 0;
            return true;
        }
        std::uint64_t socketNetns = 0;
        if (auto read = readProcessFds(progFd, pid, detail, buf, p.handles, socketNetns); !read) {
            if (read.error().osCode == ESRCH || read.error().osCode == ENOENT)
                return false;
            p.process.accessError = read.error();
            p.handles.clear();
            return true;
        }
        // No record: no fds, or a task the iterator does not visit (this machine's PID 1).
        // /proc says which, as the /proc backend would.
        if (p.handles.empty())
            return readThroughProc(walker, detail, cancel, p);
        p.process.handleCount = static_cast<std::int64_t>(p.handles.size());
        if (socketNetns != 0)
            nameOtherSockets(sockets, netns, p, socketNetns);
        return true;
    };

    // The caller hands the processes to the visitor in pid order, as soon as each and all
    // before it are read: memory holds a few processes' handles, not the machine's.
    std::size_t delivered = 0;
    const auto deliverReady = [&] {
        for (; delivered < pids.size() && slots[delivered].done.load(std::memory_order_acquire); ++delivered) {
            Slot& slot = slots[delivered];
            if (!slot.gone && !cancel.cancelled())
                visitor.process(slot.p);
            slot.p = {};
        }
    };
    const auto work = [&](unsigned reader) {
        ReaderRegistration registration(**programs, reader);
        ProcWalker walker;
        std::vector<char> buf;
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pids.size();) {
            if (cancel.cancelled())
                break;
            slots[i].gone = !readOne(walker, buf, static_cast<Pid>(pids[i]), slots[i].p);
            slots[i].done.store(true, std::memory_order_release);
            if (reader == 0)
                deliverReady();
        }
    };
    visitor.begin(header);
    {
        std::vector<std::jthread> threads;
        const unsigned readers = std::min<unsigned>(walkerCount(), HS_MAX_READERS);
        for (unsigned t = 1; t < readers; ++t)
            threads.emplace_back(work, t);
        work(0); // the caller reads too
    }
    const auto fdsRead = std::chrono::steady_clock::now();
    if (cancel.cancelled()) // some processes may be missing: no partial snapshot
        return fail(cancelledError("take snapshot"));
    deliverReady();
    const auto end = std::chrono::steady_clock::now();
    header.duration = end - start;
    // Where the time went, for docs/performance.md: load (first use only), waiting for the
    // details iterator, reading the fds, then handing over what the visitor had not taken.
    const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    log::get("core.linux")->debug("bpf-iter visit: load {:.1f} ms, details {:.1f} ms, fds {:.1f} ms, tail {:.1f} ms",
                                  ms(loaded - start), ms(detailsRead - loaded), ms(fdsRead - detailsRead),
                                  ms(end - fdsRead));
    return header;
}

Result<Snapshot> takeBpfSnapshot(Detail detail, const CancelToken& cancel)
{
    struct Collect final : SnapshotVisitor {
        Snapshot snap;
        void begin(const Snapshot& header) override { snap = header; }
        void process(ProcessHandles& p) override
        {
            snap.processes.push_back(std::move(p)); // sized from the fd count: little spare capacity
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
