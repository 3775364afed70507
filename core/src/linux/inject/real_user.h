// SPDX-License-Identifier: MIT
// Never do for a caller what the caller could not do itself: when this program runs with
// file capabilities or setuid (AT_SECURE), duplicate and close act only on processes its
// real user could trace with its own rights.
#pragma once

#include "inject_common.h"

namespace hs::linux_::inject {

/// Ok when this process runs with its user's own rights, or when the real user could
/// ptrace `pid` itself: the kernel's ptrace access check (PTRACE_MODE_ATTACH_REALCREDS)
/// redone for the real uid/gid: its uid equals the target's real, effective and saved
/// uids, likewise the gids, and the target is dumpable (its /proc/PID belongs to its
/// user, not to root). A real root user may trace anything. `role` names the process in
/// the error ("source", "target", "process").
Result<void> realUserMayTrace(pid_t pid, const std::string& role, const std::string& operation);

/// Inside the injector process: give up every right the real user does not have (setuid
/// identity, file capabilities), so the kernel itself checks what we do next against the
/// real user. No-op without AT_SECURE.
Result<void> dropToRealUser();

} // namespace hs::linux_::inject
