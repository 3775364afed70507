// SPDX-License-Identifier: MIT
#include "injector.h"

#include "operations.h"
#include "ptrace_session.h"
#include "real_user.h"
#include "test_hooks.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <linux/capability.h>
#include <mutex>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

// How long the tool waits for the injector's report after the session's own deadline.
// The injector stops trying at the deadline; what remains is restoring the target, which
// takes microseconds unless the thread sits in uninterruptible sleep (then the injector
// keeps waiting to restore it, and the tool reports that instead of waiting forever).
constexpr auto kReportGrace = std::chrono::seconds(2);

// --- the report: length-prefixed fields over a pipe --------------------------------------

class Writer {
public:
    void num(std::int64_t v) { m_buf.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void str(const std::string& s)
    {
        num(static_cast<std::int64_t>(s.size()));
        m_buf += s;
    }
    void strs(const std::vector<std::string>& v)
    {
        num(static_cast<std::int64_t>(v.size()));
        for (const auto& s : v)
            str(s);
    }
    [[nodiscard]] const std::string& bytes() const { return m_buf; }

private:
    std::string m_buf;
};

class Reader {
public:
    explicit Reader(const std::string& buf) : m_buf(buf) {}
    std::int64_t num()
    {
        std::int64_t v = 0;
        if (m_at + sizeof v > m_buf.size()) {
            m_ok = false;
            return 0;
        }
        std::memcpy(&v, m_buf.data() + m_at, sizeof v);
        m_at += sizeof v;
        return v;
    }
    std::string str()
    {
        const auto n = num();
        if (!m_ok || n < 0 || static_cast<std::size_t>(n) > m_buf.size() - m_at) {
            m_ok = false;
            return {};
        }
        std::string s = m_buf.substr(m_at, static_cast<std::size_t>(n));
        m_at += static_cast<std::size_t>(n);
        return s;
    }
    std::vector<std::string> strs()
    {
        std::vector<std::string> v;
        const auto n = num();
        for (std::int64_t i = 0; m_ok && i < n; ++i)
            v.push_back(str());
        return v;
    }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    const std::string& m_buf;
    std::size_t m_at = 0;
    bool m_ok = true;
};

void writeError(Writer& w, const Error& e)
{
    w.str(e.operation);
    w.num(e.pid);
    w.num(e.handle);
    w.num(e.osCode);
    w.str(e.osName);
    w.str(e.osText);
    w.str(e.hint);
}

Error readError(Reader& r)
{
    Error e;
    e.operation = r.str();
    e.pid = r.num();
    e.handle = r.num();
    e.osCode = r.num();
    e.osName = r.str();
    e.osText = r.str();
    e.hint = r.str();
    return e;
}

void writeAll(int fd, const std::string& bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the tool is gone: nobody to tell
        done += static_cast<std::size_t>(n);
    }
}

void writeRequest(Writer& w, const InjectRequest& r)
{
    w.num(static_cast<std::int64_t>(r.kind));
    w.num(r.source);
    w.num(r.target);
    w.num(r.fd);
    w.num(r.inheritable ? 1 : 0);
    w.num(r.method);
    w.num(r.injectIntoTarget ? 1 : 0);
    w.num(r.closeRemoteSource ? 1 : 0);
    w.num(r.newHandle);
    w.str(r.methodSoFar);
    w.num(std::chrono::duration_cast<std::chrono::nanoseconds>(r.deadline.time_since_epoch()).count());
}

InjectRequest readRequest(Reader& rd)
{
    InjectRequest r;
    r.kind = static_cast<InjectRequest::Kind>(rd.num());
    r.source = static_cast<pid_t>(rd.num());
    r.target = static_cast<pid_t>(rd.num());
    r.fd = static_cast<int>(rd.num());
    r.inheritable = rd.num() != 0;
    r.method = static_cast<int>(rd.num());
    r.injectIntoTarget = rd.num() != 0;
    r.closeRemoteSource = rd.num() != 0;
    r.newHandle = static_cast<long>(rd.num());
    r.methodSoFar = rd.str();
    r.deadline = Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(rd.num())));
    return r;
}

// Every frame from the injector starts with its kind: the session's end (ok or failed), or
// one step, sent as it happens so the tool's progress callback sees the session live.
enum class FrameKind : std::int64_t { Failed = 0, Done = 1, Step = 2 };

void writeStep(Writer& w, const DuplicateProgress& p)
{
    w.num(static_cast<std::int64_t>(FrameKind::Step));
    w.num(static_cast<std::int64_t>(p.step));
    w.num(p.process);
    w.num(p.injected ? 1 : 0);
    w.str(p.call);
    w.str(p.result);
    w.num(p.ok ? 1 : 0);
    w.num(p.handle);
}

DuplicateProgress readStep(Reader& r)
{
    DuplicateProgress p;
    p.step = static_cast<DuplicateStep>(r.num());
    p.process = r.num();
    p.injected = r.num() != 0;
    p.call = r.str();
    p.result = r.str();
    p.ok = r.num() != 0;
    p.handle = r.num();
    return p;
}

// A frame: its length (8 bytes), then the bytes.
std::string framed(const std::string& payload)
{
    Writer w;
    w.num(static_cast<std::int64_t>(payload.size()));
    return w.bytes() + payload;
}

bool readFully(int fd, char* into, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, into + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

constexpr int kMaxFds = 4;
constexpr std::int64_t kMaxFrame = 64 * 1024 * 1024;

// --- the injector ----------------------------------------------------------------------------

// A crash of the injector itself (a bug, an abort) must not leave a target with our
// registers: restore every stopped thread, then die as the signal asks.
void onFatalSignal(int sig)
{
    emergencyRestoreAll();
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// One request: its payload and the fds that came with it; false at EOF.
bool receiveRequest(int sock, std::string& payload, std::vector<int>& fds)
{
    payload.clear();
    fds.clear();
    char head[8];
    iovec iov{head, sizeof head};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxFds)] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n;
    do {
        n = ::recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int fd = -1;
                std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                fds.push_back(fd);
            }
        }
    if (static_cast<std::size_t>(n) < sizeof head && !readFully(sock, head + n, sizeof head - static_cast<std::size_t>(n)))
        return false;
    std::int64_t size = 0;
    std::memcpy(&size, head, sizeof size);
    if (size < 0 || size > kMaxFrame)
        return false;
    payload.resize(static_cast<std::size_t>(size));
    return readFully(sock, payload.data(), payload.size());
}

Result<InjectorOutcome> runSession(const InjectRequest& request, const std::vector<int>& fds,
                                   StepRecorder& steps, std::vector<std::string>& warnings)
{
    if (request.kind == InjectRequest::Kind::Duplicate && fds.size() == 3)
        return duplicateSession(request, fds, steps, warnings);
    if (request.kind == InjectRequest::Kind::Close && fds.size() == 2)
        return closeSession(request, fds, steps);
    return fail(errnoError("injector: a malformed request", EINVAL));
}

[[noreturn]] void injectorMain(int sock)
{
    ::setsid(); // out of the tool's session and process group: their signals do not reach us
    sigset_t all;
    ::sigfillset(&all);
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
        ::sigdelset(&all, sig);
        ::signal(sig, onFatalSignal);
    }
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    std::set_terminate([] {
        emergencyRestoreAll();
        ::_exit(70);
    });
    ::prctl(PR_SET_NAME, "hs-injector", 0, 0, 0);
    // Keep stdin/out/err (the test hooks write to stderr) and the socket; the tool's other
    // fds (its X connection, log files, listening sockets) are not ours to hold open.
    if (sock != 3) {
        ::dup2(sock, 3);
        sock = 3;
    }
    ::syscall(SYS_close_range, 4U, ~0U, 0U);
    std::vector<LogLine> logs;
    captureInjectLog(&logs);
    const auto dropped = dropToRealUser();
    std::string payload;
    std::vector<int> fds;
    while (receiveRequest(sock, payload, fds)) {
        StepRecorder steps(nullptr, [sock](const DuplicateProgress& p) {
            Writer step;
            writeStep(step, p);
            writeAll(sock, framed(step.bytes())); // the tool may be gone: the session goes on
        });
        std::vector<std::string> warnings;
        Result<InjectorOutcome> out;
        Reader rd(payload);
        const InjectRequest request = readRequest(rd);
        if (!dropped) {
            out = fail(dropped.error());
        } else if (!rd.ok()) {
            out = fail(errnoError("injector: a malformed request", EINVAL));
        } else {
            try {
                const auto t0 = Clock::now();
                out = runSession(request, fds, steps, warnings);
                ilog(spdlog::level::debug, "injector {}: session took {} us", ::getpid(),
                     std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
            } catch (const std::exception& e) {
                // Every session object restores its target while the exception unwinds.
                out = fail(errnoError(std::string("injection aborted by an exception: ") + e.what(), EIO));
            }
        }
        for (int fd : fds)
            ::close(fd);
        Writer w;
        w.num(static_cast<std::int64_t>(out ? FrameKind::Done : FrameKind::Failed));
        if (out) {
            w.num(out->value);
            w.str(out->method);
        } else {
            writeError(w, out.error());
        }
        w.strs(warnings);
        w.num(static_cast<std::int64_t>(logs.size()));
        for (const auto& l : logs) {
            w.num(static_cast<std::int64_t>(l.level));
            w.str(l.text);
        }
        logs.clear();
        w.num(mustExitToRelease() ? 1 : 0);
        writeAll(sock, framed(w.bytes())); // the tool may be gone: then the next read is EOF
        if (mustExitToRelease())
            ::_exit(0); // the kernel detaches the thread that never stopped, untouched
    }
    ::_exit(0);
}

// --- the tool --------------------------------------------------------------------------------

// What the tool's rights were when it started its injector: a change means a new injector.
struct Credentials {
    uid_t uid[3]{};
    gid_t gid[3]{};
    __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3]{};

    static Credentials current()
    {
        Credentials c;
        ::getresuid(&c.uid[0], &c.uid[1], &c.uid[2]);
        ::getresgid(&c.gid[0], &c.gid[1], &c.gid[2]);
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        ::syscall(SYS_capget, &header, c.caps);
        return c;
    }
    bool operator==(const Credentials& o) const
    {
        return std::memcmp(uid, o.uid, sizeof uid) == 0 && std::memcmp(gid, o.gid, sizeof gid) == 0
               && std::memcmp(caps, o.caps, sizeof caps) == 0;
    }
};

class InjectorClient {
public:
    Result<InjectorOutcome> run(const InjectRequest& request, const std::vector<int>& fds, StepRecorder& steps,
                                std::vector<std::string>& warnings)
    {
        const std::lock_guard lock(m_mutex); // one session at a time
        Writer w;
        writeRequest(w, request);
        const std::string frame = framed(w.bytes());
        bool sent = false;
        for (int attempt = 0; attempt < 2 && !sent; ++attempt) {
            if (!usable()) {
                if (auto started = start(request.target); !started)
                    return fail(started.error());
            }
            sent = send(frame, fds);
            if (!sent)
                abandon(); // dead before it read anything: nothing was done, start a new one
        }
        if (!sent)
            return fail(errnoError("send the request to the injector process", EPIPE, request.target));
        std::string reply;
        Received received = Received::Eof;
        try {
            received = receiveReply(request.deadline + kReportGrace, reply, steps, request.target);
        } catch (...) {
            // The caller's progress callback threw: this session's remaining frames would
            // be read as the next one's. Let this injector finish alone; the next starts anew.
            abandon();
            throw;
        }
        switch (received) {
        case Received::Reply:
            break;
        case Received::Timeout: {
            const pid_t pid = m_pid;
            abandon();
            return fail(errnoError("wait for the injector process " + std::to_string(pid), ETIMEDOUT, request.target,
                                   -1,
                                   "pid " + std::to_string(request.target)
                                       + " did not stop in time; the injector (pid " + std::to_string(pid)
                                       + ") keeps waiting in the background to restore it, and exits when it has"));
        }
        case Received::Eof: {
            const pid_t pid = m_pid;
            int status = 0;
            m_sock.reset();
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            m_pid = -1;
            const std::string how = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                                        : "exit status " + std::to_string(WEXITSTATUS(status));
            return fail(errnoError("run the injector process " + std::to_string(pid), EIO, request.target, -1,
                                   "it ended without a reply (" + how
                                       + "); it restores any thread it stopped before it goes"));
        }
        }
        bool exiting = false;
        auto out = decode(reply, warnings, request.target, exiting);
        if (exiting) {
            // It exits right after this reply; wait, so the thread it released is free
            // (not traced) when the caller hears of it.
            m_sock.reset();
            while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
            }
            m_pid = -1;
        }
        return out;
    }

private:
    enum class Received { Reply, Timeout, Eof };

    bool usable() const
    {
        return m_sock.valid() && m_owner == ::getpid() && m_credentials == Credentials::current();
    }

    Result<void> start(pid_t target)
    {
        if (m_owner == ::getpid())
            abandon();
        else
            m_sock.reset(); // a fork of the tool: our copy of the parent's socket, not our child
        m_pid = -1;
        (void)testHooks(); // parsed here: the injector only reads it
        (void)injectLog();
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
            return fail(errnoError("create the injector's socket", errno, target));
        UniqueFd ours(pair[0]);
        UniqueFd theirs(pair[1]);
        const pid_t child = ::fork();
        if (child < 0)
            return fail(errnoError("start the injector process (fork)", errno, target));
        if (child == 0)
            injectorMain(theirs.release());
        m_sock = std::move(ours);
        m_pid = child;
        m_owner = ::getpid();
        m_credentials = Credentials::current();
        ilog(spdlog::level::debug, "injector process {} started", child);
        return {};
    }

    // Closing our end lets it exit once its session is done; a thread reaps it then.
    void abandon()
    {
        m_sock.reset();
        if (m_pid > 0 && m_owner == ::getpid()) {
            const pid_t pid = m_pid;
            std::thread([pid] { (void)::waitpid(pid, nullptr, 0); }).detach();
        }
        m_pid = -1;
    }

    bool send(const std::string& frame, const std::vector<int>& fds)
    {
        iovec iov{const_cast<char*>(frame.data()), frame.size()};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxFds)] = {};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        if (!fds.empty()) {
            msg.msg_control = control;
            msg.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
            cmsghdr* c = CMSG_FIRSTHDR(&msg);
            if (!c)
                return false;
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
            std::memcpy(CMSG_DATA(c), fds.data(), sizeof(int) * fds.size());
        }
        ssize_t n;
        do {
            n = ::sendmsg(m_sock.get(), &msg, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        if (n < 0)
            return false;
        if (static_cast<std::size_t>(n) < frame.size()) {
            const std::string rest = frame.substr(static_cast<std::size_t>(n));
            writeAll(m_sock.get(), rest);
        }
        return true;
    }

    bool readUntil(Clock::time_point until, char* into, std::size_t size, bool& eof)
    {
        std::size_t done = 0;
        while (done < size) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left < 0)
                return false;
            pollfd p{m_sock.get(), POLLIN, 0};
            const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left + 1, 60'000)));
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                continue;
            const ssize_t n = ::read(m_sock.get(), into + done, size - done);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (n <= 0) {
                eof = true;
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        return true;
    }

    Received receive(Clock::time_point until, std::string& reply)
    {
        bool eof = false;
        char head[8];
        if (!readUntil(until, head, sizeof head, eof))
            return eof ? Received::Eof : Received::Timeout;
        std::int64_t size = 0;
        std::memcpy(&size, head, sizeof size);
        if (size < 0 || size > kMaxFrame)
            return Received::Eof;
        reply.resize(static_cast<std::size_t>(size));
        // The header came: the rest follows at once, whatever the deadline.
        if (!readUntil(Clock::now() + std::chrono::seconds(10), reply.data(), reply.size(), eof))
            return Received::Eof;
        return Received::Reply;
    }

    // Frames until the session's end; each step frame goes to `steps` as it arrives.
    Received receiveReply(Clock::time_point until, std::string& reply, StepRecorder& steps, pid_t target)
    {
        for (;;) {
            const Received got = receive(until, reply);
            if (got != Received::Reply)
                return got;
            Reader r(reply);
            if (r.num() != static_cast<std::int64_t>(FrameKind::Step))
                return got;
            const DuplicateProgress step = readStep(r);
            if (!r.ok()) {
                ilog(spdlog::level::warn, "injector: a malformed step report about pid {}", target);
                continue;
            }
            steps.record(step);
        }
    }

    static Result<InjectorOutcome> decode(const std::string& reply, std::vector<std::string>& warnings, pid_t target,
                                          bool& exiting)
    {
        Reader r(reply);
        const bool ok = r.num() == static_cast<std::int64_t>(FrameKind::Done);
        Result<InjectorOutcome> out;
        if (ok) {
            InjectorOutcome o;
            o.value = static_cast<long>(r.num());
            o.method = r.str();
            out = o;
        } else {
            out = fail(readError(r));
        }
        auto childWarnings = r.strs();
        const auto nLogs = r.num();
        for (std::int64_t i = 0; r.ok() && i < nLogs; ++i) {
            const auto level = static_cast<spdlog::level::level_enum>(r.num());
            injectLog()->log(level, "{}", r.str());
        }
        exiting = r.num() != 0;
        if (!r.ok())
            return fail(errnoError("read the injector's reply", EIO, target, -1, "the reply was malformed"));
        warnings.insert(warnings.end(), childWarnings.begin(), childWarnings.end());
        return out;
    }

    std::mutex m_mutex;
    UniqueFd m_sock;
    pid_t m_pid = -1;
    pid_t m_owner = 0;
    Credentials m_credentials{};
};

InjectorClient& client()
{
    static auto* c = new InjectorClient; // never destroyed: the tool's exit closes the socket
    return *c;
}

} // namespace

HeldSignals::HeldSignals()
{
    sigset_t held;
    ::sigemptyset(&held);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE})
        ::sigaddset(&held, sig);
    ::pthread_sigmask(SIG_BLOCK, &held, &m_old);
}

HeldSignals::~HeldSignals() { ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }

Result<InjectorOutcome> runInInjector(const InjectRequest& request, const std::vector<int>& fds,
                                      StepRecorder& steps, std::vector<std::string>& warnings)
{
    return client().run(request, fds, steps, warnings);
}

} // namespace hs::linux_::inject
