// SPDX-License-Identifier: MIT
#include "handlescope/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hs::json {

namespace {
constexpr std::size_t kChunk = 1 << 16;

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not valid.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(i + k) & 0xC0) != 0x80)
            return 0;
    if (n == 2 && c < 0xC2)
        return 0; // overlong
    if (n == 3) {
        const unsigned cp = ((c & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
    }
    if (n == 4) {
        const unsigned cp = ((c & 0x07u) << 18) | ((b(i + 1) & 0x3Fu) << 12);
        if (cp < 0x10000 || cp > 0x10FFFF)
            return 0;
    }
    return n;
}

/// Copied as it is inside a JSON string: printable ASCII but the quote and the backslash.
bool plainByte(char ch)
{
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

template <class Int>
void appendInteger(std::string& out, Int v)
{
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}
} // namespace

Writer::Writer(std::FILE* out)
    : m_out(out)
{
    m_buf.reserve(kChunk);
}

Writer::~Writer() { flush(); }

void Writer::flush()
{
    if (m_out && !m_buf.empty()) {
        std::fwrite(m_buf.data(), 1, m_buf.size(), m_out);
        m_buf.clear();
    }
}

std::string Writer::take()
{
    std::string text = std::move(m_buf);
    m_buf.clear();
    m_needComma = false;
    return text;
}

void Writer::afterAppend()
{
    if (m_out && m_buf.size() > kChunk)
        flush();
}

void Writer::separator()
{
    if (m_needComma)
        m_buf += ',';
    m_needComma = true;
}

void Writer::beginObject()
{
    separator();
    m_buf += '{';
    m_needComma = false;
}

void Writer::endObject()
{
    m_buf += '}';
    m_needComma = true;
    afterAppend();
}

void Writer::beginArray()
{
    separator();
    m_buf += '[';
    m_needComma = false;
}

void Writer::endArray()
{
    m_buf += ']';
    m_needComma = true;
    afterAppend();
}

template <class Write>
void Writer::put(std::size_t most, Write&& write)
{
    // One size check and direct stores, not an append per piece: a snapshot document is
    // millions of short keys and values, and the appends' checks were a fifth of its time.
    const std::size_t old = m_buf.size();
    m_buf.resize_and_overwrite(old + most, [&](char* p, std::size_t) { return old + write(p + old); });
}

void Writer::key(std::string_view k)
{
    // Keys are nearly always our own ASCII names: separator, quotes and colon at once.
    if (std::ranges::all_of(k, plainByte)) {
        put(k.size() + 4, [&](char* p) {
            char* q = p;
            if (m_needComma)
                *q++ = ',';
            *q++ = '"';
            q = std::copy(k.begin(), k.end(), q);
            *q++ = '"';
            *q++ = ':';
            return static_cast<std::size_t>(q - p);
        });
    } else {
        value(k);
        m_buf += ':';
    }
    m_needComma = false;
}

void Writer::value(std::string_view s)
{
    if (std::ranges::all_of(s, plainByte)) { // nearly every value: no escaping
        put(s.size() + 3, [&](char* p) {
            char* q = p;
            if (m_needComma)
                *q++ = ',';
            *q++ = '"';
            q = std::copy(s.begin(), s.end(), q);
            *q++ = '"';
            return static_cast<std::size_t>(q - p);
        });
        m_needComma = true;
        afterAppend();
        return;
    }
    separator();
    m_buf += '"';
    // Runs of plain ASCII (nearly all the text: keys, paths, kinds) are appended whole; only
    // quotes, backslashes, control bytes and non-ASCII bytes are looked at one by one.
    for (std::size_t i = 0; i < s.size();) {
        std::size_t run = i;
        while (run < s.size() && plainByte(s[run]))
            ++run;
        m_buf.append(s.data() + i, run - i);
        i = run;
        if (i == s.size())
            break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            m_buf += '\\';
            m_buf += static_cast<char>(c);
            ++i;
        } else if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            m_buf += "\\u00";
            m_buf += kHex[c >> 4];
            m_buf += kHex[c & 0xF];
            ++i;
        } else if (auto n = utf8Length(s, i)) {
            m_buf.append(s.substr(i, n));
            i += n;
        } else {
            m_buf += "\xEF\xBF\xBD"; // U+FFFD for a byte that is not UTF-8
            ++i;
        }
    }
    m_buf += '"';
    afterAppend();
}

template <class Number>
void Writer::number(Number v)
{
    constexpr std::size_t kRoom = 32; // a comma and the longest int64, uint64 or shortest double
    put(kRoom, [&](char* p) {
        char* q = p;
        if (m_needComma)
            *q++ = ',';
        return static_cast<std::size_t>(std::to_chars(q, p + kRoom, v).ptr - p);
    });
    m_needComma = true;
}

void Writer::value(std::int64_t v) { number(v); }

void Writer::value(std::uint64_t v) { number(v); }

void Writer::value(double v)
{
    if (!std::isfinite(v)) { // JSON has no NaN or infinity
        null();
        return;
    }
    number(v);
}

void Writer::value(bool v)
{
    separator();
    m_buf += v ? "true" : "false";
}

void Writer::null()
{
    separator();
    m_buf += "null";
}

void beginDocument(Writer& w)
{
    w.beginObject();
    w.field("schema", kSchema);
}

void endDocument(Writer& w)
{
    w.endObject();
    w.m_buf += '\n'; // ends the line, outside the JSON value
    w.afterAppend();
}

} // namespace hs::json
