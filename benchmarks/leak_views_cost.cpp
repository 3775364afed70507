// SPDX-License-Identifier: MIT
// handlescope-leak-views-cost: what the desktop app's leak views cost while they are shown.
// Runs the app's LeakSampler (ui/leaks) every --interval-ms (default 1000) for --seconds
// (default 30) with the chart of this process and the suspects model updated at every
// sample, as the docks do, offscreen. Prints the process's CPU time (getrusage: every
// thread) as a percent of one core, and the GUI thread's alone (what the window pays:
// adding the counts to the history, the suspects merge, the chart's series), per sample.

#include "bench_args.h"

#include "leaks/leakchart.h"
#include "leaks/leaksampler.h"
#include "leaks/suspectmodel.h"

#include <QApplication>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string_view>

namespace {

double processCpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

double threadCpuSeconds()
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bench::Args args(argc, argv, "handlescope-leak-views-cost",
                     "usage: handlescope-leak-views-cost [--seconds N] [--interval-ms M]\n"
                     "  Runs the desktop app's leak sampler and views offscreen every M ms (default 1000)\n"
                     "  for N s (default 30) with a 60 s window, and prints:\n"
                     "  cpu_percent P gui_thread_cpu_percent G gui_ms_per_sample U samples S suspects K\n");
    long seconds = 30;
    long intervalMs = 1000;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--seconds")
            seconds = args.number(arg, 1, 3600);
        else if (arg == "--interval-ms")
            intervalMs = args.number(arg, 10, 60'000);
        else
            args.unknown(arg);
    }
    using namespace hs::ui;
    LeakSampler sampler({.window = std::chrono::seconds(60), .interval = std::chrono::milliseconds(intervalMs)});
    LeakChart chart(&sampler);
    chart.setProcess(::getpid(), QStringLiteral("handlescope-leak-views-cost"));
    chart.resize(900, 400);
    chart.show();
    SuspectModel suspects;
    int samples = 0;
    QString failure;
    double cpu0 = 0, gui0 = 0;
    auto t0 = std::chrono::steady_clock::now();
    QObject::connect(&sampler, &LeakSampler::sampled, &app, [&] {
        suspects.update(sampler.history());
        chart.repaint(); // what a shown chart costs, not only the series
        if (++samples == 1) { // the first sample loads the BPF program: left out
            cpu0 = processCpuSeconds();
            gui0 = threadCpuSeconds();
            t0 = std::chrono::steady_clock::now();
        }
    });
    QObject::connect(&sampler, &LeakSampler::failed, &app, [&](const QString& message) {
        failure = message;
        QApplication::exit(1);
    });
    sampler.start();
    QTimer::singleShot(std::chrono::seconds(seconds), &app, [] { QApplication::quit(); });
    if (QApplication::exec() != 0 || samples < 2) {
        std::fprintf(stderr, "handlescope-leak-views-cost: %s\n",
                     failure.isEmpty() ? "fewer than two samples" : qPrintable(failure));
        return 1;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = processCpuSeconds() - cpu0;
    const double gui = threadCpuSeconds() - gui0;
    std::printf("cpu_percent %.3f gui_thread_cpu_percent %.3f gui_ms_per_sample %.3f samples %d suspects %d\n",
                100.0 * cpu / wall, 100.0 * gui / wall, 1000.0 * gui / (samples - 1), samples - 1,
                suspects.rowCount());
    return 0;
}
