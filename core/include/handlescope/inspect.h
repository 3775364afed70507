// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

namespace hs {

/// Reading processes and handles. One implementation per OS (core/src/linux,
/// core/src/windows), chosen by CMake.


/// One process. Fails with ESRCH-style errors for an unknown pid.
Result<ProcessInfo> processInfo(Pid pid);

/// How hard a read competes for the CPU with the rest of the calling process.
enum class Priority : std::uint8_t {
    Normal,
    /// Leaves CPU to the caller's other threads. Linux: a snapshot uses one walker fewer
    /// than cores; every reading thread sleeps 2 ms after every 2 ms of reading and runs
    /// at nice 10 FOR GOOD (with the walkers it starts), since without privilege nice
    /// cannot be lowered again: call it from a thread that only reads.
    /// Windows: the calling thread below normal while it runs. A desktop app refreshing
    /// in the background sets this: with a walker on each of 2 cores at normal priority,
    /// its UI thread waited up to 44 ms for a timeslice.
    Background,
};

/// The handles of one process, sorted by value. Fails for a missing, zombie or kernel
/// process, or one we may not inspect.
Result<std::vector<HandleInfo>> listHandles(Pid pid, Detail detail = Detail::Full,
                                            Priority priority = Priority::Normal);

/// One handle of one process (always Detail::Full). Fails with EBADF-style errors.
Result<HandleInfo> handleInfo(Pid pid, HandleValue handle);

/// All processes, sorted by pid, with handle counts. Processes that exit during the walk
/// are skipped; ones we may not inspect are listed with `accessError` set. Cheap: one
/// fstat per process counts its fds (Linux 6.2+), no handle is read. Background puts the
/// calling thread at the same lower priority as takeSnapshot's (for good, on Linux).
Result<std::vector<ProcessInfo>> listProcesses(Priority priority = Priority::Normal);

/// All processes with all their handles. Per-process failures land in accessError.
Result<Snapshot> takeSnapshot(Detail detail = Detail::Fast, Priority priority = Priority::Normal);


/// Gives memory this process has freed back to the OS (Linux: malloc_trim; Windows:
/// _heapmin). glibc keeps freed chunks in its arenas: a desktop app that holds one
/// snapshot of 100,000 handles (37 MB) while it builds the next ended up at 200 MB RSS,
/// most of it free. Call it off the UI thread, after dropping a large result.
void releaseFreeMemory();

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
