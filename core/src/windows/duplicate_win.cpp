// SPDX-License-Identifier: MIT
// DuplicateHandle between processes and remote close. Handles marked OBJ_PROTECT_CLOSE are
// refused for any action that would close them (Wine returns TRUE and silently keeps them;
// Windows raises STATUS_HANDLE_NOT_CLOSABLE under strict handle checks).
// A copy that also closes the source is two calls, never one DUPLICATE_CLOSE_SOURCE copy:
// the DuplicateHandle documentation says the source is closed even when the call fails
// (an exited target, an access mask the object refuses), and the user would lose the
// handle for nothing. So the copy is made first, and the source is closed afterwards by
// closeChosenHandle, which checks again that the value still names the same object.
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
    return o.desiredAccess ? std::string("0") : std::string("DUPLICATE_SAME_ACCESS");
}

std::string closeSourceCallText(HandleValue handle)
{
    return "DuplicateHandle(hSrc, " + hex(static_cast<std::uint64_t>(handle)) +
           ", NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)";
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
    if (maskTagBits(handle) <= 0 || handle > 0xFFFFFFFFLL)
        return win32Error(operation, pid, handle, ERROR_INVALID_HANDLE,
                          "not a handle value of a handle table (pseudo handles and 0 are refused)");
    return std::nullopt;
}

} // namespace

} // namespace hs::win

namespace hs {

using namespace hs::win;

std::vector<std::string> describeDuplicate(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    const HandleValue value = maskTagBits(handle);
    std::vector<std::string> lines;
    lines.push_back("hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(source) + ")");
    if (target != source)
        lines.push_back("hTgt = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(target) + ")");
    else
        lines.push_back("hTgt = hSrc");
    lines.push_back(duplicateCallText(value, options));
    if (options.closeSource)
        lines.push_back("only once the copy exists, and only if " + hex(static_cast<std::uint64_t>(value)) +
                        " still names the same object and process " + pidText(source) +
                        " is not critical: " + closeSourceCallText(value));
    if (target != source)
        lines.push_back("CloseHandle(hTgt)");
    lines.push_back("CloseHandle(hSrc)");
    return lines;
}

namespace {

Result<DuplicateResult> duplicateImpl(Pid source, HandleValue handleIn, Pid target, const DuplicateOptions& options,
                                      DuplicateResult& result, StepRecorder& steps)
{
    const auto begin = std::chrono::steady_clock::now();
    const std::string op = "duplicate handle";
    const HandleValue handle = maskTagBits(handleIn);
    logger()->debug("duplicateHandle {}:{} -> {} ({})", source, hex(static_cast<std::uint64_t>(handle)), target,
                    duplicateCallText(handle, options));
    if (auto bad = checkValue(op, source, handleIn))
        return fail(*bad);
    result.method = "DuplicateHandle";

    // With close-source, the handle is pinned and every reason to refuse the close is
    // checked before the copy is made: a refusal then changes nothing anywhere.
    std::optional<ChosenHandle> chosen;
    if (options.closeSource) {
        auto c = chooseHandle(source, handle);
        if (!c)
            return fail(c.error());
        if (auto critical = refuseCriticalProcess(c->process.get(), source, handle, op); !critical)
            return fail(critical.error());
        if (auto row = findRow(source, handle); row && (row->attributes & nt::kObjProtectClose))
            return fail(protectedFromCloseError(op, source, handle));
        chosen = std::move(*c);
    }

    auto src = openProcess(source, PROCESS_DUP_HANDLE, "open source process");
    if (!src)
        return fail(src.error());
    steps.record(DuplicateStep::OpenProcess, source, false, "hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(source) + ")",
                 hex(static_cast<std::uint64_t>(fromHandle(src->get()))));
    UniqueHandle tgtOwned;
    HANDLE tgt = src->get();
    if (target != source) {
        steps.expect(DuplicateStep::OpenProcess);
        auto t = openProcess(target, PROCESS_DUP_HANDLE, "open target process");
        if (!t)
            return fail(t.error());
        tgtOwned = std::move(*t);
        tgt = tgtOwned.get();
        steps.record(DuplicateStep::OpenProcess, target, false,
                     "hTgt = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + pidText(target) + ")",
                     hex(static_cast<std::uint64_t>(fromHandle(tgt))));
    }
    const DWORD flags = options.desiredAccess ? 0 : DUPLICATE_SAME_ACCESS; // never CLOSE_SOURCE here
    HANDLE out = nullptr;
    if (!DuplicateHandle(src->get(), toHandle(handle), tgt, &out, options.desiredAccess.value_or(0),
                         options.inheritable ? TRUE : FALSE, flags)) {
        const DWORD err = GetLastError();
        std::string hint;
        if (err == ERROR_INVALID_HANDLE)
            hint = "the handle is not open in process " + pidText(source) + " (or that process has exited)";
        else if (err == ERROR_ACCESS_DENIED)
            hint = "the target process may have exited, or the requested access is not allowed for this object";
        if (options.closeSource)
            hint += hint.empty() ? "the source handle was left open" : "; the source handle was left open";
        Error e = win32Error(op, source, handle, err, std::move(hint));
        steps.record(DuplicateStep::DuplicateHandle, target, false, duplicateCallText(handle, options),
                     "FALSE (" + e.osName + ")", false);
        logger()->info("DuplicateHandle {}:{} -> {} failed: {}", source, hex(static_cast<std::uint64_t>(handle)),
                       target, e.message());
        return fail(std::move(e));
    }
    result.newHandle = fromHandle(out);
    steps.record(DuplicateStep::DuplicateHandle, target, false, duplicateCallText(handle, options),
                 hex(static_cast<std::uint64_t>(result.newHandle)), true, result.newHandle);
    if (chosen) {
        // The copy exists: only now may the source go. A refusal here leaves both handles
        // open, which the caller hears as a warning next to the new handle.
        if (auto closed = closeChosenHandle(*chosen, &steps); !closed) {
            result.warnings.push_back("the copy " + hex(static_cast<std::uint64_t>(result.newHandle)) +
                                      " was made but the source handle was not closed: " + closed.error().message());
            logger()->warn("{}", result.warnings.back());
        }
    }
    // The process handles close when this returns (UniqueHandle); said here, in their order.
    if (target != source)
        steps.record(DuplicateStep::ReleasedProcess, target, false, "CloseHandle(hTgt)");
    steps.record(DuplicateStep::ReleasedProcess, source, false, "CloseHandle(hSrc)");
    result.duration = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - begin);
    logger()->info("duplicated handle {} of pid {} into pid {} as {} (access {}, inherit {}, close source {})",
                   hex(static_cast<std::uint64_t>(handle)), source, target,
                   hex(static_cast<std::uint64_t>(result.newHandle)),
                   options.desiredAccess ? hex(*options.desiredAccess) : std::string("same"), options.inheritable,
                   options.closeSource);
    return result;
}

Result<void> closeImpl(Pid pid, HandleValue handle, StepRecorder& steps)
{
    const std::string op = "close handle";
    logger()->debug("closeRemoteHandle {}:{}", pid, hex(static_cast<std::uint64_t>(handle)));
    if (auto bad = checkValue(op, pid, handle))
        return fail(*bad);
    // The public call has no earlier moment than now to pin the object (as on Linux, where
    // the fd is pinned when the call starts); callers that chose earlier use chooseHandle.
    auto chosen = chooseHandle(pid, handle);
    if (!chosen)
        return fail(chosen.error());
    return closeChosenHandle(*chosen, &steps);
}

} // namespace

Result<DuplicateResult> duplicateHandle(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    DuplicateResult result;
    StepRecorder steps(&result.steps, options.progress);
    auto out = duplicateImpl(source, handle, target, options, result, steps);
    if (!out)
        steps.failed(out.error());
    return out;
}

Result<void> closeRemoteHandle(Pid pid, HandleValue handle, std::chrono::milliseconds /*timeout: never blocks*/,
                               const DuplicateProgressCallback& progress)
{
    StepRecorder steps(nullptr, progress);
    steps.expect(DuplicateStep::Checked);
    auto out = closeImpl(pid, handle, steps);
    if (!out)
        steps.failed(out.error());
    return out;
}

} // namespace hs
