// SPDX-License-Identifier: MIT
// Reading a `snapshot --json` document (docs/json-schema.md) back into the model, for
// `handlescope-cli diff A.json B.json` (#15).
#pragma once

#include "handlescope/error.h"
#include "handlescope/model.h"

#include <string>
#include <string_view>

namespace hs::json {

/// A snapshot document as hs::json::writeSnapshotDocument writes it. Parsed as a stream
/// (SAX) straight into the model: a whole-machine snapshot is 45 MB of JSON, and a DOM of it
/// would take several times that. Fields it does not know are ignored, as the schema asks;
/// derived fields (`description`, `flags`, `message`, `id`) are not read.
/// Fails, naming the cause, on text that is not JSON (with the byte offset), a document that
/// is not a handlescope/1 snapshot (what was found instead), or a field of the wrong type
/// (the field, and the pid and fd where they are known).
[[nodiscard]] Result<Snapshot> readSnapshot(std::string_view text);

/// The same from a file, read in chunks rather than whole; fails also if it cannot be read.
[[nodiscard]] Result<Snapshot> readSnapshotFile(const std::string& path);

} // namespace hs::json
