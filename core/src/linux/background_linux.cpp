// SPDX-License-Identifier: MIT
#include "background_linux.h"

#include "handlescope/log.h"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>

namespace hs::linux_ {

void lowerThisThreadsPriority()
{
    constexpr int BackgroundNice = 10;
    const auto tid = static_cast<id_t>(::gettid());
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current >= BackgroundNice)
        return;
    if (::setpriority(PRIO_PROCESS, tid, BackgroundNice) != 0)
        log::get("core.linux")->debug("could not lower the reading thread's priority: {}", std::strerror(errno));
}

namespace {

struct Pacing {
    std::int64_t workNs = 0;
    long pauseNs = 0;
};

// 2 ms of work, then 2 ms of pause; HANDLESCOPE_PACING_US="work,pause" overrides it, for
// benchmarks only.
const Pacing& pacing()
{
    static const Pacing chosen = [] {
        Pacing p{2'000'000, 2'000'000};
        if (const char* env = std::getenv("HANDLESCOPE_PACING_US")) {
            long work = 0, pause = 0;
            if (std::sscanf(env, "%ld,%ld", &work, &pause) == 2 && work > 0 && pause >= 0 && pause < 1'000'000) {
                p.workNs = work * 1000;
                p.pauseNs = pause * 1000;
            }
        }
        return p;
    }();
    return chosen;
}

std::int64_t monotonicNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts); // vDSO: no system call
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

struct PacingState {
    bool active = false;
    std::int64_t since = 0; ///< when the current stretch of work began
};
thread_local PacingState t_pacing;

} // namespace

BackgroundPacing::BackgroundPacing(bool enabled)
{
    if (enabled && !t_pacing.active) {
        t_pacing = {true, monotonicNs()};
        m_owner = true;
    }
}

BackgroundPacing::~BackgroundPacing()
{
    if (m_owner)
        t_pacing.active = false;
}

void pauseIfDue()
{
    if (!t_pacing.active)
        return;
    if (monotonicNs() - t_pacing.since < pacing().workNs)
        return;
    const timespec pause{0, pacing().pauseNs};
    ::nanosleep(&pause, nullptr);
    t_pacing.since = monotonicNs();
}

} // namespace hs::linux_
