// SPDX-License-Identifier: MIT
// The machine's handle counts from one read of a BPF task_file iterator that adds them up in
// the kernel (bpf/fd_counts.bpf.c): nothing is written per fd, so the read returns no
// data; the counts are then taken from the program's globals and its per-process map.
#include "counts_linux.h"

#include "handlescope/log.h"

#include "bpf_support_linux.h"
#include "errno_linux.h"

#include "fd_counts_record.h"
#include "hs_fd_counts.skel.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>

namespace hs::linux_ {

namespace {

constexpr std::array<HandleKind, HS_SLOT_COUNT> kSlotKinds = [] {
    std::array<HandleKind, HS_SLOT_COUNT> k{};
    k[HS_SLOT_REG] = HandleKind::RegularFile;
    k[HS_SLOT_DIR] = HandleKind::Directory;
    k[HS_SLOT_CHR] = HandleKind::CharDevice;
    k[HS_SLOT_BLK] = HandleKind::BlockDevice;
    k[HS_SLOT_FIFO] = HandleKind::Fifo;
    k[HS_SLOT_SOCK] = HandleKind::Socket;
    k[HS_SLOT_EVENTFD] = HandleKind::EventFd;
    k[HS_SLOT_TIMERFD] = HandleKind::TimerFd;
    k[HS_SLOT_SIGNALFD] = HandleKind::SignalFd;
    k[HS_SLOT_EPOLL] = HandleKind::Epoll;
    k[HS_SLOT_INOTIFY] = HandleKind::Inotify;
    k[HS_SLOT_FANOTIFY] = HandleKind::Fanotify;
    k[HS_SLOT_PIDFD] = HandleKind::PidFd;
    k[HS_SLOT_MEMFD] = HandleKind::MemFd;
    k[HS_SLOT_IO_URING] = HandleKind::IoUring;
    k[HS_SLOT_ANON] = HandleKind::AnonInode;
    k[HS_SLOT_NSFS] = HandleKind::Other;
    k[HS_SLOT_UNKNOWN] = HandleKind::Unknown;
    return k;
}();

/// The program, loaded and attached on first use and kept for the life of the process.
/// One count at a time: the counts live in the program's globals and map.
class CountIterator {
public:
    static CountIterator& instance()
    {
        static CountIterator it;
        return it;
    }
    std::mutex runMutex;

    /// The loaded skeleton, or why there is none (the first failure, kept).
    Result<hs_fd_counts*> skeleton()
    {
        std::lock_guard lock(m_loadMutex);
        if (m_skel)
            return m_skel;
        if (m_failure)
            return fail(*m_failure);
        libbpf_set_print(forwardLibbpfLog);
        hs_fd_counts* skel = hs_fd_counts__open_and_load();
        if (!skel) {
            m_failure = bpfLoadError("load BPF count iterator", errno);
            return fail(*m_failure);
        }
        if (int err = hs_fd_counts__attach(skel); err != 0) {
            hs_fd_counts__destroy(skel);
            m_failure = bpfLoadError("attach BPF count iterator", -err);
            return fail(*m_failure);
        }
        if (!skel->bss) { // globals not mapped into user space (kernels before 5.5)
            hs_fd_counts__destroy(skel);
            m_failure = bpfLoadError("map BPF count iterator globals", ENOTSUP);
            return fail(*m_failure);
        }
        m_skel = skel;
        return m_skel;
    }

private:
    std::mutex m_loadMutex;
    hs_fd_counts* m_skel = nullptr;
    std::optional<Error> m_failure;
};

/// Runs the iterator to its end. It writes nothing, so a read returns 0 at the end; it may
/// return EAGAIN after a million fds without output (the kernel's limit per read): read on.
int runIterator(int linkFd)
{
    const int iterFd = bpf_iter_create(linkFd);
    if (iterFd < 0)
        return errno;
    char buf[256];
    int err = 0;
    for (;;) {
        const ssize_t n = ::read(iterFd, buf, sizeof buf);
        if (n == 0)
            break;
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
    }
    ::close(iterFd);
    return err;
}

/// Takes every (tgid, count) out of the map, leaving it empty for the next run.
int drainProcessCounts(int mapFd, std::vector<std::pair<Pid, std::int64_t>>& out)
{
    __u32 key = 0;
    __u32 next = 0;
    const __u32* prev = nullptr;
    while (bpf_map_get_next_key(mapFd, prev, &next) == 0) {
        __u64 value = 0;
        if (bpf_map_lookup_elem(mapFd, &next, &value) == 0)
            out.emplace_back(static_cast<Pid>(next), static_cast<std::int64_t>(value));
        key = next;
        prev = &key;
    }
    if (errno != ENOENT)
        return errno;
    for (const auto& [pid, count] : out) {
        const __u32 k = static_cast<__u32>(pid);
        bpf_map_delete_elem(mapFd, &k);
    }
    return 0;
}

} // namespace

Result<HandleCounts> countHandlesBpf(const CancelToken& cancel)
{
    auto& it = CountIterator::instance();
    auto skel = it.skeleton();
    if (!skel)
        return fail(skel.error());
    std::lock_guard lock(it.runMutex);
    if (cancel.cancelled())
        return fail(cancelledError("count handles"));
    const auto start = std::chrono::steady_clock::now();
    auto* bss = (*skel)->bss;
    std::memset(bss, 0, sizeof *bss);

    if (int err = runIterator(bpf_link__fd((*skel)->links.count_task_file)); err != 0)
        return fail(errnoError("read BPF count iterator", err));
    log::get("core.linux")->trace("counts: iterator done, last tgid {} count {}, dropped {}", bss->cur_tgid,
                                  bss->cur_count, bss->dropped);
    HandleCounts counts;
    counts.backend = "bpf-iter";
    counts.kindsCounted = true;
    if (int err = drainProcessCounts(bpf_map__fd((*skel)->maps.proc_counts), counts.perProcess); err != 0)
        return fail(errnoError("read BPF per-process counts", err));
    if (bss->cur_count != 0) // the walk's last process, if the kernel's closing call did not store it
        counts.perProcess.emplace_back(static_cast<Pid>(bss->cur_tgid), static_cast<std::int64_t>(bss->cur_count));
    if (bss->dropped != 0)
        log::get("core.linux")->warn("counts: {} processes did not fit the BPF map ({} entries)", bss->dropped,
                                     HS_COUNTS_MAX_PROCESSES);
    std::sort(counts.perProcess.begin(), counts.perProcess.end());
    for (int slot = 0; slot < HS_SLOT_COUNT; ++slot)
        counts.perKind[static_cast<std::size_t>(kSlotKinds[static_cast<std::size_t>(slot)])] +=
            static_cast<std::int64_t>(bss->kind_counts[slot]);
    counts.duration = std::chrono::steady_clock::now() - start;
    return counts;
}

} // namespace hs::linux_
