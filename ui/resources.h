// SPDX-License-Identifier: MIT
#pragma once

namespace hs::ui {

/// Registers the icon resources compiled into this static library: without the explicit
/// call the linker drops them (Q_INIT_RESOURCE). Call once before creating windows.
void initResources();

} // namespace hs::ui
