// SPDX-License-Identifier: MIT
#include "commands.h"
#include "filters.h"
#include "output.h"
#include "prometheus.h"

#include "handlescope/inspect.h"
#include "handlescope/json.h"

namespace hs::cli {

Result<std::set<HandleKind>> kindFilter(const Args& args)
{
    std::set<HandleKind> kinds;
    auto value = args.value("--type");
    if (!value)
        return kinds;
    std::string list = *value;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto comma = list.find(',', start);
        std::string id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!id.empty()) {
            auto kind = handleKindFromString(id);
            if (!kind)
                return fail(usageError(args.command, "unknown handle type '" + id + "'",
                                       "types: file, dir, chr, blk, fifo, socket, eventfd, timerfd, signalfd, epoll, "
                                       "inotify, fanotify, pidfd, memfd, io_uring, anon_inode, process, thread, event, "
                                       "mutant, semaphore, section, key, token, timer, job, other, unknown"));
            kinds.insert(*kind);
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return kinds;
}

Result<Listing> listingFrom(const Args& args)
{
    auto format = formatFrom(args);
    if (!format)
        return fail(format.error());
    auto kinds = kindFilter(args);
    if (!kinds)
        return fail(kinds.error());
    return Listing{*format, std::move(*kinds)};
}

namespace {

int runPs(const std::vector<std::string>& words)
{
    return runParsed(kPsCommand, words, {.flags = {"--json", "--csv"}, .valued = {"--format"}}, [](const Args& args) {
        auto format = formatFrom(args);
        if (!format)
            return report(format.error(), ExitUsage);
        auto processes = listProcesses();
        if (!processes)
            return report(processes.error());
        if (*format == Format::Prometheus) {
            // Processes whose count could not be read are left out, not exported as 0.
            prometheus::gauge(stdout, "handlescope_process_handles", "Open handles (file descriptors) of a process.");
            for (const auto& p : *processes)
                if (p.handleCount >= 0)
                    prometheus::sample(stdout, "handlescope_process_handles",
                                       {{"pid", std::to_string(p.pid)}, {"name", p.name}, {"user", p.user}}, p.handleCount);
        } else if (*format == Format::Json) {
            json::Writer w(stdout);
            json::writeProcessesDocument(w, *processes);
        } else {
            printRows(processTable(*processes), *format);
        }
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kPsCommand{
    "ps", "list processes with their handle counts",
    "usage: handlescope-cli ps [--json | --csv | --format table|json|csv|prometheus]\n\n"
    "Lists every process: pid, parent, user, state, handle (fd) count, name, command line.\n"
    "Processes whose handles you may not read show 'denied' (run as root to see them).\n"
    "--format prometheus prints handlescope_process_handles{pid,name,user} gauges in the\n"
    "text format node-exporter's textfile collector reads (unreadable counts left out).\n",
    runPs};

} // namespace hs::cli
