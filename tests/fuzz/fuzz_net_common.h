// SPDX-License-Identifier: MIT
#pragma once

#include "fuzz_common.h"

#include "linux/net_parse_linux.h"
#include "linux/sock_diag_linux.h"

namespace hs::fuzz {

/// What every table a parser filled must hold: one shared entry per non-zero inode.
inline void checkTable(const hs::linux_::SocketTable& table)
{
    for (const auto& [inode, info] : table) {
        HS_FUZZ_CHECK(inode != 0);
        HS_FUZZ_CHECK(info != nullptr);
        HS_FUZZ_CHECK(!info->family.empty());
    }
}

} // namespace hs::fuzz
