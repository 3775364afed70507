// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/sampler.h"

#include <cstdio>

namespace hs::cli {

namespace {

std::string processName(Pid pid)
{
    auto info = processInfo(pid); // only for the suspects: the samples need no names
    return info ? printable(info->name) : "?";
}

/// The `leaks --json` document (docs/json-schema.md).
void writeLeaksDocument(const std::vector<LeakSuspect>& suspects, std::chrono::milliseconds window,
                        std::chrono::milliseconds interval, int samples, std::size_t processes)
{
    json::Writer w(stdout);
    json::beginDocument(w);
    w.field("window_ms", static_cast<std::int64_t>(window.count()));
    w.field("interval_ms", static_cast<std::int64_t>(interval.count()));
    w.field("samples", static_cast<std::int64_t>(samples));
    w.field("processes", static_cast<std::int64_t>(processes));
    w.key("suspects");
    w.beginArray();
    for (const auto& s : suspects) {
        w.beginObject();
        w.field("pid", static_cast<std::int64_t>(s.pid));
        w.field("name", processName(s.pid));
        w.field("growth_per_minute", s.verdict.growthPerMinute);
        w.field("baseline", s.verdict.baseline);
        w.field("latest", s.verdict.latest);
        w.field("reason", s.verdict.reason);
        w.endObject();
    }
    w.endArray();
    json::endDocument(w);
}

void printSuspects(const std::vector<LeakSuspect>& suspects, std::chrono::milliseconds window, std::size_t processes)
{
    const double seconds = std::chrono::duration<double>(window).count();
    if (suspects.empty()) {
        std::printf("No process kept growing its handles over the last %g s (%zu process%s sampled).\n", seconds,
                    processes, processes == 1 ? "" : "es");
        return;
    }
    std::printf("%zu of %zu processes kept growing their handles over the last %g s:\n\n", suspects.size(),
                processes, seconds);
    Table t{{"PID", "NAME", "GROWTH/MIN", "BASELINE", "NOW", "REASON"}, {}, {true, false, true, true, true, false}};
    for (const auto& s : suspects) {
        char growth[32];
        std::snprintf(growth, sizeof growth, "%+.1f", s.verdict.growthPerMinute);
        t.rows.push_back({std::to_string(s.pid), processName(s.pid), growth, std::to_string(s.verdict.baseline),
                          std::to_string(s.verdict.latest), s.verdict.reason});
    }
    printTable(t);
}

int runLeaks(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json"}, .valued = {"--for", "--interval"}};
    return runParsed(kLeaksCommand, words, spec, [](const Args& args) {
        auto window = parseDuration(args.value("--for").value_or("60s"), "--for");
        if (!window)
            return report(window.error(), ExitUsage);
        auto interval = parseDuration(args.value("--interval").value_or("1s"), "--interval");
        if (!interval)
            return report(interval.error(), ExitUsage);
        // The verdict needs a sample in each third of the window.
        if (*interval * 3 > *window)
            return report(usageError("leaks", "--interval " + *args.value("--interval")
                                         + " is longer than a third of --for",
                                     "sample at least three times per window, e.g. --for 60s --interval 1s"),
                          ExitUsage);
        const bool json = args.has("--json");
        if (!json)
            std::fprintf(stderr, "Sampling every process's handle count every %g s for %g s...\n",
                         std::chrono::duration<double>(*interval).count(),
                         std::chrono::duration<double>(*window).count());
        Sampler sampler(*window, *interval);
        int samples = 0;
        // One interval more than the window: the first count can be slower than the
        // others (it loads the BPF program), and the window must be covered all the same.
        auto ran = sampler.run(*interval, *window + *interval, [&](const SampleTick&) { return ++samples, true; });
        if (!ran)
            return report(ran.error());
        const auto suspects = sampler.detector().suspects();
        const auto processes = sampler.detector().history().pids().size();
        if (json)
            writeLeaksDocument(suspects, *window, *interval, samples, processes);
        else
            printSuspects(suspects, *window, processes);
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kLeaksCommand{
    "leaks", "find processes whose handle count keeps growing",
    "usage: handlescope-cli leaks [--for 60s] [--interval 1s] [--json]\n\n"
    "Counts every process's handles every --interval (default 1s) for --for (default 60s,\n"
    "then one interval more) and lists the processes that leak, fastest first: those whose\n"
    "lowest count rose in each third of that time and stayed above all the first third saw.\n"
    "A process that opens and closes handles, or grows once and stays, is not listed; a\n"
    "cycle longer than a third of --for can be (sample for longer to tell).\n"
    "Example: handlescope-cli leaks --for 5m --interval 5s\n",
    runLeaks};

} // namespace hs::cli
