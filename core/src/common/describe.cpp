// SPDX-License-Identifier: MIT
#include "handlescope/describe.h"

#include <array>
#include <bit>
#include <charconv>

namespace hs {

namespace {

void appendNumber(std::string& out, std::uint64_t n, int base = 10)
{
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n, base).ptr;
    out.append(buf, end);
}

void appendSocket(std::string& out, const SocketInfo& s, bool peerNamed)
{
    // For IP sockets the address already tells v4 from v6, so the protocol alone leads.
    const bool inet = s.family == "inet" || s.family == "inet6";
    if (!inet || s.protocol.empty()) {
        out += s.family;
        if (!s.protocol.empty())
            out += '/';
    }
    out += s.protocol;
    if (!s.localAddress.empty()) {
        out += ' ';
        out += s.localAddress;
    }
    // A peer's holder, once known, says more than its inode: then only the address stays.
    const bool peerInode = s.peerInode != 0 && !peerNamed;
    if (!s.remoteAddress.empty() || peerInode) {
        out += " ->";
        if (!s.remoteAddress.empty()) {
            out += ' ';
            out += s.remoteAddress;
        }
        if (peerInode) {
            // The peer's own name is socket:[INODE]: Find on it shows who holds the other end.
            out += s.remoteAddress.empty() ? " peer socket:[" : " (peer socket:[";
            appendNumber(out, s.peerInode);
            out += s.remoteAddress.empty() ? "]" : "])";
        }
    }
    // A UDP socket has no connection state worth a word: a remote address says it all.
    if (!s.state.empty() && !(inet && s.protocol == "udp")) {
        out += ' ';
        out += s.state;
    }
}

void appendPeer(std::string& out, const PeerEnd& peer)
{
    out += peer.processName;
    out += " (";
    appendNumber(out, static_cast<std::uint64_t>(peer.pid));
    out += ") fd ";
    appendNumber(out, static_cast<std::uint64_t>(peer.value));
}

// A pipe read by a whole shell pipeline may have many writers: a name stays one line.
constexpr std::size_t kPeersNamed = 3;

void appendPeers(std::string& out, const std::vector<PeerEnd>& peers)
{
    out += " -> ";
    for (std::size_t i = 0; i < peers.size() && i < kPeersNamed; ++i) {
        if (i != 0)
            out += ", ";
        appendPeer(out, peers[i]);
    }
    if (peers.size() > kPeersNamed) {
        out += " +";
        appendNumber(out, peers.size() - kPeersNamed);
        out += " more";
    }
}

} // namespace

std::string describePeer(const PeerEnd& peer)
{
    std::string out;
    appendPeer(out, peer);
    return out;
}

void describeName(const HandleInfo& h, std::string& out, bool withPeers)
{
    out.clear();
    // "unknown": not in any table we read, so the kernel's socket:[INODE] says more.
    if (h.socket && h.socket->family != "unknown" && !h.socket->family.empty()) {
        appendSocket(out, *h.socket, !h.peers.empty());
    } else {
        out += h.name;
        if (h.deleted)
            out += " (deleted)";
    }
    if (withPeers && !h.peers.empty())
        appendPeers(out, h.peers);
}

std::string describeName(const HandleInfo& h)
{
    std::string out;
    describeName(h, out);
    return out;
}

std::string describeType(const HandleInfo& h)
{
    const bool vague = h.kind == HandleKind::AnonInode || h.kind == HandleKind::Other || h.kind == HandleKind::Unknown;
    if (vague && !h.typeName.empty())
        return h.typeName;
    return std::string(displayName(h.kind));
}

std::string describeAccess(const HandleInfo& h)
{
    return h.accessText.empty() ? std::string(toString(h.access)) : h.accessText;
}

std::string describeInheritable(const HandleInfo& h)
{
    if (!h.inheritable)
        return {};
    return *h.inheritable ? "yes" : "no";
}

std::vector<std::string_view> openFlagNames(std::uint32_t flags)
{
    // Linux's values (asm-generic/fcntl.h, as on x86-64 and arm64): spelled out, because
    // this file is built for Windows too, where a Linux snapshot can be read.
    constexpr std::uint32_t kAccMode = 03, kWrOnly = 01, kRdWr = 02;
    constexpr std::uint32_t kDsync = 010000, kSync = 04010000;
    std::vector<std::string_view> names;
    names.reserve(static_cast<std::size_t>(std::popcount(flags)) + 1);
    switch (flags & kAccMode) {
    case 0: names.emplace_back("O_RDONLY"); break;
    case kWrOnly: names.emplace_back("O_WRONLY"); break;
    case kRdWr: names.emplace_back("O_RDWR"); break;
    default: break;
    }
    // O_LARGEFILE is left out: the kernel sets it on every 64-bit open, so it says nothing.
    // O_SYNC contains the O_DSYNC bit: name the stronger one only.
    const bool sync = (flags & kSync) == kSync;
    if (!sync && (flags & kDsync))
        names.emplace_back("O_DSYNC");
    struct Named {
        std::uint32_t bits;
        std::string_view name;
    };
    static constexpr std::array<Named, 9> kFlags{{
        {02000, "O_APPEND"},
        {04000, "O_NONBLOCK"},
        {040000, "O_DIRECT"},
        {0200000, "O_DIRECTORY"},
        {0400000, "O_NOFOLLOW"},
        {01000000, "O_NOATIME"},
        {02000000, "O_CLOEXEC"},
        {010000000, "O_PATH"},
        {020000000, "O_TMPFILE"}, // __O_TMPFILE, without the O_DIRECTORY that O_TMPFILE adds
    }};
    for (const auto& f : kFlags)
        if ((flags & f.bits) == f.bits)
            names.push_back(f.name);
    if (sync)
        names.emplace_back("O_SYNC");
    return names;
}

std::string describeFlags(const HandleInfo& h)
{
    if (!h.openFlags)
        return {};
    std::string out = "0";
    appendNumber(out, *h.openFlags, 8);
    for (const auto name : openFlagNames(*h.openFlags)) {
        out += ' ';
        out += name;
    }
    return out;
}

} // namespace hs
