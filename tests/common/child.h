// SPDX-License-Identifier: MIT
// hstest::Child: the one way the tests (and handlescope-dup-timing) start a child process.
// hs_fd_helper with its ready line parsed (startHelper), or any program (start): as root
// or as nobody, in its own process group, with fds passed at given numbers, stdio piped
// for a line protocol or stdout/stderr captured. Ended and reaped on destruction. Plain C++
// (no Qt): errors are strings, "" meaning success.
//
//   hstest::Child helper;
//   const std::string e = helper.startHelper();          // hs_fd_helper, fds of fd_layout.h
//   helper.helper().dir; helper.helper().tcpPort; helper.ask("pipe");
//   hstest::Run r = hstest::runToEnd({.argv = {HS_CLI_PATH, "ps"}, .asNobody = true});
#pragma once

#include "procfs.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace hstest {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr uid_t kNobody = 65534;

/// hs_fd_helper: $HS_FD_HELPER when set (a copy another user can reach), else the one
/// built with the tests (HS_FD_HELPER_PATH, set by the hs_test_common CMake target).
inline std::string fdHelperPath()
{
    if (const char* env = std::getenv("HS_FD_HELPER"); env && *env)
        return env;
#ifdef HS_FD_HELPER_PATH
    return HS_FD_HELPER_PATH;
#else
    return {};
#endif
}

inline long msSince(Clock::time_point t0)
{
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count());
}

inline std::string signalName(int sig)
{
    const char* abbrev = ::sigabbrev_np(sig);
    return abbrev ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

/// "exit 1" / "killed by SIGTRAP" for a waitpid status.
inline std::string describeStatus(int status)
{
    if (WIFEXITED(status))
        return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "killed by " + signalName(WTERMSIG(status));
    return "status " + std::to_string(status);
}

/// How to start a child.
struct Spawn {
    std::vector<std::string> argv; ///< argv[0] is looked up in PATH when it has no '/'
    std::vector<std::string> env; ///< "K=V" added to (or replacing in) our environment
    bool asNobody = false; ///< setgroups({}), setresgid/setresuid(65534) before exec
    bool ownGroup = false; ///< setpgid(0, 0): its own process group
    bool pipeStdio = false; ///< stdin/stdout are pipes to us (line protocol)
    bool captureOutput = false; ///< stdout/stderr go to memfds we can read at any time
    std::vector<std::pair<int, int>> passFds; ///< {our fd, its fd number} (dup2 in the child)
};

/// What hs_fd_helper's ready line said ("ready pid=PID tcp=PORT udp=PORT dir=DIR").
struct HelperReady {
    pid_t pid = -1; ///< in the helper's own pid namespace
    int tcpPort = 0; ///< 0 with --bare
    int udpPort = 0;
    std::string dir; ///< its temporary directory; "" with --bare
};

class Child {
public:
    Child() = default;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child()
    {
        stop();
        for (int fd : { m_out, m_err })
            if (fd >= 0)
                ::close(fd);
    }

    /// Starts any program. "" or why it could not be started.
    std::string start(const Spawn& spec)
    {
        if (m_pid > 0)
            return "this Child has been started already";
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) {
            const std::string kv = *e;
            const auto key = kv.substr(0, kv.find('=') + 1);
            const bool replaced = std::any_of(
                spec.env.begin(), spec.env.end(), [&](const std::string& s) { return s.rfind(key, 0) == 0; });
            if (!replaced)
                env.push_back(kv);
        }
        env.insert(env.end(), spec.env.begin(), spec.env.end());
        std::vector<std::string> args = spec.argv;
        if (args.empty())
            return "no program to start";
        std::vector<char*> argv;
        std::vector<char*> envp;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        int in[2] = { -1, -1 };
        int out[2] = { -1, -1 };
        if (spec.pipeStdio && (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0))
            return std::string("pipe: ") + std::strerror(errno);
        if (spec.captureOutput) {
            m_out = ::memfd_create("child-stdout", MFD_CLOEXEC);
            m_err = ::memfd_create("child-stderr", MFD_CLOEXEC);
            if (m_out < 0 || m_err < 0)
                return std::string("memfd_create: ") + std::strerror(errno);
        }
        const int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        // Signals stay blocked until the child has reset the test's handlers: a SIGTERM sent
        // to it before the exec must kill it, not run QTest's crash handler in a copy.
        sigset_t all;
        sigset_t old;
        ::sigfillset(&all);
        ::pthread_sigmask(SIG_SETMASK, &all, &old);
        m_pid = ::fork();
        if (m_pid != 0)
            ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
        if (m_pid < 0)
            return std::string("fork: ") + std::strerror(errno);
        if (m_pid == 0) {
            for (int sig = 1; sig < NSIG; ++sig)
                ::signal(sig, SIG_DFL); // fails harmlessly for SIGKILL, SIGSTOP, 32, 33
            ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
            if (spec.ownGroup)
                ::setpgid(0, 0);
            if (spec.pipeStdio) {
                ::dup2(in[0], 0);
                ::dup2(out[1], 1);
            } else {
                ::dup2(devnull, 0);
                ::dup2(spec.captureOutput ? m_out : devnull, 1);
                if (spec.captureOutput)
                    ::dup2(m_err, 2);
            }
            for (const auto& [ours, theirs] : spec.passFds)
                ::dup2(ours, theirs); // dup2 clears FD_CLOEXEC on the new number
            if (spec.asNobody) {
                if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0
                    || ::setresuid(kNobody, kNobody, kNobody) != 0)
                    ::_exit(126);
            } else {
                ::prctl(PR_SET_PDEATHSIG, SIGKILL); // a crashed test leaves no helper behind
            }
            ::execvpe(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        if (spec.ownGroup)
            ::setpgid(m_pid, m_pid); // also here: no race with a kill of the group
        ::close(devnull);
        if (spec.pipeStdio) {
            ::close(in[0]);
            ::close(out[1]);
            m_to = in[1];
            m_from = out[0];
        }
        return {};
    }

    /// Starts hs_fd_helper with `args` ("--bare", "--name", NAME...) and waits for its
    /// ready line. "" or why it did not start.
    std::string startHelper(const std::vector<std::string>& args = {}, bool asNobody = false)
    {
        const std::string path = fdHelperPath();
        if (path.empty())
            return "no hs_fd_helper: neither HS_FD_HELPER nor HS_FD_HELPER_PATH is set";
        Spawn spec;
        spec.argv = { path };
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        spec.asNobody = asNobody;
        if (auto e = startHelper(spec); !e.empty())
            return e;
        if (m_ready.pid != m_pid)
            return "the ready line names pid " + std::to_string(m_ready.pid) + ", not " + std::to_string(m_pid);
        return {};
    }

    /// Starts `spec`, whose program is hs_fd_helper or runs it (a copy of it, unshare ...
    /// hs_fd_helper), stdio piped, and waits for the ready line.
    std::string startHelper(Spawn spec)
    {
        spec.pipeStdio = true;
        if (auto e = start(spec); !e.empty())
            return e;
        const std::string line = readLine(10s);
        const std::string why = parseReady(line);
        if (!why.empty())
            return why + " (got '" + line + "', " + (poll() ? describeStatus(*poll()) : std::string("running")) + ")";
        return {};
    }

    /// The helper's ready line (startHelper).
    [[nodiscard]] const HelperReady& helper() const { return m_ready; }
    [[nodiscard]] pid_t pid() const { return m_pid; }

    /// The exit status once it has ended (reaped here), nullopt while it runs.
    std::optional<int> poll()
    {
        if (m_status)
            return m_status;
        if (m_pid <= 0)
            return std::nullopt;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid)
            m_status = status;
        return m_status;
    }

    /// Waits up to `limit` for it to end; its status or nullopt.
    std::optional<int> wait(std::chrono::milliseconds limit)
    {
        const auto until = Clock::now() + limit;
        while (!poll() && Clock::now() < until)
            std::this_thread::sleep_for(1ms);
        return m_status;
    }

    /// Blocking wait (for a child that was just killed).
    int waitBlocking()
    {
        if (!m_status && m_pid > 0) {
            int status = 0;
            while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) { }
            m_status = status;
        }
        return m_status.value_or(0);
    }

    /// SIGKILL and reap (its captured output stays readable).
    void kill()
    {
        if (m_pid > 0 && !poll()) {
            ::kill(m_pid, SIGCONT);
            ::kill(m_pid, SIGKILL);
            waitBlocking();
        }
    }

    /// Ends it: with its stdin piped to us, closes that (hs_fd_helper then removes its
    /// directory and exits) and gives it `grace`, continuing it first in case the test
    /// stopped it; then SIGKILL. Reaped.
    void stop(std::chrono::milliseconds grace = 2s)
    {
        if (m_to >= 0) {
            if (m_pid > 0 && !poll())
                ::kill(m_pid, SIGCONT);
            ::close(m_to);
            m_to = -1;
            (void)wait(grace);
        }
        kill();
        if (m_from >= 0) {
            ::close(m_from);
            m_from = -1;
        }
    }

    [[nodiscard]] std::string out() const { return readAll(m_out); }
    [[nodiscard]] std::string err() const { return readAll(m_err); }

    /// Waits until stderr contains `text` or the child ended or `limit` passed.
    bool waitForStderr(const std::string& text, std::chrono::milliseconds limit)
    {
        const auto until = Clock::now() + limit;
        for (;;) {
            if (err().find(text) != std::string::npos)
                return true;
            if (poll() || Clock::now() >= until)
                return err().find(text) != std::string::npos;
            std::this_thread::sleep_for(1ms);
        }
    }

    /// Waits until the file name of /proc/PID/exe contains `exeName` (the exec has
    /// happened: "dash" for /bin/sh) and the process sleeps, twice 50 ms apart (blocked on
    /// its stdin, so its fds are in place and stay put). "" or why not.
    std::string waitForExec(const std::string& exeName, std::chrono::milliseconds limit = 10s)
    {
        const std::string exe = "/proc/" + std::to_string(m_pid) + "/exe";
        const auto exeFile = [&] {
            std::error_code ec;
            return std::filesystem::read_symlink(exe, ec).filename().string();
        };
        const auto until = Clock::now() + limit;
        while (Clock::now() < until) {
            const std::string target = exeFile();
            if (target.find(exeName) != std::string::npos && procState(m_pid) == 'S') {
                std::this_thread::sleep_for(50ms);
                if (procState(m_pid) == 'S' && exeFile() == target)
                    return {};
            }
            std::this_thread::sleep_for(20ms);
        }
        return "pid " + std::to_string(m_pid) + " did not exec " + exeName + " and block in time";
    }

    /// Closes its stdin (pipeStdio): a program that watches its input sees it end.
    void closeInput()
    {
        if (m_to >= 0)
            ::close(m_to);
        m_to = -1;
    }

    // Line protocol over stdin/stdout (pipeStdio).
    void send(const std::string& line)
    {
        const std::string l = line + "\n";
        (void)!::write(m_to, l.data(), l.size());
    }
    /// One answer line, or "" after `limit`.
    std::string readLine(std::chrono::milliseconds limit = 5s)
    {
        const auto until = Clock::now() + limit;
        for (;;) {
            if (auto nl = m_buffer.find('\n'); nl != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left <= 0)
                return {};
            pollfd p { m_from, POLLIN, 0 };
            if (::poll(&p, 1, static_cast<int>(left)) <= 0)
                continue;
            char buf[4096];
            const ssize_t n = ::read(m_from, buf, sizeof buf);
            if (n <= 0)
                return {};
            m_buffer.append(buf, static_cast<std::size_t>(n));
        }
    }
    std::string ask(const std::string& line, std::chrono::milliseconds limit = 10s)
    {
        send(line);
        return readLine(limit);
    }
    /// The answer as a number (0 if it is none).
    int askInt(const std::string& line) { return std::atoi(ask(line).c_str()); }
    /// The answer's leading numbers: "3 4" -> {3, 4}.
    std::vector<int> askInts(const std::string& line)
    {
        std::vector<int> out;
        const std::string text = ask(line);
        const char* p = text.c_str();
        for (;;) {
            char* end = nullptr;
            const long v = std::strtol(p, &end, 10);
            if (end == p)
                return out;
            out.push_back(static_cast<int>(v));
            p = end;
        }
    }
    /// hs_fd_helper answers a ping with its pid.
    bool alive() { return ask("ping", 5s) == "pong " + std::to_string(m_ready.pid); }

private:
    std::string parseReady(const std::string& line)
    {
        if (line.rfind("ready ", 0) != 0)
            return "no ready line";
        m_ready = {};
        std::size_t at = 6;
        while (at < line.size()) {
            const auto space = std::min(line.find(' ', at), line.size());
            const std::string word = line.substr(at, space - at);
            at = space + 1;
            const auto eq = word.find('=');
            const std::string key = word.substr(0, eq);
            const std::string value = eq == std::string::npos ? std::string() : word.substr(eq + 1);
            if (key == "pid")
                m_ready.pid = static_cast<pid_t>(std::atol(value.c_str()));
            else if (key == "tcp")
                m_ready.tcpPort = std::atoi(value.c_str());
            else if (key == "udp")
                m_ready.udpPort = std::atoi(value.c_str());
            else if (key == "dir")
                m_ready.dir = value;
        }
        return m_ready.pid > 0 ? std::string() : "no pid in the ready line";
    }

    static std::string readAll(int fd)
    {
        std::string text;
        if (fd < 0)
            return text;
        char buf[4096];
        off_t at = 0;
        for (;;) {
            const ssize_t n = ::pread(fd, buf, sizeof buf, at);
            if (n <= 0)
                return text;
            text.append(buf, static_cast<std::size_t>(n));
            at += n;
        }
    }

    pid_t m_pid = -1;
    std::optional<int> m_status;
    int m_to = -1;
    int m_from = -1;
    int m_out = -1;
    int m_err = -1;
    std::string m_buffer;
    HelperReady m_ready;
};

/// A finished run of a program.
struct Run {
    std::optional<int> status; ///< nullopt: still running after the limit (then killed)
    std::string out;
    std::string err;
    long ms = 0;

    /// The exit code, -1 if it did not exit normally.
    [[nodiscard]] int exitCode() const { return status && WIFEXITED(*status) ? WEXITSTATUS(*status) : -1; }
    [[nodiscard]] std::string explain() const
    {
        return (status ? describeStatus(*status) : std::string("still running (killed)")) + " after "
            + std::to_string(ms) + " ms; stdout: " + out + "; stderr: " + err;
    }
};

/// Runs a program to its end (killed after `limit`), output captured.
inline Run runToEnd(Spawn spec, std::chrono::milliseconds limit = 15s)
{
    spec.captureOutput = true;
    spec.pipeStdio = false;
    Child c;
    Run r;
    const auto t0 = Clock::now();
    if (const auto e = c.start(spec); !e.empty()) {
        r.err = "cannot start: " + e;
        return r;
    }
    r.status = c.wait(limit);
    r.ms = msSince(t0);
    c.kill();
    r.out = c.out();
    r.err = c.err();
    return r;
}

} // namespace hstest
