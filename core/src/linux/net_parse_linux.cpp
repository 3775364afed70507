// SPDX-License-Identifier: MIT
#include "net_parse_linux.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <charconv>
#include <cstring>
#include <string>

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

} // namespace

std::string_view tcpStateName(unsigned state)
{
    static constexpr std::array<std::string_view, 12> kNames{
        "?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
        "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};
    return state < kNames.size() ? kNames[state] : "?";
}

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
            s.state = std::string(tcpStateName(st));
        else
            s.state = st == 1 ? "ESTABLISHED" : "UNCONNECTED"; // UDP: 1 = connected, 7 = not
        table[inode] = std::make_shared<const SocketInfo>(std::move(s));
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
        table[inode] = std::make_shared<const SocketInfo>(std::move(s));
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
        table[inode] = std::make_shared<const SocketInfo>(std::move(s));
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
        table[inode] = std::make_shared<const SocketInfo>(std::move(s));
    });
}

} // namespace hs::linux_
