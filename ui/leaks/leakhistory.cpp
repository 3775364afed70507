// SPDX-License-Identifier: MIT
#include "leaks/leakhistory.h"

#include "util/qtstd.h"

#include <algorithm>
#include <array>

namespace hs::ui {

namespace {
constexpr std::size_t MaxMarkers = 100; // a marker per snapshot; older ones scroll off the chart anyway
}

LeakHistory::LeakHistory(std::chrono::nanoseconds window, std::chrono::nanoseconds interval)
    : m_detector(window, hs::historyCapacity(window, interval))
    , m_capacity(hs::historyCapacity(window, interval))
{
}

bool sampledDensely(std::span<const hs::CountSample> series, std::chrono::nanoseconds window)
{
    if (series.empty())
        return false;
    const hs::SteadyTime end = series.back().at;
    const hs::SteadyTime start = end - window;
    std::array<int, 3> perThird{};
    for (const hs::CountSample& s : series) {
        if (s.at < start)
            continue;
        const auto third = std::min<std::int64_t>(2, (s.at - start) * 3 / window);
        ++perThird[static_cast<std::size_t>(third)];
    }
    return std::ranges::all_of(perThird, [](int n) { return n >= MinSamplesPerThird; });
}

void LeakHistory::add(const hs::SampleTick& tick, const std::vector<hs::LeakSuspect>& suspects,
                      const std::map<hs::Pid, std::string>& names, int heldBack)
{
    m_latest = tick.at;
    m_heldBack = heldBack;
    ++m_samples;
    m_detector.add(tick.at, tick.counts.perProcess);
    // A process no longer read in full keeps its per-type history until it leaves the
    // window; one that exited is forgotten, as the detector forgets its counts.
    for (auto it = m_kinds.begin(); it != m_kinds.end();) {
        const bool gone = m_detector.history().series(it->first).empty();
        it = gone ? m_kinds.erase(it) : std::next(it);
    }
    for (const hs::WatchedSample& w : tick.watched) {
        if (w.error)
            continue;
        auto& kinds = m_kinds[w.pid];
        kinds.push_back({tick.at, w.perKind});
        if (kinds.size() > m_capacity)
            kinds.erase(kinds.begin(), kinds.begin() + static_cast<std::ptrdiff_t>(kinds.size() - m_capacity));
    }
    m_suspects.clear();
    for (const hs::LeakSuspect& s : suspects) {
        const auto name = names.find(s.pid);
        m_suspects.push_back({s.pid, name != names.end() ? qs(name->second) : QString(), s.verdict});
    }
}

void LeakHistory::addMarker(hs::SteadyTime at, const QString& label)
{
    m_markers.push_back({at, label});
    if (m_markers.size() > MaxMarkers)
        m_markers.erase(m_markers.begin());
}

const SuspectEntry* LeakHistory::suspect(hs::Pid pid) const
{
    const auto it = std::ranges::find(m_suspects, pid, &SuspectEntry::pid);
    return it == m_suspects.end() ? nullptr : &*it;
}

const std::vector<KindSample>& LeakHistory::kindSeries(hs::Pid pid) const
{
    static const std::vector<KindSample> none;
    const auto it = m_kinds.find(pid);
    return it != m_kinds.end() ? it->second : none;
}

std::vector<KindGrowth> LeakHistory::growingKinds(hs::Pid pid) const
{
    const auto& kinds = kindSeries(pid);
    std::vector<KindGrowth> grown;
    if (kinds.size() < 2)
        return grown;
    // From the first per-type count inside the window to the last.
    const auto from = std::ranges::find_if(kinds, [&](const KindSample& k) { return k.at >= m_latest - window(); });
    if (from == kinds.end() || std::next(from) == kinds.end())
        return grown;
    for (int k = 0; k < hs::HandleKindCount; ++k) {
        const auto i = static_cast<std::size_t>(k);
        const std::int64_t added = kinds.back().perKind[i] - from->perKind[i];
        if (added > 0)
            grown.push_back({static_cast<hs::HandleKind>(k), added});
    }
    std::ranges::stable_sort(grown, [](const KindGrowth& a, const KindGrowth& b) { return a.added > b.added; });
    return grown;
}

} // namespace hs::ui
