// SPDX-License-Identifier: MIT
// The leak sampler: counts every process's handles at an interval (hs::countHandles, per
// process only), feeds the counts to a LeakDetector (leaks.h), and reads the handles of a
// few watched processes to count them per kind (countHandles' kinds are the machine's).
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/counts.h"
#include "handlescope/leaks.h"

#include <array>
#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace hs {

using KindCounts = std::array<std::int64_t, HandleKindCount>;

/// One watched process in one sample.
struct WatchedSample {
    Pid pid = -1;
    std::int64_t count = 0; ///< handles read (the sum of perKind)
    KindCounts perKind{};   ///< indexed by HandleKind
    std::optional<Error> error; ///< set when its handles could not be read (it exited...)
};

/// One sample of the machine.
struct SampleTick {
    SteadyTime at{};     ///< the middle of the count: the best guess at when it was true
    HandleCounts counts; ///< the whole machine's
    std::vector<WatchedSample> watched; ///< in watch() order
};

class Sampler {
public:
    /// Verdicts over `window`; the history holds what that window needs at `interval`.
    Sampler(std::chrono::nanoseconds window, std::chrono::nanoseconds interval);

    /// Reads this process's handles (per kind) in every sample too.
    void watch(Pid pid);
    void unwatch(Pid pid);
    [[nodiscard]] const std::vector<Pid>& watched() const { return m_watched; }

    /// One sample now: counts the machine, feeds the detector, reads the watched processes.
    /// Fails only when the machine cannot be counted; a watched process that cannot be read
    /// has its error in the tick.
    Result<SampleTick> sampleOnce(const CancelToken& cancel = {});

    /// Called with each tick; returns false to stop.
    using TickCallback = std::function<bool(const SampleTick&)>;
    /// sampleOnce at fixed times (start, start + interval, ...) up to start + duration, so
    /// a slow sample delays the next one without shifting the ones after it (a missed time
    /// is skipped); once with an interval of 0. Returns after the last tick, on a false
    /// callback or a cancel (success then), or with the first sample that fails.
    Result<void> run(std::chrono::nanoseconds interval, std::chrono::nanoseconds duration,
                     const TickCallback& onTick, const CancelToken& cancel = {});

    [[nodiscard]] const LeakDetector& detector() const { return m_detector; }

private:
    LeakDetector m_detector;
    std::vector<Pid> m_watched;
};

/// The handles of `handles` per kind.
KindCounts countKinds(const std::vector<HandleInfo>& handles);

} // namespace hs
