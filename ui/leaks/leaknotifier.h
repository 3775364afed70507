// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QObject>
#include <QPointer>

#include "handlescope/leaks.h"

#include <map>

class QSystemTrayIcon;

namespace hs::ui {

class LeakSampler;

/// A tray notification when a process the user watches is flagged as leaking: once when it
/// is flagged, again only after it went a whole window unflagged (a verdict missed for a
/// late sample is no news). Off by default (a setting: it
/// interrupts); where the desktop has no tray, notified() is still emitted and the log
/// says it.
class LeakNotifier : public QObject {
    Q_OBJECT
public:
    explicit LeakNotifier(LeakSampler* sampler, QObject* parent = nullptr);

    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

Q_SIGNALS:
    void notified(hs::Pid pid, const QString& message);

private:
    void check();

    LeakSampler* m_sampler;
    QPointer<QSystemTrayIcon> m_tray;
    std::map<hs::Pid, hs::SteadyTime> m_lastFlagged; ///< of the processes notified
    bool m_enabled = false;
};

} // namespace hs::ui
