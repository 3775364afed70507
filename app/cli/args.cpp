// SPDX-License-Identifier: MIT
#include "args.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

namespace hs::cli {

std::optional<std::string> Args::value(const std::string& name) const
{
    auto it = options.find(name);
    if (it == options.end())
        return std::nullopt;
    return it->second;
}

Error usageError(const std::string& operation, const std::string& text, const std::string& hint)
{
    return {.operation = operation, .osName = "EINVAL", .osText = text, .hint = hint};
}

Result<Args> parseArgs(const std::string& command, const std::vector<std::string>& words, const OptionSpec& spec)
{
    Args args;
    args.command = command;
    const auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    const std::string helpHint = "see 'handlescope-cli " + command + " --help'";
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 1 && w[0] == '-' && !(w.size() > 1 && (w[1] >= '0' && w[1] <= '9'))) {
            std::string name = w;
            std::optional<std::string> inlineValue;
            if (auto eq = w.find('='); eq != std::string::npos) {
                name = w.substr(0, eq);
                inlineValue = w.substr(eq + 1);
            }
            if (name == "--help" || name == "-h") {
                args.options["--help"] = "";
            } else if (contains(spec.flags, name)) {
                if (inlineValue)
                    return fail(usageError(command, "option " + name + " takes no value", helpHint));
                args.options[name] = "";
            } else if (contains(spec.valued, name)) {
                if (inlineValue) {
                    args.options[name] = *inlineValue;
                } else if (i + 1 < words.size()) {
                    args.options[name] = words[++i];
                } else {
                    return fail(usageError(command, "option " + name + " needs a value", helpHint));
                }
            } else {
                return fail(usageError(command, "unknown option '" + w + "'", helpHint));
            }
        } else {
            args.positional.push_back(w);
        }
    }
    if (args.has("--help"))
        return args;
    const auto n = static_cast<int>(args.positional.size());
    if (n < spec.minPositional)
        return fail(usageError(command, "missing argument", helpHint));
    if (n > spec.maxPositional)
        return fail(usageError(command, "unexpected argument '" + args.positional[static_cast<std::size_t>(spec.maxPositional)] + "'", helpHint));
    return args;
}

namespace {
Result<std::int64_t> parseNonNegative(const std::string& text, const std::string& what, const std::string& hint)
{
    std::int64_t v = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (text.empty() || ec == std::errc::invalid_argument || ptr != last)
        return fail(usageError("parse " + what, what + " '" + text + "' is not a number", hint));
    if (ec == std::errc::result_out_of_range || v < 0)
        return fail(usageError("parse " + what, what + " '" + text + "' is out of range", hint));
    return v;
}
} // namespace

Result<Pid> parsePid(const std::string& text, const std::string& what)
{
    auto v = parseNonNegative(text, what, "give a decimal process id; 'handlescope-cli ps' lists them");
    if (v && *v == 0)
        return fail(usageError("parse " + what, what + " 0 is not a process", "give a decimal process id; 'handlescope-cli ps' lists them"));
    return v;
}

Result<HandleValue> parseHandle(const std::string& text)
{
    // Handles may be given in hex (Windows habit: 0x1a4) or decimal (fd numbers).
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(text.data() + 2, text.data() + text.size(), v, 16);
        if (ec == std::errc() && ptr == text.data() + text.size() && v >= 0)
            return v;
        return fail(usageError("parse handle", "handle '" + text + "' is not a number", "give a decimal fd or a 0x hex handle value"));
    }
    return parseNonNegative(text, "handle", "give a decimal fd or a 0x hex handle value; 'handlescope-cli handles PID' lists them");
}

Result<std::chrono::milliseconds> parseDuration(const std::string& text, const std::string& option)
{
    const std::string hint = "give a whole number with a unit: 500ms, 2s, 5m or 1h (a bare number is seconds)";
    std::int64_t n = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    auto [unit, ec] = std::from_chars(first, last, n);
    if (text.empty() || ec == std::errc::invalid_argument)
        return fail(usageError("parse " + option, option + " '" + text + "' is not a duration", hint));
    const std::string_view suffix(unit, static_cast<std::size_t>(last - unit));
    std::int64_t msPerUnit = 0;
    if (suffix == "ms")
        msPerUnit = 1;
    else if (suffix.empty() || suffix == "s")
        msPerUnit = 1000;
    else if (suffix == "m")
        msPerUnit = 60'000;
    else if (suffix == "h")
        msPerUnit = 3'600'000;
    else
        return fail(usageError("parse " + option, option + " '" + text + "' has an unknown unit", hint));
    // A week bounds it: far beyond any sampling run, and far from overflowing.
    constexpr std::int64_t kMostMs = 7LL * 24 * 3'600'000;
    if (ec == std::errc::result_out_of_range || n <= 0 || n > kMostMs / msPerUnit)
        return fail(usageError("parse " + option, option + " '" + text + "' is out of range", "give more than zero and at most a week; " + hint));
    return std::chrono::milliseconds(n * msPerUnit);
}

int report(const Error& error, int exitCode)
{
    std::fprintf(stderr, "handlescope-cli: %s\n", error.message().c_str());
    return exitCode;
}

} // namespace hs::cli
