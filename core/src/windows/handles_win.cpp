// SPDX-License-Identifier: MIT
// Handle enumeration: NtQuerySystemInformation(SystemExtendedHandleInformation) in a
// grow-and-retry loop, filtered per process; each row then described (handle_detail_win).
#include "handlescope/inspect.h"
#include "win_internal.h"

#include "common/visit_whole.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hs::win {

namespace {
constexpr std::size_t kInitialBuffer = 1u << 20;  // 1 MiB: ~25k handles
constexpr std::size_t kMaxBuffer = 256u << 20;    // the cap: a table larger than this is refused
constexpr int kMaxAttempts = 8;
} // namespace

Result<std::vector<RawHandle>> querySystemHandles(Pid onlyPid)
{
    const auto fn = nt::api().querySystemInformation;
    if (!fn)
        return fail(win32Error("read the system handle table", onlyPid, -1, ERROR_PROC_NOT_FOUND,
                               "ntdll has no NtQuerySystemInformation"));
    std::size_t size = kInitialBuffer;
    std::vector<std::byte> buf;
    nt::NTSTATUS status = nt::kInfoLengthMismatch;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        buf.resize(size);
        ULONG needed = 0;
        status = fn(nt::kSystemExtendedHandleInformation, buf.data(), static_cast<ULONG>(buf.size()), &needed);
        if (status != nt::kInfoLengthMismatch && status != nt::kBufferTooSmall)
            break;
        // The table grows between calls: ask for more than it said it needed.
        size = std::max<std::size_t>(size * 2, static_cast<std::size_t>(needed) + (64u << 10));
        if (size > kMaxBuffer)
            return fail(ntError("read the system handle table", onlyPid, -1, status,
                                "the handle table is larger than 256 MiB"));
    }
    if (!nt::ok(status))
        return fail(ntError("read the system handle table", onlyPid, -1, status));

    const auto* info = reinterpret_cast<const nt::SystemHandleInformationEx*>(buf.data());
    const std::size_t capacity =
        (buf.size() - offsetof(nt::SystemHandleInformationEx, Handles)) / sizeof(nt::SystemHandleEntryEx);
    const std::size_t count = std::min<std::size_t>(info->NumberOfHandles, capacity);
    std::vector<RawHandle> out;
    out.reserve(onlyPid >= 0 ? 256 : count);
    const nt::SystemHandleEntryEx* entries = info->Handles;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& e = entries[i];
        const auto pid = static_cast<Pid>(e.UniqueProcessId);
        if (onlyPid >= 0 && pid != onlyPid)
            continue;
        RawHandle r;
        r.pid = pid;
        r.value = static_cast<HandleValue>(e.HandleValue);
        r.object = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(e.Object));
        r.grantedAccess = e.GrantedAccess;
        r.typeIndex = e.ObjectTypeIndex;
        r.attributes = e.HandleAttributes;
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const RawHandle& a, const RawHandle& b) {
        return a.pid != b.pid ? a.pid < b.pid : a.value < b.value;
    });
    return out;
}

namespace {

/// Checks that `pid` is a running process (OpenProcess answers ERROR_INVALID_PARAMETER for
/// an unknown pid) and opens it for naming when allowed.
Result<UniqueHandle> openForListing(Pid pid, const std::string& operation)
{
    ensureDebugPrivilege();
    if (pid < 0 || pid > 0xFFFFFFFFLL)
        return fail(win32Error(operation, pid, -1, ERROR_INVALID_PARAMETER, "not a Windows process id"));
    UniqueHandle query(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid)));
    DWORD err = query ? ERROR_SUCCESS : GetLastError();
    if (query) {
        DWORD code = 0;
        if (GetExitCodeProcess(query.get(), &code) && code != STILL_ACTIVE)
            return fail(win32Error(operation, pid, -1, ERROR_INVALID_PARAMETER,
                                   "the process has exited: refresh the process list"));
    } else if (err == ERROR_INVALID_PARAMETER) {
        return fail(win32Error(operation, pid, -1, err));
    }
    UniqueHandle dup(OpenProcess(PROCESS_DUP_HANDLE, FALSE, static_cast<DWORD>(pid)));
    if (!dup && !query)
        return fail(win32Error(operation, pid, -1, err));
    return dup; // may be empty: listed without names
}

} // namespace

} // namespace hs::win

namespace hs {

using namespace hs::win;

Result<std::vector<HandleInfo>> listHandles(Pid pid, Detail detail, const CancelToken& cancel)
{
    logger()->trace("listHandles pid {} ({})", pid, detail == Detail::Full ? "full" : "fast");
    if (cancel.cancelled())
        return fail(cancelledError("read handles"));
    auto process = openForListing(pid, "read handles");
    if (!process)
        return fail(process.error());
    // Full keeps the system table: its object addresses give identity, the "object" extra
    // and the memory of timed-out file objects. Fast needs none of them and reads only this
    // process' rows (ProcessHandleInformation) where Windows has the class.
    std::vector<RawHandle> rows;
    if (detail == Detail::Fast) {
        auto own = queryProcessHandles(pid);
        if (!own)
            return fail(own.error());
        rows = std::move(own->rows);
    } else {
        auto table = querySystemHandles(pid);
        if (!table)
            return fail(table.error());
        rows = std::move(*table);
    }
    const std::vector<RawHandle>* table = &rows;
    // Identity by comparison (rows without an address: Wine's, and every row of
    // ProcessHandleInformation) costs one NtCompareObjects per group of the type for every
    // handle: quadratic, 22 s for a child of 1,000 Events under Wine. A Fast listing is read
    // for counts and kinds (the sampler), never grouped, so its rows without an address
    // carry no identity; Full listings and snapshots (find holders, diff) keep the grouping.
    IdentityGrouper grouper;
    TimedOutObjects timedOut;
    ImageNames images;
    DetailContext ctx{pid, process->get(), true, detail == Detail::Full ? &grouper : nullptr, &timedOut, &images,
                      detail};
    std::vector<HandleInfo> out;
    out.reserve(table->size());
    for (const auto& raw : *table) {
        if (out.size() % kHandlesBetweenCancelChecks == 0 && cancel.cancelled())
            return fail(cancelledError("read handles"));
        out.push_back(describeHandle(raw, ctx));
    }
    return out;
}

Result<HandleInfo> handleInfo(Pid pid, HandleValue handle)
{
    logger()->debug("handleInfo pid {} handle {}", pid, hex(static_cast<std::uint64_t>(handle)));
    auto process = openForListing(pid, "read handle");
    if (!process)
        return fail(process.error());
    auto table = querySystemHandles(pid);
    if (!table)
        return fail(table.error());
    for (const auto& raw : *table) {
        if (maskTagBits(raw.value) != maskTagBits(handle)) // tag bits name the same handle
            continue;
        IdentityGrouper grouper;
        DetailContext ctx{pid, process->get(), true, &grouper, nullptr, nullptr};
        return describeHandle(raw, ctx);
    }
    return fail(win32Error("read handle", pid, handle, ERROR_INVALID_HANDLE));
}

Result<Snapshot> takeSnapshot(Detail detail, const CancelToken& cancel)
{
    logger()->debug("takeSnapshot ({})", detail == Detail::Full ? "full" : "fast");
    const auto begin = std::chrono::steady_clock::now();
    Snapshot snap;
    snap.takenAt = std::chrono::system_clock::now();
    snap.detail = detail;
    snap.backend = "windows";
    auto processes = listProcesses(cancel);
    if (!processes)
        return fail(isCancelled(processes.error()) ? cancelledError("take snapshot") : processes.error());
    auto table = querySystemHandles();
    if (!table)
        return fail(table.error());
    // One grouper for the whole snapshot, so that ids derived by comparison (Wine) match
    // across processes and findHolders works.
    IdentityGrouper grouper;
    TimedOutObjects timedOut; // one hung file object costs one timeout per snapshot, not one per handle
    ImageNames images;        // one Toolhelp snapshot names every Process/Thread handle
    auto it = table->begin();
    for (auto& p : *processes) {
        if (cancel.cancelled())
            return fail(cancelledError("take snapshot"));
        ProcessHandles ph;
        while (it != table->end() && it->pid < p.pid)
            ++it;
        UniqueHandle dup(OpenProcess(PROCESS_DUP_HANDLE, FALSE, static_cast<DWORD>(p.pid)));
        DetailContext ctx{p.pid, dup.get(), true, &grouper, &timedOut, &images, detail};
        for (; it != table->end() && it->pid == p.pid; ++it) {
            if (!ph.handles.empty() && ph.handles.size() % kHandlesBetweenCancelChecks == 0 && cancel.cancelled())
                return fail(cancelledError("take snapshot"));
            ph.handles.push_back(describeHandle(*it, ctx));
        }
        ph.process = std::move(p);
        snap.processes.push_back(std::move(ph));
    }
    snap.duration = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - begin);
    return snap;
}

Result<Snapshot> visitSnapshot(SnapshotVisitor& visitor, Detail detail, const CancelToken& cancel)
{
    // The handle table comes whole from the OS: read it all, then hand it over.
    return detail::visitWholeSnapshot(visitor, detail, cancel);
}

} // namespace hs
