// SPDX-License-Identifier: MIT
// Processes from /proc: listProcesses and processInfo.
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include "errno_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace hs::linux_ {

Result<UniqueFd> ProcWalker::openProcess(Pid pid)
{
    char name[24];
    auto [end, ec] = std::to_chars(name, name + sizeof name - 1, pid);
    *end = '\0';
    UniqueFd fd = openAt(procRootFd(), name, O_DIRECTORY);
    if (!fd.valid()) {
        const int err = errno == ENOENT ? ESRCH : errno;
        return fail(errnoError("open process", err, pid, -1,
                               err == ESRCH ? "no process has pid " + std::to_string(pid) +
                                                  " (it may have exited); 'handlescope-cli ps' lists the running ones"
                                            : std::string()));
    }
    return fd;
}

int ProcWalker::countOpenFds(int procPidFd, std::int64_t& count)
{
    // Opening the directory is the permission check. The count needs no listing: since
    // Linux 6.2, st_size of /proc/PID/fd is the number of open fds, so one fstat replaces
    // a getdents over every fd. Older kernels report 0, and so does an empty table: list those.
    UniqueFd fdDir = openAt(procPidFd, "fd", O_DIRECTORY);
    if (!fdDir.valid())
        return errno;
    struct stat st {};
    if (::fstat(fdDir.get(), &st) == 0 && st.st_size > 0) {
        count = static_cast<std::int64_t>(st.st_size);
        return 0;
    }
    if (int err = readNumericEntries(fdDir.get(), m_numbers, m_dents); err != 0)
        return err;
    count = static_cast<std::int64_t>(m_numbers.size());
    return 0;
}

Result<ProcessInfo> ProcWalker::readProcess(int procPidFd, Pid pid, bool countHandles)
{
    ProcessInfo p;
    p.pid = pid;
    if (int err = readFileAt(procPidFd, "stat", m_text); err != 0)
        return fail(errnoError("read /proc/" + std::to_string(pid) + "/stat", err == ENOENT ? ESRCH : err, pid));
    auto stat = parseStat(m_text);
    if (!stat) {
        // A reaped process can leave an empty stat behind; both mean "gone".
        return fail(errnoError("parse /proc/" + std::to_string(pid) + "/stat", ESRCH, pid, -1,
                               "the process exited while it was read, or /proc/PID/stat is malformed"));
    }
    p.name = std::move(stat->name);
    p.parentPid = stat->ppid;
    p.session = stat->session;
    p.startTime = stat->startTime;
    p.state = stateFromStat(stat->state, stat->flags);
    p.started = startedAt(stat->startTime);

    struct stat st {};
    if (::fstat(procPidFd, &st) == 0) {
        p.uid = st.st_uid;
        p.user = userName(p.uid);
    }
    int exeError = 0;
    if (p.state != ProcessState::KernelThread) {
        exeError = readLinkAt(procPidFd, "exe", m_link);
        if (exeError == 0)
            p.executable = m_link;
        if (readFileAt(procPidFd, "cmdline", m_text) == 0)
            p.commandLine = parseCmdline(m_text);
    }
    if (countHandles) {
        if (p.state == ProcessState::KernelThread || p.state == ProcessState::Zombie) {
            p.handleCount = 0;
        } else {
            const int err = countOpenFds(procPidFd, p.handleCount);
            if (err == ENOENT || err == ESRCH)
                return fail(errnoError("read fds", ESRCH, pid));
            if (err != 0)
                p.accessError = errnoError("read fds", err, pid);
            else if (exeError == EACCES || exeError == EPERM)
                // The fd list may be readable while the fd links are not: both links go
                // through the same ptrace-read check (proc_fd_access_allowed), so a
                // refused exe link means refused fd links, found without reading one.
                p.accessError = errnoError("read fd links /proc/" + std::to_string(pid) + "/fd", exeError, pid);
        }
    }
    return p;
}

std::optional<Error> noHandlesReason(const ProcessInfo& p)
{
    if (p.state == ProcessState::KernelThread)
        return Error{.operation = "read handles",
                     .pid = p.pid,
                     .osCode = EINVAL,
                     .osName = "EINVAL",
                     .osText = "kernel thread",
                     .hint = "pid " + std::to_string(p.pid) + " (" + p.name +
                             ") is a kernel thread: it has no user space and no file descriptors"};
    if (p.state == ProcessState::Zombie)
        return Error{.operation = "read handles",
                     .pid = p.pid,
                     .osCode = ESRCH,
                     .osName = "ESRCH",
                     .osText = "zombie process",
                     .hint = "pid " + std::to_string(p.pid) + " is a zombie: it has exited and holds no fds; its parent (pid " +
                             std::to_string(p.parentPid) + ") has not reaped it yet"};
    return std::nullopt;
}

} // namespace hs::linux_

namespace hs {

Result<std::vector<ProcessInfo>> listProcesses(const CancelToken& cancel)
{
    linux_::ProcWalker walker;
    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = linux_::readNumericEntries(linux_::procRootFd(), pids, dents); err != 0)
        return fail(linux_::errnoError("list /proc", err, -1, -1, "is /proc mounted?"));
    std::vector<ProcessInfo> out;
    out.reserve(pids.size());
    for (auto pid : pids) {
        if (cancel.cancelled())
            return fail(cancelledError("list processes"));
        auto dir = walker.openProcess(pid);
        if (!dir)
            continue; // exited since the directory was listed
        auto p = walker.readProcess(dir->get(), pid, true);
        if (p)
            out.push_back(std::move(*p));
    }
    log::get("core.linux")->trace("listed {} processes", out.size()); // every refresh: see listHandles
    return out;
}

Result<ProcessInfo> processInfo(Pid pid)
{
    linux_::ProcWalker walker;
    auto dir = walker.openProcess(pid);
    if (!dir)
        return fail(dir.error());
    return walker.readProcess(dir->get(), pid, true);
}

Pid currentProcessId() { return ::getpid(); }

} // namespace hs
