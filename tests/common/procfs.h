// SPDX-License-Identifier: MIT
// The kernel's view of a test's child processes, read by the test itself (independently of
// the core): /proc status fields and states, fd tables, kcmp. Plain C++.
#pragma once

#include <dirent.h>
#include <linux/kcmp.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace hstest {

inline std::string procPath(pid_t pid, pid_t tid, const char* leaf)
{
    return "/proc/" + std::to_string(pid) + (tid > 0 ? "/task/" + std::to_string(tid) : std::string()) + "/" + leaf;
}

/// A field of /proc/PID/status (or /proc/PID/task/TID/status), "" if missing.
inline std::string statusField(pid_t pid, const std::string& key, pid_t tid = 0)
{
    std::ifstream in(procPath(pid, tid, "status"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) {
            auto v = line.substr(key.size() + 1);
            const auto start = v.find_first_not_of(" \t");
            return start == std::string::npos ? std::string() : v.substr(start);
        }
    return {};
}

constexpr int kCapDacReadSearch = 2;
constexpr int kCapSysPtrace = 19;
constexpr int kCapSysAdmin = 21;

/// Whether capability `bit` is in the set `set` ("CapEff", "CapBnd"...) of `pid`.
inline bool hasCap(pid_t pid, const char* set, int bit)
{
    const auto caps = statusField(pid, set);
    return !caps.empty() && ((std::strtoull(caps.c_str(), nullptr, 16) >> bit) & 1ULL) != 0;
}

/// The state letter of /proc/PID[/task/TID]/stat ('S', 'T', 't' = traced stop, 'Z'), 0 if gone.
inline char procState(pid_t pid, pid_t tid = 0)
{
    std::ifstream in(procPath(pid, tid, "stat"));
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close == std::string::npos || close + 2 >= text.size() ? '\0' : text[close + 2];
}

/// Waits until the process's main thread is in `state` (e.g. 'S' = blocked in a call).
inline bool waitForState(pid_t pid, char state, std::chrono::milliseconds limit = std::chrono::seconds(3))
{
    const auto until = std::chrono::steady_clock::now() + limit;
    for (;;) {
        if (procState(pid) == state)
            return true;
        if (std::chrono::steady_clock::now() >= until)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

/// The numeric entries of a /proc directory, sorted; empty if it cannot be read.
inline std::vector<int> numericEntries(const std::string& dir)
{
    std::vector<int> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9')
                out.push_back(std::atoi(e->d_name));
        ::closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Open fd numbers of a process (or of one of its threads: /proc/PID/task/TID/fd).
inline std::vector<int> fdNumbers(pid_t pid, pid_t tid = 0)
{
    return numericEntries(procPath(pid, tid, "fd"));
}

/// How many fds a process has open right now, -1 if /proc/PID/fd cannot be read.
inline int fdCount(pid_t pid)
{
    if (::access(procPath(pid, 0, "fd").c_str(), R_OK | X_OK) != 0)
        return -1;
    return static_cast<int>(fdNumbers(pid).size());
}

inline std::vector<pid_t> threadIds(pid_t pid)
{
    const auto ids = numericEntries(procPath(pid, 0, "task"));
    return { ids.begin(), ids.end() };
}

/// The link text of /proc/PID/fd/FD, "?" if unreadable.
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

} // namespace hstest
