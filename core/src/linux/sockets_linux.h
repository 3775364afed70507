// SPDX-License-Identifier: MIT
#pragma once

// Socket inode -> endpoint tables. /proc/PID/net/{tcp,tcp6,udp,udp6,unix,netlink,packet}
// describe the sockets of PID's network namespace; they are read once per namespace and
// per snapshot. In our own namespace, sock_diag netlink dumps replace the TCP, UDP and UNIX
// files: they are much cheaper and also give the peers of UNIX sockets.

#include "handlescope/model.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace hs::linux_ {

/// Entries are shared with the HandleInfo::socket of every handle that names them.
using SocketTable = std::unordered_map<std::uint64_t, std::shared_ptr<const SocketInfo>>;

// Parsers, one /proc/net file each; they add to `table`. Exposed for tests.
void parseInetTable(std::string_view text, bool ipv6, std::string_view protocol, SocketTable& table);
void parseUnixTable(std::string_view text, SocketTable& table);
void parseNetlinkTable(std::string_view text, SocketTable& table);
void parsePacketTable(std::string_view text, SocketTable& table);

/// Which sockets a table load keeps: all, or those of one set of inodes.
class InodeFilter {
public:
    InodeFilter() = default;
    explicit InodeFilter(const std::unordered_set<std::uint64_t>* only) : m_only(only) {}
    [[nodiscard]] bool selective() const { return m_only != nullptr; }
    bool operator()(std::uint64_t inode) const { return !m_only || m_only->contains(inode); }

private:
    const std::unordered_set<std::uint64_t>* m_only = nullptr;
};

// sock_diag dump replies, decoded from the bytes of one recv() (any alignment). Pure
// functions over a buffer, exposed for tests and fuzzing; the dumps feed them one reply each.
enum class DiagReply { More, Done, Failed }; ///< expect another reply / dump complete / error

/// One reply of an inet_diag dump of `family` (AF_INET, AF_INET6) and `protocol`
/// (IPPROTO_TCP, IPPROTO_UDP): adds the sockets `keep` accepts to `table`.
DiagReply parseInetDiagReply(const char* data, std::size_t size, int family, int protocol, const InodeFilter& keep,
                             SocketTable& table);

/// The replies of one unix_diag dump, in order, then finish(): a socket's peer may come in a
/// later reply, so names resolve at the end.
class UnixDiagParser {
public:
    explicit UnixDiagParser(const InodeFilter& keep) : m_keep(keep) {}
    DiagReply parseReply(const char* data, std::size_t size);
    /// Names each socket's peer and moves the sockets into `table`.
    void finish(SocketTable& table);

private:
    InodeFilter m_keep;
    std::unordered_map<std::uint64_t, SocketInfo> m_found;
    /// Names of sockets not kept: a kept socket's peer may be one of them (few sockets
    /// have a name: listeners and what they accepted).
    std::unordered_map<std::uint64_t, std::string> m_otherNames;
};

/// Resolves socket inodes for a snapshot, loading each namespace's tables on first use.
/// Thread-safe: the snapshot's workers share one, so each table is read once.
class SocketResolver {
public:
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
    /// entries are built, and building every entry was most of the cost: reading one
    /// process with 161 sockets among 32,000 took ~100 ms, mostly malloc and page faults.
    /// Not cached: each call reads again.
    SocketTable tableOf(int procPidFd, const std::unordered_set<std::uint64_t>& inodes);

    /// The entry for this inode, or one "unknown" entry shared by all misses.
    static std::shared_ptr<const SocketInfo> findOrUnknown(const SocketTable& table, std::uint64_t inode);

private:
    void learnOwnNetns(); ///< under m_mutex

    std::mutex m_mutex;
    std::condition_variable m_ownLoaded;
    /// Keyed by netns inode. Node-based: references handed out stay valid as it grows.
    std::unordered_map<std::uint64_t, SocketTable> m_namespaces;
    std::uint64_t m_ownNetns = 0;
    bool m_ownNetnsKnown = false;
    bool m_ownLoading = false;
};

} // namespace hs::linux_
