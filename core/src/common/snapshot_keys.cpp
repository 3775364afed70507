// SPDX-License-Identifier: MIT
// Key names as core/src/common/json.cpp writes them; keep the two in step.
#include "snapshot_keys.h"

#include <array>
#include <unordered_map>

namespace hs::json::detail {

namespace {
constexpr std::string_view kInteger = "an integer";
constexpr std::string_view kString = "a string";
constexpr std::string_view kBool = "a boolean";

constexpr std::array kKeys{
    KeyName{"schema", Key::Schema, kString},
    KeyName{"taken_at_unix_ms", Key::TakenAt, kInteger},
    KeyName{"detail", Key::Detail, kString},
    KeyName{"backend", Key::Backend, kString},
    KeyName{"processes", Key::Processes, "an array"},
    KeyName{"duration_us", Key::DurationUs, kInteger},
    KeyName{"pid", Key::Pid, kInteger},
    KeyName{"ppid", Key::Ppid, kInteger},
    KeyName{"name", Key::Name, kString},
    KeyName{"executable", Key::Executable, kString},
    KeyName{"command_line", Key::CommandLine, kString},
    KeyName{"user", Key::User, kString},
    KeyName{"uid", Key::Uid, kInteger},
    KeyName{"session", Key::Session, kInteger},
    KeyName{"state", Key::State, kString},
    KeyName{"start_time", Key::StartTime, "an unsigned integer"},
    KeyName{"started_unix_ms", Key::StartedMs, kInteger},
    KeyName{"handle_count", Key::HandleCount, kInteger},
    KeyName{"access_error", Key::AccessError, "an Error object or null"},
    KeyName{"handles", Key::Handles, "an array"},
    KeyName{"operation", Key::Operation, kString},
    KeyName{"os_code", Key::OsCode, kInteger},
    KeyName{"os_name", Key::OsName, kString},
    KeyName{"os_text", Key::OsText, kString},
    KeyName{"hint", Key::Hint, kString},
    KeyName{"handle", Key::Handle, kInteger},
    KeyName{"type", Key::Type, kString},
    KeyName{"type_name", Key::TypeName, kString},
    KeyName{"deleted", Key::Deleted, kBool},
    KeyName{"access", Key::Access, kString},
    KeyName{"inheritable", Key::Inheritable, "a boolean or null"},
    KeyName{"offset", Key::Offset, "an unsigned integer or null"},
    KeyName{"open_flags", Key::OpenFlags, "an unsigned 32-bit integer"},
    KeyName{"flags", Key::Flags, "an array"},
    KeyName{"granted_access", Key::GrantedAccess, "an unsigned 32-bit integer"},
    KeyName{"access_text", Key::AccessText, kString},
    KeyName{"protect_from_close", Key::ProtectFromClose, kBool},
    KeyName{"object", Key::Object, "an Object or null"},
    KeyName{"socket", Key::Socket, "a Socket object or null"},
    KeyName{"referenced_pid", Key::ReferencedPid, kInteger},
    KeyName{"extras", Key::Extras, "an object of strings"},
    KeyName{"partial_error", Key::PartialError, kString},
    KeyName{"device", Key::Device, "an unsigned integer"},
    KeyName{"inode", Key::Inode, "an unsigned integer"},
    KeyName{"shared_inode", Key::SharedInode, kBool},
    KeyName{"family", Key::Family, kString},
    KeyName{"protocol", Key::Protocol, kString},
    KeyName{"local", Key::Local, kString},
    KeyName{"remote", Key::Remote, kString},
    KeyName{"peer_inode", Key::PeerInode, "an unsigned integer"},
};

} // namespace

const KeyName* findKey(std::string_view name)
{
    // A hash, not a walk of the table: a 100,000-handle document has two million keys.
    static const auto byName = [] {
        std::unordered_map<std::string_view, const KeyName*> m;
        for (const auto& k : kKeys)
            m.emplace(k.name, &k);
        return m;
    }();
    const auto it = byName.find(name);
    return it == byName.end() ? nullptr : it->second;
}

std::string_view expectedOf(Key key)
{
    for (const auto& k : kKeys)
        if (k.key == key)
            return k.expected;
    return "a value";
}

bool isFieldOf(Key key, Frame frame)
{
    // A few names serve in several objects: "name", "state", "pid", "handle".
    const auto between = [key](Key first, Key last) { return key >= first && key <= last; };
    switch (frame) {
    case Frame::Document: return between(Key::Schema, Key::DurationUs);
    case Frame::Process: return between(Key::Pid, Key::Handles);
    case Frame::AccessError: return between(Key::Operation, Key::Hint) || key == Key::Pid || key == Key::Handle;
    case Frame::Handle: return between(Key::Handle, Key::PartialError) || key == Key::Name;
    case Frame::Object: return between(Key::Device, Key::SharedInode);
    case Frame::Socket: return between(Key::Family, Key::PeerInode) || key == Key::State;
    default: return false;
    }
}

} // namespace hs::json::detail
