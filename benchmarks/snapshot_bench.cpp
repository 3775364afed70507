// SPDX-License-Identifier: MIT
// handlescope-snapshot-bench: times hs::takeSnapshot(Detail::Fast) (or Full) K times in one
// process and prints the median, so the core is measured without the CLI's JSON output.

#include "handlescope/inspect.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

namespace {

int usage(std::FILE* to, int code)
{
    std::fputs("usage: handlescope-snapshot-bench [--runs K] [--full]\n"
               "  Takes K snapshots (default 5) and prints:\n"
               "  median_ms M min_ms A max_ms B handles H processes P access_errors E runs K\n",
               to);
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 5;
    hs::Detail detail = hs::Detail::Fast;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help")
            return usage(stdout, 0);
        if (arg == "--full") {
            detail = hs::Detail::Full;
        } else if (arg == "--runs" && i + 1 < argc) {
            std::string_view v = argv[++i];
            auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), runs);
            if (ec != std::errc{} || ptr != v.data() + v.size() || runs < 1 || runs > 1000)
                return usage(stderr, 2);
        } else {
            return usage(stderr, 2);
        }
    }

    std::vector<double> ms;
    std::size_t handles = 0;
    std::size_t processes = 0;
    std::size_t accessErrors = 0;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        auto snap = hs::takeSnapshot(detail);
        const auto t1 = std::chrono::steady_clock::now();
        if (!snap) {
            std::fprintf(stderr, "handlescope-snapshot-bench: %s\n", snap.error().message().c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        handles = snap->handleCount();
        processes = snap->processes.size();
        accessErrors = static_cast<std::size_t>(std::count_if(snap->processes.begin(), snap->processes.end(),
                                                              [](const auto& p) { return p.process.accessError; }));
        // The snapshot is freed here, inside the loop, as a real refresh loop would.
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    std::printf("median_ms %.1f min_ms %.1f max_ms %.1f handles %zu processes %zu access_errors %zu runs %d\n", median,
                sorted.front(), sorted.back(), handles, processes, accessErrors, runs);
    return 0;
}
