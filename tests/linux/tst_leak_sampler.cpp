// SPDX-License-Identifier: MIT
// The leak sampler on real processes: four hs_leak_helper children (leak, churn, step, saw)
// while the Sampler counts the whole machine every 150 ms with a 6 s window. The leaker is
// flagged once the window is covered (within two sampling intervals), at 1,200 fds a minute
// within 10%, its per-kind counts grow in files and sockets only; the other three are sampled
// all along and never flagged. And a watched process that exits is reported in the tick.

#include "child.h"

#include "handlescope/inspect.h"
#include "handlescope/sampler.h"

#include <QTest>

#include <array>
#include <cmath>
#include <map>
#include <string>

using namespace hs;
using namespace std::chrono_literals;

namespace {

constexpr auto kInterval = 150ms;
constexpr auto kWindow = 6s;
// The verdicts of 3 s after the window is covered: the step (at 1 s) and a few saw cycles
// fall inside several windows.
constexpr auto kRun = kWindow + 3s;

std::string startLeakHelper(hstest::Child& child, const std::string& mode)
{
    hstest::Spawn spec;
    spec.argv = {HS_LEAK_HELPER_PATH, mode};
    if (auto e = child.startHelper(spec); !e.empty())
        return mode + ": " + e;
    if (child.helper().pid != child.pid())
        return mode + ": the ready line names pid " + std::to_string(child.helper().pid);
    return {};
}

double seconds(SteadyTime from, SteadyTime to) { return std::chrono::duration<double>(to - from).count(); }

} // namespace

class TestLeakSampler : public QObject {
    Q_OBJECT

private slots:
    void leakerFlaggedOthersNot()
    {
        const std::array<const char*, 4> modes{"leak", "churn", "step", "saw"};
        std::array<hstest::Child, 4> children;
        for (std::size_t i = 0; i < modes.size(); ++i) {
            const auto e = startLeakHelper(children[i], modes[i]);
            QVERIFY2(e.empty(), e.c_str());
        }
        const Pid leaker = children[0].pid();

        Sampler sampler(kWindow, kInterval);
        sampler.watch(leaker);
        std::optional<SteadyTime> firstAt;
        std::optional<SteadyTime> flaggedAt;
        double growthWhenFlagged = 0;
        std::optional<WatchedSample> firstWatched;
        std::optional<WatchedSample> lastWatched;
        SteadyTime lastWatchedAt{};
        std::map<Pid, std::vector<std::int64_t>> counts; // each helper's count in each tick
        std::map<Pid, int> ticksSeen;
        std::map<Pid, int> verdictsMade;
        std::string wronglyFlagged;
        std::string watchError;
        const auto ran = sampler.run(kInterval, kRun, [&](const SampleTick& tick) {
            if (!firstAt)
                firstAt = tick.at;
            const auto& w = tick.watched.at(0);
            if (w.error)
                watchError = w.error->message();
            else if (!firstWatched)
                firstWatched = w;
            else
                lastWatched = w, lastWatchedAt = tick.at;
            for (std::size_t i = 0; i < children.size(); ++i) {
                const Pid pid = children[i].pid();
                const auto series = sampler.detector().history().series(pid);
                ticksSeen[pid] += !series.empty();
                if (!series.empty())
                    counts[pid].push_back(series.back().count);
                const auto v = sampler.detector().verdict(pid);
                verdictsMade[pid] += v.reason.find("no verdict yet") == std::string::npos;
                if (i == 0 && v.leaking && !flaggedAt) {
                    flaggedAt = tick.at;
                    growthWhenFlagged = v.growthPerMinute;
                }
                if (i != 0 && v.leaking)
                    wronglyFlagged += std::string(modes[i]) + " at " + std::to_string(seconds(*firstAt, tick.at))
                        + " s: " + v.reason + "; ";
            }
            return true;
        });
        QVERIFY2(ran, ran ? "" : ran.error().message().c_str());
        QVERIFY2(watchError.empty(), watchError.c_str());
        QVERIFY2(wronglyFlagged.empty(), wronglyFlagged.c_str());

        // Every helper was in every tick, and judged in the ticks after the window filled.
        const int ticks = ticksSeen[leaker];
        QVERIFY2(ticks >= 55, std::to_string(ticks).c_str()); // 9 s / 150 ms + 1 = 61, less a slow tick or two
        for (const auto& child : children) {
            QCOMPARE(ticksSeen[child.pid()], ticks);
            QVERIFY2(verdictsMade[child.pid()] >= 10, std::to_string(verdictsMade[child.pid()]).c_str());
        }

        QVERIFY2(flaggedAt, sampler.detector().verdict(leaker).reason.c_str());
        const double after = seconds(*firstAt, *flaggedAt);
        qInfo("leaker flagged %.2f s after the first of %d ticks at %.1f/min; %s", after, ticks, growthWhenFlagged,
              sampler.detector().verdict(leaker).reason.c_str());
        const double limit = std::chrono::duration<double>(kWindow + 2 * kInterval).count();
        QVERIFY2(after <= limit, (std::to_string(after) + " s after the first sample").c_str());
        QVERIFY2(std::abs(growthWhenFlagged - 1200) <= 120, std::to_string(growthWhenFlagged).c_str());
        const auto final = sampler.detector().verdict(leaker);
        QVERIFY2(final.leaking, final.reason.c_str());
        QVERIFY2(std::abs(final.growthPerMinute - 1200) <= 120, std::to_string(final.growthPerMinute).c_str());
        QVERIFY(final.latest > final.baseline);

        // The step and the saw really moved in the run (a helper that did nothing would
        // pass the checks above too).
        const auto& step = counts[children[2].pid()];
        QVERIFY2(step.back() - step.front() >= 200, std::to_string(step.back() - step.front()).c_str());
        const auto [sawLow, sawHigh] = std::ranges::minmax(counts[children[3].pid()]);
        QVERIFY2(sawHigh - sawLow >= 40, std::to_string(sawHigh - sawLow).c_str());

        // The leaker's kinds: 10 files and 10 sockets a second, nothing else moves.
        QVERIFY(firstWatched && lastWatched);
        const double dt = seconds(*firstAt, lastWatchedAt);
        const auto grew = [&](HandleKind k) {
            const auto i = static_cast<std::size_t>(k);
            return lastWatched->perKind[i] - firstWatched->perKind[i];
        };
        for (HandleKind k : {HandleKind::RegularFile, HandleKind::Socket}) {
            const auto g = static_cast<double>(grew(k));
            QVERIFY2(std::abs(g - 10 * dt) <= std::max(3.0, dt), (std::string(toString(k)) + " grew by "
                         + std::to_string(g) + " in " + std::to_string(dt) + " s").c_str());
        }
        for (int k = 0; k < HandleKindCount; ++k)
            if (k != static_cast<int>(HandleKind::RegularFile) && k != static_cast<int>(HandleKind::Socket))
                QCOMPARE(grew(static_cast<HandleKind>(k)), 0);
        QCOMPARE(lastWatched->count - firstWatched->count, grew(HandleKind::RegularFile) + grew(HandleKind::Socket));
    }

    void watchedProcessThatExits()
    {
        hstest::Child child;
        const auto e = startLeakHelper(child, "churn");
        QVERIFY2(e.empty(), e.c_str());
        const Pid pid = child.pid();
        Sampler sampler(1s, 100ms);
        sampler.watch(pid);
        sampler.watch(pid); // once only
        QCOMPARE(sampler.watched().size(), std::size_t(1));
        auto tick = sampler.sampleOnce();
        QVERIFY2(tick, tick ? "" : tick.error().message().c_str());
        QCOMPARE(tick->watched.size(), std::size_t(1));
        QCOMPARE(tick->watched[0].pid, pid);
        QVERIFY2(!tick->watched[0].error, tick->watched[0].error ? tick->watched[0].error->message().c_str() : "");
        QVERIFY(tick->watched[0].count >= 3); // stdin, stdout, stderr at least
        QCOMPARE(sampler.detector().history().series(pid).size(), std::size_t(1));

        child.stop();
        tick = sampler.sampleOnce();
        QVERIFY2(tick, tick ? "" : tick.error().message().c_str());
        QVERIFY(tick->watched[0].error);
        QCOMPARE(tick->watched[0].error->pid, pid);
        QVERIFY(sampler.detector().history().series(pid).empty()); // dropped with the process

        sampler.unwatch(pid);
        tick = sampler.sampleOnce();
        QVERIFY(tick);
        QVERIFY(tick->watched.empty());
    }

    void runStopsOnCancelAndFalse()
    {
        Sampler sampler(1s, 100ms);
        int ticks = 0;
        auto ran = sampler.run(100ms, 10s, [&](const SampleTick&) { return ++ticks < 3; });
        QVERIFY(ran);
        QCOMPARE(ticks, 3);

        ticks = 0;
        ran = sampler.run(0ms, 10s, [&](const SampleTick&) { return ++ticks, true; });
        QVERIFY(ran);
        QCOMPARE(ticks, 1); // no interval: one sample, not a busy loop

        const auto cancel = CancelToken::create();
        ticks = 0;
        const auto t0 = hstest::Clock::now();
        ran = sampler.run(200ms, 10s, [&](const SampleTick&) {
            if (++ticks == 2)
                cancel.cancel();
            return true;
        }, cancel);
        QVERIFY(ran);
        QCOMPARE(ticks, 2);
        QVERIFY2(hstest::msSince(t0) < 1000, std::to_string(hstest::msSince(t0)).c_str());
    }
};

QTEST_GUILESS_MAIN(TestLeakSampler)
#include "tst_leak_sampler.moc"
