// SPDX-License-Identifier: MIT
// /proc/PID/net/unix: parseUnixTable.
#include "fuzz_net_common.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    SocketTable table;
    parseUnixTable(hs::fuzz::asText(data, size), table);
    hs::fuzz::checkTable(table);
    return 0;
}
