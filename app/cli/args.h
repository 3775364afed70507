// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/error.h"
#include "handlescope/model.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hs::cli {

/// Exit codes: 0 success, 1 the operation failed (the OS said no), 2 bad usage.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

/// What options a command accepts: flags (no value) and options that take a value.
struct OptionSpec {
    std::vector<std::string> flags;   ///< e.g. "--json", "--yes"
    std::vector<std::string> valued;  ///< e.g. "--type", "--pid"
    int minPositional = 0;
    int maxPositional = 0;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; ///< flags map to ""
    [[nodiscard]] bool has(const std::string& name) const { return options.contains(name); }
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
};

/// Parses argv after the command name. Fails with a usage error naming the bad word.
Result<Args> parseArgs(const std::string& command, const std::vector<std::string>& words, const OptionSpec& spec);

/// "1234" -> 1234. Fails with a clear message for "abc", "-5", "12x", overflow.
Result<Pid> parsePid(const std::string& text, const std::string& what = "PID");
Result<HandleValue> parseHandle(const std::string& text);
/// "500ms", "2s", "5m", "1h", or a bare number of seconds -> milliseconds; more than zero.
/// Fails naming `option` for "abc", "-1s", "0s", "2x".
Result<std::chrono::milliseconds> parseDuration(const std::string& text, const std::string& option);

/// A usage error as an Error value (osName "EINVAL").
Error usageError(const std::string& operation, const std::string& text, const std::string& hint);

/// Prints "handlescope-cli: <message>" on stderr and returns the exit code for it.
int report(const Error& error, int exitCode = ExitFailed);

} // namespace hs::cli
