// SPDX-License-Identifier: MIT
// One syscall executed by a stopped thread of another process.
#pragma once

#include "ptrace_session.h"
#include "syscall_site.h"

#include <array>
#include <string>
#include <vector>

namespace hs::linux_::inject {

class RemoteCaller {
public:
    RemoteCaller(PtraceSession& session, SyscallSite site, std::vector<std::string>* steps)
        : m_session(session), m_site(site), m_steps(steps)
    {
    }

    /// Runs syscall `nr` with up to six arguments in the target: set RIP to the existing
    /// syscall instruction, orig_rax = -1 (no restart logic for our call), RAX = nr,
    /// single-step, read RAX. Returns the raw result (-errno on failure); an Error only
    /// when the injection itself failed (target died, ptrace refused).
    /// `text` is the call as a person reads it: "pidfd_open(1234, 0)".
    Result<long> call(long nr, const std::array<unsigned long long, 6>& args, const std::string& text);

    [[nodiscard]] PtraceSession& session() { return m_session; }

private:
    PtraceSession& m_session;
    SyscallSite m_site;
    std::vector<std::string>* m_steps;
};

/// True when a raw syscall result is an error (-4095..-1).
inline bool isSyscallError(long result) { return result < 0 && result >= -4095; }
inline int syscallErrno(long result) { return static_cast<int>(-result); }

} // namespace hs::linux_::inject

namespace hs::linux_::inject {

/// A thread of `pid` stopped and ready for injected calls.
struct Injection {
    std::unique_ptr<PtraceSession> session;
    SyscallSite site;
};

/// Checks seccomp (suspends the filter when we may, refuses otherwise), chooses a thread,
/// seizes and interrupts it, checks that `pinnedPidfd` still names that process (a
/// reused pid is never touched) and that it runs 64-bit code, finds a syscall site.
Result<Injection> beginInjection(pid_t pid, int pinnedPidfd, Clock::time_point deadline,
                                 std::vector<std::string>* steps);

} // namespace hs::linux_::inject
