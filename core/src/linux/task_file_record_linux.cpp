// SPDX-License-Identifier: MIT
// The BPF snapshot iterator's records (bpf/task_file.bpf.c) turned into HandleInfo, the
// way the /proc path reads the same fd (proc_parse.cpp, fdinfo).
#include "task_file_record_linux.h"

#include "errno_linux.h"
#include "identity_linux.h"
#include "net_parse_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"
#include "sock_diag_linux.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <string>

namespace hs::linux_ {

namespace {

/// st_dev as stat() gives it, from the kernel's dev_t (major << 20 | minor).
std::uint64_t userDevice(std::uint32_t kernelDev)
{
    return makedev(kernelDev >> 20, kernelDev & 0xfffff);
}

/// A UNIX socket as unix_diag describes it (sock_diag_linux.cpp, UnixDiagParser), from the
/// names and peer the program read from the socket.
std::shared_ptr<const SocketInfo> unixSocket(const hs_fd_record& r, std::string_view text)
{
    SocketInfo s;
    s.family = "unix";
    s.protocol = r.sock_type == SOCK_STREAM ? "stream" : r.sock_type == SOCK_DGRAM ? "dgram"
               : r.sock_type == SOCK_SEQPACKET                                   ? "seqpacket"
                                                                                 : "unknown";
    s.state = r.sock_state == 10 ? "LISTEN" : r.sock_state == 1 ? "CONNECTED" : "UNCONNECTED"; // TCP_* values
    const std::size_t own = std::min<std::size_t>(r.unix_name_len, text.size());
    const std::size_t theirs = std::min<std::size_t>(r.unix_peer_name_len, text.size() - own);
    if (own > 0)
        s.localAddress = unixSocketName(text.data(), own);
    if (theirs > 0)
        s.remoteAddress = unixSocketName(text.data() + own, theirs);
    s.peerInode = r.unix_peer_ino;
    return std::make_shared<const SocketInfo>(std::move(s));
}

/// TCP, UDP and UNIX sockets as the socket itself describes them; null for other families,
/// which the /proc socket tables name.
std::shared_ptr<const SocketInfo> socketFromRecord(const hs_fd_record& r, std::string_view text)
{
    if (r.family == AF_UNIX)
        return unixSocket(r, text);
    if ((r.family != AF_INET && r.family != AF_INET6) || (r.protocol != IPPROTO_TCP && r.protocol != IPPROTO_UDP))
        return nullptr;
    std::uint32_t local[4];
    std::uint32_t remote[4];
    std::memcpy(local, r.local_addr, sizeof local);
    std::memcpy(remote, r.remote_addr, sizeof remote);
    SocketInfo s;
    s.family = r.family == AF_INET6 ? "inet6" : "inet";
    s.protocol = r.protocol == IPPROTO_TCP ? "tcp" : "udp";
    s.localAddress = diagAddress(r.family, local, htons(r.local_port));
    if (r.remote_port != 0)
        s.remoteAddress = diagAddress(r.family, remote, htons(r.remote_port));
    if (r.protocol == IPPROTO_TCP)
        s.state = std::string(tcpStateName(r.sock_state));
    else
        s.state = r.sock_state == 1 ? "ESTABLISHED" : "UNCONNECTED"; // TCP_ESTABLISHED, TCP_CLOSE
    return std::make_shared<const SocketInfo>(std::move(s));
}

} // namespace

/// One record as the /proc path would have read it with this detail, into a default
/// HandleInfo that already sits in its process's vector (no move, no copy).
void fillHandle(HandleInfo& h, const hs_fd_record& r, std::string_view text, Detail detail)
{
    // The name as readlink gives it: bpf_d_path's text, or printed here as the kernel would.
    char printed[96];
    std::string_view path = text.substr(0, strnlen(text.data(), text.size()));
    if (r.name_source != HS_NAME_D_PATH) {
        const auto print = [&](std::string_view prefix, std::string_view middle, std::string_view suffix) {
            const std::size_t n = std::min(prefix.size() + middle.size() + suffix.size(), sizeof printed);
            std::string_view parts[] = {prefix, middle, suffix};
            std::size_t at = 0;
            for (auto part : parts) {
                const std::size_t take = std::min(part.size(), n - at);
                std::memcpy(printed + at, part.data(), take);
                at += take;
            }
            path = std::string_view(printed, n);
        };
        char number[24];
        const auto inode = std::string_view(number, static_cast<std::size_t>(
                                                        std::to_chars(number, number + sizeof number, r.ino).ptr - number));
        if (r.name_source == HS_NAME_SOCKET)
            print("socket:[", inode, "]");
        else if (r.name_source == HS_NAME_PIPE)
            print("pipe:[", inode, "]");
        else
            print("anon_inode:", path, "");
    }
    h.value = r.fd;
    if (r.path_error == HS_ERR_UNREGISTERED) {
        h.kind = HandleKind::Unknown;
        h.partialError = "read fd " + std::to_string(r.fd) + " of process " + std::to_string(r.tgid) +
                         ": the BPF iterator was read by a thread that did not register (a bug in HandleScope)";
        return;
    }
    if (r.path_error != 0) {
        h.kind = kindFromMode(r.mode);
        h.typeName = typeNameFromMode(r.mode);
        h.partialError = errnoError("read fd path", r.path_error, r.tgid, r.fd).message();
    } else {
        LinkInfo li = classifyLink(path);
        h.kind = li.kind;
        h.deleted = li.deleted;
        h.name = std::move(li.name);
        h.typeName = std::move(li.typeName);
        if (li.isPath) {
            h.kind = kindFromMode(r.mode);
            h.typeName = typeNameFromMode(r.mode);
        }
    }
    if (h.kind == HandleKind::Other)
        h.object = {0, r.ino}; // namespace files: /proc names only the nsfs inode
    else
        h.object = {userDevice(r.dev), r.ino};
    const bool anon = h.kind >= HandleKind::EventFd && h.kind <= HandleKind::AnonInode && h.kind != HandleKind::MemFd;
    h.object.sharedInode = anon && r.ino == pseudoDevices().anonSharedInode;
    if (h.kind == HandleKind::Socket)
        h.socket = socketFromRecord(r, text);
    // Fast detail promises what a readlink and a stat give: the record has the rest too, at
    // no extra cost, but a Fast snapshot reads the same from either backend (ask for Full).
    if (detail == Detail::Fast) {
        if (anon || h.kind == HandleKind::MemFd)
            h.object = {};
        return;
    }

    const std::uint32_t flags = r.flags | (r.cloexec ? O_CLOEXEC : 0); // as fdinfo prints them
    h.openFlags = flags;
    h.access = accessFromFlags(flags);
    h.inheritable = r.cloexec == 0;
    if (hasOffset(h.kind))
        h.offset = r.pos;
    // The fdinfo lines the /proc path turns into extras, where the kernel's struct has them.
    h.mountId = r.mnt_id;
    // Most kinds have none: no allocation for them.
    if (h.kind == HandleKind::EventFd || h.kind == HandleKind::PidFd)
        h.extras.reserve(h.kind == HandleKind::EventFd ? 3 : 2);
    if (h.kind == HandleKind::EventFd) {
        constexpr std::uint32_t kEfdSemaphore = 1;
        h.extras.emplace_back("count", std::to_string(r.eventfd_count));
        h.extras.emplace_back("eventfd-id", std::to_string(r.eventfd_id));
        h.extras.emplace_back("eventfd-semaphore", (r.eventfd_flags & kEfdSemaphore) ? "1" : "0");
    } else if (h.kind == HandleKind::PidFd) {
        h.referencedPid = r.pidfd_pid;
        h.extras.emplace_back("pid", std::to_string(r.pidfd_pid));
        h.extras.emplace_back("NSpid", std::to_string(r.pidfd_pid)); // its pid namespace's levels: ours only
    }
}

} // namespace hs::linux_
