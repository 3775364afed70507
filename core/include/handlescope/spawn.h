// SPDX-License-Identifier: MIT
#pragma once

namespace hs {

/// For a child process between fork and exec (QProcess's child modifier): marks every
/// descriptor but 0, 1 and 2 close-on-exec, so the program it runs inherits none of
/// ours, nor what our own parent left open to us (a shell's or a test runner's fds).
/// Async-signal-safe. Windows: does nothing; a child there inherits only the handles
/// made inheritable, and ours are not.
void closeInheritedHandlesOnExec() noexcept;

} // namespace hs
