// SPDX-License-Identifier: MIT
#include "common/peer_match.h"

namespace hs::peers {

std::string connectionKey(const SocketInfo& s, bool reversed)
{
    std::string key = s.family;
    key += ' ';
    key += s.protocol;
    key += ' ';
    key += reversed ? s.remoteAddress : s.localAddress;
    key += ' ';
    key += reversed ? s.localAddress : s.remoteAddress;
    return key;
}

bool isConnectedInet(const SocketInfo& s)
{
    return (s.family == "inet" || s.family == "inet6") && (s.protocol == "tcp" || s.protocol == "udp") &&
           !s.remoteAddress.empty() && !s.localAddress.empty();
}

std::optional<ObjectId> otherEnd(const HandleInfo& h,
                                 const std::function<std::optional<std::uint64_t>(const std::string&)>& inetPeer)
{
    if (h.kind == HandleKind::Fifo)
        return h.object.valid() ? std::optional(h.object) : std::nullopt;
    if (h.kind != HandleKind::Socket || !h.socket)
        return std::nullopt;
    const SocketInfo& s = *h.socket;
    // Sockets live on one pseudo filesystem: the peer has this socket's device.
    if (s.family == "unix" && s.peerInode != 0)
        return ObjectId{h.object.device, s.peerInode};
    if (isConnectedInet(s))
        if (auto inode = inetPeer(connectionKey(s, true)))
            return ObjectId{h.object.device, *inode};
    return std::nullopt;
}

bool isPeer(Pid pid, const HandleInfo& h, Pid otherPid, HandleValue otherValue, AccessMode otherAccess)
{
    if (pid == otherPid && h.value == otherValue)
        return false;
    if (h.kind != HandleKind::Fifo)
        return true;
    // Unknown (Fast detail) or read-write: any other holder may be the other end.
    const bool readsOnly = h.access == AccessMode::Read;
    const bool writesOnly = h.access == AccessMode::Write;
    return !(readsOnly && otherAccess == AccessMode::Read) && !(writesOnly && otherAccess == AccessMode::Write);
}

bool mayBeOtherEnd(const HandleInfo& h)
{
    return (h.kind == HandleKind::Fifo || h.kind == HandleKind::Socket) && h.object.valid();
}

} // namespace hs::peers
