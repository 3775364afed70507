// SPDX-License-Identifier: MIT
// The fds hs_fd_helper (fd_helper.cpp) opens at start-up, unless started with --bare:
// their numbers, and what an inspector must report for each. The helper builds them from
// these constants and the tests assert against them. Plain C++: the helper links no Qt.
#pragma once

#include <array>
#include <csignal>
#include <string_view>

namespace hstest::layout {

/// The fd numbers. Every fd but AppendNoCloexec has FD_CLOEXEC. "dir" is the helper's
/// private temporary directory (mkdtemp), named in its ready line and removed on exit.
enum Fd : int {
    File = 10, ///< dir/kFileName, O_RDWR, kFileText, offset kFileOffset
    Deleted = 11, ///< dir/kDeletedName, O_RDWR, unlinked
    Dir = 12, ///< dir, O_RDONLY|O_DIRECTORY
    PipeRead = 13, ///< watched by Epoll
    PipeWrite = 14, ///< the same pipe's write end, O_NONBLOCK
    PairA = 15, ///< socketpair(AF_UNIX, SOCK_STREAM)
    PairB = 16, ///< its other end
    TcpListen = 17, ///< 127.0.0.1:<tcp port of the ready line>, LISTEN
    TcpClient = 18, ///< connected to TcpListen
    TcpServer = 19, ///< TcpListen's accepted side of that connection
    Udp = 20, ///< 127.0.0.1:<udp port of the ready line>
    UnixListen = 21, ///< dir/kSocketName, listening
    EventFd = 22, ///< count kEventFdCount
    TimerFd = 23, ///< CLOCK_MONOTONIC, first expiry kTimerFirstSeconds, interval kTimerIntervalSeconds
    Epoll = 24, ///< watches PipeRead and EventFd
    Inotify = 25, ///< watches dir (IN_CREATE | IN_DELETE)
    MemFd = 26, ///< memfd kMemFdName holding kMemFdText, offset at its end
    PidFd = 27, ///< a pidfd of the helper itself
    OddName = 28, ///< dir/kOddName, O_RDONLY
    DevNull = 29, ///< /dev/null, O_RDONLY
    AppendNoCloexec = 30, ///< dir/kAppendName, O_WRONLY|O_APPEND, inheritable, kAppendText, offset at its end
    SignalFd = 31, ///< kSignal (blocked in the helper)
};
inline constexpr int kFirstFd = File;
inline constexpr int kLastFd = SignalFd;

inline constexpr std::string_view kFileName = "data.txt";
inline constexpr std::string_view kFileText = "hello world";
inline constexpr long long kFileOffset = 5;
inline constexpr std::string_view kDeletedName = "gone.txt";
inline constexpr std::string_view kSocketName = "hs.sock";
inline constexpr std::string_view kOddName = "odd (name), with\nnewline";
inline constexpr std::string_view kAppendName = "append.log";
inline constexpr std::string_view kAppendText = "abc";
inline constexpr std::string_view kMemFdName = "hs-memfd";
inline constexpr std::string_view kMemFdText = "data";
inline constexpr unsigned kEventFdCount = 7;
inline constexpr long kTimerFirstSeconds = 100;
inline constexpr long kTimerIntervalSeconds = 1;
/// SIGUSR2, not SIGUSR1: the helper counts SIGUSR1 with a handler (its "signals" command).
inline constexpr int kSignal = SIGUSR2;

/// What an inspector reports for one fd of the layout.
struct FdSpec {
    Fd fd;
    std::string_view tag; ///< a short name, for data-driven test rows
    std::string_view kind; ///< the core's kind id (toString(HandleKind)), the CLI's "type"
    std::string_view name; ///< the link text, "$D" standing for dir; "" when it varies (pipe:[ino]...)
    std::string_view access; ///< the core's access id (toString(AccessMode)): "r", "w", "rw"
    bool inheritable; ///< no FD_CLOEXEC
    long long offset; ///< the file position; -1 for kinds without one
    bool deleted; ///< the link ends in " (deleted)"
};

inline constexpr std::array<FdSpec, kLastFd - kFirstFd + 1> kFds { {
    { File, "file", "file", "$D/data.txt", "rw", false, kFileOffset, false },
    { Deleted, "deleted", "file", "$D/gone.txt", "rw", false, 0, true },
    { Dir, "dir", "dir", "$D", "r", false, 0, false },
    { PipeRead, "pipe-read", "fifo", "", "r", false, -1, false },
    { PipeWrite, "pipe-write", "fifo", "", "w", false, -1, false },
    { PairA, "pair-a", "socket", "", "rw", false, -1, false },
    { PairB, "pair-b", "socket", "", "rw", false, -1, false },
    { TcpListen, "tcp-listen", "socket", "", "rw", false, -1, false },
    { TcpClient, "tcp-client", "socket", "", "rw", false, -1, false },
    { TcpServer, "tcp-server", "socket", "", "rw", false, -1, false },
    { Udp, "udp", "socket", "", "rw", false, -1, false },
    { UnixListen, "unix-listen", "socket", "", "rw", false, -1, false },
    { EventFd, "eventfd", "eventfd", "anon_inode:[eventfd]", "rw", false, -1, false },
    { TimerFd, "timerfd", "timerfd", "anon_inode:[timerfd]", "rw", false, -1, false },
    { Epoll, "epoll", "epoll", "anon_inode:[eventpoll]", "rw", false, -1, false },
    { Inotify, "inotify", "inotify", "anon_inode:inotify", "r", false, -1, false },
    { MemFd, "memfd", "memfd", "/memfd:hs-memfd", "rw", false, static_cast<long long>(kMemFdText.size()), true },
    { PidFd, "pidfd", "pidfd", "", "rw", false, -1, false },
    { OddName, "odd-name", "file", "$D/odd (name), with\nnewline", "r", false, 0, false },
    { DevNull, "devnull", "chr", "/dev/null", "r", false, 0, false },
    { AppendNoCloexec, "append", "file", "$D/append.log", "w", true, static_cast<long long>(kAppendText.size()),
        false },
    { SignalFd, "signalfd", "signalfd", "anon_inode:[signalfd]", "rw", false, -1, false },
} };

/// The entry for `fd` (every Fd has one, in order).
constexpr const FdSpec& spec(Fd fd)
{
    return kFds[static_cast<std::size_t>(fd - kFirstFd)];
}

static_assert(
    [] {
        for (int fd = kFirstFd; fd <= kLastFd; ++fd)
            if (kFds[static_cast<std::size_t>(fd - kFirstFd)].fd != fd)
                return false;
        return true;
    }(),
    "kFds lists every fd once, in order");

} // namespace hstest::layout
