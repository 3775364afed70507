// SPDX-License-Identifier: MIT
#pragma once

// Shared by the libFuzzer harnesses: the input as text, and a check that stops the run
// the way a crash does, so a broken property is reported with its input like one.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace hs::fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void checkFailed(const char* what, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    std::abort();
}

} // namespace hs::fuzz

#define HS_FUZZ_CHECK(cond) ((cond) ? void(0) : ::hs::fuzz::checkFailed(#cond, __FILE__, __LINE__))
