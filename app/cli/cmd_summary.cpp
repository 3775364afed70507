// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"
#include "prometheus.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/summary.h"

#include <algorithm>
#include <cerrno>


namespace hs::cli {

namespace {

void writeNameCounts(json::Writer& w, std::string_view key, const std::vector<NameCount>& list)
{
    w.key(key);
    w.beginArray();
    for (const auto& n : list) {
        w.beginObject();
        w.field("name", n.name);
        w.field("count", n.count);
        w.field("example", n.example);
        w.endObject();
    }
    w.endArray();
}

/// The `summary --json` document (docs/json-schema.md).
void writeSummaryDocument(json::Writer& w, const HandleSummary& s, std::optional<Pid> pid)
{
    json::beginDocument(w);
    w.key("pid");
    if (pid)
        w.value(static_cast<std::int64_t>(*pid));
    else
        w.null(); // the machine
    w.field("processes", s.processes);
    w.field("handles", s.handles);
    w.key("per_type");
    w.beginObject();
    for (int k = 0; k < HandleKindCount; ++k)
        if (auto n = s.perKind[static_cast<std::size_t>(k)]; n != 0)
            w.field(toString(static_cast<HandleKind>(k)), n);
    w.endObject();
    writeNameCounts(w, "top_names", s.topNames);
    writeNameCounts(w, "directories", s.perDirectory);
    writeNameCounts(w, "endpoints", s.perEndpoint);
    writeNameCounts(w, "top_processes", s.topProcesses);
    json::endDocument(w);
}

void printNameCounts(const char* title, const std::vector<NameCount>& list, Format format, bool withExample)
{
    if (list.empty())
        return;
    Table t{{"COUNT", title}, {}, {true, false, false}};
    if (withExample)
        t.header.emplace_back("EXAMPLE");
    for (const auto& n : list) {
        t.rows.push_back({std::to_string(n.count), n.name});
        if (withExample)
            t.rows.back().push_back(n.example == n.name ? std::string() : n.example);
    }
    std::printf("\n");
    printRows(t, format);
}

void printSummary(const HandleSummary& s, std::optional<Pid> pid, const std::string& processName, Format format)
{
    if (pid)
        std::printf("%lld handles in process %lld (%s)\n", static_cast<long long>(s.handles), static_cast<long long>(*pid),
                    printable(processName).c_str());
    else
        std::printf("%lld handles in %lld processes\n", static_cast<long long>(s.handles),
                    static_cast<long long>(s.processes));
    Table kinds{{"COUNT", "TYPE"}, {}, {true, false}};
    for (int k = 0; k < HandleKindCount; ++k)
        if (auto n = s.perKind[static_cast<std::size_t>(k)]; n != 0)
            kinds.rows.push_back({std::to_string(n), std::string(toString(static_cast<HandleKind>(k)))});
    std::printf("\n");
    printRows(kinds, format);
    printNameCounts("NAME", s.topNames, format, true);
    printNameCounts("DIRECTORY", s.perDirectory, format, false);
    printNameCounts("ENDPOINT", s.perEndpoint, format, false);
    if (!pid)
        printNameCounts("PROCESS", s.topProcesses, format, false);
}

void printPrometheus(const HandleSummary& s, std::optional<Pid> pid, const std::string& processName)
{
    prometheus::Labels scope;
    if (pid)
        scope = {{"pid", std::to_string(*pid)}, {"name", processName}};
    prometheus::gauge(stdout, "handlescope_handles", "Open handles (file descriptors), by type.");
    for (int k = 0; k < HandleKindCount; ++k) {
        if (auto n = s.perKind[static_cast<std::size_t>(k)]; n != 0) {
            auto labels = scope;
            labels.emplace_back("type", std::string(toString(static_cast<HandleKind>(k))));
            prometheus::sample(stdout, "handlescope_handles", labels, n);
        }
    }
    prometheus::gauge(stdout, "handlescope_handles_total", "Open handles (file descriptors), all types.");
    prometheus::sample(stdout, "handlescope_handles_total", scope, s.handles);
    if (!pid) {
        prometheus::gauge(stdout, "handlescope_processes", "Processes whose handles were read.");
        prometheus::sample(stdout, "handlescope_processes", {}, s.processes);
    }
}

int runSummary(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json", "--csv"}, .valued = {"--top", "--format"}, .maxPositional = 1};
    return runParsed(kSummaryCommand, words, spec, [](const Args& args) {
        auto format = formatFrom(args);
        if (!format)
            return report(format.error(), ExitUsage);
        auto top = topFrom(args, 10);
        if (!top)
            return report(top.error(), ExitUsage);
        std::optional<Pid> pid;
        std::string processName;
        if (!args.positional.empty()) {
            auto parsed = parsePid(args.positional[0]);
            if (!parsed)
                return report(parsed.error(), ExitUsage);
            pid = *parsed;
            auto info = processInfo(*pid); // its name, and a clear error for a pid that is not there
            if (!info)
                return report(info.error());
            processName = info->name;
        }
        // Through the snapshot backend even for one process: with the BPF iterator a socket
        // is described from the socket itself (an unbound one too, which no /proc table
        // lists), as in `snapshot` and `diff`.
        auto snapshot = takeSnapshot(Detail::Fast);
        if (!snapshot)
            return report(snapshot.error());
        if (pid) {
            const auto& ps = snapshot->processes;
            auto it = std::ranges::find_if(ps, [&](const ProcessHandles& p) { return p.process.pid == *pid; });
            if (it == ps.end())
                return report(Error{.operation = "summary",
                                    .pid = *pid,
                                    .osCode = ESRCH,
                                    .osName = "ESRCH",
                                    .osText = "No such process",
                                    .hint = "pid " + std::to_string(*pid) + " exited while the machine was read"});
            if (it->process.accessError)
                return report(*it->process.accessError);
        }
        const HandleSummary summary = summarize(*snapshot, pid, *top);
        if (*format == Format::Json) {
            json::Writer w(stdout);
            writeSummaryDocument(w, summary, pid);
        } else if (*format == Format::Prometheus) {
            printPrometheus(summary, pid, processName);
        } else {
            printSummary(summary, pid, processName, *format);
        }
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kSummaryCommand{
    "summary", "what a process, or the machine, holds: per type, names, directories, endpoints",
    "usage: handlescope-cli summary [PID] [--top N] [--json | --csv | --format table|json|csv|prometheus]\n\n"
    "Counts the handles of one process (or of every process) per type, and lists the N\n"
    "(default 10) names held most often, as patterns: runs of digits become '*', so\n"
    "/tmp/job-17 and /tmp/job-18 count as one \"/tmp/job-*\"; sockets are named by their far\n"
    "end (\"tcp -> 10.0.0.5:443\"). Then the directories of the open files, the socket\n"
    "endpoints and, for the machine, the processes with the most handles.\n"
    "--format prometheus prints handlescope_handles{type} and handlescope_handles_total\n"
    "gauges (with pid and name labels for one process) for node-exporter's textfile collector.\n",
    runSummary};

} // namespace hs::cli
