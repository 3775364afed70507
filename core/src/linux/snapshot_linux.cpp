// SPDX-License-Identifier: MIT
// The whole machine in one pass: every process, every fd. One readlink per fd, a statx
// only for fds that name a path, socket tables once per network namespace.
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include "backend_env_linux.h"
#include "errno_linux.h"
#include "proc_walk.h"
#include "snapshot_bpf_linux.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <thread>

namespace hs::linux_ {

namespace {

enum class Outcome { Gone, Read, ReadSocketsLater, Denied };

// One process of the snapshot: its info and, unless it has none to give, its handles.
Outcome readForSnapshot(ProcWalker& walker, Pid pid, Detail detail, const CancelToken& cancel, ProcessHandles& entry)
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
    auto r = walker.readHandles(dir->get(), pid, detail, entry.handles, cancel);
    if (!r) {
        // Exited mid-walk: drop it silently. Cancelled: the whole snapshot is dropped.
        if (r.error().osCode == ESRCH || isCancelled(r.error()))
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

unsigned walkerCount()
{
    if (const char* env = std::getenv("HANDLESCOPE_SNAPSHOT_THREADS")) // for benchmarks
        return static_cast<unsigned>(std::clamp(std::atoi(env), 1, 16));
    return std::max(std::thread::hardware_concurrency(), 1u);
}

Result<Snapshot> takeProcfsSnapshot(Detail detail, const CancelToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    Snapshot snap;
    snap.takenAt = std::chrono::system_clock::now();
    snap.detail = detail;
    snap.backend = "procfs";
    if (cancel.cancelled())
        return fail(cancelledError("take snapshot"));

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = linux_::readNumericEntries(linux_::procRootFd(), pids, dents); err != 0)
        return fail(linux_::errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // Processes are independent, so one walker per core reads them, each taking the next
    // process not yet taken; the kernel work (readlink, statx, getdents) is most of the
    // cost and runs in parallel. The threads are started here, so they run with the
    // calling thread's scheduling policy and nice value.
    std::vector<ProcessHandles> slots(pids.size());
    std::vector<linux_::Outcome> outcomes(pids.size(), linux_::Outcome::Gone);
    std::atomic<std::size_t> next{0};
    linux_::SocketResolver sockets;
    // The socket tables of our namespace load on a thread of their own, beside the walkers.
    std::jthread socketLoader([&sockets] { sockets.prefetchOwn(); });
    auto work = [&] {
        linux_::ProcWalker walker(&sockets);
        walker.cachePathStats(detail == Detail::Fast);
        walker.deferSockets(true);
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pids.size();) {
            if (cancel.cancelled())
                break;
            outcomes[i] = linux_::readForSnapshot(walker, pids[i], detail, cancel, slots[i]);
        }
    };
    const unsigned workers = linux_::walkerCount();
    {
        // The caller walks too: what it allocates stays in its malloc arena, so a caller
        // that takes snapshot after snapshot on one thread reuses the memory of the last.
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < workers; ++t)
            threads.emplace_back(work);
        work();
    }
    if (cancel.cancelled()) // some processes may be missing: no partial snapshot
        return fail(cancelledError("take snapshot"));

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

} // namespace hs::linux_

namespace hs {

Result<Snapshot> takeSnapshot(Detail detail, const CancelToken& cancel)
{
    // HANDLESCOPE_SNAPSHOT_BACKEND forces one backend, for tests and benchmarks.
    auto forced = linux_::forcedBackend();
    if (!forced)
        return fail(forced.error());
    if (*forced == linux_::ForcedBackend::Procfs)
        return linux_::takeProcfsSnapshot(detail, cancel);
    if (*forced == linux_::ForcedBackend::BpfIter)
        return linux_::takeBpfSnapshot(detail, cancel);
    auto snap = linux_::takeBpfSnapshot(detail, cancel);
    if (snap || isCancelled(snap.error()))
        return snap;
    // Said once: takeBpfSnapshot keeps its load failure and returns it again without a try.
    static std::once_flag said;
    std::call_once(said, [&] {
        log::get("core.linux")->debug("snapshot: the BPF iterator is not used, /proc is: {}", snap.error().message());
    });
    return linux_::takeProcfsSnapshot(detail, cancel);
}

} // namespace hs
