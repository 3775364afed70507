// SPDX-License-Identifier: MIT
#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initHandlescopeResources() { Q_INIT_RESOURCE(handlescope); }

namespace hs::ui {

void initResources() { initHandlescopeResources(); }

} // namespace hs::ui
