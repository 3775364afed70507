// SPDX-License-Identifier: MIT
// What changed between two snapshots, for hunting leaks: the handles opened, closed and
// changed in the processes both snapshots hold, grouped by kind and name pattern so that a
// hundred sockets to one endpoint, or /tmp/job-17, /tmp/job-18..., read as one line.
#pragma once

#include "handlescope/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hs {

enum class Change : std::uint8_t { Opened, Closed, Changed };
std::string_view toString(Change c);

/// One handle that differs. A value that names another object in the second snapshot is a
/// Closed and an Opened, never a Changed.
struct HandleChange {
    Change change = Change::Opened;
    Pid pid = -1;
    std::string processName;
    HandleInfo before;                      ///< Closed and Changed
    HandleInfo after;                       ///< Opened and Changed
    std::vector<std::string> changedFields; ///< Changed: "name", "deleted", "flags", "socket"...
};

/// Handles of one change, kind and name pattern: "opened 100 socket tcp -> 10.0.0.5:443".
struct ChangeGroup {
    Change change = Change::Opened;
    HandleKind kind = HandleKind::Unknown;
    std::string pattern;
    std::string example; ///< one real name of the group, as describeName gives it
    std::int64_t count = 0;
    std::vector<Pid> pids; ///< the processes it happened in, sorted
};

/// A process in only one of the two snapshots (matched by pid and start time).
struct ProcessChange {
    ProcessInfo process;
    std::int64_t handles = 0;
};

struct SnapshotDiff {
    std::vector<HandleChange> handles; ///< by pid, then handle value
    std::vector<ChangeGroup> groups;   ///< the largest first
    std::int64_t opened = 0;
    std::int64_t closed = 0;
    std::int64_t changed = 0;
    /// Their handles are not listed one by one (a process's exit closes them all); their
    /// counts are here.
    std::vector<ProcessChange> processesStarted;
    std::vector<ProcessChange> processesExited;
};

struct DiffOptions {
    std::optional<Pid> pid; ///< only this process
};

/// Compares the processes both snapshots hold, handle by handle (by value, then identity:
/// the object's device and inode where the snapshot has it, else kind and name). Changed
/// means the same object with another name, deleted mark, open flags, access, inheritance
/// or socket state; offsets move all the time and are not a change.
SnapshotDiff diffSnapshots(const Snapshot& before, const Snapshot& after, const DiffOptions& options = {});

/// The handle's name with what varies between instances of "the same thing" replaced by
/// '*': runs of digits in paths ("/tmp/job-*"), a socket's own ephemeral port; sockets are
/// named by their far end ("tcp -> 10.0.0.5:443"), pipes and anonymous inodes by kind.
std::string namePattern(const HandleInfo& h);

} // namespace hs
