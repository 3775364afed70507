// SPDX-License-Identifier: MIT
#include "commands.h"
#include "filters.h"
#include "output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/peers.h"

namespace hs::cli {

namespace {

int runHandles(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv", "--no-peers"}, .valued = {"--type"}, .minPositional = 1, .maxPositional = 1};
    return runParsed(kHandlesCommand, words, spec, [](const Args& args) {
        auto listing = listingFrom(args);
        if (!listing)
            return report(listing.error(), ExitUsage);
        auto pid = parsePid(args.positional[0]);
        if (!pid)
            return report(pid.error(), ExitUsage);
        auto process = processInfo(*pid);
        if (!process)
            return report(process.error());
        auto handles = listHandles(*pid, Detail::Full);
        if (!handles)
            return report(handles.error());
        if (!args.has("--no-peers"))
            if (auto peers = findPeers(*pid, *handles); !peers)
                return report(peers.error());

        std::erase_if(*handles, [&](const HandleInfo& h) { return !listing->wants(h.kind); });
        if (listing->format == Format::Json) {
            json::Writer w(stdout);
            json::writeHandlesDocument(w, *process, *handles);
            return static_cast<int>(ExitOk);
        }
        Table t = handleTable(false);
        for (const auto& h : *handles)
            t.rows.push_back(handleRow(h, nullptr, listing->format));
        printRows(t, listing->format);
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kHandlesCommand{
    "handles", "list the handles (fds) of one process",
    "usage: handlescope-cli handles PID [--type TYPE[,TYPE...]] [--no-peers] [--json | --csv]\n\n"
    "Lists every handle of process PID with its type, access mode, inheritability\n"
    "(close-on-exec off), offset, open flags, object identity and name. Sockets show\n"
    "their endpoints, pidfds the pid they refer to. A pipe, a UNIX socket or a TCP/UDP\n"
    "connection to this machine also names who holds the other end, as lsof +E does:\n"
    "\"pipe:[123] -> Xvfb (2249) fd 8\". Finding them reads every process's fds once;\n"
    "--no-peers skips that.\n"
    "Example: handlescope-cli handles 1234 --type socket,fifo\n",
    runHandles};

} // namespace hs::cli
