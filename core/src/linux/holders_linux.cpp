// SPDX-License-Identifier: MIT
// The holders of one object without a snapshot: every fd of the machine is compared with
// the object by identity alone, one readlink (sockets, pipes) or one statx (anything else)
// per fd, and only the fds that match are read. Nothing is kept of the others.
#include "handlescope/find.h"
#include "handlescope/log.h"

#include "errno_linux.h"
#include "identity_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <iterator>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace hs::linux_ {

namespace {

// How an fd is compared with the object, chosen the way handles_linux.cpp makes the
// identity of a handle (readOneHandle), so that both agree.
class Matcher {
public:
    enum class Answer { No, Yes, Denied };

    explicit Matcher(const ObjectId& object)
        : m_object(object)
    {
        const auto& dev = pseudoDevices();
        // Sockets and pipes: (pseudo device, the inode the link text names), no stat.
        if (dev.sockfs != 0 && object.device == dev.sockfs)
            m_linkText = "socket:[" + std::to_string(object.inode) + "]";
        else if (dev.pipefs != 0 && object.device == dev.pipefs)
            m_linkText = "pipe:[" + std::to_string(object.inode) + "]";
        else if (object.device == 0) // namespace files: (0, the inode of "net:[N]")
            m_by = By::LinkInode;
        else
            m_by = By::Stat;
    }

    Answer compare(int fdDir, const char* name)
    {
        if (m_by == By::Stat) {
            struct statx sx {};
            if (::statx(fdDir, name, AT_STATX_DONT_SYNC, STATX_INO, &sx) != 0)
                return deniedOr(errno);
            const bool same = makedev(sx.stx_dev_major, sx.stx_dev_minor) == m_object.device && sx.stx_ino == m_object.inode;
            return same ? Answer::Yes : Answer::No;
        }
        if (int err = readLinkAt(fdDir, name, m_link); err != 0)
            return deniedOr(err);
        if (m_by == By::LinkText)
            return m_link == m_linkText ? Answer::Yes : Answer::No;
        const LinkInfo li = classifyLink(m_link);
        return li.kind == HandleKind::Other && li.inode == m_object.inode ? Answer::Yes : Answer::No;
    }

private:
    enum class By { LinkText, LinkInode, Stat };
    // ENOENT: the fd was closed since the directory was listed.
    static Answer deniedOr(int err) { return err == EACCES || err == EPERM ? Answer::Denied : Answer::No; }

    ObjectId m_object;
    By m_by = By::LinkText;
    std::string m_linkText;
    std::string m_link;
};

struct FdName {
    char text[24];
    explicit FdName(std::int64_t n)
    {
        auto [end, ec] = std::to_chars(text, text + sizeof text - 1, n);
        *end = '\0';
    }
};

// Anonymous inodes (epoll, signalfd, most eventfds) all share one inode: "the same
// object" would mean "the same kind".
bool identityIsShared(const ObjectId& object)
{
    const auto& dev = pseudoDevices();
    return object.sharedInode || (dev.anon != 0 && object.device == dev.anon && object.inode == dev.anonSharedInode);
}

// Every holder names the same socket: its endpoints are read once, by the first thread
// that finds one.
class SharedSocket {
public:
    explicit SharedSocket(std::uint64_t inode) : m_inode(inode) {}
    std::shared_ptr<const SocketInfo> get(int procPidFd)
    {
        std::lock_guard lock(m_mutex);
        if (!m_info) {
            const std::unordered_set<std::uint64_t> inodes{m_inode};
            SocketResolver resolver;
            m_info = SocketResolver::findOrUnknown(resolver.tableOf(procPidFd, inodes), m_inode);
        }
        return m_info;
    }

private:
    std::mutex m_mutex;
    std::uint64_t m_inode;
    std::shared_ptr<const SocketInfo> m_info;
};

// One thread's share of the search; the buffers are reused from process to process.
class HolderSearch {
public:
    HolderSearch(const ObjectId& object, const CancelToken& cancel, SharedSocket& socket)
        : m_object(object), m_matcher(object), m_cancel(cancel), m_socket(socket)
    {
        m_walker.deferSockets(true); // filled in from m_socket
    }

    /// The holders in process `pid`, in fd order. False when cancelled. A process that
    /// exits, or whose fds we may not read, holds nothing.
    bool searchProcess(Pid pid, std::vector<Holder>& out)
    {
        UniqueFd dir = openAt(procRootFd(), FdName(pid).text, O_DIRECTORY);
        if (!dir.valid())
            return true;
        UniqueFd fdDir = openAt(dir.get(), "fd", O_DIRECTORY);
        if (!fdDir.valid() || readNumericEntries(fdDir.get(), m_fds, m_dents) != 0)
            return true;
        m_matched.clear();
        for (std::size_t i = 0; i < m_fds.size(); ++i) {
            if (i != 0 && i % kHandlesBetweenCancelChecks == 0 && m_cancel.cancelled())
                return false;
            const auto answer = m_matcher.compare(fdDir.get(), FdName(m_fds[i]).text);
            if (answer == Matcher::Answer::Denied)
                break;
            if (answer == Matcher::Answer::Yes)
                m_matched.push_back(m_fds[i]);
        }
        compared += m_fds.size();
        if (!m_matched.empty())
            readMatches(dir.get(), pid, out);
        return true;
    }

    std::size_t compared = 0; ///< fds compared, for the log

private:
    void readMatches(int procPidFd, Pid pid, std::vector<Holder>& out)
    {
        if (readFileAt(procPidFd, "stat", m_text) != 0)
            return;
        auto stat = parseStat(m_text);
        if (!stat)
            return;
        for (auto fd : m_matched) {
            auto h = m_walker.readHandle(procPidFd, pid, fd, Detail::Fast);
            if (!h)
                continue; // closed since it was compared
            if (h->object.valid() && h->object != m_object)
                continue; // closed, and the number reused for another object
            if (!h->object.valid())
                h->object = m_object; // Fast stats no memfd or anonymous inode: the comparison did
            if (h->kind == HandleKind::Socket)
                h->socket = m_socket.get(procPidFd);
            out.push_back({ProcessKey{pid, stat->startTime}, stat->name, std::move(*h)});
        }
    }

    ObjectId m_object;
    Matcher m_matcher;
    const CancelToken& m_cancel;
    SharedSocket& m_socket;
    ProcWalker m_walker;
    std::vector<std::int64_t> m_fds;
    std::vector<char> m_dents;
    std::vector<HandleValue> m_matched;
    std::string m_text;
};

} // namespace

} // namespace hs::linux_

namespace hs {

Result<std::vector<Holder>> findHolders(const ObjectId& object, const CancelToken& cancel)
{
    using namespace hs::linux_;
    const auto start = std::chrono::steady_clock::now();
    if (cancel.cancelled())
        return fail(cancelledError("find holders"));
    std::vector<Holder> holders;
    if (!object.valid())
        return holders; // nothing refers to "no identity"
    if (identityIsShared(object))
        return fail(Error{.operation = "find holders of " + toString(object),
                          .osCode = EINVAL,
                          .osName = "EINVAL",
                          .osText = "every anonymous inode of this kind shares this identity",
                          .hint = "an epoll, signalfd or eventfd has no identity of its own; "
                                  "look at the process that holds it instead"});

    std::vector<std::int64_t> pids;
    std::vector<char> dents;
    if (int err = readNumericEntries(procRootFd(), pids, dents); err != 0)
        return fail(errnoError("list /proc", err, -1, -1, "is /proc mounted?"));

    // As in a snapshot: one thread per core, each taking the next process not yet taken,
    // started here so that they run with the calling thread's scheduling policy.
    std::vector<std::vector<Holder>> found(pids.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> compared{0};
    SharedSocket socket(object.inode);
    auto work = [&] {
        HolderSearch search(object, cancel, socket);
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pids.size();)
            if (cancel.cancelled() || !search.searchProcess(pids[i], found[i]))
                break;
        compared += search.compared;
    };
    const unsigned threads = walkerCount();
    {
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < threads; ++t)
            helpers.emplace_back(work);
        work();
    }
    if (cancel.cancelled()) // some processes may not have been searched
        return fail(cancelledError("find holders"));
    for (auto& inProcess : found)
        std::move(inProcess.begin(), inProcess.end(), std::back_inserter(holders));
    log::get("core.linux")->debug("holders of {}: {} handles, {} fds of {} processes compared in {} ms",
                                  toString(object), holders.size(), compared.load(), pids.size(),
                                  std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - start).count());
    return holders;
}

} // namespace hs
