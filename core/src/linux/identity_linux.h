// SPDX-License-Identifier: MIT
#pragma once

// What an fd's ObjectId is made of where no stat is needed: sockets and pipes live on
// pseudo filesystems whose device number is fixed for the boot, so their identity is
// (that device, the inode their link text names).

#include <cstdint>

namespace hs::linux_ {

struct PseudoDevices {
    std::uint64_t sockfs = 0;
    std::uint64_t pipefs = 0;
    std::uint64_t anon = 0;
    std::uint64_t anonSharedInode = 0; ///< the one inode most anonymous fds share
};

/// Learnt once from a socket, a pipe and an epoll fd of our own.
const PseudoDevices& pseudoDevices();

} // namespace hs::linux_
