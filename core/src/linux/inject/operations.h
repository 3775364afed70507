// SPDX-License-Identifier: MIT
// Internal entry points shared by duplicate_linux.cpp and close_linux.cpp.
#pragma once

#include "injector.h"

#include <string>
#include <vector>

namespace hs::linux_::inject {

/// Inside an injector process: closes `fd` in `pid` only if it still is the open file
/// `referenceFd` (a copy held by this process) names: every thread of `pid` is stopped,
/// kcmp(KCMP_FILE) compares, and close() is injected. Without kcmp (ENOSYS) nothing can
/// prove the number was not reused, so the close is refused.
Result<void> closeInjected(pid_t pid, int pinnedPidfd, int fd, int referenceFd, Clock::time_point deadline,
                           StepRecorder* steps);

/// Inside the injector: the sessions a request names (duplicate_linux.cpp, close_linux.cpp).
Result<InjectorOutcome> duplicateSession(const InjectRequest& request, const std::vector<int>& fds,
                                         StepRecorder& steps, std::vector<std::string>& warnings);
Result<InjectorOutcome> closeSession(const InjectRequest& request, const std::vector<int>& fds,
                                     StepRecorder& steps);

/// The same check for an fd of this process, then close().
Result<void> closeLocal(int fd, int referenceFd, StepRecorder* steps);

} // namespace hs::linux_::inject
