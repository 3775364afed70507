// SPDX-License-Identifier: MIT
// Handle leaks from counts over time: a bounded count history per process, its growth per
// minute, and a verdict on whether the process leaks. Pure logic on (time, count) samples:
// no OS calls, so tests feed it synthetic series (the Sampler in sampler.h feeds it real ones).
//
// The verdict rule. A leak is a count that keeps rising and never returns to where it was;
// a busy process that opens and closes handles, or grows once and plateaus, is not one.
// Over the last W (the window, the "set time"), split into three equal spans, a process is
// flagged when
//     min(span 1) < min(span 2) < min(span 3)   and   latest count > min(span 1)
//     and min(span 3) > max(span 1).
// Each span's minimum is the lowest the count fell to: a process that returns to its
// baseline shows the same minimum in every span. The last condition is for noise: counts
// that wobble around a level have minimums that rise by chance (one window in a few), but
// their last span does not stay above everything the first span saw; a leak's does. So
//   - steady open/close churn: equal minimums, not flagged;
//   - a one-off step that then plateaus: one rise at most, not flagged;
//   - a sawtooth whose period is shorter than W/3: every span holds a trough, not flagged;
//   - counts that wobble around one level: not flagged;
//   - a steady leak: flagged as soon as the history covers W, if it rises by more than
//     its own wobble over W/3.
// Its limit: a cycle longer than W/3 (a cache that fills for an hour, then is flushed) can
// rise through all three spans of a short window and be flagged; a longer window tells them
// apart. A span with no sample (a sampling interval longer than W/3) gives no verdict.
//
// Pid reuse. Counts carry no process start time, so a process is its pid for as long as the
// pid is in every sample: a pid missing from one sample is dropped, and if it comes back its
// series starts again. A pid reused within one sampling interval is not noticed; the new
// process's counts continue the old series and look like a step, which alone is no leak.
#pragma once

#include "handlescope/model.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace hs {

using SteadyTime = std::chrono::steady_clock::time_point;

/// One count of one process's handles.
struct CountSample {
    SteadyTime at{};
    std::int64_t count = 0;
};

/// The last `capacity` samples of every process, oldest first.
class CountHistory {
public:
    explicit CountHistory(std::size_t capacity);

    /// One sample of the machine, `perProcess` sorted by pid (HandleCounts::perProcess).
    /// Processes missing from it are dropped; new ones start a series.
    void add(SteadyTime at, std::span<const std::pair<Pid, std::int64_t>> perProcess);

    /// A process's samples, oldest first; empty for an unknown pid.
    [[nodiscard]] std::span<const CountSample> series(Pid pid) const;
    /// The pids with a series, ascending.
    [[nodiscard]] std::vector<Pid> pids() const;
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

private:
    // Each vector keeps up to 2 * capacity samples and series() shows the last `capacity`:
    // dropping the old half at once costs one move per sample, not one per sample per add.
    std::map<Pid, std::vector<CountSample>> m_series;
    std::size_t m_capacity;
};

/// Least-squares slope of count against time, in handles per minute; 0 with fewer than two
/// samples or all at one time.
double growthPerMinute(std::span<const CountSample> samples);

struct LeakVerdict {
    bool leaking = false;
    double growthPerMinute = 0; ///< over the window (or the whole series before it is full)
    std::int64_t baseline = 0;  ///< the first span's minimum (the series' minimum before the window is full)
    std::int64_t latest = 0;    ///< the last count
    std::string reason;         ///< one line for a person
};

/// The verdict on one process's series over the last `window` (see the rule above).
LeakVerdict judgeLeak(std::span<const CountSample> series, std::chrono::nanoseconds window);

/// A suspect: a process the rule flags.
struct LeakSuspect {
    Pid pid = -1;
    LeakVerdict verdict;
};

/// A CountHistory and a window: feed it machine samples, ask for verdicts.
class LeakDetector {
public:
    /// Keeps `capacity` samples per process: at least window / sampling interval + 1.
    LeakDetector(std::chrono::nanoseconds window, std::size_t capacity);

    void add(SteadyTime at, std::span<const std::pair<Pid, std::int64_t>> perProcess) { m_history.add(at, perProcess); }
    [[nodiscard]] LeakVerdict verdict(Pid pid) const { return judgeLeak(m_history.series(pid), m_window); }
    /// The processes flagged now, fastest growth first.
    [[nodiscard]] std::vector<LeakSuspect> suspects() const;
    [[nodiscard]] const CountHistory& history() const { return m_history; }
    [[nodiscard]] std::chrono::nanoseconds window() const { return m_window; }

private:
    std::chrono::nanoseconds m_window;
    CountHistory m_history;
};

/// The history a window needs at a sampling interval: window / interval + 2 samples (one
/// at each end, one spare for a late sample).
std::size_t historyCapacity(std::chrono::nanoseconds window, std::chrono::nanoseconds interval);

} // namespace hs
