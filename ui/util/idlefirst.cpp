// SPDX-License-Identifier: MIT
#include "util/idlefirst.h"

#include "util/workpool.h"

#include "handlescope/log.h"

namespace hs::ui {

IdleFirst::IdleFirst(const char* what, QThreadPool* (*idle)(), std::chrono::milliseconds starvationTimeout,
                     QObject* parent)
    : QObject(parent)
    , m_what(what)
    , m_idlePool(idle)
    , m_timeout(starvationTimeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleFirst::onTimeout);
}

QThreadPool* IdleFirst::choosePool(bool& onIdle)
{
    onIdle = !m_busy && idleAllowed();
    if (!onIdle)
        return refreshPool();
    m_busy = true;
    m_timer.start(static_cast<int>(m_timeout.count()));
    return m_idlePool();
}

void IdleFirst::finishedOnIdle()
{
    m_busy = false;
    m_timer.stop(); // a stopped single-shot timer does not fire: no timeout after this
}

void IdleFirst::onTimeout()
{
    // m_busy stays set until the given-up job comes back.
    hs::log::get("ui")->debug("{} starved at idle priority for {} ms; running at low priority for {} s", m_what,
                              m_timeout.count(), Backoff.count());
    m_backoff.setRemainingTime(Backoff);
    ++m_starvedCount;
    Q_EMIT starved();
}

} // namespace hs::ui
