// SPDX-License-Identifier: MIT
#pragma once

// The sock_diag netlink client: dumps of the TCP, UDP and UNIX sockets of the caller's own
// network namespace. Much cheaper than the /proc/net text, and it also gives the peers of
// UNIX sockets. The reply decoders are pure functions over a buffer, exposed for tests and
// fuzzing; the dumps feed them one reply each.

#include "net_parse_linux.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace hs::linux_ {

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

// sock_diag dump replies, decoded from the bytes of one recv() (any alignment).
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

/// TCP and UDP sockets of our own network namespace, v4 and v6, that `keep` accepts.
/// False if a dump failed (no sock_diag: the caller reads /proc/net instead).
/// An inet endpoint as sock_diag's are shown: "127.0.0.1:80", "[::1]:80".
std::string diagAddress(int family, const std::uint32_t* addr, std::uint16_t portNetworkOrder);

/// A UNIX socket's bound name from its sun_path bytes (`size` > 0), as ss and
/// /proc/net/unix show it: an abstract name with '@' for its leading NUL.
std::string unixSocketName(const char* value, std::size_t size);

bool inetFromSockDiag(SocketTable& table, const InodeFilter& keep);

/// UNIX sockets of our own network namespace, with their paths and peers, that `keep`
/// accepts. False if the dump failed.
bool unixFromSockDiag(SocketTable& table, const InodeFilter& keep);

} // namespace hs::linux_
