// SPDX-License-Identifier: MIT
#include "sock_diag_linux.h"

#include "proc_reader.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstring>
#include <string>

namespace hs::linux_ {

namespace {

// Calls onMessage(payload, length) for each netlink message of one sock_diag reply.
// Walked by hand: the NLMSG_*/RTA_* macros use C casts that -Werror rejects.
template <class OnMessage>
DiagReply forEachDiagMessage(const char* data, std::size_t size, OnMessage&& onMessage)
{
    std::size_t off = 0;
    while (off + sizeof(nlmsghdr) <= size) {
        nlmsghdr h{};
        std::memcpy(&h, data + off, sizeof h);
        if (h.nlmsg_len < sizeof h || h.nlmsg_len > size - off)
            return DiagReply::Failed;
        if (h.nlmsg_type == NLMSG_DONE)
            return DiagReply::Done;
        if (h.nlmsg_type == NLMSG_ERROR)
            return DiagReply::Failed;
        const std::size_t payload = off + NLMSG_ALIGN(sizeof(nlmsghdr));
        onMessage(data + payload, off + h.nlmsg_len - payload);
        off += NLMSG_ALIGN(h.nlmsg_len);
    }
    return DiagReply::More;
}

// Sends one sock_diag dump request and calls onReply(data, size) -> DiagReply for every
// reply, until one says the dump is done or failed.
template <class Request, class OnReply>
bool sockDiagDump(const Request& request, OnReply&& onReply)
{
    UniqueFd sock(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG));
    if (!sock.valid())
        return false;
    struct {
        nlmsghdr header;
        Request body;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.body = request;
    if (::send(sock.get(), &message, sizeof message, 0) < 0)
        return false;
    alignas(nlmsghdr) static thread_local std::array<char, 65536> buffer;
    while (true) {
        ssize_t n = ::recv(sock.get(), buffer.data(), buffer.size(), 0);
        if (n <= 0)
            return false;
        const DiagReply r = onReply(buffer.data(), static_cast<std::size_t>(n));
        if (r != DiagReply::More)
            return r == DiagReply::Done;
    }
}

// Calls onAttribute(type, data, length) for each rtattr in [data, data + length).
template <class OnAttribute>
void forEachAttribute(const char* data, std::size_t length, OnAttribute&& onAttribute)
{
    std::size_t a = 0;
    while (a + sizeof(rtattr) <= length) {
        rtattr attr{};
        std::memcpy(&attr, data + a, sizeof attr);
        if (attr.rta_len < sizeof attr || a + attr.rta_len > length)
            break;
        onAttribute(attr.rta_type, data + a + RTA_LENGTH(0), attr.rta_len - RTA_LENGTH(0));
        a += RTA_ALIGN(attr.rta_len);
    }
}


} // namespace

std::string unixSocketName(const char* value, std::size_t size)
{
    // An abstract name starts with a NUL byte; show it as '@', like ss and /proc/net/unix.
    std::string name(value, size);
    if (name[0] == '\0')
        name[0] = '@';
    else
        name.resize(std::strlen(name.c_str()));
    return name;
}


std::string diagAddress(int family, const std::uint32_t* addr, std::uint16_t portNetworkOrder)
{
    // By hand for IPv4 and the port: inet_ntop and to_string went through printf, a
    // measurable share of a snapshot with tens of thousands of TCP and UDP sockets.
    char buf[INET6_ADDRSTRLEN + 10] = {};
    char* end = buf;
    const auto number = [&end](unsigned v) { end = std::to_chars(end, end + 8, v).ptr; };
    if (family == AF_INET6) {
        *end++ = '[';
        ::inet_ntop(family, addr, end, INET6_ADDRSTRLEN);
        end += std::strlen(end);
        *end++ = ']';
    } else {
        const auto* bytes = reinterpret_cast<const unsigned char*>(addr);
        for (int i = 0; i < 4; ++i) {
            if (i != 0)
                *end++ = '.';
            number(bytes[i]);
        }
    }
    *end++ = ':';
    number(ntohs(portNetworkOrder));
    return std::string(buf, end);
}

DiagReply parseInetDiagReply(const char* data, std::size_t size, int family, int protocol, const InodeFilter& keep,
                             SocketTable& table)
{
    return forEachDiagMessage(data, size, [&](const char* message, std::size_t length) {
        if (length < sizeof(inet_diag_msg))
            return;
        inet_diag_msg msg{};
        std::memcpy(&msg, message, sizeof msg);
        if (msg.idiag_inode == 0 || !keep(msg.idiag_inode))
            return;
        SocketInfo s;
        s.family = family == AF_INET6 ? "inet6" : "inet";
        s.protocol = protocol == IPPROTO_TCP ? "tcp" : "udp";
        s.localAddress = diagAddress(family, msg.id.idiag_src, msg.id.idiag_sport);
        if (msg.id.idiag_dport != 0)
            s.remoteAddress = diagAddress(family, msg.id.idiag_dst, msg.id.idiag_dport);
        if (protocol == IPPROTO_TCP)
            s.state = std::string(tcpStateName(msg.idiag_state));
        else
            s.state = msg.idiag_state == 1 ? "ESTABLISHED" : "UNCONNECTED";
        table[msg.idiag_inode] = std::make_shared<const SocketInfo>(std::move(s));
    });
}

DiagReply UnixDiagParser::parseReply(const char* data, std::size_t size)
{
    return forEachDiagMessage(data, size, [&](const char* message, std::size_t length) {
        if (length < sizeof(unix_diag_msg))
            return;
        unix_diag_msg msg{};
        std::memcpy(&msg, message, sizeof msg);
        if (msg.udiag_ino == 0) // no fd names inode 0; the inet dumps and /proc/net tables skip it too
            return;
        const std::size_t header = NLMSG_ALIGN(sizeof msg);
        if (!m_keep(msg.udiag_ino)) {
            if (length > header)
                forEachAttribute(message + header, length - header, [&](unsigned type, const char* value, std::size_t n) {
                    if (type == UNIX_DIAG_NAME && n > 0)
                        m_otherNames.emplace(msg.udiag_ino, unixSocketName(value, n));
                });
            return;
        }
        SocketInfo& s = m_found[msg.udiag_ino];
        s.family = "unix";
        s.protocol = msg.udiag_type == SOCK_STREAM ? "stream" : msg.udiag_type == SOCK_DGRAM ? "dgram"
                   : msg.udiag_type == SOCK_SEQPACKET                                      ? "seqpacket"
                                                                                           : "unknown";
        // sock_diag reports TCP-style states for UNIX sockets.
        s.state = msg.udiag_state == 10 ? "LISTEN" : msg.udiag_state == 1 ? "CONNECTED" : "UNCONNECTED";
        if (length <= header)
            return;
        forEachAttribute(message + header, length - header, [&](unsigned type, const char* value, std::size_t n) {
            if (type == UNIX_DIAG_NAME && n > 0) {
                s.localAddress = unixSocketName(value, n);
            } else if (type == UNIX_DIAG_PEER && n >= sizeof(std::uint32_t)) {
                std::uint32_t peer = 0;
                std::memcpy(&peer, value, sizeof peer);
                s.peerInode = peer;
            }
        });
    });
}

void UnixDiagParser::finish(SocketTable& table)
{
    for (auto& [inode, s] : m_found) {
        if (s.peerInode == 0 || !s.remoteAddress.empty())
            continue;
        if (auto p = m_found.find(s.peerInode); p != m_found.end())
            s.remoteAddress = p->second.localAddress;
        else if (auto o = m_otherNames.find(s.peerInode); o != m_otherNames.end())
            s.remoteAddress = o->second;
    }
    for (auto& [inode, s] : m_found)
        table[inode] = std::make_shared<const SocketInfo>(std::move(s));
    m_found.clear();
    m_otherNames.clear();
}

bool inetFromSockDiag(SocketTable& table, const InodeFilter& keep)
{
    for (int family : {AF_INET, AF_INET6}) {
        for (int protocol : {IPPROTO_TCP, IPPROTO_UDP}) {
            inet_diag_req_v2 req{};
            req.sdiag_family = static_cast<std::uint8_t>(family);
            req.sdiag_protocol = static_cast<std::uint8_t>(protocol);
            // Every state but TIME_WAIT and NEW_SYN_RECV: those are not sockets with an
            // inode (no fd can name them), and a busy server has many.
            req.idiag_states = ~((1u << 6) | (1u << 12));
            const bool ok = sockDiagDump(req, [&](const char* data, std::size_t size) {
                return parseInetDiagReply(data, size, family, protocol, keep, table);
            });
            if (!ok)
                return false;
        }
    }
    return true;
}

bool unixFromSockDiag(SocketTable& table, const InodeFilter& keep)
{
    unix_diag_req req{};
    req.sdiag_family = AF_UNIX;
    req.udiag_states = ~0u;
    req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
    UnixDiagParser parser(keep);
    if (!sockDiagDump(req, [&](const char* data, std::size_t size) { return parser.parseReply(data, size); }))
        return false;
    parser.finish(table);
    return true;
}

} // namespace hs::linux_
