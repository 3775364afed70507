// SPDX-License-Identifier: MIT
// The objects and documents of docs/json-schema.md; keep the two in step.
#include "handlescope/json.h"

#include "handlescope/describe.h"

#include <charconv>
#include <chrono>

namespace hs::json {

namespace {
template <class Unit, class Duration>
std::int64_t count(Duration d)
{
    return static_cast<std::int64_t>(std::chrono::duration_cast<Unit>(d).count());
}

std::int64_t unixMs(std::chrono::system_clock::time_point t)
{
    return count<std::chrono::milliseconds>(t.time_since_epoch());
}

void writeObjectId(Writer& w, const ObjectId& id)
{
    w.beginObject();
    w.field("id", toString(id));
    w.field("device", id.device);
    w.field("inode", id.inode);
    w.field("shared_inode", id.sharedInode);
    w.endObject();
}

void writeSocket(Writer& w, const SocketInfo& s)
{
    w.beginObject();
    w.field("family", s.family);
    w.field("protocol", s.protocol);
    w.field("local", s.localAddress);
    w.field("remote", s.remoteAddress);
    w.field("state", s.state);
    w.field("peer_inode", s.peerInode);
    w.endObject();
}
} // namespace

void writeError(Writer& w, const Error& e)
{
    w.beginObject();
    w.field("operation", e.operation);
    w.field("pid", e.pid);
    w.field("handle", e.handle);
    w.field("os_code", e.osCode);
    w.field("os_name", e.osName);
    w.field("os_text", e.osText);
    w.field("hint", e.hint);
    w.field("message", e.message());
    w.endObject();
}

void writeProcessFields(Writer& w, const ProcessInfo& p)
{
    w.field("pid", p.pid);
    w.field("ppid", p.parentPid);
    w.field("name", p.name);
    w.field("executable", p.executable);
    w.field("command_line", p.commandLine);
    w.field("user", p.user);
    w.field("uid", p.uid);
    w.field("session", p.session);
    w.field("state", toString(p.state));
    w.field("start_time", p.startTime);
    w.field("started_unix_ms", unixMs(p.started));
    w.field("handle_count", p.handleCount);
    w.key("access_error");
    if (p.accessError)
        writeError(w, *p.accessError);
    else
        w.null();
}

void writeProcess(Writer& w, const ProcessInfo& p)
{
    w.beginObject();
    writeProcessFields(w, p);
    w.endObject();
}

void writeHandle(Writer& w, const HandleInfo& h)
{
    w.beginObject();
    w.field("handle", h.value);
    w.field("type", toString(h.kind));
    w.field("type_name", h.typeName);
    w.field("name", h.name);
    thread_local std::string description; // reused, not allocated per handle of a snapshot
    describeName(h, description);
    w.field("description", description);
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
    w.field("open_flags", static_cast<std::uint64_t>(h.openFlags.value_or(0)));
    w.key("flags");
    w.beginArray();
    if (h.openFlags)
        for (const auto f : openFlagNames(*h.openFlags))
            w.value(f);
    w.endArray();
    w.field("granted_access", static_cast<std::uint64_t>(h.grantedAccess));
    w.field("access_text", h.accessText);
    w.field("protect_from_close", h.protectFromClose);
    w.key("object");
    if (h.object.valid())
        writeObjectId(w, h.object);
    else
        w.null();
    w.key("socket");
    if (h.socket)
        writeSocket(w, *h.socket);
    else
        w.null();
    w.field("referenced_pid", h.referencedPid);
    w.key("peers");
    w.beginArray();
    for (const auto& peer : h.peers) {
        w.beginObject();
        w.field("pid", peer.pid);
        w.field("process", peer.processName);
        w.field("handle", peer.value);
        w.endObject();
    }
    w.endArray();
    w.key("extras");
    w.beginObject();
    if (h.mountId) { // an extra in the document, as fdinfo lists it; a field in the model
        char text[24];
        const auto end = std::to_chars(text, text + sizeof text, *h.mountId).ptr;
        w.field("mnt_id", std::string_view(text, static_cast<std::size_t>(end - text)));
    }
    for (const auto& [k, v] : h.extras)
        w.field(k, v);
    w.endObject();
    w.field("partial_error", h.partialError);
    w.endObject();
}

void writeHit(Writer& w, Pid pid, std::string_view processName, const HandleInfo& h)
{
    w.beginObject();
    w.field("pid", pid);
    w.field("process", processName);
    w.key("handle");
    writeHandle(w, h);
    w.endObject();
}

void writeProcessesDocument(Writer& w, std::span<const ProcessInfo> processes)
{
    beginDocument(w);
    w.key("processes");
    w.beginArray();
    for (const auto& p : processes)
        writeProcess(w, p);
    w.endArray();
    endDocument(w);
}

void writeHandlesDocument(Writer& w, const ProcessInfo& process, std::span<const HandleInfo> handles)
{
    beginDocument(w);
    w.key("process");
    writeProcess(w, process);
    w.key("handles");
    w.beginArray();
    for (const auto& h : handles)
        writeHandle(w, h);
    w.endArray();
    endDocument(w);
}

void beginSnapshotDocument(Writer& w, const Snapshot& header)
{
    beginDocument(w);
    w.field("taken_at_unix_ms", unixMs(header.takenAt));
    w.field("detail", header.detail == Detail::Full ? "full" : "fast");
    w.field("backend", header.backend);
    w.key("processes");
    w.beginArray();
}

void writeSnapshotProcess(Writer& w, const ProcessHandles& p)
{
    w.beginObject();
    writeProcessFields(w, p.process);
    w.key("handles");
    w.beginArray();
    for (const auto& h : p.handles)
        writeHandle(w, h);
    w.endArray();
    w.endObject();
}

void endSnapshotDocument(Writer& w, const Snapshot& header)
{
    w.endArray();
    w.field("duration_us", count<std::chrono::microseconds>(header.duration));
    endDocument(w);
}

void writeSnapshotDocument(Writer& w, const Snapshot& snapshot)
{
    beginSnapshotDocument(w, snapshot);
    for (const auto& p : snapshot.processes)
        writeSnapshotProcess(w, p);
    endSnapshotDocument(w, snapshot);
}

void writeHitsDocument(Writer& w, std::span<const FindHit> hits)
{
    beginDocument(w);
    w.key("hits");
    w.beginArray();
    for (const auto& hit : hits)
        writeHit(w, hit.process->pid, hit.process->name, *hit.handle);
    w.endArray();
    endDocument(w);
}

std::string handlesDocument(const ProcessInfo& process, std::span<const HandleInfo> handles)
{
    Writer w;
    writeHandlesDocument(w, process, handles);
    return w.take();
}

} // namespace hs::json
