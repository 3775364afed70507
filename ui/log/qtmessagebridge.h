// SPDX-License-Identifier: MIT
#pragma once

namespace hs::ui {

/// Routes Qt's own qDebug/qWarning/... into the "qt" logger (and so into the log panel
/// and the log file), dropping the offscreen/Xvfb plugin's known noise.
void installQtMessageBridge();

} // namespace hs::ui
