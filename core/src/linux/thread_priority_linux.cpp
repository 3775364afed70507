// SPDX-License-Identifier: MIT
#include "thread_priority_linux.h"

#include "handlescope/log.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
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

} // namespace hs::linux_
