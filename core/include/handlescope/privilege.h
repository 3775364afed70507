// SPDX-License-Identifier: MIT
// Whether this process runs with rights its user does not have.
#pragma once

#include <optional>
#include <string>

namespace hs {

/// Why this process runs with more privilege than the user who started it (Linux: file
/// capabilities or a setuid/setgid bit, seen as AT_SECURE), or nullopt when it does not.
/// Such a process must not lend those rights to its user: the core then acts only on
/// processes the real user could trace itself, and the GUI refuses to start (Qt would
/// load plugins and styles chosen by the user's environment).
std::optional<std::string> elevatedRights();

} // namespace hs
