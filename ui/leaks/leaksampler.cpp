// SPDX-License-Identifier: MIT
#include "leaks/leaksampler.h"

#include "util/qtstd.h"

#include "handlescope/inspect.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace hs::ui {

/// What one job on the worker gives back.
struct LeakSampler::Result {
    std::optional<hs::Error> error;
    hs::SampleTick tick;
    std::vector<hs::LeakSuspect> suspects;
    std::map<hs::Pid, std::string> names; ///< of the suspects
    int heldBack = 0;                     ///< flagged, but from too few samples
    qint64 elapsedMs = 0;
};

LeakSampler::LeakSampler(Options options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_history(options.window, options.interval)
    , m_sampler(std::make_shared<hs::Sampler>(options.window, options.interval))
    , m_timer(new QTimer(this))
{
    m_worker.setMaxThreadCount(1);
    m_worker.setObjectName(QStringLiteral("leakSampler"));
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LeakSampler::sampleNow);
}

LeakSampler::~LeakSampler()
{
    m_cancel.cancel();
    m_worker.waitForDone();
}

bool LeakSampler::setOptions(Options options)
{
    if (m_running || m_busy)
        return false;
    m_options = options;
    m_history = LeakHistory(options.window, options.interval);
    m_sampler = std::make_shared<hs::Sampler>(options.window, options.interval);
    m_autoWatched.clear();
    return true;
}

void LeakSampler::start()
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT runningChanged(true);
    if (!m_busy)
        sampleNow();
}

void LeakSampler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    Q_EMIT runningChanged(false);
}

void LeakSampler::watch(hs::Pid pid) { m_watched.insert(pid); }
void LeakSampler::unwatch(hs::Pid pid) { m_watched.erase(pid); }

void LeakSampler::markSnapshot(const QString& label) { m_history.addMarker(std::chrono::steady_clock::now(), label); }

void LeakSampler::sampleNow()
{
    if (!m_running || m_busy)
        return;
    m_busy = true;
    m_lastStart = std::chrono::steady_clock::now();
    m_cancel = hs::CancelToken::create();
    std::vector<hs::Pid> watch(m_watched.begin(), m_watched.end());
    for (hs::Pid pid : m_autoWatched)
        if (!m_watched.contains(pid))
            watch.push_back(pid);
    m_worker.start([this, sampler = m_sampler, watch = std::move(watch), cancel = m_cancel] {
        QElapsedTimer clock;
        clock.start();
        auto result = std::make_shared<Result>();
        // The watch list is the GUI's as it was when this sample was asked for.
        for (hs::Pid pid : std::vector<hs::Pid>(sampler->watched()))
            if (std::ranges::find(watch, pid) == watch.end())
                sampler->unwatch(pid);
        for (hs::Pid pid : watch)
            sampler->watch(pid);
        if (auto tick = sampler->sampleOnce(cancel)) {
            result->tick = std::move(*tick);
            result->suspects = sampler->detector().suspects();
            const auto& detector = sampler->detector();
            result->heldBack = static_cast<int>(std::erase_if(result->suspects, [&](const hs::LeakSuspect& s) {
                return !sampledDensely(detector.history().series(s.pid), detector.window());
            }));
            for (const auto& s : result->suspects)
                if (auto info = hs::processInfo(s.pid))
                    result->names[s.pid] = info->name;
        } else {
            result->error = std::move(tick.error());
        }
        result->elapsedMs = clock.elapsed();
        // `this` outlives the job: the destructor waits for the worker. A queued call to
        // an object deleted before it runs is dropped by Qt.
        QMetaObject::invokeMethod(this, [this, result] { deliver(result); }, Qt::QueuedConnection);
    });
}

void LeakSampler::deliver(const std::shared_ptr<Result>& result)
{
    m_busy = false;
    m_lastSampleMs = result->elapsedMs;
    if (result->error) {
        if (!hs::isCancelled(*result->error))
            Q_EMIT failed(qs(result->error->message()));
    } else {
        m_autoWatched.clear();
        for (const auto& s : result->suspects)
            if (m_autoWatched.size() < MaxAutoWatched)
                m_autoWatched.insert(s.pid);
        m_history.add(result->tick, result->suspects, result->names, result->heldBack);
        Q_EMIT sampled();
    }
    if (!m_running)
        return;
    // The next sample one interval after this one began; at once if it took longer.
    using namespace std::chrono;
    const auto next = m_lastStart + m_options.interval;
    const auto wait = duration_cast<milliseconds>(next - steady_clock::now());
    m_timer->start(std::max<milliseconds>(wait, milliseconds(0)));
}

} // namespace hs::ui
