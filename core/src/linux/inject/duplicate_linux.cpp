// SPDX-License-Identifier: MIT
// duplicateHandle on Linux: pidfd_getfd into this process, or a syscall sequence injected
// into the target (pull: pidfd_open + pidfd_getfd; push: SCM_RIGHTS over a UNIX socket).
#include "handlescope/duplicate.h"

#include "injector.h"
#include "operations.h"
#include "push_linux.h"
#include "real_user.h"
#include "remote_syscall.h"

#include <cerrno>
#include <fcntl.h>
#include <optional>
#include <sys/syscall.h>
#include <unistd.h>

namespace hs {

namespace li = linux_::inject;

namespace {

using li::Clock;
using li::UniqueFd;

std::string us(Clock::duration d)
{
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

struct Pinned {
    UniqueFd sourcePidfd;
    UniqueFd targetPidfd;
    UniqueFd reference; ///< our own copy of the source fd: the identity to compare with
};

Result<Pinned> pin(pid_t source, int fd, pid_t target, StepRecorder& steps)
{
    Pinned p;
    const pid_t self = ::getpid();
    p.sourcePidfd.reset(li::sysPidfdOpen(source));
    if (!p.sourcePidfd.valid())
        return fail(li::errnoError("pin the source (pidfd_open)", errno, source, fd));
    steps.record(DuplicateStep::Pinned, source, false, "pidfd_open(" + std::to_string(source) + ", 0)",
                 std::to_string(p.sourcePidfd.get()));
    p.targetPidfd.reset(li::sysPidfdOpen(target));
    if (!p.targetPidfd.valid())
        return fail(li::errnoError("pin the target (pidfd_open)", errno, target));
    steps.record(DuplicateStep::Pinned, target, false, "pidfd_open(" + std::to_string(target) + ", 0)",
                 std::to_string(p.targetPidfd.get()));
    if (source == self) {
        p.reference.reset(::fcntl(fd, F_DUPFD_CLOEXEC, 0));
        if (!p.reference.valid())
            return fail(li::errnoError("read the source fd", errno, source, fd));
        steps.record(DuplicateStep::Pinned, source, false, "fcntl(" + std::to_string(fd) + ", F_DUPFD_CLOEXEC, 0)",
                     std::to_string(p.reference.get()) + " (reference copy)");
    } else {
        p.reference.reset(li::pidfdGetfdAnyThread(source, p.sourcePidfd.get(), fd));
        if (!p.reference.valid()) {
            const int err = errno;
            // Explain a zombie or a kernel thread better than pidfd_getfd's EBADF/ESRCH does.
            std::string hint;
            if (li::isKernelThread(source))
                hint = "pid " + std::to_string(source) + " is a kernel thread: it has no fds";
            else if (li::procState(source) == 'Z' && li::chooseThread(source).value_or(source) == source)
                hint = "pid " + std::to_string(source) + " is a zombie: it holds no fds";
            return fail(li::errnoError("pidfd_getfd from the source", err, source, fd, hint));
        }
        steps.record(DuplicateStep::Pinned, source, false,
                     "pidfd_getfd(" + std::to_string(p.sourcePidfd.get()) + ", " + std::to_string(fd) + ", 0)",
                     std::to_string(p.reference.get()) + " (reference copy)");
    }
    return p;
}

bool fallsBackToPush(const Error& e)
{
    // EBADF too: we hold a copy, so the fd is open; the source's main thread has exited
    // and pidfd_getfd through its pid finds no fd table. Pushing our copy still works.
    return e.operation.starts_with("inject pidfd_")
           && (e.osCode == EPERM || e.osCode == ESRCH || e.osCode == EACCES || e.osCode == EBADF);
}

// A blocked call that returned EINTR because of the stop (epoll_wait, sigtimedwait): the
// kernel does not restart those, as under gdb or strace. The target sees it; say so.
std::optional<std::string> eintrWarning(pid_t pid, const user_regs_struct& regs)
{
    const auto nr = static_cast<long long>(regs.orig_rax);
    if (nr < 0 || static_cast<long long>(regs.rax) != -EINTR)
        return std::nullopt;
    std::string name = "syscall " + std::to_string(nr);
    switch (nr) {
    case SYS_epoll_wait:
        name = "epoll_wait";
        break;
    case SYS_epoll_pwait:
        name = "epoll_pwait";
        break;
    case SYS_rt_sigtimedwait:
        name = "sigtimedwait";
        break;
    default:
        break;
    }
    return "pid " + std::to_string(pid) + ": its blocked " + name
           + " returned EINTR because the thread was stopped (as under gdb or strace)";
}

// The pinned fds as the injector received them.
struct PinnedFds {
    int sourcePidfd;
    int targetPidfd;
    int reference;
};

// Inside the injector: the calls that put a copy of the pinned fd into the target.
Result<li::InjectorOutcome> injectDuplicate(pid_t source, int fd, pid_t target, const DuplicateOptions& options,
                                            const PinnedFds& pinned, Clock::time_point deadline,
                                            StepRecorder& steps, std::vector<std::string>& warnings)
{
    // Pull hands the target the source's pid number: it must mean the same process there.
    const bool pullPossible = source != target && li::inOurPidNamespace(target);
    if (options.method == DuplicateMethod::Pull && source != target && !pullPossible)
        return fail(li::errnoError("duplicate by pull", EXDEV, target, fd,
                                   "pid " + std::to_string(target) + " lives in another pid namespace, where pid "
                                       + std::to_string(source) + " is another process or none: use --method push"));
    auto begun = li::beginInjection(target, pinned.targetPidfd, deadline, &steps);
    if (!begun)
        return fail(begun.error());
    li::Injection& inj = **begun;
    if (auto w = eintrWarning(target, inj.session().savedRegs())) {
        li::ilog(spdlog::level::warn, "{}", *w);
        warnings.push_back(*w);
    }
    steps.record(DuplicateStep::Note, target, false,
                 "syscall instruction at " + li::hexAddress(inj.site().address) + " (" + inj.site().origin + ")");
    li::InjectorOutcome out;
    Result<long> got;
    if (source == target) {
        out.method = "inject dup";
        const int cmd = options.inheritable ? F_DUPFD : F_DUPFD_CLOEXEC;
        got = inj.call(SYS_fcntl, {static_cast<unsigned long long>(fd), static_cast<unsigned long long>(cmd), 0, 0, 0, 0},
                       "fcntl", "fcntl(" + std::to_string(fd) + (options.inheritable ? ", F_DUPFD, 0)" : ", F_DUPFD_CLOEXEC, 0)"));
        if (got && li::isSyscallError(*got))
            got = fail(li::errnoError("inject fcntl(F_DUPFD)", li::syscallErrno(*got), target, fd));
        if (got)
            inj.own(*got);
    } else if (options.method == DuplicateMethod::Push || !pullPossible) {
        out.method = "inject push";
        got = li::pushInto(inj, pinned.targetPidfd, pinned.reference, options.inheritable);
    } else {
        out.method = "inject pull";
        got = li::pullInto(inj, source, pinned.sourcePidfd, fd, options.inheritable);
        if (!got && options.method == DuplicateMethod::Auto && fallsBackToPush(got.error())
            && li::pidfdAlive(pinned.sourcePidfd) && !inj.session().faulted()) {
            steps.record(DuplicateStep::Note, target, false,
                         "pull refused (" + got.error().osName + "): pushing over SCM_RIGHTS instead");
            out.method = "inject push";
            got = li::pushInto(inj, pinned.targetPidfd, pinned.reference, options.inheritable);
        }
    }
    if (!got)
        return fail(got.error());
    const auto newFd = static_cast<int>(*got);
    // The new fd must be the very open file we pinned: a reused source pid would show here.
    // Compared through the stopped thread: a process whose main thread exited has no fd
    // table under its pid. Without kcmp (ENOSYS) the pins above are the proof.
    const int same = li::kcmpFile(inj.session().tid(), ::getpid(), newFd, pinned.reference);
    if (same != 0 && !(same < 0 && errno == ENOSYS))
        return fail(li::errnoError("check the new fd (kcmp)", ESTALE, target, newFd,
                                   "the new fd is not the source's open file (did the source pid exit?); it was closed"));
    steps.record(DuplicateStep::Checked, target, false,
                 "kcmp(" + std::to_string(target) + ", self, KCMP_FILE, " + std::to_string(newFd) + ", "
                     + std::to_string(pinned.reference) + ")",
                 "0 (same open file)", true, newFd);
    inj.disown(newFd);
    if (auto d = inj.finish(); !d) {
        Error e = d.error();
        e.hint = "the new fd " + std::to_string(newFd) + " exists in pid " + std::to_string(target) + "; " + e.hint;
        return fail(e);
    }
    steps.record(DuplicateStep::Detached, target, false,
                 "restore registers; ptrace(PTRACE_DETACH, " + std::to_string(inj.session().tid()) + ")");
    out.value = newFd;
    return out;
}

Result<DuplicateResult> duplicateImpl(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options,
                                      DuplicateResult& result, StepRecorder& steps)
{
    const auto deadline = Clock::now() + options.timeout;
    if (source <= 0 || target <= 0)
        return fail(li::errnoError("duplicate handle", EINVAL, source <= 0 ? source : target, handle,
                                   "a pid is a positive number"));
    if (handle < 0 || handle > INT32_MAX)
        return fail(li::errnoError("duplicate handle", EBADF, source, handle,
                                   "fd " + std::to_string(handle) + " is not a valid fd number"));
    const auto src = static_cast<pid_t>(source);
    const auto tgt = static_cast<pid_t>(target);
    const int fd = static_cast<int>(handle);
    auto checkRights = [&]() -> Result<void> {
        if (auto may = li::realUserMayTrace(src, "source", "duplicate a handle"); !may)
            return may;
        return li::realUserMayTrace(tgt, "target", "duplicate a handle");
    };
    if (auto may = checkRights(); !may)
        return fail(may.error());
    auto pinned = pin(src, fd, tgt, steps);
    if (!pinned)
        return fail(pinned.error());
    steps.expect(tgt == ::getpid() ? DuplicateStep::Call : DuplicateStep::Attached);
    // Again now that both are pinned: either may have exec'd a setuid program meanwhile.
    if (auto may = checkRights(); !may)
        return fail(may.error());

    const pid_t self = ::getpid();
    if (tgt == self) {
        if (src == tgt) {
            result.method = "fcntl(F_DUPFD)";
            result.newHandle = ::fcntl(fd, options.inheritable ? F_DUPFD : F_DUPFD_CLOEXEC, 0);
            if (result.newHandle < 0)
                return fail(li::errnoError("fcntl(F_DUPFD)", errno, source, handle));
            steps.record(DuplicateStep::Call, target, false,
                         "fcntl(" + std::to_string(fd) + ", F_DUPFD" + (options.inheritable ? "" : "_CLOEXEC") + ", 0)",
                         std::to_string(result.newHandle), true, result.newHandle);
        } else {
            // The reference copy already is the pidfd_getfd result.
            result.method = "pidfd_getfd";
            const int got = pinned->reference.get();
            if (options.inheritable && ::fcntl(got, F_SETFD, 0) != 0)
                return fail(li::errnoError("fcntl(F_SETFD)", errno, target, got));
            if (options.inheritable)
                steps.record(DuplicateStep::Call, target, false, "fcntl(" + std::to_string(got) + ", F_SETFD, 0)", "0");
            if (options.closeSource) {
                UniqueFd keep(::fcntl(got, F_DUPFD_CLOEXEC, 0)); // the reference for the close check
                if (!keep.valid())
                    return fail(li::errnoError("fcntl(F_DUPFD_CLOEXEC)", errno, target, got));
                result.newHandle = got;
                (void)pinned->reference.release();
                pinned->reference = std::move(keep);
            } else {
                result.newHandle = pinned->reference.release();
            }
        }
    }
    const bool injectIntoTarget = tgt != self;
    const bool closeRemoteSource = options.closeSource && src != self;
    if (injectIntoTarget || closeRemoteSource) {
        li::InjectRequest request;
        request.kind = li::InjectRequest::Kind::Duplicate;
        request.source = src;
        request.target = tgt;
        request.fd = fd;
        request.inheritable = options.inheritable;
        request.method = static_cast<int>(options.method);
        request.injectIntoTarget = injectIntoTarget;
        request.closeRemoteSource = closeRemoteSource;
        request.newHandle = static_cast<long>(result.newHandle);
        request.methodSoFar = result.method;
        request.deadline = deadline;
        auto outcome = li::runInInjector(
            request, {pinned->sourcePidfd.get(), pinned->targetPidfd.get(), pinned->reference.get()}, steps,
            result.warnings);
        if (!outcome)
            return fail(outcome.error());
        result.newHandle = outcome->value;
        result.method = outcome->method;
    } else if (options.closeSource) {
        auto closed = li::closeLocal(fd, pinned->reference.get(), &steps);
        if (!closed) {
            Error e = closed.error();
            e.operation = "close the source fd after duplicating (the new fd " + std::to_string(result.newHandle)
                          + " stays open): " + e.operation;
            return fail(e);
        }
    }
    return result;
}

} // namespace

namespace linux_::inject {

Result<InjectorOutcome> duplicateSession(const InjectRequest& request, const std::vector<int>& fds,
                                         StepRecorder& steps, std::vector<std::string>& warnings)
{
    const PinnedFds pinned{fds[0], fds[1], fds[2]};
    DuplicateOptions options;
    options.inheritable = request.inheritable;
    options.method = static_cast<DuplicateMethod>(request.method);
    InjectorOutcome out{request.newHandle, request.methodSoFar};
    if (request.injectIntoTarget) {
        auto injected = injectDuplicate(request.source, request.fd, request.target, options, pinned, request.deadline,
                                        steps, warnings);
        if (!injected)
            return fail(injected.error());
        out = *injected;
    }
    if (request.closeRemoteSource) {
        auto closed = closeInjected(request.source, pinned.sourcePidfd, request.fd, pinned.reference, request.deadline,
                                    &steps);
        if (!closed) {
            Error e = closed.error();
            e.operation = "close the source fd after duplicating (the new fd " + std::to_string(out.value) + " in pid "
                          + std::to_string(request.target) + " stays open): " + e.operation;
            return fail(e);
        }
    }
    return out;
}

} // namespace linux_::inject

Result<DuplicateResult> duplicateHandle(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    const li::HeldSignals held; // Ctrl+C and friends wait until the target is whole again
    const auto t0 = Clock::now();
    DuplicateResult result;
    StepRecorder steps(&result.steps, options.progress);
    auto out = duplicateImpl(source, handle, target, options, result, steps);
    const auto elapsed = Clock::now() - t0;
    if (!out) {
        steps.failed(out.error());
        li::injectLog()->info("duplicate pid {} fd {} -> pid {} (method {}): FAILED {} ({} us)", source, handle, target,
                              toString(options.method), out.error().message(), us(elapsed));
        return out;
    }
    out->duration = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed);
    li::injectLog()->info("duplicate pid {} fd {} -> pid {}: new fd {} via {}{}{} ({} us)", source, handle, target,
                          out->newHandle, out->method, options.inheritable ? ", inheritable" : "",
                          options.closeSource ? ", source closed" : "", us(elapsed));
    return out;
}

} // namespace hs
