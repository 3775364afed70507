// SPDX-License-Identifier: MIT
#include "inject_common.h"

#include "linux/errno_linux.h"

#include "handlescope/log.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hs::linux_::inject {

void UniqueFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

std::string hintFor(int err, Pid pid, HandleValue fd)
{
    const std::string p = std::to_string(pid);
    switch (err) {
    case EPERM:
    case EACCES:
        return "ptrace rights over pid " + p + " are needed: run as root (CAP_SYS_PTRACE) or as its user, check "
               "/proc/sys/kernel/yama/ptrace_scope, and that no debugger already traces it (TracerPid in /proc/" + p
               + "/status)";
    case ESRCH:
        return "pid " + p + " does not exist or has exited";
    case EBADF:
        return "fd " + std::to_string(fd) + " is not open in pid " + p;
    case EMFILE:
    case ENFILE:
        return "pid " + p + " has no free fd (RLIMIT_NOFILE reached): close fds there or raise its limit (prlimit "
               "--pid " + p + " --nofile=...)";
    case ETIMEDOUT:
        return "pid " + p + " did not stop in time (uninterruptible sleep, or a vfork parent waiting for its child); "
               "it was left untouched: retry later or raise the timeout";
    case ENOSYS:
        return "needs Linux 5.6+ (pidfd_getfd) on x86_64";
    default:
        return {};
    }
}

Error errnoError(std::string operation, int err, Pid pid, HandleValue handle, std::string hint)
{
    // The backend's errno error, with hints that speak of ptrace and injection.
    return linux_::errnoError(std::move(operation), err, pid, handle,
                              hint.empty() ? hintFor(err, pid, handle) : std::move(hint));
}

int sysPidfdOpen(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0U)); }
int sysPidfdGetfd(int pidfd, int fd) { return static_cast<int>(::syscall(SYS_pidfd_getfd, pidfd, fd, 0U)); }
int sysPidfdSendSignal(int pidfd, int sig)
{
    return static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, sig, nullptr, 0U));
}
int kcmpFile(pid_t pid1, pid_t pid2, int fd1, int fd2)
{
    return static_cast<int>(::syscall(SYS_kcmp, pid1, pid2, KCMP_FILE, static_cast<unsigned long>(fd1),
                                      static_cast<unsigned long>(fd2)));
}

bool pidfdAlive(int pidfd)
{
    // Signal 0 reaches a live process or a zombie: either way its pid number is still
    // its own. ESRCH means it was reaped and the number may already name another process.
    return sysPidfdSendSignal(pidfd, 0) == 0;
}

std::string hexAddress(unsigned long long address)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%#llx", address);
    return buf;
}

std::shared_ptr<spdlog::logger> injectLog()
{
    static auto logger = hs::log::get("core.inject");
    return logger;
}

std::shared_ptr<spdlog::logger> linuxLog()
{
    static auto logger = hs::log::get("core.linux");
    return logger;
}

namespace {
std::vector<LogLine>* g_capture = nullptr;
}

void captureInjectLog(std::vector<LogLine>* into) { g_capture = into; }

void injectLogLine(spdlog::level::level_enum level, std::string text)
{
    if (g_capture)
        g_capture->push_back({level, std::move(text)});
    else
        injectLog()->log(level, "{}", text);
}

std::string readProcFile(const std::string& path)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return {};
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n <= 0)
            break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

namespace {

// Fields after the comm of /proc/PID/stat: [0] is the state (field 3). Plain string
// work, no streams: this also runs inside the forked injector process.
std::vector<std::string> statFields(const std::string& path)
{
    const std::string text = readProcFile(path);
    const auto close = text.rfind(')');
    std::vector<std::string> fields;
    if (close == std::string::npos)
        return fields;
    std::size_t at = close + 1;
    while (at < text.size()) {
        const auto start = text.find_first_not_of(" \n", at);
        if (start == std::string::npos)
            break;
        const auto end = text.find_first_of(" \n", start);
        fields.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        at = end == std::string::npos ? text.size() : end;
    }
    return fields;
}

} // namespace

char procState(pid_t pid, pid_t tid)
{
    const std::string path = tid > 0 ? "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/stat"
                                     : "/proc/" + std::to_string(pid) + "/stat";
    const auto fields = statFields(path);
    return fields.empty() || fields[0].empty() ? '\0' : fields[0][0];
}

bool isKernelThread(pid_t pid)
{
    const auto fields = statFields("/proc/" + std::to_string(pid) + "/stat");
    if (fields.size() < 7)
        return false;
    constexpr unsigned long kPfKthread = 0x00200000UL;
    return (std::strtoul(fields[6].c_str(), nullptr, 10) & kPfKthread) != 0; // field 9: flags
}

std::string statusField(pid_t pid, const std::string& name, pid_t tid)
{
    const std::string path = tid > 0 ? "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/status"
                                     : "/proc/" + std::to_string(pid) + "/status";
    return statusFieldIn(readProcFile(path), name);
}

std::string statusFieldIn(const std::string& text, const std::string& name)
{
    const std::string key = name + ":";
    for (std::size_t at = 0; at < text.size();) {
        auto end = text.find('\n', at);
        if (end == std::string::npos)
            end = text.size();
        if (text.compare(at, key.size(), key) == 0) {
            const auto start = text.find_first_not_of(" \t", at + key.size());
            return start == std::string::npos || start >= end ? std::string() : text.substr(start, end - start);
        }
        at = end + 1;
    }
    return {};
}

} // namespace hs::linux_::inject
