// SPDX-License-Identifier: MIT
// The push path: the target receives the fd from us over a UNIX socket (SCM_RIGHTS).
#pragma once

#include "remote_syscall.h"

namespace hs::linux_::inject {

/// In the stopped target: mmap a scratch page, socket + connect to a listener of ours
/// (abstract name), we send `localFd` with SCM_RIGHTS, the target recvmsg()s it, then
/// close + munmap. Returns the new fd number in the target.
Result<long> pushInto(RemoteCaller& rc, int localFd, bool inheritable);

} // namespace hs::linux_::inject
