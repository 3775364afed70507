// SPDX-License-Identifier: MIT
// handlescope-cli.exe under Wine: ps, handles PID --json (same schema as on Linux), find.
#include "child_process.h"
#include "mini_json.h"

#include <gtest/gtest.h>

using namespace hstest;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
};

CliRun runCli(const std::wstring& args)
{
    Child cli(nativePath(HS_CLI_EXE), args);
    CliRun r;
    r.exitCode = cli.readAll(r.out);
    return r;
}

std::wstring wide(const std::string& s) { return {s.begin(), s.end()}; }

} // namespace

TEST(Cli, HandlesJsonHasTheLinuxSchema)
{
    auto path = tempFilePath("hs_cli");
    Child child = Child::helper(L"objects \"" + wide(path) + L"\"");
    const CliRun run = runCli(L"handles " + std::to_wstring(child.pid()) + L" --json");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    // stdout and stderr share the pipe: the JSON document is the line that starts with '{'.
    const auto begin = run.out.find('{');
    ASSERT_NE(begin, std::string::npos) << run.out;
    const auto json = parseJson(run.out.substr(begin, run.out.find_last_of('}') - begin + 1));
    ASSERT_TRUE(json) << "not JSON: " << run.out;
    ASSERT_EQ(json->type, Json::Type::Object);
    EXPECT_EQ(json->keys(), (std::vector<std::string>{"schema", "process", "handles"}));
    ASSERT_NE(json->find("schema"), nullptr);
    EXPECT_EQ(at(*json, "schema").text, "handlescope/1");

    const Json* process = json->find("process");
    ASSERT_NE(process, nullptr);
    ASSERT_NE(process->find("pid"), nullptr);
    EXPECT_EQ(static_cast<std::int64_t>(process->find("pid")->number), child.pid());

    const Json* handles = json->find("handles");
    ASSERT_NE(handles, nullptr);
    ASSERT_EQ(handles->type, Json::Type::Array);
    ASSERT_GE(handles->items.size(), 14u);
    const std::vector<std::string> fields{"handle", "type", "type_name", "name", "access", "inheritable",
                                          "granted_access", "access_text", "object"};
    bool sawEvent = false;
    bool sawMutex = false;
    for (const auto& h : handles->items) {
        for (const auto& f : fields)
            ASSERT_NE(h.find(f), nullptr) << "missing field " << f;
        const auto value = static_cast<std::int64_t>(at(h, "handle").number);
        if (value == child.value("event")) {
            sawEvent = true;
            EXPECT_EQ(at(h, "type").text, "event");
            EXPECT_EQ(at(h, "type_name").text, "Event");
            EXPECT_EQ(at(h, "access_text").text, "EVENT_ALL_ACCESS");
            EXPECT_EQ(static_cast<std::uint32_t>(at(h, "granted_access").number), 0x1F0003u);
            EXPECT_EQ(at(h, "inheritable").type, Json::Type::Bool);
            EXPECT_EQ(at(h, "object").type, Json::Type::Object);
        }
        if (value == child.value("mutex")) {
            sawMutex = true;
            EXPECT_NE(at(h, "name").text.find("hs_mutex_" + std::to_string(child.pid())), std::string::npos);
        }
    }
    EXPECT_TRUE(sawEvent);
    EXPECT_TRUE(sawMutex);
    child.quit();
    DeleteFileA(path.c_str());
}

TEST(Cli, PsListsTheChild)
{
    Child child = Child::helper(L"idle");
    const CliRun table = runCli(L"ps");
    ASSERT_EQ(table.exitCode, 0) << table.out;
    EXPECT_NE(table.out.find("hs_child.exe"), std::string::npos) << table.out;

    const CliRun run = runCli(L"ps --json");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto begin = run.out.find('{');
    ASSERT_NE(begin, std::string::npos);
    const auto json = parseJson(run.out.substr(begin, run.out.find_last_of('}') - begin + 1));
    ASSERT_TRUE(json) << run.out;
    EXPECT_EQ(at(*json, "schema").text, "handlescope/1");
    const Json* processes = json->find("processes");
    ASSERT_NE(processes, nullptr);
    bool found = false;
    for (const auto& p : processes->items)
        if (static_cast<std::int64_t>(at(p, "pid").number) == child.pid()) {
            found = true;
            EXPECT_EQ(at(p, "name").text, "hs_child.exe");
        }
    EXPECT_TRUE(found);
}

TEST(Cli, FindsANamedMutex)
{
    auto path = tempFilePath("hs_find");
    Child child = Child::helper(L"objects \"" + wide(path) + L"\"");
    const std::string needle = "hs_mutex_" + std::to_string(child.pid());
    const CliRun run = runCli(L"find " + wide(needle));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find(needle), std::string::npos) << run.out;
    const CliRun none = runCli(L"find hs_no_such_object_" + std::to_wstring(child.pid()));
    EXPECT_EQ(none.out.find("hs_mutex_"), std::string::npos) << none.out;
    child.quit();
    DeleteFileA(path.c_str());
}

TEST(Cli, DupAndCloseCommands)
{
    auto path = tempFilePath("hs_clidup");
    Child a = Child::helper(L"objects \"" + wide(path) + L"\"");
    Child b = Child::helper(L"idle");
    const std::wstring event = std::to_wstring(a.value("event"));
    const CliRun dup = runCli(L"dup --from " + std::to_wstring(a.pid()) + L" --handle " + event + L" --to " +
                              std::to_wstring(b.pid()) + L" --yes --json");
    ASSERT_EQ(dup.exitCode, 0) << dup.out;
    const auto begin = dup.out.find('{');
    ASSERT_NE(begin, std::string::npos) << dup.out;
    const auto json = parseJson(dup.out.substr(begin, dup.out.find_last_of('}') - begin + 1));
    ASSERT_TRUE(json) << dup.out;
    EXPECT_EQ(at(*json, "method").text, "DuplicateHandle");
    const auto copy = static_cast<std::int64_t>(at(*json, "new_handle").number);
    ASSERT_GT(copy, 0);
    char hexCopy[32];
    std::snprintf(hexCopy, sizeof hexCopy, "0x%llx", static_cast<unsigned long long>(copy));
    EXPECT_EQ(b.command(std::string("set ") + hexCopy), "ok");

    const CliRun close = runCli(L"close --pid " + std::to_wstring(b.pid()) + L" --handle " + std::to_wstring(copy) +
                                L" --yes");
    ASSERT_EQ(close.exitCode, 0) << close.out;
    EXPECT_EQ(b.command(std::string("check ") + hexCopy), "err " + std::to_string(ERROR_INVALID_HANDLE));
    a.quit();
    DeleteFileA(path.c_str());
}

TEST(Cli, DupAndClosePrintTheWindowsPlan)
{
    auto path = tempFilePath("hs_cliplan");
    Child a = Child::helper(L"objects \"" + wide(path) + L"\"");
    Child b = Child::helper(L"idle");
    char hexEvent[32];
    std::snprintf(hexEvent, sizeof hexEvent, "0x%llX", static_cast<unsigned long long>(a.value("event")));
    const std::wstring event = std::to_wstring(a.value("event"));

    const CliRun close = runCli(L"close --pid " + std::to_wstring(a.pid()) + L" --handle " + event);
    EXPECT_EQ(close.exitCode, 2) << close.out;
    EXPECT_NE(close.out.find(std::string("DuplicateHandle(hProcess, ") + hexEvent +
                             ", NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)"),
              std::string::npos)
        << close.out;
    EXPECT_NE(close.out.find("NtCompareObjects"), std::string::npos) << close.out;
    EXPECT_NE(close.out.find("critical (ProcessBreakOnTermination)"), std::string::npos) << close.out;
    EXPECT_EQ(close.out.find("kcmp"), std::string::npos) << "the Linux plan: " << close.out;

    const CliRun dup = runCli(L"dup --from " + std::to_wstring(a.pid()) + L" --handle " + event + L" --to " +
                              std::to_wstring(b.pid()) + L" --close-source");
    EXPECT_EQ(dup.exitCode, 2) << dup.out;
    EXPECT_NE(dup.out.find(std::string("DuplicateHandle(hSrc, ") + hexEvent + ", hTgt, &h, 0, FALSE, DUPLICATE_SAME_ACCESS)"),
              std::string::npos)
        << dup.out;
    EXPECT_NE(dup.out.find(std::string("only once the copy exists")), std::string::npos) << dup.out;
    EXPECT_EQ(dup.out.find("fd "), std::string::npos) << dup.out;
    // Nothing was done without --yes.
    EXPECT_EQ(a.command(std::string("check ") + hexEvent).rfind("ok", 0), 0u);
    a.quit();
    DeleteFileA(path.c_str());
}

TEST(Cli, WatchAndLeaksRunOnWindows)
{
    // The sampler on Windows: counts from the process listing, kinds from the handle list.
    Child child = Child::helper(L"idle");
    const CliRun watch = runCli(L"watch " + std::to_wstring(child.pid()) + L" --interval 200ms --duration 400ms --json");
    ASSERT_EQ(watch.exitCode, 0) << watch.out;
    int lines = 0;
    std::size_t at0 = 0;
    while ((at0 = watch.out.find('{', at0)) != std::string::npos) {
        const auto end = watch.out.find('\n', at0);
        const auto line = parseJson(watch.out.substr(at0, end - at0));
        ASSERT_TRUE(line) << watch.out;
        EXPECT_EQ(at(*line, "schema").text, "handlescope/1");
        EXPECT_EQ(static_cast<std::int64_t>(at(*line, "pid").number), child.pid());
        EXPECT_GT(at(*line, "handles").number, 0);
        EXPECT_EQ(at(*line, "per_type").type, Json::Type::Object);
        ++lines;
        at0 = end;
    }
    EXPECT_EQ(lines, 3) << watch.out; // ticks at 0, 200 and 400 ms

    const CliRun leaks = runCli(L"leaks --for 600ms --interval 200ms --json");
    ASSERT_EQ(leaks.exitCode, 0) << leaks.out;
    const auto begin = leaks.out.find('{');
    ASSERT_NE(begin, std::string::npos) << leaks.out;
    const auto json = parseJson(leaks.out.substr(begin, leaks.out.find_last_of('}') - begin + 1));
    ASSERT_TRUE(json) << leaks.out;
    EXPECT_EQ(at(*json, "window_ms").number, 600);
    EXPECT_GE(at(*json, "samples").number, 4);
    EXPECT_EQ(at(*json, "suspects").type, Json::Type::Array);
    child.quit();
}
