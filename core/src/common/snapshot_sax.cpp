// SPDX-License-Identifier: MIT
// The structure of a snapshot document: which object the parser is in, and errors.
#include "snapshot_sax.h"

#include <string>

namespace hs::json::detail {

namespace {
constexpr std::string_view kNotSnapshotHint =
    "write a snapshot with `handlescope-cli snapshot --json [--full] > FILE` and read that file";
constexpr std::string_view kDamagedHint =
    "the file was not written by handlescope-cli snapshot --json, or was changed since; write it again";
} // namespace

SnapshotSax::SnapshotSax(std::string operation)
    : m_operation(std::move(operation))
{
}

// ---- scalar events -------------------------------------------------------------------

bool SnapshotSax::null() { return scalar({.type = Scalar::Type::Null}); }
bool SnapshotSax::boolean(bool v) { return scalar({.type = Scalar::Type::Bool, .boolean = v}); }
bool SnapshotSax::number_integer(Json::number_integer_t v) { return scalar({.type = Scalar::Type::Integer, .integer = v}); }
bool SnapshotSax::number_unsigned(Json::number_unsigned_t v)
{
    return scalar({.type = Scalar::Type::Unsigned, .unsignedInteger = v});
}
bool SnapshotSax::number_float(Json::number_float_t v, const Json::string_t&)
{
    return scalar({.type = Scalar::Type::Float, .floating = v});
}
bool SnapshotSax::string(Json::string_t& v) { return scalar({.type = Scalar::Type::String, .text = &v}); }
bool SnapshotSax::binary(Json::binary_t&) { return true; } // JSON text has no binary values

bool SnapshotSax::scalar(Scalar v)
{
    if (m_skipDepth > 0)
        return true;
    switch (m_frames.back()) {
    case Frame::Top:
        return documentError("the text is " + describe(v) + ", not a JSON object");
    case Frame::Document: return documentField(v);
    case Frame::Process: return processField(v);
    case Frame::AccessError: return errorField(v);
    case Frame::Handle: return handleField(v);
    case Frame::Object: return objectField(v);
    case Frame::Socket: return socketField(v);
    case Frame::Extras: return extra(v);
    case Frame::Flags: ++m_flagNames; return true;
    case Frame::Processes:
        m_keyName = "processes";
        return typeError(describe(v), "Process objects");
    case Frame::Handles:
        m_keyName = "handles";
        return typeError(describe(v), "Handle objects");
    }
    return true;
}

// ---- structure events ----------------------------------------------------------------

bool SnapshotSax::key(Json::string_t& k)
{
    if (m_skipDepth > 0)
        return true;
    const Frame frame = m_frames.back();
    if (frame == Frame::Extras) {
        m_extraKey = k;
        m_keyName = "extras";
        return true;
    }
    if (frame == Frame::Document && m_documentKeys.size() < 8)
        m_documentKeys.push_back(k);
    const KeyName* known = findKey(k);
    m_key = known ? known->key : Key::Unknown;
    m_keyName = known ? known->name : std::string_view();
    return true;
}

bool SnapshotSax::start_object(std::size_t) { return open(false); }
bool SnapshotSax::start_array(std::size_t) { return open(true); }

bool SnapshotSax::open(bool array)
{
    if (m_skipDepth > 0) {
        ++m_skipDepth;
        return true;
    }
    const std::string_view found = array ? "an array" : "an object";
    const Frame frame = m_frames.back();
    auto enter = [&](Frame next, bool wantArray) {
        if (array != wantArray)
            return typeError(found, expectedOf(m_key));
        m_frames.push_back(next);
        return true;
    };
    switch (frame) {
    case Frame::Top:
        if (array)
            return documentError("the text is a JSON array, not an object");
        m_frames.push_back(Frame::Document);
        return true;
    case Frame::Document:
        if (m_key == Key::Processes) {
            m_sawProcesses = true;
            if (!array)
                return documentError("\"processes\" is an object, expected an array");
            m_frames.push_back(Frame::Processes);
            return true;
        }
        break;
    case Frame::Processes:
        if (array) {
            m_keyName = "processes";
            return typeError(found, "Process objects");
        }
        m_snapshot.processes.emplace_back();
        m_sawPid = m_sawHandles = false;
        m_handleIndex = 0;
        m_frames.push_back(Frame::Process);
        return true;
    case Frame::Process:
        if (m_key == Key::AccessError) {
            m_snapshot.processes.back().process.accessError.emplace();
            m_errorHasPid = false;
            return enter(Frame::AccessError, false);
        }
        if (m_key == Key::Handles) {
            m_sawHandles = true;
            return enter(Frame::Handles, true);
        }
        break;
    case Frame::Handles:
        if (array) {
            m_keyName = "handles";
            return typeError(found, "Handle objects");
        }
        m_snapshot.processes.back().handles.emplace_back();
        m_openFlags = 0;
        m_flagNames = 0;
        m_hasSocket = false;
        m_frames.push_back(Frame::Handle);
        return true;
    case Frame::Handle:
        switch (m_key) {
        case Key::Object:
            m_snapshot.processes.back().handles.back().object = {};
            return enter(Frame::Object, false);
        case Key::Socket:
            m_socket = {};
            m_hasSocket = true;
            return enter(Frame::Socket, false);
        case Key::Extras: return enter(Frame::Extras, false);
        case Key::Flags: return enter(Frame::Flags, true);
        default: break;
        }
        break;
    case Frame::Extras: return typeError(found, "a string");
    case Frame::Flags:
    case Frame::AccessError:
    case Frame::Object:
    case Frame::Socket: break;
    }
    // A known scalar field holding a container is an error; the value of a field we do not
    // know (and the flags' names, which are derived), whatever it holds, is skipped.
    if (isFieldOf(m_key, frame))
        return typeError(found, expectedOf(m_key));
    m_skipDepth = 1;
    return true;
}

bool SnapshotSax::end_object()
{
    if (m_skipDepth > 0) {
        --m_skipDepth;
        return true;
    }
    const Frame frame = m_frames.back();
    m_frames.pop_back();
    m_key = Key::Unknown; // the parent's next event is a key or its end
    switch (frame) {
    case Frame::Process: return endProcess();
    case Frame::Handle: endHandle(); return true;
    case Frame::Document: return endDocument();
    default: return true;
    }
}

bool SnapshotSax::endDocument()
{
    std::string keys;
    for (const auto& k : m_documentKeys)
        keys += (keys.empty() ? "\"" : ", \"") + k + "\"";
    const std::string found = keys.empty() ? std::string("an empty object") : "keys " + keys;
    if (!m_sawSchema)
        return documentError("no \"schema\" field (found " + found + "): not a HandleScope document");
    if (!m_sawProcesses)
        return documentError("no \"processes\" array (found " + found +
                             "): a HandleScope document of another command, not a snapshot");
    return true;
}

bool SnapshotSax::end_array()
{
    if (m_skipDepth > 0) {
        --m_skipDepth;
        return true;
    }
    m_frames.pop_back();
    return true;
}

bool SnapshotSax::endProcess()
{
    auto& p = m_snapshot.processes.back().process;
    if (!m_sawPid)
        return documentError(where() + " has no \"pid\"");
    if (!m_sawHandles)
        return documentError(where() + " has no \"handles\" array: a `ps --json` document, not a snapshot");
    // Documents before the Error object had "pid": an access error is about its process.
    if (p.accessError && !m_errorHasPid)
        p.accessError->pid = p.pid;
    return true;
}

void SnapshotSax::endHandle()
{
    auto& h = m_snapshot.processes.back().handles.back();
    // The writer writes open_flags 0 both for "not read" and for O_RDONLY with no other flag;
    // the derived `flags` array tells them apart: it names the access mode whenever flags were read.
    if (m_openFlags != 0 || m_flagNames > 0)
        h.openFlags = static_cast<std::uint32_t>(m_openFlags);
    if (m_hasSocket)
        h.socket = std::make_shared<const SocketInfo>(std::move(m_socket));
    // An object without device and inode is written as null, so it reads back as "none".
    if (!h.object.valid())
        h.object = {};
    ++m_handleIndex;
}

// ---- errors ----------------------------------------------------------

std::string SnapshotSax::describe(const Scalar& v)
{
    switch (v.type) {
    case Scalar::Type::Null: return "null";
    case Scalar::Type::Bool: return v.boolean ? "true" : "false";
    case Scalar::Type::Integer: return "the number " + std::to_string(v.integer);
    case Scalar::Type::Unsigned: return "the number " + std::to_string(v.unsignedInteger);
    case Scalar::Type::Float: return "a number with a fraction or exponent";
    case Scalar::Type::String: return "a string";
    }
    return "a value";
}

std::string SnapshotSax::where() const
{
    const auto& processes = m_snapshot.processes;
    std::string text;
    bool inHandle = false;
    for (const Frame f : m_frames)
        inHandle = inHandle || f == Frame::Handle;
    if (inHandle)
        text = "handles[" + std::to_string(m_handleIndex) + "] of ";
    if (!processes.empty() && m_frames.size() > 2)
        return text + "processes[" + std::to_string(processes.size() - 1) + "]";
    return "the document";
}

bool SnapshotSax::typeError(std::string_view found, std::string_view expected)
{
    Error e{.operation = m_operation,
            .osText = "\"" + std::string(m_keyName) + "\" in " + where() + " is " + std::string(found) + ", expected " +
                      std::string(expected),
            .hint = std::string(kDamagedHint)};
    // The pid and fd make message() say "(pid 42, handle 5)", when they were read before the field.
    bool inProcess = false, inHandle = false;
    for (const Frame f : m_frames) {
        inProcess = inProcess || f == Frame::Process;
        inHandle = inHandle || f == Frame::Handle;
    }
    if (inProcess && m_sawPid)
        e.pid = m_snapshot.processes.back().process.pid;
    if (inHandle)
        e.handle = m_snapshot.processes.back().handles.back().value;
    m_error = std::move(e);
    return false;
}

bool SnapshotSax::documentError(std::string cause)
{
    m_error = Error{.operation = m_operation, .osText = std::move(cause), .hint = std::string(kNotSnapshotHint)};
    return false;
}

bool SnapshotSax::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex)
{
    if (!m_error) // our own stop is reported as it was recorded
        m_error = Error{.operation = m_operation,
                        .osText = "not JSON at byte " + std::to_string(position) + ": " + ex.what(),
                        .hint = "the file is cut short or is not a JSON document; " + std::string(kNotSnapshotHint)};
    return false;
}

Result<Snapshot> SnapshotSax::finish(bool parsed)
{
    if (m_error)
        return fail(std::move(*m_error));
    if (!parsed) // the parser stopped without saying why: should not happen
        return fail(Error{.operation = m_operation, .osText = "the JSON parser stopped", .hint = std::string(kDamagedHint)});
    return std::move(m_snapshot);
}

} // namespace hs::json::detail
