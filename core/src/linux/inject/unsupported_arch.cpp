// SPDX-License-Identifier: MIT
// Architectures without a syscall injector: every duplicate / remote close is ENOSYS.
#include "handlescope/duplicate.h"

#include <cerrno>
#include <cstring>

namespace hs {

namespace {

Error unsupported(std::string operation, Pid pid, HandleValue handle)
{
    Error e;
    e.operation = std::move(operation);
    e.pid = pid;
    e.handle = handle;
    e.osCode = ENOSYS;
    e.osName = "ENOSYS";
    e.osText = std::strerror(ENOSYS);
    e.hint = "duplicating fds between processes is implemented for x86_64 only";
    return e;
}

} // namespace

Result<DuplicateResult> duplicateHandle(Pid source, HandleValue handle, Pid, const DuplicateOptions&)
{
    return fail(unsupported("duplicate handle", source, handle));
}

Result<void> closeRemoteHandle(Pid pid, HandleValue handle, std::chrono::milliseconds, const DuplicateProgressCallback&)
{
    return fail(unsupported("close remote handle", pid, handle));
}

} // namespace hs
