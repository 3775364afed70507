// SPDX-License-Identifier: MIT
// dup_timing: times 1,000 duplicates per path and prints median and p99 (not a test).
//   pull into another process, into this process (pidfd_getfd), push, same process.
#include "handlescope/duplicate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

pid_t startHelper(int& toChild, bool busy = false)
{
    int in[2];
    int out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::execl(DUP_TARGET_PATH, DUP_TARGET_PATH, static_cast<char*>(nullptr));
        ::_exit(127);
    }
    char buf[64];
    (void)!::read(out[0], buf, sizeof buf); // "hello PID": it now blocks in read()
    toChild = in[1];
    if (busy) { // one worker thread computing all the time
        (void)!::write(toChild, "workers 1\n", 10);
        (void)!::read(out[0], buf, sizeof buf);
    }
    return pid;
}

void report(const char* name, std::vector<double> us, int failures)
{
    std::sort(us.begin(), us.end());
    if (us.empty()) {
        std::printf("%-28s all %d failed\n", name, failures);
        return;
    }
    const double median = us[us.size() / 2];
    const double p99 = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    std::printf("%-28s n=%zu median %7.1f us  p99 %7.1f us  max %7.1f us  failures %d\n", name, us.size(), median, p99,
                us.back(), failures);
}

void run(const char* name, int n, pid_t source, int fd, pid_t target, hs::DuplicateMethod method)
{
    std::vector<double> us;
    int failures = 0;
    hs::DuplicateOptions opt;
    opt.method = method;
    for (int i = 0; i < n; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = hs::duplicateHandle(source, fd, target, opt);
        const auto t1 = std::chrono::steady_clock::now();
        if (!r) {
            if (++failures == 1)
                std::fprintf(stderr, "%s: %s\n", name, r.error().message().c_str());
            continue;
        }
        us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        if (target == ::getpid())
            ::close(static_cast<int>(r->newHandle));
        else
            (void)hs::closeRemoteHandle(target, r->newHandle);
    }
    report(name, us, failures);
}

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::stoi(argv[1]) : 1000;
    const bool busy = argc > 2 && std::string(argv[2]) == "--busy";
    int toA = -1;
    int toB = -1;
    const pid_t a = startHelper(toA);
    const pid_t b = startHelper(toB, busy);
    std::printf("%d duplicates per path%s; each new fd is closed again (closeRemoteHandle, not timed)\n", n,
                busy ? ", target busy (1 computing thread)" : "");
    // Source: helper a's stdin (fd 0, a pipe).
    run("pull into another process", n, a, 0, b, hs::DuplicateMethod::Pull);
    run("into self (pidfd_getfd)", n, a, 0, ::getpid(), hs::DuplicateMethod::Auto);
    run("push into another process", n, a, 0, b, hs::DuplicateMethod::Push);
    run("same process (inject dup)", n, a, 0, a, hs::DuplicateMethod::Auto);
    ::close(toA);
    ::close(toB);
    ::waitpid(a, nullptr, 0);
    ::waitpid(b, nullptr, 0);
    return 0;
}
