// SPDX-License-Identifier: MIT
// `dup` and `close`: DuplicateHandle and a remote close, from the command line.
// Both change another process, so both want --yes unless they only touch the CLI itself.
#include "commands.h"

#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"
#include "handlescope/json.h"

#include <chrono>
#include <cstdio>

namespace hs::cli {

namespace {

Result<std::int64_t> parseTimeout(const Args& args)
{
    const auto text = args.value("--timeout");
    if (!text)
        return 3000;
    auto v = parsePid(*text, "timeout"); // a positive decimal number
    if (!v)
        return fail(usageError("parse --timeout", "timeout '" + *text + "' is not a positive number of milliseconds",
                               "e.g. --timeout 500"));
    return *v;
}

Result<DuplicateMethod> parseMethod(const Args& args)
{
    const auto text = args.value("--method").value_or("auto");
    if (text == "auto")
        return DuplicateMethod::Auto;
    if (text == "pull")
        return DuplicateMethod::Pull;
    if (text == "push")
        return DuplicateMethod::Push;
    return fail(usageError("parse --method", "unknown method '" + text + "'", "use auto, pull or push"));
}

Result<Pid> requiredPid(const Args& args, const std::string& option)
{
    const auto text = args.value(option);
    if (!text)
        return fail(usageError("parse arguments", "missing " + option + " PID", "see --help"));
    return parsePid(*text, option.substr(2) + " PID");
}

Result<HandleValue> requiredHandle(const Args& args)
{
    const auto text = args.value("--handle");
    if (!text)
        return fail(usageError("parse arguments", "missing --handle FD", "see --help"));
    return parseHandle(*text);
}

std::string hexText(std::int64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llX", static_cast<unsigned long long>(v));
    return buf;
}

bool onWindows() { return platformInfo().name == "Windows"; }

// --steps: each call as it is made, to stderr, so stdout keeps only the result for scripts.
void printStep(const DuplicateProgress& p) { std::fprintf(stderr, "step: %s\n", p.line().c_str()); }

/// What `close` would do, in this platform's calls.
std::string closePlan(Pid pid, HandleValue handle)
{
    const auto p = std::to_string(pid);
    if (onWindows()) {
        const auto h = hexText(handle);
        return "  hProcess = OpenProcess(PROCESS_DUP_HANDLE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, " + p + ")\n"
               "  pin handle " + h + ": its object address from the system handle table, and a copy with no\n"
               "    access rights for NtCompareObjects where Windows gives no address\n"
               "  refuse if process " + p + " is critical (ProcessBreakOnTermination) or the handle is protected\n"
               "    from close; refuse if " + h + " no longer names the pinned object\n"
               "  DuplicateHandle(hProcess, " + h + ", NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)\n"
               "    (if refused, as under Wine: moved into this tool with DUPLICATE_CLOSE_SOURCE and closed here)\n"
               "  success only when the handle table no longer shows the pinned object at " + h + "\n";
    }
    const auto fd = std::to_string(handle);
    return "  stop every thread of " + p + ", check fd " + fd + " still is the same open file (kcmp), inject close(" +
           fd + "), restore and detach\n";
}

int runDup(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--inherit", "--close-source", "--steps", "--yes", "--json"},
                          .valued = {"--from", "--handle", "--to", "--method", "--timeout", "--access"}};
    return runParsed(kDupCommand, words, spec, [](const Args& args) {
        auto source = requiredPid(args, "--from");
        if (!source)
            return report(source.error(), ExitUsage);
        auto handle = requiredHandle(args);
        if (!handle)
            return report(handle.error(), ExitUsage);
        auto target = requiredPid(args, "--to");
        if (!target)
            return report(target.error(), ExitUsage);
        auto method = parseMethod(args);
        if (!method)
            return report(method.error(), ExitUsage);
        auto timeout = parseTimeout(args);
        if (!timeout)
            return report(timeout.error(), ExitUsage);
        DuplicateOptions options;
        options.inheritable = args.has("--inherit");
        options.closeSource = args.has("--close-source");
        options.method = *method;
        options.timeout = std::chrono::milliseconds(*timeout);
        if (args.has("--steps"))
            options.progress = printStep;
        if (auto access = args.value("--access")) {
            // Windows narrows the copy's rights; Linux has no way to, for an open file.
            if (!platformInfo().canNarrowAccess)
                return report(usageError("parse --access", "this platform cannot narrow the access of a duplicate",
                                         "an open file keeps its mode on Linux; open the file again with fewer rights"),
                              ExitUsage);
            auto mask = parseHandle(*access); // decimal or 0x hex, like a handle value
            if (!mask || *mask > 0xffffffffLL)
                return report(usageError("parse --access", "'" + *access + "' is not an access mask",
                                         "give a 32-bit mask in hex, e.g. --access 0x00100000 (SYNCHRONIZE)"),
                              ExitUsage);
            options.desiredAccess = static_cast<std::uint32_t>(*mask);
        }

        const Pid self = currentProcessId();
        const bool changesOthers = *target != self || (options.closeSource && *source != self);
        if (changesOthers && !args.has("--yes")) {
            const std::string closes = " and closes " + platformInfo().handleWord + " " +
                                       (onWindows() ? hexText(*handle) : std::to_string(*handle)) + " in process " +
                                       std::to_string(*source) + " once the copy exists";
            std::fprintf(stderr, "handlescope-cli: dup changes process %lld%s; this would be done:\n",
                         static_cast<long long>(*target),
                         options.closeSource && *source != *target ? closes.c_str() : "");
            for (const auto& line : describeDuplicate(*source, *handle, *target, options))
                std::fprintf(stderr, "  %s\n", line.c_str());
            std::fprintf(stderr, "handlescope-cli: refusing without --yes\n");
            return static_cast<int>(ExitUsage);
        }

        auto result = duplicateHandle(*source, *handle, *target, options);
        if (!result)
            return report(result.error());
        if (args.has("--json")) {
            json::Writer w(stdout);
            json::beginDocument(w);
            w.field("new_handle", static_cast<std::int64_t>(result->newHandle));
            w.field("method", result->method);
            w.key("steps");
            w.beginArray();
            for (const auto& s : result->steps)
                w.value(s);
            w.endArray();
            w.key("warnings");
            w.beginArray();
            for (const auto& s : result->warnings)
                w.value(s);
            w.endArray();
            w.field("duration_us", static_cast<std::int64_t>(
                                       std::chrono::duration_cast<std::chrono::microseconds>(result->duration).count()));
            json::endDocument(w);
        } else {
            for (const auto& s : result->warnings)
                std::fprintf(stderr, "handlescope-cli: warning: %s\n", s.c_str());
            std::printf("%lld\n", static_cast<long long>(result->newHandle));
        }
        return static_cast<int>(ExitOk);
    });
}

int runClose(const std::vector<std::string>& words)
{
    const OptionSpec spec{.flags = {"--steps", "--yes", "--json"}, .valued = {"--pid", "--handle", "--timeout"}};
    return runParsed(kCloseCommand, words, spec, [](const Args& args) {
        auto pid = requiredPid(args, "--pid");
        if (!pid)
            return report(pid.error(), ExitUsage);
        auto handle = requiredHandle(args);
        if (!handle)
            return report(handle.error(), ExitUsage);
        auto timeout = parseTimeout(args);
        if (!timeout)
            return report(timeout.error(), ExitUsage);
        if (*pid != currentProcessId() && !args.has("--yes")) {
            std::fprintf(stderr, "handlescope-cli: close changes process %lld; this would be done:\n%s"
                                 "handlescope-cli: refusing without --yes\n",
                         static_cast<long long>(*pid), closePlan(*pid, *handle).c_str());
            return static_cast<int>(ExitUsage);
        }
        const auto t0 = std::chrono::steady_clock::now();
        DuplicateProgressCallback progress;
        if (args.has("--steps"))
            progress = printStep;
        auto closed = closeRemoteHandle(*pid, *handle, std::chrono::milliseconds(*timeout), progress);
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
        if (!closed)
            return report(closed.error());
        if (args.has("--json")) {
            json::Writer w(stdout);
            json::beginDocument(w);
            w.field("pid", static_cast<std::int64_t>(*pid));
            w.field("handle", static_cast<std::int64_t>(*handle));
            w.field("closed", true);
            w.field("duration_us", static_cast<std::int64_t>(us.count()));
            json::endDocument(w);
        } else {
            std::printf("closed %s %lld in process %lld\n", platformInfo().handleWord.c_str(),
                        static_cast<long long>(*handle), static_cast<long long>(*pid));
        }
        return static_cast<int>(ExitOk);
    });
}

} // namespace

const Command kDupCommand{
    "dup", "duplicate a handle (fd) into another process",
    "usage: handlescope-cli dup --from PID --handle FD --to PID [--inherit] [--close-source]\n"
    "                           [--method auto|pull|push] [--timeout MS] [--access MASK]\n"
    "                           [--steps] [--yes] [--json]\n\n"
    "Puts a copy of handle FD of process --from into process --to (the same open file: shared\n"
    "offset and state) and prints the new handle value. Linux: pidfd_getfd, injected into the\n"
    "target with ptrace (pull), or sent to it over a UNIX socket (push, for a target that may\n"
    "not read the source). Needs root or CAP_SYS_PTRACE for other users' processes.\n"
    "Windows: DuplicateHandle; with --close-source the copy is made first and the source is\n"
    "closed by a second call, so a failed copy leaves the source open.\n"
    "  --inherit       the new fd survives exec (no FD_CLOEXEC) / bInheritHandle\n"
    "  --close-source  close FD in the source once the copy exists, only if it still names the\n"
    "                  same object; if that close is refused the copy stays and a warning says why\n"
    "  --method        auto (pull, push when pull is refused), pull or push\n"
    "  --timeout MS    give up if the target cannot be stopped in time (default 3000)\n"
    "  --access MASK   Windows only: the copy gets these rights (hex), not the same access\n"
    "  --steps         print each call to stderr as it is made, with its arguments and result\n"
    "  --yes           required when a process other than this CLI is changed; without it the\n"
    "                  calls that would be made are printed and nothing is done (exit 2)\n"
    "  --json          {\"schema\",\"new_handle\",\"method\",\"steps\",\"warnings\",\"duration_us\"}\n"
    "Example: handlescope-cli dup --from 1234 --handle 5 --to 4321 --yes\n",
    runDup};

const Command kCloseCommand{
    "close", "close a handle (fd) inside another process",
    "usage: handlescope-cli close --pid PID --handle FD [--timeout MS] [--steps] [--yes] [--json]\n\n"
    "Closes FD inside process PID. Linux: every thread is stopped, the fd is checked to still\n"
    "be the open file it was when the command started (never a reused number), close() is\n"
    "injected, registers are restored. Windows: the handle is checked to still name the object\n"
    "it named when the command started (object address, else NtCompareObjects), handles of\n"
    "critical processes and protected handles are refused, then DuplicateHandle with\n"
    "DUPLICATE_CLOSE_SOURCE closes it. Without --yes it prints what it would do (exit 2).\n"
    "--steps prints each call to stderr as it is made, with its arguments and result.\n"
    "Example: handlescope-cli close --pid 1234 --handle 7 --yes\n",
    runClose};

} // namespace hs::cli
