// SPDX-License-Identifier: MIT
#include "sockets_linux.h"

#include "background_linux.h"
#include "proc_parse.h"
#include "proc_reader.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <fcntl.h>
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
        pauseIfDue(); // each answer is the kernel's walk of a stretch of the table
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

std::string diagAddress(int family, const std::uint32_t* addr, std::uint16_t portNetworkOrder)
{
    char buf[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, addr, buf, sizeof buf);
    const auto port = std::to_string(ntohs(portNetworkOrder));
    return family == AF_INET6 ? "[" + std::string(buf) + "]:" + port : std::string(buf) + ":" + port;
}

std::string unixName(const char* value, std::size_t size)
{
    // An abstract name starts with a NUL byte; show it as '@', like ss and /proc/net/unix.
    std::string name(value, size);
    if (name[0] == '\0')
        name[0] = '@';
    else
        name.resize(std::strlen(name.c_str()));
    return name;
}

} // namespace

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
            s.state = std::string(tcpState(msg.idiag_state));
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
                        m_otherNames.emplace(msg.udiag_ino, unixName(value, n));
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
                s.localAddress = unixName(value, n);
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

namespace {

// TCP and UDP sockets of our own network namespace, v4 and v6; only those `keep` accepts.
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

// UNIX sockets of our own network namespace with their paths and peers; only those `keep`
// accepts.
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

// The sockets of one network namespace that `keep` accepts, as seen from the process whose
// /proc dir is given.
SocketTable loadTable(int procPidFd, bool ownNamespace, const InodeFilter& keep = {})
{
    SocketTable table;
    // Our own namespace: sock_diag dumps. /proc/net/{tcp,udp} restart their walk of the
    // kernel's hash table at every 4 KB read, which makes them quadratic in the number of
    // sockets (~0.2 s CPU for 30,000 here). Other namespaces: their /proc/PID/net text.
    bool haveInet = false;
    bool haveUnix = false;
    if (ownNamespace) {
        haveInet = inetFromSockDiag(table, keep);
        haveUnix = unixFromSockDiag(table, keep);
    }
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
        if ((f.kind <= 1 && haveInet) || (f.kind == 2 && haveUnix))
            continue;
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
    if (keep.selective()) // the /proc/net texts are small, or from another namespace: filter after
        std::erase_if(table, [&](const auto& entry) { return !keep(entry.first); });
    return table;
}

std::uint64_t netnsOf(int dirfd, const char* path)
{
    struct stat st {};
    return ::fstatat(dirfd, path, &st, 0) == 0 ? st.st_ino : 0;
}

} // namespace

void SocketResolver::learnOwnNetns()
{
    if (!m_ownNetnsKnown) {
        m_ownNetnsKnown = true;
        m_ownNetns = netnsOf(AT_FDCWD, "/proc/self/ns/net");
    }
}

const SocketTable* SocketResolver::tableFor(int procPidFd, bool wait)
{
    const std::uint64_t netns = netnsOf(procPidFd, "ns/net");
    std::unique_lock lock(m_mutex);
    learnOwnNetns();
    if (auto it = m_namespaces.find(netns); it != m_namespaces.end())
        return &it->second;
    if (netns == m_ownNetns && m_ownLoading) {
        if (!wait)
            return nullptr;
        m_ownLoaded.wait(lock, [&] { return !m_ownLoading; });
        return &m_namespaces.at(netns);
    }
    // Another namespace (rare): load it here, under the lock, so it is read once.
    return &m_namespaces.emplace(netns, loadTable(procPidFd, netns == m_ownNetns)).first->second;
}

void SocketResolver::prefetchOwn()
{
    {
        std::lock_guard lock(m_mutex);
        learnOwnNetns();
        if (m_ownLoading || m_namespaces.contains(m_ownNetns))
            return;
        m_ownLoading = true;
    }
    UniqueFd self = openAt(AT_FDCWD, "/proc/self", O_DIRECTORY);
    SocketTable table = self.valid() ? loadTable(self.get(), true) : SocketTable{};
    {
        std::lock_guard lock(m_mutex);
        m_namespaces.emplace(m_ownNetns, std::move(table));
        m_ownLoading = false;
    }
    m_ownLoaded.notify_all();
}

const SocketTable& SocketResolver::ownTable()
{
    std::unique_lock lock(m_mutex);
    learnOwnNetns();
    m_ownLoaded.wait(lock, [&] { return !m_ownLoading; });
    if (auto it = m_namespaces.find(m_ownNetns); it != m_namespaces.end())
        return it->second;
    lock.unlock();
    prefetchOwn();
    return ownTable();
}

SocketTable SocketResolver::tableOf(int procPidFd, const std::unordered_set<std::uint64_t>& inodes)
{
    if (inodes.empty())
        return {};
    const std::uint64_t netns = netnsOf(procPidFd, "ns/net");
    bool own = false;
    {
        std::lock_guard lock(m_mutex);
        learnOwnNetns();
        own = netns == m_ownNetns;
    }
    return loadTable(procPidFd, own, InodeFilter(&inodes));
}

std::shared_ptr<const SocketInfo> SocketResolver::findOrUnknown(const SocketTable& table, std::uint64_t inode)
{
    if (auto it = table.find(inode); it != table.end())
        return it->second;
    // Not in any table: a socket of a family we do not read, or one made after the tables.
    static const auto unknown = std::make_shared<const SocketInfo>(SocketInfo{.family = "unknown", .protocol = "unknown"});
    return unknown;
}

} // namespace hs::linux_
