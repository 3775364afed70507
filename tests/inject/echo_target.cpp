// SPDX-License-Identifier: MIT
// echo_target: a single-threaded process for the injection-safety tests. Its only thread
// blocks in read() on stdin between commands, so that is where an injection stops it.
// One command per line on stdin, one answer line on stdout:
//   echo TEXT       -> TEXT
//   open PATH       -> the new fd (O_RDONLY), or "error ENAME"
//   close FD...     -> how many of them were closed
//   signals         -> "trap=N usr1=N code=C value=V" (SIGTRAP count; last SIGUSR1's
//                      si_code and si_value.sival_int; usr1 = SIGUSR1 count)
//   exit            -> exits 0
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

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

void reply(const std::string& line)
{
    const std::string out = line + "\n";
    (void)!::write(1, out.data(), out.size());
}

// Unbuffered: one read() per byte, so the thread sits in read(0) between commands.
bool readLine(std::string& line)
{
    line.clear();
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(0, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        if (c == '\n')
            return true;
        line += c;
    }
}

std::string handle(const std::string& line)
{
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    if (cmd == "echo")
        return line.size() > 5 ? line.substr(5) : std::string();
    if (cmd == "open") {
        std::string path;
        in >> path;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        return fd >= 0 ? std::to_string(fd) : "error " + std::string(strerrorname_np(errno));
    }
    if (cmd == "close") {
        int fd = -1;
        int closed = 0;
        while (in >> fd)
            closed += ::close(fd) == 0 ? 1 : 0;
        return std::to_string(closed);
    }
    if (cmd == "signals")
        return "trap=" + std::to_string(g_traps) + " usr1=" + std::to_string(g_usr1)
            + " code=" + std::to_string(g_usr1Code) + " value=" + std::to_string(g_usr1Value);
    if (cmd == "exit")
        ::_exit(0);
    return "error unknown command '" + cmd + "'";
}

} // namespace

int main()
{
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction trap { };
    trap.sa_handler = onTrap;
    trap.sa_flags = SA_RESTART;
    ::sigaction(SIGTRAP, &trap, nullptr);
    struct sigaction usr1 { };
    usr1.sa_sigaction = onUsr1;
    usr1.sa_flags = SA_RESTART | SA_SIGINFO;
    ::sigaction(SIGUSR1, &usr1, nullptr);

    reply("hello " + std::to_string(::getpid()));
    std::string line;
    while (readLine(line))
        reply(handle(line));
    return 0;
}
