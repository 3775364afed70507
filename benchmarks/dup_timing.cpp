// SPDX-License-Identifier: MIT
// handlescope-dup-timing: times hs::duplicateHandle per path and prints median and p99
// (not a test; docs/performance.md has results). Paths: pull into another process, into
// this process (pidfd_getfd), push, same process. The targets are two idle
// `hs_fd_helper --bare` (tests/common), the source their stdin pipe; --busy gives the
// target of the cross-process paths one thread computing all the time.
#include "bench_args.h"
#include "child.h"

#include "handlescope/duplicate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

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

void run(const char* name, long n, pid_t source, int fd, pid_t target, hs::DuplicateMethod method)
{
    std::vector<double> us;
    int failures = 0;
    hs::DuplicateOptions opt;
    opt.method = method;
    for (long i = 0; i < n; ++i) {
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
    bench::Args args(argc, argv, "handlescope-dup-timing",
        "usage: handlescope-dup-timing [--count N] [--busy]\n"
        "  Times N duplicates per path (default 1000; pull, into self, push, same process)\n"
        "  between two idle helper processes and prints median, p99 and max. --busy: the\n"
        "  target runs one thread computing all the time. Needs CAP_SYS_PTRACE (root).\n");
    long n = 1000;
    bool busy = false;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--count")
            n = args.number(arg, 1, 10'000'000);
        else if (arg == "--busy")
            busy = true;
        else
            args.unknown(arg);
    }

    hstest::Child a;
    hstest::Child b;
    for (hstest::Child* c : { &a, &b })
        if (const std::string e = c->startHelper({ "--bare" }); !e.empty()) {
            std::fprintf(stderr, "handlescope-dup-timing: hs_fd_helper: %s\n", e.c_str());
            return 1;
        }
    if (busy && b.ask("workers 1") != "ok") {
        std::fprintf(stderr, "handlescope-dup-timing: the busy target did not start its worker\n");
        return 1;
    }
    std::printf("%ld duplicates per path%s; each new fd is closed again (closeRemoteHandle, not timed)\n", n,
        busy ? ", target busy (1 computing thread)" : "");
    // Source: helper a's stdin (fd 0, a pipe).
    run("pull into another process", n, a.pid(), 0, b.pid(), hs::DuplicateMethod::Pull);
    run("into self (pidfd_getfd)", n, a.pid(), 0, ::getpid(), hs::DuplicateMethod::Auto);
    run("push into another process", n, a.pid(), 0, b.pid(), hs::DuplicateMethod::Push);
    run("same process (inject dup)", n, a.pid(), 0, a.pid(), hs::DuplicateMethod::Auto);
    return 0;
}
