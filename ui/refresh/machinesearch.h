// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/find.h"
#include "handlescope/model.h"
#include "util/idlefirst.h"
#include "util/workpool.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hs::ui {

/// One handle a machine-wide search found, copied out of the snapshot so that the
/// snapshot can be dropped while the hit is on screen.
struct MachineHit {
    hs::ProcessKey process;
    std::string processName;
    hs::HandleInfo handle;
};

struct MachineSearchResult {
    quint64 id = 0;
    std::optional<hs::Error> error; ///< reading the machine, or the query, failed
    std::vector<MachineHit> hits;   ///< the first `limit` matches
    std::size_t matches = 0;        ///< all matches
    std::size_t processes = 0;      ///< searched
    std::size_t handles = 0;        ///< searched
    QDateTime machineReadAt;
};

/// Searches that need every handle of the machine (Find, the other holders of an object).
/// The periodic refresh does not read them: it lists processes with their fd counts and
/// reads the selected process only, so a whole-machine snapshot (37 MB and ~0.5 s of two
/// cores at 100,000 fds) exists only while a person searches. One snapshot is kept for
/// `maxAge` so that stepping through handles does not read the machine each time, and
/// dropped after `keepFor` without use. The snapshot is built, searched and freed on
/// searchIdlePool() (the walkers inherit its idle priority, so the UI thread is never kept
/// waiting for a core), or on refreshPool() at nice 10 while the idle thread is starved.
/// The UI thread never touches a snapshot, and the old one is freed before the next is
/// built.
class MachineSearch : public QObject {
    Q_OBJECT
public:
    using SnapshotSource = std::function<hs::Result<hs::Snapshot>()>;
    using Query = std::function<hs::Result<std::vector<hs::FindHit>>(const hs::Snapshot&)>;
    using Reply = std::function<void(MachineSearchResult&&)>;

    explicit MachineSearch(QObject* parent = nullptr);
    ~MachineSearch() override;

    /// Replace hs::takeSnapshot (tests and benchmarks feed synthetic machines).
    void setSource(SnapshotSource source);
    /// How long an unused snapshot is kept (default 10 s).
    void setKeepFor(std::chrono::milliseconds keepFor) { m_keepFor = keepFor; }

    /// Runs `query` on a snapshot at most `maxAge` old (the machine is read again
    /// otherwise) and calls `reply` on this object's thread with at most `limit` hits.
    /// Returns the search id (MachineSearchResult::id), so a caller can drop stale replies.
    quint64 search(Query query, std::chrono::milliseconds maxAge, std::size_t limit, Reply reply);

    /// Whether a snapshot is held right now (for tests and benchmarks).
    [[nodiscard]] bool holdsSnapshot() const;

    /// A search on the idle thread that has not answered after this long (default 4 s;
    /// one takes ~1 s at 100,000 fds) is starved: it is run again on refreshPool(), and
    /// searches avoid the idle thread for IdleFirst::Backoff.
    void setStarvationTimeout(std::chrono::milliseconds timeout) { m_idle.setStarvationTimeout(timeout); }
    [[nodiscard]] int starvedCount() const { return m_idle.starvedCount(); }

private:
    struct Cache;
    struct Search {
        quint64 id = 0;
        std::function<MachineSearchResult()> job;
        Reply reply;
    };
    void run(Search search);
    void onStarved();
    void dropIfUnused();

    std::shared_ptr<Cache> m_cache;
    QTimer m_expiry;
    std::chrono::milliseconds m_keepFor{10000};
    IdleFirst m_idle{"search", searchIdlePool, std::chrono::milliseconds(4000)};
    std::optional<Search> m_idleSearch;    ///< the search running there, to run again
    std::deque<Search> m_queued;           ///< waiting for the idle thread
    std::shared_ptr<bool> m_idleAbandoned; ///< set: its reply is dropped
    QElapsedTimer m_sinceUse; ///< since the last reply
    int m_pending = 0;        ///< searches under way
    quint64 m_lastId = 0;
};

} // namespace hs::ui
