// SPDX-License-Identifier: MIT
#include "util/workpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace hs::ui {

namespace {
void finishJobsBeforeExit();

// Registered by the first pool made: QCoreApplication's destructor calls it.
void drainOnAppExit()
{
    static const bool registered = (qAddPostRoutine(finishJobsBeforeExit), true);
    (void)registered;
}

struct WorkPool : QThreadPool {
    WorkPool()
    {
        drainOnAppExit();
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
        drainOnAppExit();
        setObjectName(QStringLiteral("handlescope-refresh"));
        setMaxThreadCount(1);
        setExpiryTimeout(-1); // the same thread, always
    }
};
Q_GLOBAL_STATIC(RefreshPool, refresh)

struct IdlePool : QThreadPool {
    explicit IdlePool(const QString& name = QStringLiteral("handlescope-idle"))
    {
        drainOnAppExit();
        setObjectName(name);
        setMaxThreadCount(1);
        setExpiryTimeout(-1);
        setThreadPriority(QThread::IdlePriority); // the thread it starts (Qt 6.2+)
    }
};
Q_GLOBAL_STATIC(IdlePool, idle)
Q_GLOBAL_STATIC_WITH_ARGS(IdlePool, searchIdle, (QStringLiteral("handlescope-search")))

// A job still reading /proc when main() returns would run on into static destruction and
// use the core's function-local statics after exit() destroyed them (ASan: the user-name
// cache, freed by the main thread's exit handlers while a search built a snapshot on the
// idle thread). So the jobs end with the application object: queued ones are dropped,
// running ones are waited for (a search at 100,000 fds: up to ~2 s), readers first.
void finishJobsBeforeExit()
{
    for (QThreadPool* p : {idle.exists() ? static_cast<QThreadPool*>(idle) : nullptr,
                           searchIdle.exists() ? static_cast<QThreadPool*>(searchIdle) : nullptr,
                           refresh.exists() ? static_cast<QThreadPool*>(refresh) : nullptr,
                           pool.exists() ? static_cast<QThreadPool*>(pool) : nullptr}) {
        if (!p)
            continue;
        p->clear();
        p->waitForDone();
    }
}
} // namespace

QThreadPool* workPool() { return pool(); }

QThreadPool* refreshPool() { return refresh(); }

QThreadPool* idlePool() { return idle(); }

QThreadPool* searchIdlePool() { return searchIdle(); }

} // namespace hs::ui
