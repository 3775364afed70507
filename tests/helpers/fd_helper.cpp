// SPDX-License-Identifier: MIT
// hs_fd_helper: opens a known set of descriptors at known numbers, prints one line
//   ready <pid> <tcp_port> <udp_port> <tmpdir>
// and waits until its stdin closes (or SIGTERM), then removes its files.
// Every fd but kFdAppendNoCloexec has FD_CLOEXEC; see kLayout for what sits where.
// Options: --name NAME sets the process name (prctl), to test odd names.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
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
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// The fd numbers the tests assert on. Keep in sync with tests/linux/fd_layout.h.
enum Fd : int {
    kFdFile = 10,          // tmpdir/data.txt, O_RDWR, "hello world", offset 5
    kFdDeleted = 11,       // tmpdir/gone.txt, unlinked, O_RDONLY
    kFdDir = 12,           // tmpdir, O_RDONLY|O_DIRECTORY
    kFdPipeRead = 13,
    kFdPipeWrite = 14,     // O_NONBLOCK
    kFdPairA = 15,         // socketpair(AF_UNIX, SOCK_STREAM)
    kFdPairB = 16,
    kFdTcpListen = 17,     // 127.0.0.1:<tcp_port> LISTEN
    kFdTcpClient = 18,     // connected to the listener
    kFdTcpServer = 19,     // accepted side
    kFdUdp = 20,           // 127.0.0.1:<udp_port>
    kFdUnixListen = 21,    // tmpdir/hs.sock, listening
    kFdEventFd = 22,       // eventfd, count 7
    kFdTimerFd = 23,       // CLOCK_MONOTONIC, first expiry 100 s, interval 1 s
    kFdEpoll = 24,         // watches kFdPipeRead and kFdEventFd
    kFdInotify = 25,       // watches tmpdir
    kFdMemFd = 26,         // memfd "hs-memfd", 4 bytes, offset 4
    kFdPidFd = 27,         // pidfd of this process
    kFdOddName = 28,       // tmpdir/"odd (name), with\nnewline", O_RDONLY
    kFdDevNull = 29,       // /dev/null O_RDONLY
    kFdAppendNoCloexec = 30, // tmpdir/append.log, O_WRONLY|O_APPEND, inheritable, offset 3
    kFdSignalFd = 31,      // SIGUSR1
};

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "hs_fd_helper: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

void place(int fd, int number, bool cloexec = true)
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

std::string g_dir;

void cleanup()
{
    if (g_dir.empty())
        return;
    for (const char* f : {"data.txt", "hs.sock", "append.log", "odd (name), with\nnewline"})
        ::unlink((g_dir + "/" + f).c_str());
    ::rmdir(g_dir.c_str());
}

void onSignal(int) { cleanup(), std::_Exit(0); }

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--name") == 0)
            ::prctl(PR_SET_NAME, argv[i + 1]);

    char tmpl[] = "/tmp/hs-fd-helper-XXXXXX";
    if (!::mkdtemp(tmpl))
        die("mkdtemp");
    g_dir = tmpl;
    std::atexit(cleanup);
    ::signal(SIGTERM, onSignal);
    ::signal(SIGINT, onSignal);
    ::signal(SIGPIPE, SIG_IGN);

    int f = ::open((g_dir + "/data.txt").c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (f < 0 || ::write(f, "hello world", 11) != 11 || ::lseek(f, 5, SEEK_SET) != 5)
        die("data.txt");
    place(f, kFdFile);

    int g = ::open((g_dir + "/gone.txt").c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    place(g, kFdDeleted);
    ::unlink((g_dir + "/gone.txt").c_str());

    place(::open(g_dir.c_str(), O_RDONLY | O_DIRECTORY), kFdDir);

    int p[2];
    if (::pipe(p) < 0)
        die("pipe");
    place(p[0], kFdPipeRead);
    place(p[1], kFdPipeWrite);
    ::fcntl(kFdPipeWrite, F_SETFL, O_NONBLOCK);

    int sp[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0)
        die("socketpair");
    place(sp[0], kFdPairA);
    place(sp[1], kFdPairB);

    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int l = ::socket(AF_INET, SOCK_STREAM, 0);
    if (l < 0 || ::bind(l, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || ::listen(l, 4) < 0)
        die("tcp listen");
    place(l, kFdTcpListen);
    ::getsockname(kFdTcpListen, reinterpret_cast<sockaddr*>(&addr), &len);
    const int tcpPort = ntohs(addr.sin_port);
    int c = ::socket(AF_INET, SOCK_STREAM, 0);
    if (c < 0 || ::connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
        die("tcp connect");
    place(c, kFdTcpClient);
    place(::accept(kFdTcpListen, nullptr, nullptr), kFdTcpServer);

    sockaddr_in uaddr{};
    uaddr.sin_family = AF_INET;
    uaddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int u = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (u < 0 || ::bind(u, reinterpret_cast<sockaddr*>(&uaddr), sizeof uaddr) < 0)
        die("udp bind");
    place(u, kFdUdp);
    len = sizeof uaddr;
    ::getsockname(kFdUdp, reinterpret_cast<sockaddr*>(&uaddr), &len);
    const int udpPort = ntohs(uaddr.sin_port);

    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    std::snprintf(un.sun_path, sizeof un.sun_path, "%s/hs.sock", g_dir.c_str());
    int us = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (us < 0 || ::bind(us, reinterpret_cast<sockaddr*>(&un), sizeof un) < 0 || ::listen(us, 4) < 0)
        die("unix listen");
    place(us, kFdUnixListen);

    place(::eventfd(7, 0), kFdEventFd);

    int t = ::timerfd_create(CLOCK_MONOTONIC, 0);
    itimerspec its{};
    its.it_value.tv_sec = 100;
    its.it_interval.tv_sec = 1;
    if (t < 0 || ::timerfd_settime(t, 0, &its, nullptr) < 0)
        die("timerfd");
    place(t, kFdTimerFd);

    place(::epoll_create1(0), kFdEpoll);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = kFdPipeRead;
    ::epoll_ctl(kFdEpoll, EPOLL_CTL_ADD, kFdPipeRead, &ev);
    ev.data.fd = kFdEventFd;
    ::epoll_ctl(kFdEpoll, EPOLL_CTL_ADD, kFdEventFd, &ev);

    int in = ::inotify_init1(0);
    if (in < 0 || ::inotify_add_watch(in, g_dir.c_str(), IN_CREATE | IN_DELETE) < 0)
        die("inotify");
    place(in, kFdInotify);

    int m = ::memfd_create("hs-memfd", 0);
    if (m < 0 || ::write(m, "data", 4) != 4)
        die("memfd");
    place(m, kFdMemFd);

    place(static_cast<int>(::syscall(SYS_pidfd_open, ::getpid(), 0)), kFdPidFd);

    place(::open((g_dir + "/odd (name), with\nnewline").c_str(), O_RDONLY | O_CREAT, 0600), kFdOddName);
    place(::open("/dev/null", O_RDONLY), kFdDevNull);

    int a = ::open((g_dir + "/append.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (a < 0 || ::write(a, "abc", 3) != 3)
        die("append.log");
    place(a, kFdAppendNoCloexec, false);

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    place(::signalfd(-1, &mask, 0), kFdSignalFd);

    std::printf("ready %d %d %d %s\n", static_cast<int>(::getpid()), tcpPort, udpPort, g_dir.c_str());
    std::fflush(stdout);

    // Wait for the test to close our stdin (or kill us).
    char buf[64];
    while (::read(0, buf, sizeof buf) > 0) {
    }
    return 0;
}
