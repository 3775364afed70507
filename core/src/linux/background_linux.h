// SPDX-License-Identifier: MIT
#pragma once

// What Priority::Background means on Linux: a lower nice value for the reading thread, and
// short pauses while it reads.

namespace hs::linux_ {

/// nice 10 for the calling thread. On Linux nice is per thread, threads it starts inherit
/// it, and without privilege it cannot be raised again: it is for good. Setting the same
/// value again is allowed, so calling it per job is cheap.
void lowerThisThreadsPriority();

/// While one lives on a thread, pauseIfDue() on that thread sleeps 0.5 ms after every 4 ms
/// of reading. Why: when a process of higher priority preempts a UI thread on one core
/// while our reader holds the other, the kernel leaves the UI thread queued behind it;
/// it moves it only when our reader's core goes idle, even with the reader at idle
/// policy (sched_switch traces, kernel 6.18: this VM's nice -10 agent kept a UI thread
/// waiting 38 ms while an idle-policy reader ran on the other core). A pause makes that
/// core idle often enough. Nests; the outermost decides.
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
