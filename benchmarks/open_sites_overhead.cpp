// SPDX-License-Identifier: MIT
// handlescope-open-sites-overhead: what the open-site tracer (handlescope/open_sites.h)
// costs a process that opens and closes fds. A child opens and closes /dev/null --rate
// times a second (0: as fast as it can) for --seconds; it is run untraced, then traced by
// this process, and for each run prints the child's CPU time (user + system, getrusage of
// the reaped child) and the opens it managed per second, and for the traced run the
// tracer's own CPU (this process: ring buffer, unwinding), the creating calls it saw and
// the records the kernel's ring buffer had no room for. Needs root (BPF).

#include "bench_args.h"

#include "handlescope/open_sites.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <cstdio>
#include <string_view>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

double selfCpu()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

/// The child's work: open and close at `rate` a second (paced in 1 ms batches), or flat out.
[[noreturn]] void openAndClose(long rate, long runSeconds, int reportFd)
{
    char go = 0;
    (void)!::read(0, &go, 1); // start once the parent is ready (tracing, if it traces)
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(runSeconds);
    long opened = 0;
    while (Clock::now() < end) {
        const long due = rate == 0 ? opened + 1000
            : static_cast<long>(std::chrono::duration<double>(Clock::now() - start).count() * static_cast<double>(rate));
        for (; opened < due; ++opened)
            ::close(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        if (rate != 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    char line[64];
    const int n = std::snprintf(line, sizeof line, "%.1f\n", static_cast<double>(opened) / elapsed);
    (void)!::write(reportFd, line, static_cast<std::size_t>(n));
    (void)!::read(0, &go, 1); // stay until the parent has its report (it reads our fds)
    ::_exit(0);
}

struct Run {
    double childCpu = 0;     ///< seconds
    double opensPerSecond = 0;
    double tracerCpu = 0;    ///< seconds, traced runs only
    std::int64_t seen = 0;   ///< creating calls the tracer saw
    std::int64_t lost = 0;   ///< records the ring buffer had no room for
};

bool runOnce(long rate, long runSeconds, bool traced, Run& out)
{
    int go[2];
    int report[2];
    if (::pipe(go) != 0 || ::pipe(report) != 0)
        return false;
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(go[0], 0);
        ::close(go[1]); // or our own copy would keep the pipe open: no EOF for the read at the end
        ::close(report[0]);
        openAndClose(rate, runSeconds, report[1]);
    }
    ::close(go[0]);
    ::close(report[1]);
    std::unique_ptr<hs::OpenSiteTracer> tracer;
    if (traced) {
        auto started = hs::OpenSiteTracer::start(child);
        if (!started) {
            std::fprintf(stderr, "handlescope-open-sites-overhead: %s\n", started.error().message().c_str());
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
            return false;
        }
        tracer = std::move(*started);
    }
    const double cpuBefore = selfCpu();
    (void)!::write(go[1], "g", 1);
    if (tracer) {
        pollfd done{report[0], POLLIN, 0};
        while (::poll(&done, 1, 0) == 0)
            (void)tracer->follow(std::chrono::milliseconds(100));
        if (auto r = tracer->report()) {
            out.seen = r->openCalls;
            out.lost = r->lostRecords;
        }
    }
    char line[64] = {};
    (void)!::read(report[0], line, sizeof line - 1);
    ::close(go[1]); // the child exits
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    out.tracerCpu = selfCpu() - cpuBefore;
    out.childCpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    out.opensPerSecond = std::atof(line);
    ::close(report[0]);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-open-sites-overhead",
                     "usage: handlescope-open-sites-overhead [--rate N] [--seconds S]\n"
                     "  A child opens and closes /dev/null N times a second (default 10000; 0: flat out)\n"
                     "  for S s (default 5), untraced and then traced, and prints per run:\n"
                     "  run untraced|traced child_cpu_ms C opens_per_second R tracer_cpu_ms T seen S lost L\n");
    long rate = 10000;
    long runSeconds = 5;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--rate")
            rate = args.number(arg, 0, 10'000'000);
        else if (arg == "--seconds")
            runSeconds = args.number(arg, 1, 3600);
        else
            args.unknown(arg);
    }
    for (const bool traced : {false, true}) {
        Run run;
        if (!runOnce(rate, runSeconds, traced, run))
            return 1;
        std::printf("run %s child_cpu_ms %.0f opens_per_second %.0f tracer_cpu_ms %.0f seen %lld lost %lld\n",
                    traced ? "traced" : "untraced", run.childCpu * 1000, run.opensPerSecond,
                    traced ? run.tracerCpu * 1000 : 0.0, static_cast<long long>(run.seen),
                    static_cast<long long>(run.lost));
    }
    return 0;
}
