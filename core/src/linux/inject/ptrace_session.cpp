// SPDX-License-Identifier: MIT
#include "ptrace_session.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <sched.h>
#include <set>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

long ptraceCall(__ptrace_request request, pid_t tid, void* addr = nullptr, void* data = nullptr)
{
    return ::ptrace(request, tid, addr, data);
}

void* asData(long value) { return reinterpret_cast<void*>(value); }

std::vector<pid_t> listThreads(pid_t pid)
{
    std::vector<pid_t> tids;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = ::opendir(dir.c_str());
    if (!d)
        return tids;
    while (const dirent* e = ::readdir(d)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        tids.push_back(static_cast<pid_t>(std::stol(e->d_name)));
    }
    ::closedir(d);
    return tids;
}

// Polls with short sleeps, not sched_yield: on a loaded machine a yielding tracer
// queues behind every other runnable task, while a sleeper is woken promptly.
void pause(int round)
{
    static constexpr long kSleepNs[] = {5'000, 10'000, 20'000, 50'000, 100'000, 200'000, 500'000};
    constexpr int kSteps = static_cast<int>(sizeof kSleepNs / sizeof kSleepNs[0]);
    timespec ts{0, kSleepNs[std::min(round / 4, kSteps - 1)]};
    ::nanosleep(&ts, nullptr);
}

Error seizeError(int err, pid_t pid, pid_t tid)
{
    std::string hint;
    if (err == EPERM) {
        const char state = procState(pid);
        const std::string tracer = statusField(pid, "TracerPid");
        if (isKernelThread(pid))
            hint = "pid " + std::to_string(pid) + " is a kernel thread: it has no user space and no fds";
        else if (state == 'Z' || procState(pid, tid) == 'Z')
            hint = "pid " + std::to_string(pid) + " is a zombie: it has exited and holds no fds";
        else if (!tracer.empty() && tracer != "0")
            hint = "pid " + std::to_string(pid) + " is already traced by pid " + tracer
                   + " (a debugger or strace): detach it first";
    }
    return errnoError("ptrace attach (PTRACE_SEIZE tid " + std::to_string(tid) + ")", err, pid, -1, hint);
}

} // namespace

Result<pid_t> chooseThread(pid_t pid)
{
    const char mainState = procState(pid, pid);
    if (mainState != '\0' && mainState != 'Z' && mainState != 'X')
        return pid;
    if (mainState == '\0' && procState(pid) == '\0')
        return fail(errnoError("find a thread to stop", ESRCH, pid));
    for (pid_t tid : listThreads(pid)) {
        const char s = procState(pid, tid);
        if (tid != pid && s != '\0' && s != 'Z' && s != 'X')
            return tid;
    }
    // Only a zombie main thread: seize will say EPERM with a zombie hint.
    return pid;
}

int pidfdGetfdAnyThread(pid_t pid, int pidfd, int fd)
{
    const int got = sysPidfdGetfd(pidfd, fd);
    if (got >= 0 || (errno != EBADF && errno != ESRCH) || procState(pid, pid) != 'Z')
        return got;
    const int err = errno;
    auto tid = chooseThread(pid);
    if (!tid || *tid == pid) {
        errno = err;
        return -1;
    }
    constexpr unsigned kPidfdThread = 0x80; // PIDFD_THREAD (O_EXCL), Linux 6.9
    UniqueFd threadFd(static_cast<int>(::syscall(SYS_pidfd_open, *tid, kPidfdThread)));
    if (!threadFd.valid()) {
        errno = err;
        return -1;
    }
    return sysPidfdGetfd(threadFd.get(), fd);
}

Result<std::unique_ptr<PtraceSession>> PtraceSession::attach(pid_t pid, pid_t tid, const Options& options)
{
    std::unique_ptr<PtraceSession> s(new PtraceSession(pid, tid));
    const long opts = options.suspendSeccomp ? PTRACE_O_SUSPEND_SECCOMP : 0;
    if (ptraceCall(PTRACE_SEIZE, tid, nullptr, asData(opts)) != 0)
        return fail(seizeError(errno, pid, tid));
    s->m_attached = true;
    const auto t0 = Clock::now();
    if (ptraceCall(PTRACE_INTERRUPT, tid) != 0)
        return fail(errnoError("ptrace(PTRACE_INTERRUPT)", errno, pid));
    auto status = s->waitStop(options.deadline);
    if (!status) {
        if (status.error().osCode == ETIMEDOUT)
            status.error().operation = "stop the target thread " + std::to_string(tid);
        return fail(status.error());
    }
    auto regs = s->getRegs();
    if (!regs)
        return fail(regs.error());
    s->m_saved = *regs;
    injectLog()->debug("ptrace(PTRACE_SEIZE + PTRACE_INTERRUPT, {}) pid {}: stopped after {} us (status {:#x})", tid, pid,
                       std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count(), *status);
    return s;
}

PtraceSession::~PtraceSession() { (void)detach(); }

Result<int> PtraceSession::waitStop(Clock::time_point deadline)
{
    // Spin briefly (the stop usually comes within microseconds from the other core),
    // then block (no deadline) or poll with growing sleeps until the deadline.
    const bool mayBlock = deadline == Clock::time_point::max();
    const auto spinUntil = Clock::now() + std::chrono::microseconds(100);
    bool spinning = true;
    for (int round = 0;; ++round) {
        int status = 0;
        if (spinning && Clock::now() >= spinUntil) {
            spinning = false;
            round = 0;
        }
        const bool block = mayBlock && !spinning;
        const pid_t r = ::waitpid(m_tid, &status, __WALL | (block ? 0 : WNOHANG));
        if (r == m_tid) {
            if (WIFEXITED(status) || WIFSIGNALED(status)) {
                m_attached = m_stopped = false;
                injectLog()->warn("pid {} (tid {}) exited while stopped for injection (status {:#x})", m_pid, m_tid,
                                  status);
                return fail(errnoError("wait for the target to stop", ESRCH, m_pid, -1,
                                       "pid " + std::to_string(m_pid) + " exited during the operation"
                                           + (WIFSIGNALED(status) ? " (killed by signal "
                                                                        + std::to_string(WTERMSIG(status)) + ")"
                                                                  : std::string())));
            }
            if (WIFSTOPPED(status)) {
                noteStop(status);
                return status;
            }
            continue;
        }
        if (r < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            m_attached = m_stopped = false;
            return fail(errnoError("waitpid(" + std::to_string(m_tid) + ")", err == ECHILD ? ESRCH : err, m_pid));
        }
        if (Clock::now() >= deadline)
            return fail(errnoError("wait for the target to stop", ETIMEDOUT, m_pid));
        if (!spinning)
            pause(round);
    }
}

void PtraceSession::noteStop(int status)
{
    m_stopped = true;
    const int event = status >> 16;
    const int sig = WSTOPSIG(status);
    m_inSignalStop = false;
    if (event == 0 && sig != SIGTRAP) {
        // A signal-delivery-stop: keep the signal, deliver it at detach.
        KeptSignal kept{sig, {}};
        if (ptraceCall(PTRACE_GETSIGINFO, m_tid, nullptr, &kept.info) != 0)
            kept.info.si_signo = 0;
        m_kept.push_back(kept);
        m_inSignalStop = true;
        injectLog()->debug("tid {}: signal {} arrived during injection, delivered after", m_tid, sig);
    } else if (event == 0) {
        m_inSignalStop = true; // SIGTRAP of a single step: also a signal-delivery-stop
    }
}

Result<user_regs_struct> PtraceSession::getRegs() const
{
    user_regs_struct regs{};
    if (ptraceCall(PTRACE_GETREGS, m_tid, nullptr, &regs) != 0)
        return fail(errnoError("ptrace(PTRACE_GETREGS)", errno, m_pid));
    return regs;
}

Result<void> PtraceSession::setRegs(const user_regs_struct& regs)
{
    m_regsChanged = true;
    if (ptraceCall(PTRACE_SETREGS, m_tid, nullptr, const_cast<user_regs_struct*>(&regs)) != 0)
        return fail(errnoError("ptrace(PTRACE_SETREGS)", errno, m_pid));
    return {};
}

Result<user_regs_struct> PtraceSession::stepUntil(unsigned long long until)
{
    for (int guard = 0; guard < 256; ++guard) {
        if (ptraceCall(PTRACE_SINGLESTEP, m_tid, nullptr, nullptr) != 0)
            return fail(errnoError("ptrace(PTRACE_SINGLESTEP)", errno, m_pid));
        m_stopped = false;
        // Blocking wait: our calls do not block, and the thread must get its registers back
        // whatever happens, so there is no giving up here (it dies or it stops).
        auto status = waitStop(Clock::time_point::max());
        if (!status)
            return fail(status.error());
        auto regs = getRegs();
        if (!regs)
            return fail(regs.error());
        const int event = *status >> 16;
        if (event == 0 && WSTOPSIG(*status) == SIGTRAP && regs->rip == until)
            return *regs;
        // Interrupt stop, group stop, a kept signal, or a restarted call: step again.
    }
    return fail(errnoError("single-step the injected syscall", EIO, m_pid, -1, "the thread kept stopping elsewhere"));
}

Result<void> PtraceSession::detach()
{
    if (!m_attached)
        return {};
    if (!m_stopped) {
        // Never stopped (timeout): only the exit of this tracer thread can detach it.
        return fail(errnoError("ptrace detach", ESRCH, m_pid));
    }
    Result<void> out;
    if (m_regsChanged && ptraceCall(PTRACE_SETREGS, m_tid, nullptr, &m_saved) != 0)
        out = fail(errnoError("restore registers", errno, m_pid));
    long sig = 0;
    std::size_t firstLater = 0;
    if (!m_kept.empty() && m_inSignalStop) {
        if (m_kept[0].info.si_signo != 0)
            (void)ptraceCall(PTRACE_SETSIGINFO, m_tid, nullptr, &m_kept[0].info);
        sig = m_kept[0].sig;
        firstLater = 1;
    }
    if (ptraceCall(PTRACE_DETACH, m_tid, nullptr, asData(sig)) != 0 && out)
        out = fail(errnoError("ptrace(PTRACE_DETACH)", errno, m_pid));
    m_attached = m_stopped = false;
    for (std::size_t i = firstLater; i < m_kept.size(); ++i)
        (void)::syscall(SYS_tgkill, m_pid, m_tid, m_kept[i].sig);
    injectLog()->debug("ptrace(PTRACE_DETACH, {}) pid {}", m_tid, m_pid);
    return out;
}

Result<std::vector<std::unique_ptr<PtraceSession>>> stopOtherThreads(pid_t pid, pid_t except,
                                                                     Clock::time_point deadline)
{
    std::vector<std::unique_ptr<PtraceSession>> out;
    std::set<pid_t> seen{except};
    for (bool grew = true; grew;) {
        grew = false;
        for (pid_t tid : listThreads(pid)) {
            if (!seen.insert(tid).second)
                continue;
            grew = true;
            auto s = PtraceSession::attach(pid, tid, {.suspendSeccomp = false, .deadline = deadline});
            if (!s) {
                const char state = procState(pid, tid);
                if (s.error().osCode == ESRCH || state == 'Z' || state == 'X' || state == '\0')
                    continue; // the thread has exited (an exited main thread stays a zombie)
                return fail(s.error());
            }
            out.push_back(std::move(*s));
        }
    }
    return out;
}

} // namespace hs::linux_::inject
