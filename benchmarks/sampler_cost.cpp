// SPDX-License-Identifier: MIT
// handlescope-sampler-cost: what the leak sampler costs while it runs. Runs hs::Sampler
// every --interval-ms (default 1000) for --seconds (default 30), as `handlescope-cli leaks`
// does, and prints its own CPU time (getrusage: user + system, this process only) as a
// percent of one core over the run, and per sample. The first sample loads the BPF program;
// it is timed apart (first_sample_ms) and its CPU is left out of the per-sample figure.

#include "bench_args.h"

#include "handlescope/sampler.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

double cpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-sampler-cost",
                     "usage: handlescope-sampler-cost [--seconds N] [--interval-ms M] [--window-seconds W]\n"
                     "  Samples the whole machine's handle counts every M ms (default 1000) for N s\n"
                     "  (default 30) with a W s leak window (default 60), and prints:\n"
                     "  cpu_percent P cpu_ms_per_sample C wall_ms_per_sample A first_sample_ms F samples S\n"
                     "  handles H processes N suspects K backend NAME\n");
    long seconds = 30;
    long intervalMs = 1000;
    long windowSeconds = 60;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--seconds")
            seconds = args.number(arg, 1, 3600);
        else if (arg == "--interval-ms")
            intervalMs = args.number(arg, 10, 60'000);
        else if (arg == "--window-seconds")
            windowSeconds = args.number(arg, 1, 86'400);
        else
            args.unknown(arg);
    }
    const std::chrono::milliseconds interval(intervalMs);
    hs::Sampler sampler(std::chrono::seconds(windowSeconds), interval);

    // The first sample, alone: it loads the BPF program, which a running sampler pays once.
    const auto w0 = std::chrono::steady_clock::now();
    auto first = sampler.sampleOnce();
    const double firstMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
    if (!first) {
        std::fprintf(stderr, "handlescope-sampler-cost: %s\n", first.error().message().c_str());
        return 1;
    }

    int samples = 0;
    double wallInSamples = 0;
    std::int64_t handles = 0;
    std::size_t processes = 0;
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    auto ran = sampler.run(interval, std::chrono::seconds(seconds) - interval, [&](const hs::SampleTick& tick) {
        ++samples;
        wallInSamples += std::chrono::duration<double, std::milli>(tick.counts.duration).count();
        handles = tick.counts.total();
        processes = tick.counts.perProcess.size();
        return true;
    });
    // The run ends right after its last sample; the time it covers is up to the next one.
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0 + interval).count();
    const double cpu = cpuSeconds() - cpu0;
    if (!ran) {
        std::fprintf(stderr, "handlescope-sampler-cost: %s\n", ran.error().message().c_str());
        return 1;
    }
    std::printf("cpu_percent %.3f cpu_ms_per_sample %.3f wall_ms_per_sample %.3f first_sample_ms %.1f samples %d "
                "handles %lld processes %zu suspects %zu backend %s\n",
                100.0 * cpu / wall, 1000.0 * cpu / samples, wallInSamples / samples, firstMs, samples,
                static_cast<long long>(handles), processes, sampler.detector().suspects().size(),
                first->counts.backend.c_str());
    return 0;
}
