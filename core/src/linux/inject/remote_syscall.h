// SPDX-License-Identifier: MIT
// An injection: one stopped thread of another process running system calls for us.
#pragma once

#include "ptrace_session.h"
#include "syscall_site.h"

#include "common/step_recorder.h"

#include <array>
#include <string>
#include <vector>

namespace hs::linux_::inject {

/// True when a raw syscall result is an error (-4095..-1).
inline bool isSyscallError(long result) { return result < 0 && result >= -4095; }
inline int syscallErrno(long result) { return static_cast<int>(-result); }

/// A thread of the target, stopped, with a syscall site to run calls through. Owns what it
/// creates in the target: fds it was told about (own) are closed and scratch memory
/// restored by finish(), which every path reaches (the destructor calls it).
class Injection {
public:
    Injection(std::unique_ptr<PtraceSession> session, SyscallSite site, Clock::time_point deadline,
              StepRecorder* steps);
    Injection(const Injection&) = delete;
    Injection& operator=(const Injection&) = delete;
    ~Injection();

    [[nodiscard]] PtraceSession& session() { return *m_session; }
    [[nodiscard]] pid_t pid() const { return m_session->pid(); }
    [[nodiscard]] const SyscallSite& site() const { return m_site; }

    /// Runs syscall `nr` with up to six arguments in the target: set RIP to the existing
    /// syscall instruction, orig_rax = -1 (no restart logic for our call), RAX = nr,
    /// single-step, read RAX. Returns the raw result (-errno on failure); an Error only
    /// when the injection itself failed (target died, call blocked past the deadline, the
    /// site faulted). `name` is the syscall's name ("pidfd_getfd"), `text` the call as a
    /// person reads it ("pidfd_getfd(5, 7, 0)"); `step` what the progress calls it.
    /// `closes` names the fd a close call is about (the progress's `handle`).
    Result<long> call(long nr, const std::array<unsigned long long, 6>& args, const std::string& name,
                      const std::string& text, DuplicateStep step = DuplicateStep::Call, long closes = -1);

    /// A call the tool made itself about this target, for the steps and the progress.
    void recordToolCall(std::string call, std::string result)
    {
        if (m_steps)
            m_steps->record(DuplicateStep::Call, pid(), false, std::move(call), std::move(result));
    }

    /// `fd` now exists in the target because of us: finish() closes it unless disowned.
    void own(long fd) { m_owned.push_back(fd); }
    void disown(long fd);
    /// After the step named `name` was done and its results owned: the fail-after test hook.
    Result<void> checkpoint(const std::string& name);

    /// `size` bytes of scratch memory in the target (below the stack pointer's red zone);
    /// their old contents are put back by finish().
    Result<unsigned long long> scratch(std::size_t size);

    /// Closes the fds still owned, re-queues the signals that arrived (with their siginfo,
    /// by an injected rt_tgsigqueueinfo), restores the scratch memory and the registers,
    /// detaches. Idempotent; the destructor calls it.
    Result<void> finish();

private:
    std::unique_ptr<PtraceSession> m_session;
    SyscallSite m_site;
    Clock::time_point m_deadline;
    StepRecorder* m_steps;
    std::vector<long> m_owned;
    unsigned long long m_scratchAt = 0;
    std::vector<unsigned char> m_scratchSaved;
    bool m_finished = false;
};

/// Checks seccomp on the chosen thread (suspends the filter when we may, refuses
/// otherwise), seizes and interrupts that thread, checks that `pinnedPidfd` still names
/// the process (a reused pid is never touched) and that it runs 64-bit code, and finds
/// a syscall site.
Result<std::unique_ptr<Injection>> beginInjection(pid_t pid, int pinnedPidfd, Clock::time_point deadline,
                                                  StepRecorder* steps);

} // namespace hs::linux_::inject
