// SPDX-License-Identifier: MIT
#pragma once

// Parsers for /proc text. Pure functions over a string_view so tests can feed them hostile
// input (names with spaces, parentheses, newlines, invalid UTF-8; truncated files).

#include "handlescope/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hs::linux_ {

struct StatFields {
    std::string name;          ///< between the first '(' and the LAST ')'
    char state = '?';
    std::int64_t ppid = -1;
    std::int64_t session = -1;
    std::uint64_t flags = 0;   ///< PF_* (PF_KTHREAD = 0x00200000)
    std::int64_t threads = 0;
    std::uint64_t startTime = 0; ///< clock ticks after boot
};

/// /proc/PID/stat. nullopt if the text is truncated or malformed.
std::optional<StatFields> parseStat(std::string_view text);

ProcessState stateFromStat(char state, std::uint64_t flags);

/// /proc/PID/cmdline: NUL-separated arguments joined by spaces.
std::string parseCmdline(std::string_view text);

/// The "Uid:" line of /proc/PID/status (real uid), -1 if missing.
std::int64_t parseStatusUid(std::string_view text);

struct FdInfo {
    std::optional<std::uint64_t> pos;
    std::optional<std::uint32_t> flags; ///< octal in the file
    std::optional<std::uint64_t> ino;
    std::optional<std::int64_t> mntId;
    /// Every other "key: value" line, in order ("eventfd-count", "tfd", "inotify wd"...).
    std::vector<std::pair<std::string, std::string>> extras;
};

/// /proc/PID/fdinfo/N. Unknown lines go to extras; a malformed known line is ignored.
FdInfo parseFdInfo(std::string_view text);

/// What a /proc/PID/fd/N link text says by itself, without a stat.
struct LinkInfo {
    HandleKind kind = HandleKind::Unknown;
    bool isPath = false;       ///< starts with '/': needs a stat to know file/dir/device
    bool deleted = false;      ///< ended in " (deleted)" (stripped from name)
    std::string name;          ///< the text, " (deleted)" stripped for paths
    std::string typeName;      ///< "socket", "pipe", "anon_inode:[eventfd]", "nsfs"...
    std::uint64_t inode = 0;   ///< from "socket:[N]" / "pipe:[N]" / "net:[N]"
};
LinkInfo classifyLink(std::string_view link);

AccessMode accessFromFlags(std::uint32_t flags);

/// "(1, 500000000)" style pairs in timerfd fdinfo -> "1.500000000s".
std::string formatTimespecPair(std::string_view text);

} // namespace hs::linux_
