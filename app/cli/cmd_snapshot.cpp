// SPDX-License-Identifier: MIT
#include "commands.h"
#include "filters.h"
#include "output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/peers.h"

namespace hs::cli {

namespace {

/// `snapshot --json`, one process at a time.
class JsonSnapshot final : public SnapshotVisitor {
public:
    explicit JsonSnapshot(const Listing& listing)
        : m_listing(listing)
    {
    }
    json::Writer writer{stdout};

    void begin(const Snapshot& header) override { json::beginSnapshotDocument(writer, header); }
    void process(ProcessHandles& p) override
    {
        std::erase_if(p.handles, [&](const HandleInfo& h) { return !m_listing.wants(h.kind); });
        json::writeSnapshotProcess(writer, p);
    }

private:
    const Listing& m_listing;
};

int runSnapshot(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv", "--full", "--peers"}, .valued = {"--type"}};
    return runParsed(kSnapshotCommand, words, spec, [](const Args& args) {
        auto listing = listingFrom(args);
        if (!listing)
            return report(listing.error(), ExitUsage);
        const Detail detail = args.has("--full") ? Detail::Full : Detail::Fast;
        const bool peers = args.has("--peers");
        if (listing->format == Format::Json && !peers) {
            // Written as it is read: the whole machine is never held (about 25 MB less at
            // 100,000 fds), and the text goes out while the kernel walks the rest.
            JsonSnapshot out(*listing);
            auto header = visitSnapshot(out, detail);
            if (!header)
                return report(header.error());
            json::endSnapshotDocument(out.writer, *header);
            return static_cast<int>(ExitOk);
        }
        auto snapshot = takeSnapshot(detail);
        if (!snapshot)
            return report(snapshot.error());
        if (peers) // before the filter: a peer may be of a type not listed
            linkPeers(*snapshot);

        for (auto& p : snapshot->processes)
            std::erase_if(p.handles, [&](const HandleInfo& h) { return !listing->wants(h.kind); });
        if (listing->format == Format::Json) {
            // Peers need the whole machine first: no streaming here.
            json::Writer writer(stdout);
            json::beginSnapshotDocument(writer, *snapshot);
            for (auto& p : snapshot->processes)
                json::writeSnapshotProcess(writer, p);
            json::endSnapshotDocument(writer, *snapshot);
            return static_cast<int>(ExitOk);
        }
        Table t = handleTable(true);
        for (const auto& p : snapshot->processes)
            for (const auto& h : p.handles)
                t.rows.push_back(handleRow(h, &p.process, listing->format));
        printRows(t, listing->format);
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kSnapshotCommand{
    "snapshot", "every handle of every process, in one pass",
    "usage: handlescope-cli snapshot [--full] [--peers] [--type TYPE[,...]] [--json | --csv]\n\n"
    "Reads all processes and all their handles at once: names, types, identities and\n"
    "socket endpoints. --full also reads each fd's fdinfo (mode, close-on-exec, offset,\n"
    "flags), which takes several times longer on a busy machine. --peers names who holds\n"
    "the other end of each pipe, UNIX socket and TCP/UDP connection within the machine\n"
    "(as lsof +E does); with --json the document is then written after the whole read.\n",
    runSnapshot};

} // namespace hs::cli
