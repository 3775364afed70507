// SPDX-License-Identifier: MIT
// Shared bits of the injection-safety tests: the CLI and hs_fd_helper started through
// hstest::Child (tests/common), as root or as nobody; the kernel's view of their fds
// (kcmp, tests/common/procfs.h) and of their tracer (/proc status).
#pragma once

#include "child.h"
#include "procfs.h"

#include <QTest>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace inject_test {

using namespace hstest;

// ---- /proc ----------------------------------------------------------------------------

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

/// Waits for the injector processes that were reparented to us (a test that makes itself a
/// child subreaper: PR_SET_CHILD_SUBREAPER) to exit: a CLI killed with its process group
/// leaves its injector running (it has a session of its own), and the injector finishes the
/// session it is in, which may attach to the target more than once, before it exits. Only
/// then is the target in its final state. "" or which ones are still there.
inline std::string waitOrphanedInjectors(std::chrono::milliseconds limit = 10000ms)
{
    const auto until = Clock::now() + limit;
    const pid_t self = ::getpid();
    for (;;) {
        std::string left;
        for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
            const std::string name = entry.path().filename();
            if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
                continue;
            std::ifstream stat(entry.path() / "stat");
            std::string line;
            std::getline(stat, line);
            const auto open = line.find('(');
            const auto close = line.rfind(')');
            if (open == std::string::npos || close == std::string::npos || line.substr(open + 1, close - open - 1) != "hs-injector")
                continue;
            char state = 0;
            int ppid = 0;
            if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) != 2 || ppid != self)
                continue;
            const pid_t pid = std::stoi(name);
            if (state == 'Z') {
                ::waitpid(pid, nullptr, 0); // exited: reap it
                continue;
            }
            left += " " + name;
        }
        if (left.empty() || Clock::now() >= until)
            return left.empty() ? std::string() : "injectors still running:" + left;
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

// ---- hs_fd_helper targets ------------------------------------------------------------

/// "" while it runs, else how it ended.
inline std::string ended(Child& child)
{
    const auto s = child.poll();
    return s ? describeStatus(*s) : std::string();
}

/// "" when the helper answers an echo with the right text, else what happened.
inline std::string echoCheck(Child& child, const std::string& text)
{
    if (const auto e = ended(child); !e.empty())
        return "the target has ended: " + e;
    const auto got = child.ask("echo " + text, 5s);
    if (got == text)
        return {};
    (void)child.wait(500ms); // a wrong answer is often followed by a crash: report it
    const auto e = ended(child);
    return "echo '" + text + "' answered '" + got + "'" + (e.empty() ? "" : " (the target " + e + ")");
}

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

/// A source process holding a known file, and a target, both hs_fd_helper.
struct SourceAndTarget {
    TempDir dir;
    Child source; ///< hs_fd_helper
    Child target; ///< hs_fd_helper
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
        if (auto e = source.startHelper(); !e.empty())
            return "source: " + e;
        if (auto e = target.startHelper(); !e.empty())
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
        if (const auto left = waitOrphanedInjectors(); !left.empty())
            return context + ": 10 s later " + left;
        if (const auto traced = waitUntraced(target.pid()); !traced.empty())
            return context + ": 5 s later the target is still traced: " + traced;
        if (const auto echo = echoCheck(target, word); !echo.empty())
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
        if (!hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysPtrace)                                     \
            || !hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysAdmin))                                  \
            QSKIP("needs root (CAP_SYS_PTRACE and CAP_SYS_ADMIN): the tests trace, pin and compare the fds of "        \
                  "their helper processes");                                                                           \
    } while (false)

#define INJECT_VERIFY_EMPTY(text)                                                                                      \
    do {                                                                                                               \
        const std::string inject_text_ = (text);                                                                       \
        QVERIFY2(inject_text_.empty(), inject_text_.c_str());                                                          \
    } while (false)
