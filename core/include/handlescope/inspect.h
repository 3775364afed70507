// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"

namespace hs {

/// Reading processes and handles. One implementation per OS (core/src/linux,
/// core/src/windows), chosen by CMake. Every read runs on the calling thread at the
/// calling thread's priority: where and how eagerly a read runs is the caller's choice.


/// One process. Fails with ESRCH-style errors for an unknown pid.
Result<ProcessInfo> processInfo(Pid pid);

/// The handles of one process, sorted by value. Fails for a missing, zombie or kernel process, or one we may not
/// inspect. Windows, Fast: rows with no object address that are not disk files have no identity (not compared).
Result<std::vector<HandleInfo>> listHandles(Pid pid, Detail detail = Detail::Full,
                                            const CancelToken& cancel = {});

/// One handle of one process (always Detail::Full). Fails with EBADF-style errors.
Result<HandleInfo> handleInfo(Pid pid, HandleValue handle);

/// All processes, sorted by pid, with handle counts. Processes that exit during the walk
/// are skipped; ones we may not inspect are listed with `accessError` set. Cheap: one
/// fstat per process counts its fds (Linux 6.2+), no handle is read.
Result<std::vector<ProcessInfo>> listProcesses(const CancelToken& cancel = {});

/// All processes with all their handles. Per-process failures land in accessError.
/// Linux reads processes on as many threads as there are cores (started from, and so
/// with the scheduling policy of, the calling thread).
Result<Snapshot> takeSnapshot(Detail detail = Detail::Fast, const CancelToken& cancel = {});

/// Receives a snapshot one process at a time (visitSnapshot).
class SnapshotVisitor {
public:
    virtual ~SnapshotVisitor() = default;
    /// Once, before any process: when it was taken, the detail and the backend; no processes.
    virtual void begin(const Snapshot& header) = 0;
    /// Each process, in pid order. It may be moved from: it is not used again.
    virtual void process(ProcessHandles& p) = 0;
};

/// takeSnapshot for a caller that uses each process once and keeps nothing (the CLI's
/// `snapshot --json`): the same processes in the same order, handed over as they are read.
/// With the Linux BPF iterator, memory then holds one process's handles, not the machine's;
/// other backends read the whole snapshot first. Returns the header (duration included,
/// no processes). On failure after begin() the visitor has seen only part of the machine.
Result<Snapshot> visitSnapshot(SnapshotVisitor& visitor, Detail detail = Detail::Fast,
                               const CancelToken& cancel = {});


/// The identity of the object a path names (follows symlinks), to find its holders.
Result<ObjectId> objectIdOfPath(const std::string& path);

/// This process's id.
Pid currentProcessId();

/// What the platform can do, so a UI shows only options that mean something.
struct PlatformInfo {
    std::string name;              ///< "Linux", "Windows"
    bool canNarrowAccess = false;  ///< Windows: duplicate with fewer rights
    bool canSetInheritable = true;
    bool hasObjectNames = false;   ///< Windows named objects
    std::string handleWord;        ///< "fd" on Linux, "handle" on Windows
    /// How to see more processes: "run as root: sudo handlescope-cli ..., or pkexec handlescope"
    std::string privilegeHint;
};
PlatformInfo platformInfo();

} // namespace hs
