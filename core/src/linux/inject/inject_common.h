// SPDX-License-Identifier: MIT
// Small pieces shared by the duplication backend: owned fds, errno errors, raw syscalls.
#pragma once

#include "handlescope/error.h"
#include "handlescope/model.h"

#include <spdlog/fmt/fmt.h>
#include <spdlog/logger.h>

#include <chrono>
#include <memory>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace hs::linux_::inject {

/// An owned file descriptor, closed on destruction.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    UniqueFd(UniqueFd&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept
    {
        if (this != &o) {
            reset();
            m_fd = std::exchange(o.m_fd, -1);
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }
    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool valid() const { return m_fd >= 0; }
    [[nodiscard]] int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

/// An Error from an errno value, with osName from strerrorname_np ("EPERM").
Error errnoError(std::string operation, int err, Pid pid = -1, HandleValue handle = -1, std::string hint = {});

/// The usual hint for an errno met while working on process `pid` / fd `fd`.
std::string hintFor(int err, Pid pid, HandleValue fd);

// Raw syscalls (no libc wrapper needed, errno set on failure).
int sysPidfdOpen(pid_t pid);
int sysPidfdGetfd(int pidfd, int fd);
int sysPidfdSendSignal(int pidfd, int sig);
/// kcmp(KCMP_FILE): 0 same open file description, 1/2 ordered different, -1 error (errno).
int kcmpFile(pid_t pid1, pid_t pid2, int fd1, int fd2);

/// True while the process behind `pidfd` has not exited (identity pin check).
bool pidfdAlive(int pidfd);

/// "0x7ffd1234" for steps and logs.
std::string hexAddress(unsigned long long address);

std::shared_ptr<spdlog::logger> injectLog();
std::shared_ptr<spdlog::logger> linuxLog();

/// A log line of the injection code. In the tool it goes to spdlog ("core.inject"); inside
/// an injector process (a forked child) it is kept in memory and sent back with the report,
/// because a child must not take spdlog's locks, which another thread of the parent may
/// have held at the moment of fork().
void injectLogLine(spdlog::level::level_enum level, std::string text);
template <class... Args>
void ilog(spdlog::level::level_enum level, fmt::format_string<Args...> format, Args&&... args)
{
    injectLogLine(level, fmt::format(format, std::forward<Args>(args)...));
}

struct LogLine {
    spdlog::level::level_enum level;
    std::string text;
};
/// Inside an injector process: where injectLogLine() keeps its lines (nullptr in the tool).
void captureInjectLog(std::vector<LogLine>* into);

using Clock = std::chrono::steady_clock;

/// The whole text of a small /proc file (stat, status, maps), empty if unreadable.
std::string readProcFile(const std::string& path);
/// The one-letter state of /proc/PID/stat (or /proc/PID/task/TID/stat), 0 if unreadable.
char procState(pid_t pid, pid_t tid = 0);
/// True for kernel threads (PF_KTHREAD in the flags of /proc/PID/stat).
bool isKernelThread(pid_t pid);
/// A field of /proc/PID/status, or of /proc/PID/task/TID/status when tid > 0 ("Seccomp",
/// "TracerPid", "Uid", "Tgid"), empty if missing.
std::string statusField(pid_t pid, const std::string& name, pid_t tid = 0);
/// The same field from a status text already read (several fields, one read).
std::string statusFieldIn(const std::string& statusText, const std::string& name);

} // namespace hs::linux_::inject
