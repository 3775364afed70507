// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/find.h"
#include "output.h"

#include <span>

namespace hs::cli {

/// Prints find/holders results as a table, CSV or JSON ({"schema", "hits": [...]}).
int printHits(std::span<const FindHit> hits, Format format);

} // namespace hs::cli
