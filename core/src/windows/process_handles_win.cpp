// SPDX-License-Identifier: MIT
// One process' handles from NtQueryInformationProcess(ProcessHandleInformation), Windows 8+.
// The system-wide table (SystemExtendedHandleInformation) copies every handle of every
// process (often 50k-150k rows on a desktop) to list one; the per-process class copies only
// that process' rows. Its rows have no object addresses, so it is used only where they are
// not needed (Detail::Fast listings); identity across processes and remote close keep using
// the system table. Where the class is missing (Wine 8 answers STATUS_INVALID_INFO_CLASS,
// Windows 7 would too) the system table filtered by pid stands in, and that is remembered
// for the life of the process so the refused call is made once. An answer that claims
// zero rows or more rows than it holds is refused by rowsFromProcessHandleSnapshot, and that
// one listing reads the system table instead.
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>

namespace hs::win {

namespace {
std::atomic<bool> g_classMissing{false};
constexpr ULONG kFirstGuess = 16u << 10; // ~400 handles
constexpr std::size_t kMaxBuffer = 64u << 20;
constexpr int kMaxAttempts = 8;

bool isMissingClass(nt::NTSTATUS s) { return s == nt::kInvalidInfoClass || s == nt::kNotImplemented; }

/// The bytes of a class-51 answer (as many as the call says it wrote), or the status that
/// refused it. The buffer is zeroed before every call: since Windows 10 21H1 a success that
/// carries no rows no longer sets the row count to zero, so the count would be whatever the
/// buffer held; zeroed, it reads as "zero rows" and is refused (System Informer's
/// PhEnumProcessHandles, phlib/native.c, notes the same and zeroes its buffer too).
Result<std::vector<std::byte>> readProcessClass(HANDLE process, Pid pid, nt::NTSTATUS& status)
{
    const auto fn = nt::api().queryInformationProcess;
    status = nt::kNotImplemented;
    if (!fn)
        return std::vector<std::byte>{};
    std::vector<std::byte> buf;
    std::size_t size = kFirstGuess;
    ULONG written = 0;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        buf.assign(size, std::byte{0});
        written = 0;
        status = fn(process, nt::kProcessHandleInformation, buf.data(), static_cast<ULONG>(buf.size()), &written);
        if (status != nt::kInfoLengthMismatch && status != nt::kBufferTooSmall)
            break;
        // The call says how much it needs; handles opened meanwhile need a little more.
        size = std::max<std::size_t>(written, buf.size()) + (4u << 10);
        if (size > kMaxBuffer)
            return fail(ntError("read the process' handles", pid, -1, status, "the handle list is larger than 64 MiB"));
    }
    if (!nt::ok(status))
        return std::vector<std::byte>{};
    // A length the call did not set (0) or one past the buffer is not trusted: the whole
    // zeroed buffer is parsed then, and the parser still refuses rows that do not fit.
    if (written > 0 && written < buf.size())
        buf.resize(written);
    return buf;
}
} // namespace

std::expected<std::vector<RawHandle>, std::string_view> rowsFromProcessHandleSnapshot(std::span<const std::byte> bytes,
                                                                                     Pid pid)
{
    constexpr std::size_t header = offsetof(nt::ProcessHandleSnapshot, Handles);
    constexpr std::size_t rowSize = sizeof(nt::ProcessHandleEntry);
    if (bytes.size() < header)
        return std::unexpected("the answer is shorter than its header");
    // memcpy, not a cast: the bytes may come from anywhere (a test's buffer) and need not be
    // aligned for the structure.
    ULONG_PTR count = 0;
    std::memcpy(&count, bytes.data(), sizeof count);
    if (count == 0)
        return std::unexpected("the answer claims zero rows");
    // Divided, not multiplied: a count near 2^64 must not wrap around to a small size.
    if (count > (bytes.size() - header) / rowSize)
        return std::unexpected("the answer claims more rows than it holds");
    std::vector<RawHandle> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        nt::ProcessHandleEntry e{};
        std::memcpy(&e, bytes.data() + header + i * rowSize, rowSize);
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

std::string_view handleSourceName(HandleSource s)
{
    return s == HandleSource::ProcessClass ? "ProcessHandleInformation" : "system handle table";
}

bool processHandleClassMissing() { return g_classMissing.load(); }

Result<ProcessHandleRows> queryProcessHandles(Pid pid)
{
    if (!g_classMissing.load()) {
        // PROCESS_QUERY_INFORMATION: Microsoft Learn documents neither class 51 nor the
        // right it needs. System Informer's PhEnumProcessHandles (phlib/native.c) says its
        // handle must have PROCESS_QUERY_INFORMATION, and PhCreateHandleProvider
        // (SystemInformer/hndlprv.c) opens QUERY_INFORMATION | DUP_HANDLE, then retries with
        // QUERY_INFORMATION alone, so that right is the one the listing rests on.
        UniqueHandle process(OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, static_cast<DWORD>(pid)));
        if (process) {
            nt::NTSTATUS status = nt::kSuccess;
            auto bytes = readProcessClass(process.get(), pid, status);
            if (!bytes)
                return fail(bytes.error());
            if (nt::ok(status)) {
                auto rows = rowsFromProcessHandleSnapshot(*bytes, pid);
                if (rows) {
                    logger()->debug("handles of pid {}: {} rows from {}", pid, rows->size(),
                                    handleSourceName(HandleSource::ProcessClass));
                    return ProcessHandleRows{std::move(*rows), HandleSource::ProcessClass};
                }
                logger()->debug("ProcessHandleInformation of pid {} refused: {} ({} bytes): system table instead",
                                pid, rows.error(), bytes->size());
            } else if (isMissingClass(status)) {
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
