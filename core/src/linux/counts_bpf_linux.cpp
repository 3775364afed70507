// SPDX-License-Identifier: MIT
// The machine's handle counts from one read of a BPF task iterator that adds them up in the
// kernel (bpf/fd_counts.bpf.c): the read returns one record per fd table, the per-kind
// totals are taken from the program's globals afterwards.
#include "counts_linux.h"

#include "handlescope/log.h"

#include "bpf_support_linux.h"
#include "errno_linux.h"

#include "fd_counts_record.h"
#include "count_program_linux.h"

#include <bpf/bpf.h>

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
/// One count at a time (`runMutex`): the per-kind counts and the f_op cache live in the
/// program's globals.
struct CountIterator {
    static CountIterator& instance()
    {
        static CountIterator it;
        return it;
    }
    std::mutex runMutex;

    Result<const hs_count_program*> program()
    {
        return m_kept.get([]() -> Result<hs_count_program> {
            hs_count_program loaded{};
            if (int err = hs_load_count_program(&loaded); err != 0)
                return fail(bpfLoadError("load BPF count iterator", err));
            return loaded;
        });
    }

private:
    KeptPrograms<hs_count_program> m_kept;
};

/// Runs the iterator to its end, adding its per-table records to `out` (unsorted; a
/// process whose threads unshared their table appears more than once).
int runIterator(int linkFd, std::vector<std::pair<Pid, std::int64_t>>& out)
{
    const int iterFd = bpf_iter_create(linkFd);
    if (iterFd < 0)
        return errno;
    // A multiple of the record size: the kernel hands out whole records per read.
    std::array<hs_count_record, 512> buf;
    int err = 0;
    for (;;) {
        const ssize_t n = ::read(iterFd, buf.data(), sizeof buf);
        if (n == 0)
            break;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        const auto records = static_cast<std::size_t>(n) / sizeof(hs_count_record);
        for (std::size_t i = 0; i < records; ++i)
            out.emplace_back(static_cast<Pid>(buf[i].tgid), static_cast<std::int64_t>(buf[i].count));
    }
    ::close(iterFd);
    return err;
}

/// Sorts by pid and adds up the records of one process.
void mergeTables(std::vector<std::pair<Pid, std::int64_t>>& perProcess)
{
    std::sort(perProcess.begin(), perProcess.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < perProcess.size(); ++i) {
        if (kept > 0 && perProcess[kept - 1].first == perProcess[i].first)
            perProcess[kept - 1].second += perProcess[i].second;
        else
            perProcess[kept++] = perProcess[i];
    }
    perProcess.resize(kept);
}

} // namespace

Result<HandleCounts> countHandlesBpf(const CancelToken& cancel)
{
    auto& it = CountIterator::instance();
    auto program = it.program();
    if (!program)
        return fail(program.error());
    std::lock_guard lock(it.runMutex);
    if (cancel.cancelled())
        return fail(cancelledError("count handles"));
    const auto start = std::chrono::steady_clock::now();
    const hs_count_program& loaded = **program;
    std::memset(loaded.globals, 0, loaded.globalsSize);

    HandleCounts counts;
    counts.backend = "bpf-iter";
    counts.kindsCounted = true;
    if (int err = runIterator(loaded.linkFd, counts.perProcess); err != 0)
        return fail(errnoError("read BPF count iterator", err));
    mergeTables(counts.perProcess);
    log::get("core.linux")->trace("counts: {} processes, {} files classified from their inode",
                                  counts.perProcess.size(), *loaded.inodeReads);
    for (int slot = 0; slot < HS_SLOT_COUNT; ++slot)
        counts.perKind[static_cast<std::size_t>(kSlotKinds[static_cast<std::size_t>(slot)])] +=
            static_cast<std::int64_t>(loaded.kindCounts[slot]);
    counts.duration = std::chrono::steady_clock::now() - start;
    return counts;
}

} // namespace hs::linux_
