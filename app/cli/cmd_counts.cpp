// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"

#include "handlescope/counts.h"
#include "handlescope/inspect.h"
#include "handlescope/json.h"

#include <algorithm>

namespace hs::cli {

namespace {

/// The `counts --json` document (docs/json-schema.md).
void writeCountsDocument(json::Writer& w, const HandleCounts& c)
{
    json::beginDocument(w);
    w.field("backend", c.backend);
    w.field("duration_us",
            static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::microseconds>(c.duration).count()));
    w.field("total", c.total());
    w.field("kinds_counted", c.kindsCounted);
    w.field("denied_processes", static_cast<std::int64_t>(c.deniedProcesses));
    w.key("per_type");
    w.beginObject();
    if (c.kindsCounted)
        for (int k = 0; k < HandleKindCount; ++k)
            if (c.perKind[static_cast<std::size_t>(k)] != 0)
                w.field(toString(static_cast<HandleKind>(k)), c.perKind[static_cast<std::size_t>(k)]);
    w.endObject();
    w.key("processes");
    w.beginArray();
    for (const auto& [pid, count] : c.perProcess) {
        w.beginObject();
        w.field("pid", static_cast<std::int64_t>(pid));
        w.field("handles", count);
        w.endObject();
    }
    w.endArray();
    json::endDocument(w);
}

void printCounts(const HandleCounts& c, std::size_t top, Format format)
{
    std::printf("%lld handles in %zu processes (backend %s, %.1f ms)%s\n", static_cast<long long>(c.total()),
                c.perProcess.size(), c.backend.c_str(), std::chrono::duration<double, std::milli>(c.duration).count(),
                c.deniedProcesses ? (", " + std::to_string(c.deniedProcesses) + " processes not readable").c_str() : "");
    if (c.kindsCounted) {
        Table kinds{{"TYPE", "COUNT"}, {}, {false, true}};
        for (int k = 0; k < HandleKindCount; ++k)
            if (auto n = c.perKind[static_cast<std::size_t>(k)]; n != 0)
                kinds.rows.push_back({std::string(toString(static_cast<HandleKind>(k))), std::to_string(n)});
        std::printf("\n");
        printRows(kinds, format);
    }
    auto byCount = c.perProcess;
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (byCount.size() > top)
        byCount.resize(top);
    Table procs{{"PID", "HANDLES", "NAME"}, {}, {true, true, false}};
    for (const auto& [pid, count] : byCount) {
        auto info = processInfo(pid); // only the few shown: the counts themselves need no names
        procs.rows.push_back({std::to_string(pid), std::to_string(count), info ? printable(info->name) : "?"});
    }
    std::printf("\n");
    printRows(procs, format);
}

int runCounts(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv"}, .valued = {"--top"}};
    return runParsed(kCountsCommand, words, spec, [](const Args& args) {
        auto format = formatFrom(args);
        if (!format)
            return report(format.error(), ExitUsage);
        auto top = topFrom(args, 20);
        if (!top)
            return report(top.error(), ExitUsage);
        auto counts = countHandles();
        if (!counts)
            return report(counts.error());
        if (*format == Format::Json) {
            json::Writer w(stdout);
            writeCountsDocument(w, *counts);
        } else {
            printCounts(*counts, *top, *format);
        }
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kCountsCommand{
    "counts", "handle counts of the whole machine, per type and per process",
    "usage: handlescope-cli counts [--top N] [--json | --csv]\n\n"
    "Counts every process's open handles without reading them. On Linux a BPF iterator\n"
    "(root, or CAP_BPF and CAP_PERFMON) adds them up in the kernel, per type too; otherwise\n"
    "one stat of /proc/PID/fd per process gives per-process counts only.\n"
    "Prints the totals per type and the N processes with the most handles (default 20);\n"
    "--json lists every process.\n",
    runCounts};

} // namespace hs::cli
