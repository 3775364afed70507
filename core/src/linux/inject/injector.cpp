// SPDX-License-Identifier: MIT
#include "injector.h"

#include "ptrace_session.h"
#include "real_user.h"
#include "test_hooks.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

// How long the tool waits for the injector's report after the session's own deadline.
// The injector stops trying at the deadline; what remains is restoring the target, which
// takes microseconds unless the thread sits in uninterruptible sleep (then the injector
// keeps waiting to restore it, and the tool reports that instead of waiting forever).
constexpr auto kReportGrace = std::chrono::seconds(2);

// --- the report: length-prefixed fields over a pipe --------------------------------------

class Writer {
public:
    void num(std::int64_t v) { m_buf.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(const std::string& s)
    {
        num(static_cast<std::int64_t>(s.size()));
        m_buf += s;
    }
    void strs(const std::vector<std::string>& v)
    {
        num(static_cast<std::int64_t>(v.size()));
        for (const auto& s : v)
            str(s);
    }
    [[nodiscard]] const std::string& bytes() const { return m_buf; }

private:
    std::string m_buf;
};

class Reader {
public:
    explicit Reader(const std::string& buf) : m_buf(buf) {}
    std::int64_t num()
    {
        std::int64_t v = 0;
        if (m_at + sizeof v > m_buf.size()) {
            m_ok = false;
            return 0;
        }
        std::memcpy(&v, m_buf.data() + m_at, sizeof v);
        m_at += sizeof v;
        return v;
    }
    std::string str()
    {
        const auto n = num();
        if (!m_ok || n < 0 || static_cast<std::size_t>(n) > m_buf.size() - m_at) {
            m_ok = false;
            return {};
        }
        std::string s = m_buf.substr(m_at, static_cast<std::size_t>(n));
        m_at += static_cast<std::size_t>(n);
        return s;
    }
    std::vector<std::string> strs()
    {
        std::vector<std::string> v;
        const auto n = num();
        for (std::int64_t i = 0; m_ok && i < n; ++i)
            v.push_back(str());
        return v;
    }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    const std::string& m_buf;
    std::size_t m_at = 0;
    bool m_ok = true;
};

void writeError(Writer& w, const Error& e)
{
    w.str(e.operation);
    w.num(e.pid);
    w.num(e.handle);
    w.num(e.osCode);
    w.str(e.osName);
    w.str(e.osText);
    w.str(e.hint);
}

Error readError(Reader& r)
{
    Error e;
    e.operation = r.str();
    e.pid = r.num();
    e.handle = r.num();
    e.osCode = r.num();
    e.osName = r.str();
    e.osText = r.str();
    e.hint = r.str();
    return e;
}

void writeAll(int fd, const std::string& bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the tool is gone: nobody to tell
        done += static_cast<std::size_t>(n);
    }
}

// --- the child ------------------------------------------------------------------------------

// A crash of the injector itself (a bug, an abort) must not leave a target with our
// registers: restore every stopped thread, then die as the signal asks.
void onFatalSignal(int sig)
{
    emergencyRestoreAll();
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

[[noreturn]] void injectorMain(pid_t parent, int reportFd, const InjectorSession& session)
{
    ::setsid(); // out of the tool's session and process group: their signals do not reach us
    sigset_t all;
    ::sigfillset(&all);
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
        ::sigdelset(&all, sig);
        ::signal(sig, onFatalSignal);
    }
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    std::set_terminate([] {
        emergencyRestoreAll();
        ::_exit(70);
    });
    std::vector<LogLine> logs;
    captureInjectLog(&logs);
    std::vector<std::string> steps;
    std::vector<std::string> warnings;
    Result<InjectorOutcome> out;
    if (::getppid() != parent) {
        out = fail(errnoError("start the injection", ESRCH, -1, -1, "the tool exited first: nothing was done"));
    } else if (auto dropped = dropToRealUser(); !dropped) {
        out = fail(dropped.error());
    } else {
        try {
            out = session(steps, warnings);
        } catch (const std::exception& e) {
            // Every session object restores its target while the exception unwinds.
            out = fail(errnoError(std::string("injection aborted by an exception: ") + e.what(), EIO));
        }
    }
    Writer w;
    w.num(out ? 1 : 0);
    if (out) {
        w.num(out->value);
        w.str(out->method);
    } else {
        writeError(w, out.error());
    }
    w.strs(steps);
    w.strs(warnings);
    w.num(static_cast<std::int64_t>(logs.size()));
    for (const auto& l : logs) {
        w.num(static_cast<std::int64_t>(l.level));
        w.str(l.text);
    }
    writeAll(reportFd, w.bytes());
    ::_exit(0);
}

// --- the tool -------------------------------------------------------------------------------

// Reads until EOF or `until`; false on timeout.
bool readReport(int fd, Clock::time_point until, std::string& into)
{
    char buf[16384];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd p{fd, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 60'000)));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return true;
        into.append(buf, static_cast<std::size_t>(n));
    }
}

} // namespace

HeldSignals::HeldSignals()
{
    sigset_t held;
    ::sigemptyset(&held);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE})
        ::sigaddset(&held, sig);
    ::pthread_sigmask(SIG_BLOCK, &held, &m_old);
}

HeldSignals::~HeldSignals() { ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }

Result<InjectorOutcome> runInInjector(pid_t target, const InjectorSession& session, Clock::time_point deadline,
                                      std::vector<std::string>& steps, std::vector<std::string>& warnings)
{
    (void)testHooks(); // parsed here: the child only reads it
    (void)injectLog();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return fail(errnoError("create the injector's report pipe", errno, target));
    UniqueFd readEnd(fds[0]);
    UniqueFd writeEnd(fds[1]);
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0)
        return fail(errnoError("start the injector process (fork)", errno, target));
    if (child == 0) {
        (void)readEnd.release();
        injectorMain(parent, writeEnd.get(), session);
    }
    writeEnd.reset();
    std::string report;
    if (!readReport(readEnd.get(), deadline + kReportGrace, report)) {
        // Still restoring a target that has not stopped yet (uninterruptible sleep): let it
        // finish on its own, and reap it when it does.
        std::thread([child] { (void)::waitpid(child, nullptr, 0); }).detach();
        return fail(errnoError("wait for the injector process " + std::to_string(child), ETIMEDOUT, target, -1,
                               "pid " + std::to_string(target) + " did not stop in time; the injector (pid "
                                   + std::to_string(child)
                                   + ") keeps waiting in the background to restore it, and exits when it has"));
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    Reader r(report);
    const bool ok = r.num() == 1;
    Result<InjectorOutcome> out;
    if (ok) {
        InjectorOutcome o;
        o.value = static_cast<long>(r.num());
        o.method = r.str();
        out = o;
    } else {
        out = fail(readError(r));
    }
    auto childSteps = r.strs();
    auto childWarnings = r.strs();
    const auto nLogs = r.num();
    for (std::int64_t i = 0; r.ok() && i < nLogs; ++i) {
        const auto level = static_cast<spdlog::level::level_enum>(r.num());
        injectLog()->log(level, "{}", r.str());
    }
    if (!r.ok() || report.empty()) {
        const std::string how = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                                    : "exit status " + std::to_string(WEXITSTATUS(status));
        return fail(errnoError("run the injector process", EIO, target, -1,
                               "it ended without a full report (" + how
                                   + "); it restores any thread it stopped before it goes"));
    }
    steps.insert(steps.end(), childSteps.begin(), childSteps.end());
    warnings.insert(warnings.end(), childWarnings.begin(), childWarnings.end());
    return out;
}

} // namespace hs::linux_::inject
