// SPDX-License-Identifier: MIT
// hs_fd_helper: the tests' child process with known fds and known behaviour.
//
//   hs_fd_helper [--bare] [--name NAME] [--uid UID]
//
// Opens the fds of fd_layout.h at their numbers (not with --bare), prints one line
//   ready pid=PID tcp=PORT udp=PORT dir=DIR        (--bare: "ready pid=PID")
// and then serves one command per line on stdin, one answer line on stdout (see
// fd_helper_commands.cpp). Between commands its only thread blocks in read(0), so that is
// where an injection stops it. At the end of stdin, on "exit", SIGTERM or SIGINT it removes
// DIR and exits 0.
//   --bare      no layout: only stdin/out/err (a target in a new network namespace has no
//               loopback to bind; one the test kills leaves no DIR behind)
//   --name NAME sets the process name (prctl), to test odd names
//   --uid UID   drops to UID/GID UID (no groups) first: another user's process, started
//               from a build folder that user may not be able to reach
//   --report-fds  (used by the spawn-child command) prints its open fds and exits
#include "fd_helper.h"
#include "fd_layout.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace hstest::layout;

namespace {

// The layout's directory and files, removed on exit; built before any signal handler
// that reads them is installed.
std::string g_dir;
std::vector<std::string> g_files;

void removeLayoutFiles()
{
    for (const auto& f : g_files)
        ::unlink(f.c_str());
    if (!g_dir.empty())
        ::rmdir(g_dir.c_str());
}

void onTerminate(int)
{
    removeLayoutFiles(), ::_exit(0);
}

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "hs_fd_helper: %s: %s\n", what, std::strerror(errno));
    removeLayoutFiles();
    ::_exit(1);
}

// Moves `fd` to `number`, with or without FD_CLOEXEC.
void place(int fd, Fd number, bool cloexec = true)
{
    if (fd < 0)
        die("create fd");
    if (fd != number) {
        if (::dup3(fd, number, cloexec ? O_CLOEXEC : 0) < 0)
            die("dup3");
        ::close(fd);
    } else if (cloexec) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
}

std::string inDir(std::string_view name)
{
    return g_dir + "/" + std::string(name);
}

bool writeAll(int fd, std::string_view text)
{
    return ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

int boundPort(int fd)
{
    sockaddr_in addr {};
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

// Opens every fd of fd_layout.h; answers the rest of the ready line.
std::string openLayout()
{
    char tmpl[] = "/tmp/hs-fd-helper-XXXXXX";
    if (!::mkdtemp(tmpl))
        die("mkdtemp");
    g_dir = tmpl;
    g_files = { inDir(kFileName), inDir(kDeletedName), inDir(kSocketName), inDir(kOddName), inDir(kAppendName) };
    ::signal(SIGTERM, onTerminate);
    ::signal(SIGINT, onTerminate);

    const int f = ::open(inDir(kFileName).c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (f < 0 || !writeAll(f, kFileText) || ::lseek(f, kFileOffset, SEEK_SET) != kFileOffset)
        die("data file");
    place(f, File);

    place(::open(inDir(kDeletedName).c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600), Deleted);
    ::unlink(inDir(kDeletedName).c_str());

    place(::open(g_dir.c_str(), O_RDONLY | O_DIRECTORY), Dir);

    int p[2];
    if (::pipe(p) < 0)
        die("pipe");
    place(p[0], PipeRead);
    place(p[1], PipeWrite);
    ::fcntl(PipeWrite, F_SETFL, O_NONBLOCK);

    int sp[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0)
        die("socketpair");
    place(sp[0], PairA);
    place(sp[1], PairB);

    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int l = ::socket(AF_INET, SOCK_STREAM, 0);
    if (l < 0 || ::bind(l, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || ::listen(l, 4) < 0)
        die("tcp listen");
    place(l, TcpListen);
    const int tcpPort = boundPort(TcpListen);
    addr.sin_port = htons(static_cast<std::uint16_t>(tcpPort));
    const int c = ::socket(AF_INET, SOCK_STREAM, 0);
    if (c < 0 || ::connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
        die("tcp connect");
    place(c, TcpClient);
    place(::accept(TcpListen, nullptr, nullptr), TcpServer);

    sockaddr_in uaddr {};
    uaddr.sin_family = AF_INET;
    uaddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int u = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (u < 0 || ::bind(u, reinterpret_cast<sockaddr*>(&uaddr), sizeof uaddr) < 0)
        die("udp bind");
    place(u, Udp);
    const int udpPort = boundPort(Udp);

    sockaddr_un un {};
    un.sun_family = AF_UNIX;
    std::snprintf(un.sun_path, sizeof un.sun_path, "%s", inDir(kSocketName).c_str());
    const int us = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (us < 0 || ::bind(us, reinterpret_cast<sockaddr*>(&un), sizeof un) < 0 || ::listen(us, 4) < 0)
        die("unix listen");
    place(us, UnixListen);

    place(::eventfd(kEventFdCount, 0), EventFd);

    const int t = ::timerfd_create(CLOCK_MONOTONIC, 0);
    itimerspec its {};
    its.it_value.tv_sec = kTimerFirstSeconds;
    its.it_interval.tv_sec = kTimerIntervalSeconds;
    if (t < 0 || ::timerfd_settime(t, 0, &its, nullptr) < 0)
        die("timerfd");
    place(t, TimerFd);

    place(::epoll_create1(0), Epoll);
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = PipeRead;
    ::epoll_ctl(Epoll, EPOLL_CTL_ADD, PipeRead, &ev);
    ev.data.fd = EventFd;
    ::epoll_ctl(Epoll, EPOLL_CTL_ADD, EventFd, &ev);

    const int in = ::inotify_init1(0);
    if (in < 0 || ::inotify_add_watch(in, g_dir.c_str(), IN_CREATE | IN_DELETE) < 0)
        die("inotify");
    place(in, Inotify);

    const int m = ::memfd_create(std::string(kMemFdName).c_str(), 0);
    if (m < 0 || !writeAll(m, kMemFdText))
        die("memfd");
    place(m, MemFd);

    place(static_cast<int>(::syscall(SYS_pidfd_open, ::getpid(), 0)), PidFd);
    place(::open(inDir(kOddName).c_str(), O_RDONLY | O_CREAT, 0600), OddName);
    place(::open("/dev/null", O_RDONLY), DevNull);

    const int a = ::open(inDir(kAppendName).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (a < 0 || !writeAll(a, kAppendText))
        die("append file");
    place(a, AppendNoCloexec, false);

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, kSignal);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    place(::signalfd(-1, &mask, 0), SignalFd);

    return " tcp=" + std::to_string(tcpPort) + " udp=" + std::to_string(udpPort) + " dir=" + g_dir;
}

int reportFds()
{
    std::string out;
    if (DIR* d = ::opendir("/proc/self/fd")) {
        const int own = ::dirfd(d);
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && std::atoi(e->d_name) != own)
                out += std::string(e->d_name) + " ";
        ::closedir(d);
    }
    return writeAll(1, out) ? 0 : 1;
}

[[noreturn]] void usage(const char* problem)
{
    std::fprintf(stderr, "hs_fd_helper: %s\nusage: hs_fd_helper [--bare] [--name NAME] [--uid UID]\n", problem);
    std::exit(2);
}

} // namespace

namespace fd_helper {

[[noreturn]] void quit(int code)
{
    removeLayoutFiles();
    ::_exit(code);
}

} // namespace fd_helper

int main(int argc, char** argv)
{
    bool bare = false;
    const char* name = nullptr;
    long uid = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--report-fds")
            return reportFds();
        if (a == "--bare") {
            bare = true;
        } else if (a == "--name" && i + 1 < argc) {
            name = argv[++i];
        } else if (a == "--uid" && i + 1 < argc) {
            char* end = nullptr;
            uid = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || uid < 0)
                usage("--uid takes a user id");
        } else {
            usage(("unknown argument '" + std::string(a) + "'").c_str());
        }
    }
    if (uid >= 0) {
        const auto id = static_cast<uid_t>(uid);
        if (::setgroups(0, nullptr) != 0 || ::setgid(id) != 0 || ::setuid(id) != 0) {
            std::perror("hs_fd_helper: drop privileges");
            return 3;
        }
    }
    if (name)
        ::prctl(PR_SET_NAME, name);
    ::signal(SIGPIPE, SIG_IGN);
    fd_helper::countSignals();

    const std::string layout = bare ? std::string() : openLayout();
    fd_helper::reply("ready pid=" + std::to_string(::getpid()) + layout);
    std::string line;
    while (fd_helper::readLine(line)) {
        if (line == "exit-main") { // the main thread exits, another one serves commands
            std::thread([] {
                std::string l;
                while (fd_helper::readLine(l))
                    fd_helper::reply(fd_helper::handle(l));
                fd_helper::quit(0);
            }).detach();
            fd_helper::reply("ok");
            ::pthread_exit(nullptr);
        }
        fd_helper::reply(fd_helper::handle(line));
    }
    fd_helper::stopWorkers();
    fd_helper::quit(0);
}
