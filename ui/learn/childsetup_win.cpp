// SPDX-License-Identifier: MIT
#include "learn/childsetup.h"

namespace hs::ui {

// CreateProcess passes only inheritable handles, and the app makes none but the standard
// streams QProcess sets up (the log file is kept from children where it is opened).
void keepOurHandlesFromChild(QProcess&) {}

} // namespace hs::ui
