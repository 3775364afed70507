// SPDX-License-Identifier: MIT
// What the leak views show, kept on the GUI thread: every process's count history (the
// core's LeakDetector, fed the counts the sampler's worker read), the per-type counts of the
// processes the sampler reads in full, the suspects of the last sample, and the markers
// where snapshots were taken. No threads and no OS calls: LeakSampler feeds it.
#pragma once

#include "handlescope/leaks.h"
#include "handlescope/sampler.h"

#include <QString>

#include <chrono>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace hs::ui {

/// One per-type count of a watched process.
struct KindSample {
    hs::SteadyTime at{};
    hs::KindCounts perKind{};
};

/// A point in time the chart marks (a snapshot was taken there).
struct LeakMarker {
    hs::SteadyTime at{};
    QString label;
};

/// A suspect as the suspects view shows it.
struct SuspectEntry {
    hs::Pid pid = -1;
    QString name;
    hs::LeakVerdict verdict;
};

/// A type whose count grew, and by how much, over a watched process's per-type history.
struct KindGrowth {
    hs::HandleKind kind{};
    std::int64_t added = 0;
};

/// Samples each third of the window must hold before a suspect is shown. The core's rule
/// compares the lowest count of each third; from one or two samples a third's lowest is
/// chance, and on a machine so loaded that samples come seconds late, a sawtooth can rise
/// through three sparse thirds. The app would rather say nothing than accuse a process.
inline constexpr int MinSamplesPerThird = 3;

/// Whether each third of the last `window` of `series` (ending at its last sample) holds
/// MinSamplesPerThird samples.
bool sampledDensely(std::span<const hs::CountSample> series, std::chrono::nanoseconds window);

class LeakHistory {
public:
    LeakHistory(std::chrono::nanoseconds window, std::chrono::nanoseconds interval);

    /// One sample of the worker: its counts, watched processes and suspects (names by pid),
    /// and how many flagged processes were held back for sparse samples.
    void add(const hs::SampleTick& tick, const std::vector<hs::LeakSuspect>& suspects,
             const std::map<hs::Pid, std::string>& names, int heldBack = 0);
    void addMarker(hs::SteadyTime at, const QString& label);

    [[nodiscard]] std::span<const hs::CountSample> series(hs::Pid pid) const { return m_detector.history().series(pid); }
    /// Per-type counts of `pid` while it was read in full, oldest first.
    [[nodiscard]] const std::vector<KindSample>& kindSeries(hs::Pid pid) const;
    /// The core's verdict on `pid` now (its growth per minute over the window).
    [[nodiscard]] hs::LeakVerdict verdict(hs::Pid pid) const { return m_detector.verdict(pid); }
    /// The types that grew over `pid`'s per-type history within the window, most first.
    [[nodiscard]] std::vector<KindGrowth> growingKinds(hs::Pid pid) const;
    [[nodiscard]] const std::vector<SuspectEntry>& suspects() const { return m_suspects; }
    /// The suspect entry of `pid` in the last sample, null if it is none.
    [[nodiscard]] const SuspectEntry* suspect(hs::Pid pid) const;
    /// Processes the core flagged in the last sample but sampledDensely() held back.
    [[nodiscard]] int heldBack() const { return m_heldBack; }
    [[nodiscard]] const std::vector<LeakMarker>& markers() const { return m_markers; }
    [[nodiscard]] hs::SteadyTime latest() const { return m_latest; }
    [[nodiscard]] std::chrono::nanoseconds window() const { return m_detector.window(); }
    [[nodiscard]] int samples() const { return m_samples; }

private:
    hs::LeakDetector m_detector;
    std::size_t m_capacity;
    std::map<hs::Pid, std::vector<KindSample>> m_kinds;
    std::vector<SuspectEntry> m_suspects;
    std::vector<LeakMarker> m_markers;
    hs::SteadyTime m_latest{};
    int m_samples = 0;
    int m_heldBack = 0;
};

} // namespace hs::ui
