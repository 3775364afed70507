// SPDX-License-Identifier: MIT
// Internal entry points shared by duplicate_linux.cpp and close_linux.cpp.
#pragma once

#include "inject_common.h"

#include <string>
#include <vector>

namespace hs::linux_::inject {

/// Closes `fd` in `pid` only if it still is the open file `referenceFd` (a copy held by
/// this process) names: every thread of `pid` is stopped, kcmp(KCMP_FILE) compares, and
/// close() is injected. pid == this process closes directly after the same check.
Result<void> closeIfSame(pid_t pid, int pinnedPidfd, int fd, int referenceFd, Clock::time_point deadline,
                         std::vector<std::string>* steps);

} // namespace hs::linux_::inject
