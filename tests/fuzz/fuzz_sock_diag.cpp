// SPDX-License-Identifier: MIT
// sock_diag dump replies (NETLINK_SOCK_DIAG): parseInetDiagReply and UnixDiagParser, fed
// replies the way sockDiagDump() does, until one says the dump is done or failed.
//
// Input: one selector byte, then replies, each a 2-byte little-endian length and that many
// bytes (the last one may be short). Selector: (byte & 7) % 5 picks the dump: inet TCP,
// inet UDP, inet6 TCP, inet6 UDP, UNIX; bit 7 keeps only a few inodes (a one-process read).
// Replies are passed at odd offsets of the input on purpose: the parsers promise any alignment.
#include "fuzz_net_common.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <unordered_set>

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const unsigned dump = (data[0] & 7u) % 5u;
    static const std::unordered_set<std::uint64_t> kFew{1, 2, 3, 0x1000, 0xffffffff};
    const InodeFilter keep = (data[0] & 0x80) ? InodeFilter(&kFew) : InodeFilter();
    static constexpr std::array<std::pair<int, int>, 4> kInet{
        {{AF_INET, IPPROTO_TCP}, {AF_INET, IPPROTO_UDP}, {AF_INET6, IPPROTO_TCP}, {AF_INET6, IPPROTO_UDP}}};

    SocketTable table;
    UnixDiagParser unixParser(keep);
    std::size_t off = 1;
    while (off + 2 <= size) {
        const std::size_t declared = data[off] | static_cast<std::size_t>(data[off + 1]) << 8;
        off += 2;
        const std::size_t length = std::min(declared, size - off);
        const char* reply = reinterpret_cast<const char*>(data + off);
        off += length;
        DiagReply r = DiagReply::More;
        if (dump < kInet.size())
            r = parseInetDiagReply(reply, length, kInet[dump].first, kInet[dump].second, keep, table);
        else
            r = unixParser.parseReply(reply, length);
        if (r != DiagReply::More)
            break;
    }
    if (dump == 4)
        unixParser.finish(table);
    hs::fuzz::checkTable(table);
    for (const auto& [inode, info] : table)
        HS_FUZZ_CHECK(keep(inode));
    return 0;
}
