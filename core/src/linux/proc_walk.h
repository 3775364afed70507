// SPDX-License-Identifier: MIT
#pragma once

// Reading one process and its fds from /proc, shared by listProcesses, processInfo,
// listHandles, handleInfo and takeSnapshot. A ProcWalker owns reusable buffers, so a
// whole-machine snapshot allocates per handle only what the result itself holds.

#include "handlescope/cancel.h"
#include "handlescope/model.h"
#include "proc_reader.h"
#include "proc_parse.h"
#include "socket_resolver_linux.h"

#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace hs::linux_ {

/// How many fds of one process are read between two looks at a cancel token: often enough
/// that even a process with a huge fd table stops promptly.
inline constexpr std::size_t kHandlesBetweenCancelChecks = 256;

class ProcWalker {
public:
    /// Workers of one snapshot share a resolver; alone, a walker has its own.
    explicit ProcWalker(SocketResolver* sharedSockets = nullptr)
        : m_sockets(sharedSockets ? sharedSockets : &m_ownSockets)
    {
    }
    ProcWalker(const ProcWalker&) = delete;
    ProcWalker& operator=(const ProcWalker&) = delete;

    /// For whole-machine Fast snapshots: stat each (mount namespace, path) once. A path
    /// that is not "(deleted)" names one inode at a time, so fds with the same path text in
    /// the same mount namespace share it; the cost is that a file replaced while the
    /// snapshot runs may show the identity it had when first seen.
    void cachePathStats(bool on) { m_cachePaths = on; }

    /// For snapshots: rather than wait for a socket table that another thread is still
    /// loading, leave HandleInfo::socket null; socketsDeferred() then says the caller must
    /// fill it in (from SocketResolver::ownTable()) once the walk is over. A walker with a
    /// resolver of its own then resolves no socket at all: its caller fills them in.
    void deferSockets(bool on) { m_deferSockets = on; }
    [[nodiscard]] bool socketsDeferred() const { return m_socketsDeferred; }

    /// Opens /proc/PID. Fails with ESRCH for a pid that does not exist.
    Result<UniqueFd> openProcess(Pid pid);

    /// Reads stat, owner, exe, cmdline. With countHandles, also counts fds (or sets
    /// accessError). Fails only if the process is gone.
    Result<ProcessInfo> readProcess(int procPidFd, Pid pid, bool countHandles);

    /// Appends the fds of the process, sorted by value. Fails for EACCES, a process that is
    /// gone, or a cancelled token (cancelledError); fds closed during the walk are skipped.
    Result<void> readHandles(int procPidFd, Pid pid, Detail detail, std::vector<HandleInfo>& out,
                             const CancelToken& cancel);

    /// One fd. Fails with EBADF when it is not open.
    Result<HandleInfo> readHandle(int procPidFd, Pid pid, HandleValue fd, Detail detail = Detail::Full);

    /// Sets count to the number of open fds (one fstat on Linux 6.2+); returns 0 or the
    /// errno of the failure.
    int countOpenFds(int procPidFd, std::int64_t& count);

private:
    /// A walker of its own reads one process: its sockets are collected while the fds are
    /// read and resolved together at the end, so only they are looked up (tableOf()).
    [[nodiscard]] bool readsOneProcess() const { return m_sockets == &m_ownSockets; }
    void resolveSocketsOfOneProcess(int procPidFd, HandleInfo* begin, HandleInfo* end);
    bool readOneHandle(int fdDir, int fdinfoDir, int procPidFd, HandleValue fd, Detail detail, HandleInfo& h);
    void addFdInfo(int fdinfoDir, const char* name, HandleInfo& h);

    std::string m_text;
    std::string m_link;
    std::vector<std::int64_t> m_numbers;
    std::vector<char> m_dents;
    SocketResolver m_ownSockets;
    SocketResolver* m_sockets;
    const SocketTable* m_processSockets = nullptr; ///< of the process being read
    bool m_deferSockets = false;
    bool m_socketsDeferred = false; ///< the process read last has sockets to fill in
    int m_lastError = 0; ///< why readOneHandle returned false

    struct PathStat {
        std::uint32_t mode = 0;
        ObjectId object;
    };
    /// Keys view the name inside the HandleInfo they were first seen in, to spare an
    /// allocation per path: the snapshot pre-sizes each process's vector and the vector
    /// of processes, so those names do not move while the walk that uses the cache runs.
    using PathStats = std::unordered_map<std::string_view, PathStat>;
    bool m_cachePaths = false;
    std::unordered_map<std::uint64_t, PathStats> m_pathStats; ///< by mount namespace inode
    PathStats* m_processPathStats = nullptr; ///< of the process being read, found lazily
    bool statPath(int fdDir, int procPidFd, const char* name, const LinkInfo& link, HandleInfo& h);
};

/// How many threads walk /proc for a whole-machine read (a snapshot, a search for
/// holders): one per core. HANDLESCOPE_SNAPSHOT_THREADS overrides it, for benchmarks.
unsigned walkerCount();

/// What a stat's st_mode says an fd is: its kind, and the typeName lsof would show.
HandleKind kindFromMode(std::uint32_t mode);
const char* typeNameFromMode(std::uint32_t mode);
/// Whether fdinfo's "pos" means something for this kind (an offset to show).
bool hasOffset(HandleKind kind);

/// Why a process's handles cannot be listed, for a zombie or a kernel thread.
std::optional<Error> noHandlesReason(const ProcessInfo& p);

} // namespace hs::linux_
