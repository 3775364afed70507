// SPDX-License-Identifier: MIT
#pragma once

#include "models/rowstore.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace hs::ui {

/// How a row is highlighted right after a refresh.
enum class Flash : std::uint8_t { None, Added, Removed };

/// A table model that takes a fresh sorted list on each refresh and MERGES it into its
/// rows (hotspot's processmodel.cpp): gone rows get beginRemoveRows, new rows
/// beginInsertRows, changed rows one dataChanged per run of neighbours. It never resets,
/// so selections, sorting and scroll positions in the views survive a refresh.
///
/// New rows are flagged Flash::Added and gone rows Flash::Removed for flashDuration();
/// a timer then clears the flag or removes the row.
///
/// A merge (and the expiry of highlights) is a walk over the rows in key order that may
/// pause: with a slice budget set, it yields to the event loop whenever the budget is
/// spent and goes on from where it stopped. Each insert or remove makes a sorting proxy
/// and the views do O(rows) work, and a refresh of a 14,000-handle process with 2% of its
/// fds reopened sends ~300 of them: ~10 ms of UI-thread time, which must not come in one
/// piece. In between, the model is consistent (rows sorted, lookups valid); only its
/// newest changes are not all in yet.
///
/// `Row` provides:
///   using Item = ...; using Key = ...;
///   static Key keyOf(const Item&); Key key() const; explicit Row(Item);
///   bool assign(Item&&)  // takes a fresh item, true if anything visible changed
///   Flash flash; std::int64_t flashUntil;
template <class Row>
class MergingTableModel : public QAbstractTableModel {
public:
    using Item = typename Row::Item;
    using Key = typename Row::Key;

    explicit MergingTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
    {
        m_flashTimer.setInterval(100);
        QObject::connect(&m_flashTimer, &QTimer::timeout, this, [this] { expireFlashes(nowMs()); });
        m_resume.setSingleShot(true);
        // A pause between slices, not just a turn of the event loop: the paint that each slice
        // causes then gets a gap of its own instead of adding to the next slice.
        m_resume.setInterval(5);
        QObject::connect(&m_resume, &QTimer::timeout, this, [this] { continueWalk(sliceDeadline()); });
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_store.size());
    }

    /// 0 disables highlighting: gone rows are removed at once.
    void setFlashDuration(std::chrono::milliseconds duration) { m_flash = duration; }
    [[nodiscard]] std::chrono::milliseconds flashDuration() const { return m_flash; }

    /// Longest stretch of UI-thread time one slice of a merge may take; 0 (the default)
    /// merges in one go.
    void setSliceBudget(std::chrono::microseconds budget) { m_budget = budget; }
    /// A merge or an expiry of highlights is under way (it yields between slices).
    [[nodiscard]] bool isWalking() const { return m_walk != Walk::None; }
    /// Completes the merge under way now (before acting on rows the user picked).
    void finishMerge()
    {
        if (m_walk == Walk::Merge)
            continueWalk(Clock::time_point::max());
    }

    [[nodiscard]] const Row& rowAt(int row) const { return m_store.at(static_cast<std::size_t>(row)); }

    /// Row of `key`, -1 if absent. O(log n): rows are kept sorted by key.
    [[nodiscard]] int rowOfKey(const Key& key) const
    {
        const std::size_t row = m_store.partitionPoint([&key](const Row& r) { return r.key() < key; });
        return (row < m_store.size() && m_store.at(row).key() == key) ? static_cast<int>(row) : -1;
    }

    /// Merge a fresh list. `flashChanges` false (first fill, switching process) inserts
    /// and removes without highlighting. A merge still under way completes first.
    void merge(std::vector<Item> items, bool flashChanges = true)
    {
        finishMerge();
        abandonExpiry();
        auto byKey = [](const Item& a, const Item& b) { return Row::keyOf(a) < Row::keyOf(b); };
        if (!std::is_sorted(items.begin(), items.end(), byKey))
            std::sort(items.begin(), items.end(), byKey);
        m_items = std::move(items);
        m_next = 0;
        m_mergeFlashes = flashChanges && m_flash.count() > 0 && !m_store.empty();
        m_flashUntil = nowMs() + m_flash.count();
        startWalk(Walk::Merge);
    }

    /// Clears every highlight now and drops rows that are gone (tests, benchmarks).
    void settleFlashes()
    {
        finishMerge();
        abandonExpiry();
        expireFlashes(std::numeric_limits<std::int64_t>::max());
        continueWalk(Clock::time_point::max());
    }

    /// Highlight one row as new (the handle a duplicate just created).
    void flashRow(int row)
    {
        Row& r = m_store.at(static_cast<std::size_t>(row));
        r.flash = Flash::Added;
        r.flashUntil = nowMs() + std::max<std::int64_t>(m_flash.count(), 1500);
        Q_EMIT this->dataChanged(index(row, 0), index(row, columnCount() - 1));
        m_stillFlashing = true; // an expiry walk under way may have passed this row
        if (!m_flashTimer.isActive())
            m_flashTimer.start();
    }

protected:
    using Clock = std::chrono::steady_clock;

    static std::int64_t nowMs()
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(Clock::now().time_since_epoch()).count();
    }

    RowStore<Row> m_store;

private:
    enum class Walk : std::uint8_t { None, Merge, Expire };
    /// An insert of a long run (the first fill of 100,000 rows) is split, so that a
    /// sliced merge can pause in between.
    static constexpr std::size_t MaxInsertRun = 4096;

    int cursorRow() const { return static_cast<int>(m_store.cursor()); }

    Clock::time_point sliceDeadline() const
    {
        return m_budget.count() > 0 ? Clock::now() + m_budget : Clock::time_point::max();
    }

    void startWalk(Walk walk)
    {
        m_walk = walk;
        m_store.beginMerge();
        // Sliced: the first slice gets an event of its own too, so that it does not add
        // to the caller's (a refresh result also updates other models and panes).
        if (m_budget.count() > 0)
            m_resume.start();
        else
            continueWalk(Clock::time_point::max());
    }

    void continueWalk(Clock::time_point deadline)
    {
        if (m_walk == Walk::None)
            return;
        m_resume.stop();
        ChangedRuns changed;
        const bool done = m_walk == Walk::Merge ? mergeSteps(deadline, changed) : expirySteps(deadline, changed);
        // Rows before the cursor do not move any more, so their changes can go out now.
        emitChanged(changed);
        if (!done) {
            m_resume.start();
            return;
        }
        m_store.endMerge();
        const Walk finished = std::exchange(m_walk, Walk::None);
        m_items.clear();
        if (finished == Walk::Merge && m_mergeFlashes && !m_flashTimer.isActive())
            m_flashTimer.start();
        if (finished == Walk::Expire && !m_stillFlashing)
            m_flashTimer.stop();
    }

    /// Removes the unvisited row at the cursor and those after it while `gone(row)` holds,
    /// with one beginRemoveRows for the run.
    template <class Gone>
    void removeRun(Gone gone)
    {
        std::size_t count = 1;
        while (count < m_store.remaining() && gone(m_store.peek(count)))
            ++count;
        const int first = cursorRow();
        beginRemoveRows({}, first, first + static_cast<int>(count) - 1);
        m_store.drop(count);
        endRemoveRows();
    }

    /// Time is read once per 64 quiet steps, and after every signal (the costly steps).
    static bool spent(Clock::time_point deadline, bool signalled, std::size_t& quietSteps)
    {
        if (deadline == Clock::time_point::max())
            return false;
        if (!signalled && (++quietSteps & 63) != 0)
            return false;
        return Clock::now() >= deadline;
    }

    /// Runs merge steps until the list is merged (true) or the deadline passes (false).
    bool mergeSteps(Clock::time_point deadline, ChangedRuns& changed)
    {
        std::vector<Item>& items = m_items;
        const std::size_t n = items.size();
        std::size_t& j = m_next;
        std::size_t quiet = 0;
        while (m_store.remaining() > 0 || j < n) {
            bool signalled = false;
            if (m_store.remaining() > 0 && (j == n || m_store.peek().key() < Row::keyOf(items[j]))) {
                // Old row not in the new list: it is gone.
                if (m_mergeFlashes) {
                    Row& r = m_store.keep();
                    if (r.flash != Flash::Removed) {
                        r.flash = Flash::Removed;
                        r.flashUntil = m_flashUntil;
                        changed.add(cursorRow() - 1);
                    }
                } else {
                    removeRun([&](const Row& r) { return j == n || r.key() < Row::keyOf(items[j]); });
                    signalled = true;
                }
            } else if (m_store.remaining() == 0 || Row::keyOf(items[j]) < m_store.peek().key()) {
                // New items before the next old row: one insert for the run.
                std::size_t count = 1;
                while (count < MaxInsertRun && j + count < n
                       && (m_store.remaining() == 0 || Row::keyOf(items[j + count]) < m_store.peek().key()))
                    ++count;
                const int first = cursorRow();
                beginInsertRows({}, first, first + static_cast<int>(count) - 1);
                for (std::size_t k = 0; k < count; ++k) {
                    Row row(std::move(items[j + k]));
                    if (m_mergeFlashes) {
                        row.flash = Flash::Added;
                        row.flashUntil = m_flashUntil;
                    }
                    m_store.insert(std::move(row));
                }
                endInsertRows();
                j += count;
                signalled = true;
            } else {
                Row& r = m_store.keep();
                bool rowChanged = r.assign(std::move(items[j++]));
                if (r.flash == Flash::Removed) { // came back (e.g. a short read failure)
                    r.flash = Flash::None;
                    rowChanged = true;
                }
                if (rowChanged)
                    changed.add(cursorRow() - 1);
            }
            if (spent(deadline, signalled, quiet))
                return m_store.remaining() == 0 && j == n;
        }
        return true;
    }

    void expireFlashes(std::int64_t now)
    {
        if (m_walk != Walk::None)
            return; // a walk is under way; the next tick looks again
        m_expireAt = now;
        m_stillFlashing = false;
        startWalk(Walk::Expire);
    }

    /// An expiry walk gives way to a merge: the rows it has not reached stay as they are,
    /// and the next timer tick expires them.
    void abandonExpiry()
    {
        if (m_walk != Walk::Expire)
            return;
        m_resume.stop();
        m_store.keepRest();
        m_store.endMerge();
        m_walk = Walk::None;
    }

    bool expirySteps(Clock::time_point deadline, ChangedRuns& changed)
    {
        std::size_t quiet = 0;
        while (m_store.remaining() > 0) {
            bool signalled = false;
            Row& next = m_store.peek();
            auto expired = [this](const Row& r) { return r.flash == Flash::Removed && r.flashUntil <= m_expireAt; };
            if (expired(next)) {
                removeRun(expired);
                signalled = true;
            } else {
                Row& r = m_store.keep();
                if (r.flash == Flash::Added && r.flashUntil <= m_expireAt) {
                    r.flash = Flash::None;
                    changed.add(cursorRow() - 1);
                } else if (r.flash != Flash::None) {
                    m_stillFlashing = true;
                }
            }
            if (spent(deadline, signalled, quiet))
                return m_store.remaining() == 0;
        }
        return true;
    }

    void emitChanged(const ChangedRuns& changed)
    {
        const int last = columnCount() - 1;
        for (auto [a, b] : changed.runs())
            Q_EMIT this->dataChanged(index(a, 0), index(b, last));
    }

    std::chrono::milliseconds m_flash{1500};
    std::chrono::microseconds m_budget{0};
    QTimer m_flashTimer;
    QTimer m_resume; ///< continues a walk after the event loop has had its turn

    Walk m_walk = Walk::None;
    std::vector<Item> m_items; ///< the list being merged
    std::size_t m_next = 0;    ///< next item of m_items to merge
    bool m_mergeFlashes = false;
    std::int64_t m_flashUntil = 0;
    std::int64_t m_expireAt = 0;
    bool m_stillFlashing = false;
};

} // namespace hs::ui
