// SPDX-License-Identifier: MIT
#include "remote_syscall.h"

#include "remote_memory.h"
#include "test_hooks.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

using U = unsigned long long;

// An injected call that has a nearly spent budget still gets this long before it counts
// as blocked: a close() or fcntl() on a loaded machine can take a few milliseconds, and
// calling it blocked would abandon its result. Real blocking calls take seconds.
constexpr auto kMinimumCallBudget = std::chrono::milliseconds(250);
// finish() runs its clean-up calls (close, rt_tgsigqueueinfo) within this, even after the
// operation's own deadline has passed.
constexpr auto kCleanupBudget = std::chrono::seconds(1);
// The x86_64 ABI's red zone: the 128 bytes below RSP belong to the interrupted function.
constexpr U kRedZone = 128;

void sleepMs(int ms)
{
    timespec ts{ms / 1000, static_cast<long>(ms % 1000) * 1'000'000L};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

} // namespace

Injection::Injection(std::unique_ptr<PtraceSession> session, SyscallSite site, Clock::time_point deadline,
                     StepRecorder* steps)
    : m_session(std::move(session)), m_site(site), m_deadline(deadline), m_steps(steps)
{
}

Injection::~Injection() { (void)finish(); }

void Injection::disown(long fd) { std::erase(m_owned, fd); }

Result<void> Injection::checkpoint(const std::string& name)
{
    if (!testHooks().throwAfter.empty() && testHooks().throwAfter == name)
        throw std::runtime_error("test: thrown after " + name);
    if (!testHooks().abortAfter.empty() && testHooks().abortAfter == name)
        std::abort();
    if (!testHooks().failAfter.empty() && testHooks().failAfter == name)
        return fail(errnoError("test: injected failure after " + name, EIO, pid()));
    return {};
}

Result<long> Injection::call(long nr, const std::array<unsigned long long, 6>& args, const std::string& name,
                             const std::string& text, DuplicateStep step, long closes)
{
    const pid_t target = pid();
    if (m_session->faulted())
        return fail(errnoError("inject " + text, EIO, target, -1,
                               "an earlier injected call failed; nothing more is injected"));
    const auto t0 = Clock::now();
    user_regs_struct regs = m_session->savedRegs();
    regs.rax = static_cast<U>(nr);
    regs.orig_rax = static_cast<U>(-1LL);
    regs.rdi = args[0];
    regs.rsi = args[1];
    regs.rdx = args[2];
    regs.r10 = args[3];
    regs.r8 = args[4];
    regs.r9 = args[5];
    regs.rip = m_site.address;
    if (auto ok = m_session->setRegs(regs); !ok)
        return fail(ok.error());
    if (testHooks().holdMs > 0 && testHooks().holdBefore == name) {
        const std::string line = "handlescope-test: holding before " + name + "\n";
        (void)!::write(2, line.data(), line.size());
        sleepMs(testHooks().holdMs);
    }
    const auto deadline = std::max(m_deadline, Clock::now() + kMinimumCallBudget);
    auto after = m_session->stepUntil(m_site.address + 2, deadline, name);
    if (!after) {
        if (!after.error().operation.starts_with("inject "))
            after.error().operation = "inject " + text + ": " + after.error().operation;
        if (m_steps)
            m_steps->record(step, target, true, text, "failed: " + after.error().osName, false);
        return fail(after.error());
    }
    const auto result = static_cast<long>(after->rax);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
    std::string shown = std::to_string(result);
    if (isSyscallError(result)) {
        const char* errName = ::strerrorname_np(syscallErrno(result));
        shown = "-1 " + std::string(errName ? errName : "E?");
    }
    ilog(spdlog::level::debug, "[pid {} tid {}] {} = {} ({} us, syscall at {:#x}, {})", target, m_session->tid(), text,
         shown, us, m_site.address, m_site.origin);
    if (m_steps)
        m_steps->record(step, target, true, text, shown, !isSyscallError(result), closes);
    return result;
}

Result<unsigned long long> Injection::scratch(std::size_t size)
{
    if (m_scratchAt != 0 && size <= m_scratchSaved.size())
        return m_scratchAt;
    if (m_scratchAt != 0)
        return fail(errnoError("reserve scratch memory in the target", ENOMEM, pid()));
    // Below the red zone of the stopped thread's stack: memory no code of the target uses
    // while this thread is stopped (its signal handlers cannot run). Its old bytes go back.
    const U at = (m_session->savedRegs().rsp - kRedZone - size) & ~U{15};
    std::vector<unsigned char> saved(size);
    if (auto r = readRemote(pid(), m_session->tid(), at, saved.data(), size); !r)
        return fail(r.error());
    m_scratchAt = at;
    m_scratchSaved = std::move(saved);
    return at;
}

Result<void> Injection::finish()
{
    if (m_finished)
        return {};
    m_finished = true;
    m_deadline = Clock::now() + kCleanupBudget;
    Result<void> out;
    const pid_t target = pid();
    const pid_t tid = m_session->tid();
    for (const long fd : std::vector<long>(m_owned)) {
        auto r = call(SYS_close, {static_cast<U>(fd), 0, 0, 0, 0, 0}, "close", "close(" + std::to_string(fd) + ")");
        if (!r && out)
            out = fail(errnoError("clean up fd " + std::to_string(fd) + " in the target", EIO, target, fd,
                                  "fd " + std::to_string(fd) + " that this operation created is still open in pid "
                                      + std::to_string(target) + ": " + r.error().message()));
    }
    m_owned.clear();
    // Signals that arrived while the thread was ours: queue them again, from the target
    // itself (a process may queue any siginfo to itself), so they are delivered after
    // detach with their original si_code and value. Not SIGTRAP: a pending SIGTRAP would
    // swallow the trap of the step that runs the call; detach() delivers it instead.
    for (int round = 0; round < 4 && !m_session->faulted(); ++round) {
        auto kept = m_session->takeKeptSignals(SIGTRAP);
        if (kept.empty())
            break;
        auto at = scratch(sizeof(siginfo_t));
        for (const auto& k : kept) {
            bool queued = false;
            if (at && writeRemote(target, tid, *at, &k.info, sizeof k.info)) {
                auto r = call(SYS_rt_tgsigqueueinfo, {static_cast<U>(target), static_cast<U>(tid), static_cast<U>(k.sig), *at, 0, 0},
                              "rt_tgsigqueueinfo", "rt_tgsigqueueinfo(" + std::to_string(target) + ", " + std::to_string(tid)
                                  + ", " + std::to_string(k.sig) + ", {si_code " + std::to_string(k.info.si_code) + "})");
                queued = r && !isSyscallError(*r);
            }
            if (!queued)
                (void)::syscall(SYS_tgkill, target, tid, k.sig); // at least the signal, without its siginfo
        }
    }
    if (m_scratchAt != 0) {
        if (auto w = writeRemote(target, tid, m_scratchAt, m_scratchSaved.data(), m_scratchSaved.size()); !w && out)
            out = fail(w.error());
    }
    if (auto d = m_session->detach(); !d && out)
        out = fail(d.error());
    return out;
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
    return ((std::strtoull(caps.c_str(), nullptr, 16) >> kCapSysAdmin) & 1ULL) != 0;
}

// True: the thread has a seccomp filter and we can suspend it. Error: it has one and we
// cannot. A filter belongs to a thread: read the one we will stop, not the process's.
Result<bool> seccompSuspension(pid_t pid, pid_t tid)
{
    const std::string mode = statusField(pid, "Seccomp", tid);
    if (mode.empty() || mode == "0")
        return false;
    const std::string own = statusField(::getpid(), "Seccomp");
    if (haveCapSysAdmin() && (own.empty() || own == "0")) {
        ilog(spdlog::level::info, "pid {} tid {} runs under seccomp (mode {}): suspending it while injecting", pid, tid,
             mode);
        return true;
    }
    return fail(errnoError("inject into a seccomp-confined process", EPERM, pid, -1,
                           "pid " + std::to_string(pid) + " (thread " + std::to_string(tid) + ") runs under seccomp (Seccomp: "
                               + mode + "): an injected syscall could kill it; suspending the filter "
                                        "(PTRACE_O_SUSPEND_SECCOMP) needs CAP_SYS_ADMIN (run as root)"));
}

} // namespace

Result<std::unique_ptr<Injection>> beginInjection(pid_t pid, int pinnedPidfd, Clock::time_point deadline,
                                                  StepRecorder* steps)
{
    auto tid = chooseThread(pid);
    if (!tid)
        return fail(tid.error());
    auto suspend = seccompSuspension(pid, *tid);
    if (!suspend)
        return fail(suspend.error());
    auto session = PtraceSession::attach(pid, *tid, {.deadline = deadline});
    if (!session)
        return fail(session.error());
    if (steps)
        steps->record(DuplicateStep::Attached, pid, false,
                      "ptrace(PTRACE_SEIZE, " + std::to_string(*tid) + "); ptrace(PTRACE_INTERRUPT, "
                          + std::to_string(*tid) + "); waitpid");
    if (!pidfdAlive(pinnedPidfd))
        return fail(errnoError("check the pinned identity", ESRCH, pid, -1,
                               "pid " + std::to_string(pid) + " exited (its number may be reused): nothing was done"));
    if (*suspend) {
        if (auto s = (*session)->suspendSeccomp(); !s)
            return fail(s.error());
        if (steps)
            steps->record(DuplicateStep::Attached, pid, false,
                          "ptrace(PTRACE_SETOPTIONS, " + std::to_string(*tid) + ", PTRACE_O_SUSPEND_SECCOMP)");
    }
    constexpr unsigned long long kUser64Cs = 0x33;
    if ((*session)->savedRegs().cs != kUser64Cs)
        return fail(errnoError("inject into pid " + std::to_string(pid), ENOEXEC, pid, -1,
                               "only 64-bit processes can receive injected calls"));
    Result<SyscallSite> site;
    if (testHooks().badSite)
        site = SyscallSite{0x1000, "test: unmapped"};
    else
        site = findSyscallSite(pid, *tid, (*session)->savedRegs());
    if (!site)
        return fail(site.error());
    if (steps && (*session)->inRseqCriticalSection())
        steps->record(DuplicateStep::Note, pid, false,
                      "the thread stopped inside an rseq critical section: it resumes at its abort handler");
    auto inj = std::make_unique<Injection>(std::move(*session), *site, deadline, steps);
    if (testHooks().block) {
        auto r = inj->call(SYS_pause, {0, 0, 0, 0, 0, 0}, "pause", "pause()");
        if (!r)
            return fail(r.error());
    }
    return inj;
}

} // namespace hs::linux_::inject
