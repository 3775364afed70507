// SPDX-License-Identifier: MIT
#pragma once

#include "args.h"
#include "output.h"
#include "handlescope/model.h"

#include <set>

namespace hs::cli {

/// --type file,socket,eventfd -> the set of kinds; empty set = all. Fails on an unknown id.
Result<std::set<HandleKind>> kindFilter(const Args& args);

inline bool passes(const std::set<HandleKind>& filter, HandleKind kind)
{
    return filter.empty() || filter.contains(kind);
}

/// What every handle listing parses first: --json/--csv and --type.
struct Listing {
    Format format = Format::Table;
    std::set<HandleKind> kinds;
    [[nodiscard]] bool wants(HandleKind kind) const { return passes(kinds, kind); }
};
Result<Listing> listingFrom(const Args& args);

} // namespace hs::cli
