// SPDX-License-Identifier: MIT
#include "handlescope/sampler.h"

#include "handlescope/inspect.h"

#include <algorithm>
#include <thread>

namespace hs {

KindCounts countKinds(const std::vector<HandleInfo>& handles)
{
    KindCounts k{};
    for (const auto& h : handles)
        ++k[static_cast<std::size_t>(h.kind)];
    return k;
}

Sampler::Sampler(std::chrono::nanoseconds window, std::chrono::nanoseconds interval)
    : m_detector(window, historyCapacity(window, interval))
{
}

void Sampler::watch(Pid pid)
{
    if (std::ranges::find(m_watched, pid) == m_watched.end())
        m_watched.push_back(pid);
}

void Sampler::unwatch(Pid pid) { std::erase(m_watched, pid); }

Result<SampleTick> Sampler::sampleOnce(const CancelToken& cancel)
{
    const auto before = std::chrono::steady_clock::now();
    // Machine-wide kinds would not tell which process grows: per process is enough, and cheaper.
    auto counts = countHandles(cancel, CountScope::PerProcess);
    if (!counts)
        return fail(std::move(counts.error()));
    SampleTick tick;
    // The count reads processes one after another over its duration: its middle is when
    // the counts were true on average, and keeps a slow sample from skewing the slope.
    tick.at = before + (std::chrono::steady_clock::now() - before) / 2;
    tick.counts = std::move(*counts);
    m_detector.add(tick.at, tick.counts.perProcess);
    for (Pid pid : m_watched) {
        WatchedSample w{.pid = pid};
        if (auto handles = listHandles(pid, Detail::Fast, cancel)) {
            w.count = static_cast<std::int64_t>(handles->size());
            w.perKind = countKinds(*handles);
        } else {
            w.error = std::move(handles.error());
        }
        tick.watched.push_back(std::move(w));
    }
    return tick;
}

Result<void> Sampler::run(std::chrono::nanoseconds interval, std::chrono::nanoseconds duration,
                          const TickCallback& onTick, const CancelToken& cancel)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto end = start + duration;
    auto due = start;
    for (;;) {
        auto tick = sampleOnce(cancel);
        if (!tick)
            return isCancelled(tick.error()) ? Result<void>{} : fail(std::move(tick.error()));
        if (!onTick(*tick) || interval <= Clock::duration::zero())
            return {}; // no interval: one sample
        due += interval;
        while (due < Clock::now())
            due += interval; // a slow sample: skip the times it missed
        if (due > end)
            return {};
        // Sleep in short steps so a cancel is seen within 50 ms.
        while (Clock::now() < due) {
            if (cancel.cancelled())
                return {};
            std::this_thread::sleep_until(std::min(due, Clock::now() + std::chrono::milliseconds(50)));
        }
    }
}

} // namespace hs
