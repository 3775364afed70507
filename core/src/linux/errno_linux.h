// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/error.h"

#include <string>

namespace hs::linux_ {

/// An hs::Error from an errno value: osName "EPERM", osText "Operation not permitted".
/// With an empty hint, a standard one for the errno is used.
Error errnoError(std::string operation, int err, std::int64_t pid = -1, std::int64_t handle = -1,
                 std::string hint = {});

/// The standard hint for an errno in the context of reading or acting on a process.
std::string defaultHint(int err);

} // namespace hs::linux_
