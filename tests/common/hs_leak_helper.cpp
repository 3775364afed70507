// SPDX-License-Identifier: MIT
// hs_leak_helper MODE: a process whose handle count moves in a known way, for the leak
// sampler's tests. Every 100 ms (on a fixed schedule, so the rates are exact):
//   leak   opens a regular file and a UDP socket and never closes them (20 fds a second)
//   churn  opens the same and closes them at once: the count stays flat
//   step   after 1 s opens 200 fds at once, then holds them
//   saw    opens 5 fds each tick for 10 ticks (1 s), then closes all of them and holds
//          the lower count for one tick, again and again
// Prints "ready pid=PID dir=DIR" (hstest::Child's ready line) when started; exits, removing
// its private temporary directory, on SIGTERM or when its stdin closes.

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

volatile std::sig_atomic_t g_terminated = 0;

void onTerm(int) { g_terminated = 1; }

std::string g_dir;

std::string filePath() { return g_dir + "/held"; }

// noinline, and built with -g (tests/common/CMakeLists.txt): the open-site tracer's tests
// look for these names in the stacks that opened the leaked fds.
[[gnu::noinline]] int openFile() { return ::open(filePath().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600); }

[[gnu::noinline]] int openSocket() { return ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0); }

/// One leak: a file and a socket opened and forgotten, as a leaking program would.
[[gnu::noinline]] void leakOneFileAndSocket(std::vector<int>& held)
{
    for (int fd : {openFile(), openSocket()})
        if (fd >= 0)
            held.push_back(fd); // kept only to close them at exit, never before
}

void closeAll(std::vector<int>& fds)
{
    for (int fd : fds)
        ::close(fd);
    fds.clear();
}

/// What one mode does at tick `n` (0 at start, then every 100 ms).
[[gnu::noinline]] void tick(std::string_view mode, long n, std::vector<int>& held)
{
    if (mode == "leak") {
        leakOneFileAndSocket(held);
    } else if (mode == "churn") {
        for (int fd : {openFile(), openSocket()})
            if (fd >= 0)
                ::close(fd);
    } else if (mode == "step") {
        if (n == 10)
            for (int i = 0; i < 200; ++i)
                if (int fd = openFile(); fd >= 0)
                    held.push_back(fd);
    } else if (mode == "saw") {
        if (n % 11 == 10) {
            closeAll(held);
        } else {
            for (int i = 0; i < 5; ++i)
                if (int fd = openFile(); fd >= 0)
                    held.push_back(fd);
        }
    }
}

/// Waits until `until`; false when it is time to exit (SIGTERM, or stdin closed).
bool waitUntil(Clock::time_point until)
{
    for (;;) {
        if (g_terminated)
            return false;
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0)
            return true;
        pollfd p{0, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(left));
        if (r > 0) {
            char buf[256];
            if (::read(0, buf, sizeof buf) <= 0)
                return false; // stdin closed: the test is done with us
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view mode = argc == 2 ? argv[1] : "";
    if (mode != "leak" && mode != "churn" && mode != "step" && mode != "saw") {
        std::fprintf(stderr, "usage: hs_leak_helper leak|churn|step|saw\n");
        return 2;
    }
    // A leak runs into the soft fd limit after 50 s at the default 1,024.
    if (rlimit lim{}; ::getrlimit(RLIMIT_NOFILE, &lim) == 0) {
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &lim);
    }
    struct sigaction sa{};
    sa.sa_handler = onTerm; // no SA_RESTART: the poll returns with EINTR
    ::sigaction(SIGTERM, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    char dir[] = "/tmp/hs-leak-helper-XXXXXX";
    if (!::mkdtemp(dir)) {
        std::fprintf(stderr, "hs_leak_helper: mkdtemp: %s\n", std::strerror(errno));
        return 1;
    }
    g_dir = dir;
    std::printf("ready pid=%d dir=%s\n", static_cast<int>(::getpid()), dir);
    std::fflush(stdout);

    std::vector<int> held;
    auto due = Clock::now();
    for (long n = 0; waitUntil(due); ++n) {
        tick(mode, n, held);
        due += 100ms;
    }
    closeAll(held);
    ::unlink(filePath().c_str());
    ::rmdir(dir);
    return 0;
}
