// SPDX-License-Identifier: MIT
#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

class QThreadPool;

namespace hs::ui {

/// Where background reads of /proc run: on an idle-priority pool while the idle thread keeps up,
/// on refreshPool() (nice 10) for a while after a job there was starved, since an idle
/// thread gets next to nothing while other programs keep every core busy. One job at a
/// time is watched on the idle thread; its owner says when it starts and ends, and is
/// told when it starves so that it can run the job again elsewhere.
class IdleFirst : public QObject {
    Q_OBJECT
public:
    /// `what` names the jobs in the log ("refresh", "search"); `idle` is their idle-priority
    /// pool (idlePool(), searchIdlePool()).
    IdleFirst(const char* what, QThreadPool* (*idle)(), std::chrono::milliseconds starvationTimeout,
              QObject* parent = nullptr);

    static constexpr std::chrono::seconds Backoff{60};
    void setStarvationTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// The idle thread may be used (it is not backing off; it may be busy).
    [[nodiscard]] bool idleAllowed() const { return m_backoff.hasExpired(); }
    /// A job runs on the idle thread, watched or given up.
    [[nodiscard]] bool idleBusy() const { return m_busy; }
    /// The pool for a job, and whether it is the idle one: the idle pool when allowed
    /// and free (the watch starts), refreshPool() otherwise.
    QThreadPool* choosePool(bool& onIdle);
    /// The job on the idle thread ended (answered or given up).
    void finishedOnIdle();
    [[nodiscard]] int starvedCount() const { return m_starvedCount; }

Q_SIGNALS:
    /// The watched job ran past the timeout: the idle thread is avoided for Backoff.
    void starved();

private:
    void onTimeout();

    const char* m_what;
    QThreadPool* (*m_idlePool)();
    QTimer m_timer;
    std::chrono::milliseconds m_timeout;
    QDeadlineTimer m_backoff{0};
    bool m_busy = false;
    int m_starvedCount = 0;
};

} // namespace hs::ui
