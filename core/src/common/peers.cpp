// SPDX-License-Identifier: MIT
// linkPeers: the peers of a whole snapshot from its own contents. The Linux one-process
// search (findPeers) is in core/src/linux/peers_linux.cpp.
#include "handlescope/peers.h"

#include "common/peer_match.h"

#include <unordered_map>

namespace hs {

namespace {

struct ObjectIdHash {
    std::size_t operator()(const ObjectId& id) const noexcept
    {
        return std::hash<std::uint64_t>{}(id.inode * 0x9E3779B97F4A7C15ull ^ id.device);
    }
};

struct Holding {
    const ProcessInfo* process;
    const HandleInfo* handle;
};

} // namespace

void linkPeers(Snapshot& snapshot)
{
    // Every pipe and socket by identity, every connected TCP/UDP socket by its addresses.
    std::unordered_map<ObjectId, std::vector<Holding>, ObjectIdHash> byObject;
    std::unordered_map<std::string, std::uint64_t> byConnection;
    for (const auto& p : snapshot.processes)
        for (const auto& h : p.handles) {
            if (!peers::mayBeOtherEnd(h))
                continue;
            byObject[h.object].push_back({&p.process, &h});
            if (h.socket && peers::isConnectedInet(*h.socket))
                byConnection.emplace(peers::connectionKey(*h.socket, false), h.object.inode);
        }
    const auto inetPeer = [&](const std::string& key) -> std::optional<std::uint64_t> {
        auto it = byConnection.find(key);
        return it == byConnection.end() ? std::nullopt : std::optional(it->second);
    };
    for (auto& p : snapshot.processes)
        for (auto& h : p.handles) {
            h.peers.clear();
            if (!peers::mayBeOtherEnd(h))
                continue;
            const auto target = peers::otherEnd(h, inetPeer);
            if (!target)
                continue;
            auto it = byObject.find(*target);
            if (it == byObject.end())
                continue;
            for (const Holding& other : it->second)
                if (peers::isPeer(p.process.pid, h, other.process->pid, other.handle->value, other.handle->access))
                    h.peers.push_back({other.process->pid, other.handle->value, other.process->name});
        }
}

} // namespace hs
