// SPDX-License-Identifier: MIT
// handlescope-process-handles-bench (Windows only): how long one process' handle rows take
// per process against system-wide. For children holding N handles each (hs_child from
// tests/windows), it times, interleaved round by round:
//   (a) hs::win::queryProcessHandles(pid), NtQueryInformationProcess(ProcessHandleInformation),
//       or the system table where that class is missing (Wine 8 answers
//       STATUS_INVALID_INFO_CLASS: then (a) is the fallback, and the line says so);
//       and the whole public hs::listHandles(pid, Detail::Fast) built on it;
//   (b) the system-wide table read and filtered to the pid, hs::win::querySystemHandles(pid).
// It prints median/min/max per measurement, the ratio of the medians, and the system table's
// row count (what (b) copies). Not a test; docs/performance.md has results.
#include "bench_args.h"
#include "child_process.h"

#include "handlescope/inspect.h"
#include "windows/win_internal.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* kUsage = "usage: handlescope-process-handles-bench [--handles N[,N...]] [--rounds R]\n"
                               "  --handles  events each child opens besides its own handles (default 10,1000)\n"
                               "  --rounds   timed rounds per measurement, after one warm-up (default 20)\n";

using Clock = std::chrono::steady_clock;

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return {};
    const std::size_t n = ms.size();
    const double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    return {median, ms.front(), ms.back()};
}

void print(const char* what, const std::vector<double>& ms)
{
    const Stats s = stats(ms);
    std::printf("  %-46s median %9.3f ms  min %9.3f  max %9.3f  (n=%zu)\n", what, s.median, s.min, s.max, ms.size());
}

template <typename F>
double timeMs(F&& f)
{
    const auto t0 = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// One child with `handles` events; 0 when every read agreed, else 1.
int benchOne(long handles, long rounds)
{
    hstest::Child child(hstest::nativePath(HS_CHILD_EXE), L"events " + std::to_wstring(handles));
    for (std::string line = child.readLine(); line != "ready"; line = child.readLine()) {
        if (line.empty() || line.starts_with("failed")) {
            std::fprintf(stderr, "the child did not start: '%s'\n", line.c_str());
            return 1;
        }
    }
    const hs::Pid pid = child.pid();
    int bad = 0;
    std::size_t rowsA = 0, rowsB = 0, listed = 0;
    hs::win::HandleSource source = hs::win::HandleSource::SystemTable;
    auto perProcess = [&] {
        auto r = hs::win::queryProcessHandles(pid);
        if (!r) {
            std::fprintf(stderr, "queryProcessHandles: %s\n", r.error().message().c_str());
            bad = 1;
            return;
        }
        rowsA = r->rows.size();
        source = r->source;
    };
    auto fastListing = [&] {
        auto r = hs::listHandles(pid, hs::Detail::Fast);
        if (!r) {
            std::fprintf(stderr, "listHandles: %s\n", r.error().message().c_str());
            bad = 1;
            return;
        }
        listed = r->size();
    };
    auto systemWide = [&] {
        auto r = hs::win::querySystemHandles(pid);
        if (!r) {
            std::fprintf(stderr, "querySystemHandles: %s\n", r.error().message().c_str());
            bad = 1;
            return;
        }
        rowsB = r->size();
    };
    // Warm-up: type table, image names, and under Wine the one refused class-51 call.
    perProcess();
    fastListing();
    systemWide();
    std::vector<double> a, fast, b;
    for (long i = 0; i < rounds && !bad; ++i) {
        a.push_back(timeMs(perProcess));
        b.push_back(timeMs(systemWide));
        fast.push_back(timeMs(fastListing));
    }
    auto all = hs::win::querySystemHandles();
    if (!all) {
        std::fprintf(stderr, "querySystemHandles(all): %s\n", all.error().message().c_str());
        return 1;
    }
    std::printf("child pid %lld with %ld events: %zu rows per process, %zu system-wide for the pid, %zu listed; "
                "system table %zu rows\n",
                static_cast<long long>(pid), handles, rowsA, rowsB, listed, all->size());
    const std::string aName = std::string("(a) queryProcessHandles [") + std::string(hs::win::handleSourceName(source))
        + "]";
    print(aName.c_str(), a);
    print("(a) listHandles(pid, Fast)", fast);
    print("(b) querySystemHandles(pid)", b);
    const double ratio = stats(b).median > 0 ? stats(a).median / stats(b).median : 0;
    std::printf("  ratio (a) queryProcessHandles / (b): %.2f\n", ratio);
    if (rowsA != rowsB) {
        std::fprintf(stderr, "the per-process read (%zu rows) and the system table (%zu rows) disagree\n", rowsA, rowsB);
        bad = 1;
    }
    child.quit();
    return bad;
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-process-handles-bench", kUsage);
    std::vector<long> counts{10, 1000};
    long rounds = 20;
    while (const char* arg = args.next()) {
        const std::string_view a = arg;
        if (a == "--handles") {
            counts.clear();
            std::string_view list = args.value(a);
            while (!list.empty()) {
                const auto comma = list.find(',');
                counts.push_back(args.parse("--handles", list.substr(0, comma), 0, 100000));
                list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
            if (counts.empty())
                args.fail("--handles needs at least one count");
        } else if (a == "--rounds") {
            rounds = args.number(a, 1, 10000);
        } else {
            args.unknown(a);
        }
    }
    const bool wine = GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version") != nullptr;
    std::printf("%s, %ld rounds per measurement after one warm-up\n", wine ? "under Wine" : "on Windows", rounds);
    int rc = 0;
    try {
        for (const long n : counts)
            rc |= benchOne(n, rounds);
    } catch (const std::exception& e) { // the test helper throws when a child cannot start
        std::fprintf(stderr, "handlescope-process-handles-bench: %s\n", e.what());
        return 1;
    }
    // Known only after the first read: whether (a) read class 51 or fell back.
    std::printf("ProcessHandleInformation (class 51): %s\n",
                hs::win::processHandleClassMissing()
                    ? "missing (STATUS_INVALID_INFO_CLASS or STATUS_NOT_IMPLEMENTED): (a) is the system-table fallback"
                    : "answered where the process could be opened: (a) read one process' table");
    return rc;
}
