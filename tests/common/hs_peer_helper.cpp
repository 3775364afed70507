// SPDX-License-Identifier: MIT
// hs_peer_helper: a process whose channels have known other ends, for the peer tests.
//  - both ends of a UNIX socketpair, held here;
//  - the read end of a pipe, whose write end a child holds;
//  - the server end of a loopback TCP connection, whose client end the child holds.
// It prints "ready child=PID pair=A,B pipe_read=R child_pipe_write=W tcp_server=S
// child_tcp_client=C" and waits until stdin closes. The child (named hs_peer_child)
// dies with it.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "hs_peer_helper: %s: %s\n", what, std::strerror(errno));
    std::exit(2);
}

/// A connected loopback TCP pair: {accepted server end, client end}.
void tcpPair(int& server, int& client)
{
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener < 0)
        die("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener, 1) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        die("listen on 127.0.0.1");
    client = ::socket(AF_INET, SOCK_STREAM, 0);
    if (client < 0 || ::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        die("connect to 127.0.0.1");
    server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (server < 0)
        die("accept");
    ::close(listener); // only the connection's two ends stay
}

} // namespace

int main()
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        die("socketpair");
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) // not O_CLOEXEC: the child keeps the write end across fork
        die("pipe");
    int server = -1;
    int client = -1;
    tcpPair(server, client);

    // The child says when it has its name and only its own ends, so that the ready line is
    // true when printed.
    int childReady[2];
    if (::pipe2(childReady, O_CLOEXEC) != 0)
        die("pipe");
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0)
        die("fork");
    if (child == 0) {
        // Only the write end and the client end stay: the others are the parent's alone.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            _exit(0);
        ::prctl(PR_SET_NAME, "hs_peer_child");
        for (int fd : {pair[0], pair[1], pipeFds[0], server, STDIN_FILENO, STDOUT_FILENO, childReady[0]})
            ::close(fd);
        ::close(childReady[1]); // the parent's read returns: ready
        while (true)
            ::pause();
    }
    ::close(pipeFds[1]);
    ::close(client);
    ::close(childReady[1]);
    char c;
    if (::read(childReady[0], &c, 1) != 0)
        die("wait for the child");
    ::close(childReady[0]);
    std::printf("ready child=%d pair=%d,%d pipe_read=%d child_pipe_write=%d tcp_server=%d child_tcp_client=%d\n",
                child, pair[0], pair[1], pipeFds[0], pipeFds[1], server, client);
    std::fflush(stdout);
    while (::read(STDIN_FILENO, &c, 1) > 0) {
    }
    ::kill(child, SIGKILL);
    return 0;
}
