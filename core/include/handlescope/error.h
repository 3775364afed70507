// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace hs {

/// An error as a value. Every failing core call says which operation failed, on which
/// process and handle, what the operating system answered, and what a person can do.
struct Error {
    std::string operation;      ///< what we tried, e.g. "read handles", "inject pidfd_getfd"
    std::int64_t pid = -1;      ///< the process involved, -1 if none
    std::int64_t handle = -1;   ///< the handle / fd involved, -1 if none
    std::int64_t osCode = 0;    ///< errno on Linux, Win32 error or NTSTATUS on Windows
    std::string osName;         ///< "EPERM", "ERROR_ACCESS_DENIED", "STATUS_INVALID_HANDLE"
    std::string osText;         ///< strerror() / FormatMessage() text
    std::string hint;           ///< one line for a person: what to try next

    /// One line: "read handles of pid 42 (fd 3): EACCES (Permission denied). Hint: ..."
    [[nodiscard]] std::string message() const;
};

template <class T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return hs::fail(err);`
inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

} // namespace hs
