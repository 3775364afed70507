// SPDX-License-Identifier: MIT
// A handle in words for people: the one place the CLI, the GUI and Find take them from.
#pragma once

#include "handlescope/model.h"

#include <string>

namespace hs {

/// What the handle refers to. Sockets show their endpoints ("tcp 127.0.0.1:5432 ->
/// 127.0.0.1:40112 ESTABLISHED", "unix/stream /run/x.sock LISTEN", a UNIX peer as
/// "peer socket:[INODE]"); a socket without endpoints, and every other kind, shows its
/// name, with " (deleted)" after an unlinked file. Known peers follow, as `lsof +E` shows
/// them: "pipe:[123] -> Xvfb (2249) fd 8" (three at most, then "+N more"); a UNIX socket's
/// peer is then named by its holder, not its inode.
std::string describeName(const HandleInfo& h);
/// The same into `out`, reusing its capacity (for loops over many handles). Without
/// `withPeers`, the peers are left for the caller to name (a UI in another language).
void describeName(const HandleInfo& h, std::string& out, bool withPeers = true);

/// One peer: "Xvfb (2249) fd 8".
std::string describePeer(const PeerEnd& peer);

/// The kind for people ("Regular file"); the OS type name where the kind says little
/// (anonymous inodes, other and unknown types: "anon_inode:[bpf-map]").
std::string describeType(const HandleInfo& h);

/// Windows: the decoded rights; Linux: "r", "w", "rw", "-" or "?".
std::string describeAccess(const HandleInfo& h);

/// "yes", "no", or "" when unknown.
std::string describeInheritable(const HandleInfo& h);

/// The names of Linux open flags that matter: the access mode ("O_RDWR") and "O_APPEND",
/// "O_NONBLOCK", "O_CLOEXEC"... (not O_LARGEFILE, set on every 64-bit open). Static text.
std::vector<std::string_view> openFlagNames(std::uint32_t flags);

/// Octal open flags as fdinfo prints them, then their names: "02004002 O_RDWR O_NONBLOCK
/// O_CLOEXEC"; "" when they were not read.
std::string describeFlags(const HandleInfo& h);

} // namespace hs
