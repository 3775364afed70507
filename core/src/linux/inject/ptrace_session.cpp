// SPDX-License-Identifier: MIT
#include "ptrace_session.h"

#include "remote_memory.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
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

// Threads attached by this process, for emergencyRestoreAll: plain data that a signal
// handler may read. The injector attaches one thread, or every thread of a process for a
// close; a thread beyond this many is refused before it is touched.
struct LiveThread {
    volatile pid_t tid;
    user_regs_struct restore;
    volatile bool regsChanged;
};

namespace {

constexpr std::size_t kMaxLive = 4096;
LiveThread g_live[kMaxLive];

LiveThread* registerLive(pid_t tid, const user_regs_struct& restore)
{
    for (auto& l : g_live)
        if (l.tid == 0) {
            l.restore = restore;
            l.regsChanged = false;
            l.tid = tid;
            return &l;
        }
    return nullptr;
}

} // namespace

namespace {
bool g_mustExit = false;
}

bool mustExitToRelease() { return g_mustExit; }

void emergencyRestoreAll()
{
    for (auto& l : g_live) {
        const pid_t tid = l.tid;
        if (tid == 0)
            continue;
        if (l.regsChanged && ::ptrace(PTRACE_SETREGS, tid, nullptr, &l.restore) != 0) {
            // Running (mid-step): stop it first.
            int status = 0;
            if (::ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0 && ::waitpid(tid, &status, __WALL) == tid
                && WIFSTOPPED(status))
                (void)::ptrace(PTRACE_SETREGS, tid, nullptr, &l.restore);
        }
        (void)::ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
        l.tid = 0;
    }
}

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
    if (ptraceCall(PTRACE_SEIZE, tid) != 0)
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
    s->noteStop(*status, nullptr); // the first stop may be a signal's delivery: keep it
    // The tid was chosen before SEIZE: it must still be a thread of the pinned process, not
    // a number reused by another process meanwhile (a zombie main thread's siblings exit too).
    const std::string taskDir = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid);
    if (::access(taskDir.c_str(), F_OK) != 0) // the kernel lists only the group's own threads there
        return fail(errnoError("check the stopped thread", ESRCH, pid, -1,
                               "thread " + std::to_string(tid) + " no longer belongs to pid " + std::to_string(pid)
                                   + ": nothing was done"));
    auto regs = s->getRegs();
    if (!regs)
        return fail(regs.error());
    s->m_saved = *regs;
    s->readRseqState();
    s->m_live = registerLive(tid, s->regsToRestore());
    if (!s->m_live)
        return fail(errnoError("stop thread " + std::to_string(tid), EMFILE, pid, -1, "too many threads to stop at once"));
    ilog(spdlog::level::debug, "ptrace(PTRACE_SEIZE + PTRACE_INTERRUPT, {}) pid {}: stopped after {} us (status {:#x}){}",
         tid, pid, std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count(), *status,
         s->inRseqCriticalSection() ? ", inside an rseq critical section" : "");
    return s;
}

PtraceSession::~PtraceSession()
{
    if (m_attached && !m_stopped)
        g_mustExit = true;
    (void)detach();
    if (m_live)
        m_live->tid = 0;
}

Result<void> PtraceSession::suspendSeccomp()
{
    if (ptraceCall(PTRACE_SETOPTIONS, m_tid, nullptr, asData(PTRACE_O_SUSPEND_SECCOMP)) != 0)
        return fail(errnoError("suspend seccomp (PTRACE_SETOPTIONS, PTRACE_O_SUSPEND_SECCOMP)", errno, m_pid, -1,
                               "suspending a seccomp filter needs CAP_SYS_ADMIN (run as root)"));
    return {};
}

void PtraceSession::readRseqState()
{
    // The kernel aborts an rseq critical section that was preempted or signalled, moving
    // the IP to its abort handler when the thread returns to user space. Our single steps
    // return to user space at the syscall site, outside the section, where the kernel only
    // clears rseq_cs; restoring the old IP afterwards would resume the section as if it had
    // never been interrupted. So note the section now and abort it at detach.
    struct RseqConfiguration {
        std::uint64_t rseqAbiPointer;
        std::uint32_t rseqAbiSize;
        std::uint32_t signature;
        std::uint32_t flags;
        std::uint32_t pad;
    } config{};
    constexpr int kGetRseqConfiguration = 0x420f; // PTRACE_GET_RSEQ_CONFIGURATION, Linux 5.13
    if (::ptrace(static_cast<__ptrace_request>(kGetRseqConfiguration), m_tid, asData(sizeof config), &config) <= 0
        || config.rseqAbiPointer == 0)
        return;
    const unsigned long long csField = config.rseqAbiPointer + 8; // struct rseq: u32 cpu_id_start, u32 cpu_id, u64 rseq_cs
    std::uint64_t cs = 0;
    if (!readRemote(m_pid, m_tid, csField, &cs, sizeof cs) || cs == 0)
        return;
    struct RseqCs {
        std::uint32_t version;
        std::uint32_t flags;
        std::uint64_t startIp;
        std::uint64_t postCommitOffset;
        std::uint64_t abortIp;
    } desc{};
    if (!readRemote(m_pid, m_tid, cs, &desc, sizeof desc))
        return;
    if (m_saved.rip - desc.startIp >= desc.postCommitOffset)
        return; // not inside the section: the kernel just clears rseq_cs, as it will
    std::uint32_t signature = 0;
    if (desc.abortIp < 4 || !readRemote(m_pid, m_tid, desc.abortIp - 4, &signature, sizeof signature)
        || signature != config.signature) {
        ilog(spdlog::level::warn, "tid {}: inside an rseq critical section whose abort handler has a wrong signature; "
             "resuming it where it stopped", m_tid);
        return;
    }
    m_rseqAbortIp = desc.abortIp;
    m_rseqCsField = csField;
}

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
                ilog(spdlog::level::warn, "pid {} (tid {}) exited while stopped for injection (status {:#x})", m_pid,
                     m_tid, status);
                return fail(errnoError("wait for the target to stop", ESRCH, m_pid, -1,
                                       "pid " + std::to_string(m_pid) + " exited during the operation"
                                           + (WIFSIGNALED(status) ? " (killed by signal "
                                                                        + std::to_string(WTERMSIG(status)) + ")"
                                                                  : std::string())));
            }
            if (WIFSTOPPED(status)) {
                m_stopped = true;
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

namespace {

// The trap of our own PTRACE_SINGLESTEP: SIGTRAP with TRAP_TRACE (a stepped instruction)
// or TRAP_BRKPT (x86 reports a stepped syscall so). A SIGTRAP sent by kill() or raised by
// int3 in the target (SI_USER, SI_TKILL, SI_KERNEL) is the target's own and is kept.
bool isStepTrap(const siginfo_t& info) { return info.si_code == TRAP_TRACE || info.si_code == TRAP_BRKPT; }

// A fault the kernel raised for the instruction just run (ours, during a step).
bool isFault(int sig, const siginfo_t& info)
{
    return (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE) && info.si_code > 0;
}

// Whether `sig` is pending for the thread itself (SigPnd of its status; ShdPnd is the
// process's).
bool pendingInThread(pid_t pid, pid_t tid, int sig)
{
    const std::string mask = statusField(pid, "SigPnd", tid);
    return !mask.empty() && ((std::strtoull(mask.c_str(), nullptr, 16) >> (sig - 1)) & 1ULL) != 0;
}

// How often a thread still working past the deadline is looked at again to see whether
// it has fallen asleep in the call (then it is blocked and interrupted).
constexpr auto kRecheckBlocked = std::chrono::milliseconds(50);

} // namespace

void PtraceSession::noteStop(int status, siginfo_t* info)
{
    const int event = status >> 16;
    const int sig = WSTOPSIG(status);
    m_inSignalStop = event == 0;
    if (event != 0)
        return; // PTRACE_EVENT_STOP: our interrupt, or a group stop
    siginfo_t si{};
    if (ptraceCall(PTRACE_GETSIGINFO, m_tid, nullptr, &si) != 0)
        si.si_signo = 0;
    if (info)
        *info = si;
    if (sig == SIGTRAP && si.si_signo == SIGTRAP && isStepTrap(si))
        return;
    m_kept.push_back({sig, si});
    ilog(spdlog::level::debug, "tid {}: signal {} (si_code {}) arrived during injection, delivered after", m_tid, sig,
         si.si_code);
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
    if (m_live)
        m_live->regsChanged = true;
    if (ptraceCall(PTRACE_SETREGS, m_tid, nullptr, const_cast<user_regs_struct*>(&regs)) != 0)
        return fail(errnoError("ptrace(PTRACE_SETREGS)", errno, m_pid));
    return {};
}

Result<user_regs_struct> PtraceSession::stepUntil(unsigned long long until, Clock::time_point deadline,
                                                  const std::string& call)
{
    const auto t0 = Clock::now();
    for (int guard = 0; guard < 256; ++guard) {
        if (ptraceCall(PTRACE_SINGLESTEP, m_tid, nullptr, nullptr) != 0)
            return fail(errnoError("ptrace(PTRACE_SINGLESTEP)", errno, m_pid));
        m_stopped = false;
        auto status = waitStop(deadline);
        // Past the deadline, a thread that is not asleep in our call (runnable, waiting for a
        // CPU on a busy machine) has not blocked: it will finish the step, so wait on and look
        // again. Calling it blocked would abandon a call that completes.
        while (!status && status.error().osCode == ETIMEDOUT) {
            const char state = procState(m_pid, m_tid);
            if (state == 'S' || state == 'D')
                break;
            status = waitStop(Clock::now() + kRecheckBlocked);
        }
        if (!status && status.error().osCode == ETIMEDOUT) {
            // The injected call blocks. Interrupt it (it returns -ERESTART* or EINTR) and
            // wait for the stop without a limit: the thread must get its registers back,
            // and a thread in uninterruptible sleep will stop when the sleep ends.
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
            if (ptraceCall(PTRACE_INTERRUPT, m_tid) != 0)
                return fail(errnoError("ptrace(PTRACE_INTERRUPT) of a blocked call", errno, m_pid));
            auto stopped = waitStop(Clock::time_point::max());
            if (!stopped)
                return fail(stopped.error());
            noteStop(*stopped, nullptr);
            m_faulted = true; // the call's outcome is unknown: inject nothing more
            if (auto drained = drainStepTrap(); !drained)
                return fail(drained.error());
            return fail(errnoError(call + " blocked in the target", ETIMEDOUT, m_pid, -1,
                                   "the injected " + call + " did not return within " + std::to_string(ms)
                                       + " ms; it was interrupted and the thread's registers restored"));
        }
        if (!status)
            return fail(status.error());
        siginfo_t info{};
        noteStop(*status, &info);
        auto regs = getRegs();
        if (!regs)
            return fail(regs.error());
        const bool signalStop = (*status >> 16) == 0;
        // Past the instruction: done. A SIGTRAP there that is not a step trap is the
        // target's own, pending when the step's trap was raised: a second SIGTRAP is not
        // queued while one is pending, so that one stands for both (and it is kept).
        if (signalStop && WSTOPSIG(*status) == SIGTRAP && regs->rip == until)
            return *regs;
        if (signalStop && isFault(WSTOPSIG(*status), info)) {
            // Ours: the instruction we made the thread run faulted. Do not deliver it, do
            // not retry (each retry faults again and queues one more signal): end the session.
            m_kept.pop_back();
            m_faulted = true;
            return fail(errnoError("inject " + call + ": the syscall site faulted", EFAULT, m_pid, -1,
                                   "signal " + std::to_string(WSTOPSIG(*status)) + " at " + hexAddress(regs->rip)
                                       + "; the thread was restored and nothing more was injected"));
        }
        // Interrupt stop, group stop, a kept signal, or a restarted call: step again.
    }
    m_faulted = true;
    return fail(errnoError("single-step the injected " + call, EIO, m_pid, -1, "the thread kept stopping elsewhere"));
}

Result<void> PtraceSession::drainStepTrap()
{
    // The interrupted call left the kernel through its single-step report, which queued a
    // SIGTRAP for this thread; our interrupt's stop came first. Left pending, that SIGTRAP
    // would be delivered after detach and kill the target. So put the saved registers back
    // and let the thread take its pending signals: the SIGTRAP stops it again (a signal-
    // delivery-stop, which detach() then suppresses).
    if (!m_inSignalStop && pendingInThread(m_pid, m_tid, SIGTRAP)) {
        if (auto r = setRegs(regsToRestore()); !r)
            return r;
        if (ptraceCall(PTRACE_CONT, m_tid) != 0)
            return fail(errnoError("ptrace(PTRACE_CONT) to take the pending step trap", errno, m_pid));
        m_stopped = false;
        auto stopped = waitStop(Clock::time_point::max());
        if (!stopped)
            return fail(stopped.error());
        noteStop(*stopped, nullptr);
    }
    return {};
}

std::vector<KeptSignal> PtraceSession::takeKeptSignals(int except)
{
    std::vector<KeptSignal> taken;
    std::vector<KeptSignal> stay;
    for (auto& k : m_kept)
        (k.sig == except ? stay : taken).push_back(k);
    m_kept = std::move(stay);
    return taken;
}

Result<void> PtraceSession::detach()
{
    if (!m_attached)
        return {};
    if (!m_stopped) {
        // Never stopped (timeout): only the exit of the injector process can detach it.
        return fail(errnoError("ptrace detach", ESRCH, m_pid));
    }
    Result<void> out;
    user_regs_struct restore = regsToRestore(); // not const: ptrace takes a void*
    if (m_rseqAbortIp != 0) {
        const std::uint64_t zero = 0;
        (void)writeRemote(m_pid, m_tid, m_rseqCsField, &zero, sizeof zero);
        m_regsChanged = true;
        ilog(spdlog::level::debug, "tid {}: rseq critical section aborted (resumes at {:#x})", m_tid, m_rseqAbortIp);
    }
    if (m_regsChanged && ptraceCall(PTRACE_SETREGS, m_tid, nullptr, &restore) != 0)
        out = fail(errnoError("restore registers", errno, m_pid));
    // Signals nobody re-queued (a thread only stopped, never stepped): the current stop is
    // the delivery-stop of the last one, which PTRACE_DETACH can deliver with its siginfo.
    long sig = 0;
    if (!m_kept.empty() && m_inSignalStop) {
        // At a signal-delivery-stop the tracer chooses what is delivered on resumption.
        KeptSignal& last = m_kept.back();
        if (last.info.si_signo == last.sig)
            (void)ptraceCall(PTRACE_SETSIGINFO, m_tid, nullptr, &last.info);
        sig = last.sig;
        m_kept.pop_back();
    }
    if (ptraceCall(PTRACE_DETACH, m_tid, nullptr, asData(sig)) != 0 && out)
        out = fail(errnoError("ptrace(PTRACE_DETACH)", errno, m_pid));
    m_attached = m_stopped = false;
    if (m_live)
        m_live->tid = 0;
    m_live = nullptr;
    for (const auto& k : m_kept)
        if (::syscall(SYS_rt_tgsigqueueinfo, m_pid, m_tid, k.sig, &k.info) != 0)
            (void)::syscall(SYS_tgkill, m_pid, m_tid, k.sig); // another process may not forge its siginfo
    m_kept.clear();
    ilog(spdlog::level::debug, "ptrace(PTRACE_DETACH, {}) pid {}", m_tid, m_pid);
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
            auto s = PtraceSession::attach(pid, tid, {.deadline = deadline});
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
