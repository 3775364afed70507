// SPDX-License-Identifier: MIT
// closeRemoteHandle: close() injected into another process, after an exact identity
// check (kcmp against a copy pinned first) with every thread of the target stopped, so
// a number that was closed and reused meanwhile is never closed.
#include "handlescope/duplicate.h"

#include "inject_testing.h"
#include "injector.h"
#include "operations.h"
#include "real_user.h"
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

// kcmp is what proves the number still names the open file the user chose. Without it
// (a kernel without CONFIG_KCMP, or a seccomp filter) closing would be a guess.
Result<void> identityCheck(pid_t pid, pid_t tidForKcmp, int fd, int referenceFd)
{
    const int same = li::kcmpFile(tidForKcmp, ::getpid(), fd, referenceFd);
    if (same == 0)
        return {};
    if (same > 0)
        return fail(changedIdentity(pid, fd));
    const int err = errno;
    if (err == EBADF)
        return fail(li::errnoError("check fd identity before close", EBADF, pid, fd));
    if (err == ENOSYS)
        return fail(li::errnoError("check fd identity before close (kcmp)", ENOSYS, pid, fd,
                                   "this kernel (or a seccomp filter) offers no kcmp(), so nothing can prove that fd "
                                       + std::to_string(fd) + " still names the file you chose: not closed"));
    return fail(li::errnoError("kcmp(KCMP_FILE)", err, pid, fd));
}

} // namespace

namespace linux_::inject {

Result<void> closeInjected(pid_t pid, int pinnedPidfd, int fd, int referenceFd, Clock::time_point deadline,
                           StepRecorder* steps)
{
    auto inj = beginInjection(pid, pinnedPidfd, deadline, steps);
    if (!inj)
        return fail(inj.error());
    // Freeze the siblings: none may close and reopen the number between check and close.
    auto others = stopOtherThreads(pid, (*inj)->session().tid(), deadline);
    if (!others)
        return fail(others.error());
    if (steps && !others->empty())
        steps->record(DuplicateStep::Attached, pid, false,
                      "stopped " + std::to_string(others->size()) + " other thread(s)");
    if (auto same = identityCheck(pid, (*inj)->session().tid(), fd, referenceFd); !same)
        return fail(same.error());
    if (steps)
        steps->record(DuplicateStep::Checked, pid, false,
                      "kcmp(" + std::to_string(pid) + ", self, KCMP_FILE, " + std::to_string(fd) + ", "
                          + std::to_string(referenceFd) + ")",
                      "0 (still the same open file)");
    auto r = (*inj)->call(SYS_close, {static_cast<unsigned long long>(fd), 0, 0, 0, 0, 0}, "close",
                          "close(" + std::to_string(fd) + ")", DuplicateStep::Closed, fd);
    if (!r)
        return fail(r.error());
    if (isSyscallError(*r) && syscallErrno(*r) != EINTR) // close() after EINTR has closed the fd anyway
        return fail(errnoError("inject close", syscallErrno(*r), pid, fd));
    others->clear(); // detach the siblings
    if (auto d = (*inj)->finish(); !d) {
        Error e = d.error();
        e.operation = "fd " + std::to_string(fd) + " was closed, then: " + e.operation;
        return fail(e);
    }
    if (steps)
        steps->record(DuplicateStep::Detached, pid, false,
                      "restore registers; ptrace(PTRACE_DETACH, " + std::to_string((*inj)->session().tid()) + ")");
    return {};
}

Result<void> closeLocal(int fd, int referenceFd, StepRecorder* steps)
{
    const pid_t self = ::getpid();
    if (auto same = identityCheck(self, self, fd, referenceFd); !same)
        return fail(same.error());
    if (::close(fd) != 0 && errno != EINTR)
        return fail(errnoError("close", errno, self, fd));
    if (steps)
        steps->record(DuplicateStep::Closed, self, false, "close(" + std::to_string(fd) + ")", "0", true, fd);
    return {};
}

Result<InjectorOutcome> closeSession(const InjectRequest& request, const std::vector<int>& fds,
                                     StepRecorder& steps)
{
    auto closed = closeInjected(request.source, fds[0], request.fd, fds[1], request.deadline, &steps);
    if (!closed)
        return fail(closed.error());
    return InjectorOutcome{0, "injected close"};
}

namespace testing {

void setBeforeCloseHook(std::function<void()> hook)
{
    std::lock_guard lock(g_hookMutex);
    g_beforeCloseHook = std::move(hook);
}

} // namespace testing

} // namespace linux_::inject

Result<void> closeRemoteHandle(Pid pid, HandleValue handle, std::chrono::milliseconds timeout,
                               const DuplicateProgressCallback& progress)
{
    const li::HeldSignals held; // Ctrl+C and friends wait until the target is whole again
    const auto t0 = li::Clock::now();
    const auto deadline = t0 + timeout;
    StepRecorder steps(nullptr, progress);
    std::vector<std::string> warnings;
    auto run = [&]() -> Result<void> {
        if (pid <= 0)
            return fail(li::errnoError("close remote handle", EINVAL, pid, handle, "a pid is a positive number"));
        if (handle < 0 || handle > INT32_MAX)
            return fail(li::errnoError("close remote handle", EBADF, pid, handle));
        const auto p = static_cast<pid_t>(pid);
        const int fd = static_cast<int>(handle);
        if (auto may = li::realUserMayTrace(p, "process", "close a handle"); !may)
            return fail(may.error());
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
        steps.record(DuplicateStep::Pinned, pid, false, "pidfd_open(" + std::to_string(pid) + ", 0)",
                     std::to_string(pidfd.get()));
        steps.record(DuplicateStep::Pinned, pid, false,
                     (p == ::getpid() ? "fcntl(" + std::to_string(fd) + ", F_DUPFD_CLOEXEC, 0)"
                                      : "pidfd_getfd(" + std::to_string(pidfd.get()) + ", " + std::to_string(fd) + ", 0)"),
                     std::to_string(reference.get()) + " (reference copy)");
        steps.expect(p == ::getpid() ? DuplicateStep::Closed : DuplicateStep::Attached);
        // Checked again now that the fd is pinned: the process may have changed its
        // credentials (exec of a setuid program) since the first check.
        if (auto may = li::realUserMayTrace(p, "process", "close a handle"); !may)
            return fail(may.error());
        runBeforeCloseHook();
        if (p == ::getpid())
            return li::closeLocal(fd, reference.get(), &steps);
        li::InjectRequest request;
        request.kind = li::InjectRequest::Kind::Close;
        request.source = p;
        request.fd = fd;
        request.deadline = deadline;
        auto out = li::runInInjector(request, {pidfd.get(), reference.get()}, steps, warnings);
        if (!out)
            return fail(out.error());
        return {};
    };
    auto out = run();
    if (!out)
        steps.failed(out.error());
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
