// SPDX-License-Identifier: MIT
#include "handlescope/cancel.h"

#include <cerrno>

namespace hs {

namespace {
// Tells a cancellation from an ECANCELED the operating system returned.
constexpr const char* kCancelledText = "cancelled by the caller";
} // namespace

Error cancelledError(std::string operation)
{
    return Error{.operation = std::move(operation), .osCode = ECANCELED, .osName = "ECANCELED", .osText = kCancelledText};
}

bool isCancelled(const Error& error) { return error.osName == "ECANCELED" && error.osText == kCancelledText; }

} // namespace hs
