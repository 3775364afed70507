// SPDX-License-Identifier: MIT
#include "real_user.h"

#include <cerrno>
#include <cstdlib>
#include <linux/capability.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

bool elevated() { return ::getauxval(AT_SECURE) != 0; }

// "Uid:\t1000\t1000\t1000\t1000": real, effective, saved, filesystem.
bool allEqual(const std::string& field, unsigned long want)
{
    const char* at = field.c_str();
    for (int i = 0; i < 3; ++i) {
        char* end = nullptr;
        errno = 0;
        const unsigned long v = std::strtoul(at, &end, 10);
        if (end == at || errno != 0 || v != want)
            return false;
        at = end;
    }
    return true;
}

} // namespace

Result<void> realUserMayTrace(pid_t pid, const std::string& role, const std::string& operation)
{
    if (!elevated())
        return {};
    const uid_t ruid = ::getuid();
    const gid_t rgid = ::getgid();
    if (ruid == 0)
        return {}; // root's own rights: the kernel would let it
    const std::string status = readProcFile("/proc/" + std::to_string(pid) + "/status");
    const std::string uids = statusFieldIn(status, "Uid");
    const std::string gids = statusFieldIn(status, "Gid");
    if (uids.empty() || gids.empty())
        return fail(errnoError(operation + ": check the real user's rights over the " + role, ESRCH, pid));
    const std::string why = "this program runs with file capabilities or setuid (AT_SECURE) and does not lend them: "
                            "it acts only on processes your real user (uid "
                            + std::to_string(ruid) + ") could trace itself; run it as root instead (sudo "
                            "handlescope-cli ..., or pkexec)";
    if (!allEqual(uids, ruid) || !allEqual(gids, rgid))
        return fail(errnoError(operation + ": refused for the " + role + " pid " + std::to_string(pid)
                                   + " (it runs as uid/gid " + uids.substr(0, uids.find_first_of(" \t")) + "/"
                                   + gids.substr(0, gids.find_first_of(" \t")) + ", not as your real user)",
                               EPERM, pid, -1, why));
    // The kernel owns /proc/PID by root when the process is not dumpable (setuid programs,
    // PR_SET_DUMPABLE 0): then only CAP_SYS_PTRACE may trace it, which the real user lacks.
    struct stat st{};
    const std::string dir = "/proc/" + std::to_string(pid);
    if (::stat(dir.c_str(), &st) != 0)
        return fail(errnoError(operation + ": check the real user's rights over the " + role, errno, pid));
    if (st.st_uid != ruid)
        return fail(errnoError(operation + ": refused for the " + role + " pid " + std::to_string(pid)
                                   + " (it is not dumpable: only a privileged user may trace it)",
                               EPERM, pid, -1, why));
    return {};
}

Result<void> dropToRealUser()
{
    if (!elevated())
        return {};
    const uid_t ruid = ::getuid();
    const gid_t rgid = ::getgid();
    if (::setresgid(rgid, rgid, rgid) != 0)
        return fail(errnoError("drop to the real group (setresgid)", errno));
    if (::setresuid(ruid, ruid, ruid) != 0)
        return fail(errnoError("drop to the real user (setresuid)", errno));
    if (ruid != 0) {
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
        if (::syscall(SYS_capset, &header, data) != 0)
            return fail(errnoError("drop file capabilities (capset)", errno));
    }
    return {};
}

} // namespace hs::linux_::inject
