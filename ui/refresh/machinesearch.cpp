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

/// Shared by the UI object and the jobs on refreshPool(); only jobs build or free the
/// snapshot.
struct MachineSearch::Cache {
    std::mutex mutex;
    SnapshotSource source = [] { return hs::takeSnapshot(hs::Detail::Fast, hs::Priority::Background); };
    std::unique_ptr<const hs::Snapshot> snapshot;
    Clock::time_point readAt{};
    QDateTime readAtWall;
    std::atomic<bool> held{false}; ///< read without the mutex, which a build holds for long
};

namespace {
void trimInBackground()
{
    // Not on the refresh thread: malloc_trim takes every arena's lock, the UI thread's
    // too, and at nice 10 it held it for 710 ms (see util/backgroundrelease.cpp).
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
    ++m_pending;
    auto job = [cache = m_cache, query = std::move(query), maxAge, limit, id] {
        MachineSearchResult result;
        result.id = id;
        std::lock_guard lock(cache->mutex);
        const auto now = Clock::now();
        if (!cache->snapshot || now - cache->readAt > maxAge) {
            cache->snapshot.reset(); // first: the old and the new never coexist
            cache->held = false;
            auto fresh = cache->source();
            if (!fresh) {
                result.error = std::move(fresh.error());
                return result;
            }
            cache->snapshot = std::make_unique<const hs::Snapshot>(std::move(*fresh));
            cache->held = true;
            cache->readAt = Clock::now();
            cache->readAtWall = QDateTime::currentDateTime();
        }
            const hs::Snapshot& snapshot = *cache->snapshot;
        result.machineReadAt = cache->readAtWall;
        result.processes = snapshot.processes.size();
        result.handles = snapshot.handleCount();
        auto hits = query(snapshot);
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
    QThreadPool* pool = refreshPool();
    if (!pool)
        return id;
    // The watcher is a child: if this object goes first, the reply is never called.
    auto* watcher = new QFutureWatcher<MachineSearchResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, reply = std::move(reply)] {
        watcher->deleteLater();
        --m_pending;
        m_sinceUse.start();
        m_expiry.start(static_cast<int>(m_keepFor.count()));
        reply(watcher->future().takeResult()); // moved: 10,000 hits are not copied here
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(job)));
    return id;
}

void MachineSearch::dropIfUnused()
{
    // Decided here, where use is known: a coarse QTimer may fire up to 5% early, and a
    // search may be under way.
    if (m_pending > 0)
        return; // its reply arms the timer again
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
