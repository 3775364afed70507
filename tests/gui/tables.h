// SPDX-License-Identifier: MIT
// Showing hand-built lists in the table models the way the Reader does: a diff worked out
// against the rows on screen, then applied. `now` is a parameter so that tests say when
// things happen instead of waiting for it.
#pragma once

#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "models/tablediff.h"

#include <memory>
#include <vector>

namespace hs::test {

inline bool showHandles(hs::ui::HandleModel& model, const hs::ProcessKey& process, std::vector<hs::HandleInfo> handles,
                        hs::ui::Millis now = hs::ui::steadyNowMs())
{
    using namespace hs::ui;
    auto list = std::make_shared<const std::vector<hs::HandleInfo>>(std::move(handles));
    const DiffMode mode = model.process() == process ? DiffMode::Highlight : DiffMode::Replace;
    return model.apply(process, diffRows<HandleRowTraits>(model.rows(), handleItems(list), mode, now, model.flashMs()));
}

inline bool showProcesses(hs::ui::ProcessModel& model, std::vector<hs::ProcessInfo> processes,
                          hs::ui::Millis now = hs::ui::steadyNowMs())
{
    using namespace hs::ui;
    std::vector<ProcessEntry> items;
    for (auto& p : processes)
        items.push_back({std::move(p), 0});
    return model.apply(diffRows<ProcessRowTraits>(model.rows(), std::move(items), DiffMode::Highlight, now, model.flashMs()));
}

} // namespace hs::test
