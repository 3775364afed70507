// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

namespace hs::ui {

/// The threads that read /proc, duplicate, close and free snapshots. Not Qt's global
/// pool: Qt's raster paint engine splits large fills across QThreadPool::globalInstance()
/// and waits for them, so a refresh job parked there (a snapshot takes ~0.5 s) made
/// paints wait up to 110 ms (measured with sched_switch traces under a 100,000-fd load).
/// Null once the application is being torn down.
QThreadPool* workPool();

/// One thread that takes every snapshot and frees every old one, and lives as long as
/// the application. It must not take locks the UI thread needs (it runs at nice 10). A snapshot is then built and freed in one malloc arena, which reuses
/// the memory of the last one (on changing threads, 100,000-handle snapshots of 37 MB
/// left ~150 MB of freed memory spread over the arenas). takeSnapshot(Background) also
/// leaves this thread at nice 10 for good. Null once the application is being torn down.
QThreadPool* refreshPool();

} // namespace hs::ui
