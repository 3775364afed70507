// SPDX-License-Identifier: MIT
// The CLI's command line: parseArgs with the option specs of the real commands, then
// parsePid / parseHandle on every value, as the commands do with --pid, --handle, --timeout.
//
// Input: one byte picks the command, the rest is argv after the command name, the words
// separated by NUL bytes (as in /proc/PID/cmdline).
#include "fuzz_common.h"

#include "args.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

using namespace hs::cli;

namespace {

struct Command {
    const char* name;
    OptionSpec spec;
};

// Copies of the specs in app/cli/cmd_*.cpp, plus one odd spec of our own.
const std::array<Command, 8>& commands()
{
    static const std::array<Command, 8> kCommands{{
        {"ps", {.flags = {"--json", "--csv"}}},
        {"handles", {.flags = {"--json", "--csv"}, .valued = {"--type"}, .minPositional = 1, .maxPositional = 1}},
        {"find",
         {.flags = {"--json", "--csv", "--case-sensitive"},
          .valued = {"--regex", "--type"},
          .minPositional = 0,
          .maxPositional = 1}},
        {"holders", {.flags = {"--json", "--csv"}, .valued = {"--inode"}, .minPositional = 0, .maxPositional = 1}},
        {"snapshot", {.flags = {"--json", "--csv", "--full"}, .valued = {"--type"}}},
        {"dup",
         {.flags = {"--inherit", "--close-source", "--yes", "--json"},
          .valued = {"--from", "--handle", "--to", "--method", "--timeout", "--access"}}},
        {"close", {.flags = {"--yes", "--json"}, .valued = {"--pid", "--handle", "--timeout"}}},
        {"odd", {.flags = {"-", "--", "-x", "--a=b"}, .valued = {"=", "-1", ""}, .minPositional = 2, .maxPositional = 3}},
    }};
    return kCommands;
}

bool listed(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

void checkNumber(const std::string& text)
{
    if (auto pid = parsePid(text))
        HS_FUZZ_CHECK(*pid > 0 && !text.empty() &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
    else
        HS_FUZZ_CHECK(!pid.error().message().empty());
    if (auto handle = parseHandle(text))
        HS_FUZZ_CHECK(*handle >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const Command& command = commands()[data[0] % commands().size()];
    const std::string_view rest = hs::fuzz::asText(data + 1, size - 1);
    std::vector<std::string> words;
    if (!rest.empty()) {
        std::size_t pos = 0;
        while (true) {
            const auto nul = rest.find('\0', pos);
            words.emplace_back(rest.substr(pos, nul == std::string_view::npos ? std::string_view::npos : nul - pos));
            if (nul == std::string_view::npos)
                break;
            pos = nul + 1;
        }
    }
    auto args = parseArgs(command.name, words, command.spec);
    if (!args) {
        HS_FUZZ_CHECK(args.error().osName == "EINVAL" && !args.error().message().empty());
        return 0;
    }
    HS_FUZZ_CHECK(args->command == command.name);
    for (const auto& [name, value] : args->options) {
        HS_FUZZ_CHECK(name == "--help" || listed(command.spec.flags, name) || listed(command.spec.valued, name));
        HS_FUZZ_CHECK(!listed(command.spec.flags, name) || value.empty());
        checkNumber(value);
    }
    if (!args->has("--help")) {
        const auto n = static_cast<int>(args->positional.size());
        HS_FUZZ_CHECK(n >= command.spec.minPositional && n <= command.spec.maxPositional);
    }
    for (const auto& word : args->positional)
        checkNumber(word);
    return 0;
}
