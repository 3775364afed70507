// SPDX-License-Identifier: MIT
#pragma once

#include <cassert>
#include <cstddef>
#include <utility>
#include <vector>

namespace hs::ui {

/// Row storage that a model can rebuild in one front-to-back walk while it emits
/// beginInsertRows/beginRemoveRows for each run. During a merge the visible rows are
/// "already merged prefix" + "not yet visited rest of the old rows", so every step is
/// O(1) in storage (no vector::insert/erase in the middle, which would make a merge
/// with many scattered changes O(n^2)). The whole merge is O(n + m).
///
/// Rows are kept sorted by key, and a walk visits them in key order, so the visible rows
/// stay sorted in the middle of a walk too: a walk may pause (the model yields to the event
/// loop) and lookups still work.
template <class Row>
class RowStore {
public:
    [[nodiscard]] std::size_t size() const
    {
        return m_merging ? m_done.size() + (m_rows.size() - m_rest) : m_rows.size();
    }
    [[nodiscard]] bool empty() const { return size() == 0; }

    [[nodiscard]] const Row& at(std::size_t row) const
    {
        if (!m_merging)
            return m_rows[row];
        return row < m_done.size() ? m_done[row] : m_rows[m_rest + (row - m_done.size())];
    }
    Row& at(std::size_t row) { return const_cast<Row&>(std::as_const(*this).at(row)); }

    // --- merge walk ---------------------------------------------------------------
    void beginMerge()
    {
        assert(!m_merging);
        m_merging = true;
        m_rest = 0;
        m_done.clear();
        m_done.reserve(m_rows.size());
    }
    /// Rows not visited yet (old rows from the cursor on).
    [[nodiscard]] std::size_t remaining() const { return m_rows.size() - m_rest; }
    /// The next unvisited old row.
    [[nodiscard]] Row& peek(std::size_t ahead = 0) { return m_rows[m_rest + ahead]; }
    /// Model row index of the cursor (where the next insert/remove/keep happens).
    [[nodiscard]] std::size_t cursor() const { return m_done.size(); }
    /// Drop `count` unvisited rows (between beginRemoveRows and endRemoveRows).
    void drop(std::size_t count) { m_rest += count; }
    /// Keep the next unvisited row; returns it at its new place.
    Row& keep()
    {
        m_done.push_back(std::move(m_rows[m_rest++]));
        return m_done.back();
    }
    /// Keep every unvisited row as it is (ends a walk early without changing any row).
    void keepRest()
    {
        while (remaining() > 0)
            keep();
    }
    /// Insert a new row at the cursor (between beginInsertRows and endInsertRows).
    void insert(Row row) { m_done.push_back(std::move(row)); }
    void endMerge()
    {
        assert(m_merging);
        // Swap rather than move: the old buffer is kept for the next merge, so a refresh of
        // 100,000 rows does not fault in a fresh 30 MB every time.
        m_rows.swap(m_done);
        m_done.clear();
        m_rest = 0;
        m_merging = false;
    }

    /// First visible row for which `before(row)` is false; rows are sorted, so this is a
    /// binary search, valid in the middle of a walk as well.
    template <class Before>
    [[nodiscard]] std::size_t partitionPoint(Before before) const
    {
        std::size_t low = 0, count = size();
        while (count > 0) {
            const std::size_t half = count / 2;
            if (before(at(low + half))) {
                low += half + 1;
                count -= half + 1;
            } else {
                count = half;
            }
        }
        return low;
    }
    [[nodiscard]] bool merging() const { return m_merging; }

private:
    std::vector<Row> m_rows;
    std::vector<Row> m_done;
    std::size_t m_rest = 0;
    bool m_merging = false;
};

/// Collects changed rows and reports them as runs of neighbours, so a refresh sends one
/// dataChanged per run instead of one per row (libksysguard's handleChangedProcesses).
class ChangedRuns {
public:
    void add(int row)
    {
        if (!m_runs.empty() && m_runs.back().second + 1 == row)
            m_runs.back().second = row;
        else
            m_runs.emplace_back(row, row);
    }
    [[nodiscard]] const std::vector<std::pair<int, int>>& runs() const { return m_runs; }

private:
    std::vector<std::pair<int, int>> m_runs;
};

} // namespace hs::ui
