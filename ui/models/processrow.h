// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hs::ui {

/// One process as the process table shows it: what the core read, and the change in its
/// handle count since the read before.
struct ProcessEntry {
    hs::ProcessInfo info;
    std::int64_t delta = 0;
    /// Its handle count at each of the last reads, oldest first (the sparkline, HistoryRole),
    /// from its second read on (the first is its info.handleCount); a count that could not
    /// be read is left out.
    std::vector<std::int64_t> history;
};

/// Reads a process's sparkline remembers: two minutes at the default refresh of 2 s.
inline constexpr std::size_t kHistoryLength = 60;

struct ProcessRowTraits {
    using Item = ProcessEntry;
    using Key = hs::ProcessKey; // (pid, start time): a reused pid is a new process

    static Key keyOf(const Item& item) { return item.info.key(); }

    static bool carry(const Item& shown, Item& fresh)
    {
        const hs::ProcessInfo& a = shown.info;
        const hs::ProcessInfo& b = fresh.info;
        fresh.delta = (a.handleCount >= 0 && b.handleCount >= 0) ? b.handleCount - a.handleCount : 0;
        const bool historyMoved = carryHistory(shown, fresh);
        return historyMoved || fresh.delta != shown.delta || a.handleCount != b.handleCount || a.name != b.name || a.user != b.user
            || a.state != b.state || a.accessError.has_value() != b.accessError.has_value()
            || a.commandLine != b.commandLine || a.executable != b.executable;
    }

    /// Appends the fresh count to the history shown; true when the sparkline's shape
    /// changes (a flat line that stays flat does not need a repaint).
    static bool carryHistory(const Item& shown, Item& fresh)
    {
        fresh.history.reserve(std::min(shown.history.size() + 1, kHistoryLength));
        const std::size_t drop = shown.history.size() >= kHistoryLength ? shown.history.size() - kHistoryLength + 1 : 0;
        fresh.history.assign(shown.history.begin() + static_cast<std::ptrdiff_t>(drop), shown.history.end());
        if (shown.history.empty() && shown.info.handleCount >= 0)
            fresh.history.push_back(shown.info.handleCount); // a new row's first read is not carried
        if (fresh.info.handleCount >= 0)
            fresh.history.push_back(fresh.info.handleCount);
        for (std::int64_t count : fresh.history)
            if (count != fresh.history.front())
                return true;
        return false;
    }
};

} // namespace hs::ui
