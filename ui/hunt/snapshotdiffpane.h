// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/diff.h"
#include "handlescope/model.h"

#include <QDateTime>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace hs::ui {

class SnapshotDiffModel;

/// Snapshot A, snapshot B and what changed between them, of the selected process or of
/// the whole machine: opened, closed and changed handles grouped by type and name pattern
/// with counts, each group expandable to its handles; export as CSV or JSON. Snapshots
/// and the diff are computed on a worker thread.
class SnapshotDiffPane : public QWidget {
    Q_OBJECT
public:
    enum class Slot : std::uint8_t { A, B };

    explicit SnapshotDiffPane(QWidget* parent = nullptr);
    ~SnapshotDiffPane() override;

    /// The process the "selected process" scope reads; none: only the machine can be read.
    void setProcess(std::optional<hs::Pid> pid, const QString& name);
    /// true: snapshots of the whole machine; false: of the selected process.
    void setMachineScope(bool machine);
    /// Takes A (forgetting B) or B (in A's scope) in the background; snapshotTaken or
    /// snapshotFailed follows, and diffReady once B is compared with A.
    void takeSnapshot(Slot slot);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] SnapshotDiffModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] QLabel* summaryLabel() const { return m_summary; }
    /// Writes the diff shown to `path` (CSV of the groups, or the JSON document); "" on
    /// success, else why not.
    [[nodiscard]] QString exportTo(const QString& path, bool json) const;

Q_SIGNALS:
    /// A snapshot was taken at `at` of process `pid` (-1: the whole machine); `label` is
    /// "A" or "B". The handle-count chart connects here to mark the moment on its timeline
    /// (plain Qt types: a queued connection needs no registration).
    void snapshotTaken(qint64 pid, const QDateTime& at, const QString& label);
    void snapshotFailed(const QString& message);
    void diffReady();

private:
    struct Taken {
        std::optional<hs::Pid> pid; ///< the scope: a process, or none for the machine
        std::shared_ptr<const hs::Snapshot> snapshot;
        QDateTime at;
    };
    void startSnapshot(Slot slot, std::optional<hs::Pid> pid);
    void snapshotDone(Slot slot, std::optional<hs::Pid> pid, std::shared_ptr<hs::Result<hs::Snapshot>> result);
    void startDiff();
    void diffDone(std::shared_ptr<const hs::SnapshotDiff> diff);
    void setBusy(bool busy, const QString& status);
    void updateButtons();
    QString describe(const Taken& taken, const QString& label) const;
    void exportWithDialog(bool json);

    QComboBox* m_scope;
    QPushButton* m_takeA;
    QPushButton* m_takeB;
    QPushButton* m_exportCsv;
    QPushButton* m_exportJson;
    QLabel* m_labelA;
    QLabel* m_labelB;
    QLabel* m_summary;
    QTreeView* m_view;
    SnapshotDiffModel* m_model;

    std::optional<hs::Pid> m_pid;
    QString m_processName;
    std::optional<Taken> m_a;
    std::optional<Taken> m_b;
    bool m_busy = false;
    hs::CancelToken m_cancel = hs::CancelToken::create();
    QThreadPool m_worker; ///< one thread: a snapshot, then the diff, never two at once
};

} // namespace hs::ui
