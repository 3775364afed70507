// SPDX-License-Identifier: MIT
// What a process, or the machine, holds open at a glance: counts per type, the names held
// most often (as patterns, see namePattern), per directory and per remote endpoint.
#pragma once

#include "handlescope/model.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs {

struct NameCount {
    std::string name;
    std::int64_t count = 0;
    std::string example; ///< one real name behind a pattern
};

struct HandleSummary {
    std::int64_t processes = 0;
    std::int64_t handles = 0;
    std::array<std::int64_t, HandleKindCount> perKind{}; ///< indexed by HandleKind
    std::vector<NameCount> topNames;        ///< name patterns, the most held first
    std::vector<NameCount> perDirectory;    ///< files, directories, FIFOs: their directory
    std::vector<NameCount> perEndpoint;     ///< sockets: the far end, or the listening address
    std::vector<NameCount> topProcesses;    ///< "name (pid)" by handle count
};

/// Summarises the snapshot's processes, or only `pid`'s; each list keeps its `top` largest
/// entries (ties by name).
HandleSummary summarize(const Snapshot& snapshot, std::optional<Pid> pid = {}, std::size_t top = 10);

} // namespace hs
