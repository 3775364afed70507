// SPDX-License-Identifier: MIT
#include "remote_memory.h"

#include <cerrno>
#include <cstring>
#include <sys/ptrace.h>
#include <sys/uio.h>

namespace hs::linux_::inject {

namespace {

void* addr(unsigned long long a) { return reinterpret_cast<void*>(a); }

} // namespace

Result<void> readRemote(pid_t pid, pid_t tid, unsigned long long address, void* out, std::size_t size)
{
    iovec local{out, size};
    iovec remote{addr(address), size};
    if (::process_vm_readv(pid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(size))
        return {};
    auto* bytes = static_cast<unsigned char*>(out);
    for (std::size_t off = 0; off < size; off += sizeof(long)) {
        errno = 0;
        const long word = ::ptrace(PTRACE_PEEKDATA, tid, addr(address + off), nullptr);
        if (errno != 0)
            return fail(errnoError("read target memory", errno, pid));
        std::memcpy(bytes + off, &word, std::min(sizeof(long), size - off));
    }
    return {};
}

Result<void> writeRemote(pid_t pid, pid_t tid, unsigned long long address, const void* data, std::size_t size)
{
    iovec local{const_cast<void*>(data), size};
    iovec remote{addr(address), size};
    if (::process_vm_writev(pid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(size))
        return {};
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t off = 0; off < size; off += sizeof(long)) {
        long word = 0;
        const std::size_t n = std::min(sizeof(long), size - off);
        if (n < sizeof(long)) {
            errno = 0;
            word = ::ptrace(PTRACE_PEEKDATA, tid, addr(address + off), nullptr);
            if (errno != 0)
                return fail(errnoError("read target memory", errno, pid));
        }
        std::memcpy(&word, bytes + off, n);
        if (::ptrace(PTRACE_POKEDATA, tid, addr(address + off), reinterpret_cast<void*>(word)) != 0)
            return fail(errnoError("write target memory", errno, pid));
    }
    return {};
}

} // namespace hs::linux_::inject
