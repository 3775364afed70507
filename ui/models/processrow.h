// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <cstdint>

namespace hs::ui {

/// One process as the process table shows it: what the core read, and the change in its
/// handle count since the read before.
struct ProcessEntry {
    hs::ProcessInfo info;
    std::int64_t delta = 0;
};

struct ProcessRowTraits {
    using Item = ProcessEntry;
    using Key = hs::ProcessKey; // (pid, start time): a reused pid is a new process

    static Key keyOf(const Item& item) { return item.info.key(); }

    static bool carry(const Item& shown, Item& fresh)
    {
        const hs::ProcessInfo& a = shown.info;
        const hs::ProcessInfo& b = fresh.info;
        fresh.delta = (a.handleCount >= 0 && b.handleCount >= 0) ? b.handleCount - a.handleCount : 0;
        return fresh.delta != shown.delta || a.handleCount != b.handleCount || a.name != b.name || a.user != b.user
            || a.state != b.state || a.accessError.has_value() != b.accessError.has_value()
            || a.commandLine != b.commandLine || a.executable != b.executable;
    }
};

} // namespace hs::ui
