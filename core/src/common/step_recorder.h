// SPDX-License-Identifier: MIT
// The one place a duplicate's (or a remote close's) steps are written: each step goes to
// the caller's progress callback as it happens and, as the same line, to the steps list,
// so the list the result carries is derived from the events and cannot drift from them.
#pragma once

#include "handlescope/duplicate.h"

#include <string>
#include <vector>

namespace hs {

class StepRecorder {
public:
    StepRecorder() = default;
    StepRecorder(std::vector<std::string>* lines, DuplicateProgressCallback callback)
        : m_lines(lines), m_callback(std::move(callback))
    {
    }

    void record(const DuplicateProgress& event);
    /// A call made by the tool (`injected` false) or inside `process` (true).
    void record(DuplicateStep step, Pid process, bool injected, std::string call, std::string result = {},
                bool ok = true, HandleValue handle = -1);
    /// The operation failed: one last event, at the step that was in progress, with the error.
    void failed(const Error& error);

    /// The step a failure now would have failed at: the one after the last step recorded,
    /// unless the caller said which comes next (several pins in a row, then the attach).
    [[nodiscard]] DuplicateStep inProgress() const { return m_next; }
    void expect(DuplicateStep next) { m_next = next; }

private:
    std::vector<std::string>* m_lines = nullptr;
    DuplicateProgressCallback m_callback;
    DuplicateStep m_next = DuplicateStep::Pinned;
};

} // namespace hs
