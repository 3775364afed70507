// SPDX-License-Identifier: MIT
#pragma once

#include "models/mergingtablemodel.h"

#include "handlescope/model.h"

#include <cstdint>
#include <tuple>

namespace hs::ui {

/// One row of the handle table. Keyed on (value, object, kind): fd numbers are reused
/// at once after close(), so "fd 5" pointing at another object is a new handle
/// (System Informer's hndlprv.c compares the object too).
struct HandleRow {
    using Item = hs::HandleInfo;
    using Key = std::tuple<hs::HandleValue, hs::ObjectId, hs::HandleKind>;

    explicit HandleRow(Item item)
        : info(std::move(item))
    {
    }
    static Key keyOf(const Item& h) { return {h.value, h.object, h.kind}; }
    [[nodiscard]] Key key() const { return keyOf(info); }

    bool assign(Item&& item)
    {
        if (item == info)
            return false;
        info = std::move(item);
        return true;
    }

    hs::HandleInfo info;
    Flash flash = Flash::None;
    std::int64_t flashUntil = 0;
};

} // namespace hs::ui
