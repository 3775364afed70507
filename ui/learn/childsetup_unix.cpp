// SPDX-License-Identifier: MIT
#include "learn/childsetup.h"

#include "handlescope/spawn.h"

#include <QProcess>

namespace hs::ui {

void keepOurHandlesFromChild(QProcess& process)
{
    // Runs in the child after fork, once its standard streams are in place, before exec.
    process.setChildProcessModifier([] { hs::closeInheritedHandlesOnExec(); });
}

} // namespace hs::ui
