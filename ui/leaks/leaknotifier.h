// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QObject>
#include <QPointer>

#include <set>

class QSystemTrayIcon;

namespace hs::ui {

class LeakSampler;

/// A tray notification when a process the user watches is flagged as leaking: once when it
/// is flagged, again only after it stopped being flagged. Off by default (a setting: it
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
    std::set<hs::Pid> m_flagged;
    bool m_enabled = false;
};

} // namespace hs::ui
