// SPDX-License-Identifier: MIT
#pragma once

#include "refresh/refreshresult.h"
#include "util/idlefirst.h"
#include "util/workpool.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hs::ui {

/// Runs hs::listProcesses (processes with their handle counts) and a Detail::Full read of
/// the focused process on idlePool() (refreshPool() while that is starved) through
/// QtConcurrent::run + QFutureWatcher: /proc is never read on the UI thread. It does not read every handle of the machine: at
/// 100,000 fds that took ~0.5 s of both cores and 37 MB on every refresh, for handles
/// nobody looks at; searches that need them go through MachineSearch. Each job has an id; a result that is not from the newest job is dropped
/// (hotspot's jobtracker). The automatic timer is re-armed only when a refresh has
/// finished (hotspot's recordpage), so refreshes never pile up on a slow machine.
class RefreshController : public QObject {
    Q_OBJECT
public:
    using ProcessSource = std::function<hs::Result<std::vector<hs::ProcessInfo>>()>;
    using HandleSource = std::function<hs::Result<std::vector<hs::HandleInfo>>(hs::Pid)>;

    explicit RefreshController(QObject* parent = nullptr);
    ~RefreshController() override;

    /// Replace the core calls (tests and benchmarks feed synthetic snapshots).
    void setSources(ProcessSource processes, HandleSource handles);

    /// 0 = automatic refresh off.
    void setInterval(int milliseconds);
    [[nodiscard]] int interval() const { return m_intervalMs; }
    /// The process whose handles are shown: read in full detail with each refresh.
    void setFocus(std::optional<hs::ProcessKey> focus) { m_focus = focus; }
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] quint64 lastJobId() const { return m_jobId; }

    /// A refresh on the idle thread that has not finished after this long (default 1 s)
    /// is starved: it is given up and refreshes run on refreshPool() for IdleFirst::Backoff.
    void setStarvationTimeout(std::chrono::milliseconds timeout) { m_idle.setStarvationTimeout(timeout); }
    /// How often the idle thread was found starved (tests, logs).
    [[nodiscard]] int starvedCount() const { return m_idle.starvedCount(); }

public Q_SLOTS:
    /// Starts a refresh now; if one runs, another follows right after it.
    void refresh();

Q_SIGNALS:
    void started();
    void finished(std::shared_ptr<hs::ui::RefreshResult> result);
    void runningChanged(bool running);

private:
    void start();
    void onJobDone(const std::shared_ptr<RefreshResult>& result, bool onIdle);
    void onStarved();

    ProcessSource m_processes;
    HandleSource m_handles;
    QTimer m_timer;
    int m_intervalMs = 0;
    std::optional<hs::ProcessKey> m_focus;
    quint64 m_jobId = 0;
    bool m_running = false;
    bool m_again = false;
    IdleFirst m_idle{"refresh", idlePool, std::chrono::milliseconds(1000)};
};

} // namespace hs::ui
