// SPDX-License-Identifier: MIT
// /proc/PID/status: parseStatusUid (the real uid of the "Uid:" line).
#include "fuzz_common.h"

#include "linux/proc_parse.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = hs::fuzz::asText(data, size);
    const std::int64_t uid = parseStatusUid(text);
    // Without a "Uid:" line at the start of a line there is no uid.
    if (text.substr(0, 4) != "Uid:" && text.find("\nUid:") == std::string_view::npos)
        HS_FUZZ_CHECK(uid == -1);
    return 0;
}
