// SPDX-License-Identifier: MIT
// The demo roles on Linux: the source holds a file, a pipe, an eventfd and a socket pair;
// the channel is a UNIX socket at a path.
#include "demo_message.h"
#include "demo_roles.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace hs::demo {

namespace {

constexpr const char* kTypes[] = {"file", "pipe", "eventfd", "socket", nullptr};

volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int) { g_stop = 1; }

// Ctrl+C and SIGTERM end the loops; without SA_RESTART they interrupt poll() and accept().
void catchStopSignals()
{
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
}

std::string errnoText(int err)
{
    const char* name = ::strerrorname_np(err);
    return std::string(name ? name : "E?") + " (" + std::strerror(err) + ")";
}

// One error line: what failed, the OS error, what to do.
int failure(const std::string& who, const std::string& operation, int err, const std::string& hint, int code)
{
    std::fprintf(stderr, "handlescope-demo %s: %s: %s%s%s\n", who.c_str(), operation.c_str(), errnoText(err).c_str(),
                 hint.empty() ? "" : ". Hint: ", hint.c_str());
    return code;
}

// Ended by its reader when stdin is a pipe or socket (a program drives us); a terminal or
// /dev/null is not watched, so `handlescope-demo source &` keeps running.
bool stdinIsDriven()
{
    struct stat st {};
    return ::fstat(0, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

std::string readSome(int fd)
{
    char buf[512];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

sockaddr_un channelAddress(const std::string& path, bool& fits)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    fits = path.size() < sizeof addr.sun_path;
    if (fits)
        std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    return addr;
}

// The file a role shares: `line` and a newline, readable by its owner only.
bool writeGreeting(const std::string& path, const char* line)
{
    const int w = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    const std::string text = std::string(line) + "\n";
    const bool ok = w >= 0 && ::write(w, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (w >= 0)
        ::close(w);
    return ok;
}

} // namespace

const char* const* handleTypes() { return kTypes; }
bool handlesInHex() { return false; }

int runSource()
{
    catchStopSignals();
    const pid_t pid = ::getpid();
    say("source: pid " + std::to_string(pid) + ", creating the objects to share");
    char dirTemplate[] = "/tmp/handlescope-demo-XXXXXX";
    if (!::mkdtemp(dirTemplate))
        return failure("source", "create a folder in /tmp (mkdtemp)", errno, "is /tmp writable?", ExitFailed);
    const std::string dir = dirTemplate;
    const std::string path = dir + "/greeting.txt";
    if (!writeGreeting(path, kFileText))
        return failure("source", "write " + path, errno, "", ExitFailed);
    const int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    int pipeFds[2] = {-1, -1};
    int pair[2] = {-1, -1};
    const int event = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (file < 0 || ::pipe2(pipeFds, O_CLOEXEC) != 0 || event < 0
        || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return failure("source", "create the objects (open, pipe2, eventfd, socketpair)", errno, "", ExitFailed);
    say("source: opened " + path + " as fd " + std::to_string(file) + " (read-only)");
    say("source: pipe2() gave read end fd " + std::to_string(pipeFds[0]) + " (kept, watched) and write end fd "
        + std::to_string(pipeFds[1]) + " (to share)");
    say("source: eventfd(0) = fd " + std::to_string(event) + " (to share, and watched)");
    say("source: socketpair() gave fd " + std::to_string(pair[0]) + " (kept, watched) and fd " + std::to_string(pair[1])
        + " (to share)");
    say(machineLine("HOLD", {{"handle", std::to_string(file)}, {"type", "file"}, {"path", path}, {"text", kFileText}}));
    say(machineLine("HOLD", {{"handle", std::to_string(pipeFds[1])}, {"type", "pipe"}, {"end", "write"}}));
    say(machineLine("HOLD", {{"handle", std::to_string(event)}, {"type", "eventfd"}, {"value", "0"}}));
    say(machineLine("HOLD", {{"handle", std::to_string(pair[1])}, {"type", "socket"}, {"end", "1"}}));
    say(machineLine("READY", {{"pid", std::to_string(pid)}}));
    say("source: these numbers mean nothing in another process. Copy one into the target with\n"
        "source:   handlescope-cli dup --from " + std::to_string(pid) + " --handle N --to TARGET_PID --yes\n"
        "source: then tell the target the value dup printed. Waiting for what the target does...");

    const bool driven = stdinIsDriven();
    std::vector<pollfd> watched{{pipeFds[0], POLLIN, 0}, {event, POLLIN, 0}, {pair[0], POLLIN, 0}};
    if (driven)
        watched.push_back({0, POLLIN, 0});
    while (!g_stop) {
        if (::poll(watched.data(), watched.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            return failure("source", "wait for the target (poll)", errno, "", ExitFailed);
        }
        if (watched[0].revents & POLLIN) {
            const std::string got = trimmed(readSome(pipeFds[0]));
            say("source: the pipe delivered: \"" + got + "\"");
            say(machineLine("SAW", {{"type", "pipe"}, {"text", got}}));
        }
        if (watched[1].revents & POLLIN) {
            std::uint64_t count = 0;
            if (::read(event, &count, sizeof count) == sizeof count) {
                say("source: the eventfd was signalled: its counter was " + std::to_string(count));
                say(machineLine("SAW", {{"type", "eventfd"}, {"value", std::to_string(count)}}));
            }
        }
        if (watched[2].revents & POLLIN) {
            const std::string got = trimmed(readSome(pair[0]));
            say("source: the socket pair delivered: \"" + got + "\"");
            say(machineLine("SAW", {{"type", "socket"}, {"text", got}}));
        }
        if (driven && (watched[3].revents & (POLLIN | POLLHUP)) && readSome(0).empty())
            break;
    }
    ::unlink(path.c_str());
    ::rmdir(dir.c_str());
    say("source: ended; removed " + path);
    return ExitOk;
}

namespace {

// What `fd` is, checked against the type the teller named; "" when it matches.
std::string mismatch(int fd, const std::string& type)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return "fstat failed: " + errnoText(errno);
    char link[128] = {};
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    (void)!::readlink(self.c_str(), link, sizeof link - 1);
    const std::string what = link;
    bool ok = false;
    if (type == "file")
        ok = S_ISREG(st.st_mode);
    else if (type == "pipe")
        ok = S_ISFIFO(st.st_mode);
    else if (type == "socket")
        ok = S_ISSOCK(st.st_mode);
    else if (type == "eventfd")
        ok = what == "anon_inode:[eventfd]";
    return ok ? std::string() : "handle " + std::to_string(fd) + " is " + what + ", not a " + type;
}

// Uses handle `fd` as a `type`; the report line (USED ...) for the teller and the output.
std::string useHandle(int fd, const std::string& type, const std::string& who = "target")
{
    const std::string handle = std::to_string(fd);
    const std::string greeting = std::string(kTargetGreeting) + " (pid " + std::to_string(::getpid()) + ")";
    auto failed = [&](const std::string& what) {
        say(who + ": could not use handle " + handle + ": " + what);
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "error"}, {"error", what}});
    };
    if (::fcntl(fd, F_GETFD) < 0)
        return failed("it is not open in this process (pid " + std::to_string(::getpid()) + "): " + errnoText(errno)
                      + "; copy it here first with handlescope-cli dup --to " + std::to_string(::getpid()));
    if (const std::string wrong = mismatch(fd, type); !wrong.empty())
        return failed(wrong);
    if (type == "file") {
        say(who + ": pread(" + handle + ", buf, 4096, 0): reading the file from its start");
        char buf[4096];
        const ssize_t n = ::pread(fd, buf, sizeof buf, 0);
        if (n < 0)
            return failed("pread: " + errnoText(errno));
        const std::string text = trimmed(std::string(buf, static_cast<std::size_t>(n)));
        say(who + ": read " + std::to_string(n) + " bytes: \"" + text + "\"");
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"text", text}});
    }
    if (type == "eventfd") {
        const std::uint64_t one = 1;
        say(who + ": write(" + handle + ", 1): signalling the eventfd");
        if (::write(fd, &one, sizeof one) != sizeof one)
            return failed("write: " + errnoText(errno));
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"added", "1"}});
    }
    // A pipe's write end or a socket: send the greeting; the source prints what arrives.
    const std::string line = greeting + "\n";
    say(who + ": write(" + handle + ", \"" + greeting + "\")");
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        return failed("write: " + errnoText(errno) + (type == "pipe" ? " (is it the pipe's write end?)" : ""));
    return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"text", greeting}});
}

} // namespace

int runTarget(const TargetOptions& options)
{
    catchStopSignals();
    bool fits = false;
    const sockaddr_un addr = channelAddress(options.channel, fits);
    if (!fits)
        return failure("target", "listen on " + options.channel, ENAMETOOLONG, "use a path under 108 bytes",
                       ExitUsage);
    const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener < 0)
        return failure("target", "create the channel socket", errno, "", ExitChannel);
    if (::bind(listener, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
        return failure("target", "bind the channel to " + options.channel, errno,
                       errno == EADDRINUSE ? "that path exists: remove it (rm " + options.channel
                                                 + ") or choose another --channel"
                                           : "choose a --channel path in a writable folder",
                       ExitChannel);
    if (::listen(listener, 4) != 0)
        return failure("target", "listen on " + options.channel, errno, "", ExitChannel);
    const pid_t pid = ::getpid();
    say("target: pid " + std::to_string(pid) + ", listening on the UNIX socket " + options.channel);
    say(machineLine("LISTENING", {{"pid", std::to_string(pid)}, {"channel", options.channel}}));
    say("target: waiting for a message \"handle N, type T\" (handlescope-demo tell ...)");
    const bool driven = stdinIsDriven();
    std::vector<pollfd> watched{{listener, POLLIN, 0}};
    if (driven)
        watched.push_back({0, POLLIN, 0});
    int code = ExitOk;
    while (!g_stop) {
        if (::poll(watched.data(), watched.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            code = failure("target", "wait on the channel (poll)", errno, "", ExitChannel);
            break;
        }
        if (driven && (watched[1].revents & (POLLIN | POLLHUP)) && readSome(0).empty())
            break;
        if (!(watched[0].revents & POLLIN))
            continue;
        const int conn = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (conn < 0) {
            if (errno == EINTR)
                continue;
            code = failure("target", "accept on the channel", errno, "", ExitChannel);
            break;
        }
        const std::string message = trimmed(readSome(conn));
        say("target: received \"" + message + "\"");
        std::string why;
        std::string report;
        if (auto told = parseTell(message, why)) {
            report = useHandle(static_cast<int>(told->handle), told->type);
        } else {
            say("target: not a message I understand: " + why);
            report = machineLine("USED", {{"result", "error"}, {"error", why}});
        }
        say(report);
        const std::string reply = report + "\n";
        (void)!::write(conn, reply.data(), reply.size());
        ::close(conn);
        if (options.once)
            break;
    }
    ::close(listener);
    ::unlink(options.channel.c_str());
    return code;
}

int runTell(const std::string& channel, const std::string& message)
{
    ::signal(SIGPIPE, SIG_IGN);
    bool fits = false;
    const sockaddr_un addr = channelAddress(channel, fits);
    if (!fits)
        return failure("tell", "connect to " + channel, ENAMETOOLONG, "use a path under 108 bytes", ExitUsage);
    const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0 || ::connect(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
        return failure("tell", "connect to the channel " + channel, errno,
                       "is `handlescope-demo target --channel " + channel + "` running?", ExitChannel);
    say("tell: connected to " + channel + ", sending \"" + message + "\"");
    const std::string line = message + "\n";
    if (::write(s, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        return failure("tell", "send the message", errno, "", ExitChannel);
    std::string answer;
    for (std::string part; !(part = readSome(s)).empty();)
        answer += part;
    ::close(s);
    answer = trimmed(answer);
    if (answer.empty())
        return failure("tell", "read the target's answer", EPIPE, "the target closed the channel without one",
                       ExitChannel);
    say("tell: the target answered: " + answer);
    return answer.find(" result=ok") != std::string::npos ? ExitOk : ExitFailed;
}

int runUse(std::int64_t handle, const std::string& type)
{
    say("use: pid " + std::to_string(::getpid()) + ", using fd " + std::to_string(handle)
        + " that this process already holds (nobody copied it in: it was inherited)");
    const std::string report = useHandle(static_cast<int>(handle), type, "use");
    say(report);
    return report.find(" result=ok") != std::string::npos ? ExitOk : ExitFailed;
}

int runInherit()
{
    catchStopSignals();
    char dirTemplate[] = "/tmp/handlescope-demo-XXXXXX";
    if (!::mkdtemp(dirTemplate))
        return failure("inherit", "create a folder in /tmp (mkdtemp)", errno, "is /tmp writable?", ExitFailed);
    const std::string dir = dirTemplate;
    const std::string path = dir + "/greeting.txt";
    auto cleanUp = [&] {
        ::unlink(path.c_str());
        ::rmdir(dir.c_str());
    };
    if (!writeGreeting(path, kInheritedText)) {
        cleanUp();
        return failure("inherit", "write " + path, errno, "", ExitFailed);
    }
    // No O_CLOEXEC: this fd stays open across exec, in the child, at the same number.
    const int file = ::open(path.c_str(), O_RDONLY);
    if (file < 0) {
        cleanUp();
        return failure("inherit", "open " + path, errno, "", ExitFailed);
    }
    const std::string fd = std::to_string(file);
    say("inherit: pid " + std::to_string(::getpid()) + " opened " + path + " as fd " + fd
        + " without O_CLOEXEC: a child started with exec keeps it");
    say(machineLine("HOLD", {{"handle", fd}, {"type", "file"}, {"path", path}, {"inheritable", "yes"}}));
    say("inherit: fork(), then in the child execv(handlescope-demo use --handle " + fd
        + " --type file): the value is told on the command line");
    std::fflush(stdout);
    const pid_t child = ::fork();
    if (child < 0) {
        cleanUp();
        return failure("inherit", "fork", errno, "", ExitFailed);
    }
    if (child == 0) {
        const char* argv[] = {"handlescope-demo", "use", "--handle", fd.c_str(), "--type", "file", nullptr};
        ::execv("/proc/self/exe", const_cast<char* const*>(argv));
        std::_Exit(127);
    }
    say(machineLine("STARTED", {{"pid", std::to_string(child)}, {"handle", fd}}));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(file);
    cleanUp();
    const bool used = WIFEXITED(status) && WEXITSTATUS(status) == ExitOk;
    say("inherit: the child (pid " + std::to_string(child) + ") " + (used ? "used the inherited fd" : "failed"));
    return used ? ExitOk : ExitFailed;
}

int runNamedCreate(const std::string& name)
{
    catchStopSignals();
    if (::mkfifo(name.c_str(), 0600) != 0)
        return failure("named-create", "mkfifo " + name, errno,
                       errno == EEXIST ? "remove it first or choose another --name" : "", ExitFailed);
    say("named-create: pid " + std::to_string(::getpid()) + " made the FIFO " + name
        + " (mkfifo): a named object, found by its path");
    say(machineLine("MADE", {{"name", name}, {"type", "fifo"}}));
    say("named-create: open(" + name + ", O_WRONLY) waits until another process opens it for reading");
    // Non-blocking opens fail with ENXIO until there is a reader; in between, an ended
    // input (the app that started us is gone) or a signal ends the wait.
    const bool driven = stdinIsDriven();
    int w = -1;
    while (!g_stop) {
        w = ::open(name.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (w >= 0 || errno != ENXIO)
            break;
        pollfd in{0, POLLIN, 0};
        if (::poll(&in, driven ? 1 : 0, 100) > 0 && readSome(0).empty())
            break;
    }
    if (w < 0) {
        const int err = g_stop || errno == ENXIO ? EINTR : errno;
        ::unlink(name.c_str());
        return failure("named-create", "open " + name, err, "nobody opened it", ExitFailed);
    }
    ::fcntl(w, F_SETFL, 0); // blocking writes from here on
    const std::string text = std::string(kNamedText) + "\n";
    const bool wrote = ::write(w, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    say("named-create: a reader opened it; wrote the greeting into fd " + std::to_string(w));
    ::close(w);
    ::unlink(name.c_str());
    return wrote ? ExitOk : ExitFailed;
}

int runNamedOpen(const std::string& name)
{
    const int r = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (r < 0)
        return failure("named-open", "open " + name, errno, "is `handlescope-demo named-create` running?", ExitFailed);
    const std::string fd = std::to_string(r);
    say("named-open: pid " + std::to_string(::getpid()) + " opened " + name + " by its name as fd " + fd
        + " (its own number: no value was passed)");
    std::string text;
    for (std::string part; !(part = readSome(r)).empty();)
        text += part;
    ::close(r);
    text = trimmed(text);
    say("named-open: read \"" + text + "\"");
    say(machineLine("USED", {{"handle", fd}, {"type", "fifo"}, {"result", text.empty() ? "error" : "ok"}, {"text", text}}));
    return text.empty() ? ExitFailed : ExitOk;
}

} // namespace hs::demo
