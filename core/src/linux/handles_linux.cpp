// SPDX-License-Identifier: MIT
// The fds of one process from /proc/PID/fd (one readlink each), /proc/PID/fdinfo (Full
// detail only) and a statx for fds that name a path.
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include "errno_linux.h"
#include "identity_linux.h"
#include "proc_parse.h"
#include "proc_walk.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <unordered_set>

namespace hs::linux_ {

HandleKind kindFromMode(std::uint32_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return HandleKind::RegularFile;
    case S_IFDIR: return HandleKind::Directory;
    case S_IFCHR: return HandleKind::CharDevice;
    case S_IFBLK: return HandleKind::BlockDevice;
    case S_IFIFO: return HandleKind::Fifo;
    case S_IFSOCK: return HandleKind::Socket;
    default: return HandleKind::Unknown;
    }
}

const char* typeNameFromMode(std::uint32_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "REG";
    case S_IFDIR: return "DIR";
    case S_IFCHR: return "CHR";
    case S_IFBLK: return "BLK";
    case S_IFIFO: return "FIFO";
    case S_IFSOCK: return "SOCK";
    case S_IFLNK: return "LNK";
    default: return "UNKN";
    }
}

bool hasOffset(HandleKind k)
{
    return k == HandleKind::RegularFile || k == HandleKind::Directory || k == HandleKind::BlockDevice ||
           k == HandleKind::CharDevice || k == HandleKind::MemFd;
}

namespace {

// A snapshot writes a lot of fresh memory, and in a VM each page fault is an expensive
// exit. One MADV_POPULATE_WRITE per large buffer maps its pages in one call, which costs
// less than faulting them one by one; where the kernel lacks it (before 5.14) nothing changes.
void prefault(void* begin, std::size_t bytes)
{
    constexpr std::size_t kPage = 4096;
    if (bytes < 16 * kPage)
        return;
    const auto first = (reinterpret_cast<std::uintptr_t>(begin) + kPage - 1) & ~(kPage - 1);
    const auto last = (reinterpret_cast<std::uintptr_t>(begin) + bytes) & ~(kPage - 1);
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
}

struct FdName {
    char text[24];
    explicit FdName(HandleValue fd)
    {
        auto [end, ec] = std::to_chars(text, text + sizeof text - 1, fd);
        *end = '\0';
    }
};

} // namespace


bool ProcWalker::statPath(int fdDir, int procPidFd, const char* name, const LinkInfo& li, HandleInfo& h)
{
    const bool cacheable = m_cachePaths && li.isPath && !li.deleted;
    if (cacheable) {
        if (!m_processPathStats) {
            struct stat ns {};
            const std::uint64_t mntns = ::fstatat(procPidFd, "ns/mnt", &ns, 0) == 0 ? ns.st_ino : 0;
            m_processPathStats = &m_pathStats[mntns];
        }
        if (auto it = m_processPathStats->find(std::string_view(h.name)); it != m_processPathStats->end()) {
            h.object = it->second.object;
            h.kind = kindFromMode(it->second.mode);
            h.typeName = typeNameFromMode(it->second.mode);
            return true;
        }
    }
    struct statx sx {};
    if (::statx(fdDir, name, AT_STATX_DONT_SYNC, STATX_TYPE | STATX_INO, &sx) != 0) {
        if (errno == ENOENT) {
            m_lastError = ENOENT;
            return false;
        }
        h.partialError = errnoError("stat fd", errno, -1, h.value).message();
        return true;
    }
    h.object = {makedev(sx.stx_dev_major, sx.stx_dev_minor), sx.stx_ino};
    if (li.isPath) {
        h.kind = kindFromMode(sx.stx_mode);
        h.typeName = typeNameFromMode(sx.stx_mode);
    }
    if (cacheable) // keyed on the name inside h: see PathStats
        m_processPathStats->emplace(std::string_view(h.name), PathStat{sx.stx_mode, h.object});
    return true;
}

bool ProcWalker::readOneHandle(int fdDir, int fdinfoDir, int procPidFd, HandleValue fd, Detail detail, HandleInfo& h)
{
    const FdName name(fd);
    if (int err = readLinkAt(fdDir, name.text, m_link); err != 0) {
        m_lastError = err; // ENOENT: closed since the directory was listed
        return false;
    }
    LinkInfo li = classifyLink(m_link);
    h.value = fd;
    h.kind = li.kind;
    h.deleted = li.deleted;
    h.name = std::move(li.name);
    h.typeName = std::move(li.typeName);
    const auto& dev = pseudoDevices();

    const bool anon = h.kind >= HandleKind::EventFd && h.kind <= HandleKind::AnonInode && h.kind != HandleKind::MemFd;
    // Fast detail stats only what names a path; memfds and anonymous inodes (a large share
    // of the stats on a busy machine) get their identity in Full detail.
    if (li.isPath || ((anon || h.kind == HandleKind::MemFd) && detail == Detail::Full)) {
        if (!statPath(fdDir, procPidFd, name.text, li, h))
            return false;
        h.object.sharedInode = anon && h.object.inode == dev.anonSharedInode;
    } else if (h.kind == HandleKind::Socket) {
        h.object = {dev.sockfs, li.inode};
        // Reading one process, h.socket is filled in by resolveSocketsOfOneProcess().
        if (!readsOneProcess() && !m_processSockets && !m_socketsDeferred) {
            m_processSockets = m_sockets->tableFor(procPidFd, !m_deferSockets);
            m_socketsDeferred = !m_processSockets; // table still loading: filled in later
        }
        if (m_processSockets)
            h.socket = SocketResolver::findOrUnknown(*m_processSockets, li.inode);
    } else if (h.kind == HandleKind::Fifo) {
        h.object = {dev.pipefs, li.inode};
    } else if (h.kind == HandleKind::Other && li.inode) {
        h.object = {0, li.inode}; // namespace files: nsfs inode
    }

    if (detail == Detail::Full && fdinfoDir >= 0)
        addFdInfo(fdinfoDir, name.text, h);
    return true;
}

void ProcWalker::addFdInfo(int fdinfoDir, const char* name, HandleInfo& h)
{
    if (int err = readFileAt(fdinfoDir, name, m_text); err != 0) {
        if (err != ENOENT)
            h.partialError = errnoError("read fdinfo", err, -1, h.value).message();
        return;
    }
    FdInfo info = parseFdInfo(m_text);
    if (info.flags) {
        h.openFlags = *info.flags;
        h.access = accessFromFlags(*info.flags);
        h.inheritable = (*info.flags & O_CLOEXEC) == 0;
    }
    if (info.pos && hasOffset(h.kind))
        h.offset = *info.pos;
    h.mountId = info.mntId;
    for (auto& [key, value] : info.extras) {
        if (h.kind == HandleKind::PidFd && key == "Pid") {
            std::int64_t pid = -1;
            std::from_chars(value.data(), value.data() + value.size(), pid);
            h.referencedPid = pid;
            h.extras.emplace_back("pid", value);
        } else if (key == "eventfd-count") {
            // Printed as hex ("%16llx"); a person wants the number.
            std::uint64_t count = 0;
            std::from_chars(value.data(), value.data() + value.size(), count, 16);
            h.extras.emplace_back("count", std::to_string(count));
        } else if (key == "it_value" || key == "it_interval") {
            h.extras.emplace_back(key, formatTimespecPair(value));
        } else if (key == "tfd") {
            // "5 events: 19 data: ..." -> ("watch fd 5", "events: 19 data: ...")
            auto space = value.find(' ');
            h.extras.emplace_back("watch fd " + value.substr(0, space),
                                  space == std::string::npos ? std::string() : value.substr(space + 1));
        } else if (key == "inotify wd") {
            auto space = value.find(' ');
            h.extras.emplace_back("watch " + value.substr(0, space),
                                  space == std::string::npos ? std::string() : value.substr(space + 1));
        } else {
            h.extras.emplace_back(std::move(key), std::move(value));
        }
    }
}

void ProcWalker::resolveSocketsOfOneProcess(int procPidFd, HandleInfo* begin, HandleInfo* end)
{
    std::unordered_set<std::uint64_t> inodes;
    for (auto* h = begin; h != end; ++h)
        if (h->kind == HandleKind::Socket)
            inodes.insert(h->object.inode);
    if (inodes.empty())
        return;
    const SocketTable table = m_sockets->tableOf(procPidFd, inodes);
    for (auto* h = begin; h != end; ++h)
        if (h->kind == HandleKind::Socket)
            h->socket = SocketResolver::findOrUnknown(table, h->object.inode);
}

Result<void> ProcWalker::readHandles(int procPidFd, Pid pid, Detail detail, std::vector<HandleInfo>& out,
                                     const CancelToken& cancel)
{
    m_processSockets = nullptr;
    m_socketsDeferred = false;
    m_processPathStats = nullptr;
    UniqueFd fdDir = openAt(procPidFd, "fd", O_DIRECTORY);
    if (!fdDir.valid())
        return fail(errnoError("open /proc/" + std::to_string(pid) + "/fd", errno == ENOENT ? ESRCH : errno, pid));
    // A process that exits between the open and the listing gives ENOENT here: it is gone
    // (ESRCH), which callers skip, not a failure to read it.
    if (int err = readNumericEntries(fdDir.get(), m_numbers, m_dents); err != 0)
        return fail(errnoError("list /proc/" + std::to_string(pid) + "/fd", err == ENOENT ? ESRCH : err, pid));
    UniqueFd fdinfoDir;
    if (detail == Detail::Full)
        fdinfoDir = openAt(procPidFd, "fdinfo", O_DIRECTORY);
    const std::size_t first = out.size();
    out.reserve(out.size() + m_numbers.size());
    prefault(out.data() + out.size(), (out.capacity() - out.size()) * sizeof(HandleInfo));
    // The caller drops what we read on failure; the path cache may view names in it.
    auto forgetNames = [this] {
        if (m_processPathStats)
            m_processPathStats->clear();
    };
    for (std::size_t i = 0; i < m_numbers.size(); ++i) {
        if (i % kHandlesBetweenCancelChecks == 0 && cancel.cancelled()) {
            forgetNames();
            return fail(cancelledError("read handles"));
        }
        const HandleValue fd = m_numbers[i];
        HandleInfo& h = out.emplace_back();
        if (!readOneHandle(fdDir.get(), fdinfoDir.get(), procPidFd, fd, detail, h)) {
            out.pop_back();
            // The fd list can be readable while the links are not (a process we may not
            // ptrace-read, e.g. a non-dumpable one): that is a permission error, not "no fds".
            if (m_lastError == EACCES || m_lastError == EPERM) {
                forgetNames();
                return fail(errnoError("read fd link /proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd),
                                       m_lastError, pid, fd));
            }
        }
    }
    if (readsOneProcess() && !m_deferSockets)
        resolveSocketsOfOneProcess(procPidFd, out.data() + first, out.data() + out.size());
    return {};
}

Result<HandleInfo> ProcWalker::readHandle(int procPidFd, Pid pid, HandleValue fd, Detail detail)
{
    m_processSockets = nullptr;
    m_socketsDeferred = false;
    m_processPathStats = nullptr;
    UniqueFd fdDir = openAt(procPidFd, "fd", O_DIRECTORY);
    if (!fdDir.valid())
        return fail(errnoError("open /proc/" + std::to_string(pid) + "/fd", errno == ENOENT ? ESRCH : errno, pid, fd));
    UniqueFd fdinfoDir;
    if (detail == Detail::Full)
        fdinfoDir = openAt(procPidFd, "fdinfo", O_DIRECTORY);
    HandleInfo h;
    m_lastError = 0;
    if (!readOneHandle(fdDir.get(), fdinfoDir.get(), procPidFd, fd, detail, h)) {
        if (m_lastError == EACCES || m_lastError == EPERM)
            return fail(errnoError("read fd link", m_lastError, pid, fd));
        return fail(errnoError("read handle", EBADF, pid, fd,
                               "fd " + std::to_string(fd) + " is not open in pid " + std::to_string(pid) +
                                   "; 'handlescope-cli handles " + std::to_string(pid) + "' lists the open ones"));
    }
    if (readsOneProcess() && !m_deferSockets)
        resolveSocketsOfOneProcess(procPidFd, &h, &h + 1);
    return h;
}

} // namespace hs::linux_

namespace hs {

namespace {
// Opens the process and refuses zombies and kernel threads with a reason.
Result<linux_::UniqueFd> openForHandles(linux_::ProcWalker& walker, Pid pid)
{
    auto dir = walker.openProcess(pid);
    if (!dir)
        return fail(dir.error());
    auto p = walker.readProcess(dir->get(), pid, false);
    if (!p)
        return fail(p.error());
    if (auto reason = linux_::noHandlesReason(*p))
        return fail(*reason);
    return std::move(*dir);
}
} // namespace

Result<std::vector<HandleInfo>> listHandles(Pid pid, Detail detail, const CancelToken& cancel)
{
    if (cancel.cancelled())
        return fail(cancelledError("read handles"));
    linux_::ProcWalker walker;
    auto dir = openForHandles(walker, pid);
    if (!dir)
        return fail(dir.error());
    std::vector<HandleInfo> handles;
    if (auto r = walker.readHandles(dir->get(), pid, detail, handles, cancel); !r) {
        log::get("core.linux")->debug("list handles of pid {}: {}", pid, r.error().message());
        return fail(r.error());
    }
    // trace, not debug: the desktop app reads the selected process on every refresh, and a
    // line each time would bury the log panel and keep its scroll bar repainting.
    log::get("core.linux")->trace("listed {} handles of pid {}", handles.size(), pid);
    return handles;
}

Result<HandleInfo> handleInfo(Pid pid, HandleValue handle)
{
    linux_::ProcWalker walker;
    auto dir = openForHandles(walker, pid);
    if (!dir)
        return fail(dir.error());
    return walker.readHandle(dir->get(), pid, handle);
}

} // namespace hs
