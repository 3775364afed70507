// SPDX-License-Identifier: MIT
// handlescope-soak-target: the processes the soak benchmarks work on (not a test).
//
//   handlescope-soak-target target [--workers N]
//       A busy multi-threaded process that checks itself while fds are injected into it.
//       Prints "ready pid=P pipe_fd=F known_fd=K threads=T", then reads commands on stdin:
//       "stats" (one stats line) and "quit" (stop, print the final stats line, exit 0).
//       Threads: the main thread (the one injection stops) loops over a register check,
//       a blocking read() of a pipe fed by the feeder thread (sequence numbers checked),
//       nanosleep() and epoll_wait(); N workers (default 4) fill a 256 KiB buffer with a
//       known pattern, run the register check, verify the buffer and round-trip a value
//       through a pipe of their own; a control thread reads stdin. SIGALRM every 1 ms
//       (ITIMER_REAL, SA_RESTART) is counted by its handler.
//       A corruption is any wrong value: a buffer word, a register-check sum, a stack
//       canary, a pipe sequence number. An unexpected error is any failed call except
//       EINTR from nanosleep() and epoll_wait(), which the kernel never restarts after a
//       signal handler ran (signal(7)) and which a ptrace stop also interrupts. The pipe
//       read()s and write()s run under SA_RESTART: EINTR from them is unexpected.
//
//   handlescope-soak-target churn quick                exit at once
//   handlescope-soak-target churn fds N HOLD_MS        hold N fds for HOLD_MS, exit
//   handlescope-soak-target churn closing N HOLD_MS    hold N fds, then close them one by
//                                                      one while exiting
//   handlescope-soak-target churn reader N             hold N fds, block in read() of stdin
//                                                      until EOF or SIGKILL
//   handlescope-soak-target churn threads N HOLD_MS    N threads; the main thread exits
//                                                      first (a zombie leader), the rest
//                                                      after HOLD_MS
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "bench_args.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// ---- target ------------------------------------------------------------------------

std::atomic<bool> g_stop{false};
std::atomic<std::uint64_t> g_alarms{0};
std::atomic<std::uint64_t> g_corruptions{0};
std::atomic<std::uint64_t> g_unexpected{0};
std::atomic<std::uint64_t> g_eintrExpected{0};
std::atomic<std::uint64_t> g_consumed{0}; ///< feed sequence numbers the main thread has read
constexpr int kMaxThreads = 64;
std::array<std::atomic<std::uint64_t>, kMaxThreads> g_progress{};
std::mutex g_firstMutex;
std::string g_firstError;

void onAlarm(int)
{
    const int saved = errno;
    g_alarms.fetch_add(1, std::memory_order_relaxed);
    errno = saved;
}

void note(std::atomic<std::uint64_t>& counter, const std::string& what)
{
    counter.fetch_add(1);
    std::lock_guard lock(g_firstMutex);
    if (g_firstError.empty())
        g_firstError = what;
}

void corruption(const std::string& what) { note(g_corruptions, "corruption: " + what); }

void unexpected(const std::string& call, int err)
{
    note(g_unexpected, call + " failed: " + (strerrorname_np(err) ? strerrorname_np(err) : "E?"));
}

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// Sums kept in registers (general-purpose and SSE) across `n` iterations, then compared
/// with their closed forms: a register the injection failed to restore shows here. The
/// empty asm keeps the compiler from replacing the loop by the formula.
bool registersOk(std::uint64_t n, std::string& why)
{
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::uint64_t c = 0;
    std::uint64_t d = 0;
    double x = 0;
    double y = 0;
    for (std::uint64_t i = 1; i <= n; ++i) {
        a += i;
        b += i * i;
        c += i & 7;
        d ^= i;
        x += static_cast<double>(i) * 0.25;
        y += 1.0;
        __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d), "+x"(x), "+x"(y));
    }
    const std::uint64_t r = n % 8;
    // XOR of 1..n: n, 1, n+1, 0 by n mod 4.
    const std::uint64_t xorAll = std::array<std::uint64_t, 4>{n, 1, n + 1, 0}[n % 4];
    const bool ok = a == n * (n + 1) / 2 && b == n * (n + 1) * (2 * n + 1) / 6 && c == 28 * (n / 8) + r * (r + 1) / 2
                    && d == xorAll && x == static_cast<double>(n * (n + 1)) / 8.0 && y == static_cast<double>(n);
    if (!ok)
        why = "register sums over " + std::to_string(n) + ": a=" + std::to_string(a) + " b=" + std::to_string(b)
              + " c=" + std::to_string(c) + " d=" + std::to_string(d) + " x=" + std::to_string(x)
              + " y=" + std::to_string(y);
    return ok;
}

void checkRegisters(std::uint64_t n, const char* who)
{
    std::string why;
    if (!registersOk(n, why))
        corruption(std::string(who) + ": " + why);
}

/// A stack array that must read back what was written, around a call that may be
/// interrupted by an injection.
template <class F>
void withCanary(std::uint64_t seed, const char* who, F&& call)
{
    volatile std::uint64_t canary[32];
    for (std::size_t i = 0; i < 32; ++i)
        canary[i] = mix(seed + i);
    call();
    for (std::size_t i = 0; i < 32; ++i)
        if (canary[i] != mix(seed + i)) {
            corruption(std::string(who) + ": stack canary " + std::to_string(i));
            return;
        }
}

bool readFull(int fd, void* data, std::size_t size, const char* what)
{
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n < 0) {
            unexpected(std::string("read(") + what + ")", errno); // SA_RESTART: no EINTR here
            return false;
        }
        if (n == 0)
            return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool writeFull(int fd, const void* data, std::size_t size, const char* what)
{
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0) {
            unexpected(std::string("write(") + what + ")", errno);
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

void napExpectingEintr(long ns)
{
    timespec ts{0, ns};
    if (::nanosleep(&ts, nullptr) != 0) {
        if (errno == EINTR)
            g_eintrExpected.fetch_add(1, std::memory_order_relaxed);
        else
            unexpected("nanosleep", errno);
    }
}

void worker(int index)
{
    constexpr std::size_t kWords = 256 * 1024 / sizeof(std::uint64_t);
    std::vector<std::uint64_t> buffer(kWords);
    int loop[2];
    if (::pipe2(loop, O_CLOEXEC) != 0) {
        unexpected("pipe2", errno);
        return;
    }
    const std::string who = "worker " + std::to_string(index);
    const pid_t self = ::getpid();
    for (std::uint64_t gen = 0; !g_stop.load(std::memory_order_relaxed); ++gen) {
        const std::uint64_t seed = (static_cast<std::uint64_t>(index) << 48) ^ (gen << 20);
        for (std::size_t i = 0; i < kWords; ++i)
            buffer[i] = mix(seed + i);
        checkRegisters(200'000, who.c_str());
        for (std::size_t i = 0; i < kWords; ++i)
            if (buffer[i] != mix(seed + i)) {
                corruption(who + ": buffer word " + std::to_string(i) + " of generation " + std::to_string(gen));
                break;
            }
        withCanary(seed, who.c_str(), [&] {
            if (::getpid() != self)
                corruption(who + ": getpid() changed");
            std::uint64_t back = 0;
            if (writeFull(loop[1], &gen, sizeof gen, "worker pipe")
                && readFull(loop[0], &back, sizeof back, "worker pipe") && back != gen)
                corruption(who + ": pipe round trip gave " + std::to_string(back) + ", sent " + std::to_string(gen));
        });
        g_progress[static_cast<std::size_t>(index)].fetch_add(1, std::memory_order_relaxed);
    }
    ::close(loop[0]);
    ::close(loop[1]);
}

struct Feed {
    int readFd = -1;
    int writeFd = -1;
    int eventFd = -1;
    int epollFd = -1;
};

/// Writes a sequence number into the main thread's pipe, then, 200 us later, wakes its
/// epoll_wait: paced so that the main thread spends its time blocked in read(), in
/// nanosleep(), in epoll_wait() and computing. Closes the pipe when told to stop, which
/// ends the main thread's loop.
void feeder(Feed feed, int index)
{
    for (std::uint64_t seq = 0; !g_stop.load(std::memory_order_relaxed); ++seq) {
        // In step with the reader: while an injection holds the main thread, no backlog
        // builds up, so it keeps finding the pipe empty and blocking in read().
        while (g_consumed.load() < seq && !g_stop.load())
            napExpectingEintr(100'000);
        if (!writeFull(feed.writeFd, &seq, sizeof seq, "feed pipe"))
            break;
        napExpectingEintr(200'000);
        const std::uint64_t one = 1;
        if (::write(feed.eventFd, &one, sizeof one) != static_cast<ssize_t>(sizeof one))
            unexpected("write(eventfd)", errno);
        napExpectingEintr(200'000);
        g_progress[static_cast<std::size_t>(index)].fetch_add(1, std::memory_order_relaxed);
    }
    ::close(feed.writeFd);
}

/// The main thread, the one duplicateHandle and closeRemoteHandle stop: computing, blocked
/// in a restartable read(), sleeping, or in epoll_wait when the injection comes.
void mainLoop(const Feed& feed)
{
    for (std::uint64_t expected = 0;; ++expected) {
        checkRegisters(50'000, "main");
        std::uint64_t seq = 0;
        bool got = false;
        withCanary(expected, "main", [&] { got = readFull(feed.readFd, &seq, sizeof seq, "feed pipe"); });
        if (!got) {
            if (!g_stop.load())
                corruption("main: the feed pipe ended early");
            return;
        }
        if (seq != expected) {
            corruption("main: feed sequence " + std::to_string(seq) + ", expected " + std::to_string(expected));
            expected = seq;
        }
        g_consumed.store(seq + 1);
        napExpectingEintr(50'000);
        epoll_event ev{};
        const int n = ::epoll_wait(feed.epollFd, &ev, 1, 5);
        if (n < 0 && errno == EINTR) {
            g_eintrExpected.fetch_add(1, std::memory_order_relaxed);
        } else if (n < 0) {
            unexpected("epoll_wait", errno);
        } else if (n == 1) {
            std::uint64_t count = 0;
            if (::read(feed.eventFd, &count, sizeof count) != static_cast<ssize_t>(sizeof count))
                unexpected("read(eventfd)", errno);
        }
        g_progress[0].fetch_add(1, std::memory_order_relaxed);
    }
}

std::string statsLine(const char* tag, int threads)
{
    std::string progress;
    for (int i = 0; i < threads; ++i)
        progress += (i ? "," : "") + std::to_string(g_progress[static_cast<std::size_t>(i)].load());
    std::string first;
    {
        std::lock_guard lock(g_firstMutex);
        first = g_firstError;
    }
    return std::string(tag) + " alarms=" + std::to_string(g_alarms.load()) + " corruptions="
           + std::to_string(g_corruptions.load()) + " unexpected=" + std::to_string(g_unexpected.load())
           + " eintr_expected=" + std::to_string(g_eintrExpected.load()) + " progress=" + progress
           + " first_error=" + (first.empty() ? "-" : first) + "\n";
}

void say(const std::string& line) { (void)writeFull(1, line.data(), line.size(), "stdout"); }

/// Reads commands on stdin. EOF (the benchmark died) stops the process like "quit".
void control(int threads)
{
    std::string line;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(0, &c, 1);
        if (n < 0) {
            unexpected("read(stdin)", errno);
            break;
        }
        if (n == 0)
            break;
        if (c != '\n') {
            line += c;
            continue;
        }
        if (line == "stats")
            say(statsLine("stats", threads));
        else if (line == "quit")
            break;
        else
            say("error unknown command\n");
        line.clear();
    }
    g_stop.store(true);
}

int runTarget(int workers)
{
    if (workers < 1 || workers + 2 > kMaxThreads) {
        std::fprintf(stderr, "soak-target: --workers takes 1..%d\n", kMaxThreads - 2);
        return 2;
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    struct sigaction sa{};
    sa.sa_handler = onAlarm;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (::sigaction(SIGALRM, &sa, nullptr) != 0) {
        std::perror("sigaction");
        return 1;
    }
    int pipeFds[2];
    Feed feed;
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return 1;
    feed.readFd = pipeFds[0];
    feed.writeFd = pipeFds[1];
    feed.eventFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    feed.epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    if (feed.eventFd < 0 || feed.epollFd < 0 || ::epoll_ctl(feed.epollFd, EPOLL_CTL_ADD, feed.eventFd, &ev) != 0)
        return 1;
    const int known = ::memfd_create("soak-known", MFD_CLOEXEC);
    if (known < 0)
        return 1;

    // Thread 0 is main, 1..workers the workers, workers+1 the feeder.
    const int threads = workers + 2;
    std::vector<std::thread> pool;
    for (int i = 1; i <= workers; ++i)
        pool.emplace_back(worker, i);
    pool.emplace_back(feeder, feed, workers + 1);
    itimerval timer{{0, 1000}, {0, 1000}};
    if (::setitimer(ITIMER_REAL, &timer, nullptr) != 0)
        return 1;
    // The worker pipes exist once each worker has looped once: only then is the fd count final.
    while (true) {
        bool all = true;
        for (int i = 1; i <= workers; ++i)
            all = all && g_progress[static_cast<std::size_t>(i)].load() > 0;
        if (all)
            break;
        napExpectingEintr(1'000'000);
    }
    say("ready pid=" + std::to_string(::getpid()) + " pipe_fd=" + std::to_string(feed.readFd) + " known_fd="
        + std::to_string(known) + " threads=" + std::to_string(threads) + "\n");
    std::thread ctl(control, threads);
    mainLoop(feed);
    ctl.join();
    for (auto& t : pool)
        t.join();
    itimerval off{};
    ::setitimer(ITIMER_REAL, &off, nullptr);
    say(statsLine("final", threads));
    return 0;
}

// ---- churn children ----------------------------------------------------------------

void raiseFdLimit(long want)
{
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < static_cast<rlim_t>(want) + 64) {
        lim.rlim_cur = std::min(lim.rlim_max, static_cast<rlim_t>(want) + 64);
        ::setrlimit(RLIMIT_NOFILE, &lim);
    }
}

/// N fds of a mix of kinds: /dev/null, pipe ends, socketpair ends, eventfds, memfds.
std::vector<int> openMany(long n)
{
    raiseFdLimit(n);
    std::vector<int> fds;
    fds.reserve(static_cast<std::size_t>(n));
    while (static_cast<long>(fds.size()) < n) {
        int two[2];
        switch (fds.size() % 5) {
        case 0:
            fds.push_back(::open("/dev/null", O_RDONLY | O_CLOEXEC));
            break;
        case 1:
            if (::pipe2(two, O_CLOEXEC) == 0)
                fds.insert(fds.end(), {two[0], two[1]});
            else
                fds.push_back(-1);
            break;
        case 2:
            if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, two) == 0)
                fds.insert(fds.end(), {two[0], two[1]});
            else
                fds.push_back(-1);
            break;
        case 3:
            fds.push_back(::eventfd(0, EFD_CLOEXEC));
            break;
        default:
            fds.push_back(::memfd_create("soak-churn", MFD_CLOEXEC));
            break;
        }
        if (fds.back() < 0) {
            std::perror("soak-target churn: open");
            std::exit(3);
        }
    }
    return fds;
}

void sleepMs(long ms)
{
    timespec ts{ms / 1000, (ms % 1000) * 1'000'000};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

constexpr const char* kUsage =
    "usage: handlescope-soak-target target [--workers N]\n"
    "       handlescope-soak-target churn quick|fds N MS|closing N MS|reader N|threads N MS\n"
    "  (see the top of benchmarks/soak_target.cpp; N and MS default to 0)\n";

// churn KIND [N [MS]]: the arguments after "churn".
int runChurn(bench::Args& args)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const char* k = args.next();
    const std::string_view kind = k ? k : "";
    const char* nText = k ? args.next() : nullptr;
    const long n = nText ? args.parse("churn N", nText, 0, 1'000'000) : 0;
    const char* msText = nText ? args.next() : nullptr;
    const long holdMs = msText ? args.parse("churn MS", msText, 0, 86'400'000) : 0;
    if (const char* extra = msText ? args.next() : nullptr)
        args.unknown(extra);
    if (kind == "quick")
        return 0;
    if (kind == "fds" || kind == "closing") {
        const auto fds = openMany(n);
        sleepMs(holdMs);
        if (kind == "closing")
            for (int fd : fds)
                ::close(fd);
        return 0;
    }
    if (kind == "reader") {
        const auto fds = openMany(n);
        char c = 0;
        while (::read(0, &c, 1) > 0) {
        }
        return 0;
    }
    if (kind == "threads") {
        // The leader exits first (a zombie main thread); the process ends, with status 0,
        // when the last of the others has returned.
        for (long i = 0; i < n; ++i)
            std::thread([holdMs] { sleepMs(holdMs); }).detach();
        ::pthread_exit(nullptr);
    }
    args.fail("churn: unknown kind '" + std::string(kind) + "'");
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-soak-target", kUsage);
    const char* m = args.next();
    const std::string_view mode = m ? m : "";
    if (mode == "churn")
        return runChurn(args);
    if (mode != "target")
        args.fail(m ? "unknown mode '" + std::string(mode) + "'" : std::string("no mode given"));
    int workers = 4;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--workers")
            workers = static_cast<int>(args.number(arg, 1, 256));
        else
            args.unknown(arg);
    }
    return runTarget(workers);
}
