// SPDX-License-Identifier: MIT
// The snapshot reader, hs::json::readSnapshot (core/src/common/json_read.cpp and
// snapshot_*.cpp), on any text: a file given to `handlescope-cli diff` may hold anything.
// It must fail with a whole error, or give a snapshot that, written and read again, writes
// the same text: the reader keeps everything the writer writes.
#include "fuzz_common.h"

#include "handlescope/json.h"
#include "handlescope/json_read.h"

#include <string>

namespace {

std::string written(const hs::Snapshot& s)
{
    hs::json::Writer w;
    hs::json::writeSnapshotDocument(w, s);
    return w.take();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto snapshot = hs::json::readSnapshot(hs::fuzz::asText(data, size));
    if (!snapshot) {
        const hs::Error& e = snapshot.error();
        HS_FUZZ_CHECK(e.operation == "read snapshot");
        HS_FUZZ_CHECK(!e.osText.empty());
        HS_FUZZ_CHECK(!e.hint.empty());
        return 0;
    }
    const std::string once = written(*snapshot);
    const auto again = hs::json::readSnapshot(once);
    HS_FUZZ_CHECK(again.has_value());
    HS_FUZZ_CHECK(again->processes.size() == snapshot->processes.size());
    HS_FUZZ_CHECK(written(*again) == once);
    return 0;
}
