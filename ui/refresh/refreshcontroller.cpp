// SPDX-License-Identifier: MIT
#include "refresh/refreshcontroller.h"

#include "util/backgroundrelease.h"
#include "util/workpool.h"

#include "handlescope/inspect.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace hs::ui {

RefreshController::RefreshController(QObject* parent)
    : QObject(parent)
    , m_snapshots([] { return hs::takeSnapshot(hs::Detail::Fast, hs::Priority::Background); })
    , m_handles([](hs::Pid pid) { return hs::listHandles(pid, hs::Detail::Full); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RefreshController::refresh);
}

RefreshController::~RefreshController() = default;

void RefreshController::setSources(SnapshotSource snapshots, HandleSource handles)
{
    m_snapshots = std::move(snapshots);
    m_handles = std::move(handles);
}

void RefreshController::setInterval(int milliseconds)
{
    m_intervalMs = std::max(0, milliseconds);
    m_timer.stop();
    if (m_intervalMs > 0 && !m_running)
        m_timer.start(m_intervalMs);
}

void RefreshController::refresh()
{
    if (m_running) {
        m_again = true;
        return;
    }
    start();
}

void RefreshController::start()
{
    m_timer.stop();
    m_running = true;
    m_again = false;
    const quint64 id = ++m_jobId;
    Q_EMIT started();
    Q_EMIT runningChanged(true);

    // Everything the job needs is copied in: the worker never touches this object.
    auto job = [snapshots = m_snapshots, handles = m_handles, focus = m_focus, id] {
        QElapsedTimer clock;
        clock.start();
        auto result = std::make_shared<RefreshResult>();
        result->jobId = id;
        result->focus = focus;
        if (auto snap = snapshots())
            result->snapshot = shareReleasedInBackground(std::move(*snap), Freed::Snapshot);
        else
            result->error = snap.error();
        if (focus && result->snapshot) {
            const auto* p = result->snapshot->findProcess(focus->pid);
            if (p && p->process.key() == *focus && !p->process.accessError)
                result->focusHandles = shareReleasedInBackground(handles(focus->pid));
        }
        result->elapsedMs = clock.elapsed();
        result->finishedAt = QDateTime::currentDateTime();
        return std::shared_ptr<RefreshResult>(std::move(result));
    };
    auto* watcher = new QFutureWatcher<std::shared_ptr<RefreshResult>>(this);
    QPointer<RefreshController> self(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [self, watcher] {
        watcher->deleteLater();
        if (self)
            self->onJobDone(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(refreshPool(), job));
}

void RefreshController::onJobDone(std::shared_ptr<RefreshResult> result)
{
    m_running = false;
    Q_EMIT runningChanged(false);
    // Stale-result guard: only the newest job's result is shown.
    if (result && result->jobId == m_jobId)
        Q_EMIT finished(result);
    if (m_again)
        start();
    else if (m_intervalMs > 0)
        m_timer.start(m_intervalMs);
}

} // namespace hs::ui
