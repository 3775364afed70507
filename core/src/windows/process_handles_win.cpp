// SPDX-License-Identifier: MIT
// One process' handles from NtQueryInformationProcess(ProcessHandleInformation), Windows 8+.
// The system-wide table (SystemExtendedHandleInformation) copies every handle of every
// process (often 50k-150k rows on a desktop) to list one; the per-process class copies only
// that process' rows. Its rows have no object addresses, so it is used only where they are
// not needed (Detail::Fast listings); identity across processes and remote close keep using
// the system table. Where the class is missing (Wine 8 answers STATUS_INVALID_INFO_CLASS,
// Windows 7 would too) the system table filtered by pid stands in, and that is remembered
// for the life of the process so the refused call is made once.
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

namespace hs::win {

namespace {
std::atomic<bool> g_classMissing{false};
constexpr ULONG kFirstGuess = 16u << 10; // ~400 handles
constexpr std::size_t kMaxBuffer = 64u << 20;
constexpr int kMaxAttempts = 8;

bool isMissingClass(nt::NTSTATUS s) { return s == nt::kInvalidInfoClass || s == nt::kNotImplemented; }

/// The class-51 rows, or the status that refused them.
Result<std::vector<RawHandle>> readProcessClass(HANDLE process, Pid pid, nt::NTSTATUS& status)
{
    const auto fn = nt::api().queryInformationProcess;
    status = nt::kNotImplemented;
    if (!fn)
        return std::vector<RawHandle>{};
    std::vector<std::byte> buf(kFirstGuess);
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        ULONG needed = 0;
        status = fn(process, nt::kProcessHandleInformation, buf.data(), static_cast<ULONG>(buf.size()), &needed);
        if (status != nt::kInfoLengthMismatch && status != nt::kBufferTooSmall)
            break;
        // The call says how much it needs; handles opened meanwhile need a little more.
        const std::size_t next = std::max<std::size_t>(needed, buf.size()) + (4u << 10);
        if (next > kMaxBuffer)
            return fail(ntError("read the process' handles", pid, -1, status, "the handle list is larger than 64 MiB"));
        buf.resize(next);
    }
    if (!nt::ok(status))
        return std::vector<RawHandle>{};
    const auto* info = reinterpret_cast<const nt::ProcessHandleSnapshot*>(buf.data());
    const std::size_t capacity =
        (buf.size() - offsetof(nt::ProcessHandleSnapshot, Handles)) / sizeof(nt::ProcessHandleEntry);
    const std::size_t count = std::min<std::size_t>(info->NumberOfHandles, capacity);
    std::vector<RawHandle> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& e = info->Handles[i];
        RawHandle r;
        r.pid = pid;
        r.value = fromHandle(e.HandleValue);
        r.object = 0; // this class gives none
        r.grantedAccess = e.GrantedAccess;
        // The same type index as the system table's ObjectTypeIndex, so the calibration of
        // object_types_win applies unchanged (argued: both are the kernel's type index).
        r.typeIndex = static_cast<std::uint16_t>(e.ObjectTypeIndex);
        r.attributes = e.HandleAttributes;
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const RawHandle& a, const RawHandle& b) { return a.value < b.value; });
    return out;
}
} // namespace

std::string_view handleSourceName(HandleSource s)
{
    return s == HandleSource::ProcessClass ? "ProcessHandleInformation" : "system handle table";
}

bool processHandleClassMissing() { return g_classMissing.load(); }

Result<ProcessHandleRows> queryProcessHandles(Pid pid)
{
    if (!g_classMissing.load()) {
        // PROCESS_QUERY_INFORMATION: what the kernel checks for this class (System
        // Informer's per-process enumeration opens the process the same way).
        UniqueHandle process(OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, static_cast<DWORD>(pid)));
        if (process) {
            nt::NTSTATUS status = nt::kSuccess;
            auto rows = readProcessClass(process.get(), pid, status);
            if (!rows)
                return fail(rows.error());
            if (nt::ok(status)) {
                logger()->debug("handles of pid {}: {} rows from {}", pid, rows->size(),
                                handleSourceName(HandleSource::ProcessClass));
                return ProcessHandleRows{std::move(*rows), HandleSource::ProcessClass};
            }
            if (isMissingClass(status)) {
                g_classMissing.store(true);
                logger()->info("NtQueryInformationProcess(ProcessHandleInformation) answered {}: one process' "
                               "handles come from the system handle table from now on",
                               ntStatusName(status));
            } else {
                logger()->debug("ProcessHandleInformation of pid {} refused ({}): system table instead", pid,
                                ntStatusName(status));
            }
        } else {
            // Only PROCESS_QUERY_LIMITED_INFORMATION granted (a protected process): the
            // system table still lists it.
            logger()->debug("pid {} not opened for PROCESS_QUERY_INFORMATION ({}): system table instead", pid,
                            win32ErrorName(GetLastError()));
        }
    }
    auto rows = querySystemHandles(pid);
    if (!rows)
        return fail(rows.error());
    logger()->debug("handles of pid {}: {} rows from {}", pid, rows->size(),
                    handleSourceName(HandleSource::SystemTable));
    return ProcessHandleRows{std::move(*rows), HandleSource::SystemTable};
}

} // namespace hs::win
