// SPDX-License-Identifier: MIT
// Closing a handle inside another process without closing the wrong object.
// A handle value is only a slot number: once its owner closes it, the next handle the
// owner opens may get the same value (Windows and Wine both reuse freed slots at once).
// So the object the user chose is pinned when it is chosen (its kernel address from the
// system table, and an access-0 copy in the tool for NtCompareObjects where Windows gives
// no address, as under Wine or without SeDebugPrivilege on Windows 11 24H2), and checked
// again just before the close. Critical processes (ProcessBreakOnTermination) and
// protected-from-close handles are refused: closing a stale handle in csrss or wininit
// can bring the machine down.
#include "win_internal.h"

#include <spdlog/spdlog.h>

namespace hs::win {

namespace {

constexpr ULONG kProcessBreakOnTermination = 29; // PROCESSINFOCLASS, a ULONG flag

std::string handleText(HandleValue v) { return hex(static_cast<std::uint64_t>(v)); }

/// A copy of `value` of `process` in the tool with no access at all: enough for
/// NtCompareObjects and NtQueryObject(type/name), and it cannot be used to act on the object.
UniqueHandle referenceCopy(HANDLE process, HandleValue value, DWORD& error)
{
    UniqueHandle copy;
    if (!DuplicateHandle(process, toHandle(value), GetCurrentProcess(), copy.put(), 0, FALSE, 0)) {
        error = GetLastError();
        copy.reset();
    }
    return copy;
}

enum class Sameness : std::uint8_t { Same, Different, Gone, Unknown };

/// Whether `chosen.value` still names the chosen object in its process.
Sameness stillChosen(const ChosenHandle& chosen, std::string& why)
{
    const auto row = findRow(chosen.pid, chosen.value);
    if (!row)
        return Sameness::Gone;
    if (chosen.object != 0 && row->object != 0)
        return chosen.object == row->object ? Sameness::Same : Sameness::Different;
    const auto compare = nt::api().compareObjects;
    if (!chosen.reference || !compare) {
        why = "Windows gave no object address and NtCompareObjects (Windows 10+) is missing";
        return Sameness::Unknown;
    }
    DWORD err = ERROR_SUCCESS;
    const UniqueHandle now = referenceCopy(chosen.process.get(), chosen.value, err);
    if (!now) {
        if (err == ERROR_INVALID_HANDLE)
            return Sameness::Gone;
        why = "copy for the identity check: " + win32ErrorName(err);
        return Sameness::Unknown;
    }
    const nt::NTSTATUS s = compare(chosen.reference.get(), now.get());
    if (s == nt::kSuccess)
        return Sameness::Same;
    if (s == nt::kNotSameObject)
        return Sameness::Different;
    why = "NtCompareObjects: " + ntStatusName(s);
    return Sameness::Unknown;
}

Error reusedError(const std::string& operation, const ChosenHandle& chosen)
{
    return ntError(operation, chosen.pid, chosen.value, nt::kNotSameObject,
                   "handle " + handleText(chosen.value) + " of process " + std::to_string(chosen.pid) +
                       " now names another object (closed and reused since it was chosen): not closed; "
                       "refresh the list and choose again");
}

} // namespace

Error protectedFromCloseError(const std::string& operation, Pid pid, HandleValue handle)
{
    return ntError(operation, pid, handle, nt::kHandleNotClosable,
                   "the handle is protected from close (OBJ_PROTECT_CLOSE): its owner must clear "
                   "HANDLE_FLAG_PROTECT_FROM_CLOSE first; a copy without closing the source still works");
}

std::optional<RawHandle> findRow(Pid pid, HandleValue handle)
{
    auto table = querySystemHandles(pid);
    if (!table)
        return std::nullopt;
    const HandleValue wanted = maskTagBits(handle);
    for (const auto& r : *table)
        if (maskTagBits(r.value) == wanted)
            return r;
    return std::nullopt;
}

Result<void> refuseCriticalProcess(HANDLE process, Pid pid, HandleValue handle, const std::string& operation)
{
    // IsProcessCritical (Windows 8.1+) is the documented query; before it, and where
    // kernel32 lacks it (Wine 8), the NtQueryInformationProcess class it wraps.
    using IsProcessCriticalFn = BOOL(WINAPI*)(HANDLE, PBOOL);
    // Through void(*)(): casting one function pointer type to another directly warns.
    static const auto isCritical = reinterpret_cast<IsProcessCriticalFn>(reinterpret_cast<void (*)()>(
        GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "IsProcessCritical")));
    bool critical = false;
    if (isCritical) {
        BOOL value = FALSE;
        if (!isCritical(process, &value))
            return fail(win32Error(operation, pid, handle, GetLastError(),
                                   "cannot tell whether the process is critical (IsProcessCritical failed): not closed"));
        critical = value != FALSE;
    } else if (const auto query = nt::api().queryInformationProcess) {
        ULONG value = 0;
        const nt::NTSTATUS s = query(process, kProcessBreakOnTermination, &value, sizeof value, nullptr);
        if (s == nt::kInvalidInfoClass || s == nt::kNotImplemented) {
            // Only a system without critical processes answers so (Wine 8 does).
            logger()->debug("ProcessBreakOnTermination not implemented ({}): no critical processes here",
                            ntStatusName(s));
        } else if (!nt::ok(s)) {
            return fail(ntError(operation, pid, handle, s,
                                "cannot tell whether the process is critical (ProcessBreakOnTermination): not closed"));
        } else {
            critical = value != 0;
        }
    }
    if (critical)
        return fail(win32Error(operation, pid, handle, ERROR_ACCESS_DENIED,
                               "process " + std::to_string(pid) + " is critical (ProcessBreakOnTermination): "
                                   "Windows stops with a bug check when it ends, and a handle closed under it "
                                   "can make it end; HandleScope does not close handles there"));
    return {};
}

Result<ChosenHandle> chooseHandle(Pid pid, HandleValue value)
{
    const std::string op = "choose handle";
    if (maskTagBits(value) <= 0 || value > 0xFFFFFFFFLL)
        return fail(win32Error(op, pid, value, ERROR_INVALID_HANDLE,
                               "not a handle value of a handle table (pseudo handles and 0 are refused)"));
    // DUP_HANDLE for the copies and the close, QUERY_LIMITED for the critical-process check.
    auto process = openProcess(pid, PROCESS_DUP_HANDLE | PROCESS_QUERY_LIMITED_INFORMATION, "open process");
    if (!process)
        return fail(process.error());
    ChosenHandle chosen;
    chosen.pid = pid;
    chosen.value = maskTagBits(value);
    const auto row = findRow(pid, chosen.value);
    if (!row)
        return fail(win32Error(op, pid, value, ERROR_INVALID_HANDLE,
                               "the handle is not open in process " + std::to_string(pid)));
    chosen.object = row->object;
    DWORD err = ERROR_SUCCESS;
    chosen.reference = referenceCopy(process->get(), chosen.value, err);
    if (!chosen.reference)
        logger()->debug("no reference copy of {}:{} ({}); identity rests on the object address", pid,
                        handleText(chosen.value), win32ErrorName(err));
    chosen.process = std::move(*process);
    return chosen;
}

Result<void> closeChosenHandle(const ChosenHandle& chosen, StepRecorder* steps)
{
    const std::string op = "close handle";
    const HANDLE process = chosen.process.get();
    const HandleValue value = chosen.value;
    if (auto refused = refuseCriticalProcess(process, chosen.pid, value, op); !refused)
        return refused;
    const auto row = findRow(chosen.pid, value);
    if (!row)
        return fail(win32Error(op, chosen.pid, value, ERROR_INVALID_HANDLE,
                               "the handle is no longer open in process " + std::to_string(chosen.pid)));
    if (row->attributes & nt::kObjProtectClose)
        return fail(protectedFromCloseError(op, chosen.pid, value));
    std::string why;
    switch (stillChosen(chosen, why)) {
    case Sameness::Same:
        break;
    case Sameness::Gone:
        return fail(win32Error(op, chosen.pid, value, ERROR_INVALID_HANDLE,
                               "the handle is no longer open in process " + std::to_string(chosen.pid)));
    case Sameness::Different:
        return fail(reusedError(op, chosen));
    case Sameness::Unknown:
        return fail(win32Error(op, chosen.pid, value, ERROR_NOT_SUPPORTED,
                               "cannot prove the handle still names the object that was chosen (" + why +
                                   "): not closed"));
    }
    if (steps)
        steps->record(DuplicateStep::Checked, chosen.pid, false, handleText(value) + " still names the chosen object");

    // The documented way: no target process, DUPLICATE_CLOSE_SOURCE.
    if (DuplicateHandle(process, toHandle(value), nullptr, nullptr, 0, FALSE, DUPLICATE_CLOSE_SOURCE)) {
        if (steps)
            steps->record(DuplicateStep::Closed, chosen.pid, false,
                          "DuplicateHandle(hSrc, " + handleText(value) + ", NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)",
                          "TRUE", true, value);
        logger()->info("closed handle {} of pid {}", handleText(value), chosen.pid);
        return {};
    }
    const DWORD first = GetLastError();
    // DUPLICATE_CLOSE_SOURCE closes the source even when the call fails: believe the table.
    if (const Sameness s = stillChosen(chosen, why); s == Sameness::Gone || s == Sameness::Different) {
        if (steps)
            steps->record(DuplicateStep::Closed, chosen.pid, false,
                          "DuplicateHandle(hSrc, " + handleText(value) + ", NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)",
                          "FALSE (" + win32ErrorName(first) + "), yet the handle is gone", true, value);
        logger()->info("closed handle {} of pid {} (DuplicateHandle said {})", handleText(value), chosen.pid,
                       win32ErrorName(first));
        return {};
    }
    // Wine 8 refuses a NULL target: move the handle into the tool (no access asked) and
    // close it here.
    logger()->debug("close with NULL target failed ({}); moving the handle into the tool", win32ErrorName(first));
    HANDLE moved = nullptr;
    const BOOL ok = DuplicateHandle(process, toHandle(value), GetCurrentProcess(), &moved, 0, FALSE,
                                    DUPLICATE_CLOSE_SOURCE);
    const DWORD err = ok ? ERROR_SUCCESS : GetLastError();
    if (moved)
        CloseHandle(moved);
    // Success is what the table says afterwards, not what the call returned.
    const Sameness after = stillChosen(chosen, why);
    if (after == Sameness::Same || after == Sameness::Unknown) {
        Error e = win32Error(op, chosen.pid, value, ok ? ERROR_GEN_FAILURE : err,
                             after == Sameness::Same ? "the handle is still open in process " + std::to_string(chosen.pid)
                                                     : "cannot tell whether the handle was closed: " + why);
        logger()->info("close handle {} of pid {} failed: {}", handleText(value), chosen.pid, e.message());
        return fail(std::move(e));
    }
    if (steps)
        steps->record(DuplicateStep::Closed, chosen.pid, false,
                      "DuplicateHandle(hSrc, " + handleText(value) +
                          ", GetCurrentProcess(), &h, 0, FALSE, DUPLICATE_CLOSE_SOURCE); CloseHandle(h)",
                      "", true, value);
    logger()->info("closed handle {} of pid {} (moved into the tool and closed)", handleText(value), chosen.pid);
    return {};
}

} // namespace hs::win
