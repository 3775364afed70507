// SPDX-License-Identifier: MIT
// Object identity: the pseudo devices of sockets and pipes, and the identity of a path.
#include "identity_linux.h"

#include "handlescope/inspect.h"

#include "errno_linux.h"
#include "proc_reader.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace hs::linux_ {

const PseudoDevices& pseudoDevices()
{
    static const PseudoDevices devices = [] {
        PseudoDevices d;
        struct stat st {};
        UniqueFd s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (s.valid() && ::fstat(s.get(), &st) == 0)
            d.sockfs = st.st_dev;
        int p[2];
        if (::pipe2(p, O_CLOEXEC) == 0) {
            if (::fstat(p[0], &st) == 0)
                d.pipefs = st.st_dev;
            ::close(p[0]);
            ::close(p[1]);
        }
        // signalfd-like anon inodes share one inode; timerfd/eventfd may have their own
        // on newer kernels. An epoll fd is always on the shared one.
        UniqueFd e(::epoll_create1(EPOLL_CLOEXEC));
        if (e.valid() && ::fstat(e.get(), &st) == 0) {
            d.anon = st.st_dev;
            d.anonSharedInode = st.st_ino;
        }
        return d;
    }();
    return devices;
}

} // namespace hs::linux_

namespace hs {

Result<ObjectId> objectIdOfPath(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        return fail(linux_::errnoError("stat '" + path + "'", err, -1, -1,
                                       err == ENOENT ? "no such file; give an existing path" : std::string()));
    }
    return ObjectId{st.st_dev, st.st_ino};
}

} // namespace hs
