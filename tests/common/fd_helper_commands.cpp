// SPDX-License-Identifier: MIT
// hs_fd_helper's commands: one line on stdin, one answer line on stdout. Fds it opens on
// command have FD_CLOEXEC. "error ENAME" reports a failed call by its errno name.
//   ping                -> pong PID
//   echo TEXT           -> TEXT
//   open PATH           -> a new fd, O_RDONLY
//   open-file PATH      -> a new fd, O_RDWR|O_CREAT|O_TRUNC (-1 on failure)
//   open-path PATH      -> a new fd, O_PATH
//   pipe, socketpair    -> "R W", "A B" (-1 on failure)
//   listen              -> "FD PORT": TCP on 127.0.0.1
//   eventfd, memfd      -> a new fd (count 0; empty memfd "dup-test")
//   write FD TEXT       -> bytes written       read FD N -> "data TEXT"
//   tell FD             -> the offset          accept FD -> accepted (then closed)
//   eventfd-add FD V    -> bytes written       eventfd-read FD -> the count
//   close FD...         -> how many of them were closed
//   reopen-as FD        -> ok: FD closed, /dev/zero opened on the same number ("moved N" if not)
//   cloexec FD          -> 1 or 0 (FD_CLOEXEC)  isopen FD -> 1 or 0
//   count               -> how many fds are open
//   spawn-child         -> "fds N N ...": what a fork+exec'd child of ours holds
//   signals             -> "trap=N usr1=N code=C value=V": SIGTRAP and SIGUSR1 counts, the
//                          last SIGUSR1's si_code and si_value.sival_int
//   block KIND          -> "ready" (accept: "ready PORT"), then the main thread blocks in one
//                          call until the test writes a line (accept: connects; nanosleep:
//                          1.5 s pass) and answers "done rc=R errno=E ...". KIND: read,
//                          nanosleep, poll, select, epoll, futex, accept, waitpid
//   workers N           -> ok: N threads that check their own results; stop-workers -> ok
//   stats               -> "ITERATIONS ERRORS" of the workers
//   fill-fds            -> RLIMIT_NOFILE lowered to 64 and filled: how many fds that took
//   unfill              -> ok
//   vfork MS            -> "ready", then "vfork done" once a vfork child slept MS ms
//   seccomp             -> ok: from now on a pidfd_open call of ours kills the process
//   exit                -> exits 0 (exit-main: see fd_helper.cpp)
#include "fd_helper.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string errName(int err)
{
    return std::string(strerrorname_np(err));
}

std::string errText(long rc, int err)
{
    return "rc=" + std::to_string(rc) + " errno=" + (rc < 0 ? errName(err) : std::string("0"));
}

std::vector<int> openFds()
{
    std::vector<int> fds;
    DIR* d = ::opendir("/proc/self/fd");
    if (!d)
        return fds;
    const int own = ::dirfd(d);
    while (const dirent* e = ::readdir(d))
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && std::atoi(e->d_name) != own)
            fds.push_back(std::atoi(e->d_name));
    ::closedir(d);
    return fds;
}

// ---- signals --------------------------------------------------------------------------

volatile sig_atomic_t g_traps = 0;
volatile sig_atomic_t g_usr1 = 0;
volatile sig_atomic_t g_usr1Code = 0;
volatile sig_atomic_t g_usr1Value = 0;

void onTrap(int)
{
    g_traps = g_traps + 1;
}

void onUsr1(int, siginfo_t* info, void*)
{
    g_usr1 = g_usr1 + 1;
    g_usr1Code = info->si_code;
    g_usr1Value = info->si_value.sival_int;
}

// ---- workers: threads that check their own results ------------------------------------

std::atomic<long> g_iterations { 0 };
std::atomic<long> g_errors { 0 };
std::atomic<bool> g_stopWorkers { false };
std::atomic<int> g_runningWorkers { 0 };

void worker(unsigned seed)
{
    struct Running {
        Running() { g_runningWorkers.fetch_add(1); }
        ~Running() { g_runningWorkers.fetch_sub(1); }
    } running;
    std::vector<std::uint32_t> data(4096);
    for (std::size_t i = 0; i < data.size(); ++i)
        data[i] = static_cast<std::uint32_t>(i * 2654435761U + seed);
    auto checksum = [&] {
        std::uint64_t sum = 0;
        for (auto v : data)
            sum = sum * 31 + v;
        return sum;
    };
    const std::uint64_t expected = checksum();
    while (!g_stopWorkers.load()) {
        if (checksum() != expected)
            g_errors.fetch_add(1);
        // Syscalls too: a getpid that returns garbage or a failing pipe round trip is an error.
        if (::getpid() <= 0)
            g_errors.fetch_add(1);
        int p[2];
        if (::pipe2(p, O_CLOEXEC) != 0) {
            g_errors.fetch_add(1);
        } else {
            const char c = 'w';
            char r = 0;
            if (::write(p[1], &c, 1) != 1 || ::read(p[0], &r, 1) != 1 || r != 'w')
                g_errors.fetch_add(1);
            ::close(p[0]);
            ::close(p[1]);
        }
        g_iterations.fetch_add(1);
    }
}

void waitForWorkers(int running)
{
    while (g_runningWorkers.load() != running)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

// ---- blocking calls -------------------------------------------------------------------

int listenTcp(int& port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(fd, 8) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        return -1;
    port = ntohs(a.sin_port);
    return fd;
}

void skipLine()
{
    std::string rest;
    fd_helper::readLine(rest);
}

// The main thread blocks in one call until the test writes a line on stdin (or a timer
// ends), then reports how the call returned.
std::string block(const std::string& kind)
{
    using fd_helper::reply;
    errno = 0;
    long rc = 0;
    if (kind == "read") {
        reply("ready");
        char buf[2] = {};
        rc = ::read(0, buf, 2);
    } else if (kind == "nanosleep") {
        reply("ready");
        const auto t0 = std::chrono::steady_clock::now();
        timespec ts { 1, 500'000'000 };
        rc = ::nanosleep(&ts, &ts);
        const auto err = errno;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
        return "done " + errText(rc, err) + " ms=" + std::to_string(ms.count());
    } else if (kind == "poll") {
        reply("ready");
        pollfd p { 0, POLLIN, 0 };
        rc = ::poll(&p, 1, -1);
    } else if (kind == "select") {
        reply("ready");
        fd_set set;
        FD_ZERO(&set);
        FD_SET(0, &set);
        rc = ::select(1, &set, nullptr, nullptr, nullptr);
    } else if (kind == "epoll") {
        const int ep = ::epoll_create1(EPOLL_CLOEXEC);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ::epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev);
        reply("ready");
        rc = ::epoll_wait(ep, &ev, 1, -1);
        const int err = errno;
        ::close(ep);
        errno = err;
    } else if (kind == "futex") {
        std::mutex m;
        std::condition_variable cv;
        bool go = false;
        std::thread waker([&] {
            skipLine();
            std::lock_guard lock(m);
            go = true;
            cv.notify_all();
        });
        reply("ready");
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return go; }); // futex(FUTEX_WAIT) in the main thread
        }
        waker.join();
        return "done rc=0 errno=0";
    } else if (kind == "accept") {
        int port = 0;
        const int l = listenTcp(port);
        reply("ready " + std::to_string(port));
        rc = ::accept4(l, nullptr, nullptr, SOCK_CLOEXEC);
        const int err = errno;
        if (rc >= 0)
            ::close(static_cast<int>(rc));
        ::close(l);
        errno = err;
    } else if (kind == "waitpid") {
        const pid_t child = ::fork();
        if (child == 0) {
            skipLine();
            ::_exit(7);
        }
        reply("ready");
        int status = 0;
        rc = ::waitpid(child, &status, 0);
        const int err = errno;
        return "done " + errText(rc == child ? 0 : rc, err) + " status=" + std::to_string(WEXITSTATUS(status));
    } else {
        return "error unknown block kind";
    }
    const int err = errno;
    // Drain the rest of the wake-up line.
    if ((kind != "read" || rc != 2) && kind != "accept")
        skipLine();
    return "done " + errText(rc < 0 ? -1 : 0, err) + " value=" + std::to_string(rc);
}

std::string spawnChildReportingFds()
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0)
        return "error pipe";
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(p[1], 1); // dup2 clears FD_CLOEXEC on 1
        ::execl("/proc/self/exe", "/proc/self/exe", "--report-fds", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(p[1]);
    std::string out;
    char buf[512];
    ssize_t n;
    while ((n = ::read(p[0], buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    ::close(p[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return "fds " + out;
}

std::vector<int> g_filler;

std::string installSeccomp()
{
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, static_cast<unsigned>(offsetof(seccomp_data, nr))),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_pidfd_open, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog prog { static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter };
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
        return "error " + errName(errno);
    return "ok";
}

} // namespace

namespace fd_helper {

void reply(const std::string& line)
{
    const std::string out = line + "\n";
    (void)!::write(1, out.data(), out.size());
}

bool readLine(std::string& line)
{
    line.clear();
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(0, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return !line.empty();
        if (c == '\n')
            return true;
        line += c;
    }
}

void countSignals()
{
    struct sigaction trap { };
    trap.sa_handler = onTrap;
    trap.sa_flags = SA_RESTART;
    ::sigaction(SIGTRAP, &trap, nullptr);
    struct sigaction usr1 { };
    usr1.sa_sigaction = onUsr1;
    usr1.sa_flags = SA_RESTART | SA_SIGINFO;
    ::sigaction(SIGUSR1, &usr1, nullptr);
}

void stopWorkers()
{
    g_stopWorkers = true;
    waitForWorkers(0);
}

std::string handle(const std::string& line)
{
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    int fd = -1;
    if (cmd == "ping")
        return "pong " + std::to_string(::getpid());
    if (cmd == "echo")
        return line.size() > 5 ? line.substr(5) : std::string();
    if (cmd == "open" || cmd == "open-file" || cmd == "open-path") {
        std::string path;
        in >> path;
        if (cmd == "open-path")
            fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
        else if (cmd == "open-file")
            return std::to_string(::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        else
            fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        return fd >= 0 ? std::to_string(fd) : "error " + errName(errno);
    }
    if (cmd == "pipe") {
        int p[2];
        return ::pipe2(p, O_CLOEXEC) == 0 ? std::to_string(p[0]) + " " + std::to_string(p[1]) : "-1";
    }
    if (cmd == "socketpair") {
        int s[2];
        return ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s) == 0
            ? std::to_string(s[0]) + " " + std::to_string(s[1])
            : "-1";
    }
    if (cmd == "listen") {
        int port = 0;
        const int l = listenTcp(port);
        return std::to_string(l) + " " + std::to_string(port);
    }
    if (cmd == "eventfd")
        return std::to_string(::eventfd(0, EFD_CLOEXEC));
    if (cmd == "memfd")
        return std::to_string(::memfd_create("dup-test", MFD_CLOEXEC));
    if (cmd == "write") {
        std::string text;
        in >> fd >> text;
        return std::to_string(::write(fd, text.data(), text.size()));
    }
    if (cmd == "read") {
        std::size_t n = 0;
        in >> fd >> n;
        std::string buf(n, '\0');
        const ssize_t got = ::read(fd, buf.data(), n);
        return got < 0 ? "error " + errName(errno) : "data " + buf.substr(0, static_cast<std::size_t>(got));
    }
    if (cmd == "tell") {
        in >> fd;
        return std::to_string(::lseek(fd, 0, SEEK_CUR));
    }
    if (cmd == "eventfd-add") {
        std::uint64_t v = 0;
        in >> fd >> v;
        return std::to_string(::write(fd, &v, sizeof v));
    }
    if (cmd == "eventfd-read") {
        std::uint64_t v = 0;
        in >> fd;
        return ::read(fd, &v, sizeof v) == sizeof v ? std::to_string(v) : "-1";
    }
    if (cmd == "accept") {
        in >> fd;
        const int c = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (c >= 0)
            ::close(c);
        return c >= 0 ? "accepted" : "error " + errName(errno);
    }
    if (cmd == "close") {
        int closed = 0;
        while (in >> fd)
            closed += ::close(fd) == 0 ? 1 : 0;
        return std::to_string(closed);
    }
    if (cmd == "reopen-as") {
        in >> fd;
        ::close(fd);
        const int n = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
        return n == fd ? "ok" : "moved " + std::to_string(n);
    }
    if (cmd == "cloexec") {
        in >> fd;
        const int flags = ::fcntl(fd, F_GETFD);
        return flags < 0 ? "error " + errName(errno) : std::to_string(flags & FD_CLOEXEC);
    }
    if (cmd == "isopen") {
        in >> fd;
        return ::fcntl(fd, F_GETFD) >= 0 ? "1" : "0";
    }
    if (cmd == "count")
        return std::to_string(openFds().size());
    if (cmd == "spawn-child")
        return spawnChildReportingFds();
    if (cmd == "signals")
        return "trap=" + std::to_string(g_traps) + " usr1=" + std::to_string(g_usr1)
            + " code=" + std::to_string(g_usr1Code) + " value=" + std::to_string(g_usr1Value);
    if (cmd == "block") {
        std::string kind;
        in >> kind;
        return block(kind);
    }
    if (cmd == "workers") {
        int n = 0;
        in >> n;
        const int running = g_runningWorkers.load();
        for (int i = 0; i < n; ++i)
            std::thread(worker, static_cast<unsigned>(i)).detach();
        waitForWorkers(running + n);
        return "ok";
    }
    if (cmd == "stop-workers") { // so the fd count is stable (workers open and close pipes)
        stopWorkers();
        return "ok";
    }
    if (cmd == "stats")
        return std::to_string(g_iterations.load()) + " " + std::to_string(g_errors.load());
    if (cmd == "fill-fds") {
        rlimit r { 64, 64 };
        if (::setrlimit(RLIMIT_NOFILE, &r) != 0)
            return "error setrlimit";
        int f;
        while ((f = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0)
            g_filler.push_back(f);
        return std::to_string(g_filler.size());
    }
    if (cmd == "unfill") {
        for (int f : g_filler)
            ::close(f);
        g_filler.clear();
        return "ok";
    }
    if (cmd == "vfork") { // the main thread waits for a vfork child for MS ms
        int ms = 0;
        in >> ms;
        reply("ready");
        const pid_t c = ::vfork();
        if (c == 0) {
            timespec ts { ms / 1000, (ms % 1000) * 1'000'000L };
            ::syscall(SYS_nanosleep, &ts, nullptr);
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(c, &status, 0);
        return "vfork done";
    }
    if (cmd == "seccomp")
        return installSeccomp();
    if (cmd == "exit")
        quit(0);
    return "error unknown command '" + cmd + "'";
}

} // namespace fd_helper
