// SPDX-License-Identifier: MIT
#include "handlescope/describe.h"

#include <charconv>

namespace hs {

namespace {

void appendNumber(std::string& out, std::uint64_t n, int base = 10)
{
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n, base).ptr;
    out.append(buf, end);
}

void appendSocket(std::string& out, const SocketInfo& s)
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
    if (!s.remoteAddress.empty() || s.peerInode != 0) {
        out += " ->";
        if (!s.remoteAddress.empty()) {
            out += ' ';
            out += s.remoteAddress;
        }
        if (s.peerInode != 0) {
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

} // namespace

void describeName(const HandleInfo& h, std::string& out)
{
    out.clear();
    // "unknown": not in any table we read, so the kernel's socket:[INODE] says more.
    if (h.socket && h.socket->family != "unknown" && !h.socket->family.empty()) {
        appendSocket(out, *h.socket);
        return;
    }
    out += h.name;
    if (h.deleted)
        out += " (deleted)";
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

std::string describeFlags(const HandleInfo& h)
{
    if (h.openFlags == 0 && h.flagNames.empty())
        return {};
    std::string out = "0";
    appendNumber(out, h.openFlags, 8);
    for (const auto& name : h.flagNames) {
        out += ' ';
        out += name;
    }
    return out;
}

} // namespace hs
