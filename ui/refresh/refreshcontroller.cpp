// SPDX-License-Identifier: MIT
#include "refresh/refreshcontroller.h"

#include "util/backgroundrelease.h"
#include "util/workpool.h"

#include "handlescope/inspect.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hs::ui {

RefreshController::RefreshController(QObject* parent)
    : QObject(parent)
    , m_processes([] { return hs::listProcesses(hs::Priority::Background); })
    , m_handles([](hs::Pid pid) { return hs::listHandles(pid, hs::Detail::Full, hs::Priority::Background); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RefreshController::refresh);
    connect(&m_idle, &IdleFirst::starved, this, &RefreshController::onStarved);
}

RefreshController::~RefreshController() = default;

void RefreshController::setSources(ProcessSource processes, HandleSource handles)
{
    m_processes = std::move(processes);
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
    auto job = [processes = m_processes, handles = m_handles, focus = m_focus, id] {
        QElapsedTimer clock;
        clock.start();
        auto result = std::make_shared<RefreshResult>();
        result->jobId = id;
        result->focus = focus;
        if (auto list = processes())
            result->processes = std::move(*list);
        else
            result->error = list.error();
        if (focus && !result->error) {
            const auto& list = result->processes;
            const auto it = std::lower_bound(list.begin(), list.end(), focus->pid,
                                             [](const hs::ProcessInfo& p, hs::Pid pid) { return p.pid < pid; });
            if (it != list.end() && it->key() == *focus && !it->accessError)
                result->focusHandles = shareReleasedInBackground(handles(focus->pid));
        }
        result->elapsedMs = clock.elapsed();
        result->finishedAt = QDateTime::currentDateTime();
        return std::shared_ptr<RefreshResult>(std::move(result));
    };
    // On the idle thread unless it is starved, or still busy with a starved job.
    bool onIdle = false;
    QThreadPool* pool = m_idle.choosePool(onIdle);
    auto* watcher = new QFutureWatcher<std::shared_ptr<RefreshResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onIdle] {
        watcher->deleteLater();
        onJobDone(watcher->result(), onIdle);
    });
    watcher->setFuture(QtConcurrent::run(pool, job));
}

void RefreshController::onStarved()
{
    // Give this refresh up (its result will be dropped as stale) and run it again, now
    // at nice 10.
    if (m_running)
        start();
}

void RefreshController::onJobDone(const std::shared_ptr<RefreshResult>& result, bool onIdle)
{
    if (onIdle)
        m_idle.finishedOnIdle();
    // Stale-result guard: only the newest job's result is shown, and only it ends the
    // refresh (a starved job that was replaced may still come back).
    if (!result || result->jobId != m_jobId)
        return;
    m_running = false;
    Q_EMIT runningChanged(false);
    Q_EMIT finished(result);
    if (m_again)
        start();
    else if (m_intervalMs > 0)
        m_timer.start(m_intervalMs);
}

} // namespace hs::ui
