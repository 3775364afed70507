// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"
#include "handlescope/open_sites.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <thread>

class QLabel;
class QPushButton;
class QTreeView;

namespace hs::ui {

class OpenedByModel;

/// "Opened by": follows the fd-creating calls of one process (the core's open-site
/// tracer) and shows the fds it still holds grouped by the call stack that opened them,
/// each expandable to its frames. The report is refreshed every second while tracing.
/// Where tracing cannot run (no privilege, no BTF, Windows) it shows the core's reason.
class OpenedByPane : public QWidget {
    Q_OBJECT
public:
    explicit OpenedByPane(QWidget* parent = nullptr);
    ~OpenedByPane() override;

    /// The process Start follows (ignored while tracing: the trace keeps its process).
    void setProcess(std::optional<hs::Pid> pid, const QString& name);
    void startTracing();
    /// Stops after the current slice; the last report stays shown.
    void stopTracing();
    [[nodiscard]] bool isTracing() const { return m_thread.joinable(); }
    [[nodiscard]] std::optional<hs::Pid> tracedPid() const { return m_tracedPid; }

    /// Selects and opens the stack that opened `fd` of `pid`. When `pid` is not being
    /// traced (and nothing else is), starts tracing it and selects the fd in the first report.
    void showFd(hs::Pid pid, hs::HandleValue fd);

    [[nodiscard]] OpenedByModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    /// A new report is shown (every second while tracing, and once after Stop).
    void reportUpdated();
    /// Tracing could not start or went wrong; `reason` is the core's message.
    void tracingFailed(const QString& reason);
    void tracingChanged(bool tracing);

private:
    void traceLoop(hs::Pid pid, quint64 generation, hs::CancelToken cancel);
    void started(quint64 generation);
    void reportArrived(quint64 generation, std::shared_ptr<const hs::OpenSiteReport> report);
    void finished(quint64 generation, const QString& error, bool exited);
    void selectPendingFd();
    void updateButtons();

    QLabel* m_process;
    QPushButton* m_start;
    QPushButton* m_stop;
    QLabel* m_status;
    QTreeView* m_view;
    OpenedByModel* m_model;

    std::optional<hs::Pid> m_pid;
    QString m_processName;
    std::optional<hs::Pid> m_tracedPid;
    std::optional<hs::HandleValue> m_pendingFd; ///< to select when the next report arrives
    quint64 m_generation = 0;                    ///< reports of an older trace are dropped
    hs::CancelToken m_cancel;
    std::thread m_thread; ///< runs the tracer: the core's tracer is driven by one thread
};

} // namespace hs::ui
