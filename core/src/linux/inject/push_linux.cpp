// SPDX-License-Identifier: MIT
#include "push_linux.h"

#include "remote_memory.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

using U = unsigned long long;

// Layout of the scratch memory in the target (below its stack pointer).
constexpr U kPairAt = 0;     // int[2]
constexpr U kMsgAt = 16;     // struct msghdr (56 bytes)
constexpr U kIovAt = 72;     // struct iovec (16 bytes)
constexpr U kByteAt = 88;    // the one data byte
constexpr U kControlAt = 96; // CMSG_SPACE(sizeof(int)) = 24 bytes
constexpr std::size_t kScratchSize = 128;
static_assert(sizeof(msghdr) <= kIovAt - kMsgAt && sizeof(iovec) <= kByteAt - kIovAt);
static_assert(kControlAt % alignof(cmsghdr) == 0 && kControlAt + CMSG_SPACE(sizeof(int)) <= kScratchSize);

Error remoteError(const std::string& stage, long result, pid_t pid, long fd = -1)
{
    return errnoError("inject " + stage, syscallErrno(result), pid, fd);
}

std::string str(long v) { return std::to_string(v); }

} // namespace

bool inOurPidNamespace(pid_t pid)
{
    struct stat ours{};
    struct stat theirs{};
    const std::string path = "/proc/" + std::to_string(pid) + "/ns/pid";
    if (::stat("/proc/self/ns/pid", &ours) != 0 || ::stat(path.c_str(), &theirs) != 0)
        return false;
    return ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino;
}

Result<long> pullInto(Injection& inj, pid_t source, int sourcePidfd, int fd, bool inheritable)
{
    const pid_t target = inj.pid();
    auto pidfd = inj.call(SYS_pidfd_open, {static_cast<U>(source), 0, 0, 0, 0, 0}, "pidfd_open",
                          "pidfd_open(" + str(source) + ", 0)");
    if (!pidfd)
        return fail(pidfd.error());
    if (isSyscallError(*pidfd))
        return fail(remoteError("pidfd_open(" + str(source) + ")", *pidfd, target));
    inj.own(*pidfd);
    if (auto c = inj.checkpoint("pidfd_open"); !c)
        return fail(c.error());
    // The target opened the number `source`. The source is still alive or a zombie (our
    // pidfd says so), so no other process can have taken that number meanwhile.
    if (!pidfdAlive(sourcePidfd))
        return fail(errnoError("check the source after pidfd_open in the target", ESRCH, source, fd,
                               "pid " + str(source) + " exited during the operation; nothing was duplicated"));
    auto got = inj.call(SYS_pidfd_getfd, {static_cast<U>(*pidfd), static_cast<U>(fd), 0, 0, 0, 0}, "pidfd_getfd",
                        "pidfd_getfd(" + str(*pidfd) + ", " + str(fd) + ", 0)");
    if (!got)
        return fail(got.error());
    if (isSyscallError(*got))
        return fail(remoteError("pidfd_getfd", *got, target, fd));
    inj.own(*got);
    if (auto c = inj.checkpoint("pidfd_getfd"); !c)
        return fail(c.error());
    auto closed = inj.call(SYS_close, {static_cast<U>(*pidfd), 0, 0, 0, 0, 0}, "close", "close(" + str(*pidfd) + ")");
    if (!closed)
        return fail(closed.error());
    inj.disown(*pidfd);
    if (inheritable) {
        auto r = inj.call(SYS_fcntl, {static_cast<U>(*got), F_SETFD, 0, 0, 0, 0}, "fcntl",
                          "fcntl(" + str(*got) + ", F_SETFD, 0)");
        if (!r)
            return fail(r.error());
        if (isSyscallError(*r))
            return fail(remoteError("fcntl(F_SETFD)", *r, target, *got));
        if (auto c = inj.checkpoint("fcntl"); !c)
            return fail(c.error());
    }
    return *got;
}

Result<long> pushInto(Injection& inj, int targetPidfd, int localFd, bool inheritable)
{
    const pid_t pid = inj.pid();
    const pid_t tid = inj.session().tid();
    auto base = inj.scratch(kScratchSize);
    if (!base)
        return fail(base.error());

    auto pair = inj.call(SYS_socketpair, {AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, *base + kPairAt, 0, 0}, "socketpair",
                         "socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, sv)");
    if (!pair)
        return fail(pair.error());
    if (isSyscallError(*pair))
        return fail(remoteError("socketpair", *pair, pid));
    int sv[2] = {-1, -1};
    if (auto rd = readRemote(pid, tid, *base + kPairAt, sv, sizeof sv); !rd)
        return fail(rd.error());
    inj.own(sv[0]);
    inj.own(sv[1]);
    if (auto c = inj.checkpoint("socketpair"); !c)
        return fail(c.error());

    // Our end: a copy of the target's sv[0]. Sending on it queues the fd for sv[1].
    {
        UniqueFd ours(pidfdGetfdAnyThread(pid, targetPidfd, sv[0]));
        if (!ours.valid())
            return fail(errnoError("take the target's socket end (pidfd_getfd)", errno, pid, sv[0]));
        inj.recordToolCall("pidfd_getfd(" + str(targetPidfd) + ", " + str(sv[0]) + ", 0)", str(ours.get()));
        char byte = 'h';
        iovec iov{&byte, 1};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        cmsghdr* cm = CMSG_FIRSTHDR(&msg);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(cm), &localFd, sizeof(int));
        if (::sendmsg(ours.get(), &msg, MSG_NOSIGNAL | MSG_DONTWAIT) != 1)
            return fail(errnoError("sendmsg(SCM_RIGHTS) to the target", errno, pid));
        inj.recordToolCall("sendmsg(" + str(ours.get()) + ", {SCM_RIGHTS: " + str(localFd) + "}, MSG_DONTWAIT)", "1");
    }

    // The target's msghdr, pointing into the scratch memory.
    msghdr remote{};
    remote.msg_iov = reinterpret_cast<iovec*>(*base + kIovAt);
    remote.msg_iovlen = 1;
    remote.msg_control = reinterpret_cast<void*>(*base + kControlAt);
    remote.msg_controllen = CMSG_SPACE(sizeof(int));
    const iovec remoteIov{reinterpret_cast<void*>(*base + kByteAt), 1};
    const char zeros[CMSG_SPACE(sizeof(int))] = {};
    for (auto w : {writeRemote(pid, tid, *base + kMsgAt, &remote, sizeof remote),
                   writeRemote(pid, tid, *base + kIovAt, &remoteIov, sizeof remoteIov),
                   writeRemote(pid, tid, *base + kControlAt, zeros, sizeof zeros)})
        if (!w)
            return fail(w.error());
    const unsigned flags = MSG_DONTWAIT | (inheritable ? 0U : static_cast<unsigned>(MSG_CMSG_CLOEXEC));
    auto r = inj.call(SYS_recvmsg, {static_cast<U>(sv[1]), *base + kMsgAt, flags, 0, 0, 0}, "recvmsg",
                      "recvmsg(" + str(sv[1]) + ", {SCM_RIGHTS}, MSG_DONTWAIT" + (inheritable ? ")" : "|MSG_CMSG_CLOEXEC)"));
    if (!r)
        return fail(r.error());
    if (isSyscallError(*r))
        return fail(remoteError("recvmsg", *r, pid));
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr back{};
    if (auto rd = readRemote(pid, tid, *base + kMsgAt, &back, sizeof back); !rd)
        return fail(rd.error());
    if (auto rd = readRemote(pid, tid, *base + kControlAt, control, sizeof control); !rd)
        return fail(rd.error());
    back.msg_control = control;
    back.msg_controllen = sizeof control;
    const cmsghdr* got = CMSG_FIRSTHDR(&back);
    if ((back.msg_flags & MSG_CTRUNC) != 0 || !got || got->cmsg_level != SOL_SOCKET || got->cmsg_type != SCM_RIGHTS
        || got->cmsg_len != CMSG_LEN(sizeof(int)))
        return fail(errnoError("receive the fd in the target", EMFILE, pid, -1,
                               "the target got no fd (its fd table is full: RLIMIT_NOFILE)"));
    int newFd = -1;
    std::memcpy(&newFd, CMSG_DATA(got), sizeof(int));
    inj.own(newFd);
    if (auto c = inj.checkpoint("recvmsg"); !c)
        return fail(c.error());

    // Both ends go; one close_range() when they are neighbours, as they usually are.
    const int lo = std::min(sv[0], sv[1]);
    const int hi = std::max(sv[0], sv[1]);
    bool closed = false;
    if (hi == lo + 1) {
        auto c = inj.call(SYS_close_range, {static_cast<U>(lo), static_cast<U>(hi), 0, 0, 0, 0}, "close_range",
                          "close_range(" + str(lo) + ", " + str(hi) + ", 0)");
        if (!c)
            return fail(c.error());
        closed = !isSyscallError(*c);
    }
    if (closed) {
        inj.disown(sv[0]);
        inj.disown(sv[1]);
    }
    // Otherwise finish() closes them one by one.
    return newFd;
}

} // namespace hs::linux_::inject
