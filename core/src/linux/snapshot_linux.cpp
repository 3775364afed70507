// SPDX-License-Identifier: MIT
// The whole machine in one pass: every process, every fd. One readlink per fd, a statx
// only for fds that name a path, socket tables once per network namespace.
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include "errno_linux.h"
#include "proc_walk.h"

#include <sys/stat.h>

#include <cerrno>

namespace hs {

Result<Snapshot> takeSnapshot(Detail detail)
{
    const auto start = std::chrono::steady_clock::now();
    Snapshot snap;
    snap.takenAt = std::chrono::system_clock::now();
    snap.detail = detail;

    linux_::ProcWalker walker;
    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = linux_::readNumericEntries(linux_::procRootFd(), pids, dents); err != 0)
        return fail(linux_::errnoError("list /proc", err, -1, -1, "is /proc mounted?"));
    snap.processes.reserve(pids.size());
    std::size_t denied = 0;
    for (auto pid : pids) {
        auto dir = walker.openProcess(pid);
        if (!dir)
            continue; // exited since /proc was listed
        auto info = walker.readProcess(dir->get(), pid, false);
        if (!info)
            continue;
        ProcessHandles& entry = snap.processes.emplace_back();
        entry.process = std::move(*info);
        if (linux_::noHandlesReason(entry.process)) {
            entry.process.handleCount = 0;
            continue;
        }
        auto r = walker.readHandles(dir->get(), pid, detail, entry.handles);
        if (!r) {
            if (r.error().osCode == ESRCH) { // exited mid-walk: drop it silently
                snap.processes.pop_back();
                continue;
            }
            entry.process.accessError = r.error();
            ++denied;
            continue;
        }
        entry.process.handleCount = static_cast<std::int64_t>(entry.handles.size());
    }
    snap.duration = std::chrono::steady_clock::now() - start;
    log::get("core.linux")->debug("snapshot: {} processes ({} not readable), {} handles in {} ms", snap.processes.size(),
                                  denied, snap.handleCount(),
                                  std::chrono::duration_cast<std::chrono::milliseconds>(snap.duration).count());
    return snap;
}

Result<ObjectId> objectIdOfPath(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(linux_::errnoError("stat '" + path + "'", errno, -1, -1,
                                       errno == ENOENT ? "no such file; give an existing path" : std::string()));
    return ObjectId{st.st_dev, st.st_ino};
}

PlatformInfo platformInfo()
{
    return PlatformInfo{
        .name = "Linux",
        .canNarrowAccess = false,
        .canSetInheritable = true,
        .hasObjectNames = false,
        .handleWord = "fd",
        .privilegeHint = "To see and act on other users' processes, run as root, or grant the binary "
                         "cap_sys_ptrace and cap_dac_read_search: "
                         "sudo setcap cap_sys_ptrace,cap_dac_read_search+ep /path/to/handlescope",
    };
}

} // namespace hs
