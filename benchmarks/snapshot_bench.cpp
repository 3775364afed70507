// SPDX-License-Identifier: MIT
// handlescope-snapshot-bench: times hs::takeSnapshot(Detail::Fast) (or Full), or
// hs::countHandles, K times in one process and prints the median, so the core is measured
// without the CLI's output or the one-off cost of loading a BPF program (what a sampler
// that keeps running pays per sample). HANDLESCOPE_SNAPSHOT_BACKEND=procfs|bpf-iter forces
// a backend; the one that ran is printed.

#include "bench_args.h"

#include "handlescope/counts.h"
#include "handlescope/inspect.h"
#include "handlescope/peers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-snapshot-bench",
                     "usage: handlescope-snapshot-bench [--runs K] [--full | --counts] [--peers] [--warmup]\n"
                     "  Takes K snapshots (default 5, at most 1000), or K handle counts, after one\n"
                     "  untimed warm-up with --warmup (it loads the BPF program), and prints (--peers: each\n"
                     "  snapshot's time includes hs::linkPeers):\n"
                     "  median_ms M min_ms A max_ms B handles H processes P access_errors E runs K backend NAME\n");
    int runs = 5;
    hs::Detail detail = hs::Detail::Fast;
    bool countsOnly = false;
    bool warmup = false;
    bool peers = false;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--full")
            detail = hs::Detail::Full;
        else if (arg == "--counts")
            countsOnly = true;
        else if (arg == "--peers")
            peers = true;
        else if (arg == "--warmup")
            warmup = true;
        else if (arg == "--runs")
            runs = static_cast<int>(args.number(arg, 1, 1000));
        else
            args.unknown(arg);
    }

    std::vector<double> ms;
    std::size_t handles = 0;
    std::size_t processes = 0;
    std::size_t accessErrors = 0;
    std::string backend;
    if (warmup && countsOnly)
        (void)hs::countHandles();
    else if (warmup)
        (void)hs::takeSnapshot(detail);
    for (int r = 0; r < runs && countsOnly; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        auto counts = hs::countHandles();
        const auto t1 = std::chrono::steady_clock::now();
        if (!counts) {
            std::fprintf(stderr, "handlescope-snapshot-bench: %s\n", counts.error().message().c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        handles = static_cast<std::size_t>(counts->total());
        processes = counts->perProcess.size();
        accessErrors = static_cast<std::size_t>(counts->deniedProcesses);
        backend = counts->backend;
    }
    for (int r = 0; r < runs && !countsOnly; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        auto snap = hs::takeSnapshot(detail);
        if (snap && peers)
            hs::linkPeers(*snap);
        const auto t1 = std::chrono::steady_clock::now();
        if (!snap) {
            std::fprintf(stderr, "handlescope-snapshot-bench: %s\n", snap.error().message().c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        handles = snap->handleCount();
        processes = snap->processes.size();
        backend = snap->backend;
        accessErrors = static_cast<std::size_t>(std::count_if(snap->processes.begin(), snap->processes.end(),
                                                              [](const auto& p) { return p.process.accessError; }));
        // The snapshot is freed here, inside the loop, as a real refresh loop would.
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    std::printf("median_ms %.1f min_ms %.1f max_ms %.1f handles %zu processes %zu access_errors %zu runs %d backend %s\n",
                median, sorted.front(), sorted.back(), handles, processes, accessErrors, runs, backend.c_str());
    return 0;
}
