// SPDX-License-Identifier: MIT
#include "commands.h"
#include "filters.h"
#include "json_output.h"
#include "output.h"

#include "handlescope/inspect.h"

#include <chrono>

namespace hs::cli {

namespace {

int runSnapshot(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv", "--full"}, .valued = {"--type"}};
    return runParsed(kSnapshotCommand, words, spec, [](const Args& args) {
        auto listing = listingFrom(args);
        if (!listing)
            return report(listing.error(), ExitUsage);
        auto snapshot = takeSnapshot(args.has("--full") ? Detail::Full : Detail::Fast);
        if (!snapshot)
            return report(snapshot.error());

        if (listing->format == Format::Json) {
            JsonDocument w;
            w.field("taken_at_unix_ms", static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                       snapshot->takenAt.time_since_epoch())
                                                                       .count()));
            w.field("duration_us", static_cast<std::int64_t>(
                                       std::chrono::duration_cast<std::chrono::microseconds>(snapshot->duration).count()));
            w.field("detail", snapshot->detail == Detail::Full ? "full" : "fast");
            w.key("processes");
            w.beginArray();
            for (const auto& p : snapshot->processes) {
                w.beginObject();
                writeProcess(w, p.process);
                w.key("handles");
                w.beginArray();
                for (const auto& h : p.handles)
                    if (listing->wants(h.kind))
                        writeHandle(w, h);
                w.endArray();
                w.endObject();
            }
            w.endArray();
            return static_cast<int>(ExitOk);
        }
        Table t = handleTable(true);
        for (const auto& p : snapshot->processes)
            for (const auto& h : p.handles)
                if (listing->wants(h.kind))
                    t.rows.push_back(handleRow(h, &p.process));
        printRows(t, listing->format);
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kSnapshotCommand{
    "snapshot", "every handle of every process, in one pass",
    "usage: handlescope-cli snapshot [--full] [--type TYPE[,...]] [--json | --csv]\n\n"
    "Reads all processes and all their handles at once: names, types, identities and\n"
    "socket endpoints. --full also reads each fd's fdinfo (mode, close-on-exec, offset,\n"
    "flags), which takes several times longer on a busy machine.\n",
    runSnapshot};

} // namespace hs::cli
