// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hs {

/// How many handles the whole machine holds: per process and, where the backend can tell
/// without reading each handle, per kind. For the leak sampler and the process list.
struct HandleCounts {
    /// (pid, open handles) of every process with at least one handle, sorted by pid.
    /// Processes whose handles may not be read are left out (see deniedProcesses).
    std::vector<std::pair<Pid, std::int64_t>> perProcess;
    /// Indexed by HandleKind; all zero unless kindsCounted.
    std::array<std::int64_t, HandleKindCount> perKind{};
    bool kindsCounted = false;
    int deniedProcesses = 0;     ///< processes left out because their table may not be read
    std::string backend;         ///< "bpf-iter" | "procfs" | "windows"
    std::chrono::nanoseconds duration{};

    [[nodiscard]] std::int64_t total() const
    {
        std::int64_t n = 0;
        for (const auto& [pid, count] : perProcess)
            n += count;
        return n;
    }
};

/// What a count must find out.
enum class CountScope : std::uint8_t {
    PerProcessAndKind, ///< per kind too, where the backend can
    /// Per process only (the leak sampler). Linux 6.2+ then uses one fstat of /proc/PID/fd
    /// per process, whose cost does not grow with the fds: at 200,000 fds in 450 processes
    /// it costs a fifth of the iterator's CPU, which walks every fd.
    PerProcess,
};

/// Counts the handles of every process. Linux: a BPF task iterator that counts in the
/// kernel (per process and per kind) when it loads, else one fstat of /proc/PID/fd per
/// process (no kinds); HANDLESCOPE_SNAPSHOT_BACKEND=procfs|bpf-iter forces one, as for
/// takeSnapshot. Windows: the per-process counts of the process listing (no kinds).
Result<HandleCounts> countHandles(const CancelToken& cancel = {}, CountScope scope = CountScope::PerProcessAndKind);

} // namespace hs
