// SPDX-License-Identifier: MIT
#include "inject_common.h"

#include "linux/errno_linux.h"

#include "handlescope/log.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <linux/kcmp.h>
#include <sstream>
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

std::string readSmallFile(const std::string& path)
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

// Fields after the comm of /proc/PID/stat: [0] is the state (field 3).
std::vector<std::string> statFields(const std::string& path)
{
    const std::string text = readSmallFile(path);
    const auto close = text.rfind(')');
    std::vector<std::string> fields;
    if (close == std::string::npos)
        return fields;
    std::istringstream in(text.substr(close + 1));
    std::string f;
    while (in >> f)
        fields.push_back(f);
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
    return (std::stoul(fields[6]) & kPfKthread) != 0; // field 9: flags
}

std::string statusField(pid_t pid, const std::string& name)
{
    std::istringstream in(readSmallFile("/proc/" + std::to_string(pid) + "/status"));
    std::string line;
    const std::string key = name + ":";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            auto value = line.substr(key.size());
            const auto start = value.find_first_not_of(" \t");
            return start == std::string::npos ? std::string() : value.substr(start);
        }
    }
    return {};
}

} // namespace hs::linux_::inject
