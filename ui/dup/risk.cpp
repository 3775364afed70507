// SPDX-License-Identifier: MIT
#include "dup/risk.h"

#include "util/qtstd.h"

#include <QCoreApplication>

#include <array>
#include <string_view>

namespace hs::ui {

bool isDisplayServer(const hs::ProcessInfo& process)
{
    static constexpr std::array<std::string_view, 12> names { "Xorg", "X", "Xwayland", "Xvfb", "gnome-shell",
        "kwin_wayland", "kwin_x11", "sway", "weston", "csrss.exe", "dwm.exe", "winlogon.exe" };
    for (auto n : names)
        if (process.name == n)
            return true;
    return false;
}

QStringList duplicateRisks(const hs::ProcessInfo& target, const RiskContext& context)
{
    QStringList risks;
    if (context.closeSource)
        risks << QCoreApplication::translate("hs::ui::Risk",
            "The handle will be closed in the source process. The program may fail when it next uses it.");
    if (target.pid == context.selfPid)
        risks << QCoreApplication::translate("hs::ui::Risk", "The target is HandleScope itself.");
    if (target.pid == 1)
        risks << QCoreApplication::translate("hs::ui::Risk", "The target is the init process (PID 1).");
    if (context.selfUid >= 0 && target.uid >= 0 && target.uid != context.selfUid)
        risks << QCoreApplication::translate("hs::ui::Risk", "The target belongs to another user (%1).")
                     .arg(qs(target.user));
    if (isDisplayServer(target))
        risks << QCoreApplication::translate("hs::ui::Risk", "The target is the display server (%1).")
                     .arg(qs(target.name));
    return risks;
}

} // namespace hs::ui
