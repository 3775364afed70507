// SPDX-License-Identifier: MIT
// The whole machine in one pass: every process, every fd. One readlink per fd, a statx
// only for fds that name a path, socket tables once per network namespace.
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include "background_linux.h"
#include "errno_linux.h"
#include "proc_walk.h"

#include <malloc.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace hs::linux_ {

namespace {

enum class Outcome { Gone, Read, ReadSocketsLater, Denied };

// One process of the snapshot: its info and, unless it has none to give, its handles.
Outcome readForSnapshot(ProcWalker& walker, Pid pid, Detail detail, ProcessHandles& entry)
{
    auto dir = walker.openProcess(pid);
    if (!dir)
        return Outcome::Gone; // exited since /proc was listed
    auto info = walker.readProcess(dir->get(), pid, false);
    if (!info)
        return Outcome::Gone;
    entry.process = std::move(*info);
    if (noHandlesReason(entry.process)) { // zombie or kernel thread: no fds, not an error
        entry.process.handleCount = 0;
        return Outcome::Read;
    }
    auto r = walker.readHandles(dir->get(), pid, detail, entry.handles);
    if (!r) {
        if (r.error().osCode == ESRCH) // exited mid-walk: drop it silently
            return Outcome::Gone;
        entry.process.accessError = r.error();
        entry.handles.clear(); // safe: readHandles forgot any cached names in them
        return Outcome::Denied;
    }
    entry.process.handleCount = static_cast<std::int64_t>(entry.handles.size());
    return walker.socketsDeferred() ? Outcome::ReadSocketsLater : Outcome::Read;
}

void fillDeferredSockets(SocketResolver& sockets, ProcessHandles& entry)
{
    const SocketTable& table = sockets.ownTable();
    for (auto& h : entry.handles)
        if (h.kind == HandleKind::Socket && !h.socket)
            h.socket = SocketResolver::findOrUnknown(table, h.object.inode);
}

} // namespace

} // namespace hs::linux_

namespace hs {

void releaseFreeMemory() { ::malloc_trim(0); }

Result<Snapshot> takeSnapshot(Detail detail, Priority priority)
{
    const auto start = std::chrono::steady_clock::now();
    Snapshot snap;
    snap.takenAt = std::chrono::system_clock::now();
    snap.detail = detail;

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = linux_::readNumericEntries(linux_::procRootFd(), pids, dents); err != 0)
        return fail(linux_::errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // Processes are independent, so one walker per core reads them; the kernel work
    // (readlink, statx, getdents) is most of the cost and runs in parallel.
    std::vector<ProcessHandles> slots(pids.size());
    std::vector<linux_::Outcome> outcomes(pids.size(), linux_::Outcome::Gone);
    std::atomic<std::size_t> next{0};
    const bool background = priority == Priority::Background;
    if (background)
        linux_::lowerThisThreadsPriority(); // before any thread starts: they inherit it
    linux_::SocketResolver sockets;
    // The socket tables of our namespace load on a thread of their own, beside the walkers.
    std::jthread socketLoader([&sockets, background] {
        const linux_::BackgroundPacing pacing(background);
        sockets.prefetchOwn();
    });
    auto work = [&] {
        linux_::ProcWalker walker(&sockets);
        walker.cachePathStats(detail == Detail::Fast);
        walker.deferSockets(true);
        const linux_::BackgroundPacing pacing(background);
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pids.size();) {
            outcomes[i] = linux_::readForSnapshot(walker, pids[i], detail, slots[i]);
            linux_::pauseIfDue();
        }
    };
    // In the background one core is left to the caller's other threads: with a walker on
    // each of 2 cores a UI thread waited up to 44 ms for a timeslice, even with the
    // walkers at nice +10 (sched_switch traces, kernel 6.18).
    const unsigned cores = std::max(std::thread::hardware_concurrency(), 1u);
    unsigned workers = std::clamp(background ? cores - 1 : cores, 1u, 4u);
    if (const char* env = std::getenv("HANDLESCOPE_SNAPSHOT_THREADS")) // for benchmarks
        workers = static_cast<unsigned>(std::clamp(std::atoi(env), 1, 16));
    {
        // The caller walks too: what it allocates stays in its malloc arena, so a caller
        // that takes snapshot after snapshot on one thread reuses the memory of the last.
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < workers; ++t)
            threads.emplace_back(work);
        work();
    }

    std::size_t denied = 0;
    snap.processes.reserve(pids.size());
    for (std::size_t i = 0; i < pids.size(); ++i) {
        if (outcomes[i] == linux_::Outcome::Gone)
            continue;
        if (outcomes[i] == linux_::Outcome::ReadSocketsLater)
            linux_::fillDeferredSockets(sockets, slots[i]);
        denied += outcomes[i] == linux_::Outcome::Denied;
        snap.processes.push_back(std::move(slots[i]));
    }
    snap.duration = std::chrono::steady_clock::now() - start;
    log::get("core.linux")->debug("snapshot: {} processes ({} not readable), {} handles in {} ms with {} threads",
                                  snap.processes.size(), denied, snap.handleCount(),
                                  std::chrono::duration_cast<std::chrono::milliseconds>(snap.duration).count(), workers);
    return snap;
}

Result<ObjectId> objectIdOfPath(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        return fail(linux_::errnoError("stat '" + path + "'", err, -1, -1,
                                       err == ENOENT ? "no such file; give an existing path" : std::string()));
    }
    return ObjectId{st.st_dev, st.st_ino};
}

PlatformInfo platformInfo()
{
    return PlatformInfo{
        .name = "Linux",
        .canNarrowAccess = false,
        .canSetInheritable = true,
        .hasObjectNames = false,
        .handleWord = "fd",
        .privilegeHint = "To see and act on other users' processes, run as root: sudo handlescope-cli ..., "
                         "or pkexec handlescope for the desktop app",
    };
}

} // namespace hs
