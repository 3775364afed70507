// SPDX-License-Identifier: MIT
#include "ptrace_session.h"

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

// Back off from spinning to short sleeps: a stop usually arrives within microseconds.
void pause(int round)
{
    if (round < 64) {
        ::sched_yield();
        return;
    }
    const long ns = round < 200 ? 20'000L : 500'000L;
    timespec ts{0, ns};
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

Result<std::unique_ptr<PtraceSession>> PtraceSession::attach(pid_t pid, pid_t tid, const Options& options)
{
    std::unique_ptr<PtraceSession> s(new PtraceSession(pid, tid));
    const long opts = options.suspendSeccomp ? PTRACE_O_SUSPEND_SECCOMP : 0;
    if (ptraceCall(PTRACE_SEIZE, tid, nullptr, asData(opts)) != 0)
        return fail(seizeError(errno, pid, tid));
    s->m_attached = true;
    injectLog()->debug("ptrace(PTRACE_SEIZE, {}) pid {}", tid, pid);
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
    return s;
}

PtraceSession::~PtraceSession() { (void)detach(); }

Result<int> PtraceSession::waitStop(Clock::time_point deadline)
{
    for (int round = 0;; ++round) {
        int status = 0;
        const pid_t r = ::waitpid(m_tid, &status, __WALL | WNOHANG);
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

Result<user_regs_struct> PtraceSession::stepUntil(unsigned long long until, Clock::time_point deadline)
{
    bool interrupted = false;
    for (int guard = 0; guard < 256; ++guard) {
        if (ptraceCall(PTRACE_SINGLESTEP, m_tid, nullptr, nullptr) != 0)
            return fail(errnoError("ptrace(PTRACE_SINGLESTEP)", errno, m_pid));
        m_stopped = false;
        auto status = waitStop(deadline);
        if (!status && status.error().osCode == ETIMEDOUT && m_attached) {
            // The injected call blocks: interrupt it, then the caller restores the registers.
            injectLog()->warn("tid {}: injected call did not return in time, interrupting it", m_tid);
            (void)ptraceCall(PTRACE_INTERRUPT, m_tid);
            auto late = waitStop(Clock::now() + std::chrono::seconds(5));
            while (!late && late.error().osCode == ETIMEDOUT && m_attached)
                late = waitStop(Clock::now() + std::chrono::seconds(5)); // never leave it with our registers
            interrupted = true;
            status = late;
        }
        if (!status)
            return fail(status.error());
        auto regs = getRegs();
        if (!regs)
            return fail(regs.error());
        if (interrupted)
            return fail(errnoError("injected syscall", ETIMEDOUT, m_pid));
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
                if (s.error().osCode == ESRCH)
                    continue; // the thread exited meanwhile
                return fail(s.error());
            }
            out.push_back(std::move(*s));
        }
    }
    return out;
}

} // namespace hs::linux_::inject
