// SPDX-License-Identifier: MIT
#pragma once

// The two ways to read a whole-machine snapshot on Linux. takeSnapshot (snapshot_linux.cpp)
// picks one: HANDLESCOPE_SNAPSHOT_BACKEND if set, else the BPF iterator when it loads, else /proc.

#include "handlescope/cancel.h"
#include "handlescope/inspect.h"
#include "handlescope/model.h"

namespace hs::linux_ {

/// Every process from /proc, its fds one readlink each (backend "procfs").
Result<Snapshot> takeProcfsSnapshot(Detail detail, const CancelToken& cancel);

/// Every fd from one read of a BPF task_file iterator, process details from /proc (backend
/// "bpf-iter"). Full detail costs the same as Fast here. Fails when the
/// iterator cannot be loaded (not built, no privilege, no BTF); the first failure is kept
/// and returned again without another try.
Result<Snapshot> takeBpfSnapshot(Detail detail, const CancelToken& cancel);

/// The same, each process handed to `visitor` as soon as the iterator has passed it (see
/// hs::visitSnapshot); takeBpfSnapshot collects what this hands over.
Result<Snapshot> visitBpfSnapshot(Detail detail, SnapshotVisitor& visitor, const CancelToken& cancel);

} // namespace hs::linux_
