// SPDX-License-Identifier: MIT
#pragma once

#include "models/mergingtablemodel.h"

#include "handlescope/model.h"

#include <cstdint>

namespace hs::ui {

/// One row of the process table: the process plus what the UI adds (change in handle
/// count since the last refresh, highlight state).
struct ProcessRow {
    using Item = hs::ProcessInfo;
    using Key = hs::ProcessKey; // (pid, start time): a reused pid is a new process

    explicit ProcessRow(Item item)
        : info(std::move(item))
    {
    }
    static Key keyOf(const Item& item) { return item.key(); }
    [[nodiscard]] Key key() const { return info.key(); }

    bool assign(Item&& item)
    {
        const std::int64_t newDelta = (info.handleCount >= 0 && item.handleCount >= 0)
            ? item.handleCount - info.handleCount
            : 0;
        const bool changed = newDelta != delta || item.handleCount != info.handleCount || item.name != info.name
            || item.user != info.user || item.state != info.state
            || item.accessError.has_value() != info.accessError.has_value()
            || item.commandLine != info.commandLine || item.executable != info.executable;
        delta = newDelta;
        info = std::move(item);
        return changed;
    }

    hs::ProcessInfo info;
    std::int64_t delta = 0; ///< handle count change at the last refresh
    Flash flash = Flash::None;
    std::int64_t flashUntil = 0;
};

} // namespace hs::ui
