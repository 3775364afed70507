// SPDX-License-Identifier: MIT
#include "remote_syscall.h"

#include <cstring>
#include <unistd.h>

namespace hs::linux_::inject {

Result<long> RemoteCaller::call(long nr, const std::array<unsigned long long, 6>& args, const std::string& text)
{
    const auto t0 = Clock::now();
    user_regs_struct regs = m_session.savedRegs();
    regs.rax = static_cast<unsigned long long>(nr);
    regs.orig_rax = static_cast<unsigned long long>(-1LL);
    regs.rdi = args[0];
    regs.rsi = args[1];
    regs.rdx = args[2];
    regs.r10 = args[3];
    regs.r8 = args[4];
    regs.r9 = args[5];
    regs.rip = m_site.address;
    if (auto ok = m_session.setRegs(regs); !ok)
        return fail(ok.error());
    auto after = m_session.stepUntil(m_site.address + 2);
    if (!after) {
        after.error().operation = "inject " + text + ": " + after.error().operation;
        if (m_steps)
            m_steps->push_back("[pid " + std::to_string(m_session.pid()) + "] " + text + " = failed: "
                               + after.error().osName);
        return fail(after.error());
    }
    const auto result = static_cast<long>(after->rax);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
    std::string shown = std::to_string(result);
    if (isSyscallError(result)) {
        const char* name = ::strerrorname_np(syscallErrno(result));
        shown = "-1 " + std::string(name ? name : "E?");
    }
    injectLog()->debug("[pid {} tid {}] {} = {} ({} us, syscall at {:#x}, {})", m_session.pid(), m_session.tid(),
                       text, shown, us, m_site.address, m_site.origin);
    if (m_steps)
        m_steps->push_back("[pid " + std::to_string(m_session.pid()) + "] " + text + " = " + shown);
    return result;
}

} // namespace hs::linux_::inject

namespace hs::linux_::inject {

namespace {

bool haveCapSysAdmin()
{
    const std::string caps = statusField(::getpid(), "CapEff");
    if (caps.empty())
        return false;
    constexpr unsigned long long kCapSysAdmin = 21;
    return ((std::stoull(caps, nullptr, 16) >> kCapSysAdmin) & 1ULL) != 0;
}

// True: the target has a seccomp filter and we can suspend it. Error: it has one and we cannot.
Result<bool> seccompSuspension(pid_t pid)
{
    const std::string mode = statusField(pid, "Seccomp");
    if (mode.empty() || mode == "0")
        return false;
    const std::string own = statusField(::getpid(), "Seccomp");
    if (haveCapSysAdmin() && (own.empty() || own == "0")) {
        injectLog()->info("pid {} runs under seccomp (mode {}): suspending it while injecting", pid, mode);
        return true;
    }
    return fail(errnoError("inject into a seccomp-confined process", EPERM, pid, -1,
                           "pid " + std::to_string(pid) + " runs under seccomp (Seccomp: " + mode
                               + "): an injected syscall could kill it; suspending the filter "
                                 "(PTRACE_O_SUSPEND_SECCOMP) needs CAP_SYS_ADMIN (run as root)"));
}

} // namespace

Result<Injection> beginInjection(pid_t pid, int pinnedPidfd, Clock::time_point deadline,
                                 std::vector<std::string>* steps)
{
    auto suspend = seccompSuspension(pid);
    if (!suspend)
        return fail(suspend.error());
    auto tid = chooseThread(pid);
    if (!tid)
        return fail(tid.error());
    auto session = PtraceSession::attach(pid, *tid, {.suspendSeccomp = *suspend, .deadline = deadline});
    if (!session)
        return fail(session.error());
    if (steps)
        steps->push_back("[tool] ptrace(PTRACE_SEIZE, " + std::to_string(*tid) + std::string(*suspend ? ", PTRACE_O_SUSPEND_SECCOMP" : "")
                         + "); ptrace(PTRACE_INTERRUPT, " + std::to_string(*tid) + "); waitpid");
    if (!pidfdAlive(pinnedPidfd))
        return fail(errnoError("check the pinned identity", ESRCH, pid, -1,
                               "pid " + std::to_string(pid) + " exited (its number may be reused): nothing was done"));
    constexpr unsigned long long kUser64Cs = 0x33;
    if ((*session)->savedRegs().cs != kUser64Cs)
        return fail(errnoError("inject into pid " + std::to_string(pid), ENOEXEC, pid, -1,
                               "only 64-bit processes can receive injected calls"));
    auto site = findSyscallSite(pid, *tid, (*session)->savedRegs());
    if (!site)
        return fail(site.error());
    return Injection{std::move(*session), *site};
}

} // namespace hs::linux_::inject
