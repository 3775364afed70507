// SPDX-License-Identifier: MIT
#pragma once

#include "leaks/leakhistory.h"

#include "handlescope/cancel.h"
#include "handlescope/error.h"

#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <memory>
#include <optional>
#include <set>

class QTimer;

namespace hs::ui {

/// The core's leak sampler (hs::Sampler) for the desktop app. Each sample runs on a worker
/// thread of its own (the machine-wide count, and the full reads of the watched processes),
/// and the next starts one interval after the last began, or as soon as it is done when it
/// took longer: two samples never overlap (hotspot's record page does the same). The GUI
/// thread only adds the result to the history. Idle until start(); the views start it
/// while they are shown.
///
/// Processes are read per type ("watched") when a view asks (watch()) and, so that the
/// suspects view can say what grows, while they are suspects (up to MaxAutoWatched).
class LeakSampler : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::milliseconds window{60000};  ///< the leak verdict's window (the chart's width)
        std::chrono::milliseconds interval{1000}; ///< between samples
    };
    static constexpr std::size_t MaxAutoWatched = 8;

    explicit LeakSampler(Options options, QObject* parent = nullptr);
    ~LeakSampler() override;

    /// A new window and interval (tests, a short hunt); starts the history again. Only
    /// while stopped and not sampling; false otherwise.
    bool setOptions(Options options);

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// Reads `pid` per type in every sample from the next on (the chart stacks its types).
    void watch(hs::Pid pid);
    void unwatch(hs::Pid pid);
    [[nodiscard]] bool isWatched(hs::Pid pid) const { return m_watched.contains(pid); }
    [[nodiscard]] const std::set<hs::Pid>& watched() const { return m_watched; }

    /// Marks now on the chart: the snapshot views call this when they take a snapshot
    /// (docs/gui.md, "Leak views").
    void markSnapshot(const QString& label);

    [[nodiscard]] const LeakHistory& history() const { return m_history; }
    [[nodiscard]] const Options& options() const { return m_options; }
    /// The last sample's cost on the worker, in milliseconds.
    [[nodiscard]] qint64 lastSampleMs() const { return m_lastSampleMs; }

Q_SIGNALS:
    /// A sample was added to history().
    void sampled();
    /// A sample failed (the machine could not be counted); sampling goes on.
    void failed(const QString& message);
    void runningChanged(bool running);

private:
    struct Result;
    void sampleNow();
    void deliver(const std::shared_ptr<Result>& result);

    Options m_options;
    LeakHistory m_history;
    // Used by one job at a time (the next is started only after the last delivered), so
    // the worker needs no lock.
    std::shared_ptr<hs::Sampler> m_sampler;
    QThreadPool m_worker;
    QTimer* m_timer;
    hs::CancelToken m_cancel;
    std::set<hs::Pid> m_watched;
    std::set<hs::Pid> m_autoWatched;
    bool m_running = false;
    bool m_busy = false;
    qint64 m_lastSampleMs = 0;
    std::chrono::steady_clock::time_point m_lastStart{};
};

} // namespace hs::ui
