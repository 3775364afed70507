// SPDX-License-Identifier: MIT
// leaks.h on synthetic series: the growth slope, the three-span verdict for a leak, churn,
// a step, a sawtooth, noise and a window not yet full, and the history's bound and its
// dropping of processes that vanish.

#include "handlescope/leaks.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <random>

using namespace hs;
using namespace std::chrono_literals;

namespace {

const SteadyTime kT0 = SteadyTime{} + 1000s;

/// `seconds` of samples every `step` of count(t in seconds).
std::vector<CountSample> series(std::chrono::milliseconds step, double seconds,
                                const std::function<std::int64_t(double)>& count)
{
    std::vector<CountSample> out;
    for (auto t = 0ms; t <= std::chrono::duration<double>(seconds); t += step) {
        const double s = std::chrono::duration<double>(t).count();
        out.push_back({kT0 + t, count(s)});
    }
    return out;
}

/// The first index from which the verdict over `window` flags the series, or -1.
int firstFlagged(const std::vector<CountSample>& s, std::chrono::nanoseconds window)
{
    for (std::size_t n = 1; n <= s.size(); ++n)
        if (judgeLeak(std::span(s).first(n), window).leaking)
            return static_cast<int>(n - 1);
    return -1;
}

} // namespace

class TestLeakDetector : public QObject {
    Q_OBJECT

private slots:
    void growthOfALine()
    {
        // 20 handles a second is 1,200 a minute.
        const auto s = series(100ms, 10, [](double t) { return 50 + static_cast<std::int64_t>(std::lround(20 * t)); });
        QCOMPARE(std::lround(growthPerMinute(s)), 1200L);
        QCOMPARE(growthPerMinute(std::span(s).first(1)), 0.0);
        const std::vector<CountSample> sameTime{{kT0, 1}, {kT0, 5}};
        QCOMPARE(growthPerMinute(sameTime), 0.0);
        const auto falling = series(1s, 60, [](double t) { return 1000 - static_cast<std::int64_t>(t); });
        QCOMPARE(std::lround(growthPerMinute(falling)), -60L);
    }

    void steadyLeakFlaggedOnceWindowIsCovered()
    {
        const auto s = series(100ms, 10, [](double t) { return 50 + static_cast<std::int64_t>(std::lround(20 * t)); });
        // Samples at 0.0, 0.1, ... s: the 6 s window is covered by the sample at 6.0 s.
        QCOMPARE(firstFlagged(s, 6s), 60);
        const auto v = judgeLeak(s, 6s);
        QVERIFY(v.leaking);
        QCOMPARE(std::lround(v.growthPerMinute), 1200L);
        QCOMPARE(v.latest, 250);
        QCOMPARE(v.baseline, 130); // the window is 4..10 s: its first span's minimum is at 4 s
        QVERIFY2(v.reason.find("rose in each third") != std::string::npos, v.reason.c_str());
        QVERIFY2(v.reason.find("130 -> 170 -> 210") != std::string::npos, v.reason.c_str());
    }

    void windowNotFull()
    {
        const auto s = series(100ms, 5.9, [](double t) { return static_cast<std::int64_t>(20 * t); });
        const auto v = judgeLeak(s, 6s);
        QVERIFY(!v.leaking);
        QVERIFY2(v.reason.find("no verdict yet") != std::string::npos, v.reason.c_str());
        QCOMPARE(v.baseline, 0);
        QCOMPARE(v.latest, s.back().count);
        QVERIFY(v.growthPerMinute > 1100 && v.growthPerMinute < 1300);
        QVERIFY(!judgeLeak({}, 6s).leaking);
        QCOMPARE(judgeLeak({}, 6s).reason, std::string("no samples"));
    }

    void churnNotFlagged()
    {
        // Opens two, closes them: the count is 100 or 102.
        const auto s = series(100ms, 30, [](double t) { return 100 + 2 * (static_cast<int>(t * 10) % 2); });
        QCOMPARE(firstFlagged(s, 6s), -1);
        const auto v = judgeLeak(s, 6s);
        QCOMPARE(v.baseline, 100);
        QVERIFY2(v.reason.find("100 -> 100 -> 100") != std::string::npos, v.reason.c_str());
    }

    void stepNotFlagged_data()
    {
        QTest::addColumn<double>("stepAt");
        for (double at : {0.5, 1.0, 2.5, 3.9, 5.0, 7.0})
            QTest::newRow(QByteArray::number(at).constData()) << at;
    }
    void stepNotFlagged()
    {
        QFETCH(double, stepAt);
        const auto s = series(100ms, 20, [&](double t) { return t < stepAt ? 40 : 240; });
        QCOMPARE(firstFlagged(s, 6s), -1);
    }

    void twoStepsAreOneRiseTooMany()
    {
        // Two steps that happen to fall in the second and third span look like a leak:
        // the rule sees three rising minimums, which is what it asks for.
        const auto s = series(100ms, 6, [](double t) { return t < 1.5 ? 10 : t < 3.5 ? 20 : 30; });
        QVERIFY(judgeLeak(s, 6s).leaking);
    }

    void sawtoothShorterThanASpanNotFlagged_data()
    {
        QTest::addColumn<double>("period");
        QTest::newRow("1.1 s") << 1.1;
        QTest::newRow("1.9 s") << 1.9;
    }
    void sawtoothShorterThanASpanNotFlagged()
    {
        QFETCH(double, period);
        // Up 50 per second, then back to 10 for the last 0.3 s of the period.
        const auto s = series(100ms, 30, [&](double t) {
            const double phase = std::fmod(t, period);
            return 10 + static_cast<std::int64_t>(phase < period - 0.3 ? 50 * phase : 0);
        });
        QCOMPARE(firstFlagged(s, 6s), -1);
    }

    void sawtoothLongerThanASpanCanBeFlagged()
    {
        // The limit the header names: a 7 s cycle rises through the three 2 s spans.
        const auto s = series(100ms, 7, [](double t) { return 10 + static_cast<std::int64_t>(10 * t); });
        QVERIFY(judgeLeak(std::span(s).first(61), 6s).leaking);
    }

    void noiseNotFlagged()
    {
        std::mt19937 random(15); // fixed seed: the same series every run
        std::uniform_int_distribution<int> noise(0, 20);
        const auto s = series(100ms, 120, [&](double) { return 500 + noise(random); });
        QCOMPARE(firstFlagged(s, 6s), -1);
        // The minimums alone rise by chance in some windows: the wobble condition is needed.
        int risingByChance = 0;
        for (std::size_t n = 1; n <= s.size(); ++n)
            risingByChance += judgeLeak(std::span(s).first(n), 6s).reason.starts_with("rose by no more than");
        QVERIFY2(risingByChance > 0, "no window of the noise had rising minimums");

        // A leak of 20 a second through the same noise is still flagged when W is covered.
        const auto leak = series(100ms, 10, [&](double t) { return 500 + std::lround(20 * t) + noise(random); });
        QCOMPARE(firstFlagged(leak, 6s), 60);
        QVERIFY(std::abs(judgeLeak(leak, 6s).growthPerMinute - 1200) < 60);
    }

    void emptySpanGivesNoVerdict()
    {
        const std::vector<CountSample> sparse{{kT0, 1}, {kT0 + 5s, 3}, {kT0 + 6s, 9}};
        const auto v = judgeLeak(sparse, 6s);
        QVERIFY(!v.leaking);
        QVERIFY2(v.reason.find("holds no sample") != std::string::npos, v.reason.c_str());
    }

    void historyBoundAndVanishedProcesses()
    {
        CountHistory h(10);
        QCOMPARE(h.capacity(), std::size_t(10));
        for (int i = 0; i < 35; ++i) {
            const std::vector<std::pair<Pid, std::int64_t>> counts{{7, i}, {9, 100 + i}};
            h.add(kT0 + std::chrono::seconds(i), counts);
            QCOMPARE(h.series(7).size(), std::min<std::size_t>(static_cast<std::size_t>(i) + 1, 10));
        }
        const auto s7 = h.series(7);
        QCOMPARE(s7.front().count, 25);
        QCOMPARE(s7.back().count, 34);
        QCOMPARE(s7.front().at, kT0 + 25s);
        QCOMPARE(h.pids(), (std::vector<Pid>{7, 9}));

        // 7 vanishes, 8 appears: 7's series is gone, and if 7 returns it starts again.
        const std::vector<std::pair<Pid, std::int64_t>> without7{{8, 1}, {9, 135}};
        h.add(kT0 + 35s, without7);
        QCOMPARE(h.pids(), (std::vector<Pid>{8, 9}));
        QVERIFY(h.series(7).empty());
        QCOMPARE(h.series(8).size(), std::size_t(1));
        QCOMPARE(h.series(9).back().count, 135);
        const std::vector<std::pair<Pid, std::int64_t>> back7{{7, 3}};
        h.add(kT0 + 36s, back7);
        QCOMPARE(h.pids(), (std::vector<Pid>{7}));
        QCOMPARE(h.series(7).size(), std::size_t(1));
        QCOMPARE(h.series(7).front().count, 3);
    }

    void detectorRanksSuspects()
    {
        LeakDetector d(6s, historyCapacity(6s, 100ms));
        QCOMPARE(d.history().capacity(), std::size_t(62));
        for (int i = 0; i <= 80; ++i) {
            const std::vector<std::pair<Pid, std::int64_t>> counts{
                {1, 10}, {2, 10 + i}, {3, 10 + 3 * i}, {4, 10 + (i % 5)}};
            d.add(kT0 + std::chrono::milliseconds(100 * i), counts);
        }
        const auto suspects = d.suspects();
        QCOMPARE(suspects.size(), std::size_t(2));
        QCOMPARE(suspects[0].pid, Pid(3));
        QCOMPARE(suspects[1].pid, Pid(2));
        QCOMPARE(std::lround(suspects[0].verdict.growthPerMinute), 1800L);
        QCOMPARE(std::lround(suspects[1].verdict.growthPerMinute), 600L);
        QVERIFY(!d.verdict(1).leaking);
        QVERIFY(!d.verdict(4).leaking);
    }
};

QTEST_GUILESS_MAIN(TestLeakDetector)
#include "tst_leak_detector.moc"
