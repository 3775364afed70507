// SPDX-License-Identifier: MIT
#include "proc_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace hs::linux_ {

void UniqueFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

UniqueFd openAt(int dirfd, const char* path, int extraFlags)
{
    return UniqueFd(::openat(dirfd, path, O_RDONLY | O_CLOEXEC | extraFlags));
}

int readFileAt(int dirfd, const char* path, std::string& out)
{
    UniqueFd fd = openAt(dirfd, path);
    if (!fd.valid())
        return errno;
    // Large reads: seq_file tables such as /proc/net/udp restart their walk of the kernel's
    // hash table at every read(), so small reads make reading them quadratic.
    std::size_t chunk = 16384;
    std::size_t used = 0;
    int err = 0;
    out.clear();
    while (true) {
        bool done = false;
        // resize_and_overwrite: no zero-fill of the buffer before read() overwrites it.
        out.resize_and_overwrite(used + chunk, [&](char* data, std::size_t size) {
            ssize_t n;
            do
                n = ::read(fd.get(), data + used, size - used);
            while (n < 0 && errno == EINTR);
            if (n < 0) {
                err = errno;
                done = true;
                return used;
            }
            if (n == 0)
                done = true;
            used += static_cast<std::size_t>(n);
            return used;
        });
        if (done)
            break;
        if (used + chunk / 2 > out.capacity())
            chunk *= 2;
    }
    if (err != 0)
        out.clear();
    return err;
}

int readNumericEntries(int dirfd, std::vector<std::int64_t>& out, std::vector<char>& buffer)
{
    out.clear();
    if (buffer.size() < 32768)
        buffer.resize(32768);
    if (::lseek(dirfd, 0, SEEK_SET) < 0)
        return errno;
    while (true) {
        long n = ::syscall(SYS_getdents64, dirfd, buffer.data(), buffer.size());
        if (n < 0)
            return errno;
        if (n == 0)
            break;
        for (long off = 0; off < n;) {
            const auto* d = reinterpret_cast<const struct dirent64*>(buffer.data() + off);
            off += d->d_reclen;
            const char* name = d->d_name;
            if (name[0] < '0' || name[0] > '9')
                continue;
            std::int64_t v = 0;
            const char* end = name + std::strlen(name);
            auto [ptr, ec] = std::from_chars(name, end, v);
            if (ec == std::errc() && ptr == end)
                out.push_back(v);
        }
    }
    std::sort(out.begin(), out.end());
    return 0;
}

int readLinkAt(int dirfd, const char* path, std::string& out)
{
    std::size_t size = 256;
    while (true) {
        int err = 0;
        bool truncated = false;
        out.resize_and_overwrite(size, [&](char* data, std::size_t capacity) -> std::size_t {
            ssize_t n = ::readlinkat(dirfd, path, data, capacity);
            if (n < 0) {
                err = errno;
                return 0;
            }
            truncated = static_cast<std::size_t>(n) == capacity;
            return static_cast<std::size_t>(n);
        });
        if (err != 0)
            return err;
        if (!truncated)
            return 0;
        size *= 2; // possibly truncated: grow and retry
    }
}

int procRootFd()
{
    static const int fd = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return fd;
}

const BootClock& bootClock()
{
    static const BootClock clock = [] {
        BootClock c;
        long ticks = ::sysconf(_SC_CLK_TCK);
        if (ticks > 0)
            c.ticksPerSecond = ticks;
        std::string stat;
        if (readFileAt(procRootFd(), "stat", stat) == 0) {
            auto pos = stat.find("\nbtime ");
            if (pos != std::string::npos) {
                const char* first = stat.data() + pos + 7;
                std::from_chars(first, stat.data() + stat.size(), c.bootTimeSeconds);
            }
        }
        return c;
    }();
    return clock;
}

const std::string& userName(std::int64_t uid)
{
    static std::mutex mutex;
    static std::unordered_map<std::int64_t, std::string> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(uid);
    if (it != cache.end())
        return it->second;
    std::string name = std::to_string(uid);
    if (uid >= 0) {
        struct passwd pw {};
        struct passwd* result = nullptr;
        std::vector<char> buf(4096);
        if (::getpwuid_r(static_cast<uid_t>(uid), &pw, buf.data(), buf.size(), &result) == 0 && result)
            name = result->pw_name;
    }
    return cache.emplace(uid, std::move(name)).first->second;
}

std::chrono::system_clock::time_point startedAt(std::uint64_t ticksSinceBoot)
{
    const BootClock& clock = bootClock();
    // Milliseconds since the epoch; system_clock counts nanoseconds in 64 bits (to 2262).
    constexpr std::uint64_t kMaxMs = std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                        std::chrono::system_clock::duration::max())
                                                        .count());
    const auto ticks = static_cast<std::uint64_t>(std::max<std::int64_t>(clock.ticksPerSecond, 1));
    const std::uint64_t sinceBootMs = ticksSinceBoot / ticks * 1000 + ticksSinceBoot % ticks * 1000 / ticks;
    const auto bootMs = static_cast<std::uint64_t>(std::max<std::int64_t>(clock.bootTimeSeconds, 0)) * 1000;
    if (ticksSinceBoot / ticks > kMaxMs / 1000 || sinceBootMs > kMaxMs - bootMs)
        return {};
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(bootMs + sinceBootMs));
}

} // namespace hs::linux_
