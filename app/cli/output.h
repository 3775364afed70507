// SPDX-License-Identifier: MIT
#pragma once

#include "args.h"
#include "handlescope/model.h"

#include <cstdio>
#include <string>
#include <vector>

namespace hs::cli {

enum class Format { Table, Json, Csv, Prometheus };

/// --json / --csv / --format table|json|csv|prometheus (for commands whose spec takes
/// --format) / default table. Fails if two disagree.
Result<Format> formatFrom(const Args& args);

/// --top N (a positive number), or `fallback` without it.
Result<std::size_t> topFrom(const Args& args, std::size_t fallback);

/// A listing: the same rows print as an aligned table or as RFC 4180 CSV.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> rightAligned; ///< per column; numbers read better right-aligned
};

void printTable(const Table& table, std::FILE* out = stdout);
void printCsv(const Table& table, std::FILE* out = stdout);
/// printCsv or printTable, as the format says (not for Json).
void printRows(const Table& table, Format format);
std::string csvField(const std::string& field);

/// Text for a person: control characters (a newline in a file name) shown as \n, \x1b.
std::string printable(const std::string& text);

// Rows for the standard listings, shared by the commands that print them.
Table processTable(const std::vector<ProcessInfo>& processes);
std::vector<std::string> handleHeader(bool withProcess);
/// An empty handle table with its header and alignment.
Table handleTable(bool withProcess);
/// One handle's row. The table says its type for people (describeType); CSV keeps the
/// stable id that --type and JSON use.
std::vector<std::string> handleRow(const HandleInfo& handle, const ProcessInfo* process, Format format);

} // namespace hs::cli
