// SPDX-License-Identifier: MIT
// Test hooks of the injector, set by the tests through HANDLESCOPE_TEST_INJECT (ignored
// when this program runs with elevated rights: AT_SECURE). Comma-separated directives:
//   hold:<call>:<ms>   before injecting <call>, with the target stopped and its registers
//                      replaced, write "handlescope-test: holding before <call>" to stderr
//                      and sleep <ms> (a test sends signals to the tool meanwhile)
//   block              inject a blocking pause() first: exercises the deadline path
//   fail-after:<call>  treat the step after <call> as failed: exercises the cleanup
//   bad-site           use an unmapped address as the syscall site: exercises a fault
//   throw-after:<call> throw an exception after <call>: exercises unwinding mid-session
//   abort-after:<call> abort() the injector after <call>: exercises its crash handler
#pragma once

#include <string>

namespace hs::linux_::inject {

struct TestHooks {
    std::string holdBefore;
    int holdMs = 0;
    bool block = false;
    std::string failAfter;
    bool badSite = false;
    std::string throwAfter;
    std::string abortAfter;
};

/// Parsed once; read it in the tool before fork() so the injector only reads it.
const TestHooks& testHooks();

} // namespace hs::linux_::inject
