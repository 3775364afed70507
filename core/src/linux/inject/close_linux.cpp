// SPDX-License-Identifier: MIT
// closeRemoteHandle: close() injected into another process, after an exact identity
// check (kcmp against a copy pinned first) with every thread of the target stopped, so
// a number that was closed and reused meanwhile is never closed.
#include "handlescope/duplicate.h"

#include "inject_testing.h"
#include "operations.h"
#include "remote_syscall.h"

#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

namespace hs {

namespace li = linux_::inject;

namespace {

std::mutex g_hookMutex;
std::function<void()> g_beforeCloseHook;

void runBeforeCloseHook()
{
    std::function<void()> hook;
    {
        std::lock_guard lock(g_hookMutex);
        hook = g_beforeCloseHook;
    }
    if (hook)
        hook();
}

Error changedIdentity(pid_t pid, int fd)
{
    return li::errnoError("check fd identity before close", ESTALE, pid, fd,
                          "fd " + std::to_string(fd) + " of pid " + std::to_string(pid)
                              + " now names another open file (closed and reused meanwhile): not closed");
}

Result<void> closeInjected(pid_t pid, int pinnedPidfd, int fd, int referenceFd, li::Clock::time_point deadline,
                           std::vector<std::string>* steps)
{
    auto inj = li::beginInjection(pid, pinnedPidfd, deadline, steps);
    if (!inj)
        return fail(inj.error());
    // Freeze the siblings: none may close and reopen the number between check and close.
    auto others = li::stopOtherThreads(pid, inj->session->tid(), deadline);
    if (!others)
        return fail(others.error());
    if (steps && !others->empty())
        steps->push_back("[tool] stopped " + std::to_string(others->size()) + " other thread(s)");
    const int same = li::kcmpFile(inj->session->tid(), ::getpid(), fd, referenceFd);
    if (same < 0 && errno == EBADF)
        return fail(li::errnoError("check fd identity before close", EBADF, pid, fd));
    if (same < 0 && errno != ENOSYS)
        return fail(li::errnoError("kcmp(KCMP_FILE)", errno, pid, fd));
    if (same > 0)
        return fail(changedIdentity(pid, fd));
    if (steps)
        steps->push_back("[tool] kcmp(" + std::to_string(pid) + ", self, KCMP_FILE, " + std::to_string(fd) + ", "
                         + std::to_string(referenceFd) + ") = 0 (still the same open file)");
    li::RemoteCaller rc(*inj->session, inj->site, steps);
    auto r = rc.call(SYS_close, {static_cast<unsigned long long>(fd), 0, 0, 0, 0, 0}, "close(" + std::to_string(fd) + ")");
    if (!r)
        return fail(r.error());
    if (li::isSyscallError(*r) && li::syscallErrno(*r) != EINTR) // close() after EINTR has closed the fd anyway
        return fail(li::errnoError("inject close", li::syscallErrno(*r), pid, fd));
    others->clear(); // detach the siblings
    if (auto d = inj->session->detach(); !d)
        return fail(d.error());
    if (steps)
        steps->push_back("[tool] restore registers; ptrace(PTRACE_DETACH, " + std::to_string(inj->session->tid()) + ")");
    return {};
}

} // namespace

namespace linux_::inject {

Result<void> closeIfSame(pid_t pid, int pinnedPidfd, int fd, int referenceFd, Clock::time_point deadline,
                         std::vector<std::string>* steps)
{
    if (pid == ::getpid()) {
        const int same = kcmpFile(pid, pid, fd, referenceFd);
        if (same < 0 && errno == EBADF)
            return fail(errnoError("close", EBADF, pid, fd));
        if (same > 0)
            return fail(changedIdentity(pid, fd));
        if (::close(fd) != 0 && errno != EINTR)
            return fail(errnoError("close", errno, pid, fd));
        if (steps)
            steps->push_back("[tool] close(" + std::to_string(fd) + ")");
        return {};
    }
    return runOnTracerThread([&] { return closeInjected(pid, pinnedPidfd, fd, referenceFd, deadline, steps); });
}

namespace testing {

void setBeforeCloseHook(std::function<void()> hook)
{
    std::lock_guard lock(g_hookMutex);
    g_beforeCloseHook = std::move(hook);
}

} // namespace testing

} // namespace linux_::inject

Result<void> closeRemoteHandle(Pid pid, HandleValue handle, std::chrono::milliseconds timeout)
{
    const auto t0 = li::Clock::now();
    const auto deadline = t0 + timeout;
    auto run = [&]() -> Result<void> {
        if (pid <= 0)
            return fail(li::errnoError("close remote handle", EINVAL, pid, handle, "a pid is a positive number"));
        if (handle < 0 || handle > INT32_MAX)
            return fail(li::errnoError("close remote handle", EBADF, pid, handle));
        const auto p = static_cast<pid_t>(pid);
        const int fd = static_cast<int>(handle);
        li::UniqueFd pidfd(li::sysPidfdOpen(p));
        if (!pidfd.valid())
            return fail(li::errnoError("pin the process (pidfd_open)", errno, pid, handle));
        li::UniqueFd reference(p == ::getpid() ? ::fcntl(fd, F_DUPFD_CLOEXEC, 0)
                                               : li::pidfdGetfdAnyThread(p, pidfd.get(), fd));
        if (!reference.valid()) {
            const int err = errno;
            std::string hint;
            if (li::procState(p) == 'Z' && li::chooseThread(p).value_or(p) == p)
                hint = "pid " + std::to_string(pid) + " is a zombie: it holds no fds";
            else if (li::isKernelThread(p))
                hint = "pid " + std::to_string(pid) + " is a kernel thread: it has no fds";
            return fail(li::errnoError("pin the fd (pidfd_getfd)", err, pid, handle, hint));
        }
        runBeforeCloseHook();
        return li::closeIfSame(p, pidfd.get(), fd, reference.get(), deadline, nullptr);
    };
    auto out = run();
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(li::Clock::now() - t0).count();
    const char* method = pid == ::getpid() ? "close" : "injected close";
    if (out)
        li::injectLog()->info("close pid {} fd {} via {}: closed ({} us)", pid, handle, method, took);
    else
        li::injectLog()->info("close pid {} fd {} via {}: FAILED {} ({} us)", pid, handle, method,
                              out.error().message(), took);
    return out;
}

} // namespace hs
