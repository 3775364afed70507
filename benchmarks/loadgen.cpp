// SPDX-License-Identifier: MIT
// handlescope-loadgen: forks N children that each hold M descriptors of a realistic mix
// (files, pipes, socketpairs, loopback TCP/UDP, eventfds, epoll fds, memfds), prints
// "ready <pids...>" once all are set up, then holds them until it is told to stop.
//
// Stops on SIGTERM/SIGINT/SIGHUP, on end of standard input when standard input is a pipe
// or socket (so a shell `coproc` cleans up even if the shell dies), or after
// --hold-seconds. Then it kills its children and removes its temp files. Children also
// die with their parent (PR_SET_PDEATHSIG), so a SIGKILLed loadgen leaves at most its
// temp dir behind. Everything is on 127.0.0.1; counts are bounded.

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_args.h"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr long kMaxProcs = 4000;
constexpr long kMaxFdsPerProc = 100000;
constexpr long kMaxTotalFds = 1000000;
constexpr int kTempFiles = 64;
/// Connected TCP pairs use ephemeral ports; keep the whole machine's use well under the range.
constexpr long kMaxTcpPairsTotal = 10000;

struct Options {
    long procs = 200;
    long fds = 500;
    long holdSeconds = 0; ///< 0: until signalled or stdin closes
};

constexpr const char* kUsage =
    "usage: handlescope-loadgen [--procs N] [--fds M] [--hold-seconds S]\n"
    "  Forks N children (default 200), each holding M descriptors (default 500): regular\n"
    "  files in a private temp dir, pipes, UNIX socketpairs, TCP listeners and connected\n"
    "  pairs on 127.0.0.1, UDP sockets on 127.0.0.1, eventfds, epoll fds and memfds.\n"
    "  Prints \"ready <pids...>\" when all are set up, then waits for SIGTERM/SIGINT, end\n"
    "  of stdin (when stdin is a pipe or socket) or S seconds, and cleans up.\n";

Options parseArgs(int argc, char** argv)
{
    Options opt;
    bench::Args args(argc, argv, "handlescope-loadgen", kUsage);
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--procs")
            opt.procs = args.number(arg, 1, kMaxProcs);
        else if (arg == "--fds")
            opt.fds = args.number(arg, 1, kMaxFdsPerProc);
        else if (arg == "--hold-seconds")
            opt.holdSeconds = args.number(arg, 0, 1'000'000'000);
        else
            args.unknown(arg);
    }
    if (opt.procs * opt.fds > kMaxTotalFds)
        args.fail("--procs times --fds is " + std::to_string(opt.procs * opt.fds) + " fds, more than "
                  + std::to_string(kMaxTotalFds));
    return opt;
}

/// Soft limit to the hard one; as root also the hard one up to what we need (capped by
/// fs.nr_open). Children inherit it.
bool raiseFdLimit(long needed)
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return false;
    const auto want = static_cast<rlim_t>(needed);
    if (lim.rlim_max != RLIM_INFINITY && lim.rlim_max < want && geteuid() == 0) {
        rlim_t nrOpen = want;
        if (std::FILE* f = std::fopen("/proc/sys/fs/nr_open", "r")) {
            unsigned long v = 0;
            if (std::fscanf(f, "%lu", &v) == 1)
                nrOpen = static_cast<rlim_t>(v);
            std::fclose(f);
        }
        rlimit raised{want < nrOpen ? want : nrOpen, want < nrOpen ? want : nrOpen};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            lim = raised;
    }
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    getrlimit(RLIMIT_NOFILE, &lim);
    return lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= want;
}

// ---------------------------------------------------------------- children

enum class Kind { File, Pipe, SocketPair, TcpPair, TcpListener, Udp, EventFd, Epoll, MemFd, Count };
constexpr std::size_t kKinds = static_cast<std::size_t>(Kind::Count);

/// Share of each kind, in percent of the descriptors (adds up to 100).
constexpr std::array<long, kKinds> kPercent = {30, 16, 14, 8, 2, 8, 8, 4, 10};
/// Descriptors one item of each kind takes.
constexpr std::array<long, kKinds> kCost = {1, 2, 2, 2, 1, 1, 1, 1, 1};

sockaddr_in loopback(std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

sockaddr* asSockaddr(sockaddr_in* a) { return reinterpret_cast<sockaddr*>(a); }

int tcpListener()
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    auto addr = loopback(0);
    if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 128) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

struct ChildState {
    const std::string* dir = nullptr;
    long index = 0; ///< which child, for private file names
    int listener = -1; ///< this child's own listener, the server side of its TCP pairs
    std::uint16_t listenerPort = 0;
    std::vector<int> pollable; ///< some descriptors for the epoll fds to watch
    long item = 0;
};

/// Creates one item of `kind`; returns how many descriptors it opened, or -1.
long createItem(Kind kind, ChildState& st)
{
    const long n = st.item++;
    switch (kind) {
    case Kind::File: {
        // A quarter on files every child shares (think logs, databases), the rest on files
        // of its own, so that one path per fd is the common case as in real programs.
        const bool shared = n % 4 == 0;
        std::string path = *st.dir + (shared ? "/file" + std::to_string(n % kTempFiles)
                                             : "/c" + std::to_string(st.index) + "-" + std::to_string(n))
                           + ".dat";
        static constexpr std::array<int, 3> modes = {O_RDONLY, O_RDWR, O_WRONLY | O_APPEND};
        int fd = open(path.c_str(), modes[static_cast<std::size_t>(n % 3)] | O_CLOEXEC | (shared ? 0 : O_CREAT), 0600);
        if (fd < 0)
            return -1;
        if (n % 3 == 0)
            lseek(fd, static_cast<off_t>(n % 4096), SEEK_SET);
        return 1;
    }
    case Kind::Pipe: {
        std::array<int, 2> p{};
        if (pipe2(p.data(), O_CLOEXEC | (n % 2 ? O_NONBLOCK : 0)) != 0)
            return -1;
        st.pollable.push_back(p[0]);
        return 2;
    }
    case Kind::SocketPair: {
        std::array<int, 2> s{};
        const int type = n % 3 == 0 ? SOCK_DGRAM : SOCK_STREAM;
        if (socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, s.data()) != 0)
            return -1;
        st.pollable.push_back(s[0]);
        return 2;
    }
    case Kind::TcpPair: {
        int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c < 0)
            return -1;
        auto addr = loopback(st.listenerPort);
        if (connect(c, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
            close(c);
            return -1;
        }
        int s = accept4(st.listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (s < 0) {
            close(c);
            return -1;
        }
        st.pollable.push_back(s);
        return 2;
    }
    case Kind::TcpListener:
        return tcpListener() < 0 ? -1 : 1;
    case Kind::Udp: {
        int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        auto addr = loopback(0);
        if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
            close(fd);
            return -1;
        }
        return 1;
    }
    case Kind::EventFd: {
        int fd = eventfd(static_cast<unsigned>(n % 7), EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0)
            return -1;
        st.pollable.push_back(fd);
        return 1;
    }
    case Kind::Epoll: {
        int ep = epoll_create1(EPOLL_CLOEXEC);
        if (ep < 0)
            return -1;
        // Watch up to four of the descriptors made so far.
        for (std::size_t k = 0; k < 4 && k < st.pollable.size(); ++k) {
            epoll_event ev{};
            ev.events = EPOLLIN;
            const std::size_t idx = (static_cast<std::size_t>(n) * 7 + k * 13) % st.pollable.size();
            ev.data.fd = st.pollable[idx];
            epoll_ctl(ep, EPOLL_CTL_ADD, st.pollable[idx], &ev); // duplicates fail harmlessly
        }
        return 1;
    }
    case Kind::MemFd: {
        std::string name = "hs-loadgen-" + std::to_string(n);
        int fd = memfd_create(name.c_str(), MFD_CLOEXEC);
        if (fd < 0)
            return -1;
        if (n % 4 == 0 && ftruncate(fd, 4096) != 0) {
            close(fd);
            return -1;
        }
        return 1;
    }
    case Kind::Count:
        break;
    }
    return -1;
}

/// Runs in the child: opens `total` descriptors, reports on `readyFd`, then sleeps forever.
[[noreturn]] void childMain(const std::string& dir, long index, long total, long tcpPairs, int readyFd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1)
        _exit(1); // the parent is already gone
    // Do not hold the caller's stdin/stdout: a reader of our stdout must see EOF when the
    // parent exits. /dev/null keeps fds 0-2 occupied so numbering stays as usual.
    // Nor anything else the caller leaked to us: each child holds exactly 3 + M fds.
    if (readyFd > 3)
        close_range(3, static_cast<unsigned>(readyFd) - 1, 0);
    close_range(static_cast<unsigned>(readyFd) + 1, ~0U, 0);
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        close(devnull);
    }

    ChildState st;
    st.dir = &dir;
    st.index = index;
    std::array<long, kKinds> quota{};
    long planned = 0;
    for (std::size_t k = 0; k < kKinds; ++k) {
        quota[k] = total * kPercent[k] / 100 / kCost[k] * kCost[k];
        planned += quota[k];
    }
    // The listener that the TCP pairs connect to counts as one of the listeners.
    auto& pairQuota = quota[static_cast<std::size_t>(Kind::TcpPair)];
    if (pairQuota / 2 > tcpPairs) {
        planned -= pairQuota - tcpPairs * 2;
        pairQuota = tcpPairs * 2;
    }
    quota[static_cast<std::size_t>(Kind::File)] += total - planned;

    long opened = 0;
    auto fail = [&](const char* what) {
        char msg[160];
        int len = std::snprintf(msg, sizeof msg, "E%s: %s (after %ld fds)\n", what, std::strerror(errno), opened);
        if (len > 0 && write(readyFd, msg, static_cast<std::size_t>(len)) < 0) {
        }
        _exit(1);
    };
    if (pairQuota > 0) {
        if (total < 3) {
            pairQuota = 0;
            quota[static_cast<std::size_t>(Kind::File)] += 2;
        } else {
            st.listener = tcpListener();
            sockaddr_in addr{};
            socklen_t len = sizeof addr;
            if (st.listener < 0 || getsockname(st.listener, asSockaddr(&addr), &len) != 0)
                fail("tcp listener");
            st.listenerPort = ntohs(addr.sin_port);
            ++opened;
            --quota[static_cast<std::size_t>(Kind::File)];
        }
    }
    // Round-robin over the kinds so the numbering interleaves them as in a real program.
    while (opened < total) {
        bool progressed = false;
        for (std::size_t k = 0; k < kKinds && opened < total; ++k) {
            if (quota[k] < kCost[k])
                continue;
            long got = createItem(static_cast<Kind>(k), st);
            if (got < 0)
                fail("create descriptor");
            quota[k] -= got;
            opened += got;
            progressed = true;
        }
        if (!progressed)
            break;
    }
    while (opened < total) { // rounding leftovers
        if (createItem(Kind::File, st) < 0)
            fail("open file");
        ++opened;
    }
    if (write(readyFd, "R", 1) != 1)
        _exit(1);
    close(readyFd);
    for (;;)
        pause();
}

// ---------------------------------------------------------------- parent

struct Parent {
    std::string dir;
    std::vector<pid_t> children;

    void killChildren()
    {
        for (pid_t pid : children)
            kill(pid, SIGKILL);
        for (pid_t pid : children)
            while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        children.clear();
    }

    void removeTemp()
    {
        if (dir.empty())
            return;
        // Only regular files we made are in there: the shared ones and the children's own.
        if (DIR* d = opendir(dir.c_str())) {
            while (dirent* e = readdir(d))
                if (e->d_name[0] != '.')
                    unlinkat(dirfd(d), e->d_name, 0);
            closedir(d);
        }
        rmdir(dir.c_str());
        dir.clear();
    }

    void cleanup()
    {
        killChildren();
        removeTemp();
    }
};

Parent* gParent = nullptr;
void cleanupAtExit()
{
    if (gParent)
        gParent->cleanup();
}

bool makeTempFiles(Parent& parent)
{
    const char* base = std::getenv("TMPDIR");
    std::string templ = std::string(base && *base ? base : "/tmp") + "/handlescope-loadgen.XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data()))
        return false;
    parent.dir = buf.data();
    std::string content(8192, 'x');
    for (int i = 0; i < kTempFiles; ++i) {
        std::string path = parent.dir + "/file" + std::to_string(i) + ".dat";
        int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        const auto len = static_cast<std::size_t>(1024 * (i % 8 + 1));
        bool ok = write(fd, content.data(), len) == static_cast<ssize_t>(len);
        close(fd);
        if (!ok)
            return false;
    }
    return true;
}

bool stdinIsWatchable()
{
    struct stat st{};
    return fstat(0, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

} // namespace

int main(int argc, char** argv)
{
    const Options opt = parseArgs(argc, argv);
    if (!raiseFdLimit(opt.fds + 64)) {
        std::fprintf(stderr, "handlescope-loadgen: RLIMIT_NOFILE too low for %ld fds per process (run as root "
                             "or raise the hard limit)\n", opt.fds);
        return 1;
    }

    // Termination signals arrive through a signalfd so setup and waiting both see them.
    sigset_t mask;
    sigemptyset(&mask);
    for (int s : {SIGTERM, SIGINT, SIGHUP, SIGPIPE})
        sigaddset(&mask, s);
    sigset_t oldMask;
    sigprocmask(SIG_BLOCK, &mask, &oldMask);
    int sigFd = signalfd(-1, &mask, SFD_CLOEXEC);
    if (sigFd < 0) {
        std::perror("handlescope-loadgen: signalfd");
        return 1;
    }

    Parent parent;
    gParent = &parent;
    std::atexit(cleanupAtExit);
    if (!makeTempFiles(parent)) {
        std::perror("handlescope-loadgen: temp files");
        return 1;
    }

    std::array<int, 2> readyPipe{};
    if (pipe2(readyPipe.data(), O_CLOEXEC) != 0) {
        std::perror("handlescope-loadgen: pipe");
        return 1;
    }
    const long tcpPairsPerChild = kMaxTcpPairsTotal / opt.procs;
    const auto started = std::chrono::steady_clock::now();
    for (long i = 0; i < opt.procs; ++i) {
        pid_t pid = fork();
        if (pid < 0) {
            std::perror("handlescope-loadgen: fork");
            return 1;
        }
        if (pid == 0) {
            gParent = nullptr; // the child must not clean up the parent's things
            close(readyPipe[0]);
            close(sigFd);
            sigprocmask(SIG_SETMASK, &oldMask, nullptr);
            childMain(parent.dir, i, opt.fds, tcpPairsPerChild, readyPipe[1]);
        }
        parent.children.push_back(pid);
    }
    close(readyPipe[1]);

    // Wait for one 'R' per child, still answering signals.
    long ready = 0;
    std::string errors;
    while (ready < opt.procs) {
        std::array<pollfd, 2> fds{pollfd{sigFd, POLLIN, 0}, pollfd{readyPipe[0], POLLIN, 0}};
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (fds[0].revents & POLLIN) {
            std::fprintf(stderr, "handlescope-loadgen: interrupted during setup\n");
            return 1;
        }
        if (fds[1].revents & (POLLIN | POLLHUP)) {
            std::array<char, 4096> buf{};
            ssize_t n = read(readyPipe[0], buf.data(), buf.size());
            if (n <= 0) {
                std::fprintf(stderr, "handlescope-loadgen: %ld of %ld children ready, the rest died\n", ready,
                             opt.procs);
                return 1;
            }
            for (ssize_t k = 0; k < n; ++k) {
                if (buf[static_cast<std::size_t>(k)] == 'R')
                    ++ready;
                else
                    errors.push_back(buf[static_cast<std::size_t>(k)]);
            }
            if (!errors.empty() && errors.back() == '\n') {
                std::fprintf(stderr, "handlescope-loadgen: a child failed: %s", errors.c_str() + 1);
                return 1;
            }
        }
    }
    close(readyPipe[0]);
    const auto setupMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

    std::string line = "ready";
    for (pid_t pid : parent.children)
        line += " " + std::to_string(pid);
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "handlescope-loadgen: %ld processes x %ld fds ready in %lld ms (temp dir %s)\n", opt.procs,
                 opt.fds, static_cast<long long>(setupMs), parent.dir.c_str());

    const bool watchStdin = stdinIsWatchable();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.holdSeconds);
    for (;;) {
        int timeoutMs = -1;
        if (opt.holdSeconds > 0) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
                            .count();
            if (left <= 0)
                break;
            timeoutMs = static_cast<int>(left > 60000 ? 60000 : left);
        }
        std::array<pollfd, 2> fds{pollfd{sigFd, POLLIN, 0}, pollfd{watchStdin ? 0 : -1, POLLIN, 0}};
        int rc = poll(fds.data(), fds.size(), timeoutMs);
        if (rc < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN)
            break;
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            std::array<char, 256> buf{};
            if (read(0, buf.data(), buf.size()) <= 0)
                break; // stdin closed; anything written is ignored
        }
    }
    parent.cleanup();
    return 0;
}
