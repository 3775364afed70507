// SPDX-License-Identifier: MIT
#include "reader/reader.h"

#include "handlescope/inspect.h"
#include "handlescope/log.h"
#include "handlescope/peers.h"

#include <QElapsedTimer>

namespace hs::ui {

Reader::Sources Reader::coreSources()
{
    Sources s;
    s.processes = [](const hs::CancelToken& cancel) { return hs::listProcesses(cancel); };
    // The peers of the process shown: known holders checked again at every refresh, the
    // machine searched again for a new channel or every half minute (peers.h).
    auto peers = std::make_shared<hs::PeerFinder>(std::chrono::seconds(30));
    s.handles = [peers](const hs::ProcessKey& process,
                        const hs::CancelToken& cancel) -> hs::Result<std::vector<hs::HandleInfo>> {
        // A pid alone may name a newer process by now: check the start time first.
        auto info = hs::processInfo(process.pid);
        if (info && info->startTime != process.startTime)
            return hs::fail({.operation = "read handles",
                             .pid = process.pid,
                             .osName = "ESRCH",
                             .osText = "the process has exited (its pid now names another)",
                             .hint = "refresh the process list"});
        auto handles = hs::listHandles(process.pid, hs::Detail::Full, cancel);
        if (!handles)
            return handles;
        if (auto found = peers->find(process.pid, *handles, cancel); !found) {
            if (hs::isCancelled(found.error()))
                return hs::fail(found.error());
            // The handles are worth showing without their peers.
            hs::log::get("ui")->warn("peers of process {}: {}", process.pid, found.error().message());
        }
        return handles;
    };
    s.snapshot = [](const hs::CancelToken& cancel) { return hs::takeSnapshot(hs::Detail::Fast, cancel); };
    s.holders = [](const hs::ObjectId& object, const hs::CancelToken& cancel) {
        auto holders = hs::findHolders(object, cancel);
        // Which end of a pipe each holder has is in fdinfo, which the search does not
        // read: the map shows read and write ends, so those few are read whole.
        if (holders)
            for (hs::Holder& h : *holders)
                if (h.handle.kind == hs::HandleKind::Fifo && h.handle.access == hs::AccessMode::Unknown)
                    if (auto full = hs::handleInfo(h.process.pid, h.handle.value); full && full->object == h.handle.object)
                        h.handle = std::move(*full);
        return holders;
    };
    return s;
}

Reader::Reader(QThread::Priority priority, QObject* parent)
    : QObject(parent)
    , m_sources(coreSources())
{
    m_worker.setObjectName(QStringLiteral("handlescope-reader"));
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1); // one thread for the app's life: one malloc arena
    m_worker.setThreadPriority(priority);
}

Reader::~Reader()
{
    // Jobs still queued are dropped, the running one is cancelled and waited for: none
    // may outlive the core's statics at exit.
    for (LaneState& lane : m_lanes)
        lane.token.cancel();
    m_worker.clear();
    m_worker.waitForDone();
}

template <class Result>
quint64 Reader::submit(Lane lane, std::function<Result(const hs::CancelToken&)> job,
                       void (Reader::*deliver)(std::shared_ptr<const Result>))
{
    LaneState& state = m_lanes[index(lane)];
    state.token.cancel(); // the job before it in this lane is not wanted any more
    state.token = hs::CancelToken::create();
    const quint64 id = ++m_lastId;
    state.latest = id;
    if (state.pending++ == 0)
        Q_EMIT busyChanged(lane, true);
    m_worker.start([this, job = std::move(job), token = state.token, lane, id, deliver] {
        auto made = std::make_shared<Result>(job(token));
        made->id = id;
        std::shared_ptr<const Result> result = std::move(made);
        QMetaObject::invokeMethod(this, [this, result, lane, id, deliver]() mutable {
            bool current = false;
            finished(lane, id, current);
            if (current)
                (this->*deliver)(result);
            else
                Q_EMIT staleDropped(lane, id);
            // A stale diff holds rows the model has let go of: free them there.
            dispose(std::move(result));
        });
    });
    return id;
}

void Reader::finished(Lane lane, quint64 id, bool& current)
{
    LaneState& state = m_lanes[index(lane)];
    current = id == state.latest;
    if (--state.pending == 0)
        Q_EMIT busyChanged(lane, false);
}

void Reader::dispose(std::shared_ptr<const void> garbage)
{
    if (!garbage)
        return;
    m_worker.start([garbage = std::move(garbage)]() mutable { garbage.reset(); });
}

quint64 Reader::readProcesses(SharedRows<ProcessEntry> shown)
{
    auto job = [source = m_sources.processes, shown = std::move(shown),
                flashMs = m_flashMs](const hs::CancelToken& cancel) mutable {
        QElapsedTimer clock;
        clock.start();
        ProcessListRead read;
        auto list = source(cancel);
        if (!list) {
            read.error = std::move(list.error());
            return read;
        }
        std::vector<ProcessEntry> items;
        items.reserve(list->size());
        for (hs::ProcessInfo& p : *list) {
            read.handles += std::max<std::int64_t>(0, p.handleCount);
            items.push_back({std::move(p), 0});
        }
        read.diff = diffRows<ProcessRowTraits>(std::move(shown), std::move(items), DiffMode::Highlight,
                                               steadyNowMs(), flashMs);
        read.elapsedMs = clock.elapsed();
        read.finishedAt = QDateTime::currentDateTime();
        return read;
    };
    return submit<ProcessListRead>(Lane::Processes, std::move(job), &Reader::deliverProcesses);
}

quint64 Reader::readHandles(const hs::ProcessKey& process, SharedRows<HandleRowTraits::Item> shown, bool sameProcess)
{
    auto job = [source = m_sources.handles, process, shown = std::move(shown), sameProcess,
                flashMs = m_flashMs](const hs::CancelToken& cancel) mutable {
        QElapsedTimer clock;
        clock.start();
        HandleListRead read;
        read.process = process;
        auto list = source(process, cancel);
        if (!list) {
            read.error = std::move(list.error());
            return read;
        }
        auto shared = std::make_shared<const std::vector<hs::HandleInfo>>(std::move(*list));
        read.diff = diffRows<HandleRowTraits>(std::move(shown), handleItems(shared),
                                              sameProcess ? DiffMode::Highlight : DiffMode::Replace, steadyNowMs(),
                                              flashMs);
        read.elapsedMs = clock.elapsed();
        return read;
    };
    return submit<HandleListRead>(Lane::Handles, std::move(job), &Reader::deliverHandles);
}

quint64 Reader::find(const hs::FindQuery& query, std::size_t limit)
{
    auto job = [source = m_sources.snapshot, query, limit](const hs::CancelToken& cancel) {
        FindRead read;
        auto snapshot = source(cancel);
        if (!snapshot) {
            read.error = std::move(snapshot.error());
            return read;
        }
        read.machineReadAt = QDateTime::currentDateTime();
        read.processes = snapshot->processes.size();
        read.handles = snapshot->handleCount();
        auto hits = hs::findHandles(*snapshot, query);
        if (!hits) {
            read.error = std::move(hits.error());
            return read;
        }
        read.matches = hits->size();
        read.hits.reserve(std::min(limit, hits->size()));
        for (const hs::FindHit& hit : *hits) {
            if (read.hits.size() == limit)
                break;
            read.hits.push_back({hit.process->key(), hit.process->name, *hit.handle});
        }
        return read; // the snapshot is freed here, on the worker
    };
    return submit<FindRead>(Lane::Find, std::move(job), &Reader::deliverFind);
}

quint64 Reader::findHolders(const hs::ObjectId& object, std::size_t limit)
{
    auto job = [source = m_sources.holders, object, limit](const hs::CancelToken& cancel) {
        HoldersRead read;
        read.object = object;
        auto holders = source(object, cancel);
        read.readAt = QDateTime::currentDateTime();
        if (!holders) {
            read.error = std::move(holders.error());
            return read;
        }
        read.matches = holders->size();
        for (hs::Holder& h : *holders) {
            if (read.holders.size() == limit)
                break;
            read.holders.push_back({h.process, std::move(h.processName), std::move(h.handle)});
        }
        return read;
    };
    return submit<HoldersRead>(Lane::Holders, std::move(job), &Reader::deliverHolders);
}

void Reader::deliverProcesses(std::shared_ptr<const ProcessListRead> read) { Q_EMIT processesRead(std::move(read)); }
void Reader::deliverHandles(std::shared_ptr<const HandleListRead> read) { Q_EMIT handlesRead(std::move(read)); }
void Reader::deliverFind(std::shared_ptr<const FindRead> read) { Q_EMIT found(std::move(read)); }
void Reader::deliverHolders(std::shared_ptr<const HoldersRead> read) { Q_EMIT holdersFound(std::move(read)); }

} // namespace hs::ui
