// SPDX-License-Identifier: MIT
// What every BPF program we load shares: libbpf's messages in our log, and what a failed
// load tells the user.
#pragma once

#include "errno_linux.h"

#include "handlescope/log.h"

#include <bpf/libbpf.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <string>
#include <optional>
#include <mutex>
#include <string_view>

#include <unistd.h>

namespace hs::linux_ {

/// libbpf's warnings as debug lines of our log (libbpf prefixes its own lines).
inline int forwardLibbpfLog(libbpf_print_level level, const char* format, va_list args)
{
    if (level == LIBBPF_DEBUG)
        return 0;
    char line[512];
    const int n = std::vsnprintf(line, sizeof line, format, args);
    std::string_view text(line, n > 0 ? std::min<std::size_t>(static_cast<std::size_t>(n), sizeof line - 1) : 0);
    while (!text.empty() && text.back() == '\n')
        text.remove_suffix(1);
    log::get("core.linux")->debug("{}", text);
    return n;
}

/// What the snapshot's and the counts' programs say when they cannot load: /proc does
/// the work instead.
constexpr std::string_view kProcInstead = "HANDLESCOPE_SNAPSHOT_BACKEND=procfs reads /proc instead";
constexpr std::string_view kIteratorKernel = "the kernel needs BTF (/sys/kernel/btf/vmlinux), BPF iterators and bpf_loop (5.17+)";

/// A failed BPF load or attach, and why: privilege, the verifier, or the kernel.
/// `otherwise` says what still works; `kernelNeeds` what the program needs of the kernel.
inline Error bpfLoadError(const char* operation, int err, Pid pid = -1, std::string_view otherwise = kProcInstead,
                          std::string_view kernelNeeds = kIteratorKernel)
{
    // The verifier refuses a program with EACCES too: for root that, not a privilege, is why.
    const bool privileged = ::geteuid() == 0;
    std::string hint = err == EPERM || (err == EACCES && !privileged)
        ? "this needs root, or CAP_BPF and CAP_PERFMON"
        : err == EACCES ? "the kernel's verifier refused the program (its log is in the debug log: --verbose)"
                        : std::string(kernelNeeds);
    hint += "; ";
    hint += otherwise;
    return errnoError(operation, err, pid, -1, std::move(hint));
}

/// BPF programs loaded on first use and kept for the life of the process (`Loaded` says
/// where their fds and globals are). The first failure is kept too and returned again
/// without another try: what failed once fails again.
template <class Loaded>
class KeptPrograms {
public:
    /// `load` returns Result<Loaded>: loads, attaches and whatever else the programs need.
    template <class Load>
    Result<const Loaded*> get(Load&& load)
    {
        std::lock_guard lock(m_mutex);
        if (!m_loaded && !m_failure) {
            auto loaded = load();
            if (loaded)
                m_loaded = std::move(*loaded);
            else
                m_failure = loaded.error();
        }
        if (m_failure)
            return fail(*m_failure);
        return &*m_loaded;
    }

private:
    std::mutex m_mutex;
    std::optional<Loaded> m_loaded;
    std::optional<Error> m_failure;
};

} // namespace hs::linux_
