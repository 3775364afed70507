// SPDX-License-Identifier: MIT
#include "handlescope/leaks.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>

namespace hs {

namespace {

double secondsBetween(SteadyTime from, SteadyTime to) { return std::chrono::duration<double>(to - from).count(); }

std::string secondsText(std::chrono::nanoseconds d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g s", std::chrono::duration<double>(d).count());
    return buf;
}

std::string growthText(double perMinute)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f/min", perMinute);
    return buf;
}

} // namespace

CountHistory::CountHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
{
}

void CountHistory::add(SteadyTime at, std::span<const std::pair<Pid, std::int64_t>> perProcess)
{
    // Both are sorted by pid: walk them together, dropping the series of pids not sampled.
    auto it = m_series.begin();
    for (const auto& [pid, count] : perProcess) {
        while (it != m_series.end() && it->first < pid)
            it = m_series.erase(it);
        if (it == m_series.end() || it->first != pid)
            it = m_series.emplace_hint(it, pid, std::vector<CountSample>{});
        auto& samples = it->second;
        if (samples.size() >= 2 * m_capacity)
            samples.erase(samples.begin(), samples.end() - static_cast<std::ptrdiff_t>(m_capacity - 1));
        samples.push_back({at, count});
        ++it;
    }
    m_series.erase(it, m_series.end());
}

std::span<const CountSample> CountHistory::series(Pid pid) const
{
    auto it = m_series.find(pid);
    if (it == m_series.end())
        return {};
    std::span<const CountSample> all = it->second;
    return all.size() > m_capacity ? all.last(m_capacity) : all;
}

std::vector<Pid> CountHistory::pids() const
{
    std::vector<Pid> out;
    out.reserve(m_series.size());
    for (const auto& entry : m_series)
        out.push_back(entry.first);
    return out;
}

double growthPerMinute(std::span<const CountSample> samples)
{
    if (samples.size() < 2)
        return 0;
    // Times relative to the first sample keep the sums small and exact enough in doubles.
    const auto n = static_cast<double>(samples.size());
    double sumT = 0;
    double sumC = 0;
    for (const auto& s : samples) {
        sumT += secondsBetween(samples.front().at, s.at);
        sumC += static_cast<double>(s.count);
    }
    const double meanT = sumT / n;
    const double meanC = sumC / n;
    double covariance = 0;
    double variance = 0;
    for (const auto& s : samples) {
        const double dt = secondsBetween(samples.front().at, s.at) - meanT;
        covariance += dt * (static_cast<double>(s.count) - meanC);
        variance += dt * dt;
    }
    return variance > 0 ? covariance / variance * 60.0 : 0;
}

LeakVerdict judgeLeak(std::span<const CountSample> series, std::chrono::nanoseconds window)
{
    LeakVerdict v;
    if (series.empty()) {
        v.reason = "no samples";
        return v;
    }
    v.latest = series.back().count;
    const SteadyTime end = series.back().at;
    const SteadyTime start = end - window;
    if (series.front().at > start || window <= std::chrono::nanoseconds::zero()) {
        v.growthPerMinute = growthPerMinute(series);
        v.baseline = std::ranges::min(series, {}, &CountSample::count).count;
        v.reason = "history covers " + secondsText(end - series.front().at) + " of the " + secondsText(window)
            + " window: no verdict yet";
        return v;
    }
    const auto first = std::ranges::lower_bound(series, start, {}, &CountSample::at);
    const std::span<const CountSample> inWindow(first, series.end());
    v.growthPerMinute = growthPerMinute(inWindow);

    constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
    std::array<std::int64_t, 3> mins{kNone, kNone, kNone};
    std::int64_t firstMax = std::numeric_limits<std::int64_t>::min();
    for (const auto& s : inWindow) {
        // Which third of the window the sample lies in; the end belongs to the last.
        const auto third = static_cast<std::size_t>(std::min<std::int64_t>(2, (s.at - start) * 3 / window));
        mins[third] = std::min(mins[third], s.count);
        if (third == 0)
            firstMax = std::max(firstMax, s.count);
    }
    v.baseline = mins[0];
    if (std::ranges::find(mins, kNone) != mins.end()) {
        v.baseline = std::ranges::min(inWindow, {}, &CountSample::count).count;
        v.reason = "a third of the " + secondsText(window) + " window holds no sample: sample more often";
        return v;
    }
    const std::string minsText = std::to_string(mins[0]) + " -> " + std::to_string(mins[1]) + " -> "
        + std::to_string(mins[2]);
    const bool rising = mins[0] < mins[1] && mins[1] < mins[2] && v.latest > mins[0];
    v.leaking = rising && mins[2] > firstMax;
    if (rising && !v.leaking)
        v.reason = "rose by no more than it wobbles in the last " + secondsText(window) + " (lowest " + minsText
            + ", highest of the first third " + std::to_string(firstMax) + ")";
    else if (v.leaking)
        v.reason = "rose in each third of the last " + secondsText(window) + " and never fell back (lowest " + minsText
            + ", now " + std::to_string(v.latest) + ", " + growthText(v.growthPerMinute) + ")";
    else
        v.reason = "did not rise in each third of the last " + secondsText(window) + " (lowest " + minsText + ")";
    return v;
}

LeakDetector::LeakDetector(std::chrono::nanoseconds window, std::size_t capacity)
    : m_window(window)
    , m_history(capacity)
{
}

std::vector<LeakSuspect> LeakDetector::suspects() const
{
    std::vector<LeakSuspect> out;
    for (Pid pid : m_history.pids())
        if (auto v = verdict(pid); v.leaking)
            out.push_back({pid, std::move(v)});
    std::ranges::stable_sort(out, std::ranges::greater{},
                             [](const LeakSuspect& s) { return s.verdict.growthPerMinute; });
    return out;
}

std::size_t historyCapacity(std::chrono::nanoseconds window, std::chrono::nanoseconds interval)
{
    if (interval <= std::chrono::nanoseconds::zero())
        return 2;
    return static_cast<std::size_t>(window / interval) + 2;
}

} // namespace hs
