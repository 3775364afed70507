// SPDX-License-Identifier: MIT
#include "hunt/snapshotdiffpane.h"

#include "hunt/diffexport.h"
#include "hunt/snapshotdiffmodel.h"
#include "util/qtstd.h"

#include "handlescope/inspect.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <chrono>

namespace hs::ui {

namespace {

/// One process read as a snapshot of its own: the diff then compares only it.
hs::Result<hs::Snapshot> readProcess(hs::Pid pid)
{
    auto info = hs::processInfo(pid);
    if (!info)
        return hs::fail(info.error());
    auto handles = hs::listHandles(pid, hs::Detail::Full);
    if (!handles)
        return hs::fail(handles.error());
    hs::Snapshot s;
    s.takenAt = std::chrono::system_clock::now();
    s.detail = hs::Detail::Full;
    s.processes.push_back({std::move(*info), std::move(*handles)});
    return s;
}

QString slotName(SnapshotDiffPane::Slot slot)
{
    return slot == SnapshotDiffPane::Slot::A ? QStringLiteral("A") : QStringLiteral("B");
}

} // namespace

SnapshotDiffPane::SnapshotDiffPane(QWidget* parent)
    : QWidget(parent)
    , m_scope(new QComboBox(this))
    , m_takeA(new QPushButton(tr("Take Snapshot &A"), this))
    , m_takeB(new QPushButton(tr("Take Snapshot &B"), this))
    , m_exportCsv(new QPushButton(tr("Export CSV…"), this))
    , m_exportJson(new QPushButton(tr("Export JSON…"), this))
    , m_labelA(new QLabel(this))
    , m_labelB(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new SnapshotDiffModel(this))
{
    setObjectName(QStringLiteral("snapshotDiffPane"));
    m_worker.setMaxThreadCount(1);
    m_scope->setObjectName(QStringLiteral("diffScope"));
    m_scope->addItem(tr("Selected process"), false);
    m_scope->addItem(tr("Whole machine"), true);
    m_scope->setToolTip(tr("What the snapshots read: the process selected in the list, or every process"));
    m_takeA->setObjectName(QStringLiteral("takeSnapshotA"));
    m_takeB->setObjectName(QStringLiteral("takeSnapshotB"));
    m_takeA->setToolTip(tr("Read the handles now, as the state to compare with"));
    m_takeB->setToolTip(tr("Read the same handles again and show what changed since snapshot A"));
    m_exportCsv->setObjectName(QStringLiteral("exportDiffCsv"));
    m_exportJson->setObjectName(QStringLiteral("exportDiffJson"));
    m_labelA->setObjectName(QStringLiteral("snapshotALabel"));
    m_labelB->setObjectName(QStringLiteral("snapshotBLabel"));
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("diffView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    // Sized to the rows in view (a tree measures only those), the name taking the rest.
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(SnapshotDiffModel::NameColumn, QHeaderView::Stretch);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Scope:"), this));
    buttons->addWidget(m_scope);
    buttons->addWidget(m_takeA);
    buttons->addWidget(m_takeB);
    buttons->addStretch(1);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJson);
    auto* labels = new QHBoxLayout;
    labels->addWidget(m_labelA, 1);
    labels->addWidget(m_labelB, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(labels);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_takeA, &QPushButton::clicked, this, [this] { takeSnapshot(Slot::A); });
    connect(m_takeB, &QPushButton::clicked, this, [this] { takeSnapshot(Slot::B); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
    m_labelA->setText(tr("A: not taken"));
    m_labelB->setText(tr("B: not taken"));
    m_summary->setText(tr("Take snapshot A, let the program run, then take snapshot B."));
    updateButtons();
}

SnapshotDiffPane::~SnapshotDiffPane()
{
    m_cancel.cancel();
    m_worker.waitForDone();
}

void SnapshotDiffPane::setProcess(std::optional<hs::Pid> pid, const QString& name)
{
    m_pid = pid;
    m_processName = name;
    updateButtons();
}

void SnapshotDiffPane::setMachineScope(bool machine) { m_scope->setCurrentIndex(machine ? 1 : 0); }

void SnapshotDiffPane::updateButtons()
{
    const bool machine = m_scope->currentData().toBool();
    m_takeA->setEnabled(!m_busy && (machine || m_pid));
    m_takeB->setEnabled(!m_busy && m_a.has_value());
    const bool haveDiff = m_model->diff() != nullptr;
    m_exportCsv->setEnabled(haveDiff);
    m_exportJson->setEnabled(haveDiff);
}

void SnapshotDiffPane::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    if (!status.isEmpty())
        m_summary->setText(status);
    updateButtons();
}

void SnapshotDiffPane::takeSnapshot(Slot slot)
{
    if (m_busy)
        return;
    if (slot == Slot::B) {
        if (!m_a)
            return;
        startSnapshot(slot, m_a->pid); // B reads what A read, whatever is selected now
        return;
    }
    const bool machine = m_scope->currentData().toBool();
    if (!machine && !m_pid)
        return;
    startSnapshot(slot, machine ? std::nullopt : m_pid);
}

void SnapshotDiffPane::startSnapshot(Slot slot, std::optional<hs::Pid> pid)
{
    setBusy(true, tr("Taking snapshot %1…").arg(slotName(slot)));
    const hs::CancelToken cancel = m_cancel;
    m_worker.start([this, slot, pid, cancel] {
        auto result = std::make_shared<hs::Result<hs::Snapshot>>(pid ? readProcess(*pid)
                                                                      : hs::takeSnapshot(hs::Detail::Fast, cancel));
        QMetaObject::invokeMethod(this, [this, slot, pid, result] { snapshotDone(slot, pid, result); },
                                  Qt::QueuedConnection);
    });
}

void SnapshotDiffPane::snapshotDone(Slot slot, std::optional<hs::Pid> pid,
                                    std::shared_ptr<hs::Result<hs::Snapshot>> result)
{
    if (!*result) {
        const QString message = tr("Snapshot %1 failed: %2").arg(slotName(slot), qs(result->error().message()));
        setBusy(false, message);
        Q_EMIT snapshotFailed(message);
        return;
    }
    if (result->value().takenAt == std::chrono::system_clock::time_point{})
        result->value().takenAt = std::chrono::system_clock::now();
    const auto at = QDateTime::fromMSecsSinceEpoch(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                       result->value().takenAt.time_since_epoch())
                                                       .count());
    Taken taken{pid, std::make_shared<const hs::Snapshot>(std::move(result->value())), at};
    if (slot == Slot::A) {
        m_a = std::move(taken);
        m_b.reset();
        m_model->setDiff(nullptr);
        m_labelA->setText(describe(*m_a, QStringLiteral("A")));
        m_labelB->setText(tr("B: not taken"));
        setBusy(false, tr("Snapshot A taken. Let the program run, then take snapshot B."));
    } else {
        m_b = std::move(taken);
        m_labelB->setText(describe(*m_b, QStringLiteral("B")));
    }
    Q_EMIT snapshotTaken(pid.value_or(-1), at, slotName(slot));
    if (slot == Slot::B)
        startDiff();
}

QString SnapshotDiffPane::describe(const Taken& taken, const QString& label) const
{
    const hs::Snapshot& s = *taken.snapshot;
    const QString name = s.processes.empty() ? QString() : qs(s.processes.front().process.name);
    const QString what = taken.pid ? tr("%1 (pid %2)").arg(name).arg(*taken.pid)
                                   : tr("whole machine, %n process(es)", nullptr, static_cast<int>(s.processes.size()));
    return tr("%1: %2 at %3, %n handle(s)", nullptr, static_cast<int>(s.handleCount()))
        .arg(label, what, taken.at.toString(QStringLiteral("HH:mm:ss")));
}

void SnapshotDiffPane::startDiff()
{
    setBusy(true, tr("Comparing A and B…"));
    const auto a = m_a->snapshot;
    const auto b = m_b->snapshot;
    hs::DiffOptions options;
    options.pid = m_a->pid;
    m_worker.start([this, a, b, options] {
        auto diff = std::make_shared<const hs::SnapshotDiff>(hs::diffSnapshots(*a, *b, options));
        QMetaObject::invokeMethod(this, [this, diff] { diffDone(diff); }, Qt::QueuedConnection);
    });
}

void SnapshotDiffPane::diffDone(std::shared_ptr<const hs::SnapshotDiff> diff)
{
    m_model->setDiff(diff);
    QString text = tr("%1 opened, %2 closed, %3 changed between A and B.")
                       .arg(diff->opened)
                       .arg(diff->closed)
                       .arg(diff->changed);
    if (!diff->processesStarted.empty() || !diff->processesExited.empty())
        text += QLatin1Char(' ') + tr("%n process(es) started, %1 exited (their handles are not listed).", nullptr,
                                      static_cast<int>(diff->processesStarted.size()))
                                       .arg(diff->processesExited.size());
    setBusy(false, text);
    Q_EMIT diffReady();
}

QString SnapshotDiffPane::exportTo(const QString& path, bool json) const
{
    const hs::SnapshotDiff* diff = m_model->diff();
    if (!diff || !m_a || !m_b)
        return tr("Nothing to export: take snapshots A and B first.");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(json ? diffToJson(*diff, *m_a->snapshot, *m_b->snapshot, m_a->pid) : diffGroupsToCsv(*diff).toUtf8());
    return file.flush() ? QString() : tr("Cannot write %1: %2").arg(path, file.errorString());
}

void SnapshotDiffPane::exportWithDialog(bool json)
{
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export diff as JSON") : tr("Export diff as CSV"),
        json ? QStringLiteral("handle-diff.json") : QStringLiteral("handle-diff.csv"),
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportTo(path, json); !error.isEmpty())
        QMessageBox::warning(this, tr("Export"), error);
}

} // namespace hs::ui
