// SPDX-License-Identifier: MIT
#include "sockets_linux.h"

#include "proc_parse.h"
#include "proc_reader.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace hs::linux_ {

namespace {

template <class T>
bool hexNumber(std::string_view s, T& out)
{
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 16);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits a line into whitespace-separated words (at most N; the last keeps the rest).
template <std::size_t N>
std::size_t splitWords(std::string_view line, std::array<std::string_view, N>& words)
{
    std::size_t n = 0;
    while (n < N) {
        while (!line.empty() && line.front() == ' ')
            line.remove_prefix(1);
        if (line.empty())
            break;
        if (n == N - 1) {
            words[n++] = line;
            break;
        }
        auto end = line.find(' ');
        words[n++] = line.substr(0, end);
        line = end == std::string_view::npos ? std::string_view{} : line.substr(end);
    }
    return n;
}

template <class F>
void forEachLine(std::string_view text, F&& f)
{
    bool header = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        auto line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (header) { // every /proc/net table starts with a header line
            header = false;
            continue;
        }
        if (!line.empty())
            f(line);
    }
}

// "0100007F:1F90" -> "127.0.0.1:8080"; "[::1]:8080" for IPv6.
std::string inetAddress(std::string_view text, bool ipv6)
{
    auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return {};
    std::uint32_t port = 0;
    if (!hexNumber(text.substr(colon + 1), port))
        return {};
    auto hex = text.substr(0, colon);
    char buf[INET6_ADDRSTRLEN] = {};
    if (!ipv6) {
        std::uint32_t addr = 0;
        if (hex.size() != 8 || !hexNumber(hex, addr))
            return {};
        // The kernel prints the address as a host-order number of its network-order bytes.
        in_addr a{};
        std::memcpy(&a, &addr, sizeof addr);
        ::inet_ntop(AF_INET, &a, buf, sizeof buf);
        return std::string(buf) + ":" + std::to_string(port);
    }
    if (hex.size() != 32)
        return {};
    in6_addr a{};
    for (int w = 0; w < 4; ++w) {
        std::uint32_t word = 0;
        if (!hexNumber(hex.substr(static_cast<std::size_t>(w) * 8, 8), word))
            return {};
        std::memcpy(reinterpret_cast<unsigned char*>(&a) + w * 4, &word, 4);
    }
    ::inet_ntop(AF_INET6, &a, buf, sizeof buf);
    return "[" + std::string(buf) + "]:" + std::to_string(port);
}

std::string_view tcpState(unsigned st)
{
    static constexpr std::array<std::string_view, 12> kNames{
        "?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
        "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};
    return st < kNames.size() ? kNames[st] : "?";
}

} // namespace

void parseInetTable(std::string_view text, bool ipv6, std::string_view protocol, SocketTable& table)
{
    forEachLine(text, [&](std::string_view line) {
        std::array<std::string_view, 11> w{};
        if (splitWords(line, w) < 11)
            return;
        std::uint64_t inode = 0;
        if (!std::from_chars(w[9].data(), w[9].data() + w[9].size(), inode).ptr || inode == 0)
            return;
        unsigned st = 0;
        hexNumber(w[3], st);
        SocketInfo s;
        s.family = ipv6 ? "inet6" : "inet";
        s.protocol = std::string(protocol);
        s.localAddress = inetAddress(w[1], ipv6);
        std::string remote = inetAddress(w[2], ipv6);
        const bool unconnected = remote == "0.0.0.0:0" || remote == "[::]:0";
        if (!unconnected)
            s.remoteAddress = std::move(remote);
        if (protocol == "tcp")
            s.state = std::string(tcpState(st));
        else
            s.state = st == 1 ? "ESTABLISHED" : "UNCONNECTED"; // UDP: 1 = connected, 7 = not
        table[inode] = std::move(s);
    });
}

void parseUnixTable(std::string_view text, SocketTable& table)
{
    // Num RefCount Protocol Flags Type St Inode [Path]; the path is the rest of the line.
    forEachLine(text, [&](std::string_view line) {
        std::array<std::string_view, 8> w{};
        const auto n = splitWords(line, w);
        if (n < 7)
            return;
        std::uint64_t inode = 0;
        auto [ptr, ec] = std::from_chars(w[6].data(), w[6].data() + w[6].size(), inode);
        if (ec != std::errc() || inode == 0)
            return;
        unsigned flags = 0, type = 0, st = 0;
        hexNumber(w[3], flags);
        hexNumber(w[4], type);
        hexNumber(w[5], st);
        SocketInfo s;
        s.family = "unix";
        s.protocol = type == 1 ? "stream" : type == 2 ? "dgram" : type == 5 ? "seqpacket" : "unknown";
        if (n == 8)
            s.localAddress = std::string(w[7]);
        constexpr unsigned kAcceptCon = 0x10000; // __SO_ACCEPTCON: a listening socket
        if (flags & kAcceptCon)
            s.state = "LISTEN";
        else
            s.state = st == 3 ? "CONNECTED" : st == 2 ? "CONNECTING" : st == 4 ? "DISCONNECTING" : "UNCONNECTED";
        table[inode] = std::move(s);
    });
}

void parseNetlinkTable(std::string_view text, SocketTable& table)
{
    // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
    static constexpr std::array<std::string_view, 23> kProtocols{
        "route", "unused", "usersock", "firewall", "sock_diag", "nflog", "xfrm", "selinux",
        "iscsi", "audit", "fib_lookup", "connector", "netfilter", "ip6_fw", "dnrtmsg", "kobject_uevent",
        "generic", "?", "scsitransport", "ecryptfs", "rdma", "crypto", "smc"};
    forEachLine(text, [&](std::string_view line) {
        std::array<std::string_view, 10> w{};
        if (splitWords(line, w) < 10)
            return;
        std::uint64_t inode = 0;
        unsigned proto = 0;
        std::from_chars(w[9].data(), w[9].data() + w[9].size(), inode);
        std::from_chars(w[1].data(), w[1].data() + w[1].size(), proto);
        if (inode == 0)
            return;
        SocketInfo s;
        s.family = "netlink";
        s.protocol = proto < kProtocols.size() ? std::string(kProtocols[proto]) : std::to_string(proto);
        s.localAddress = "portid " + std::string(w[2]);
        table[inode] = std::move(s);
    });
}

void parsePacketTable(std::string_view text, SocketTable& table)
{
    // sk RefCnt Type Proto Iface R Rmem User Inode
    forEachLine(text, [&](std::string_view line) {
        std::array<std::string_view, 9> w{};
        if (splitWords(line, w) < 9)
            return;
        std::uint64_t inode = 0;
        std::from_chars(w[8].data(), w[8].data() + w[8].size(), inode);
        if (inode == 0)
            return;
        SocketInfo s;
        s.family = "packet";
        s.protocol = w[2] == "3" ? "raw" : w[2] == "2" ? "dgram" : std::string(w[2]);
        s.localAddress = "ifindex " + std::string(w[4]);
        table[inode] = std::move(s);
    });
}

std::unordered_map<std::uint64_t, std::uint64_t> unixPeersFromSockDiag()
{
    std::unordered_map<std::uint64_t, std::uint64_t> peers;
    UniqueFd sock(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG));
    if (!sock.valid())
        return peers;
    struct {
        nlmsghdr header;
        unix_diag_req request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.request.sdiag_family = AF_UNIX;
    message.request.udiag_states = ~0u;
    message.request.udiag_show = UDIAG_SHOW_PEER;
    if (::send(sock.get(), &message, sizeof message, 0) < 0)
        return peers;
    alignas(nlmsghdr) static thread_local std::array<char, 65536> buffer;
    while (true) {
        ssize_t n = ::recv(sock.get(), buffer.data(), buffer.size(), 0);
        if (n <= 0)
            return peers;
        // Walked by hand: the NLMSG_*/RTA_* macros use C casts that -Werror rejects.
        std::size_t off = 0;
        const auto total = static_cast<std::size_t>(n);
        while (off + sizeof(nlmsghdr) <= total) {
            nlmsghdr h{};
            std::memcpy(&h, buffer.data() + off, sizeof h);
            if (h.nlmsg_len < sizeof h || off + h.nlmsg_len > total)
                return peers;
            if (h.nlmsg_type == NLMSG_DONE || h.nlmsg_type == NLMSG_ERROR)
                return peers;
            const std::size_t msgOff = off + NLMSG_ALIGN(sizeof(nlmsghdr));
            unix_diag_msg msg{};
            std::memcpy(&msg, buffer.data() + msgOff, sizeof msg);
            std::size_t a = msgOff + NLMSG_ALIGN(sizeof msg);
            const std::size_t end = off + h.nlmsg_len;
            while (a + sizeof(rtattr) <= end) {
                rtattr attr{};
                std::memcpy(&attr, buffer.data() + a, sizeof attr);
                if (attr.rta_len < sizeof attr || a + attr.rta_len > end)
                    break;
                if (attr.rta_type == UNIX_DIAG_PEER && attr.rta_len >= RTA_LENGTH(sizeof(std::uint32_t))) {
                    std::uint32_t peer = 0;
                    std::memcpy(&peer, buffer.data() + a + RTA_LENGTH(0), sizeof peer);
                    peers[msg.udiag_ino] = peer;
                }
                a += RTA_ALIGN(attr.rta_len);
            }
            off += NLMSG_ALIGN(h.nlmsg_len);
        }
    }
}

const SocketTable& SocketResolver::tableFor(int procPidFd)
{
    struct stat st {};
    std::uint64_t netns = 0;
    if (::fstatat(procPidFd, "ns/net", &st, 0) == 0)
        netns = st.st_ino;
    auto it = m_namespaces.find(netns);
    if (it != m_namespaces.end())
        return it->second;

    if (!m_ownNetnsKnown) {
        m_ownNetnsKnown = true;
        if (::stat("/proc/self/ns/net", &st) == 0)
            m_ownNetns = st.st_ino;
    }
    SocketTable table;
    std::string text;
    struct TableFile {
        const char* path;
        int kind; // 0 inet, 1 inet6, 2 unix, 3 netlink, 4 packet
        const char* protocol;
    };
    static constexpr std::array<TableFile, 7> kFiles{{
        {"net/tcp", 0, "tcp"}, {"net/tcp6", 1, "tcp"}, {"net/udp", 0, "udp"}, {"net/udp6", 1, "udp"},
        {"net/unix", 2, ""}, {"net/netlink", 3, ""}, {"net/packet", 4, ""}}};
    for (const auto& f : kFiles) {
        if (readFileAt(procPidFd, f.path, text) != 0)
            continue;
        switch (f.kind) {
        case 0: parseInetTable(text, false, f.protocol, table); break;
        case 1: parseInetTable(text, true, f.protocol, table); break;
        case 2: parseUnixTable(text, table); break;
        case 3: parseNetlinkTable(text, table); break;
        default: parsePacketTable(text, table); break;
        }
    }
    if (netns == m_ownNetns) {
        // Peers are only known in our own namespace (sock_diag answers for the caller's).
        for (const auto& [inode, peer] : unixPeersFromSockDiag()) {
            auto s = table.find(inode);
            if (s == table.end())
                continue;
            s->second.peerInode = peer;
            auto p = table.find(peer);
            if (p != table.end() && s->second.remoteAddress.empty())
                s->second.remoteAddress = p->second.localAddress;
        }
    }
    return m_namespaces.emplace(netns, std::move(table)).first->second;
}

} // namespace hs::linux_
