// SPDX-License-Identifier: MIT
// Windows has no peers to show: the handle table gives no pipe or socket identity that
// names the other end (an AFD socket's endpoints are not in it), so handles get none.
#include "handlescope/peers.h"

namespace hs {

Result<void> findPeers(Pid, std::vector<HandleInfo>& handles, const CancelToken& cancel)
{
    if (cancel.cancelled())
        return fail(cancelledError("find peers"));
    for (auto& h : handles)
        h.peers.clear();
    return {};
}

} // namespace hs

namespace hs {

namespace detail {
struct PeerFinderState {};
} // namespace detail

PeerFinder::PeerFinder(std::chrono::milliseconds searchEvery) : m_searchEvery(searchEvery) {}
PeerFinder::~PeerFinder() = default;

Result<void> PeerFinder::find(Pid pid, std::vector<HandleInfo>& handles, const CancelToken& cancel)
{
    return findPeers(pid, handles, cancel);
}

} // namespace hs
