// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hs {

/// How the Linux backend gets a descriptor into the target. Windows ignores it
/// (DuplicateHandle pushes into any process it may open with PROCESS_DUP_HANDLE).
enum class DuplicateMethod : std::uint8_t {
    Auto, ///< pull if the target may pidfd_getfd from the source, else push
    Pull, ///< the target runs pidfd_open(source) + pidfd_getfd (injected)
    Push, ///< the tool takes the fd and sends it to the target over SCM_RIGHTS (injected recvmsg)
};
std::string_view toString(DuplicateMethod method);

/// What a step of a duplicate (or a remote close) did. Linux: Pinned (pidfd_open of each
/// process and the reference copy), Attached (a thread stopped with ptrace), Call (a call
/// injected into the process, with its real arguments and result), Checked (kcmp: the fd is
/// the pinned open file), Closed (the fd or handle was closed in that process), Detached.
/// Windows: OpenProcess, DuplicateHandle, Closed (DUPLICATE_CLOSE_SOURCE), ReleasedProcess
/// (CloseHandle of a process handle). Note: a step that explains rather than acts.
enum class DuplicateStep : std::uint8_t {
    Pinned,
    Attached,
    Call,
    Checked,
    Closed,
    Detached,
    OpenProcess,
    DuplicateHandle,
    ReleasedProcess,
    Note,
};
std::string_view toString(DuplicateStep step);

/// One step as it happens. `line()` is the text DuplicateResult::steps holds for it, so
/// the list and the callback never disagree.
struct DuplicateProgress {
    DuplicateStep step = DuplicateStep::Note;
    Pid process = 0;       ///< the process the step acts on (0: none, the tool itself)
    bool injected = false; ///< the call ran inside `process` rather than in the tool
    std::string call;      ///< the call with its real arguments: "pidfd_getfd(5, 3, 0)"
    std::string result;    ///< what it returned: "7", "-1 EPERM"; empty when it returns nothing
    bool ok = true;        ///< false: the call failed, or (with `error`) the operation failed here
    /// The handle of `process` this step proved new (Checked, DuplicateHandle: the copy) or
    /// closed (Closed); -1 for the other steps. A map of the tables places slots by it.
    HandleValue handle = -1;
    std::optional<Error> error; ///< only on the last event of a failed operation

    [[nodiscard]] std::string line() const;
};
using DuplicateProgressCallback = std::function<void(const DuplicateProgress&)>;

struct DuplicateOptions {
    bool inheritable = false;   ///< Linux: new fd without FD_CLOEXEC; Windows: bInheritHandle
    bool closeSource = false;   ///< close the handle in the source after the copy
    DuplicateMethod method = DuplicateMethod::Auto;
    /// Windows only: nullopt = DUPLICATE_SAME_ACCESS, else this access mask.
    std::optional<std::uint32_t> desiredAccess;
    std::chrono::milliseconds timeout{3000};
    /// Called in the calling thread at each step as it happens, and once more with the
    /// error when the operation fails (at the step that was in progress).
    DuplicateProgressCallback progress;
};

struct DuplicateResult {
    HandleValue newHandle = -1;     ///< the value in the target process
    std::string method;             ///< what was done: "pidfd_getfd", "inject pull", "DuplicateHandle"
    std::vector<std::string> steps; ///< each call made, for the log and for teaching
    std::chrono::nanoseconds duration{};
    /// Blocking calls in the target that returned EINTR because of the injection.
    std::vector<std::string> warnings;
};

/// The DuplicateHandle of the title: a copy of `handle` of process `source` in `target`.
Result<DuplicateResult> duplicateHandle(Pid source, HandleValue handle, Pid target,
                                        const DuplicateOptions& options = {});

/// Close `handle` inside process `pid`. Linux injects close() after an identity check.
Result<void> closeRemoteHandle(Pid pid, HandleValue handle,
                               std::chrono::milliseconds timeout = std::chrono::milliseconds{3000},
                               const DuplicateProgressCallback& progress = {});

/// The exact calls duplicateHandle would make with these values, one per line, for a
/// preview in the UI ("DuplicateHandle(hSrc, 0x1A4, hTgt, &h, 0, FALSE, DUPLICATE_SAME_ACCESS)").
std::vector<std::string> describeDuplicate(Pid source, HandleValue handle, Pid target,
                                           const DuplicateOptions& options);

} // namespace hs
