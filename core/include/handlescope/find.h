// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"

#include <optional>
#include <span>
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

/// Every handle whose name, type name or description (describeName: a socket's endpoints)
/// matches. Fails only for a bad regular expression.
Result<std::vector<FindHit>> findHandles(const Snapshot& snapshot, const FindQuery& query);

/// Which handles of a snapshot refer to each object: built once per snapshot (one pass),
/// then every lookup is a search in a sorted table. Points into the snapshot, which must
/// outlive it. Objects without an identity, or whose identity is shared by every object
/// of their kind (anonymous inodes), are not indexed.
class HolderIndex {
public:
    explicit HolderIndex(const Snapshot& snapshot);
    /// Every handle that refers to `object`, in pid and value order.
    [[nodiscard]] std::span<const FindHit> holders(const ObjectId& object) const;

private:
    std::vector<std::pair<ObjectId, FindHit>> m_byObject; // sorted by object, then pid, value
    std::vector<FindHit> m_hits;                          // m_byObject's hits, same order
};

/// One handle that refers to the object asked about, found without a snapshot.
struct Holder {
    ProcessKey process;
    std::string processName;
    HandleInfo handle; ///< Detail::Fast
};

/// Every handle of every process that refers to `object`, read on demand: no snapshot is
/// built; each fd of the machine is compared by identity, and only the matching ones are
/// read and kept. Processes we may not inspect are skipped; cancelling returns
/// cancelledError. Linux compares on as many threads as there are cores, started from the
/// calling thread, as takeSnapshot does.
Result<std::vector<Holder>> findHolders(const ObjectId& object, const CancelToken& cancel = {});

} // namespace hs
