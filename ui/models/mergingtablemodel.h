// SPDX-License-Identifier: MIT
#pragma once

#include "models/rowstore.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
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
/// a timer then clears the flag or removes the row. `Row` provides:
///   using Item = ...; using Key = ...;
///   static Key keyOf(const Item&); Key key() const; explicit Row(Item);
///   bool assign(Item&&)  // copies a fresh item in, true if anything visible changed
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
        QObject::connect(&m_flashTimer, &QTimer::timeout, this, [this] { expireFlashes(); });
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_store.size());
    }

    /// 0 disables highlighting: gone rows are removed at once.
    void setFlashDuration(std::chrono::milliseconds duration) { m_flash = duration; }
    [[nodiscard]] std::chrono::milliseconds flashDuration() const { return m_flash; }

    [[nodiscard]] const Row& rowAt(int row) const { return m_store.at(static_cast<std::size_t>(row)); }

    /// Row of `key`, -1 if absent. O(log n): rows are kept sorted by key.
    [[nodiscard]] int rowOfKey(const Key& key) const
    {
        const auto& rows = m_store.rows();
        auto it = std::lower_bound(rows.begin(), rows.end(), key,
                                   [](const Row& r, const Key& k) { return r.key() < k; });
        return (it != rows.end() && it->key() == key) ? static_cast<int>(it - rows.begin()) : -1;
    }

    /// Merge a fresh list. `flashChanges` false (first fill, switching process) inserts
    /// and removes without highlighting.
    void merge(std::vector<Item> items, bool flashChanges = true)
    {
        auto byKey = [](const Item& a, const Item& b) { return Row::keyOf(a) < Row::keyOf(b); };
        if (!std::is_sorted(items.begin(), items.end(), byKey))
            std::sort(items.begin(), items.end(), byKey);
        const bool flash = flashChanges && m_flash.count() > 0 && !m_store.empty();
        const std::int64_t until = nowMs() + m_flash.count();

        ChangedRuns changed;
        m_store.beginMerge();
        std::size_t j = 0;
        const std::size_t n = items.size();
        while (m_store.remaining() > 0 || j < n) {
            if (m_store.remaining() > 0 && (j == n || m_store.peek().key() < Row::keyOf(items[j]))) {
                // Old row not in the new list: it is gone.
                if (flash) {
                    Row& r = m_store.keep();
                    if (r.flash != Flash::Removed) {
                        r.flash = Flash::Removed;
                        r.flashUntil = until;
                        changed.add(cursorRow() - 1);
                    }
                    continue;
                }
                std::size_t count = 1;
                while (count < m_store.remaining()
                       && (j == n || m_store.peek(count).key() < Row::keyOf(items[j])))
                    ++count;
                const int first = cursorRow();
                beginRemoveRows({}, first, first + static_cast<int>(count) - 1);
                m_store.drop(count);
                endRemoveRows();
            } else if (m_store.remaining() == 0 || Row::keyOf(items[j]) < m_store.peek().key()) {
                // New items before the next old row: one insert for the run.
                std::size_t count = 1;
                while (j + count < n
                       && (m_store.remaining() == 0 || Row::keyOf(items[j + count]) < m_store.peek().key()))
                    ++count;
                const int first = cursorRow();
                beginInsertRows({}, first, first + static_cast<int>(count) - 1);
                for (std::size_t k = 0; k < count; ++k) {
                    Row row(std::move(items[j + k]));
                    if (flash) {
                        row.flash = Flash::Added;
                        row.flashUntil = until;
                    }
                    m_store.insert(std::move(row));
                }
                endInsertRows();
                j += count;
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
        }
        m_store.endMerge();
        emitChanged(changed);
        if (flash && !m_flashTimer.isActive())
            m_flashTimer.start();
    }

    /// Clears every highlight now and drops rows that are gone (tests, benchmarks).
    void settleFlashes() { expireFlashes(std::numeric_limits<std::int64_t>::max()); }

    /// Highlight one row as new (the handle a duplicate just created).
    void flashRow(int row)
    {
        Row& r = m_store.at(static_cast<std::size_t>(row));
        r.flash = Flash::Added;
        r.flashUntil = nowMs() + std::max<std::int64_t>(m_flash.count(), 1500);
        Q_EMIT this->dataChanged(index(row, 0), index(row, columnCount() - 1));
        if (!m_flashTimer.isActive())
            m_flashTimer.start();
    }

protected:
    static std::int64_t nowMs()
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }

    RowStore<Row> m_store;

private:
    int cursorRow() const { return static_cast<int>(m_store.cursor()); }

    void emitChanged(const ChangedRuns& changed)
    {
        const int last = columnCount() - 1;
        for (auto [a, b] : changed.runs())
            Q_EMIT this->dataChanged(index(a, 0), index(b, last));
    }

    void expireFlashes(std::int64_t now = nowMs())
    {
        ChangedRuns changed;
        bool stillFlashing = false;
        m_store.beginMerge();
        while (m_store.remaining() > 0) {
            Row& next = m_store.peek();
            if (next.flash == Flash::Removed && next.flashUntil <= now) {
                std::size_t count = 1;
                while (count < m_store.remaining() && m_store.peek(count).flash == Flash::Removed
                       && m_store.peek(count).flashUntil <= now)
                    ++count;
                const int first = cursorRow();
                beginRemoveRows({}, first, first + static_cast<int>(count) - 1);
                m_store.drop(count);
                endRemoveRows();
                continue;
            }
            Row& r = m_store.keep();
            if (r.flash == Flash::Added && r.flashUntil <= now) {
                r.flash = Flash::None;
                changed.add(cursorRow() - 1);
            } else if (r.flash != Flash::None) {
                stillFlashing = true;
            }
        }
        m_store.endMerge();
        emitChanged(changed);
        if (!stillFlashing)
            m_flashTimer.stop();
    }

    std::chrono::milliseconds m_flash{1500};
    QTimer m_flashTimer;
};

} // namespace hs::ui
