// SPDX-License-Identifier: MIT
// /proc/PID/stat (and /proc/PID/task/TID/stat): parseStat, stateFromStat.
#include "fuzz_common.h"

#include "linux/proc_parse.h"

#include <algorithm>

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = hs::fuzz::asText(data, size);
    const auto full = parseStat(text);
    if (!full)
        return 0;
    (void)stateFromStat(full->state, full->flags);
    // The name is what lies between the first '(' and the last ')'.
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    HS_FUZZ_CHECK(open != std::string_view::npos && close != std::string_view::npos && open < close);
    HS_FUZZ_CHECK(full->name == text.substr(open + 1, close - open - 1));

    // A read cut short (the process exited, or a short read) must fail or give the same
    // numbers, never smaller ones read from a cut field: the start time identifies the
    // process. Cuts from field 22 (start time, the last one read) to the end of field 24:
    // earlier cuts leave too few fields, later ones change nothing the parser reads.
    std::size_t from = 0, to = 0, field = 3, at = close + 1;
    while (at < size && field <= 24) {
        while (at < size && text[at] == ' ')
            ++at;
        const auto end = std::min(text.find_first_of(" \n", at), size);
        if (field == 22)
            from = at;
        if (field == 24)
            to = end;
        at = end;
        ++field;
    }
    for (std::size_t cut = from; from > 0 && cut <= to && cut < size; ++cut) {
        const auto part = parseStat(text.substr(0, cut));
        if (!part)
            continue;
        HS_FUZZ_CHECK(part->state == full->state && part->ppid == full->ppid && part->session == full->session);
        HS_FUZZ_CHECK(part->flags == full->flags && part->threads == full->threads);
        HS_FUZZ_CHECK(part->startTime == full->startTime);
    }
    return 0;
}
