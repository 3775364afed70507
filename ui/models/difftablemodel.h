// SPDX-License-Identifier: MIT
#pragma once

#include "models/tablediff.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace hs::ui {

/// How a row is highlighted right now.
enum class Flash : std::uint8_t { None, Added, Removed };

/// A table model that never resets: it applies diffs computed on the reader's thread
/// (tablediff.h), so selections, sorting and scroll positions survive a refresh, and the UI
/// thread does no comparing. A row's highlight is worked out in data() from its
/// timestamps; one timer repaints the flashing rows when their highlight ends.
///
/// Traits as for diffRows, plus `Key`.
template <class Traits>
class DiffTableModel : public QAbstractTableModel {
public:
    using Item = typename Traits::Item;
    using Key = typename Traits::Key;
    using Row = TimedRow<Item>;
    /// Receives lists the model lets go of, so that they are freed off the UI thread.
    using Disposer = std::function<void(std::shared_ptr<const void>)>;

    explicit DiffTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_rows(std::make_shared<const RowList<Item>>())
    {
        m_fade.setSingleShot(true);
        QObject::connect(&m_fade, &QTimer::timeout, this, [this] { repaintFlashes(); });
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (parent.isValid())
            return 0;
        return static_cast<int>(m_applying ? m_nextDone + (m_rows->size() - m_oldDone) : m_rows->size());
    }

    /// The rows on screen: the baseline a diff is computed against.
    [[nodiscard]] SharedRows<Item> rows() const { return m_rows; }

    /// Applies a diff computed against rows(); false (nothing changes) when it was computed
    /// against other rows, because another diff came first.
    bool apply(TableDiff<Item> diff)
    {
        if (diff.base != m_rows && !(m_rows->empty() && (!diff.base || diff.base->empty())))
            return false;
        if (isLayoutCheaper(diff))
            applyAsLayoutChange(std::move(diff.rows));
        else
            applyStepByStep(std::move(diff.rows), diff.ops);
        const int last = columnCount() - 1;
        for (auto [a, b] : diff.changed)
            Q_EMIT this->dataChanged(this->index(a, 0), this->index(b, last));
        if (diff.flashFirst >= 0) {
            m_flashFirst = diff.flashFirst;
            m_flashLast = diff.flashLast;
            m_fade.start(static_cast<int>(m_flashMs));
        }
        rowsApplied();
        return true;
    }

    /// Adds one row now (the handle a duplicate just made), highlighted as new.
    void addRow(Item item)
    {
        const Key key = Traits::keyOf(item);
        auto next = std::make_shared<RowList<Item>>(*m_rows);
        auto at = std::lower_bound(next->begin(), next->end(), key,
                                   [](const Row& r, const Key& k) { return Traits::keyOf(r.item) < k; });
        const int row = static_cast<int>(at - next->begin());
        if (at != next->end() && Traits::keyOf(at->item) == key) { // already there: refresh it
            *at = Row{std::move(item), steadyNowMs(), 0};
            retire(std::exchange(m_rows, std::move(next)));
            Q_EMIT this->dataChanged(this->index(row, 0), this->index(row, columnCount() - 1));
        } else {
            beginInsertRows({}, row, row);
            next->insert(at, Row{std::move(item), steadyNowMs(), 0});
            retire(std::exchange(m_rows, std::move(next)));
            endInsertRows();
        }
        m_flashFirst = m_flashFirst < 0 ? row : std::min(m_flashFirst, row);
        m_flashLast = std::max(m_flashLast, row);
        m_fade.start(static_cast<int>(m_flashMs));
        rowsApplied();
    }

    [[nodiscard]] const Row& rowAt(int row) const
    {
        const auto r = static_cast<std::size_t>(row);
        if (!m_applying)
            return (*m_rows)[r];
        return r < m_nextDone ? (*m_next)[r] : (*m_rows)[m_oldDone + (r - m_nextDone)];
    }

    /// Row of `key`, -1 if absent (binary search: rows are sorted by key).
    [[nodiscard]] int rowOfKey(const Key& key) const
    {
        const auto& rows = *m_rows;
        auto at = std::lower_bound(rows.begin(), rows.end(), key,
                                   [](const Row& r, const Key& k) { return Traits::keyOf(r.item) < k; });
        return (at != rows.end() && Traits::keyOf(at->item) == key) ? static_cast<int>(at - rows.begin()) : -1;
    }

    [[nodiscard]] Flash flashAt(int row) const
    {
        const Row& r = rowAt(row);
        if (r.removedAt != 0)
            return Flash::Removed;
        const Millis now = steadyNowMs();
        if (r.addedAt != 0 && now - r.addedAt < m_flashMs)
            return Flash::Added;
        if (m_highlight && now < m_highlightUntil && Traits::keyOf(r.item) == *m_highlight)
            return Flash::Added;
        return Flash::None;
    }

    /// Highlights the row of `key` as new for a moment (the handle a jump lands on).
    void highlight(const Key& key)
    {
        const int row = rowOfKey(key);
        if (row < 0)
            return;
        m_highlight = key;
        m_highlightUntil = steadyNowMs() + m_flashMs;
        Q_EMIT this->dataChanged(this->index(row, 0), this->index(row, columnCount() - 1), {Qt::BackgroundRole});
        m_flashFirst = m_flashFirst < 0 ? row : std::min(m_flashFirst, row);
        m_flashLast = std::max(m_flashLast, row);
        m_fade.start(static_cast<int>(m_flashMs));
    }

    void setFlashDuration(std::chrono::milliseconds duration) { m_flashMs = duration.count(); }
    [[nodiscard]] Millis flashMs() const { return m_flashMs; }
    void setDisposer(Disposer disposer) { m_dispose = std::move(disposer); }

protected:
    /// Each insert or remove signal costs a sorting proxy and the views work in proportion
    /// to the rows (they renumber what follows); one layout change costs a re-sort,
    /// n log n. A diff goes out the cheaper way: many scattered changes (fds reopened all
    /// over a large process) as one layout change.
    static bool isLayoutCheaper(const TableDiff<Item>& diff)
    {
        const std::size_t rows = std::max(diff.base ? diff.base->size() : 0, diff.rows->size());
        std::size_t log2 = 1;
        while ((std::size_t{1} << log2) < rows)
            ++log2;
        // A replacement keeps no row, so no index has anything to follow.
        return diff.mode == DiffMode::Highlight && diff.ops.size() > log2 && diff.base && !diff.base->empty();
    }

    void applyStepByStep(SharedRows<Item> next, const std::vector<RowOp>& ops)
    {
        m_next = std::move(next);
        m_applying = true;
        m_nextDone = 0;
        m_oldDone = 0;
        for (const RowOp& op : ops) {
            keepUpTo(op.first);
            if (op.kind == RowOp::Remove) {
                beginRemoveRows({}, op.first, op.first + op.count - 1);
                m_oldDone += static_cast<std::size_t>(op.count);
                endRemoveRows();
            } else {
                beginInsertRows({}, op.first, op.first + op.count - 1);
                m_nextDone += static_cast<std::size_t>(op.count);
                endInsertRows();
            }
        }
        m_applying = false;
        retire(std::exchange(m_rows, std::move(m_next)));
    }

    /// Persistent indexes (selections, the current row) follow their row by key.
    void applyAsLayoutChange(SharedRows<Item> next)
    {
        Q_EMIT this->layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList from = this->persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex& index : from) {
            const Key key = Traits::keyOf((*m_rows)[static_cast<std::size_t>(index.row())].item);
            auto at = std::lower_bound(next->begin(), next->end(), key,
                                       [](const Row& r, const Key& k) { return Traits::keyOf(r.item) < k; });
            const bool kept = at != next->end() && Traits::keyOf(at->item) == key;
            to.append(kept ? this->createIndex(static_cast<int>(at - next->begin()), index.column()) : QModelIndex());
        }
        retire(std::exchange(m_rows, std::move(next)));
        this->changePersistentIndexList(from, to);
        Q_EMIT this->layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    /// Called after each change of the rows (a diff applied, a row added).
    virtual void rowsApplied() {}

    /// Rows before `row` that are still old ones are kept (they are in both lists).
    void keepUpTo(int row)
    {
        const auto until = static_cast<std::size_t>(row);
        m_oldDone += until - m_nextDone;
        m_nextDone = until;
    }

    void repaintFlashes()
    {
        const int rows = rowCount();
        if (m_flashFirst >= 0 && m_flashFirst < rows)
            Q_EMIT this->dataChanged(this->index(m_flashFirst, 0),
                                     this->index(std::min(m_flashLast, rows - 1), columnCount() - 1),
                                     {Qt::BackgroundRole, Qt::ToolTipRole});
        m_flashFirst = m_flashLast = -1;
    }

    void retire(SharedRows<Item> old)
    {
        if (m_dispose && old)
            m_dispose(std::move(old));
    }

    SharedRows<Item> m_rows;

private:
    SharedRows<Item> m_next;     ///< while a diff is applied: the rows after it
    bool m_applying = false;
    std::size_t m_nextDone = 0;  ///< rows of m_next already in place
    std::size_t m_oldDone = 0;   ///< rows of m_rows already passed
    Millis m_flashMs = 1500;
    QTimer m_fade;
    int m_flashFirst = -1;
    int m_flashLast = -1;
    std::optional<Key> m_highlight; ///< set by highlight(), read in flashAt()
    Millis m_highlightUntil = 0;
    Disposer m_dispose;
};

} // namespace hs::ui
