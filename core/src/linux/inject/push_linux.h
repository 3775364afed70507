// SPDX-License-Identifier: MIT
// The two ways an fd gets into a stopped target: pull (the target takes it from the
// source with pidfd_getfd) and push (we hand it over a socketpair the target creates).
#pragma once

#include "remote_syscall.h"

namespace hs::linux_::inject {

/// In the target: pidfd_open(source) + pidfd_getfd + close, then fcntl(F_SETFD, 0) if
/// `inheritable`. `sourcePidfd` (ours) proves the number still named the source when the
/// target opened it. The new fd stays owned by `inj` (the caller disowns it on success).
Result<long> pullInto(Injection& inj, pid_t source, int sourcePidfd, int fd, bool inheritable);

/// In the target: socketpair(AF_UNIX) into scratch memory; we take one end with
/// pidfd_getfd(targetPidfd) and send `localFd` over it (SCM_RIGHTS); the target recvmsg()s
/// it on the other end and closes both ends. No name, no listener: nothing another user
/// can squat or fill, and it works across network namespaces. The new fd stays owned by
/// `inj` (the caller disowns it on success).
Result<long> pushInto(Injection& inj, int targetPidfd, int localFd, bool inheritable);

/// True when `pid` lives in the caller's pid namespace, so a pid number means the same
/// process there as here (pull passes the source's number to the target).
bool inOurPidNamespace(pid_t pid);

} // namespace hs::linux_::inject
