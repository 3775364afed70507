// SPDX-License-Identifier: MIT
#include "util/backgroundrelease.h"

#include "util/workpool.h"

#include "handlescope/inspect.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace hs::ui::detail {

void runInBackground(void (*destroy)(const void*), const void* object, Freed what)
{
    // After QCoreApplication is gone the pools may be too (static teardown): free inline
    // then, nothing is waiting on the UI any more.
    QThreadPool* pool = nullptr;
    if (QCoreApplication::instance())
        pool = what == Freed::Snapshot ? refreshPool() : workPool();
    if (!pool) {
        destroy(object);
        return;
    }
    pool->start([destroy, object, what] {
        destroy(object);
        // The allocator keeps what a 37 MB snapshot freed; without this the app sat at
        // 175-182 MB RSS with 100,000 handles on the machine, with it at 127-133 MB.
        // Not on the refresh thread: malloc_trim holds each arena's lock in turn, the UI
        // thread's too, and at nice 10 under load it held it for 710 ms (a UI thread
        // blocked in realloc, sched_switch traces).
        if (what == Freed::Snapshot)
            if (QThreadPool* normal = workPool())
                normal->start([] { hs::releaseFreeMemory(); });
    });
}

} // namespace hs::ui::detail
