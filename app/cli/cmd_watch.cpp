// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/sampler.h"

#include <map>

namespace hs::cli {

namespace {

/// What watch remembers of a process between ticks.
struct Seen {
    std::int64_t startCount = 0;
    KindCounts previous{};
    std::int64_t previousCount = 0;
};

std::string signedText(std::int64_t v) { return (v > 0 ? "+" : "") + std::to_string(v); }

/// "file +2, socket +2": the kinds whose count changed since the previous tick.
std::string kindChanges(const KindCounts& now, const KindCounts& before)
{
    std::string out;
    for (std::size_t k = 0; k < now.size(); ++k)
        if (const auto d = now[k] - before[k]; d != 0)
            out += (out.empty() ? "" : ", ") + std::string(toString(static_cast<HandleKind>(k))) + " " + signedText(d);
    return out;
}

void writeKinds(json::Writer& w, std::string_view key, const KindCounts& now, const KindCounts* before)
{
    w.key(key);
    w.beginObject();
    for (std::size_t k = 0; k < now.size(); ++k) {
        const auto v = before ? now[k] - (*before)[k] : now[k];
        if (v != 0)
            w.field(toString(static_cast<HandleKind>(k)), v);
    }
    w.endObject();
}

/// One line of `watch --json` (docs/json-schema.md).
void writeTickLine(std::int64_t elapsedMs, const WatchedSample& s, const Seen& seen)
{
    json::Writer w(stdout);
    json::beginDocument(w);
    w.field("elapsed_ms", elapsedMs);
    w.field("pid", static_cast<std::int64_t>(s.pid));
    if (s.error) {
        w.key("error");
        json::writeError(w, *s.error);
    } else {
        w.field("handles", s.count);
        w.field("delta", s.count - seen.previousCount);
        w.field("since_start", s.count - seen.startCount);
        writeKinds(w, "per_type", s.perKind, nullptr);
        writeKinds(w, "per_type_delta", s.perKind, &seen.previous);
    }
    json::endDocument(w);
}

int runWatch(const std::vector<std::string>& words)
{
    const OptionSpec spec{
        .flags = {"--json"}, .valued = {"--interval", "--duration"}, .minPositional = 1, .maxPositional = 64};
    return runParsed(kWatchCommand, words, spec, [](const Args& args) {
        auto interval = parseDuration(args.value("--interval").value_or("1s"), "--interval");
        if (!interval)
            return report(interval.error(), ExitUsage);
        auto duration = parseDuration(args.value("--duration").value_or("60s"), "--duration");
        if (!duration)
            return report(duration.error(), ExitUsage);
        const bool json = args.has("--json");

        Sampler sampler(*duration, *interval);
        for (const auto& word : args.positional) {
            auto pid = parsePid(word);
            if (!pid)
                return report(pid.error(), ExitUsage);
            // An unknown pid is a mistake in the command, not a process that exited on the way.
            if (auto info = processInfo(*pid); !info)
                return report(info.error());
            sampler.watch(*pid);
        }

        std::map<Pid, Seen> seen;
        bool lostOne = false;
        std::optional<SteadyTime> start;
        if (!json)
            std::printf("%8s %8s %8s %7s %11s  %s\n", "TIME", "PID", "HANDLES", "DELTA", "SINCE START", "TYPES");
        auto ran = sampler.run(*interval, *duration, [&](const SampleTick& tick) {
            if (!start)
                start = tick.at;
            const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(tick.at - *start).count();
            for (const auto& s : tick.watched) {
                auto [it, first] = seen.try_emplace(s.pid);
                Seen& mine = it->second;
                if (first && !s.error)
                    mine = {s.count, s.perKind, s.count};
                if (json)
                    writeTickLine(elapsed, s, mine);
                if (s.error) {
                    // It exited (or became unreadable): say so and watch the others.
                    report(*s.error);
                    sampler.unwatch(s.pid);
                    lostOne = true;
                    continue;
                }
                if (!json)
                    std::printf("%7.1fs %8lld %8lld %7s %11s  %s\n", static_cast<double>(elapsed) / 1000,
                                static_cast<long long>(s.pid), static_cast<long long>(s.count),
                                signedText(s.count - mine.previousCount).c_str(),
                                signedText(s.count - mine.startCount).c_str(),
                                kindChanges(s.perKind, mine.previous).c_str());
                mine.previous = s.perKind;
                mine.previousCount = s.count;
            }
            std::fflush(stdout); // a line per tick, as it happens, also into a pipe
            return !sampler.watched().empty();
        });
        if (!ran)
            return report(ran.error());
        if (sampler.watched().empty())
            std::fprintf(stderr, "handlescope-cli: watch: no process left to watch\n");
        return static_cast<int>(lostOne ? ExitFailed : ExitOk);
    });
}

} // namespace

const Command kWatchCommand{
    "watch", "follow the handle counts of processes over time",
    "usage: handlescope-cli watch PID... [--interval 1s] [--duration 60s] [--json]\n\n"
    "Reads the handles of each PID every --interval (500ms, 1s, 2m...; default 1s) for\n"
    "--duration (default 60s) and prints a line per process and tick: its handle count,\n"
    "the change since the previous tick and since the start, and which types changed.\n"
    "--json prints one JSON object per line instead. A process that exits is reported on\n"
    "stderr and the others are still watched; the exit code is then 1.\n"
    "Example: handlescope-cli watch 1234 5678 --interval 500ms --duration 30s\n",
    runWatch};

} // namespace hs::cli
