// SPDX-License-Identifier: MIT
// Writing a snapshot diff out of the desktop app: CSV for a spreadsheet (one line per
// group), JSON in the shape of `handlescope-cli diff --json` (groups and every handle).
#pragma once

#include "handlescope/diff.h"
#include "handlescope/model.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hs::ui {

/// change,type,pattern,count,pids,example: one line per group, largest first, CRLF lines.
QString diffGroupsToCsv(const hs::SnapshotDiff& diff);

/// The CLI's diff document (docs/json-schema.md), its "before"/"after" naming the app's
/// snapshots A and B instead of files; `pid` is the process compared, none for the machine.
QByteArray diffToJson(const hs::SnapshotDiff& diff, const hs::Snapshot& a, const hs::Snapshot& b,
                      std::optional<hs::Pid> pid);

} // namespace hs::ui
