// SPDX-License-Identifier: MIT
#include "hunt/openedbypane.h"

#include "hunt/openedbymodel.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <chrono>

namespace hs::ui {

namespace {
// Long enough that the report (a read of the fds and symbolising) costs little, short
// enough that the view follows the process.
constexpr std::chrono::seconds ReportEvery{1};
} // namespace

OpenedByPane::OpenedByPane(QWidget* parent)
    : QWidget(parent)
    , m_process(new QLabel(this))
    , m_start(new QPushButton(tr("&Start Tracing"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_status(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new OpenedByModel(this))
{
    setObjectName(QStringLiteral("openedByPane"));
    m_process->setObjectName(QStringLiteral("openedByProcess"));
    m_start->setObjectName(QStringLiteral("startTracing"));
    m_stop->setObjectName(QStringLiteral("stopTracing"));
    m_start->setToolTip(tr("Follow the calls of the selected process that open and close handles, with their call "
                           "stacks (Linux, BPF: needs root)"));
    m_status->setObjectName(QStringLiteral("openedByStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("openedByView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(OpenedByModel::SiteColumn, QHeaderView::Stretch);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_process, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(m_start, &QPushButton::clicked, this, &OpenedByPane::startTracing);
    connect(m_stop, &QPushButton::clicked, this, &OpenedByPane::stopTracing);
    m_status->setText(tr("Start tracing, then let the program run: the handles it opens from then on are listed by "
                         "the code that opened them."));
    setProcess(std::nullopt, {});
}

OpenedByPane::~OpenedByPane()
{
    m_cancel.cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void OpenedByPane::setProcess(std::optional<hs::Pid> pid, const QString& name)
{
    m_pid = pid;
    m_processName = name;
    updateButtons();
}

void OpenedByPane::updateButtons()
{
    const bool tracing = isTracing();
    if (tracing)
        m_process->setText(tr("Tracing %1 (pid %2)").arg(m_processName).arg(*m_tracedPid));
    else if (m_pid)
        m_process->setText(tr("Process: %1 (pid %2)").arg(m_processName).arg(*m_pid));
    else
        m_process->setText(tr("Select a process to trace."));
    m_start->setEnabled(!tracing && m_pid.has_value());
    m_stop->setEnabled(tracing && !m_cancel.cancelled());
}

void OpenedByPane::startTracing()
{
    if (isTracing() || !m_pid)
        return;
    m_tracedPid = m_pid;
    m_cancel = hs::CancelToken::create();
    const quint64 generation = ++m_generation;
    m_model->setReport(nullptr);
    m_status->setText(tr("Starting the tracer…"));
    m_thread = std::thread([this, pid = *m_pid, generation, cancel = m_cancel] { traceLoop(pid, generation, cancel); });
    updateButtons();
    Q_EMIT tracingChanged(true);
}

void OpenedByPane::stopTracing()
{
    m_cancel.cancel();
    updateButtons();
}

void OpenedByPane::traceLoop(hs::Pid pid, quint64 generation, hs::CancelToken cancel)
{
    // Runs on m_thread; everything it tells the pane goes through the event loop.
    const auto post = [this](auto f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); };
    auto tracer = hs::OpenSiteTracer::start(pid);
    if (!tracer) {
        post([this, generation, e = qs(tracer.error().message())] { finished(generation, e, false); });
        return;
    }
    post([this, generation] { started(generation); });
    for (;;) {
        auto followed = (*tracer)->follow(ReportEvery, cancel);
        if (!followed) {
            post([this, generation, e = qs(followed.error().message())] { finished(generation, e, false); });
            return;
        }
        if ((*tracer)->exited()) {
            post([this, generation] { finished(generation, {}, true); });
            return;
        }
        auto report = (*tracer)->report();
        if (!report) {
            post([this, generation, e = qs(report.error().message())] { finished(generation, e, false); });
            return;
        }
        auto shared = std::make_shared<const hs::OpenSiteReport>(std::move(*report));
        post([this, generation, shared] { reportArrived(generation, shared); });
        if (cancel.cancelled()) {
            post([this, generation] { finished(generation, {}, false); });
            return;
        }
    }
}

void OpenedByPane::started(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_status->setText(tr("Tracing: the handles opened from now on are listed by the stack that opened them."));
}

void OpenedByPane::reportArrived(quint64 generation, std::shared_ptr<const hs::OpenSiteReport> report)
{
    if (generation != m_generation)
        return;
    // A refresh resets the tree: keep the rows the user opened open.
    QList<int> expanded;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_view->isExpanded(m_model->index(row, 0)))
            expanded << row;
    m_model->setReport(report);
    for (int row : expanded)
        if (row < m_model->rowCount())
            m_view->expand(m_model->index(row, 0));
    const int sites = static_cast<int>(report->sites.size());
    QString text = tr("%1 open and %2 close calls in %3 s; %n site(s).", nullptr, sites)
                       .arg(report->openCalls)
                       .arg(report->closeCalls)
                       .arg(std::chrono::duration<double>(report->traced).count(), 0, 'f', 1);
    if (report->lostRecords > 0)
        text += QLatin1Char(' ') + tr("%1 calls were lost (the kernel's buffer was full): their handles count as "
                                      "opened before tracing.")
                                       .arg(report->lostRecords);
    if (report->unwindFailures > 0)
        text += QLatin1Char(' ') +
                tr("%1 stacks could not be walked past the system call.").arg(report->unwindFailures);
    m_status->setText(text);
    selectPendingFd();
    Q_EMIT reportUpdated();
}

void OpenedByPane::finished(quint64 generation, const QString& error, bool exited)
{
    if (generation != m_generation)
        return;
    if (m_thread.joinable())
        m_thread.join(); // it has posted its last word: joining does not wait
    if (!error.isEmpty())
        m_status->setText(tr("Cannot trace pid %1: %2").arg(m_tracedPid.value_or(-1)).arg(error));
    else if (exited)
        m_status->setText(tr("Pid %1 exited: its handles closed with it.").arg(m_tracedPid.value_or(-1)));
    m_pendingFd.reset();
    updateButtons();
    if (!error.isEmpty())
        Q_EMIT tracingFailed(error);
    Q_EMIT tracingChanged(false);
}

void OpenedByPane::showFd(hs::Pid pid, hs::HandleValue fd)
{
    if (m_tracedPid == pid && (isTracing() || m_model->report())) {
        m_pendingFd = fd;
        selectPendingFd();
        return;
    }
    if (isTracing()) {
        m_status->setText(tr("Tracing pid %1: stop it to trace pid %2.").arg(*m_tracedPid).arg(pid));
        return;
    }
    if (m_pid != pid)
        setProcess(pid, QString());
    m_pendingFd = fd;
    startTracing();
}

void OpenedByPane::selectPendingFd()
{
    if (!m_pendingFd || !m_model->report())
        return;
    const hs::HandleValue fd = *m_pendingFd;
    m_pendingFd.reset();
    const int row = m_model->rowOfFd(fd);
    if (row < 0) {
        m_status->setText(tr("Pid %1 does not hold %2 %3 any more.").arg(*m_tracedPid).arg(handleWord()).arg(fd));
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->expand(index);
    m_view->scrollTo(index);
    if (row == m_model->unknownOriginRow())
        m_status->setText(tr("%1 %2 was opened before tracing began (or received from another process): only what "
                             "is opened while tracing has a stack.")
                              .arg(handleWord())
                              .arg(fd));
}

} // namespace hs::ui
