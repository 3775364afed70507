// SPDX-License-Identifier: MIT
#pragma once

// The text tables of /proc/PID/net (tcp, tcp6, udp, udp6, unix, netlink, packet): socket
// inode -> endpoints. Pure functions over a string_view, exposed for tests and fuzzing.

#include "handlescope/model.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace hs::linux_ {

/// Entries are shared with the HandleInfo::socket of every handle that names them.
using SocketTable = std::unordered_map<std::uint64_t, std::shared_ptr<const SocketInfo>>;

// One /proc/net file each; they add to `table`.
void parseInetTable(std::string_view text, bool ipv6, std::string_view protocol, SocketTable& table);
void parseUnixTable(std::string_view text, SocketTable& table);
void parseNetlinkTable(std::string_view text, SocketTable& table);
void parsePacketTable(std::string_view text, SocketTable& table);

/// The kernel's TCP state number (TCP_ESTABLISHED = 1 ...) as ss and netstat name it.
std::string_view tcpStateName(unsigned state);

} // namespace hs::linux_
