// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QStringList>

namespace hs::ui {

/// What the duplicate dialog asks the user to confirm (System Informer asks again for
/// critical processes). Pure function, so tests can check each rule.
struct RiskContext {
    hs::Pid selfPid = -1;
    std::int64_t selfUid = -1;
    bool closeSource = false;
};
QStringList duplicateRisks(const hs::ProcessInfo& target, const RiskContext& context);
/// Display servers and session managers: a stray fd there can disturb the whole desktop.
bool isDisplayServer(const hs::ProcessInfo& process);

} // namespace hs::ui
