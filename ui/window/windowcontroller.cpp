// SPDX-License-Identifier: MIT
#include "window/windowcontroller.h"

#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "util/platform.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include <QScopeGuard>

#include <algorithm>
#include <utility>

namespace hs::ui {

namespace {
/// More holders than this are counted, not listed (Find lists them all): /dev/null on a
/// busy machine has hundreds.
constexpr std::size_t MaxHoldersListed = 100;
} // namespace

WindowController::WindowController(Options options, QObject* parent)
    : QObject(parent)
    , m_reader(new Reader(options.readerPriority, this))
    , m_processes(new ProcessModel(this))
    , m_handles(new HandleModel(this))
{
    auto dispose = [reader = m_reader](std::shared_ptr<const void> garbage) { reader->dispose(std::move(garbage)); };
    m_processes->setDisposer(dispose);
    m_handles->setDisposer(dispose);
    qRegisterMetaType<hs::DuplicateProgress>();
    m_writes.setObjectName(QStringLiteral("handlescope-writes"));
    m_writes.setMaxThreadCount(1); // duplicate and close, one at a time
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WindowController::refresh);
    connect(m_reader, &Reader::processesRead, this, &WindowController::onProcesses);
    connect(m_reader, &Reader::handlesRead, this, &WindowController::onHandles);
    connect(m_reader, &Reader::holdersFound, this, &WindowController::onHolders);
    connect(m_reader, &Reader::busyChanged, this, [this](Reader::Lane lane, bool busy) {
        if (lane == Reader::Lane::Processes)
            Q_EMIT refreshingChanged(busy);
    });
}

WindowController::~WindowController() { m_writes.waitForDone(); }

void WindowController::setInterval(int milliseconds)
{
    m_intervalMs = std::max(0, milliseconds);
    m_timer.stop();
    if (m_intervalMs > 0 && !isRefreshing())
        m_timer.start(m_intervalMs);
}

bool WindowController::isRefreshing() const { return m_reader->isBusy(Reader::Lane::Processes); }

const hs::ProcessInfo* WindowController::focusedProcess() const
{
    if (!m_focus)
        return nullptr;
    const int row = m_processes->rowOfKey(*m_focus);
    return row >= 0 ? &m_processes->process(row) : nullptr;
}

const hs::HandleInfo* WindowController::currentHandle() const
{
    const int row = m_current ? m_handles->rowOfKey(*m_current) : -1;
    return row >= 0 ? &m_handles->handle(row) : nullptr;
}

void WindowController::refresh()
{
    // The timer is armed again when this read is shown, so reads never pile up. A read
    // of the same thing already under way is not cancelled: on a slow machine nothing
    // would ever answer. It is followed by another instead, which starts after the
    // request (what the user who pressed F5 expects to see).
    m_timer.stop();
    if (m_listing)
        m_listAgain = true;
    else
        listProcesses();
    if (m_focus && m_reading == m_focus)
        m_readAgain = true;
    else
        readFocus();
}

void WindowController::listProcesses()
{
    m_listing = true;
    m_listAgain = false;
    m_reader->readProcesses(m_processes->rows());
}

void WindowController::readFocus()
{
    const hs::ProcessInfo* process = focusedProcess();
    if (!m_focus || !process || process->accessError) {
        m_reading.reset();
        return; // said by onProcesses / setFocus
    }
    m_reading = m_focus;
    m_readAgain = false;
    m_reader->readHandles(*m_focus, m_handles->rows(), m_handles->process() == m_focus);
}

namespace {
void clearTable(HandleModel* model)
{
    model->apply(std::nullopt, diffRows<HandleRowTraits>(model->rows(), {}, DiffMode::Replace, 0, 0));
}
} // namespace

void WindowController::setFocus(std::optional<hs::ProcessKey> focus)
{
    if (focus == m_focus)
        return;
    m_focus = focus;
    setCurrentHandle(-1);
    clearTable(m_handles);
    const hs::ProcessInfo* process = focusedProcess();
    if (!focus || !process) {
        Q_EMIT handlesMessage(focus ? tr("This process has exited.") : tr("Select a process to see its handles."));
        return;
    }
    if (process->accessError) {
        Q_EMIT handlesMessage(tr("HandleScope may not read the handles of %1 (pid %2):\n%3\n\nTo see more: %4")
                                  .arg(qs(process->name))
                                  .arg(process->pid)
                                  .arg(qs(process->accessError->message()), privilegeHint()));
        return;
    }
    Q_EMIT handlesMessage(tr("Reading the handles of %1 (pid %2)…").arg(qs(process->name)).arg(process->pid));
    readFocus();
}

void WindowController::onProcesses(const std::shared_ptr<const ProcessListRead>& read)
{
    m_listing = false;
    // Asked for while this one was under way: read again once this one is shown.
    const bool again = std::exchange(m_listAgain, false);
    const auto next = qScopeGuard([this, again] {
        if (m_listing)
            return; // read again already (its diff came too late)
        if (again)
            listProcesses();
        else if (m_intervalMs > 0)
            m_timer.start(m_intervalMs);
    });
    if (read->error) {
        if (hs::isCancelled(*read->error))
            return;
        hs::log::get("ui")->error("refresh failed: {}", read->error->message());
        Q_EMIT refreshFailed(qs(read->error->message()));
        return;
    }
    if (!m_processes->apply(read->diff)) { // computed against rows that are gone: again
        listProcesses();
        return;
    }
    ++m_refreshCount;
    Q_EMIT refreshed(m_processes->rowCount(), read->handles, read->elapsedMs, read->finishedAt);
    if (m_focus) {
        const int row = m_processes->rowOfKey(*m_focus);
        if (row < 0 || m_processes->flashAt(row) == Flash::Removed) {
            clearTable(m_handles);
            Q_EMIT handlesMessage(tr("This process has exited."));
        }
    }
    applyPendingJump();
}

void WindowController::onHandles(const std::shared_ptr<const HandleListRead>& read)
{
    m_reading.reset();
    if (read->process != m_focus)
        return;
    const bool again = std::exchange(m_readAgain, false);
    const auto next = qScopeGuard([this, again] {
        if (again && m_reading != m_focus)
            readFocus(); // asked for while this one was under way; shown first, then read again
    });
    if (read->error) {
        if (hs::isCancelled(*read->error))
            return;
        clearTable(m_handles);
        Q_EMIT handlesMessage(tr("Could not read the handles:\n%1").arg(qs(read->error->message())));
        return;
    }
    if (!m_handles->apply(read->process, read->diff)) { // a row was added meanwhile: again
        readFocus();
        return;
    }
    Q_EMIT handlesMessage(QString());
    showCurrentHandle();
    applyPendingJump();
}

void WindowController::setCurrentHandle(int handleRow)
{
    if (handleRow < 0 || handleRow >= m_handles->rowCount()) {
        m_current.reset();
        m_shown.reset();
        m_holdersFor.reset();
        Q_EMIT detailsCleared();
        return;
    }
    m_current = HandleRowTraits::keyOf(m_handles->rowAt(handleRow).item);
    showCurrentHandle();
}

void WindowController::showCurrentHandle()
{
    const hs::HandleInfo* handle = currentHandle();
    const hs::ProcessInfo* process = focusedProcess();
    if (!handle || !process)
        return; // gone from the table: its details stay until another is chosen
    if (!m_shown || !(*m_shown == *handle)) { // each refresh shows it again; mostly unchanged
        m_shown = *handle;
        Q_EMIT detailsChanged(*process, *handle);
    }
    if (m_holdersFor == m_current)
        return;
    m_holdersFor = m_current;
    if (handle->object.valid() && !handle->object.sharedInode) {
        m_reader->findHolders(handle->object, MaxHoldersListed + 1); // + the handle itself
        m_holders = {process->key(), handle->value, nullptr};
        Q_EMIT holdersChanged(m_holders);
    }
}

void WindowController::onHolders(const std::shared_ptr<const HoldersRead>& read)
{
    const hs::HandleInfo* handle = currentHandle();
    if (read->error && hs::isCancelled(*read->error))
        return;
    if (handle && m_focus && handle->object == read->object) {
        m_holders = {*m_focus, handle->value, read};
        Q_EMIT holdersChanged(m_holders);
    }
}

std::vector<hs::ProcessHandles> WindowController::holderTables() const
{
    const hs::ProcessInfo* focused = focusedProcess();
    const hs::HandleInfo* handle = currentHandle();
    if (!focused || !handle)
        return {};
    std::vector<hs::ProcessHandles> tables(1);
    tables[0].process = *focused;
    for (int row = 0; row < m_handles->rowCount(); ++row)
        tables[0].handles.push_back(m_handles->handle(row));
    const bool current = m_holders.read && m_holders.process == focused->key() && m_holders.value == handle->value
                         && m_holders.read->object == handle->object;
    if (!current)
        return tables;
    for (const FoundHandle& hit : m_holders.read->holders) {
        if (hit.process.pid == focused->pid)
            continue; // its whole table is there already
        auto it = std::find_if(tables.begin(), tables.end(),
                               [&](const hs::ProcessHandles& t) { return t.process.pid == hit.process.pid; });
        if (it == tables.end()) {
            hs::ProcessHandles table;
            const int row = m_processes->rowOfPid(hit.process.pid);
            if (row >= 0)
                table.process = m_processes->process(row);
            table.process.pid = hit.process.pid;
            table.process.name = hit.processName;
            tables.push_back(std::move(table));
            it = tables.end() - 1;
        }
        it->handles.push_back(hit.handle);
    }
    return tables;
}

void WindowController::jumpTo(hs::Pid pid, hs::HandleValue value)
{
    m_pendingJump = {pid, value};
    applyPendingJump();
}

void WindowController::applyPendingJump()
{
    if (!m_pendingJump)
        return;
    const auto [pid, value] = *m_pendingJump;
    if (!m_focus || m_focus->pid != pid) {
        const int row = m_processes->rowOfPid(pid);
        if (row >= 0 && m_processes->flashAt(row) != Flash::Removed)
            Q_EMIT selectProcessRequested(pid); // the window selects it: setFocus follows
        else if (!m_listing)
            listProcesses(); // a process newer than the list
        return;
    }
    if (m_handles->process() != m_focus)
        return; // its handles are being read
    if (const int row = m_handles->rowOfValue(value); row >= 0) {
        m_pendingJump.reset();
        m_handles->highlight(HandleRowTraits::keyOf(m_handles->rowAt(row).item));
        Q_EMIT selectHandleRequested(value);
    }
}

void WindowController::duplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                 const hs::DuplicateOptions& options)
{
    hs::log::get("ui")->info("duplicate {} {} of pid {} into pid {}{}{}", platform().handleWord, handle, source, target,
                             options.inheritable ? ", inheritable" : "",
                             options.closeSource ? ", closing the source" : "");
    // Each step is posted from the write thread before the outcome is: queued events from
    // one thread arrive in order, so every step is shown before the result.
    hs::DuplicateOptions withProgress = options;
    withProgress.progress = [this](const hs::DuplicateProgress& step) {
        QMetaObject::invokeMethod(this, [this, step] { Q_EMIT duplicateProgress(step); }, Qt::QueuedConnection);
    };
    m_writes.start([this, source, handle, target, options = std::move(withProgress)] {
        DuplicateOutcome outcome{source, handle, target, hs::duplicateHandle(source, handle, target, options), {}};
        if (outcome.result) {
            if (auto created = hs::handleInfo(target, outcome.result->newHandle))
                outcome.created = std::move(*created);
        }
        QMetaObject::invokeMethod(this, [this, outcome = std::move(outcome)]() mutable { onDuplicated(std::move(outcome)); });
    });
}

void WindowController::onDuplicated(DuplicateOutcome outcome)
{
    auto log = hs::log::get("ui");
    if (!outcome.result) {
        log->error("duplicate failed: {}", outcome.result.error().message());
        Q_EMIT duplicateFinished(outcome);
        return;
    }
    const hs::DuplicateResult& r = *outcome.result;
    log->info("duplicated {} {} of pid {} into pid {} as {} {} via {}", platform().handleWord, outcome.handle,
              outcome.source, outcome.target, platform().handleWord, r.newHandle, r.method);
    for (const auto& w : r.warnings)
        log->warn("duplicate: {}", w);
    Q_EMIT duplicateFinished(outcome);
    // Shown from the result, not from a refresh: the row is added to the target's table
    // if it is on screen, and the details show the new handle once it is selected.
    if (m_focus && m_focus->pid == outcome.target && m_handles->process() == m_focus && outcome.created)
        m_handles->addRow(std::make_shared<const hs::HandleInfo>(*outcome.created));
    else if (m_focus && m_focus->pid == outcome.source)
        readFocus(); // the source changed too when it was closed there
    jumpTo(outcome.target, r.newHandle);
}

void WindowController::closeHandle(hs::Pid pid, hs::HandleValue value)
{
    hs::log::get("ui")->info("close {} {} in pid {}", platform().handleWord, value, pid);
    m_writes.start([this, pid, value] {
        auto result = hs::closeRemoteHandle(pid, value);
        std::optional<hs::Error> error;
        if (!result)
            error = std::move(result.error());
        QMetaObject::invokeMethod(this, [this, pid, error = std::move(error)] {
            if (error)
                hs::log::get("ui")->error("close handle failed: {}", error->message());
            Q_EMIT closeFinished(error);
            if (m_focus && m_focus->pid == pid)
                readFocus();
        });
    });
}

} // namespace hs::ui
