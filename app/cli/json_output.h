// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <cstdio>
#include <string>
#include <string_view>

namespace hs::cli {

/// A small streaming JSON writer. Streaming, not a DOM: a whole-machine snapshot has
/// 100,000 handles and must print in a fraction of the time it takes to read them.
/// Strings are always valid UTF-8: invalid bytes (legal in Linux file names) become U+FFFD.
class JsonWriter {
public:
    explicit JsonWriter(std::FILE* out) : m_out(out) { m_buf.reserve(1 << 16); }
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

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
    void null();
    template <class T>
    void field(std::string_view k, const T& v)
    {
        key(k);
        value(v);
    }
    void flush();

private:
    void separator();
    void raw(std::string_view s);
    std::FILE* m_out;
    std::string m_buf;
    bool m_needComma = false;
};

/// Schema version of every --json output; bump on any incompatible change (docs/json-schema.md).
inline constexpr std::string_view kJsonSchema = "handlescope/1";

/// One --json document on stdout: {"schema": ..., <what the caller writes>} and a newline.
class JsonDocument : public JsonWriter {
public:
    JsonDocument() : JsonWriter(stdout)
    {
        beginObject();
        field("schema", kJsonSchema);
    }
    ~JsonDocument()
    {
        endObject();
        flush();
        std::fputc('\n', stdout);
    }
    JsonDocument(const JsonDocument&) = delete;
    JsonDocument& operator=(const JsonDocument&) = delete;
};

void writeProcess(JsonWriter& w, const ProcessInfo& p);          ///< the fields of a process, no braces
void writeHandle(JsonWriter& w, const HandleInfo& h);            ///< one handle object
void writeError(JsonWriter& w, const Error& e);                  ///< one error object

} // namespace hs::cli
