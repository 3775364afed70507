// SPDX-License-Identifier: MIT
// Shared bits of the injection-safety tests: real child processes (the CLI, echo_target,
// dup_target) started with fork/exec, as root or as nobody, in their own process group
// if asked; the kernel's view of their fds (kcmp) and of their tracer (/proc status).
#pragma once

#include <QTest>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <linux/kcmp.h>
#include <map>
#include <optional>
#include <poll.h>
#include <pthread.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace inject_test {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr uid_t kNobody = 65534;

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

// ---- /proc ----------------------------------------------------------------------------

/// A field of /proc/PID/status (or /proc/PID/task/TID/status), "" if missing.
inline std::string statusField(pid_t pid, const std::string& key, pid_t tid = 0)
{
    std::ifstream in("/proc/" + std::to_string(pid) + (tid > 0 ? "/task/" + std::to_string(tid) : "") + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) {
            auto v = line.substr(key.size() + 1);
            const auto start = v.find_first_not_of(" \t");
            return start == std::string::npos ? std::string() : v.substr(start);
        }
    return {};
}

inline bool hasCap(pid_t pid, const char* set, int bit)
{
    const auto caps = statusField(pid, set);
    return !caps.empty() && ((std::stoull(caps, nullptr, 16) >> bit) & 1ULL) != 0;
}

constexpr int kCapDacReadSearch = 2;
constexpr int kCapSysPtrace = 19;
constexpr int kCapSysAdmin = 21;

/// Open fd numbers of a process (or of one of its threads: /proc/PID/task/TID/fd).
inline std::vector<int> fdNumbers(pid_t pid, pid_t tid = 0)
{
    std::vector<int> fds;
    const std::string dir = "/proc/" + std::to_string(pid) + (tid > 0 ? "/task/" + std::to_string(tid) : "") + "/fd";
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
                fds.push_back(std::atoi(e->d_name));
        ::closedir(d);
    }
    std::sort(fds.begin(), fds.end());
    return fds;
}

inline std::string fdLink(pid_t pid, int fd)
{
    char buf[512];
    const std::string path = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd);
    const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
    return n < 0 ? std::string("?") : std::string(buf, static_cast<std::size_t>(n));
}

/// 0 when fd1 of pid1 and fd2 of pid2 are the same open file description.
inline long kcmpFile(pid_t pid1, int fd1, pid_t pid2, int fd2)
{
    return ::syscall(SYS_kcmp, pid1, pid2, KCMP_FILE, static_cast<unsigned long>(fd1), static_cast<unsigned long>(fd2));
}

inline std::vector<pid_t> threadIds(pid_t pid)
{
    std::vector<pid_t> tids;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
                tids.push_back(static_cast<pid_t>(std::atoi(e->d_name)));
        ::closedir(d);
    }
    return tids;
}

/// The state letter of /proc/PID[/task/TID]/stat ('S', 't' = traced stop, 'Z'), 0 if gone.
inline char procState(pid_t pid, pid_t tid = 0)
{
    std::ifstream in("/proc/" + std::to_string(pid) + (tid > 0 ? "/task/" + std::to_string(tid) : "") + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close == std::string::npos || close + 2 >= text.size() ? '\0' : text[close + 2];
}

/// "" once no thread of `pid` is traced or in a traced stop; else what is still wrong.
inline std::string tracedState(pid_t pid)
{
    for (pid_t tid : threadIds(pid)) {
        const std::string base = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/status";
        std::ifstream in(base);
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("TracerPid:", 0) == 0 && std::atoi(line.c_str() + 10) != 0)
                return "tid " + std::to_string(tid) + " " + line;
        if (procState(pid, tid) == 't')
            return "tid " + std::to_string(tid) + " is in a traced stop ('t')";
    }
    return {};
}

/// Waits until `pid` is no longer traced; "" on success, else the last thing seen.
inline std::string waitUntraced(pid_t pid, std::chrono::milliseconds limit = 5000ms)
{
    const auto until = Clock::now() + limit;
    std::string state;
    for (;;) {
        state = tracedState(pid);
        if (state.empty() || Clock::now() >= until)
            return state;
        std::this_thread::sleep_for(1ms);
    }
}

/// Copies of every fd of a process (pidfd_getfd), to prove later that its fd table is
/// exactly what it was: the same numbers naming the same open files.
class FdSnapshot {
public:
    FdSnapshot() = default;
    FdSnapshot(const FdSnapshot&) = delete;
    FdSnapshot& operator=(const FdSnapshot&) = delete;
    ~FdSnapshot() { clear(); }

    /// "" or why the snapshot could not be taken.
    std::string take(pid_t pid, pid_t tid = 0)
    {
        clear();
        m_pid = pid;
        m_tid = tid > 0 ? tid : pid;
        const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, m_tid, 0U));
        if (pidfd < 0)
            return "pidfd_open(" + std::to_string(m_tid) + "): " + std::strerror(errno);
        for (int fd : fdNumbers(pid, tid)) {
            const int copy = static_cast<int>(::syscall(SYS_pidfd_getfd, pidfd, fd, 0U));
            if (copy < 0) {
                const int err = errno;
                ::close(pidfd);
                return "pidfd_getfd(" + std::to_string(fd) + "): " + std::strerror(err);
            }
            m_copies[fd] = copy;
        }
        ::close(pidfd);
        return {};
    }

    /// "" when the process holds exactly the snapshot's fds, each still the same open
    /// file; fds that are copies of (srcPid, srcFd) are allowed on top when given.
    [[nodiscard]] std::string compare(pid_t srcPid = -1, int srcFd = -1) const
    {
        std::string problems;
        const auto now = fdNumbers(m_pid, m_tid == m_pid ? 0 : m_tid);
        for (const auto& [fd, copy] : m_copies) {
            if (std::find(now.begin(), now.end(), fd) == now.end())
                problems += " fd " + std::to_string(fd) + " is gone;";
            else if (kcmpFile(m_tid, fd, ::getpid(), copy) != 0)
                problems += " fd " + std::to_string(fd) + " now names another file (" + fdLink(m_pid, fd) + ");";
        }
        for (int fd : now) {
            if (m_copies.count(fd) != 0)
                continue;
            if (srcPid > 0 && kcmpFile(m_tid, fd, srcPid, srcFd) == 0)
                continue; // a completed copy
            problems += " new fd " + std::to_string(fd) + " -> " + fdLink(m_pid, fd) + ";";
        }
        return problems;
    }

    /// Fds present now that were not in the snapshot.
    [[nodiscard]] std::vector<int> added() const
    {
        std::vector<int> out;
        for (int fd : fdNumbers(m_pid, m_tid == m_pid ? 0 : m_tid))
            if (m_copies.count(fd) == 0)
                out.push_back(fd);
        return out;
    }

    void clear()
    {
        for (const auto& [fd, copy] : m_copies)
            ::close(copy);
        m_copies.clear();
    }

private:
    pid_t m_pid = -1;
    pid_t m_tid = -1;
    std::map<int, int> m_copies;
};

// ---- child processes ------------------------------------------------------------------

struct Spawn {
    std::vector<std::string> argv;
    std::vector<std::string> env; ///< "K=V" added to (or replacing in) our environment
    bool asNobody = false; ///< setgroups({}), setresgid/setresuid(65534) before exec
    bool ownGroup = false; ///< setpgid(0, 0): its own process group
    bool pipeStdio = false; ///< stdin/stdout are pipes to us (line protocol)
    bool captureOutput = false; ///< stdout/stderr go to memfds we can read at any time
    std::vector<std::pair<int, int>> passFds; ///< {our fd, its fd number} (dup2 in the child)
};

/// A started child. Its stdout/stderr are readable while it runs (memfds), so a test can
/// wait for one line on stderr and then act. Killed (SIGKILL) and reaped on destruction.
class Child {
public:
    Child() = default;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child()
    {
        kill();
        for (int fd : { m_to, m_from, m_out, m_err })
            if (fd >= 0)
                ::close(fd);
    }

    /// "" or why it could not be started.
    std::string start(const Spawn& spec)
    {
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
        std::vector<char*> argv;
        std::vector<char*> envp;
        std::vector<std::string> args = spec.argv;
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
        // Signals stay blocked until the child has reset QTest's handlers: a SIGTERM sent
        // to it before the exec must kill it, not run the test's crash handler in a copy.
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
            ::execve(argv[0], argv.data(), envp.data());
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
        return *m_status;
    }

    /// SIGKILL and reap (its output stays readable).
    void kill()
    {
        if (m_pid > 0 && !poll()) {
            ::kill(m_pid, SIGKILL);
            waitBlocking();
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

    // Line protocol over stdin/stdout (pipeStdio).
    void send(const std::string& line)
    {
        const std::string l = line + "\n";
        (void)!::write(m_to, l.data(), l.size());
    }
    /// One answer line, or "" after `limit`.
    std::string readLine(std::chrono::milliseconds limit = 5000ms)
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
    std::string ask(const std::string& line, std::chrono::milliseconds limit = 5000ms)
    {
        send(line);
        return readLine(limit);
    }

private:
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
};

/// A finished CLI run.
struct Run {
    std::optional<int> status; ///< nullopt: still running after the limit (then killed)
    std::string out;
    std::string err;
    long ms = 0;

    [[nodiscard]] int exitCode() const { return status && WIFEXITED(*status) ? WEXITSTATUS(*status) : -1; }
    [[nodiscard]] QByteArray explain() const
    {
        return QByteArray::fromStdString((status ? describeStatus(*status) : std::string("still running (killed)"))
            + " after " + std::to_string(ms) + " ms; stdout: " + out + "; stderr: " + err);
    }
};

/// Runs a program to its end (killed after `limit`), output captured.
inline Run runToEnd(Spawn spec, std::chrono::milliseconds limit = 15000ms)
{
    spec.captureOutput = true;
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

/// A helper speaking the line protocol (echo_target, dup_target), its "hello" read.
class LineHelper {
public:
    /// "" or why it did not start.
    std::string start(std::vector<std::string> argv, bool asNobody = false)
    {
        Spawn s;
        s.argv = std::move(argv);
        s.asNobody = asNobody;
        s.pipeStdio = true;
        if (auto e = m_child.start(s); !e.empty())
            return e;
        m_hello = m_child.readLine(10s);
        if (m_hello.rfind("hello ", 0) != 0)
            return "no hello line (got '" + m_hello + "', "
                + (m_child.poll() ? describeStatus(*m_child.poll()) : "running") + ")";
        return {};
    }
    [[nodiscard]] pid_t pid() const { return m_child.pid(); }
    Child& child() { return m_child; }
    std::string ask(const std::string& line, std::chrono::milliseconds limit = 5000ms)
    {
        return m_child.ask(line, limit);
    }
    /// "" while it runs, else how it ended.
    std::string ended()
    {
        const auto s = m_child.poll();
        return s ? describeStatus(*s) : std::string();
    }
    /// "" when it answers an echo with the right text, else what happened.
    std::string echoCheck(const std::string& text)
    {
        if (const auto e = ended(); !e.empty())
            return "the target has ended: " + e;
        const auto got = ask("echo " + text);
        if (got == text)
            return {};
        (void)m_child.wait(500ms); // a wrong answer is often followed by a crash: report it
        const auto e = ended();
        return "echo '" + text + "' answered '" + got + "'" + (e.empty() ? "" : " (the target " + e + ")");
    }

private:
    Child m_child;
    std::string m_hello;
};

inline std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

inline std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

inline bool contains(const std::string& haystack, const std::string& needle)
{
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

/// The CLI's "dup" argument list.
inline std::vector<std::string> dupArgs(
    pid_t from, int fd, pid_t to, const std::string& method = "auto", std::vector<std::string> extra = {})
{
    std::vector<std::string> a { HS_CLI_PATH, "dup", "--from", std::to_string(from), "--handle", std::to_string(fd),
        "--to", std::to_string(to), "--method", method };
    a.insert(a.end(), extra.begin(), extra.end());
    a.push_back("--yes");
    return a;
}

/// A file with known text, `mode`, owned by uid/gid; "" or the error.
inline std::string writeFile(const std::string& path, const std::string& text, mode_t mode, uid_t owner = 0)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return path + ": " + std::strerror(errno);
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())
        && ::fchmod(fd, mode) == 0 && ::fchown(fd, owner, owner) == 0;
    ::close(fd);
    return ok ? std::string() : path + ": " + std::strerror(errno);
}

/// A temporary directory (mkdtemp), removed with its files on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& parent = "/tmp")
    {
        std::string tmpl = parent + "/hs-inject-XXXXXX";
        if (::mkdtemp(tmpl.data()))
            m_path = tmpl;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ec;
        if (!m_path.empty())
            std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] bool valid() const { return !m_path.empty(); }

private:
    std::string m_path;
};

/// A source process holding a known file, and an echo target, both echo_target.
struct SourceAndTarget {
    TempDir dir;
    LineHelper source;
    LineHelper target;
    int sourceFd = -1;
    FdSnapshot before;

    /// "" or why the pair could not be set up.
    std::string setUp()
    {
        if (!dir.valid())
            return "mkdtemp failed";
        const std::string path = dir.path() + "/source.txt";
        if (auto e = writeFile(path, "handlescope kill-test source\n", 0644); !e.empty())
            return e;
        if (auto e = source.start({ ECHO_TARGET_PATH }); !e.empty())
            return "source: " + e;
        if (auto e = target.start({ ECHO_TARGET_PATH }); !e.empty())
            return "target: " + e;
        const std::string fd = source.ask("open " + path);
        sourceFd = std::atoi(fd.c_str());
        if (sourceFd <= 2)
            return "the source could not open its file: " + fd;
        return before.take(target.pid());
    }

    /// "" when the target is untraced, alive, echoes `word` and holds only its old fds
    /// plus copies of the source fd; `context` names the run in the message.
    std::string check(const std::string& context, const std::string& word)
    {
        if (const auto traced = waitUntraced(target.pid()); !traced.empty())
            return context + ": 5 s later the target is still traced: " + traced;
        if (const auto echo = target.echoCheck(word); !echo.empty())
            return context + ": " + echo;
        if (const auto fds = before.compare(source.pid(), sourceFd); !fds.empty())
            return context + ": the target's fds are not its old ones plus completed copies:" + fds;
        return {};
    }

    /// Closes the completed copies in the target (so its fd table never fills up).
    std::string dropCopies()
    {
        const auto added = before.added();
        if (added.empty())
            return {};
        std::string cmd = "close";
        for (int fd : added)
            cmd += " " + std::to_string(fd);
        const auto got = target.ask(cmd);
        return got == std::to_string(added.size()) ? std::string() : "closing the copies answered '" + got + "'";
    }
};

} // namespace inject_test

#define INJECT_REQUIRE_ROOT()                                                                                          \
    do {                                                                                                               \
        if (!inject_test::hasCap(::getpid(), "CapEff", inject_test::kCapSysPtrace)                                     \
            || !inject_test::hasCap(::getpid(), "CapEff", inject_test::kCapSysAdmin))                                  \
            QSKIP("needs root (CAP_SYS_PTRACE and CAP_SYS_ADMIN): the tests trace, pin and compare the fds of "        \
                  "their helper processes");                                                                           \
    } while (false)

#define INJECT_VERIFY_EMPTY(text)                                                                                      \
    do {                                                                                                               \
        const std::string inject_text_ = (text);                                                                       \
        QVERIFY2(inject_text_.empty(), inject_text_.c_str());                                                          \
    } while (false)
