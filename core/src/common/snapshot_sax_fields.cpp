// SPDX-License-Identifier: MIT
// The fields of a snapshot document into the model. Encodings mirror
// core/src/common/json.cpp (the writer); keep the two in step.
#include "snapshot_sax.h"

#include "handlescope/json.h"

#include <charconv>
#include <chrono>
#include <limits>

namespace hs::json::detail {

namespace {
ProcessState stateFromString(std::string_view s)
{
    for (int i = 0; i <= static_cast<int>(ProcessState::Unknown); ++i)
        if (const auto state = static_cast<ProcessState>(i); toString(state) == s)
            return state;
    return ProcessState::Unknown; // an open enumeration: a newer writer may add states
}

AccessMode accessFromString(std::string_view s)
{
    for (const auto mode : {AccessMode::None, AccessMode::Read, AccessMode::Write, AccessMode::ReadWrite})
        if (toString(mode) == s)
            return mode;
    return AccessMode::Unknown;
}

// Milliseconds and microseconds that fit a system_clock time point or nanoseconds without
// overflow (on Windows the clock counts 100 ns, which leaves more room).
constexpr std::int64_t kMostMs = std::numeric_limits<std::int64_t>::max() / 1'000'000;
constexpr std::int64_t kMostUs = std::numeric_limits<std::int64_t>::max() / 1'000;
} // namespace

bool SnapshotSax::documentField(Scalar& v)
{
    auto& s = m_snapshot;
    switch (m_key) {
    case Key::Schema: {
        std::string schema;
        if (!toString(v, schema))
            return false;
        if (schema != kSchema)
            return documentError("\"schema\" is \"" + schema + "\", expected \"" + std::string(kSchema) +
                                 "\": not a HandleScope document, or one of a newer, incompatible version");
        m_sawSchema = true;
        return true;
    }
    case Key::TakenAt: return toMs(v, s.takenAt);
    case Key::DurationUs: {
        std::int64_t us = 0;
        if (!toInt(v, us))
            return false;
        if (us < -kMostUs || us > kMostUs)
            return typeError(describe(v), "microseconds that fit 64-bit nanoseconds");
        s.duration = std::chrono::microseconds(us);
        return true;
    }
    case Key::Detail: {
        std::string detail;
        if (!toString(v, detail))
            return false;
        s.detail = detail == "full" ? Detail::Full : Detail::Fast;
        return true;
    }
    case Key::Backend: return toString(v, s.backend);
    case Key::Processes:
        m_sawProcesses = true; // what was found goes in the error
        return documentError("\"processes\" is " + describe(v) + ", expected an array");
    default: return true; // a field of a newer writer
    }
}

bool SnapshotSax::processField(Scalar& v)
{
    auto& p = m_snapshot.processes.back().process;
    switch (m_key) {
    case Key::Pid: m_sawPid = true; return toInt(v, p.pid);
    case Key::Ppid: return toInt(v, p.parentPid);
    case Key::Name: return toString(v, p.name);
    case Key::Executable: return toString(v, p.executable);
    case Key::CommandLine: return toString(v, p.commandLine);
    case Key::User: return toString(v, p.user);
    case Key::Uid: return toInt(v, p.uid);
    case Key::Session: return toInt(v, p.session);
    case Key::State: {
        std::string state;
        if (!toString(v, state))
            return false;
        p.state = stateFromString(state);
        return true;
    }
    case Key::StartTime: return toUint(v, p.startTime);
    case Key::StartedMs: return toMs(v, p.started);
    case Key::HandleCount: return toInt(v, p.handleCount);
    case Key::AccessError:
        if (v.type == Scalar::Type::Null) {
            p.accessError.reset();
            return true;
        }
        return typeError(describe(v), expectedOf(m_key));
    case Key::Handles: return typeError(describe(v), expectedOf(m_key));
    default: return true;
    }
}

bool SnapshotSax::errorField(Scalar& v)
{
    auto& e = *m_snapshot.processes.back().process.accessError;
    switch (m_key) {
    case Key::Operation: return toString(v, e.operation);
    case Key::Pid: m_errorHasPid = true; return toInt(v, e.pid);
    case Key::Handle: return toInt(v, e.handle);
    case Key::OsCode: return toInt(v, e.osCode);
    case Key::OsName: return toString(v, e.osName);
    case Key::OsText: return toString(v, e.osText);
    case Key::Hint: return toString(v, e.hint);
    default: return true; // "message" is derived from the others
    }
}

bool SnapshotSax::handleField(Scalar& v)
{
    auto& h = m_snapshot.processes.back().handles.back();
    switch (m_key) {
    case Key::Handle: return toInt(v, h.value);
    case Key::Type: {
        std::string type;
        if (!toString(v, type))
            return false;
        // An open enumeration: a type of a newer writer reads as Unknown, type_name keeps the OS's name.
        h.kind = handleKindFromString(type).value_or(HandleKind::Unknown);
        return true;
    }
    case Key::TypeName: return toString(v, h.typeName);
    case Key::Name: return toString(v, h.name);
    case Key::Deleted: return toBool(v, h.deleted);
    case Key::Access: {
        std::string access;
        if (!toString(v, access))
            return false;
        h.access = accessFromString(access);
        return true;
    }
    case Key::Inheritable:
        if (v.type == Scalar::Type::Null) {
            h.inheritable.reset();
            return true;
        }
        return toBool(v, h.inheritable.emplace());
    case Key::Offset:
        if (v.type == Scalar::Type::Null) {
            h.offset.reset();
            return true;
        }
        return toUint(v, h.offset.emplace());
    case Key::OpenFlags: return toUint(v, m_openFlags, UINT32_MAX);
    case Key::GrantedAccess: {
        std::uint64_t mask = 0;
        if (!toUint(v, mask, UINT32_MAX))
            return false;
        h.grantedAccess = static_cast<std::uint32_t>(mask);
        return true;
    }
    case Key::AccessText: return toString(v, h.accessText);
    case Key::ProtectFromClose: return toBool(v, h.protectFromClose);
    case Key::Object:
        if (v.type == Scalar::Type::Null) {
            h.object = {};
            return true;
        }
        return typeError(describe(v), expectedOf(m_key));
    case Key::Socket:
        if (v.type == Scalar::Type::Null) {
            m_hasSocket = false;
            return true;
        }
        return typeError(describe(v), expectedOf(m_key));
    case Key::ReferencedPid: return toInt(v, h.referencedPid);
    case Key::PartialError: return toString(v, h.partialError);
    case Key::Flags:
    case Key::Extras: return typeError(describe(v), expectedOf(m_key));
    default: return true;
    }
}

bool SnapshotSax::objectField(Scalar& v)
{
    auto& id = m_snapshot.processes.back().handles.back().object;
    switch (m_key) {
    case Key::Device: return toUint(v, id.device);
    case Key::Inode: return toUint(v, id.inode);
    case Key::SharedInode: return toBool(v, id.sharedInode);
    default: return true; // "id" is derived from device and inode
    }
}

bool SnapshotSax::socketField(Scalar& v)
{
    switch (m_key) {
    case Key::Family: return toString(v, m_socket.family);
    case Key::Protocol: return toString(v, m_socket.protocol);
    case Key::Local: return toString(v, m_socket.localAddress);
    case Key::Remote: return toString(v, m_socket.remoteAddress);
    case Key::State: return toString(v, m_socket.state);
    case Key::PeerInode: return toUint(v, m_socket.peerInode);
    default: return true;
    }
}

bool SnapshotSax::extra(Scalar& v)
{
    auto& h = m_snapshot.processes.back().handles.back();
    std::string value;
    if (!toString(v, value))
        return false;
    // The mount id is a field of the model but an extra of the document, as fdinfo lists it.
    if (m_extraKey == "mnt_id" && !h.mountId) {
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
        if (ec == std::errc() && end == value.data() + value.size() && !value.empty()) {
            h.mountId = id;
            return true;
        }
    }
    h.extras.emplace_back(std::move(m_extraKey), std::move(value));
    return true;
}

// ---- conversions ----------------------------------------------------------------------

bool SnapshotSax::toInt(const Scalar& v, std::int64_t& out)
{
    if (v.type == Scalar::Type::Integer) {
        out = v.integer;
        return true;
    }
    if (v.type == Scalar::Type::Unsigned && v.unsignedInteger <= static_cast<std::uint64_t>(INT64_MAX)) {
        out = static_cast<std::int64_t>(v.unsignedInteger);
        return true;
    }
    return typeError(describe(v), expectedOf(m_key));
}

bool SnapshotSax::toUint(const Scalar& v, std::uint64_t& out, std::uint64_t most)
{
    if (v.type == Scalar::Type::Unsigned && v.unsignedInteger <= most) {
        out = v.unsignedInteger;
        return true;
    }
    return typeError(describe(v), expectedOf(m_key));
}

bool SnapshotSax::toBool(const Scalar& v, bool& out)
{
    if (v.type != Scalar::Type::Bool)
        return typeError(describe(v), "a boolean");
    out = v.boolean;
    return true;
}

bool SnapshotSax::toString(Scalar& v, std::string& out)
{
    if (v.type != Scalar::Type::String)
        return typeError(describe(v), "a string");
    out = *v.text; // copied, not moved: the lexer's buffer keeps its capacity for the next string
    return true;
}

bool SnapshotSax::toMs(const Scalar& v, std::chrono::system_clock::time_point& out)
{
    std::int64_t ms = 0;
    if (!toInt(v, ms))
        return false;
    if (ms < -kMostMs || ms > kMostMs)
        return typeError(describe(v), "Unix milliseconds before the year 2262");
    out = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::milliseconds(ms)));
    return true;
}

} // namespace hs::json::detail
