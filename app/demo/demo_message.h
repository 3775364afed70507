// SPDX-License-Identifier: MIT
// What the demo processes say to each other and to whoever reads their output.
//
// The channel carries one line each way: "handle N, type T" from the teller, and the
// target's report ("USED ...") back. Every process prints its steps for people
// ("source: ...") and, for programs (the tests, the app's learn mode to come), one
// machine-readable line per fact, a keyword in capitals and key=value fields:
//   HOLD handle=5 type=file path=/tmp/x/greeting.txt text="Hello..."
//   USED handle=7 type=file result=ok text="Hello..."
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hs::demo {

/// The text of the file the source creates; the target reads it back through the copy.
inline constexpr const char* kFileText = "Hello from the source process: you read this through a duplicated handle.";
/// The file `inherit` opens for its child, and what `named-create` writes into its FIFO.
inline constexpr const char* kInheritedText = "Hello from the parent process: you read this through an inherited handle.";
inline constexpr const char* kNamedText = "Hello through the FIFO: you found it by its name, no handle value was passed.";
/// What the target writes into a pipe, a socket, or shows for a mapping.
inline constexpr const char* kTargetGreeting = "Hello from the target process";
/// The text the Windows source puts into its shared memory (file mapping).
inline constexpr const char* kMappingText = "Hello from the source process: this memory is shared through a mapping handle.";

/// A handle value as people write it on this platform: "5" (Linux fd), "0x1A4" (Windows).
std::string formatHandle(std::int64_t value, bool hex);

/// "handle 7, type file".
std::string formatTell(const std::string& handleText, const std::string& type);

struct TellMessage {
    std::int64_t handle = -1;
    std::string type;
};
/// Parses "handle N, type T" (N decimal or 0x hex); nullopt and `why` when it is not that.
std::optional<TellMessage> parseTell(const std::string& line, std::string& why);

/// `text` quoted for a machine line: "..." with \" \\ \n escaped.
std::string quoted(const std::string& text);

/// One machine-readable line: KEYWORD key=value ..., values quoted when they need it.
std::string machineLine(const std::string& keyword, const std::vector<std::pair<std::string, std::string>>& fields);

/// The key=value fields of a machine line (the keyword left out); quoted values unquoted.
/// What the tests and the app read the demo's output with.
std::map<std::string, std::string> machineFields(const std::string& line);

/// Prints `line` and a newline to stdout at once (the readers wait for whole lines).
void say(const std::string& line);

} // namespace hs::demo
