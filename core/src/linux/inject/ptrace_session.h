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

/// PTRACE_SEIZE + PTRACE_INTERRUPT of one thread. The destructor restores the registers
/// saved at the stop, re-delivers any signal that arrived meanwhile and detaches.
///
/// A thread that does not stop in time (D state, vfork parent) cannot be detached
/// (PTRACE_DETACH needs a stopped tracee): the session then reports ETIMEDOUT and the
/// caller must let its thread exit, which makes the kernel detach without touching the
/// target. So every session lives on a thread of its own (runOnTracerThread).
class PtraceSession {
public:
    struct Options {
        bool suspendSeccomp = false;
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

    Result<user_regs_struct> getRegs() const;
    Result<void> setRegs(const user_regs_struct& regs);

    /// Resumes with PTRACE_SINGLESTEP until RIP == `until`, i.e. the one instruction at
    /// RIP ran. Interrupt and group stops are stepped through; signals that arrive are
    /// kept for re-delivery at detach. Waits without a limit: an injected call that
    /// blocks (close() of a lingering socket) is waited for, never abandoned with our
    /// registers in place.
    Result<user_regs_struct> stepUntil(unsigned long long until);

    /// Restore the saved registers, re-deliver kept signals, PTRACE_DETACH. Idempotent.
    Result<void> detach();

private:
    PtraceSession(pid_t pid, pid_t tid) : m_pid(pid), m_tid(tid) {}
    /// Polls until a stop or `deadline`; time_point::max() blocks in waitpid.
    Result<int> waitStop(Clock::time_point deadline);
    void noteStop(int status);

    struct KeptSignal {
        int sig;
        siginfo_t info;
    };
    pid_t m_pid;
    pid_t m_tid;
    bool m_attached = false;
    bool m_stopped = false;
    bool m_regsChanged = false;
    bool m_inSignalStop = false; ///< the current stop is a signal-delivery-stop
    user_regs_struct m_saved{};
    std::vector<KeptSignal> m_kept;
};

/// Stops every other thread of the process too (for an exact identity check before a
/// close: no sibling may close and reopen the fd meanwhile).
Result<std::vector<std::unique_ptr<PtraceSession>>> stopOtherThreads(pid_t pid, pid_t except,
                                                                     Clock::time_point deadline);

/// Runs `work` on a new thread and joins it: a tracee that never stopped is detached by
/// the kernel when that thread exits.
template <class F>
auto runOnTracerThread(F&& work) -> decltype(work());

} // namespace hs::linux_::inject

#include <optional>
#include <system_error>
#include <thread>

template <class F>
auto hs::linux_::inject::runOnTracerThread(F&& work) -> decltype(work())
{
    std::optional<decltype(work())> out;
    try {
        std::thread t([&] { out.emplace(work()); });
        t.join();
    } catch (const std::system_error& e) {
        return hs::fail(errnoError("start the tracer thread", e.code().value()));
    }
    return std::move(*out);
}
