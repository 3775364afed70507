// SPDX-License-Identifier: MIT
#pragma once

// Low-level /proc reading with as few syscalls and allocations as possible: directory fds
// held open (a held /proc/PID fd never crosses into a recycled pid), getdents64 into a
// reused buffer, small files read with one read() into a reused string.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace hs::linux_ {

/// An owned file descriptor.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& o) noexcept : m_fd(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept
    {
        if (this != &o)
            reset(o.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool valid() const { return m_fd >= 0; }
    int release()
    {
        int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

/// openat(dirfd, path, O_RDONLY|O_CLOEXEC|extra). Returns an invalid fd and sets errno on failure.
UniqueFd openAt(int dirfd, const char* path, int extraFlags = 0);

/// Reads a whole small file at dirfd/path into `out` (reused). Returns 0 or an errno.
int readFileAt(int dirfd, const char* path, std::string& out);

/// Reads the entries of an open directory whose names are decimal numbers (pids, fds),
/// sorted ascending. Returns 0 or an errno. `buffer` is reused between calls.
int readNumericEntries(int dirfd, std::vector<std::int64_t>& out, std::vector<char>& buffer);

/// readlinkat into `out` (reused). Returns 0 or an errno.
int readLinkAt(int dirfd, const char* path, std::string& out);

/// "/proc" opened once per process.
int procRootFd();

/// Seconds since the epoch at boot (btime in /proc/stat) and clock ticks per second,
/// to turn a start time in ticks into wall-clock time.
struct BootClock {
    std::int64_t bootTimeSeconds = 0;
    std::int64_t ticksPerSecond = 100;
};
const BootClock& bootClock();

/// The wall-clock time of a start time in clock ticks since boot; the epoch for a value
/// past what system_clock holds (only damaged input has one).
std::chrono::system_clock::time_point startedAt(std::uint64_t ticksSinceBoot);

/// User name for a uid, cached; the number as text if it has no name.
const std::string& userName(std::int64_t uid);

} // namespace hs::linux_
