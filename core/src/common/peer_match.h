// SPDX-License-Identifier: MIT
// What makes two handles the two ends of one channel, shared by the snapshot's pass
// (peers.cpp) and the one-process search (core/src/linux/peers_linux.cpp), so both agree.
#pragma once

#include "handlescope/model.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace hs::peers {

/// A TCP or UDP connection as seen from one end: protocol and both addresses.
/// The other end's key is connectionKey with local and remote swapped.
std::string connectionKey(const SocketInfo& s, bool reversed);

/// Sockets with a remote address that may be on this machine (TCP or UDP, v4 or v6).
bool isConnectedInet(const SocketInfo& s);

/// The object whose holders are `h`'s peers: the peer socket of a UNIX socket, the same
/// pipe or FIFO; a TCP/UDP socket's other end is found by address, so `inetPeer` names the
/// inode of the socket whose key is this one's reversed key (nullopt if none is known).
std::optional<ObjectId> otherEnd(const HandleInfo& h,
                                 const std::function<std::optional<std::uint64_t>(const std::string&)>& inetPeer);

/// Whether a holder of otherEnd(h) is a peer of h: not h itself and, for pipes and FIFOs
/// whose two access modes are known, the opposite direction.
bool isPeer(Pid pid, const HandleInfo& h, Pid otherPid, HandleValue otherValue, AccessMode otherAccess);

/// Worth indexing as a holder: pipes, FIFOs and sockets with an identity.
bool mayBeOtherEnd(const HandleInfo& h);

} // namespace hs::peers
