// SPDX-License-Identifier: MIT
// /proc/PID/cmdline: parseCmdline. Every byte of it is the process's own choice.
#include "fuzz_common.h"

#include "linux/proc_parse.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = hs::fuzz::asText(data, size);
    const std::string line = parseCmdline(text);
    HS_FUZZ_CHECK(line.size() <= text.size());
    HS_FUZZ_CHECK(line.find('\0') == std::string::npos);
    return 0;
}
