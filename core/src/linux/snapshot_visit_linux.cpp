// SPDX-License-Identifier: MIT
// A snapshot handed over one process at a time: streamed from the BPF iterator when
// takeSnapshot would use it, else read whole and then handed over.
#include "handlescope/inspect.h"

#include "common/visit_whole.h"

#include "backend_env_linux.h"
#include "snapshot_bpf_linux.h"

namespace hs {

namespace {


/// Remembers whether begin() was called, so a failure before it can still fall back.
class Started final : public SnapshotVisitor {
public:
    explicit Started(SnapshotVisitor& to)
        : m_to(to)
    {
    }
    bool started = false;
    void begin(const Snapshot& header) override
    {
        started = true;
        m_to.begin(header);
    }
    void process(ProcessHandles& p) override { m_to.process(p); }

private:
    SnapshotVisitor& m_to;
};

} // namespace

Result<Snapshot> visitSnapshot(SnapshotVisitor& visitor, Detail detail, const CancelToken& cancel)
{
    // The backend as takeSnapshot chooses it: only the iterator streams; for anything else
    // takeSnapshot reads (or refuses) as usual.
    auto forced = linux_::forcedBackend();
    if (!forced || *forced == linux_::ForcedBackend::Procfs)
        return detail::visitWholeSnapshot(visitor, detail, cancel);
    Started started(visitor);
    auto header = linux_::visitBpfSnapshot(detail, started, cancel);
    if (header || started.started || isCancelled(header.error()) || *forced == linux_::ForcedBackend::BpfIter)
        return header;
    return detail::visitWholeSnapshot(visitor, detail, cancel); // takeSnapshot logs why the iterator is not used
}

} // namespace hs
