// SPDX-License-Identifier: MIT
// Who holds the other end of a pipe, a UNIX socket or a TCP/UDP connection between two
// sockets of this machine (what `lsof +E` shows). Both functions fill HandleInfo::peers.
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"

#include <chrono>
#include <memory>
#include <vector>

namespace hs {

/// The peers of every handle of the snapshot, from the snapshot alone (no OS call): one
/// pass that indexes pipes and sockets by identity and connections by their addresses.
/// Opt-in (takeSnapshot does not call it): a caller that shows peers pays for them.
/// - UNIX socket: the holders of the socket whose inode SocketInfo::peerInode names.
/// - Pipe or FIFO: the other holders of the same object; when both access modes are known
///   (Detail::Full), only the opposite direction (a reader's peers are the writers).
/// - TCP/UDP: the holders of the socket whose local and remote addresses are this one's
///   remote and local (any address of this machine, loopback or not).
/// Windows snapshots have none of these identities: their handles get no peers.
void linkPeers(Snapshot& snapshot);

/// The peers of the handles of one process (as listHandles gave them), without a snapshot:
/// one pass over the machine's fds compares each fd's link text with the objects sought,
/// and only the matches are read. Processes we may not inspect are skipped. Linux only;
/// on Windows the handles get no peers and the call succeeds. Cancelling returns
/// cancelledError.
Result<void> findPeers(Pid pid, std::vector<HandleInfo>& handles, const CancelToken& cancel = {});

namespace detail {
struct PeerFinderState; ///< per OS
}

/// findPeers for a caller that asks about the same process again and again (a window that
/// refreshes its handle list): the holders found last time are checked again, one readlink
/// each, and the machine is searched again only when the process has a pipe or socket not
/// sought before, or when the last search is `searchEvery` old (a new holder of a channel
/// already known, such as a child that inherited a pipe, shows by then). Thread-safe.
class PeerFinder {
public:
    explicit PeerFinder(std::chrono::milliseconds searchEvery);
    ~PeerFinder();
    PeerFinder(const PeerFinder&) = delete;
    PeerFinder& operator=(const PeerFinder&) = delete;

    Result<void> find(Pid pid, std::vector<HandleInfo>& handles, const CancelToken& cancel = {});

private:
    std::chrono::milliseconds m_searchEvery;
    std::unique_ptr<detail::PeerFinderState> m_state; ///< Windows: unused
};

} // namespace hs
