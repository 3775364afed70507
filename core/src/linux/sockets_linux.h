// SPDX-License-Identifier: MIT
#pragma once

// Socket inode -> endpoint tables. /proc/PID/net/{tcp,tcp6,udp,udp6,unix,netlink,packet}
// describe the sockets of PID's network namespace; they are read once per namespace and
// per snapshot. The peers of UNIX sockets come from sock_diag (our own namespace only).

#include "handlescope/model.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace hs::linux_ {

using SocketTable = std::unordered_map<std::uint64_t, SocketInfo>;

// Parsers, one /proc/net file each; they add to `table`. Exposed for tests.
void parseInetTable(std::string_view text, bool ipv6, std::string_view protocol, SocketTable& table);
void parseUnixTable(std::string_view text, SocketTable& table);
void parseNetlinkTable(std::string_view text, SocketTable& table);
void parsePacketTable(std::string_view text, SocketTable& table);

/// UNIX socket inode -> peer inode, from sock_diag in the caller's network namespace.
/// Empty if netlink is unavailable.
std::unordered_map<std::uint64_t, std::uint64_t> unixPeersFromSockDiag();

/// Resolves socket inodes for a snapshot, loading each namespace's tables on first use.
class SocketResolver {
public:
    /// The sockets of the network namespace of the process whose /proc dir is procPidFd.
    /// Call once per process (it costs a stat), then look inodes up in the table.
    const SocketTable& tableFor(int procPidFd);

    static const SocketInfo* find(const SocketTable& table, std::uint64_t inode)
    {
        auto it = table.find(inode);
        return it == table.end() ? nullptr : &it->second;
    }

private:
    std::unordered_map<std::uint64_t, SocketTable> m_namespaces; ///< keyed by netns inode
    std::uint64_t m_ownNetns = 0;
    bool m_ownNetnsKnown = false;
};

} // namespace hs::linux_
