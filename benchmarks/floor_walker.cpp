// SPDX-License-Identifier: MIT
// handlescope-floor: the least work that can list every fd of every process with a name.
// getdents64 over /proc; for each pid getdents64 over /proc/PID/fd and one readlinkat per
// descriptor; nothing else. What the core's Detail::Fast snapshot is measured against.

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench_args.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace {

struct Counts {
    long processes = 0;    ///< numeric entries in /proc
    long fdDirs = 0;       ///< /proc/PID/fd opened
    long fds = 0;          ///< entries in those dirs
    long links = 0;        ///< readlinkat that succeeded
    long errors = 0;       ///< fd dirs or links that failed (EACCES, ESRCH, ENOENT)
};

bool isNumber(const char* s)
{
    if (*s == '\0')
        return false;
    for (; *s; ++s)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/// The dirent64 layout the kernel writes (glibc does not declare one for raw getdents64).
struct LinuxDirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];
};

alignas(8) std::array<char, 64 * 1024> gProcBuf;
alignas(8) std::array<char, 64 * 1024> gFdBuf;
std::array<char, 4096> gLink;

/// Calls `f(name)` for each entry of the directory `dirFd`, buffered in `buf`.
template <class F>
bool forEachEntry(int dirFd, std::array<char, 64 * 1024>& buf, F&& f)
{
    for (;;) {
        long n = syscall(SYS_getdents64, dirFd, buf.data(), buf.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        for (long off = 0; off < n;) {
            LinuxDirent64 entry{};
            const char* rec = buf.data() + off;
            std::memcpy(&entry, rec, offsetof(LinuxDirent64, d_name));
            f(rec + offsetof(LinuxDirent64, d_name));
            off += entry.d_reclen;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-floor",
                     "usage: handlescope-floor\n"
                     "  getdents64 over /proc and each /proc/PID/fd, one readlinkat per fd; prints counts.\n");
    if (const char* arg = args.next())
        args.unknown(arg);
    const auto t0 = std::chrono::steady_clock::now();
    int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (proc < 0) {
        std::perror("handlescope-floor: /proc");
        return 1;
    }
    Counts c;
    std::array<char, 32> path{};
    forEachEntry(proc, gProcBuf, [&](const char* pidName) {
        if (!isNumber(pidName))
            return;
        ++c.processes;
        std::snprintf(path.data(), path.size(), "%s/fd", pidName);
        int fdDir = openat(proc, path.data(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fdDir < 0) {
            ++c.errors;
            return;
        }
        ++c.fdDirs;
        forEachEntry(fdDir, gFdBuf, [&](const char* fdName) {
            if (!isNumber(fdName))
                return;
            ++c.fds;
            if (readlinkat(fdDir, fdName, gLink.data(), gLink.size()) >= 0)
                ++c.links;
            else
                ++c.errors;
        });
        close(fdDir);
    });
    close(proc);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // One line, "key value" pairs, so scripts can pick fields; `handles` is the headline.
    std::printf("handles %ld processes %ld fd_dirs %ld fds %ld errors %ld ms %.1f\n", c.links, c.processes,
                c.fdDirs, c.fds, c.errors, ms);
    return 0;
}
