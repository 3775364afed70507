// SPDX-License-Identifier: MIT
// The log file's handle kept from child processes: spdlog's file sink opens it without
// O_CLOEXEC (Debian's compiled spdlog) or as an inheritable handle (Windows CRT), so
// every program the app starts would hold it open. One implementation per OS.
#pragma once

#include <cstdio>

namespace hs::log {

/// Called by the file sink right after it opens (or, on rotation, reopens) the file.
void keepFromChildren(std::FILE* file) noexcept;

} // namespace hs::log
