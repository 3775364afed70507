// SPDX-License-Identifier: MIT
#pragma once

// What Priority::Background means on Linux: a lower nice value for the reading thread, and
// short pauses while it reads.

namespace hs::linux_ {

/// nice 10 for the calling thread. On Linux nice is per thread, threads it starts inherit
/// it, and without privilege it cannot be raised again: it is for good. Setting the same
/// value again is allowed, so calling it per job is cheap.
void lowerThisThreadsPriority();

/// While one lives on a thread, pauseIfDue() on that thread sleeps 2 ms after every 2 ms of
/// reading: a background read takes twice as long and leaves a core half free.
/// Why: a UI thread preempted by a process of higher priority (this VM's nice -10 agent)
/// stays queued behind it until it ends, here for up to 38 ms (sched_switch traces, kernel
/// 6.18), and the kernel did not move it to the other core even when that core went idle.
/// What the pauses change is where such a process lands when it wakes: with our reader
/// busy on the other core, more often on the UI thread's. At 200 x 500, 25 runs of 10
/// refreshes each, the UI thread was preempted 337 times with no pauses, 272-381 with a
/// 0.5 ms pause every 4 ms, and 201-211 with these. Nests; the outermost decides.
class BackgroundPacing {
public:
    explicit BackgroundPacing(bool enabled);
    ~BackgroundPacing();
    BackgroundPacing(const BackgroundPacing&) = delete;
    BackgroundPacing& operator=(const BackgroundPacing&) = delete;

private:
    bool m_owner = false;
};

/// Cheap when no BackgroundPacing is active on this thread: one thread-local read.
void pauseIfDue();

} // namespace hs::linux_
