// SPDX-License-Identifier: MIT
#include "syscall_site.h"

#include "remote_memory.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace hs::linux_::inject {

namespace {

struct Mapping {
    unsigned long long start = 0;
    unsigned long long end = 0;
    std::string perms;
    std::string path;
};

// /proc/PID/maps lines: "start-end perms offset dev inode   path". Plain string work, no
// streams: this runs inside the forked injector process.
std::vector<Mapping> executableMappings(pid_t pid)
{
    std::vector<Mapping> out;
    const std::string text = readProcFile("/proc/" + std::to_string(pid) + "/maps");
    for (std::size_t at = 0; at < text.size();) {
        auto end = text.find('\n', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        char* rest = nullptr;
        Mapping m;
        m.start = std::strtoull(line.c_str(), &rest, 16);
        if (*rest != '-')
            continue;
        m.end = std::strtoull(rest + 1, &rest, 16);
        const auto permsAt = static_cast<std::size_t>(rest - line.c_str()) + 1;
        if (permsAt + 4 > line.size())
            continue;
        m.perms = line.substr(permsAt, 4);
        if (m.perms[0] != 'r' || m.perms[2] != 'x')
            continue;
        // The path starts after the fifth field; it may itself contain spaces.
        std::size_t field = permsAt;
        for (int i = 0; i < 4 && field != std::string::npos; ++i) {
            field = line.find(' ', field);
            if (field != std::string::npos)
                field = line.find_first_not_of(' ', field);
        }
        if (field != std::string::npos)
            m.path = line.substr(field);
        out.push_back(m);
    }
    return out;
}

unsigned long long vdsoBase(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/auxv";
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return 0;
    Elf64_auxv_t entry{};
    while (::read(fd.get(), &entry, sizeof entry) == static_cast<ssize_t>(sizeof entry)) {
        if (entry.a_type == AT_SYSINFO_EHDR)
            return entry.a_un.a_val;
        if (entry.a_type == AT_NULL)
            break;
    }
    return 0;
}

// Scans [start, end) of the target for the bytes 0f 05, 64 KiB at a time.
unsigned long long scanForSyscall(pid_t pid, pid_t tid, unsigned long long start, unsigned long long end)
{
    constexpr unsigned long long kChunk = 64 * 1024;
    std::vector<unsigned char> buf;
    for (unsigned long long at = start; at < end; at += kChunk - 1) {
        const auto n = static_cast<std::size_t>(std::min(kChunk, end - at));
        buf.resize(n);
        if (!readRemote(pid, tid, at, buf.data(), n))
            return 0;
        for (std::size_t i = 0; i + 1 < n; ++i)
            if (buf[i] == 0x0f && buf[i + 1] == 0x05)
                return at + i;
    }
    return 0;
}

} // namespace

Result<SyscallSite> findSyscallSite(pid_t pid, pid_t tid, const user_regs_struct& regs)
{
    if (static_cast<long long>(regs.orig_rax) >= 0 && regs.rip >= 2) {
        unsigned char insn[2] = {};
        if (readRemote(pid, tid, regs.rip - 2, insn, 2) && insn[0] == 0x0f && insn[1] == 0x05)
            return SyscallSite{regs.rip - 2, "interrupted syscall"};
    }
    const auto maps = executableMappings(pid);
    if (const auto base = vdsoBase(pid); base != 0) {
        for (const auto& m : maps)
            if (m.start == base)
                if (const auto at = scanForSyscall(pid, tid, m.start, m.end); at != 0)
                    return SyscallSite{at, "vdso"};
    }
    for (const auto& m : maps) {
        if (m.path == "[vsyscall]" || m.path == "[vdso]")
            continue;
        if (const auto at = scanForSyscall(pid, tid, m.start, m.end); at != 0)
            return SyscallSite{at, "executable mapping"};
    }
    return fail(errnoError("find a syscall instruction in the target", ENOEXEC, pid, -1,
                           "no existing syscall instruction found in its vDSO or executable mappings"));
}

} // namespace hs::linux_::inject
