// SPDX-License-Identifier: MIT
// /proc/PID/net/packet: parsePacketTable.
#include "fuzz_net_common.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    SocketTable table;
    parsePacketTable(hs::fuzz::asText(data, size), table);
    hs::fuzz::checkTable(table);
    return 0;
}
