// SPDX-License-Identifier: MIT
// One ptrace-stopped thread of another process, restored and detached on every path.
#pragma once

#include "inject_common.h"

#include <csignal>
#include <memory>
#include <sys/user.h>
#include <vector>

namespace hs::linux_::inject {

/// A thread of `pid` to stop: the main thread, or another one when the main thread has
/// exited (its /proc/PID/task/PID/stat says Z). -1 with errno-style error if none.
Result<pid_t> chooseThread(pid_t pid);

/// pidfd_getfd(pidfd, fd); when the main thread of `pid` has exited (its task has no
/// fd table any more: EBADF), retried through a pidfd of a live thread (PIDFD_THREAD,
/// Linux 6.9+). Returns the new fd or -1 with errno set.
int pidfdGetfdAnyThread(pid_t pid, int pidfd, int fd);

struct LiveThread;

/// A signal that arrived while the thread was ours. Its delivery was suppressed (a handler
/// must not run on injected registers); the session queues it again before detaching.
struct KeptSignal {
    int sig;
    siginfo_t info;
};

/// PTRACE_SEIZE + PTRACE_INTERRUPT of one thread. detach() restores the registers saved at
/// the stop (with the kernel's rseq abort applied) and detaches; the destructor does too.
///
/// Runs inside the injector process (injector.h): a thread that never stops (D state, vfork
/// parent) cannot be detached, as PTRACE_DETACH needs a stopped tracee; the injector's exit
/// then makes the kernel detach it, untouched.
class PtraceSession {
public:
    struct Options {
        Clock::time_point deadline;
    };
    static Result<std::unique_ptr<PtraceSession>> attach(pid_t pid, pid_t tid, const Options& options);

    PtraceSession(const PtraceSession&) = delete;
    PtraceSession& operator=(const PtraceSession&) = delete;
    ~PtraceSession();

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] pid_t tid() const { return m_tid; }
    [[nodiscard]] bool stopped() const { return m_stopped; }
    /// The registers at the stop; restored exactly before detaching.
    [[nodiscard]] const user_regs_struct& savedRegs() const { return m_saved; }
    /// True when the thread was stopped inside an rseq critical section: detach() resumes
    /// it at the section's abort handler, as the kernel does for a preempted section.
    [[nodiscard]] bool inRseqCriticalSection() const { return m_rseqAbortIp != 0; }

    /// The saved registers, resuming at the rseq abort handler when the thread stopped inside
    /// a critical section: what detach() (or emergencyRestoreAll) puts back.
    [[nodiscard]] user_regs_struct regsToRestore() const
    {
        user_regs_struct regs = m_saved;
        if (m_rseqAbortIp != 0)
            regs.rip = m_rseqAbortIp;
        return regs;
    }

    /// PTRACE_O_SUSPEND_SECCOMP, set once the thread is stopped (needs CAP_SYS_ADMIN).
    Result<void> suspendSeccomp();

    Result<user_regs_struct> getRegs() const;
    Result<void> setRegs(const user_regs_struct& regs);

    /// Resumes with PTRACE_SINGLESTEP until RIP == `until`, i.e. the one instruction at RIP
    /// (the syscall instruction of an injected call named `call`) ran. Interrupt and group
    /// stops are stepped through; signals that arrive are kept (takeKeptSignals). A call
    /// still blocked at `deadline` is interrupted (PTRACE_INTERRUPT) and reported as
    /// ETIMEDOUT; a fault at the instruction (SIGSEGV, SIGBUS, SIGILL...) is reported,
    /// its signal discarded, and the session takes no more calls (faulted()).
    Result<user_regs_struct> stepUntil(unsigned long long until, Clock::time_point deadline, const std::string& call);

    [[nodiscard]] bool faulted() const { return m_faulted; }
    /// The kept signals but those numbered `except`, which stay for detach() to deliver.
    std::vector<KeptSignal> takeKeptSignals(int except);

    /// Restore the saved registers, PTRACE_DETACH. Idempotent. Kept signals still here are
    /// delivered: the last one by PTRACE_DETACH itself with its siginfo when the current
    /// stop is a signal-delivery-stop, any other by rt_tgsigqueueinfo (or tgkill).
    Result<void> detach();

private:
    PtraceSession(pid_t pid, pid_t tid) : m_pid(pid), m_tid(tid) {}
    /// Polls until a stop or `deadline`; time_point::max() blocks in waitpid.
    Result<int> waitStop(Clock::time_point deadline);
    /// Records a stop; a signal-delivery-stop's signal is kept unless it is our own
    /// single-step trap. `info` receives that stop's siginfo.
    void noteStop(int status, siginfo_t* info);
    void readRseqState();
    /// After interrupting a blocked call: take the step trap its return queued, if any.
    Result<void> drainStepTrap();

    pid_t m_pid;
    pid_t m_tid;
    bool m_attached = false;
    bool m_stopped = false;
    bool m_regsChanged = false;
    bool m_faulted = false;
    bool m_inSignalStop = false; ///< the current stop is a signal-delivery-stop
    user_regs_struct m_saved{};
    std::vector<KeptSignal> m_kept;
    unsigned long long m_rseqAbortIp = 0;
    unsigned long long m_rseqCsField = 0; ///< address of struct rseq's rseq_cs in the target
    LiveThread* m_live = nullptr;  ///< our entry for emergencyRestoreAll
};

/// True once a thread was seized but never stopped (D state, vfork parent): it cannot be
/// detached, only released by the exit of this process, so the injector exits after its
/// reply.
bool mustExitToRelease();

/// Inside the injector, from a fatal signal handler or std::terminate: restores the
/// registers of every thread still attached and detaches it. Async-signal-safe.
void emergencyRestoreAll();

/// Stops every other thread of the process too (for an exact identity check before a
/// close: no sibling may close and reopen the fd meanwhile).
Result<std::vector<std::unique_ptr<PtraceSession>>> stopOtherThreads(pid_t pid, pid_t except,
                                                                     Clock::time_point deadline);

} // namespace hs::linux_::inject
