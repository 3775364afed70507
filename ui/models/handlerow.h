// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <memory>
#include <tuple>
#include <vector>

namespace hs::ui {

/// The handles of one process as read on the reader's thread, shared read-only with the UI.
using SharedHandles = std::shared_ptr<const std::vector<hs::HandleInfo>>;

/// One handle of the handle table. A row points into the list the reader read (an
/// aliasing shared_ptr) instead of holding a copy, so a read copies no HandleInfo.
///
/// Keyed on (value, object, kind): fd numbers are reused at once after close(), so "fd 5"
/// pointing at another object is a new handle (System Informer's hndlprv.c compares the
/// object too).
struct HandleRowTraits {
    using Item = std::shared_ptr<const hs::HandleInfo>;
    using Key = std::tuple<hs::HandleValue, hs::ObjectId, hs::HandleKind>;

    static Key keyOf(const Item& h) { return {h->value, h->object, h->kind}; }

    /// The fresh pointer is always taken (so the older list can be freed). Peers are not
    /// part of a handle's value (operator==) but a change of them is shown.
    static bool carry(const Item& shown, Item& fresh)
    {
        return shown != fresh && (!(*shown == *fresh) || shown->peers != fresh->peers);
    }
};

/// Rows for every handle of `list`, each sharing ownership of the whole list.
inline std::vector<HandleRowTraits::Item> handleItems(const SharedHandles& list)
{
    std::vector<HandleRowTraits::Item> items;
    if (!list)
        return items;
    items.reserve(list->size());
    for (const hs::HandleInfo& h : *list)
        items.emplace_back(list, &h);
    return items;
}

} // namespace hs::ui
