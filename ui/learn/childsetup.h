// SPDX-License-Identifier: MIT
// What a process the app starts may inherit from it: only its standard streams. One
// implementation per OS (childsetup_unix.cpp, childsetup_win.cpp), chosen by CMake.
#pragma once

class QProcess;

namespace hs::ui {

/// Before `process` starts: the program it runs will hold none of the app's handles
/// (Qt 6.4's QProcess passes on every descriptor not marked close-on-exec).
void keepOurHandlesFromChild(QProcess& process);

} // namespace hs::ui
