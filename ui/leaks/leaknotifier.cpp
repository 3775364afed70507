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
        m_flagged.clear(); // once enabled, the processes flagged then are news
        return;
    }
    const LeakHistory& history = m_sampler->history();
    std::set<hs::Pid> flagged;
    for (hs::Pid pid : m_sampler->watched()) {
        const hs::LeakVerdict verdict = history.verdict(pid);
        if (!verdict.leaking)
            continue;
        flagged.insert(pid);
        if (m_flagged.contains(pid))
            continue;
        QString name;
        for (const SuspectEntry& s : history.suspects())
            if (s.pid == pid)
                name = s.name;
        const QString message = tr("%1 (pid %2) keeps opening handles: %3 now, %4 a minute")
                                    .arg(name)
                                    .arg(pid)
                                    .arg(verdict.latest)
                                    .arg(QLocale().toString(verdict.growthPerMinute, 'f', 1));
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
    m_flagged = std::move(flagged);
}

} // namespace hs::ui
