// SPDX-License-Identifier: MIT
#include "push_linux.h"

#include "remote_memory.h"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

namespace hs::linux_::inject {

namespace {

using U = unsigned long long;

// Layout of the scratch page in the target.
constexpr U kPage = 4096;
constexpr U kAddrAt = 0;
constexpr U kMsgAt = 128;
constexpr U kIovAt = 192;
constexpr U kByteAt = 224;
constexpr U kControlAt = 256;

Error remoteError(const std::string& stage, long result, pid_t pid)
{
    return errnoError("inject " + stage, syscallErrno(result), pid);
}

} // namespace

Result<long> pushInto(RemoteCaller& rc, int localFd, bool inheritable)
{
    const pid_t pid = rc.session().pid();
    const pid_t tid = rc.session().tid();

    // Our listener, on a fresh abstract name: no file to clean up, no permission bits.
    static std::atomic<unsigned> counter{0};
    UniqueFd listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!listener.valid())
        return fail(errnoError("socket(AF_UNIX) for the push", errno, pid));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string name = "handlescope-push-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    std::memcpy(addr.sun_path + 1, name.data(), name.size());
    const auto addrLen = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    if (::bind(listener.get(), reinterpret_cast<const sockaddr*>(&addr), addrLen) != 0
        || ::listen(listener.get(), 1) != 0)
        return fail(errnoError("bind/listen the push socket", errno, pid));

    auto page = rc.call(SYS_mmap, {0, kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, ~0ULL, 0},
                        "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
    if (!page)
        return fail(page.error());
    if (isSyscallError(*page))
        return fail(remoteError("mmap", *page, pid));
    const auto base = static_cast<U>(*page);

    long sock = -1;
    auto body = [&]() -> Result<long> {
        if (auto w = writeRemote(pid, tid, base + kAddrAt, &addr, addrLen); !w)
            return fail(w.error());
        auto s = rc.call(SYS_socket, {AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, 0, 0, 0},
                         "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0)");
        if (!s)
            return fail(s.error());
        if (isSyscallError(*s))
            return fail(remoteError("socket", *s, pid));
        sock = *s;
        auto c = rc.call(SYS_connect, {static_cast<U>(sock), base + kAddrAt, addrLen, 0, 0, 0},
                         "connect(" + std::to_string(sock) + ", \"@" + name + "\")");
        if (!c)
            return fail(c.error());
        if (isSyscallError(*c))
            return fail(remoteError("connect", *c, pid));

        UniqueFd conn(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!conn.valid())
            return fail(errnoError("accept the target's connection", errno, pid));
        ucred cred{};
        socklen_t credLen = sizeof cred;
        if (::getsockopt(conn.get(), SOL_SOCKET, SO_PEERCRED, &cred, &credLen) != 0 || cred.pid != pid)
            return fail(errnoError("check the push peer", EACCES, pid, -1, "another process connected to the socket"));

        // Send the fd.
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
        if (::sendmsg(conn.get(), &msg, MSG_NOSIGNAL) != 1)
            return fail(errnoError("sendmsg(SCM_RIGHTS)", errno, pid));

        // The target's msghdr, pointing into its scratch page.
        msghdr remote{};
        remote.msg_iov = reinterpret_cast<iovec*>(base + kIovAt);
        remote.msg_iovlen = 1;
        remote.msg_control = reinterpret_cast<void*>(base + kControlAt);
        remote.msg_controllen = sizeof control;
        iovec remoteIov{reinterpret_cast<void*>(base + kByteAt), 1};
        char zeros[sizeof control] = {};
        if (auto w = writeRemote(pid, tid, base + kMsgAt, &remote, sizeof remote); !w)
            return fail(w.error());
        if (auto w = writeRemote(pid, tid, base + kIovAt, &remoteIov, sizeof remoteIov); !w)
            return fail(w.error());
        if (auto w = writeRemote(pid, tid, base + kControlAt, zeros, sizeof zeros); !w)
            return fail(w.error());
        const unsigned flags = MSG_DONTWAIT | (inheritable ? 0U : static_cast<unsigned>(MSG_CMSG_CLOEXEC));
        auto r = rc.call(SYS_recvmsg, {static_cast<U>(sock), base + kMsgAt, flags, 0, 0, 0},
                         "recvmsg(" + std::to_string(sock) + ", {SCM_RIGHTS}, MSG_DONTWAIT"
                             + (inheritable ? ")" : "|MSG_CMSG_CLOEXEC)"));
        if (!r)
            return fail(r.error());
        if (isSyscallError(*r))
            return fail(remoteError("recvmsg", *r, pid));
        if (auto rd = readRemote(pid, tid, base + kControlAt, control, sizeof control); !rd)
            return fail(rd.error());
        msghdr back{};
        back.msg_control = control;
        back.msg_controllen = sizeof control;
        const cmsghdr* got = CMSG_FIRSTHDR(&back);
        if (!got || got->cmsg_level != SOL_SOCKET || got->cmsg_type != SCM_RIGHTS
            || got->cmsg_len != CMSG_LEN(sizeof(int)))
            return fail(errnoError("receive the fd in the target", EMFILE, pid, -1,
                                   "the target got no fd (its fd table may be full)"));
        int newFd = -1;
        std::memcpy(&newFd, CMSG_DATA(got), sizeof(int));
        return newFd;
    };
    auto out = body();
    // Always clean up in the target, even after a failure.
    if (sock >= 0)
        (void)rc.call(SYS_close, {static_cast<U>(sock), 0, 0, 0, 0, 0}, "close(" + std::to_string(sock) + ")");
    (void)rc.call(SYS_munmap, {base, kPage, 0, 0, 0, 0}, "munmap(" + hexAddress(base) + ", 4096)");
    return out;
}

} // namespace hs::linux_::inject
