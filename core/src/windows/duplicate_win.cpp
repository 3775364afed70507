// SPDX-License-Identifier: MIT
// DuplicateHandle between processes and remote close. Both processes are opened with
// PROCESS_DUP_HANDLE only. Handles marked OBJ_PROTECT_CLOSE are refused for any action that
// would close them (Wine returns TRUE and silently keeps them; Windows raises
// STATUS_HANDLE_NOT_CLOSABLE under strict handle checks).
#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <optional>

namespace hs::win {

namespace {

std::string pidText(Pid pid) { return std::to_string(pid); }

std::string optionsText(const DuplicateOptions& o)
{
    std::string flags = o.desiredAccess ? std::string() : std::string("DUPLICATE_SAME_ACCESS");
    if (o.closeSource)
        flags += flags.empty() ? "DUPLICATE_CLOSE_SOURCE" : " | DUPLICATE_CLOSE_SOURCE";
    return flags.empty() ? std::string("0") : flags;
}

std::string duplicateCallText(HandleValue handle, const DuplicateOptions& o)
{
    return "DuplicateHandle(hSrc, " + hex(static_cast<std::uint64_t>(handle)) + ", hTgt, &h, " +
           (o.desiredAccess ? hex(*o.desiredAccess) : std::string("0")) + ", " + (o.inheritable ? "TRUE" : "FALSE") +
           ", " + optionsText(o) + ")";
}

/// Pseudo handles (-1 current process, -2 current thread, ...) and 0 are not handles of
/// a table: DuplicateHandle would turn them into a handle to the source process itself.
std::optional<Error> checkValue(const std::string& operation, Pid pid, HandleValue handle)
{
    if (handle <= 0 || handle > 0xFFFFFFFFLL)
        return win32Error(operation, pid, handle, ERROR_INVALID_HANDLE,
                          "not a handle value of a handle table (pseudo handles and 0 are refused)");
    return std::nullopt;
}

/// The row of (pid, handle) in the system table, if it is there.
std::optional<RawHandle> findRow(Pid pid, HandleValue handle)
{
    auto table = querySystemHandles(pid);
    if (!table)
        return std::nullopt;
    for (const auto& r : *table)
        if (r.value == handle)
            return r;
    return std::nullopt;
}

Error protectedError(const std::string& operation, Pid pid, HandleValue handle)
{
    return ntError(operation, pid, handle, nt::kHandleNotClosable,
                   "the handle is protected from close (OBJ_PROTECT_CLOSE): its owner must clear "
                   "HANDLE_FLAG_PROTECT_FROM_CLOSE first; a copy without closing the source still works");
}

} // namespace

} // namespace hs::win

namespace hs {

using namespace hs::win;

std::vector<std::string> describeDuplicate(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    std::vector<std::string> lines;
    lines.push_back("hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(source) + ")");
    if (target != source)
        lines.push_back("hTgt = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(target) + ")");
    else
        lines.push_back("hTgt = hSrc");
    lines.push_back(duplicateCallText(handle, options));
    if (target != source)
        lines.push_back("CloseHandle(hTgt)");
    lines.push_back("CloseHandle(hSrc)");
    return lines;
}

Result<DuplicateResult> duplicateHandle(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    const auto begin = std::chrono::steady_clock::now();
    const std::string op = "duplicate handle";
    logger()->debug("duplicateHandle {}:{} -> {} ({})", source, hex(static_cast<std::uint64_t>(handle)), target,
                    duplicateCallText(handle, options));
    if (auto bad = checkValue(op, source, handle))
        return fail(*bad);
    DuplicateResult result;
    result.method = "DuplicateHandle";

    auto src = openProcess(source, PROCESS_DUP_HANDLE, "open source process");
    if (!src)
        return fail(src.error());
    result.steps.push_back("hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(source) + ")");
    UniqueHandle tgtOwned;
    HANDLE tgt = src->get();
    if (target != source) {
        auto t = openProcess(target, PROCESS_DUP_HANDLE, "open target process");
        if (!t)
            return fail(t.error());
        tgtOwned = std::move(*t);
        tgt = tgtOwned.get();
        result.steps.push_back("hTgt = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(target) + ")");
    }
    if (options.closeSource) {
        if (auto row = findRow(source, handle); row && (row->attributes & nt::kObjProtectClose))
            return fail(protectedError(op, source, handle));
    }
    DWORD flags = options.desiredAccess ? 0 : DUPLICATE_SAME_ACCESS;
    if (options.closeSource)
        flags |= DUPLICATE_CLOSE_SOURCE;
    HANDLE out = nullptr;
    if (!DuplicateHandle(src->get(), toHandle(handle), tgt, &out, options.desiredAccess.value_or(0),
                         options.inheritable ? TRUE : FALSE, flags)) {
        const DWORD err = GetLastError();
        std::string hint;
        if (err == ERROR_INVALID_HANDLE)
            hint = "the handle is not open in process " + pidText(source) + " (or that process has exited)";
        else if (err == ERROR_ACCESS_DENIED)
            hint = "the target process may have exited, or the requested access is not allowed for this object";
        Error e = win32Error(op, source, handle, err, std::move(hint));
        logger()->info("DuplicateHandle {}:{} -> {} failed: {}", source, hex(static_cast<std::uint64_t>(handle)),
                       target, e.message());
        return fail(std::move(e));
    }
    result.newHandle = fromHandle(out);
    result.steps.push_back(duplicateCallText(handle, options) + " -> " + hex(static_cast<std::uint64_t>(result.newHandle)));
    if (target != source)
        result.steps.push_back("CloseHandle(hTgt)");
    result.steps.push_back("CloseHandle(hSrc)");
    result.duration = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - begin);
    logger()->info("duplicated handle {} of pid {} into pid {} as {} (access {}, inherit {}, close source {})",
                   hex(static_cast<std::uint64_t>(handle)), source, target,
                   hex(static_cast<std::uint64_t>(result.newHandle)),
                   options.desiredAccess ? hex(*options.desiredAccess) : std::string("same"), options.inheritable,
                   options.closeSource);
    return result;
}

Result<void> closeRemoteHandle(Pid pid, HandleValue handle, std::chrono::milliseconds /*timeout: never blocks*/)
{
    const std::string op = "close handle";
    logger()->debug("closeRemoteHandle {}:{}", pid, hex(static_cast<std::uint64_t>(handle)));
    if (auto bad = checkValue(op, pid, handle))
        return fail(*bad);
    auto process = openProcess(pid, PROCESS_DUP_HANDLE, "open process");
    if (!process)
        return fail(process.error());
    const auto row = findRow(pid, handle);
    if (row && (row->attributes & nt::kObjProtectClose))
        return fail(protectedError(op, pid, handle));

    // The documented way: no target, DUPLICATE_CLOSE_SOURCE.
    if (DuplicateHandle(process->get(), toHandle(handle), nullptr, nullptr, 0, FALSE, DUPLICATE_CLOSE_SOURCE)) {
        logger()->info("closed handle {} of pid {}", hex(static_cast<std::uint64_t>(handle)), pid);
        return {};
    }
    const DWORD first = GetLastError();
    // Some versions report an error although the handle is gone: believe the table.
    if (row && !findRow(pid, handle)) {
        logger()->info("closed handle {} of pid {} (DuplicateHandle said {})", hex(static_cast<std::uint64_t>(handle)),
                       pid, win32ErrorName(first));
        return {};
    }
    // Wine 8 refuses a NULL target: move the handle into the tool and close it here.
    logger()->debug("close with NULL target failed ({}); moving the handle into the tool", win32ErrorName(first));
    HANDLE copy = nullptr;
    if (!DuplicateHandle(process->get(), toHandle(handle), GetCurrentProcess(), &copy, 0, FALSE,
                         DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS)) {
        const DWORD err = GetLastError();
        Error e = win32Error(op, pid, handle, err,
                             err == ERROR_INVALID_HANDLE ? "the handle is not open in that process" : std::string());
        logger()->info("close handle {} of pid {} failed: {}", hex(static_cast<std::uint64_t>(handle)), pid, e.message());
        return fail(std::move(e));
    }
    CloseHandle(copy);
    logger()->info("closed handle {} of pid {} (moved into the tool and closed)", hex(static_cast<std::uint64_t>(handle)), pid);
    return {};
}

} // namespace hs
