// SPDX-License-Identifier: MIT
// Hand-built processes and handles for model tests and the stall benchmark.
#pragma once

#include "handlescope/model.h"

#include <string>
#include <vector>

namespace hs::test {

inline hs::ProcessInfo makeProcess(hs::Pid pid, std::uint64_t start = 100, std::int64_t handles = 3,
                                   std::string name = {})
{
    hs::ProcessInfo p;
    p.pid = pid;
    p.parentPid = 1;
    p.startTime = start;
    p.name = name.empty() ? "proc" + std::to_string(pid) : std::move(name);
    p.user = "alice";
    p.uid = 1000;
    p.state = hs::ProcessState::Sleeping;
    p.handleCount = handles;
    return p;
}

inline hs::HandleInfo makeHandle(hs::HandleValue value, std::uint64_t inode, hs::HandleKind kind = hs::HandleKind::RegularFile,
                                 std::string name = {})
{
    hs::HandleInfo h;
    h.value = value;
    h.kind = kind;
    h.typeName = kind == hs::HandleKind::Socket ? "socket" : (kind == hs::HandleKind::Fifo ? "FIFO" : "REG");
    h.name = name.empty() && kind == hs::HandleKind::RegularFile ? "/tmp/file" + std::to_string(inode) : std::move(name);
    h.object = {.device = 2049, .inode = inode};
    h.access = hs::AccessMode::ReadWrite;
    h.inheritable = false;
    if (kind == hs::HandleKind::RegularFile)
        h.offset = 0;
    return h;
}

/// `processes` processes sharing `handles` handles between them (roughly evenly).
inline hs::Snapshot makeSnapshot(int processes, int handles, std::uint64_t inodeBase = 1)
{
    hs::Snapshot s;
    s.processes.reserve(static_cast<std::size_t>(processes));
    const int per = handles / processes;
    std::uint64_t inode = inodeBase;
    for (int i = 0; i < processes; ++i) {
        hs::ProcessHandles ph;
        const int n = i == processes - 1 ? handles - per * (processes - 1) : per;
        ph.process = makeProcess(100 + i, 1000 + static_cast<std::uint64_t>(i), n);
        for (int v = 0; v < n; ++v) {
            const auto kind = v % 5 == 0 ? hs::HandleKind::Socket : (v % 7 == 0 ? hs::HandleKind::Fifo : hs::HandleKind::RegularFile);
            const std::uint64_t id = inode++;
            ph.handles.push_back(
                makeHandle(v, id, kind, kind == hs::HandleKind::Socket ? "socket:[" + std::to_string(id) + "]" : std::string()));
        }
        s.processes.push_back(std::move(ph));
    }
    return s;
}

} // namespace hs::test
