// SPDX-License-Identifier: MIT
// handlescope-cli: list processes and their handles, find handles, duplicate them.
#include "args.h"
#include "commands.h"

#include "handlescope/log.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace hs::cli;

namespace {

constexpr std::array kCommands{
    &kPsCommand,       &kHandlesCommand, &kFindCommand, &kHoldersCommand,
    &kSnapshotCommand, &kCountsCommand,  &kSummaryCommand, &kDiffCommand, &kWatchCommand,
    &kLeaksCommand,    &kOpenedByCommand, &kDupCommand,   &kCloseCommand,
};

void printUsage(std::FILE* out)
{
    std::fprintf(out, "usage: handlescope-cli [--verbose] COMMAND [OPTIONS]\n\n"
                      "Inspect the handles (file descriptors) of processes.\n\nCommands:\n");
    for (const Command* c : kCommands)
        std::fprintf(out, "  %-10s %s\n", c->name, c->summary);
    std::fprintf(out, "\nEvery listing prints a table by default, or --json / --csv.\n"
                      "'handlescope-cli COMMAND --help' explains one command.\n"
                      "Log file: %s\n",
                 hs::log::filePath().string().c_str());
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> words(argv + 1, argv + argc);
    if (!words.empty() && (words.front() == "--verbose" || words.front() == "-v")) {
        hs::log::setConsoleLevel(spdlog::level::debug);
        words.erase(words.begin());
    }
    if (words.empty())
        return report(usageError("command", "no command given", "run 'handlescope-cli --help' for the list of commands"),
                      ExitUsage);
    const std::string name = words.front();
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return ExitOk;
    }
    if (name == "--version") {
        std::printf("handlescope-cli 0.1.0\n");
        return ExitOk;
    }
    for (const Command* c : kCommands) {
        if (name == c->name) {
            std::string line;
            for (const auto& w : words)
                line += (line.empty() ? "" : " ") + w;
            auto log = hs::log::get("cli");
            log->debug("run: {}", line);
            words.erase(words.begin());
            const int code = c->run(words);
            log->debug("{} exited with {}", name, code);
            return code;
        }
    }
    return report(usageError("command", "unknown command '" + name + "'",
                             "run 'handlescope-cli --help' for the list of commands"),
                  ExitUsage);
}
