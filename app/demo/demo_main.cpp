// SPDX-License-Identifier: MIT
// handlescope-demo: a source that holds objects and a target that is told, over a named
// channel, which handle to use. With handlescope-cli dup in between, it shows the two
// halves of sharing an object by duplication: the copy, and telling the other process.
#include "demo_message.h"
#include "demo_roles.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace hs::demo;

void usage(FILE* to)
{
    std::string types;
    for (const char* const* t = handleTypes(); *t; ++t)
        types += std::string(types.empty() ? "" : ", ") + *t;
    std::fprintf(to,
                 "usage: handlescope-demo source\n"
                 "       handlescope-demo target --channel %s [--once]\n"
                 "       handlescope-demo tell --channel %s --handle %s --type TYPE\n"
                 "       handlescope-demo inherit\n"
                 "       handlescope-demo use --handle %s --type TYPE\n"
                 "       handlescope-demo named-create --name %s\n"
                 "       handlescope-demo named-open --name %s\n\n"
                 "A pair of processes to learn handle sharing with. `source` creates objects and\n"
                 "prints the handles it holds. `target` waits on the channel for a message\n"
                 "\"handle N, type T\" and uses that handle. A handle value means something only in\n"
                 "the process that holds it: copy it into the target first, then tell the target\n"
                 "the new value:\n"
                 "  handlescope-cli dup --from SOURCE_PID --handle N --to TARGET_PID --yes\n"
                 "  handlescope-demo tell --channel %s --handle NEW --type T\n"
                 "The other two ways to share an object: `inherit` opens the file with an inheritable\n"
                 "handle and starts a child (`use`) that finds it at the same value; `named-create`\n"
                 "makes a named object (%s) that `named-open` opens by its name.\n"
                 "Types: %s. Lines in capitals (HOLD, LISTENING, USED, SAW, STARTED, MADE) are for programs.\n",
                 handlesInHex() ? "NAME" : "PATH", handlesInHex() ? "NAME" : "PATH", handlesInHex() ? "0xN" : "N",
                 handlesInHex() ? "0xN" : "N", handlesInHex() ? "NAME" : "PATH", handlesInHex() ? "NAME" : "PATH",
                 handlesInHex() ? "NAME" : "PATH", handlesInHex() ? "an event" : "a FIFO", types.c_str());
}

int usageError(const std::string& what)
{
    std::fprintf(stderr, "handlescope-demo: %s\n", what.c_str());
    usage(stderr);
    return ExitUsage;
}

// "--key value" options after the role; flags listed in `flags`.
struct Options {
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> flags;
    std::string value(const std::string& key) const
    {
        for (const auto& [k, v] : values)
            if (k == key)
                return v;
        return {};
    }
    bool has(const std::string& flag) const
    {
        for (const auto& f : flags)
            if (f == flag)
                return true;
        return false;
    }
};

bool parse(int argc, char** argv, const std::vector<std::string>& valued, const std::vector<std::string>& flags,
           Options& out, std::string& why)
{
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (std::find(flags.begin(), flags.end(), arg) != flags.end()) {
            out.flags.push_back(arg);
        } else if (std::find(valued.begin(), valued.end(), arg) != valued.end()) {
            if (i + 1 >= argc) {
                why = arg + " needs a value";
                return false;
            }
            out.values.emplace_back(arg, argv[++i]);
        } else {
            why = "unknown option " + arg;
            return false;
        }
    }
    return true;
}

bool knownType(const std::string& type)
{
    for (const char* const* t = handleTypes(); *t; ++t)
        if (type == *t)
            return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usageError("name a role: source, target, tell, inherit, use, named-create or named-open");
    const std::string role = argv[1];
    if (role == "--help" || role == "-h") {
        usage(stdout);
        return ExitOk;
    }
    Options options;
    std::string why;
    if (role == "source") {
        if (!parse(argc, argv, {}, {}, options, why))
            return usageError(why);
        return runSource();
    }
    if (role == "target") {
        if (!parse(argc, argv, {"--channel"}, {"--once"}, options, why))
            return usageError(why);
        if (options.value("--channel").empty())
            return usageError("target needs --channel");
        return runTarget({options.value("--channel"), options.has("--once")});
    }
    if (role == "tell") {
        if (!parse(argc, argv, {"--channel", "--handle", "--type"}, {}, options, why))
            return usageError(why);
        if (options.value("--channel").empty() || options.value("--handle").empty() || options.value("--type").empty())
            return usageError("tell needs --channel, --handle and --type");
        const std::string message = formatTell(options.value("--handle"), options.value("--type"));
        if (!parseTell(message, why))
            return usageError(why);
        if (!knownType(options.value("--type")))
            return usageError("unknown type \"" + options.value("--type") + "\"");
        return runTell(options.value("--channel"), message);
    }
    if (role == "inherit") {
        if (!parse(argc, argv, {}, {}, options, why))
            return usageError(why);
        return runInherit();
    }
    if (role == "use") {
        if (!parse(argc, argv, {"--handle", "--type"}, {}, options, why))
            return usageError(why);
        const std::string message = formatTell(options.value("--handle"), options.value("--type"));
        const auto told = parseTell(message, why);
        if (!told)
            return usageError(why);
        if (!knownType(told->type))
            return usageError("unknown type \"" + told->type + "\"");
        return runUse(told->handle, told->type);
    }
    if (role == "named-create" || role == "named-open") {
        if (!parse(argc, argv, {"--name"}, {}, options, why))
            return usageError(why);
        if (options.value("--name").empty())
            return usageError(role + " needs --name");
        return role == "named-create" ? runNamedCreate(options.value("--name")) : runNamedOpen(options.value("--name"));
    }
    return usageError("unknown role \"" + role + "\"");
}
