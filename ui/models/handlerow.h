// SPDX-License-Identifier: MIT
#pragma once

#include "models/mergingtablemodel.h"

#include "handlescope/model.h"

#include <cstdint>
#include <memory>
#include <tuple>
#include <vector>

namespace hs::ui {

/// The handles of one process as read by a worker thread, shared read-only with the UI.
using SharedHandles = std::shared_ptr<const std::vector<hs::HandleInfo>>;

/// One row of the handle table. Keyed on (value, object, kind): fd numbers are reused
/// at once after close(), so "fd 5" pointing at another object is a new handle
/// (System Informer's hndlprv.c compares the object too).
///
/// The row points into the list the worker read (an aliasing shared_ptr) instead of
/// holding a copy: a HandleInfo is ~260 bytes with its strings, and copying 50,000 of
/// them on the UI thread was most of a refresh's stall. A row that is flashing red keeps
/// the older list alive until it goes.
struct HandleRow {
    using Item = std::shared_ptr<const hs::HandleInfo>;
    using Key = std::tuple<hs::HandleValue, hs::ObjectId, hs::HandleKind>;

    explicit HandleRow(Item item)
        : info(std::move(item))
    {
    }
    static Key keyOf(const Item& h) { return {h->value, h->object, h->kind}; }
    [[nodiscard]] Key key() const { return keyOf(info); }

    /// Always takes the fresh pointer (so the previous list can be freed), and says
    /// whether anything visible changed.
    bool assign(Item&& item)
    {
        const bool changed = item != info && !(*item == *info);
        info = std::move(item);
        return changed;
    }

    Item info;
    Flash flash = Flash::None;
    std::int64_t flashUntil = 0;
};

} // namespace hs::ui
