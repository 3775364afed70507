// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"

#include "handlescope/describe.h"
#include "handlescope/diff.h"
#include "handlescope/json.h"
#include "handlescope/json_read.h"

#include <chrono>
#include <ctime>

namespace hs::cli {

namespace {

std::int64_t handleCount(const Snapshot& s)
{
    std::int64_t n = 0;
    for (const auto& p : s.processes)
        n += static_cast<std::int64_t>(p.handles.size());
    return n;
}

std::int64_t unixMs(std::chrono::system_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

void writeSide(json::Writer& w, std::string_view key, const std::string& path, const Snapshot& s)
{
    w.key(key);
    w.beginObject();
    w.field("file", path);
    w.field("taken_at_unix_ms", unixMs(s.takenAt));
    w.field("processes", static_cast<std::int64_t>(s.processes.size()));
    w.field("handles", handleCount(s));
    w.endObject();
}

void writeProcessChanges(json::Writer& w, std::string_view key, const std::vector<ProcessChange>& list)
{
    w.key(key);
    w.beginArray();
    for (const auto& p : list) {
        w.beginObject();
        w.field("pid", static_cast<std::int64_t>(p.process.pid));
        w.field("name", p.process.name);
        w.field("handles", p.handles);
        w.endObject();
    }
    w.endArray();
}

/// The `diff --json` document (docs/json-schema.md).
void writeDiffDocument(json::Writer& w, const SnapshotDiff& d, const std::string& pathA, const Snapshot& a,
                       const std::string& pathB, const Snapshot& b)
{
    json::beginDocument(w);
    writeSide(w, "before", pathA, a);
    writeSide(w, "after", pathB, b);
    w.field("opened", d.opened);
    w.field("closed", d.closed);
    w.field("changed", d.changed);
    w.key("groups");
    w.beginArray();
    for (const auto& g : d.groups) {
        w.beginObject();
        w.field("change", toString(g.change));
        w.field("type", toString(g.kind));
        w.field("pattern", g.pattern);
        w.field("example", g.example);
        w.field("count", g.count);
        w.key("pids");
        w.beginArray();
        for (Pid pid : g.pids)
            w.value(static_cast<std::int64_t>(pid));
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("handles");
    w.beginArray();
    for (const auto& c : d.handles) {
        w.beginObject();
        w.field("change", toString(c.change));
        w.field("pid", static_cast<std::int64_t>(c.pid));
        w.field("process", c.processName);
        w.key("before");
        if (c.change == Change::Opened)
            w.null();
        else
            json::writeHandle(w, c.before);
        w.key("after");
        if (c.change == Change::Closed)
            w.null();
        else
            json::writeHandle(w, c.after);
        w.key("changed_fields");
        w.beginArray();
        for (const auto& f : c.changedFields)
            w.value(f);
        w.endArray();
        w.endObject();
    }
    w.endArray();
    writeProcessChanges(w, "processes_started", d.processesStarted);
    writeProcessChanges(w, "processes_exited", d.processesExited);
    json::endDocument(w);
}

std::string when(const Snapshot& s)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(s.takenAt);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

void printDiff(const SnapshotDiff& d, const std::string& pathA, const Snapshot& a, const std::string& pathB,
               const Snapshot& b, std::size_t top, Format format)
{
    std::printf("before: %s, %s, %zu processes, %lld handles\n", printable(pathA).c_str(), when(a).c_str(),
                a.processes.size(), static_cast<long long>(handleCount(a)));
    std::printf("after:  %s, %s, %zu processes, %lld handles\n", printable(pathB).c_str(), when(b).c_str(),
                b.processes.size(), static_cast<long long>(handleCount(b)));
    std::printf("\n%lld opened, %lld closed, %lld changed in the processes both hold; %zu processes started, %zu "
                "exited\n",
                static_cast<long long>(d.opened), static_cast<long long>(d.closed), static_cast<long long>(d.changed),
                d.processesStarted.size(), d.processesExited.size());
    if (d.groups.empty())
        return;
    Table t{{"COUNT", "CHANGE", "TYPE", "NAME", "PIDS", "EXAMPLE"}, {}, {true, false, false, false, false, false}};
    for (std::size_t i = 0; i < d.groups.size() && i < top; ++i) {
        const auto& g = d.groups[i];
        std::string pids;
        for (std::size_t k = 0; k < g.pids.size() && k < 5; ++k)
            pids += (k ? "," : "") + std::to_string(g.pids[k]);
        if (g.pids.size() > 5)
            pids += ",... (" + std::to_string(g.pids.size()) + ")";
        t.rows.push_back({std::to_string(g.count), std::string(toString(g.change)), std::string(displayName(g.kind)), g.pattern,
                          pids, g.example == g.pattern ? std::string() : g.example});
    }
    std::printf("\n");
    printRows(t, format);
    if (d.groups.size() > top)
        std::printf("(%zu more groups: --top %zu shows them)\n", d.groups.size() - top, d.groups.size());
}

int runDiff(const std::vector<std::string>& words)
{
    const OptionSpec spec{
        .flags = {"--json", "--csv"}, .valued = {"--pid", "--top"}, .minPositional = 2, .maxPositional = 2};
    return runParsed(kDiffCommand, words, spec, [](const Args& args) {
        auto format = formatFrom(args);
        if (!format)
            return report(format.error(), ExitUsage);
        DiffOptions options;
        if (auto v = args.value("--pid")) {
            auto pid = parsePid(*v);
            if (!pid)
                return report(pid.error(), ExitUsage);
            options.pid = *pid;
        }
        auto top = topFrom(args, 30);
        if (!top)
            return report(top.error(), ExitUsage);
        const std::string& pathA = args.positional[0];
        const std::string& pathB = args.positional[1];
        auto a = json::readSnapshotFile(pathA);
        if (!a)
            return report(a.error());
        auto b = json::readSnapshotFile(pathB);
        if (!b)
            return report(b.error());
        const SnapshotDiff d = diffSnapshots(*a, *b, options);
        if (*format == Format::Json) {
            json::Writer w(stdout);
            writeDiffDocument(w, d, pathA, *a, pathB, *b);
        } else {
            printDiff(d, pathA, *a, pathB, *b, *top, *format);
        }
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kDiffCommand{
    "diff", "what changed between two snapshot files: handles opened, closed, changed",
    "usage: handlescope-cli diff BEFORE.json AFTER.json [--pid PID] [--top N] [--json | --csv]\n\n"
    "Reads two files written by 'handlescope-cli snapshot --json' and compares the processes\n"
    "both hold (same pid and start time), handle by handle: opened, closed, and changed (the\n"
    "same object with another name, open flags, access or socket state; offsets are not a\n"
    "change). A number reused for another object is a close and an open. Changes are grouped\n"
    "by type and name pattern (digits become '*', sockets are named by their far end), the\n"
    "largest first; the N largest groups are shown (default 30). Processes that started or\n"
    "exited between the two are counted, their handles not listed. --json lists every change.\n",
    runDiff};

} // namespace hs::cli
