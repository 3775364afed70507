// SPDX-License-Identifier: MIT
#include "commands.h"
#include "filters.h"
#include "hits_output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"

#include <charconv>

namespace hs::cli {

int printHits(std::span<const FindHit> hits, Format format)
{
    if (format == Format::Json) {
        json::Writer w(stdout);
        json::writeHitsDocument(w, hits);
        return ExitOk;
    }
    Table t = handleTable(true);
    for (const auto& hit : hits)
        t.rows.push_back(handleRow(*hit.handle, hit.process, format));
    printRows(t, format);
    return ExitOk;
}

namespace {

int runFind(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv", "--case-sensitive"},
                          .valued = {"--regex", "--type"},
                          .minPositional = 0,
                          .maxPositional = 1};
    return runParsed(kFindCommand, words, spec, [](const Args& args) {
        auto listing = listingFrom(args);
        if (!listing)
            return report(listing.error(), ExitUsage);
        FindQuery query;
        if (auto re = args.value("--regex")) {
            if (!args.positional.empty())
                return report(usageError("find", "give TEXT or --regex RE, not both", "see 'handlescope-cli find --help'"), ExitUsage);
            query.text = *re;
            query.regex = true;
        } else if (!args.positional.empty()) {
            query.text = args.positional[0];
        } else if (listing->kinds.empty()) {
            return report(usageError("find", "nothing to find", "give TEXT, --regex RE or --type TYPE"), ExitUsage);
        }
        query.caseSensitive = args.has("--case-sensitive");
        // A bad regular expression is a usage error: say so before reading every process.
        if (auto check = findHandles(Snapshot{}, query); !check)
            return report(check.error(), ExitUsage);
        auto snapshot = takeSnapshot(Detail::Fast);
        if (!snapshot)
            return report(snapshot.error());
        auto hits = findHandles(*snapshot, query);
        if (!hits)
            return report(hits.error(), ExitUsage);
        std::erase_if(*hits, [&](const FindHit& h) { return !listing->wants(h.handle->kind); });
        return printHits(*hits, listing->format);
    });
}

// "MAJ:MIN:INO" (as printed in the OBJECT column) or "DEV:INO" (raw st_dev).
Result<ObjectId> parseObjectId(const std::string& text)
{
    std::vector<std::uint64_t> parts;
    std::size_t start = 0;
    while (true) {
        auto colon = text.find(':', start);
        std::string part = text.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        std::uint64_t v = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size())
            break;
        parts.push_back(v);
        if (colon == std::string::npos) {
            if (parts.size() == 2)
                return ObjectId{.device = parts[0], .inode = parts[1]};
            if (parts.size() == 3) {
                const std::uint64_t major = parts[0], minor = parts[1];
                const std::uint64_t dev = ((major & 0xfff) << 8) | ((major & ~0xfffULL) << 32) | (minor & 0xff) | ((minor & ~0xffULL) << 12);
                return ObjectId{.device = dev, .inode = parts[2]};
            }
            break;
        }
        start = colon + 1;
    }
    return fail(usageError("holders", "'" + text + "' is not MAJ:MIN:INODE or DEV:INODE",
                           "copy the OBJECT column of 'handlescope-cli handles PID', e.g. 0:12:34567"));
}

int runHolders(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv"}, .valued = {"--inode"}, .minPositional = 0, .maxPositional = 1};
    return runParsed(kHoldersCommand, words, spec, [](const Args& args) {
        auto format = formatFrom(args);
        if (!format)
            return report(format.error(), ExitUsage);
        Result<ObjectId> object = fail(usageError("holders", "nothing to look for", "give PATH or --inode MAJ:MIN:INODE"));
        if (auto inode = args.value("--inode")) {
            if (!args.positional.empty())
                return report(usageError("holders", "give PATH or --inode, not both", "see 'handlescope-cli holders --help'"), ExitUsage);
            object = parseObjectId(*inode);
            if (!object)
                return report(object.error(), ExitUsage);
        } else if (!args.positional.empty()) {
            object = objectIdOfPath(args.positional[0]);
            if (!object)
                return report(object.error());
        } else {
            return report(object.error(), ExitUsage);
        }
        // One object: compared fd by fd, no snapshot of the machine.
        auto holders = findHolders(*object);
        if (!holders)
            return report(holders.error());
        std::vector<ProcessInfo> processes(holders->size()); // what a hit shows of its process
        std::vector<FindHit> hits;
        for (std::size_t i = 0; i < holders->size(); ++i) {
            processes[i].pid = (*holders)[i].process.pid;
            processes[i].startTime = (*holders)[i].process.startTime;
            processes[i].name = (*holders)[i].processName;
            hits.push_back({&processes[i], &(*holders)[i].handle});
        }
        return printHits(hits, *format);
    });
}

} // namespace

const Command kFindCommand{
    "find", "find handles by name or type in every process",
    "usage: handlescope-cli find TEXT | --regex RE [--type TYPE[,...]] [--case-sensitive] [--json | --csv]\n\n"
    "Lists every handle in every readable process whose name, type name or NAME column (a\n"
    "socket's endpoints, e.g. 127.0.0.1:5432) contains TEXT (case-insensitive unless\n"
    "--case-sensitive) or matches the ECMAScript regular expression RE.\n"
    "Examples: handlescope-cli find .log\n"
    "          handlescope-cli find --regex '^socket:' --type socket\n",
    runFind};

const Command kHoldersCommand{
    "holders", "list every process holding one object (file, socket, pipe)",
    "usage: handlescope-cli holders PATH | --inode MAJ:MIN:INODE [--json | --csv]\n\n"
    "Lists the handles in every process that refer to the object PATH names (the same\n"
    "device and inode), or to the object with this identity (the OBJECT column of\n"
    "'handles'; pipes and sockets have one too).\n"
    "Examples: handlescope-cli holders /var/log/syslog\n"
    "          handlescope-cli holders --inode 0:14:123456\n",
    runHolders};

} // namespace hs::cli
