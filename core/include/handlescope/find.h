// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <optional>
#include <string>
#include <vector>

namespace hs {

struct FindQuery {
    std::string text;             ///< substring, or an ECMAScript regular expression
    bool regex = false;
    bool caseSensitive = false;
    std::optional<HandleKind> kind; ///< only this kind
};

struct FindHit {
    const ProcessInfo* process = nullptr; ///< points into the snapshot searched
    const HandleInfo* handle = nullptr;
};

/// Every handle whose name or type name matches. Fails only for a bad regular expression.
Result<std::vector<FindHit>> findHandles(const Snapshot& snapshot, const FindQuery& query);

/// Every handle that refers to this object, in every process of the snapshot.
std::vector<FindHit> findHolders(const Snapshot& snapshot, const ObjectId& object);

} // namespace hs
