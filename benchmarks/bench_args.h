// SPDX-License-Identifier: MIT
// The benchmarks' command-line checks, alike in every program: -h/--help prints the usage
// on stdout and exits 0; an unknown argument or a missing or bad value prints one line
// naming the argument, then the usage, on stderr and exits 2. Nothing throws.
#pragma once

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace bench {

class Args {
public:
    /// `usage` is the whole usage text, ending in a newline.
    Args(int argc, char** argv, const char* program, const char* usage)
        : m_argc(argc)
        , m_argv(argv)
        , m_program(program)
        , m_usage(usage)
    {
    }

    /// The next argument, nullptr after the last. -h and --help print the usage and exit 0.
    const char* next()
    {
        if (++m_index >= m_argc)
            return nullptr;
        const std::string_view arg = m_argv[m_index];
        if (arg == "-h" || arg == "--help") {
            std::fputs(m_usage, stdout);
            std::exit(0);
        }
        return m_argv[m_index];
    }

    /// The value that follows `option`; exits 2 when there is none.
    std::string_view value(std::string_view option)
    {
        if (m_index + 1 >= m_argc)
            fail(std::string(option) + " needs a value");
        return m_argv[++m_index];
    }

    /// The value of `option` as a whole number in [min, max]; exits 2 otherwise.
    long number(std::string_view option, long min, long max) { return parse(option, value(option), min, max); }

    /// `text` as a whole number in [min, max], `what` naming it in the error; exits 2 otherwise.
    long parse(std::string_view what, std::string_view text, long min, long max)
    {
        long v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc {} || end != text.data() + text.size() || text.empty() || v < min || v > max)
            fail(std::string(what) + ": '" + std::string(text) + "' is not a whole number from " + std::to_string(min)
                + " to " + std::to_string(max));
        return v;
    }

    /// Where next() stands: argv[index()] is the last argument it returned.
    [[nodiscard]] int index() const { return m_index; }

    [[noreturn]] void unknown(std::string_view arg) { fail("unknown argument '" + std::string(arg) + "'"); }

    /// One line naming what is wrong, the usage, exit 2.
    [[noreturn]] void fail(const std::string& message)
    {
        std::fprintf(stderr, "%s: %s\n", m_program, message.c_str());
        std::fputs(m_usage, stderr);
        std::exit(2);
    }

private:
    int m_argc;
    char** m_argv;
    const char* m_program;
    const char* m_usage;
    int m_index = 0;
};

} // namespace bench
