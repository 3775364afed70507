// SPDX-License-Identifier: MIT
#pragma once

// Socket inode -> endpoints, per network namespace. The tables of a namespace are read once
// per snapshot: in our own namespace from sock_diag (TCP, UDP, UNIX) plus the /proc/net
// text of the other families, in other namespaces from their /proc/PID/net text.

#include "net_parse_linux.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace hs::linux_ {

/// Resolves socket inodes for a snapshot, loading each namespace's tables on first use.
/// Thread-safe: the snapshot's workers share one, so each table is read once.
class SocketResolver {
public:
    /// Which families the tables hold. The BPF iterator reads TCP, UDP and UNIX sockets
    /// from the socket itself, so its snapshots need only the others (netlink, packet).
    enum class Families : std::uint8_t { All, NotInetOrUnix };
    explicit SocketResolver(Families families = Families::All)
        : m_families(families)
    {
    }

    /// The sockets of the network namespace of the process whose /proc dir is procPidFd.
    /// Call once per process (it costs a stat), then look inodes up in the table. Without
    /// `wait`, returns null while prefetchOwn() is still loading that namespace's table.
    const SocketTable* tableFor(int procPidFd, bool wait = true);

    /// Loads our own namespace's table; a snapshot runs it on a thread of its own, so the
    /// walkers need not stop for it.
    void prefetchOwn();
    /// Our own namespace's table, waiting for (or doing) the load.
    const SocketTable& ownTable();

    /// Only these sockets of the namespace of the process whose /proc dir is procPidFd, for
    /// reading one process. The kernel still walks the namespace's sockets, but only these
    /// entries are built: building every entry (malloc, page faults) cost far more. Not
    /// cached: each call reads again.
    SocketTable tableOf(int procPidFd, const std::unordered_set<std::uint64_t>& inodes);

    /// The entry for this inode, or one "unknown" entry shared by all misses.
    static std::shared_ptr<const SocketInfo> findOrUnknown(const SocketTable& table, std::uint64_t inode);

private:
    void learnOwnNetns(); ///< under m_mutex

    Families m_families = Families::All;
    std::mutex m_mutex;
    std::condition_variable m_ownLoaded;
    /// Keyed by netns inode. Node-based: references handed out stay valid as it grows.
    std::unordered_map<std::uint64_t, SocketTable> m_namespaces;
    std::uint64_t m_ownNetns = 0;
    bool m_ownNetnsKnown = false;
    bool m_ownLoading = false;
};

} // namespace hs::linux_
