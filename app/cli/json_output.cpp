// SPDX-License-Identifier: MIT
#include "json_output.h"

#include "output.h"

#include <chrono>
#include <cstdio>

namespace hs::cli {

void JsonWriter::flush()
{
    if (!m_buf.empty()) {
        std::fwrite(m_buf.data(), 1, m_buf.size(), m_out);
        m_buf.clear();
    }
}

void JsonWriter::raw(std::string_view s)
{
    m_buf.append(s);
    if (m_buf.size() > (1 << 16))
        flush();
}

void JsonWriter::separator()
{
    if (m_needComma)
        m_buf += ',';
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separator();
    raw("{");
    m_needComma = false;
}
void JsonWriter::endObject()
{
    raw("}");
    m_needComma = true;
}
void JsonWriter::beginArray()
{
    separator();
    raw("[");
    m_needComma = false;
}
void JsonWriter::endArray()
{
    raw("]");
    m_needComma = true;
}

void JsonWriter::key(std::string_view k)
{
    value(k);
    m_buf += ':';
    m_needComma = false;
}

namespace {
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
} // namespace

void JsonWriter::value(std::string_view s)
{
    separator();
    m_buf += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            m_buf += '\\';
            m_buf += static_cast<char>(c);
            ++i;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            m_buf += buf;
            ++i;
        } else if (c < 0x80) {
            m_buf += static_cast<char>(c);
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
    if (m_buf.size() > (1 << 16))
        flush();
}

void JsonWriter::value(std::int64_t v)
{
    separator();
    raw(std::to_string(v));
}
void JsonWriter::value(std::uint64_t v)
{
    separator();
    raw(std::to_string(v));
}
void JsonWriter::value(bool v)
{
    separator();
    raw(v ? "true" : "false");
}
void JsonWriter::null()
{
    separator();
    raw("null");
}

void writeError(JsonWriter& w, const Error& e)
{
    w.beginObject();
    w.field("operation", e.operation);
    w.field("os_code", e.osCode);
    w.field("os_name", e.osName);
    w.field("os_text", e.osText);
    w.field("hint", e.hint);
    w.field("message", e.message());
    w.endObject();
}

void writeProcess(JsonWriter& w, const ProcessInfo& p)
{
    w.field("pid", p.pid);
    w.field("ppid", p.parentPid);
    w.field("name", p.name);
    w.field("executable", p.executable);
    w.field("command_line", p.commandLine);
    w.field("user", p.user);
    w.field("uid", p.uid);
    w.field("state", toString(p.state));
    w.field("start_time", p.startTime);
    w.field("started_unix_ms",
            static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(p.started.time_since_epoch()).count()));
    w.field("handle_count", p.handleCount);
    w.key("access_error");
    if (p.accessError)
        writeError(w, *p.accessError);
    else
        w.null();
}

void writeHandle(JsonWriter& w, const HandleInfo& h)
{
    w.beginObject();
    w.field("handle", h.value);
    w.field("type", toString(h.kind));
    w.field("type_name", h.typeName);
    w.field("name", h.name);
    w.field("deleted", h.deleted);
    w.field("access", toString(h.access));
    w.key("inheritable");
    if (h.inheritable)
        w.value(*h.inheritable);
    else
        w.null();
    w.key("offset");
    if (h.offset)
        w.value(*h.offset);
    else
        w.null();
    w.field("open_flags", static_cast<std::uint64_t>(h.openFlags));
    w.key("flags");
    w.beginArray();
    for (const auto& f : h.flagNames)
        w.value(f);
    w.endArray();
    w.field("granted_access", static_cast<std::uint64_t>(h.grantedAccess));
    w.field("access_text", h.accessText);
    w.field("protect_from_close", h.protectFromClose);
    w.key("object");
    if (h.object.valid()) {
        w.beginObject();
        w.field("id", toString(h.object));
        w.field("device", h.object.device);
        w.field("inode", h.object.inode);
        w.field("shared_inode", h.object.sharedInode);
        w.endObject();
    } else {
        w.null();
    }
    w.key("socket");
    if (h.socket) {
        w.beginObject();
        w.field("family", h.socket->family);
        w.field("protocol", h.socket->protocol);
        w.field("local", h.socket->localAddress);
        w.field("remote", h.socket->remoteAddress);
        w.field("state", h.socket->state);
        w.field("peer_inode", h.socket->peerInode);
        w.endObject();
    } else {
        w.null();
    }
    w.field("referenced_pid", h.referencedPid);
    w.key("extras");
    w.beginObject();
    for (const auto& [k, v] : h.extras)
        w.field(k, v);
    w.endObject();
    w.field("partial_error", h.partialError);
    w.endObject();
}

} // namespace hs::cli
