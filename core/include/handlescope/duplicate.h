// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <chrono>
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

struct DuplicateOptions {
    bool inheritable = false;   ///< Linux: new fd without FD_CLOEXEC; Windows: bInheritHandle
    bool closeSource = false;   ///< close the handle in the source after the copy
    DuplicateMethod method = DuplicateMethod::Auto;
    /// Windows only: nullopt = DUPLICATE_SAME_ACCESS, else this access mask.
    std::optional<std::uint32_t> desiredAccess;
    std::chrono::milliseconds timeout{3000};
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
                               std::chrono::milliseconds timeout = std::chrono::milliseconds{3000});

/// The exact calls duplicateHandle would make with these values, one per line, for a
/// preview in the UI ("DuplicateHandle(hSrc, 0x1A4, hTgt, &h, 0, FALSE, DUPLICATE_SAME_ACCESS)").
std::vector<std::string> describeDuplicate(Pid source, HandleValue handle, Pid target,
                                           const DuplicateOptions& options);

} // namespace hs
