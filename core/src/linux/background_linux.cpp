// SPDX-License-Identifier: MIT
#include "background_linux.h"

#include "handlescope/log.h"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
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

constexpr std::int64_t kWorkNs = 4'000'000;
constexpr long kPauseNs = 500'000;

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
    if (monotonicNs() - t_pacing.since < kWorkNs)
        return;
    const timespec pause{0, kPauseNs};
    ::nanosleep(&pause, nullptr);
    t_pacing.since = monotonicNs();
}

} // namespace hs::linux_
