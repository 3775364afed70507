// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

namespace hs::ui {

/// The threads that read a selected process, duplicate, close and free handle lists. Not
/// Qt's global pool: Qt's raster paint engine splits large fills across QThreadPool::globalInstance()
/// and waits for them, so a refresh job parked there (a snapshot takes ~0.5 s) made
/// paints wait up to 110 ms (measured with sched_switch traces under a 100,000-fd load).
/// Null once the application is being torn down.
QThreadPool* workPool();

/// One thread at nice 10 where refreshes and machine-wide searches run while idlePool()
/// is starved (IdleFirst), and lives as long as the application. It must not take locks
/// the UI thread needs. takeSnapshot(Background) and listProcesses(Background) leave it
/// at nice 10 for good. Null once the application is being torn down.
QThreadPool* refreshPool();

/// One thread at idle priority (QThread::IdlePriority: SCHED_IDLE on Linux) for the
/// periodic refresh. A core that runs only an idle-policy thread counts as free when the
/// UI thread wakes, so the refresh does not delay its wakeups (a UI thread already queued
/// behind another program is not moved over: see core's background_linux.h). Traced
/// under load: with the refresh at nice 10 on one core and PID 1's agent (nice -10) on
/// the other, the UI thread waited 16-27 ms; with SCHED_IDLE the stall stayed at 1-7 ms.
/// An idle thread gets almost nothing while other programs keep every core busy, so
/// RefreshController falls back to refreshPool() when a refresh here is starved.
QThreadPool* idlePool();

/// A second idle-priority thread, for machine-wide searches only. Sharing idlePool() made a
/// refresh queue behind a search (~2 s at 100,000 fds) until it counted as starved, and
/// refreshes then ran at nice 10 for IdleFirst::Backoff (1 of 4 search runs at 200 x 500),
/// where they keep a core busy and delay the UI thread's wakeups again.
QThreadPool* searchIdlePool();

} // namespace hs::ui
