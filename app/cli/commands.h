// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace hs::cli {

/// One CLI command: its name, one-line summary, full help and entry point.
/// Each command lives in its own cmd_*.cpp; main.cpp only dispatches.
struct Command {
    const char* name;
    const char* summary;
    const char* help;
    int (*run)(const std::vector<std::string>& words);
};

extern const Command kPsCommand;
extern const Command kHandlesCommand;
extern const Command kFindCommand;
extern const Command kHoldersCommand;
extern const Command kSnapshotCommand;
extern const Command kCountsCommand;
extern const Command kSummaryCommand;
extern const Command kDiffCommand;
extern const Command kDupCommand;
extern const Command kCloseCommand;
extern const Command kWatchCommand;
extern const Command kLeaksCommand;
extern const Command kOpenedByCommand;

} // namespace hs::cli

#include "args.h"

#include <cstdio>

namespace hs::cli {

/// Parses the words against the spec, prints help for --help, reports usage errors
/// (exit 2), then runs the body with the parsed arguments.
template <class Body>
int runParsed(const Command& command, const std::vector<std::string>& words, const OptionSpec& spec, Body&& body)
{
    auto args = parseArgs(command.name, words, spec);
    if (!args)
        return report(args.error(), ExitUsage);
    if (args->has("--help")) {
        std::fputs(command.help, stdout);
        return ExitOk;
    }
    return body(*args);
}

} // namespace hs::cli
