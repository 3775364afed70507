// SPDX-License-Identifier: MIT
#include "refresh/machinesearch.h"

#include "util/workpool.h"

#include "handlescope/inspect.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>

namespace hs::ui {

using Clock = std::chrono::steady_clock;

/// Shared by the UI object and the search jobs (searchIdlePool(), refreshPool()); only jobs
/// build or free the snapshot.
struct MachineSearch::Cache {
    std::mutex mutex;
    SnapshotSource source = [] { return hs::takeSnapshot(hs::Detail::Fast, hs::Priority::Background); };
    std::shared_ptr<const hs::Snapshot> snapshot;
    Clock::time_point readAt{};
    QDateTime readAtWall;
    std::atomic<bool> held{false}; ///< read without the mutex, which a build holds for long
};

namespace {
void trimInBackground()
{
    // Not on a low-priority thread: malloc_trim takes every arena's lock, the UI
    // thread's too, and at nice 10 it held it for 710 ms under load.
    if (QThreadPool* normal = workPool())
        normal->start([] { hs::releaseFreeMemory(); });
}
} // namespace

MachineSearch::MachineSearch(QObject* parent)
    : QObject(parent)
    , m_cache(std::make_shared<Cache>())
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &MachineSearch::dropIfUnused);
    connect(&m_idle, &IdleFirst::starved, this, &MachineSearch::onStarved);
}

MachineSearch::~MachineSearch()
{
    // Free the snapshot where it was built; inline during application teardown.
    auto drop = [cache = m_cache] {
        std::lock_guard lock(cache->mutex);
        cache->snapshot.reset();
        cache->held = false;
    };
    if (QThreadPool* pool = refreshPool())
        pool->start(drop);
    else
        drop();
}

void MachineSearch::setSource(SnapshotSource source)
{
    // Waits for a search under way; only tests and benchmarks call this.
    std::lock_guard lock(m_cache->mutex);
    m_cache->source = std::move(source);
    m_cache->snapshot.reset(); // a snapshot of the old source must not answer
    m_cache->held = false;
}

bool MachineSearch::holdsSnapshot() const { return m_cache->held; }

quint64 MachineSearch::search(Query query, std::chrono::milliseconds maxAge, std::size_t limit, Reply reply)
{
    const quint64 id = ++m_lastId;
    auto job = [cache = m_cache, query = std::move(query), maxAge, limit, id] {
        MachineSearchResult result;
        result.id = id;
        std::shared_ptr<const hs::Snapshot> snapshot;
        SnapshotSource source;
        {
            std::lock_guard lock(cache->mutex);
            if (cache->snapshot && Clock::now() - cache->readAt <= maxAge) {
                snapshot = cache->snapshot;
                result.machineReadAt = cache->readAtWall;
            } else {
                cache->snapshot.reset(); // first: the old and the new do not coexist
                cache->held = false;
                source = cache->source;
            }
        }
        if (!snapshot) { // not under the lock: a starved search must not block its stand-in
            auto fresh = source();
            if (!fresh) {
                result.error = std::move(fresh.error());
                return result;
            }
            snapshot = std::make_shared<const hs::Snapshot>(std::move(*fresh));
            result.machineReadAt = QDateTime::currentDateTime();
            std::lock_guard lock(cache->mutex);
            cache->snapshot = snapshot;
            cache->held = true;
            cache->readAt = Clock::now();
            cache->readAtWall = result.machineReadAt;
        }
        result.processes = snapshot->processes.size();
        result.handles = snapshot->handleCount();
        auto hits = query(*snapshot);
        if (!hits) {
            result.error = std::move(hits.error());
            return result;
        }
        result.matches = hits->size();
        result.hits.reserve(std::min(limit, hits->size()));
        for (const auto& hit : *hits) {
            if (result.hits.size() == limit)
                break;
            result.hits.push_back({hit.process->key(), hit.process->name, *hit.handle});
        }
        return result;
    };
    run(Search{id, std::move(job), std::move(reply)});
    return id;
}

void MachineSearch::run(Search search)
{
    // On the idle thread unless it is starved; one search at a time there, so that two
    // snapshots are not built side by side.
    if (m_idle.idleAllowed() && m_idle.idleBusy()) {
        m_queued.push_back(std::move(search));
        return;
    }
    bool onIdle = false;
    QThreadPool* pool = m_idle.choosePool(onIdle);
    if (!pool)
        return;
    ++m_pending;
    auto abandoned = std::make_shared<bool>(false);
    if (onIdle) {
        m_idleSearch = search;
        m_idleAbandoned = abandoned;
    }
    // The watcher is a child: if this object goes first, the reply is never called.
    auto* watcher = new QFutureWatcher<MachineSearchResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onIdle, abandoned, reply = search.reply] {
        watcher->deleteLater();
        --m_pending;
        m_sinceUse.start();
        m_expiry.start(static_cast<int>(m_keepFor.count()));
        if (!*abandoned)
            reply(watcher->future().takeResult()); // moved: 10,000 hits are not copied here
        if (onIdle) {
            m_idle.finishedOnIdle();
            m_idleSearch.reset();
            if (!m_queued.empty()) {
                Search next = std::move(m_queued.front());
                m_queued.pop_front();
                run(std::move(next));
            }
        }
    });
    watcher->setFuture(QtConcurrent::run(pool, search.job));
}

void MachineSearch::onStarved()
{
    if (!m_idleSearch)
        return;
    // Run it again at nice 10 (same id, so the caller takes its reply), drop the idle
    // one's reply, and send the queued searches there too.
    *m_idleAbandoned = true;
    run(*std::exchange(m_idleSearch, std::nullopt));
    while (!m_queued.empty()) { // all to refreshPool now, one after the other there
        Search next = std::move(m_queued.front());
        m_queued.pop_front();
        run(std::move(next));
    }
}

void MachineSearch::dropIfUnused()
{
    // Decided here, where use is known: a coarse QTimer may fire up to 5% early, and a
    // search may be under way.
    if (m_pending > 0 || !m_queued.empty())
        return; // a reply arms the timer again
    if (const qint64 left = m_keepFor.count() - m_sinceUse.elapsed(); left > 0) {
        m_expiry.start(static_cast<int>(left));
        return;
    }
    QThreadPool* pool = refreshPool();
    if (!pool)
        return;
    pool->start([cache = m_cache] {
        {
            std::lock_guard lock(cache->mutex);
            if (!cache->snapshot)
                return;
            cache->snapshot.reset();
            cache->held = false;
        }
        trimInBackground();
    });
}

} // namespace hs::ui
