// SPDX-License-Identifier: MIT
#include "errno_linux.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hs::linux_ {

std::string defaultHint(int err)
{
    switch (err) {
    case EACCES:
    case EPERM:
        if (::geteuid() == 0)
            return "even root was refused: the process is not dumpable, runs in another user namespace, or is "
                   "protected by a security module (Yama ptrace_scope 3, SELinux, AppArmor)";
        return "another user's process: run as root (sudo handlescope-cli ..., or pkexec handlescope); check "
               "/proc/sys/kernel/yama/ptrace_scope";
    case ESRCH:
    case ENOENT:
        return "the process has exited or never existed; 'handlescope-cli ps' lists the running ones";
    case EBADF:
        return "that fd is not open (any more) in the process; 'handlescope-cli handles PID' lists the open ones";
    case EMFILE:
        return "the process's fd table is full (RLIMIT_NOFILE); close something in it or raise its limit (prlimit)";
    case ENFILE:
        return "the system's file table is full (fs.file-max)";
    case ENOMEM:
        return "out of memory";
    default:
        return {};
    }
}

Error errnoError(std::string operation, int err, std::int64_t pid, std::int64_t handle, std::string hint)
{
    Error e;
    e.operation = std::move(operation);
    e.pid = pid;
    e.handle = handle;
    e.osCode = err;
    const char* name = strerrorname_np(err);
    e.osName = name ? name : "E" + std::to_string(err);
    const char* desc = strerrordesc_np(err);
    e.osText = desc ? desc : "unknown error";
    e.hint = hint.empty() ? defaultHint(err) : std::move(hint);
    return e;
}

} // namespace hs::linux_
