// SPDX-License-Identifier: MIT
// What changed between the rows on screen and a fresh read, worked out on the reader's
// thread so that the UI thread only applies it (libksysguard's processcore does the same).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace hs::ui {

/// Milliseconds of the steady clock: when a row appeared or went.
using Millis = std::int64_t;
inline Millis steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/// A row as shown: the item, when it appeared (0: in the table from the start, not new)
/// and, for one that is gone, since when (it stays on screen, red, until its flash ends).
template <class Item>
struct TimedRow {
    Item item;
    Millis addedAt = 0;
    Millis removedAt = 0;
};

/// Rows sorted by key. Immutable once published: the model and a diff in the making
/// share them, so handing the baseline to the reader costs nothing.
template <class Item>
using RowList = std::vector<TimedRow<Item>>;
template <class Item>
using SharedRows = std::shared_ptr<const RowList<Item>>;

/// One structural step. Applied in order, each index is into the list as it is after the
/// steps before it, so a model can emit begin/end pairs that are valid at every step.
struct RowOp {
    enum Kind : std::uint8_t { Remove, Insert };
    Kind kind = Remove;
    int first = 0;
    int count = 0;
};

enum class DiffMode : std::uint8_t {
    Highlight, ///< the same table read again: new rows flash, gone rows stay red for a while
    Replace,   ///< another table (another process): every row goes, every row comes, no flash
};

template <class Item>
struct TableDiff {
    DiffMode mode = DiffMode::Highlight;
    SharedRows<Item> base; ///< the rows it was computed against
    SharedRows<Item> rows; ///< the rows after it
    std::vector<RowOp> ops;
    std::vector<std::pair<int, int>> changed; ///< runs of rows (in `rows`) whose content changed
    /// First and last row (in `rows`) that flash, to repaint when the flash ends; -1 if none.
    int flashFirst = -1;
    int flashLast = -1;
};

/// Compares `fresh` with `base`. Traits: `Key keyOf(const Item&)`, and `bool carry(const
/// Item& shown, Item& fresh)` that copies what a row keeps across reads into `fresh` and
/// says whether anything visible changed. Rows that went more than `flashMs` ago are dropped.
template <class Traits>
TableDiff<typename Traits::Item> diffRows(SharedRows<typename Traits::Item> base,
                                          std::vector<typename Traits::Item> fresh, DiffMode mode, Millis now,
                                          Millis flashMs)
{
    using Item = typename Traits::Item;
    auto byKey = [](const Item& a, const Item& b) { return Traits::keyOf(a) < Traits::keyOf(b); };
    if (!std::is_sorted(fresh.begin(), fresh.end(), byKey))
        std::sort(fresh.begin(), fresh.end(), byKey);

    static const RowList<Item> none;
    const RowList<Item>& old = base ? *base : none;
    TableDiff<Item> diff;
    diff.mode = mode;
    diff.base = base;
    auto rows = std::make_shared<RowList<Item>>();

    if (mode == DiffMode::Replace) {
        if (!old.empty())
            diff.ops.push_back({RowOp::Remove, 0, static_cast<int>(old.size())});
        rows->reserve(fresh.size());
        for (Item& item : fresh)
            rows->push_back({std::move(item), 0, 0});
        if (!rows->empty())
            diff.ops.push_back({RowOp::Insert, 0, static_cast<int>(rows->size())});
        diff.rows = std::move(rows);
        return diff;
    }

    const bool flash = flashMs > 0 && !old.empty();
    rows->reserve(std::max(old.size(), fresh.size()) + 16);
    auto step = [&diff](RowOp::Kind kind, int at) {
        RowOp* last = diff.ops.empty() ? nullptr : &diff.ops.back();
        if (last && last->kind == kind && (kind == RowOp::Remove ? last->first == at : last->first + last->count == at))
            ++last->count;
        else
            diff.ops.push_back({kind, at, 1});
    };
    auto changedAt = [&diff](int row) {
        if (!diff.changed.empty() && diff.changed.back().second + 1 == row)
            diff.changed.back().second = row;
        else
            diff.changed.emplace_back(row, row);
    };
    auto flashesAt = [&diff](int row) {
        if (diff.flashFirst < 0)
            diff.flashFirst = row;
        diff.flashLast = row;
    };

    std::size_t i = 0, j = 0;
    while (i < old.size() || j < fresh.size()) {
        const int at = static_cast<int>(rows->size());
        if (i < old.size() && (j == fresh.size() || Traits::keyOf(old[i].item) < Traits::keyOf(fresh[j]))) {
            const TimedRow<Item>& gone = old[i++];
            if (flash && (gone.removedAt == 0 || now - gone.removedAt < flashMs)) {
                rows->push_back({gone.item, gone.addedAt, gone.removedAt != 0 ? gone.removedAt : now});
                if (gone.removedAt == 0)
                    changedAt(at);
                flashesAt(at);
            } else {
                step(RowOp::Remove, at);
            }
        } else if (i == old.size() || Traits::keyOf(fresh[j]) < Traits::keyOf(old[i].item)) {
            rows->push_back({std::move(fresh[j++]), flash ? now : 0, 0});
            step(RowOp::Insert, at);
            if (flash)
                flashesAt(at);
        } else {
            const TimedRow<Item>& shown = old[i++];
            TimedRow<Item> row{std::move(fresh[j++]), shown.addedAt, 0};
            const bool changed = Traits::carry(shown.item, row.item) || shown.removedAt != 0;
            if (row.addedAt != 0 && now - row.addedAt < flashMs)
                flashesAt(at);
            rows->push_back(std::move(row));
            if (changed)
                changedAt(at);
        }
    }
    diff.rows = std::move(rows);
    return diff;
}

} // namespace hs::ui
