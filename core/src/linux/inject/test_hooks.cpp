// SPDX-License-Identifier: MIT
#include "test_hooks.h"

#include <cstdlib>
#include <sys/auxv.h>

namespace hs::linux_::inject {

namespace {

TestHooks parse(const std::string& text)
{
    TestHooks hooks;
    std::size_t at = 0;
    while (at <= text.size()) {
        auto end = text.find(',', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string item = text.substr(at, end - at);
        if (item == "block") {
            hooks.block = true;
        } else if (item == "bad-site") {
            hooks.badSite = true;
        } else if (item.rfind("throw-after:", 0) == 0) {
            hooks.throwAfter = item.substr(12);
        } else if (item.rfind("abort-after:", 0) == 0) {
            hooks.abortAfter = item.substr(12);
        } else if (item.rfind("fail-after:", 0) == 0) {
            hooks.failAfter = item.substr(11);
        } else if (item.rfind("hold:", 0) == 0) {
            const auto colon = item.find(':', 5);
            hooks.holdBefore = item.substr(5, colon == std::string::npos ? std::string::npos : colon - 5);
            hooks.holdMs = colon == std::string::npos ? 1000 : std::atoi(item.c_str() + colon + 1);
        }
        at = end + 1;
    }
    return hooks;
}

} // namespace

const TestHooks& testHooks()
{
    static const TestHooks hooks = [] {
        const char* env = std::getenv("HANDLESCOPE_TEST_INJECT");
        if (!env || ::getauxval(AT_SECURE) != 0)
            return TestHooks{};
        return parse(env);
    }();
    return hooks;
}

} // namespace hs::linux_::inject
