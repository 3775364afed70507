// SPDX-License-Identifier: MIT
// Small pieces the soak benchmarks share: starting handlescope-soak-target with pipes on
// its stdin and stdout, reading its lines, counting a process's fds, percentiles.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace soak {

/// A child with its stdin and stdout on pipes of ours (stderr is shared).
struct Child {
    pid_t pid = -1;
    int toChild = -1;   ///< its stdin, -1 when not piped
    int fromChild = -1; ///< its stdout, -1 when not piped
    std::string pending; ///< bytes read past the last line
};

/// posix_spawn (safe from a multi-threaded process) of `argv`; stdin/stdout piped when asked.
inline std::optional<Child> spawn(const std::vector<std::string>& args, bool pipeStdin, bool pipeStdout)
{
    int in[2] = {-1, -1};
    int out[2] = {-1, -1};
    if ((pipeStdin && ::pipe2(in, O_CLOEXEC) != 0) || (pipeStdout && ::pipe2(out, O_CLOEXEC) != 0))
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (pipeStdin)
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    else
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (pipeStdout)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Child child;
    const int rc = ::posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    for (int fd : {in[0], out[1]})
        if (fd >= 0)
            ::close(fd);
    child.toChild = in[1];
    child.fromChild = out[0];
    if (rc != 0) {
        for (int fd : {in[1], out[0]})
            if (fd >= 0)
                ::close(fd);
        errno = rc;
        return std::nullopt;
    }
    return child;
}

/// The next line of the child's stdout, without the newline; nullopt on EOF or timeout.
inline std::optional<std::string> readLine(Child& child, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (const auto nl = child.pending.find('\n'); nl != std::string::npos) {
            std::string line = child.pending.substr(0, nl);
            child.pending.erase(0, nl + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline
                                                                                 - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return std::nullopt;
        pollfd p{child.fromChild, POLLIN, 0};
        const int n = ::poll(&p, 1, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return std::nullopt;
        char buf[4096];
        const ssize_t got = ::read(child.fromChild, buf, sizeof buf);
        if (got <= 0)
            return std::nullopt;
        child.pending.append(buf, static_cast<std::size_t>(got));
    }
}

inline bool send(const Child& child, std::string_view line)
{
    const std::string text = std::string(line) + "\n";
    return ::write(child.toChild, text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

/// The value of `key=` in a line of space-separated key=value words ("" if missing). The
/// last key may hold spaces: `first_error=` takes the rest of the line.
inline std::string field(const std::string& line, const std::string& key)
{
    const std::string k = " " + key + "=";
    const std::string padded = " " + line;
    const auto at = padded.find(k);
    if (at == std::string::npos)
        return {};
    const auto start = at + k.size();
    if (key == "first_error")
        return padded.substr(start);
    return padded.substr(start, padded.find(' ', start) - start);
}

inline long long number(const std::string& text, long long fallback = -1)
{
    try {
        return text.empty() ? fallback : std::stoll(text);
    } catch (...) {
        return fallback;
    }
}

/// Entries of /proc/PID/fd (this process's own directory fd not counted); -1 if unreadable.
inline int countFds(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/fd";
    DIR* d = ::opendir(path.c_str());
    if (!d)
        return -1;
    const int own = pid == ::getpid() ? ::dirfd(d) : -1;
    int n = 0;
    while (const dirent* e = ::readdir(d))
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && std::atoi(e->d_name) != own)
            ++n;
    ::closedir(d);
    return n;
}

struct Percentiles {
    std::size_t n = 0;
    double median = 0;
    double p99 = 0;
    double max = 0;
};

inline Percentiles percentiles(std::vector<double> v)
{
    Percentiles p;
    if (v.empty())
        return p;
    std::sort(v.begin(), v.end());
    p.n = v.size();
    p.median = v[v.size() / 2];
    p.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
    p.max = v.back();
    return p;
}

/// "exited 0", "killed by SIGSEGV", from a wait status.
inline std::string describeStatus(int status)
{
    if (WIFEXITED(status))
        return "exited " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const char* name = ::sigabbrev_np(WTERMSIG(status));
        return std::string("killed by SIG") + (name ? name : std::to_string(WTERMSIG(status)).c_str());
    }
    return "status " + std::to_string(status);
}

} // namespace soak
