// SPDX-License-Identifier: MIT
#include "learn/learnwindow.h"

#include "learn/demoprocesses.h"
#include "learn/duplicaterunner.h"
#include "learn/handletable.h"
#include "map/handlemapmodel.h"
#include "map/handlemapview.h"

#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace hs::ui {

namespace {

// The process with its handles, for the map; an unreadable one with none.
hs::ProcessHandles readProcess(hs::Pid pid)
{
    hs::ProcessHandles p;
    if (auto info = hs::processInfo(pid))
        p.process = std::move(*info);
    p.process.pid = pid;
    if (auto handles = hs::listHandles(pid, hs::Detail::Fast))
        p.handles = std::move(*handles);
    return p;
}

QString ok(const QString& html) { return QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(html); }
QString bad(const QString& html) { return QStringLiteral("<span style='color:#c62828'>%1</span>").arg(html); }

} // namespace

LearnWindow::LearnWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_demos(new DemoProcesses(this))
    , m_runner(new DuplicateRunner(this))
    , m_mapModel(new HandleMapModel(this))
    , m_map(new HandleMapView(m_mapModel, this))
    , m_steps(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_back(new QPushButton(tr("&Back"), this))
    , m_next(new QPushButton(tr("&Next"), this))
{
    setObjectName(QStringLiteral("learnWindow"));
    setWindowTitle(tr("Learn: Duplicating a Handle"));
    m_steps->setObjectName(QStringLiteral("lessonSteps"));
    m_steps->addItems(LessonText::stepTitles());
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setMaximumWidth(240);
    m_steps->setIconSize(QSize(16, 16));
    m_pages->setObjectName(QStringLiteral("lessonPages"));
    m_status->setObjectName(QStringLiteral("lessonStatus"));
    m_status->setWordWrap(true);
    m_back->setObjectName(QStringLiteral("learnBack"));
    m_next->setObjectName(QStringLiteral("learnNext"));
    m_map->setObjectName(QStringLiteral("learnMap"));

    m_pages->addWidget(buildPickFilePage());
    m_pages->addWidget(buildPickTargetPage());
    m_pages->addWidget(buildDuplicatePage());
    m_pages->addWidget(buildSeeNewHandlePage());
    m_pages->addWidget(buildTellPage());
    m_pages->addWidget(buildOutputPage());
    m_pages->addWidget(buildVariationsPage());

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_pages);
    split->addWidget(m_map);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto* right = new QVBoxLayout;
    right->addWidget(split, 1);
    right->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addLayout(right, 1);
    resize(1100, 760);

    connect(m_back, &QPushButton::clicked, this, [this] { goTo(currentStep() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (currentStep() == Variations)
            close();
        else
            goTo(currentStep() + 1);
    });
    connect(m_demos, &DemoProcesses::sourceReady, this, &LearnWindow::onSourceReady);
    connect(m_demos, &DemoProcesses::targetListening, this, &LearnWindow::fillTargets);
    connect(m_demos, &DemoProcesses::failed, this, [this](const QString& why) {
        m_status->setText(bad(why.toHtmlEscaped()));
        m_pickText->setText(bad(why.toHtmlEscaped()));
    });
    connect(m_demos, &DemoProcesses::lineRead, this, &LearnWindow::onDemoLine);
    connect(m_demos, &DemoProcesses::told, this, &LearnWindow::onTold);
    connect(m_runner, &DuplicateRunner::progress, this, [this](const hs::DuplicateProgress& step) {
        m_progress->addItem(QString::fromStdString(step.line()));
        m_progress->scrollToBottom();
        m_mapModel->applyProgress(step);
    });
    connect(m_runner, &DuplicateRunner::finished, this, &LearnWindow::onDuplicated);

    goTo(PickFile);
    m_demos->start();
}

LearnWindow::~LearnWindow() = default;

void LearnWindow::closeEvent(QCloseEvent* event)
{
    m_demos->stop();
    QWidget::closeEvent(event);
}

int LearnWindow::currentStep() const { return m_pages->currentIndex(); }

void LearnWindow::goTo(int step)
{
    if (step < 0 || step >= StepCount)
        return;
    m_pages->setCurrentIndex(step);
    m_steps->setCurrentRow(step);
    if (step == SeeNewHandle)
        showNewHandle();
    if (step == Variations)
        markDone(Variations);
    updateButtons();
}

void LearnWindow::markDone(Step step)
{
    m_done[step] = true;
    m_steps->item(step)->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    updateButtons();
}

void LearnWindow::updateButtons()
{
    const int step = currentStep();
    m_back->setEnabled(step > 0);
    m_next->setEnabled(m_done[static_cast<std::size_t>(step)]);
    m_next->setText(step == Variations ? tr("&Finish") : tr("&Next"));
    for (int i = 0; i < StepCount; ++i) {
        QFont f = m_steps->item(i)->font();
        f.setBold(i == step);
        m_steps->item(i)->setFont(f);
    }
    m_status->setText(m_done[static_cast<std::size_t>(step)] ? ok(tr("Done: go on with Next."))
                                                             : tr("Do this step to unlock Next."));
}

void LearnWindow::onSourceReady()
{
    const DemoHold* file = m_demos->hold(QStringLiteral("file"));
    if (!file) {
        m_pickText->setText(bad(tr("The demo source did not say which file it holds.")));
        return;
    }
    if (const QString why = m_sourceTable->reload(m_demos->sourcePid()); !why.isEmpty()) {
        m_pickText->setText(bad(tr("The source's handles could not be read: %1").arg(why.toHtmlEscaped())));
        return;
    }
    m_pickText->setText(m_text.pickFile(m_demos->sourcePid(), file->handle, file->fields.value(QStringLiteral("path"))));
    fillTargets();
}

void LearnWindow::fillTargets()
{
    if (m_demos->sourcePid() == 0 || m_demos->targetPid() == 0)
        return;
    m_targetText->setText(m_text.pickTarget(m_demos->targetPid()));
    const QSignalBlocker quiet(m_targets);
    m_targets->clear();
    const std::pair<QString, qint64> choices[] = {
        {tr("handlescope-demo source (pid %1): holds the file").arg(m_demos->sourcePid()), m_demos->sourcePid()},
        {tr("handlescope-demo target (pid %1): listens on the channel").arg(m_demos->targetPid()), m_demos->targetPid()},
        {tr("HandleScope itself (pid %1)").arg(hs::currentProcessId()), hs::currentProcessId()},
    };
    for (const auto& [text, pid] : choices) {
        auto* item = new QListWidgetItem(text, m_targets);
        item->setData(Qt::UserRole, pid);
    }
}

void LearnWindow::onFilePicked(qint64 value)
{
    const DemoHold* file = m_demos->hold(QStringLiteral("file"));
    if (!file || m_done[Duplicate])
        return; // after the duplicate the choice is made
    if (value != file->handle) {
        const hs::HandleInfo* h = m_sourceTable->selectedHandle();
        m_pickFeedback->setText(bad(m_text.pickedWrong(h ? QString::fromStdString(h->name) : QString::number(value))));
        m_done[PickFile] = false;
        updateButtons();
        return;
    }
    m_sourceValue = value;
    m_pickFeedback->setText(ok(m_text.pickedFile(m_demos->sourcePid(), value)));
    // The map from the start: the open file and its one holder, the source.
    auto [object, slots] = holdersOf({readProcess(m_demos->sourcePid())}, m_demos->sourcePid(), value);
    m_mapModel->setObject(object, std::move(slots));
    markDone(PickFile);
}

void LearnWindow::onTargetPicked()
{
    const auto items = m_targets->selectedItems();
    if (items.isEmpty() || m_done[Duplicate])
        return;
    const qint64 pid = items.first()->data(Qt::UserRole).toLongLong();
    if (pid != m_demos->targetPid()) {
        m_targetFeedback->setText(bad(pid == m_demos->sourcePid()
                ? tr("The source already holds the file: a copy into itself would only give it a second number. "
                     "Pick the target.")
                : tr("HandleScope is the tool that makes the copy, not the process that needs it. Pick the target.")));
        m_done[PickTarget] = false;
        updateButtons();
        return;
    }
    m_targetPid = pid;
    m_targetFeedback->setText(ok(tr("Target chosen: pid %1.").arg(pid)));
    // The calls, with the values of this duplicate: the lesson shows the pidfd_getfd path.
    hs::DuplicateOptions options;
    options.method = hs::DuplicateMethod::Pull;
    QStringList calls;
    for (const std::string& line : hs::describeDuplicate(m_demos->sourcePid(), m_sourceValue, pid, options))
        calls << QString::fromStdString(line);
    m_calls->setPlainText(calls.join(QLatin1Char('\n')));
    m_arguments->setText(m_text.duplicateArguments(m_demos->sourcePid(), m_sourceValue, pid));
    // The map before the copy, now with the target's column.
    const std::vector<hs::ProcessHandles> processes{readProcess(m_demos->sourcePid()), readProcess(pid)};
    auto [object, slots] = holdersOf(processes, m_demos->sourcePid(), m_sourceValue);
    m_mapModel->setObject(object, std::move(slots));
    m_mapModel->beginDuplicate(m_demos->sourcePid(), m_sourceValue, pid, QString::fromStdString(processes[1].process.name));
    markDone(PickTarget);
}

void LearnWindow::startDuplicate()
{
    hs::DuplicateOptions options;
    options.method = hs::DuplicateMethod::Pull;
    if (!m_leaking) {
        m_progress->clear();
        m_duplicateResult->setText(tr("Duplicating…"));
    }
    if (m_runner->run(m_demos->sourcePid(), m_sourceValue, m_targetPid, options))
        m_duplicate->setEnabled(false);
}

void LearnWindow::onDuplicated(qint64 newValue, const QString& error)
{
    if (m_leaking) {
        m_leaking = false;
        m_leakedValue = newValue;
        m_leakResult->setText(newValue < 0 ? bad(tr("The duplicate failed: %1").arg(error.toHtmlEscaped()))
                                           : m_text.leaked(m_targetPid, newValue));
        m_leak->setEnabled(newValue < 0);
        return;
    }
    if (newValue < 0) {
        m_duplicateResult->setText(bad(tr("The duplicate failed: %1").arg(error.toHtmlEscaped())));
        m_duplicate->setEnabled(true); // the error says what to change; try again
        return;
    }
    m_newValue = newValue;
    m_duplicateResult->setText(ok(tr("Done: the target (pid %1) now holds the file as %2 %3.")
                                      .arg(m_targetPid)
                                      .arg(m_text.handleWord())
                                      .arg(newValue)));
    m_send->setEnabled(true);
    m_message->setText(QStringLiteral("<code>%1</code>")
                           .arg(DemoProcesses::tellMessage(newValue, QStringLiteral("file")).toHtmlEscaped()));
    m_tellText->setText(m_text.tellIntro(newValue, m_demos->channel()));
    markDone(Duplicate);
}

void LearnWindow::showNewHandle()
{
    if (m_newValue < 0)
        return;
    m_targetTable->reload(m_targetPid);
    m_targetTable->mark(m_newValue, tr("new: the copy of the source's %1 %2").arg(m_text.handleWord()).arg(m_sourceValue));
    m_newHandleText->setText(m_text.seeNewHandle(m_demos->sourcePid(), m_sourceValue, m_targetPid, m_newValue));
    if (m_targetTable->rowOfValue(m_newValue) >= 0)
        markDone(SeeNewHandle);
}

void LearnWindow::onTold(const QString& message, const QMap<QString, QString>& report)
{
    const bool used = report.value(QStringLiteral("result")) == QLatin1String("ok");
    const QString answer = used ? tr("The target answered: it used %1 %2 and read “%3”.")
                                      .arg(m_text.handleWord(), report.value(QStringLiteral("handle")),
                                           report.value(QStringLiteral("text")))
                                : tr("The target could not use it: %1").arg(report.value(QStringLiteral("error")));
    m_answer->setText(tr("Sent “%1”.").arg(message.toHtmlEscaped()) + QStringLiteral("<br>")
                      + (used ? ok(answer.toHtmlEscaped()) : bad(answer.toHtmlEscaped())));
    if (used)
        markDone(TellTarget);
    else
        m_send->setEnabled(true);
}

void LearnWindow::onDemoLine(const QString& role, const QString& line)
{
    if (role != QLatin1String("target"))
        return;
    m_targetOutput->appendPlainText(line);
    const auto used = DemoProcesses::machineFields(line, QStringLiteral("USED"));
    if (used.value(QStringLiteral("result")) == QLatin1String("ok") && m_newValue >= 0
        && used.value(QStringLiteral("handle")).toLongLong() == m_newValue) {
        m_usedText->setText(ok(tr("The target read the file through its %1 %2: “%3”")
                                   .arg(m_text.handleWord(), QString::number(m_newValue),
                                        used.value(QStringLiteral("text")))
                                   .toHtmlEscaped()));
        markDone(TargetOutput);
    }
}

} // namespace hs::ui
