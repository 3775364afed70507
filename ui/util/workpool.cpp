// SPDX-License-Identifier: MIT
#include "util/workpool.h"

#include <QThread>
#include <QThreadPool>

namespace hs::ui {

namespace {
struct WorkPool : QThreadPool {
    WorkPool()
    {
        setObjectName(QStringLiteral("handlescope-work"));
        // A refresh, a full read of the selected process, a duplicate or close, and the
        // freeing of old snapshots may all be under way at once; most of it waits on the kernel.
        setMaxThreadCount(4);
    }
};
Q_GLOBAL_STATIC(WorkPool, pool)

struct RefreshPool : QThreadPool {
    RefreshPool()
    {
        setObjectName(QStringLiteral("handlescope-refresh"));
        setMaxThreadCount(1);
        setExpiryTimeout(-1); // the same thread, always
    }
};
Q_GLOBAL_STATIC(RefreshPool, refresh)

struct IdlePool : QThreadPool {
    IdlePool()
    {
        setObjectName(QStringLiteral("handlescope-idle"));
        setMaxThreadCount(1);
        setExpiryTimeout(-1);
        setThreadPriority(QThread::IdlePriority); // the thread it starts (Qt 6.2+)
    }
};
Q_GLOBAL_STATIC(IdlePool, idle)
} // namespace

QThreadPool* workPool() { return pool(); }

QThreadPool* refreshPool() { return refresh(); }

QThreadPool* idlePool() { return idle(); }

} // namespace hs::ui
