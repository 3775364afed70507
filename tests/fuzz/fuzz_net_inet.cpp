// SPDX-License-Identifier: MIT
// /proc/PID/net/{tcp,tcp6,udp,udp6}: parseInetTable. Each input is read as all four.
#include "fuzz_net_common.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = hs::fuzz::asText(data, size);
    for (const bool ipv6 : {false, true}) {
        for (const std::string_view protocol : {"tcp", "udp"}) {
            SocketTable table;
            parseInetTable(text, ipv6, protocol, table);
            hs::fuzz::checkTable(table);
        }
    }
    return 0;
}
