// SPDX-License-Identifier: MIT
// findPeers: the other ends of one process's pipes and sockets without a snapshot. One pass
// over the machine's fds compares each fd's link text ("pipe:[N]", "socket:[N]") with the
// inodes sought: one readlink per fd, as findHolders does for one object, but for all the
// process's channels at once. Only the matches are read further (their access, their
// process's name). A named FIFO is a path: when one is sought, fds naming a path are
// stat'ed too.
#include "handlescope/log.h"
#include "handlescope/peers.h"

#include "common/peer_match.h"
#include "errno_linux.h"
#include "identity_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace hs::linux_ {

namespace {

struct Match {
    ObjectId object;
    Pid pid = -1;
    HandleValue value = -1;
    AccessMode access = AccessMode::Unknown;
    std::string processName;
};

struct Sought {
    std::unordered_set<std::uint64_t> sockets;
    std::unordered_set<std::uint64_t> pipes;
    std::set<ObjectId> namedFifos; ///< (device, inode) of the path
    [[nodiscard]] bool empty() const { return sockets.empty() && pipes.empty() && namedFifos.empty(); }
};

struct Number {
    char text[24];
    explicit Number(std::int64_t n) { *std::to_chars(text, text + sizeof text - 1, n).ptr = '\0'; }
};

/// The inode of "socket:[N]" or "pipe:[N]" when it is one sought, with its device.
std::optional<ObjectId> soughtLink(std::string_view link, const Sought& sought)
{
    const auto inodeAfter = [&](std::string_view prefix) -> std::optional<std::uint64_t> {
        if (!link.starts_with(prefix) || !link.ends_with(']'))
            return std::nullopt;
        std::uint64_t inode = 0;
        const char* first = link.data() + prefix.size();
        const char* last = link.data() + link.size() - 1;
        if (std::from_chars(first, last, inode).ptr != last)
            return std::nullopt;
        return inode;
    };
    const auto& dev = pseudoDevices();
    if (auto inode = inodeAfter("socket:["); inode && sought.sockets.contains(*inode))
        return ObjectId{dev.sockfs, *inode};
    if (auto inode = inodeAfter("pipe:["); inode && sought.pipes.contains(*inode))
        return ObjectId{dev.pipefs, *inode};
    return std::nullopt;
}

/// The access of an fd from its /proc link's mode: the kernel sets the owner's read and
/// write bits from the file's FMODE_READ and FMODE_WRITE (cheaper than reading fdinfo).
AccessMode accessFromLinkMode(int fdDir, const char* name)
{
    struct stat st {};
    if (::fstatat(fdDir, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return AccessMode::Unknown;
    const bool r = (st.st_mode & S_IRUSR) != 0;
    const bool w = (st.st_mode & S_IWUSR) != 0;
    return r && w ? AccessMode::ReadWrite : r ? AccessMode::Read : w ? AccessMode::Write : AccessMode::None;
}

/// One thread's share of the pass; buffers reused from process to process.
class PeerSearch {
public:
    PeerSearch(const Sought& sought, const CancelToken& cancel) : m_sought(sought), m_cancel(cancel) {}

    /// The matches in process `pid`. False when cancelled; a process that exits or that we
    /// may not inspect holds nothing.
    bool searchProcess(Pid pid, std::vector<Match>& out)
    {
        UniqueFd dir = openAt(procRootFd(), Number(pid).text, O_DIRECTORY);
        if (!dir.valid())
            return true;
        UniqueFd fdDir = openAt(dir.get(), "fd", O_DIRECTORY);
        if (!fdDir.valid() || readNumericEntries(fdDir.get(), m_fds, m_dents) != 0)
            return true;
        const std::size_t first = out.size();
        for (std::size_t i = 0; i < m_fds.size(); ++i) {
            if (i != 0 && i % kHandlesBetweenCancelChecks == 0 && m_cancel.cancelled())
                return false;
            const Number name(m_fds[i]);
            if (int err = readLinkAt(fdDir.get(), name.text, m_link); err != 0) {
                if (err == EACCES || err == EPERM)
                    break;
                continue; // closed since the directory was listed
            }
            auto object = soughtLink(m_link, m_sought);
            if (!object && !m_sought.namedFifos.empty() && m_link.starts_with('/'))
                object = soughtFifo(fdDir.get(), name.text);
            if (!object)
                continue;
            const bool socket = object->device == pseudoDevices().sockfs;
            out.push_back({*object, pid, m_fds[i], socket ? AccessMode::Unknown : accessFromLinkMode(fdDir.get(), name.text), {}});
        }
        if (out.size() == first)
            return true;
        std::string processName;
        if (readFileAt(dir.get(), "stat", m_text) == 0)
            if (auto stat = parseStat(m_text))
                processName = stat->name;
        for (std::size_t i = first; i < out.size(); ++i)
            out[i].processName = processName;
        return true;
    }

private:
    std::optional<ObjectId> soughtFifo(int fdDir, const char* name) const
    {
        struct stat st {};
        if (::fstatat(fdDir, name, &st, 0) != 0 || !S_ISFIFO(st.st_mode))
            return std::nullopt;
        const ObjectId object{st.st_dev, st.st_ino};
        return m_sought.namedFifos.contains(object) ? std::optional(object) : std::nullopt;
    }

    const Sought& m_sought;
    const CancelToken& m_cancel;
    std::vector<std::int64_t> m_fds;
    std::vector<char> m_dents;
    std::string m_link;
    std::string m_text;
};

/// Every holder of a sought inode, on as many threads as findHolders uses.
Result<std::vector<Match>> searchMachine(const Sought& sought, const CancelToken& cancel)
{
    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("find peers: list /proc", err, -1, -1, "is /proc mounted?"));
    std::vector<std::vector<Match>> found(pids.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        PeerSearch search(sought, cancel);
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pids.size();)
            if (cancel.cancelled() || !search.searchProcess(pids[i], found[i]))
                break;
    };
    {
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < walkerCount(); ++t)
            helpers.emplace_back(work);
        work();
    }
    if (cancel.cancelled())
        return fail(cancelledError("find peers"));
    std::vector<Match> matches;
    for (auto& inProcess : found)
        for (auto& m : inProcess)
            matches.push_back(std::move(m));
    return matches;
}

/// Connected TCP/UDP sockets of the process's network namespace by their addresses.
std::unordered_map<std::string, std::uint64_t> connectionsOf(Pid pid)
{
    std::unordered_map<std::string, std::uint64_t> byConnection;
    UniqueFd dir = openAt(procRootFd(), Number(pid).text, O_DIRECTORY);
    if (!dir.valid())
        return byConnection;
    SocketResolver resolver;
    if (const SocketTable* table = resolver.tableFor(dir.get()))
        for (const auto& [inode, info] : *table)
            if (info && peers::isConnectedInet(*info))
                byConnection.emplace(peers::connectionKey(*info, false), inode);
    return byConnection;
}

/// What findPeers looks for in one process's handles.
struct Plan {
    std::vector<std::optional<ObjectId>> targets; ///< per handle: whose holders are its peers
    Sought sought;
};

Plan planFor(Pid pid, std::vector<HandleInfo>& handles)
{
    const auto& dev = pseudoDevices();
    const bool anyConnection = std::ranges::any_of(handles, [](const HandleInfo& h) {
        return h.kind == HandleKind::Socket && h.socket && peers::isConnectedInet(*h.socket);
    });
    const auto byConnection = anyConnection ? connectionsOf(pid) : std::unordered_map<std::string, std::uint64_t>{};
    const auto inetPeer = [&](const std::string& key) -> std::optional<std::uint64_t> {
        auto it = byConnection.find(key);
        return it == byConnection.end() ? std::nullopt : std::optional(it->second);
    };
    Plan plan;
    plan.targets.resize(handles.size());
    for (std::size_t i = 0; i < handles.size(); ++i) {
        handles[i].peers.clear();
        auto& target = plan.targets[i];
        if (!peers::mayBeOtherEnd(handles[i]) || !(target = peers::otherEnd(handles[i], inetPeer)))
            continue;
        if (target->device == dev.sockfs)
            plan.sought.sockets.insert(target->inode);
        else if (target->device == dev.pipefs)
            plan.sought.pipes.insert(target->inode);
        else
            plan.sought.namedFifos.insert(*target);
    }
    return plan;
}

void assignPeers(Pid pid, std::vector<HandleInfo>& handles, const Plan& plan, const std::vector<Match>& matches)
{
    // By object: a server with thousands of sockets has as many matches.
    std::map<ObjectId, std::vector<const Match*>> byObject;
    for (const Match& m : matches)
        byObject[m.object].push_back(&m);
    for (std::size_t i = 0; i < handles.size(); ++i) {
        if (!plan.targets[i])
            continue;
        auto it = byObject.find(*plan.targets[i]);
        if (it == byObject.end())
            continue;
        for (const Match* m : it->second)
            if (peers::isPeer(pid, handles[i], m->pid, m->value, m->access))
                handles[i].peers.push_back({m->pid, m->value, m->processName});
    }
}

/// A match found before that still holds: its fd still names the same pipe, socket or FIFO.
bool stillHolds(const Match& m, std::string& link)
{
    const std::string path = "/proc/" + std::to_string(m.pid) + "/fd/" + std::to_string(m.value);
    const auto& dev = pseudoDevices();
    if (m.object.device != dev.pipefs && m.object.device != dev.sockfs) {
        struct stat st {};
        return ::stat(path.c_str(), &st) == 0 && ObjectId{st.st_dev, st.st_ino} == m.object;
    }
    if (readLinkAt(AT_FDCWD, path.c_str(), link) != 0)
        return false;
    const bool pipe = m.object.device == dev.pipefs;
    return link == (pipe ? "pipe:[" : "socket:[") + std::to_string(m.object.inode) + "]";
}

void logSearch(Pid pid, const Plan& plan, std::size_t found, const char* how, std::chrono::steady_clock::time_point start)
{
    log::get("core.linux")->debug("peers of process {}: {} sockets and {} pipes sought, {} holders {} in {} ms", pid,
                                  plan.sought.sockets.size(), plan.sought.pipes.size(), found, how,
                                  std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - start).count());
}

} // namespace

} // namespace hs::linux_

namespace hs::detail {

struct PeerFinderState {
    std::mutex mutex;
    Pid pid = -1;
    linux_::Sought sought;
    std::vector<linux_::Match> matches; ///< of the pipes and sockets; named FIFOs are searched each time
    std::chrono::steady_clock::time_point searchedAt{};
};

} // namespace hs::detail

namespace hs {

Result<void> findPeers(Pid pid, std::vector<HandleInfo>& handles, const CancelToken& cancel)
{
    using namespace hs::linux_;
    const auto start = std::chrono::steady_clock::now();
    const Plan plan = planFor(pid, handles);
    std::vector<Match> matches;
    if (!plan.sought.empty()) {
        auto found = searchMachine(plan.sought, cancel);
        if (!found)
            return fail(found.error());
        matches = std::move(*found);
    }
    assignPeers(pid, handles, plan, matches);
    logSearch(pid, plan, matches.size(), "found", start);
    return {};
}

PeerFinder::PeerFinder(std::chrono::milliseconds searchEvery)
    : m_searchEvery(searchEvery), m_state(std::make_unique<detail::PeerFinderState>())
{
}

PeerFinder::~PeerFinder() = default;

Result<void> PeerFinder::find(Pid pid, std::vector<HandleInfo>& handles, const CancelToken& cancel)
{
    using namespace hs::linux_;
    const auto start = std::chrono::steady_clock::now();
    std::lock_guard lock(m_state->mutex);
    detail::PeerFinderState& last = *m_state;
    const Plan plan = planFor(pid, handles);
    const auto within = [](const std::unordered_set<std::uint64_t>& a, const std::unordered_set<std::uint64_t>& b) {
        return std::ranges::all_of(a, [&](std::uint64_t inode) { return b.contains(inode); });
    };
    const bool reuse = last.pid == pid && start - last.searchedAt < m_searchEvery &&
                       within(plan.sought.sockets, last.sought.sockets) && within(plan.sought.pipes, last.sought.pipes) &&
                       std::ranges::includes(last.sought.namedFifos, plan.sought.namedFifos);
    std::vector<Match> matches;
    if (reuse) {
        std::string link;
        std::erase_if(last.matches, [&](const Match& m) { return !stillHolds(m, link); });
        matches = last.matches;
    } else {
        last.pid = -1; // until this search completes
        if (!plan.sought.empty()) {
            auto found = searchMachine(plan.sought, cancel);
            if (!found)
                return fail(found.error());
            matches = std::move(*found);
        }
        last.pid = pid;
        last.sought = plan.sought;
        last.matches = matches;
        last.searchedAt = start;
    }
    assignPeers(pid, handles, plan, matches);
    logSearch(pid, plan, matches.size(), reuse ? "checked again" : "found", start);
    return {};
}

} // namespace hs
