// SPDX-License-Identifier: MIT
// The JSON documents of docs/json-schema.md: the CLI's --json output and the GUI's export.
#pragma once

#include "handlescope/find.h"
#include "handlescope/model.h"

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

namespace hs::json {

/// Schema version of every document; bump on any incompatible change (docs/json-schema.md).
inline constexpr std::string_view kSchema = "handlescope/1";

/// A small streaming JSON writer. Streaming, not a DOM: a whole-machine snapshot has
/// 100,000 handles and must print in a fraction of the time it takes to read them.
/// Strings are always valid UTF-8: invalid bytes (legal in Linux file names) become U+FFFD.
class Writer {
public:
    /// Keeps the text in memory; take() returns it.
    Writer() = default;
    /// Writes the text to `out` in chunks as it grows, and the rest when destroyed.
    explicit Writer(std::FILE* out);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view k);
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(std::int64_t v);
    void value(std::uint64_t v);
    void value(bool v);
    /// Shortest text that reads back as the same double; null for NaN and infinities.
    void value(double v);
    void null();
    template <class T>
    void field(std::string_view k, const T& v)
    {
        key(k);
        value(v);
    }

    /// Writes what is buffered to the file (no-op for a writer that keeps the text).
    void flush();
    /// The text so far of a writer that keeps it, which then starts empty.
    [[nodiscard]] std::string take();

private:
    friend void endDocument(Writer& w);
    void separator();
    void afterAppend();
    /// Appends at most `most` bytes, written by write(char* at) which returns how many.
    template <class Write>
    void put(std::size_t most, Write&& write);
    template <class Number>
    void number(Number v); ///< a separator and the number, in one put

    std::FILE* m_out = nullptr;
    std::string m_buf;
    bool m_needComma = false;
};

/// Opens a document: {"schema":"handlescope/1"; the caller adds fields.
void beginDocument(Writer& w);
/// Closes it with "}" and a newline.
void endDocument(Writer& w);

void writeHandle(Writer& w, const HandleInfo& h);         ///< one Handle object
void writeProcessFields(Writer& w, const ProcessInfo& p); ///< a Process's fields, no braces
void writeProcess(Writer& w, const ProcessInfo& p);       ///< one Process object
void writeError(Writer& w, const Error& e);               ///< one Error object
/// One Hit object: {"pid", "process" (its name), "handle"}.
void writeHit(Writer& w, Pid pid, std::string_view processName, const HandleInfo& h);

// Whole documents, from beginDocument to endDocument.
/// `ps --json`
void writeProcessesDocument(Writer& w, std::span<const ProcessInfo> processes);
/// `handles PID --json`
void writeHandlesDocument(Writer& w, const ProcessInfo& process, std::span<const HandleInfo> handles);
/// `snapshot --json`
void writeSnapshotDocument(Writer& w, const Snapshot& snapshot);
/// The same document written as the snapshot is read (hs::visitSnapshot): the header's
/// fields and an open "processes" array, one process at a time, then the array closed and
/// duration_us (known only at the end, so it follows the processes).
void beginSnapshotDocument(Writer& w, const Snapshot& header);
void writeSnapshotProcess(Writer& w, const ProcessHandles& p);
void endSnapshotDocument(Writer& w, const Snapshot& header);
/// `find --json`, `holders --json`
void writeHitsDocument(Writer& w, std::span<const FindHit> hits);

/// The handles document as text (the GUI's export of one process).
[[nodiscard]] std::string handlesDocument(const ProcessInfo& process, std::span<const HandleInfo> handles);

} // namespace hs::json
