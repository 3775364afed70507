// SPDX-License-Identifier: MIT
// /proc/PID/fdinfo/N of every fd type (file, pipe, socket, eventfd, timerfd, signalfd,
// epoll, inotify, fanotify, pidfd, memfd, io_uring...): parseFdInfo, then what the handle
// reader does with its fields (flag names, access, timerfd times).
#include "fuzz_common.h"

#include "handlescope/describe.h"
#include "linux/proc_parse.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = hs::fuzz::asText(data, size);
    const FdInfo info = parseFdInfo(text);
    if (info.flags) {
        const auto names = hs::openFlagNames(*info.flags);
        HS_FUZZ_CHECK(names.size() <= 16);
        (void)accessFromFlags(*info.flags);
    }
    std::size_t bytes = 0;
    for (const auto& [key, value] : info.extras) {
        bytes += key.size() + value.size();
        // The reader formats it_value / it_interval so; any value must survive it.
        const std::string formatted = formatTimespecPair(value);
        HS_FUZZ_CHECK(formatted.size() <= value.size() + 48);
    }
    HS_FUZZ_CHECK(bytes <= size);
    return 0;
}
