// SPDX-License-Identifier: MIT
#include "leaks/leaknotifier.h"

#include "leaks/leaksampler.h"
#include "util/qtstd.h"

#include "handlescope/log.h"

#include <QApplication>
#include <QLocale>
#include <QSystemTrayIcon>

namespace hs::ui {

LeakNotifier::LeakNotifier(LeakSampler* sampler, QObject* parent)
    : QObject(parent)
    , m_sampler(sampler)
{
    connect(sampler, &LeakSampler::sampled, this, &LeakNotifier::check);
}

void LeakNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled && m_tray)
        m_tray->hide();
}

void LeakNotifier::check()
{
    if (!m_enabled) {
        m_lastFlagged.clear(); // once enabled, the processes flagged then are news
        return;
    }
    const LeakHistory& history = m_sampler->history();
    std::erase_if(m_lastFlagged, [&](const auto& entry) { return history.latest() - entry.second > history.window(); });
    for (hs::Pid pid : m_sampler->watched()) {
        const SuspectEntry* suspect = history.suspect(pid);
        if (!suspect)
            continue;
        const bool news = !m_lastFlagged.contains(pid);
        m_lastFlagged[pid] = history.latest();
        if (!news)
            continue;
        const QString message = tr("%1 (pid %2) keeps opening handles: %3 now, %4 a minute")
                                    .arg(suspect->name)
                                    .arg(pid)
                                    .arg(suspect->verdict.latest)
                                    .arg(QLocale().toString(suspect->verdict.growthPerMinute, 'f', 1));
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            if (!m_tray) {
                m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
                m_tray->setToolTip(tr("HandleScope"));
            }
            m_tray->show();
            m_tray->showMessage(tr("Handle leak suspect"), message, QSystemTrayIcon::Warning);
        } else {
            hs::log::get("ui")->info("No system tray for the leak notification: {}", ss(message));
        }
        Q_EMIT notified(pid, message);
    }
}

} // namespace hs::ui
