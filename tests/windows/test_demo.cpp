// SPDX-License-Identifier: MIT
// The Windows demo pair under Wine, end to end: handlescope-demo source holds an unnamed
// event and a file; handlescope-cli dup copies each into handlescope-demo target; `tell`
// sends "handle N, type T" over the named pipe; the target signals the event (the source
// sees it) and reads the file's text through its copy.
#include "child_process.h"
#include "demo_message.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

using namespace hstest;

namespace {

namespace demo = hs::demo;

const std::string kFileText = demo::kFileText;

std::wstring wide(const std::string& s) { return {s.begin(), s.end()}; }


std::string lineStarting(Child& c, const std::string& keyword, std::string& log)
{
    for (;;) {
        const std::string line = c.readLine();
        if (line.empty())
            return {};
        log += line + "\n";
        if (line.rfind(keyword + " ", 0) == 0)
            return line;
    }
}

struct ProgramRun {
    int exitCode = -1;
    std::string out;
};

ProgramRun run(const std::string& exe, const std::wstring& args)
{
    Child c(nativePath(exe), args);
    ProgramRun r;
    r.exitCode = c.readAll(r.out);
    return r;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

} // namespace

TEST(Demo, TargetUsesTheEventAndTheFileThroughCopies)
{
    Child source(nativePath(HS_DEMO_EXE), L"source");
    std::string sourceLog;
    const std::string ready = lineStarting(source, "READY", sourceLog);
    ASSERT_FALSE(ready.empty()) << sourceLog;
    EXPECT_EQ(demo::machineFields(ready)["pid"], std::to_string(source.pid()));
    std::map<std::string, std::map<std::string, std::string>> holds;
    for (std::size_t at = 0; (at = sourceLog.find("HOLD ", at)) != std::string::npos; ++at) {
        auto f = demo::machineFields(sourceLog.substr(at, sourceLog.find('\n', at) - at));
        holds[f["type"]] = f;
    }
    ASSERT_EQ(holds.size(), 4u) << sourceLog;
    EXPECT_EQ(holds["file"]["text"], kFileText);

    const std::string channel = "handlescope-demo-test-" + std::to_string(GetCurrentProcessId());
    Child target(nativePath(HS_DEMO_EXE), L"target --channel " + wide(channel));
    std::string targetLog;
    const std::string listening = lineStarting(target, "LISTENING", targetLog);
    ASSERT_FALSE(listening.empty()) << targetLog;
    EXPECT_EQ(demo::machineFields(listening)["pid"], std::to_string(target.pid()));
    EXPECT_EQ(demo::machineFields(listening)["channel"], "\\\\.\\pipe\\" + channel);

    // The event: copied, told, signalled by the target, seen by the source.
    const ProgramRun dupEvent = run(HS_CLI_EXE, L"dup --from " + std::to_wstring(source.pid()) + L" --handle " +
                                             wide(holds["event"]["handle"]) + L" --to " +
                                             std::to_wstring(target.pid()) + L" --yes");
    ASSERT_EQ(dupEvent.exitCode, 0) << dupEvent.out;
    const std::string eventCopy = trimmed(dupEvent.out);
    ASSERT_FALSE(eventCopy.empty());
    const ProgramRun toldEvent =
        run(HS_DEMO_EXE, L"tell --channel " + wide(channel) + L" --handle " + wide(eventCopy) + L" --type event");
    ASSERT_EQ(toldEvent.exitCode, 0) << toldEvent.out;
    auto used = demo::machineFields(lineStarting(target, "USED", targetLog));
    EXPECT_EQ(used["type"], "event") << targetLog;
    EXPECT_EQ(used["result"], "ok") << targetLog;
    // dup prints the new value in decimal; the target names it in hex, as Windows tools do.
    char copyHex[32];
    std::snprintf(copyHex, sizeof copyHex, "0x%llX", static_cast<unsigned long long>(std::stoll(eventCopy)));
    EXPECT_EQ(used["handle"], copyHex) << targetLog;
    auto saw = demo::machineFields(lineStarting(source, "SAW", sourceLog));
    EXPECT_EQ(saw["type"], "event") << sourceLog;
    EXPECT_EQ(saw["signalled"], "yes") << sourceLog;

    // The file: the target reads the source's text through its own copy.
    const ProgramRun dupFile = run(HS_CLI_EXE, L"dup --from " + std::to_wstring(source.pid()) + L" --handle " +
                                            wide(holds["file"]["handle"]) + L" --to " + std::to_wstring(target.pid()) +
                                            L" --yes");
    ASSERT_EQ(dupFile.exitCode, 0) << dupFile.out;
    const std::string fileCopy = trimmed(dupFile.out);
    const ProgramRun toldFile =
        run(HS_DEMO_EXE, L"tell --channel " + wide(channel) + L" --handle " + wide(fileCopy) + L" --type file");
    ASSERT_EQ(toldFile.exitCode, 0) << toldFile.out;
    used = demo::machineFields(lineStarting(target, "USED", targetLog));
    EXPECT_EQ(used["result"], "ok") << targetLog;
    EXPECT_EQ(used["text"], kFileText) << targetLog;
    EXPECT_NE(toldFile.out.find("result=ok"), std::string::npos) << toldFile.out;

    // The source's own value, never copied, means nothing in the target.
    const ProgramRun toldRaw = run(HS_DEMO_EXE, L"tell --channel " + wide(channel) + L" --handle 0x7FF0 --type event");
    EXPECT_EQ(toldRaw.exitCode, 1) << toldRaw.out;
    used = demo::machineFields(lineStarting(target, "USED", targetLog));
    EXPECT_EQ(used["result"], "error") << targetLog;
    EXPECT_NE(used["error"].find("ERROR_INVALID_HANDLE"), std::string::npos) << targetLog;
}
