// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/error.h"

#include <chrono>
#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs {

using Pid = std::int64_t;
using HandleValue = std::int64_t;

enum class ProcessState : std::uint8_t {
    Running,
    Sleeping,
    DiskSleep,     ///< uninterruptible (D): cannot be interrupted for injection
    Stopped,
    Traced,
    Zombie,
    Dead,
    Idle,
    KernelThread,  ///< has no user space and no fds
    Unknown,
};
std::string_view toString(ProcessState state);

/// A pid alone is not an identity: pids are reused. (pid, start time) is.
struct ProcessKey {
    Pid pid = -1;
    std::uint64_t startTime = 0;
    auto operator<=>(const ProcessKey&) const = default;
};

struct ProcessInfo {
    Pid pid = -1;
    Pid parentPid = -1;
    /// Linux: clock ticks since boot (field 22 of /proc/PID/stat); Windows: FILETIME.
    std::uint64_t startTime = 0;
    /// Wall-clock start, derived from startTime, for display.
    std::chrono::system_clock::time_point started{};
    std::string name;         ///< short name (comm / image name), may hold any bytes
    std::string executable;   ///< full path, empty if unreadable
    std::string commandLine;  ///< arguments joined by spaces, empty if unreadable
    std::string user;         ///< user name, or the numeric id if it has no name
    std::int64_t uid = -1;
    std::int64_t session = -1; ///< Windows session id; Linux session id
    ProcessState state = ProcessState::Unknown;
    std::int64_t handleCount = -1; ///< -1 when it could not be read
    /// Why the handles cannot be read (permission), so a UI can grey the row and say why.
    std::optional<Error> accessError;

    [[nodiscard]] ProcessKey key() const { return {pid, startTime}; }
};

/// What kind of object a handle refers to. Linux fd kinds first, then Windows object
/// types that have no Linux counterpart. `HandleInfo::typeName` always holds the exact
/// name the OS uses (e.g. "anon_inode:[eventfd]" subtype, or the NT type name).
enum class HandleKind : std::uint8_t {
    RegularFile,
    Directory,
    CharDevice,
    BlockDevice,
    Fifo,        ///< pipes and named FIFOs
    Socket,
    EventFd,
    TimerFd,
    SignalFd,
    Epoll,
    Inotify,
    Fanotify,
    PidFd,
    MemFd,
    IoUring,
    AnonInode,   ///< any other anonymous inode (bpf-map, perf_event, userfaultfd...)
    // Windows object types
    Process,
    Thread,
    Event,
    Mutex,
    Semaphore,
    Section,
    Key,
    Token,
    Timer,
    Job,
    IoCompletion,
    AlpcPort,
    ObjectDirectory,
    SymbolicLink,
    Desktop,
    WindowStation,
    Other,       ///< a known OS type we have no enum for (see typeName)
    Unknown,
};
inline constexpr int HandleKindCount = static_cast<int>(HandleKind::Unknown) + 1;
std::string_view toString(HandleKind kind);   ///< stable id used in JSON/CSV: "file", "eventfd"...
std::string_view displayName(HandleKind kind); ///< for people: "Regular file", "Event fd"...
std::optional<HandleKind> handleKindFromString(std::string_view id);

enum class AccessMode : std::uint8_t { Unknown, None, Read, Write, ReadWrite };
std::string_view toString(AccessMode mode); ///< "r", "w", "rw", "-", "?"

/// Identity of the object behind a handle. Linux: (st_dev, st_ino) of the open file
/// (sockets and pipes: their pseudo filesystem's device and inode). Windows: the kernel
/// object address when the OS gives it (device = 0), else an id derived by comparison.
/// Anonymous inodes all share one inode on Linux, so for them identity says "same kind"
/// only; `sharedInode` is set to tell a UI not to group by it.
struct ObjectId {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    bool sharedInode = false;
    [[nodiscard]] bool valid() const { return device != 0 || inode != 0; }
    bool operator==(const ObjectId& o) const { return device == o.device && inode == o.inode; }
    auto operator<=>(const ObjectId& o) const
    {
        if (auto c = device <=> o.device; c != 0)
            return c;
        return inode <=> o.inode;
    }
};
std::string toString(const ObjectId& id); ///< "8:1:1234" style: major:minor:inode, or hex address

struct SocketInfo {
    std::string family;   ///< "unix", "inet", "inet6", "netlink", "packet", "unknown"
    std::string protocol; ///< "tcp", "udp", "stream", "dgram", "seqpacket", "raw", netlink name
    std::string localAddress;  ///< "127.0.0.1:8080", "/run/x.sock", "@abstract"
    std::string remoteAddress; ///< peer address, empty if none
    std::string state;         ///< "LISTEN", "ESTABLISHED", "UNCONNECTED", ...
    std::uint64_t peerInode = 0; ///< UNIX sockets: the other end's inode, 0 if unknown
    bool operator==(const SocketInfo&) const = default;
};

/// A handle of another (or the same) process that holds the other end of a pipe, a UNIX
/// socket or a TCP/UDP connection between two sockets of this machine: "Xvfb (2249) fd 8".
struct PeerEnd {
    Pid pid = -1;
    HandleValue value = -1;
    std::string processName;
    bool operator==(const PeerEnd&) const = default;
};

/// One handle. A whole-machine snapshot holds 100,000 of these, so the layout is kept
/// compact: small fields together, the socket endpoints shared with the snapshot's table.
struct HandleInfo {
    HandleValue value = -1;
    Pid referencedPid = -1;              ///< pidfd's pid / Windows process handle's pid
    std::string typeName;       ///< OS name: "REG", "socket", "pipe", "eventfd" (anon inode subtype), "Event"
    std::string name;           ///< path, "pipe:[123]", endpoint text, object name
    ObjectId object;
    std::optional<std::uint64_t> offset; ///< file position, when the kind has one
    std::optional<std::uint32_t> openFlags; ///< Linux: raw O_* flags from fdinfo (Full); named by openFlagNames
    std::optional<std::int64_t> mountId;    ///< Linux: the mount's id, fdinfo's mnt_id (Full)
    std::uint32_t grantedAccess = 0;     ///< Windows: ACCESS_MASK
    HandleKind kind = HandleKind::Unknown;
    AccessMode access = AccessMode::Unknown;
    std::optional<bool> inheritable;     ///< Linux: !O_CLOEXEC; Windows: OBJ_INHERIT
    bool deleted = false;                ///< the file was unlinked (" (deleted)" on Linux)
    bool protectFromClose = false;       ///< Windows: OBJ_PROTECT_CLOSE
    /// Endpoints of a socket (null for other kinds). Shared and immutable: many handles of a
    /// snapshot point at one table entry instead of copying five strings each.
    std::shared_ptr<const SocketInfo> socket;
    std::string accessText;              ///< Windows: decoded rights; Linux: empty
    /// Type-specific details: eventfd count, timerfd settings, epoll targets, inotify watches.
    std::vector<std::pair<std::string, std::string>> extras;
    /// Why part of this row (name, fdinfo) could not be read; the rest is still valid.
    std::string partialError;
    /// Who holds the other end (handlescope/peers.h fills it; empty when not looked up or
    /// none): a relation to other handles, so operator== leaves it out.
    std::vector<PeerEnd> peers;

    /// Equal values, socket endpoints compared by value.
    bool operator==(const HandleInfo& o) const;
};

/// How much to read per handle. Fast: what one readlink (plus a stat for paths) and the
/// per-snapshot socket tables give: value, kind, name, endpoints, and identity for paths,
/// sockets and pipes. Full: also fdinfo (access, inheritable, offset, flags, extras) and
/// identity for memfds and anonymous inodes: several times slower per handle. (Windows: see listHandles.)
enum class Detail : std::uint8_t { Fast, Full };

struct ProcessHandles {
    ProcessInfo process;
    std::vector<HandleInfo> handles; ///< sorted by value
};

/// The whole machine at one moment.
struct Snapshot {
    std::chrono::system_clock::time_point takenAt{};
    std::chrono::nanoseconds duration{};
    Detail detail = Detail::Fast;
    /// What read it: "bpf-iter" (Linux: a BPF task_file iterator, used when it loads; Full
    /// detail costs it no more than Fast), "procfs" (Linux: /proc), "windows".
    /// HANDLESCOPE_SNAPSHOT_BACKEND=procfs|bpf-iter forces a Linux backend.
    std::string backend;
    std::vector<ProcessHandles> processes; ///< sorted by pid
    [[nodiscard]] std::size_t handleCount() const;
    [[nodiscard]] const ProcessHandles* findProcess(Pid pid) const;
};

} // namespace hs
