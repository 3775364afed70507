// SPDX-License-Identifier: MIT
#include "socket_resolver_linux.h"

#include "net_parse_linux.h"
#include "proc_reader.h"
#include "sock_diag_linux.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <array>
#include <string>

namespace hs::linux_ {

namespace {

// The sockets of one network namespace that `keep` accepts, as seen from the process whose
// /proc dir is given.
SocketTable loadTable(int procPidFd, bool ownNamespace, bool withInetAndUnix, const InodeFilter& keep = {})
{
    SocketTable table;
    // Our own namespace: sock_diag dumps. /proc/net/{tcp,udp} restart their walk of the
    // kernel's hash table at every 4 KB read, which makes them quadratic in the number of
    // sockets. Other namespaces: their /proc/PID/net text.
    bool haveInet = !withInetAndUnix;
    bool haveUnix = !withInetAndUnix;
    if (ownNamespace && withInetAndUnix) {
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
    return &m_namespaces.emplace(netns, loadTable(procPidFd, netns == m_ownNetns, m_families == Families::All)).first->second;
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
    SocketTable table = self.valid() ? loadTable(self.get(), true, m_families == Families::All) : SocketTable{};
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
    return loadTable(procPidFd, own, m_families == Families::All, InodeFilter(&inodes));
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
