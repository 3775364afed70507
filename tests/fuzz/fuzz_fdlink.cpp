// SPDX-License-Identifier: MIT
// The text of a /proc/PID/fd/N link ("/path (deleted)", "socket:[123]", "anon_inode:[eventfd]",
// "net:[4026531840]"...): classifyLink. Paths are whatever a user named their files.
#include "fuzz_common.h"

#include "linux/proc_parse.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view link = hs::fuzz::asText(data, size);
    const LinkInfo li = classifyLink(link);
    HS_FUZZ_CHECK(li.name.size() <= link.size());
    HS_FUZZ_CHECK(link.substr(0, li.name.size()) == li.name);
    HS_FUZZ_CHECK(!li.deleted || link.ends_with(" (deleted)"));
    HS_FUZZ_CHECK(!li.typeName.empty());
    return 0;
}
