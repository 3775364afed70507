// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/inspect.h"

namespace hs::ui {

/// hs::platformInfo(), asked once: it does not change while the app runs.
const hs::PlatformInfo& platform();

} // namespace hs::ui
