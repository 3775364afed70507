// SPDX-License-Identifier: MIT
// The keys of a snapshot document (docs/json-schema.md) the reader knows, and where they go.
#pragma once

#include <cstdint>
#include <string_view>

namespace hs::json::detail {

/// Every key the reader knows, of any object; the object it is in gives its meaning.
/// Grouped by object: isFieldOf relies on the order.
enum class Key : std::uint8_t {
    Unknown,
    // snapshot document
    Schema, TakenAt, Detail, Backend, Processes, DurationUs,
    // Process
    Pid, Ppid, Name, Executable, CommandLine, User, Uid, Session, State, StartTime, StartedMs, HandleCount,
    AccessError, Handles,
    // Error
    Operation, OsCode, OsName, OsText, Hint,
    // Handle
    Handle, Type, TypeName, Deleted, Access, Inheritable, Offset, OpenFlags, Flags, GrantedAccess, AccessText,
    ProtectFromClose, Object, Socket, ReferencedPid, Extras, PartialError,
    // Object
    Device, Inode, SharedInode,
    // Socket
    Family, Protocol, Local, Remote, PeerInode,
};

/// The object or array the reader is in.
enum class Frame : std::uint8_t { Top, Document, Processes, Process, AccessError, Handles, Handle, Object, Socket, Extras, Flags };

struct KeyName {
    std::string_view name;
    Key key;
    std::string_view expected; ///< for errors: what its value must be
};

/// The key of that name, or null for a key the reader does not know.
[[nodiscard]] const KeyName* findKey(std::string_view name);
/// What a key's value must be, for errors: "an integer", "an Object or null"...
[[nodiscard]] std::string_view expectedOf(Key key);
/// Whether `key` is a field of the objects of `frame`.
[[nodiscard]] bool isFieldOf(Key key, Frame frame);

} // namespace hs::json::detail
