// SPDX-License-Identifier: MIT
#include "commands.h"
#include "output.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/open_sites.h"

#include <csignal>
#include <cstdio>

namespace hs::cli {

namespace {

/// Set by Ctrl+C: the trace ends early and the report is still printed.
CancelToken g_interrupted = CancelToken::create();

void onInterrupt(int) { g_interrupted.cancel(); } // one relaxed atomic store: signal-safe

/// Frames shown under a site line: enough to see through a framework, not a whole stack.
constexpr std::size_t kShownFrames = 8;

void writeSite(json::Writer& w, const OpenSite& site, bool withStack)
{
    w.beginObject();
    w.field("count", site.count());
    if (withStack)
        w.field("summary", describeSite(site));
    w.key("kinds");
    w.beginObject();
    for (const auto& [kind, n] : site.kinds)
        w.field(toString(kind), n);
    w.endObject();
    w.key("fds");
    w.beginArray();
    for (HandleValue fd : site.fds)
        w.value(static_cast<std::int64_t>(fd));
    w.endArray();
    if (withStack) {
        w.key("stack");
        w.beginArray();
        for (const StackFrame& f : site.stack) {
            w.beginObject();
            w.field("address", f.address);
            w.field("function", f.function);
            w.field("signature", f.signature);
            w.field("module", f.module);
            w.field("file", f.file);
            w.field("line", static_cast<std::int64_t>(f.line));
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

/// The `opened-by --json` document (docs/json-schema.md).
void writeReportDocument(const OpenSiteReport& r)
{
    json::Writer w(stdout);
    json::beginDocument(w);
    w.field("pid", static_cast<std::int64_t>(r.pid));
    w.field("traced_ms", static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(r.traced).count()));
    w.field("open_calls", r.openCalls);
    w.field("close_calls", r.closeCalls);
    w.field("lost_records", r.lostRecords);
    w.field("unwind_failures", r.unwindFailures);
    w.key("sites");
    w.beginArray();
    for (const auto& site : r.sites)
        writeSite(w, site, true);
    w.endArray();
    w.key("unknown_origin");
    writeSite(w, r.unknownOrigin, false);
    json::endDocument(w);
}

void printReport(const OpenSiteReport& r)
{
    const double seconds = std::chrono::duration<double>(r.traced).count();
    std::printf("Traced pid %lld for %.1f s: %lld calls opened fds, %lld closed fds.\n\n",
                static_cast<long long>(r.pid), seconds, static_cast<long long>(r.openCalls),
                static_cast<long long>(r.closeCalls));
    if (r.sites.empty())
        std::printf("No fd opened during the trace is still open.\n");
    for (const auto& site : r.sites) {
        std::printf("%s still open, opened at %s\n", describeKinds(site).c_str(), printable(describeSite(site)).c_str());
        for (std::size_t i = 0; i < site.stack.size() && i < kShownFrames; ++i)
            std::printf("    %s\n", printable(describeFrame(site.stack[i])).c_str());
    }
    if (r.unknownOrigin.count() > 0)
        std::printf("\n%s opened before tracing began, or received from another process\n",
                    describeKinds(r.unknownOrigin).c_str());
    if (r.lostRecords > 0)
        std::printf("\n%lld calls were not recorded (the kernel's buffer was full): their fds are counted "
                    "as opened before tracing\n",
                    static_cast<long long>(r.lostRecords));
    if (r.unwindFailures > 0)
        std::printf("%lld stacks could not be walked past the system call (code without unwind information)\n",
                    static_cast<long long>(r.unwindFailures));
}

int runOpenedBy(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--json"}, .valued = {"--for"}, .minPositional = 1, .maxPositional = 1};
    return runParsed(kOpenedByCommand, words, spec, [](const Args& args) {
        auto pid = parsePid(args.positional.front());
        if (!pid)
            return report(pid.error(), ExitUsage);
        auto duration = parseDuration(args.value("--for").value_or("30s"), "--for");
        if (!duration)
            return report(duration.error(), ExitUsage);
        const bool json = args.has("--json");

        auto tracer = OpenSiteTracer::start(*pid);
        if (!tracer)
            return report(tracer.error());
        // The trace waits in short slices (and poll returns on a signal): it ends soon after.
        std::signal(SIGINT, onInterrupt);
        if (!json)
            std::fprintf(stderr, "Following the fds pid %lld opens for %g s (Ctrl+C to stop early)...\n",
                         static_cast<long long>(*pid), std::chrono::duration<double>(*duration).count());
        auto followed = (*tracer)->follow(*duration, g_interrupted);
        std::signal(SIGINT, SIG_DFL);
        if (!followed)
            return report(followed.error());
        auto result = (*tracer)->report();
        if (!result)
            return report(result.error());
        if (json)
            writeReportDocument(*result);
        else
            printReport(*result);
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kOpenedByCommand{
    "opened-by", "which code opened the fds a process still holds (Linux, BPF)",
    "usage: handlescope-cli opened-by PID [--for 30s] [--json]\n\n"
    "Follows every call of PID that creates or closes fds for --for (default 30s; Ctrl+C\n"
    "stops early), with the call stack of each creation, then groups the fds PID still\n"
    "holds by the stack that opened them, most first:\n"
    "  20 sockets still open, opened at Client::connect <- Pool::grow <- main\n"
    "Fds opened before the trace began, or received from another process, are counted\n"
    "apart. Needs root (or CAP_BPF and CAP_PERFMON) and a kernel with BTF. The process\n"
    "keeps running; one that exits during the trace is an error (its fds closed with it).\n"
    "Example: handlescope-cli opened-by 1234 --for 1m\n",
    runOpenedBy};

} // namespace hs::cli
