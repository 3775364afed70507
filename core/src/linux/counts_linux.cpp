// SPDX-License-Identifier: MIT
// countHandles: the backend choice, and the /proc backend.
#include "counts_linux.h"

#include "handlescope/log.h"

#include "backend_env_linux.h"
#include "errno_linux.h"
#include "proc_walk.h"

#include <sys/stat.h>

#include <cerrno>
#include <mutex>

namespace hs::linux_ {

Result<HandleCounts> countHandlesProcfs(const CancelToken& cancel)
{
    const auto start = std::chrono::steady_clock::now();
    ProcWalker walker;
    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("list /proc", err, -1, -1, "is /proc mounted?"));
    HandleCounts counts;
    counts.backend = "procfs";
    counts.perProcess.reserve(pids.size());
    for (auto pid : pids) {
        if (cancel.cancelled())
            return fail(cancelledError("count handles"));
        auto dir = walker.openProcess(static_cast<Pid>(pid));
        if (!dir)
            continue; // exited since the directory was listed
        std::int64_t count = 0;
        if (int err = walker.countOpenFds(dir->get(), count); err != 0) {
            if (err == EACCES || err == EPERM)
                ++counts.deniedProcesses;
            continue; // or exited meanwhile
        }
        if (count > 0) // kernel threads and zombies have none, as the iterator sees them
            counts.perProcess.emplace_back(static_cast<Pid>(pid), count);
    }
    counts.duration = std::chrono::steady_clock::now() - start;
    return counts;
}

bool fdDirSizeIsCount()
{
    // Our own table is never empty (stdin... and the directory being looked at), so a size
    // of 0 means a kernel before 6.2, where the /proc backend lists every fd.
    static const bool isCount = [] {
        struct stat st {};
        return ::stat("/proc/self/fd", &st) == 0 && st.st_size > 0;
    }();
    return isCount;
}

} // namespace hs::linux_

namespace hs {

Result<HandleCounts> countHandles(const CancelToken& cancel, CountScope scope)
{
    auto forced = linux_::forcedBackend();
    if (!forced)
        return fail(forced.error());
    if (*forced == linux_::ForcedBackend::Procfs)
        return linux_::countHandlesProcfs(cancel);
    if (*forced == linux_::ForcedBackend::BpfIter)
        return linux_::countHandlesBpf(cancel);
    if (scope == CountScope::PerProcess && linux_::fdDirSizeIsCount())
        return linux_::countHandlesProcfs(cancel);
    auto counts = linux_::countHandlesBpf(cancel);
    if (counts || isCancelled(counts.error()))
        return counts;
    static std::once_flag said; // the load failure is kept: no retry, so say it once
    std::call_once(said, [&] {
        log::get("core.linux")->debug("counts: the BPF iterator is not used, /proc is: {}", counts.error().message());
    });
    return linux_::countHandlesProcfs(cancel);
}

} // namespace hs
