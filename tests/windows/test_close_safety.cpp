// SPDX-License-Identifier: MIT
// What must never happen when a handle of another process is closed: a failed close-source
// copy costing the source its handle, a reused handle value closing another object, a tag
// bit making a value look like another handle.
#include "child_process.h"

#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"
#include "windows/win_internal.h"

#include <gtest/gtest.h>

#include <optional>

using namespace hstest;

namespace {

const std::string kInvalidHandleReply = "err " + std::to_string(ERROR_INVALID_HANDLE);

class CloseSafety : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = tempFilePath("hs_close");
        source.emplace(Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\""));
        ASSERT_GT(source->value("semaphore"), 0);
    }
    void TearDown() override
    {
        source.reset();
        DeleteFileA(path.c_str());
    }
    bool isOpen(std::int64_t value) { return source->command("check " + hexValue(value)).rfind("ok", 0) == 0; }
    std::string path;
    std::optional<Child> source;
};

} // namespace

TEST_F(CloseSafety, FailedCloseSourceCopyKeepsTheSource)
{
    Child target = Child::helper(L"idle");
    const auto targetPid = target.pid();
    target.quit(); // exited, but its process object lives on (the Child holds a handle)
    hs::DuplicateOptions o;
    o.closeSource = true;
    const auto value = source->value("semaphore");
    auto r = hs::duplicateHandle(source->pid(), value, targetPid, o);
    ASSERT_FALSE(r) << "a copy into an exited process succeeded";
    EXPECT_TRUE(r.error().operation == "duplicate handle" || r.error().operation == "open target process")
        << r.error().message();
    EXPECT_TRUE(isOpen(value)) << "the source lost its handle: " << r.error().message();
    // And the handle still works in its owner.
    auto info = hs::handleInfo(source->pid(), value);
    ASSERT_TRUE(info) << info.error().message();
    EXPECT_EQ(info->typeName, "Semaphore");
}

TEST_F(CloseSafety, CloseSourceCopySucceedsThenClosesTheSource)
{
    Child target = Child::helper(L"idle");
    hs::DuplicateOptions o;
    o.closeSource = true;
    const auto value = source->value("semaphore");
    auto r = hs::duplicateHandle(source->pid(), value, target.pid(), o);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_TRUE(r->warnings.empty()) << r->warnings.front();
    EXPECT_EQ(source->command("check " + hexValue(value)), kInvalidHandleReply);
    EXPECT_EQ(target.command("check " + hexValue(r->newHandle)).rfind("ok", 0), 0u);
    // The copy came first, the close of the source second, as two calls.
    ASSERT_GE(r->steps.size(), 4u);
    std::size_t copyAt = r->steps.size();
    std::size_t closeAt = r->steps.size();
    for (std::size_t i = 0; i < r->steps.size(); ++i) {
        if (r->steps[i].find("hTgt, &h") != std::string::npos)
            copyAt = i;
        if (r->steps[i].find("DUPLICATE_CLOSE_SOURCE") != std::string::npos && closeAt == r->steps.size())
            closeAt = i;
    }
    ASSERT_LT(copyAt, r->steps.size());
    ASSERT_LT(closeAt, r->steps.size());
    EXPECT_LT(copyAt, closeAt);
    EXPECT_EQ(r->steps[copyAt].find("DUPLICATE_CLOSE_SOURCE"), std::string::npos) << r->steps[copyAt];
}

TEST_F(CloseSafety, RemoteCloseRefusesAValueReusedForAnotherObject)
{
    const auto value = source->value("semaphore");
    auto chosen = hs::win::chooseHandle(source->pid(), value);
    ASSERT_TRUE(chosen) << chosen.error().message();
    ASSERT_EQ(source->command("reuse " + hexValue(value)), "ok");
    auto reused = hs::handleInfo(source->pid(), value);
    ASSERT_TRUE(reused) << reused.error().message();
    ASSERT_EQ(reused->typeName, "Event"); // the same value, another object

    auto closed = hs::win::closeChosenHandle(*chosen);
    ASSERT_FALSE(closed) << "closed an event that was never chosen";
    EXPECT_EQ(closed.error().osName, "STATUS_NOT_SAME_OBJECT") << closed.error().message();
    EXPECT_EQ(closed.error().operation, "close handle");
    EXPECT_NE(closed.error().hint.find("reused"), std::string::npos) << closed.error().hint;
    EXPECT_TRUE(isOpen(value));

    // Chosen again, the event is what the user means, and it closes.
    auto again = hs::win::chooseHandle(source->pid(), value);
    ASSERT_TRUE(again) << again.error().message();
    std::vector<std::string> steps;
    auto ok = hs::win::closeChosenHandle(*again, &steps);
    ASSERT_TRUE(ok) << ok.error().message();
    EXPECT_EQ(source->command("check " + hexValue(value)), kInvalidHandleReply);
    ASSERT_FALSE(steps.empty());
    EXPECT_NE(steps.front().find("still names the chosen object"), std::string::npos) << steps.front();
}

TEST_F(CloseSafety, RemoteCloseOfAHandleClosedMeanwhileSaysSo)
{
    const auto value = source->value("mutex");
    auto chosen = hs::win::chooseHandle(source->pid(), value);
    ASSERT_TRUE(chosen) << chosen.error().message();
    auto first = hs::win::closeChosenHandle(*chosen);
    ASSERT_TRUE(first) << first.error().message();
    auto second = hs::win::closeChosenHandle(*chosen);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().osName, "ERROR_INVALID_HANDLE") << second.error().message();
    EXPECT_NE(second.error().hint.find("no longer open"), std::string::npos) << second.error().hint;
}

TEST_F(CloseSafety, TagBitsNameTheSameHandle)
{
    const auto value = source->value("semaphore");
    auto info = hs::handleInfo(source->pid(), value | 3);
    ASSERT_TRUE(info) << info.error().message();
    EXPECT_EQ(info->value, value);
    EXPECT_EQ(info->typeName, "Semaphore");
    auto closed = hs::closeRemoteHandle(source->pid(), value | 1);
    ASSERT_TRUE(closed) << closed.error().message();
    EXPECT_EQ(source->command("check " + hexValue(value)), kInvalidHandleReply);
    EXPECT_TRUE(isOpen(source->value("mutex")));
}

TEST(CriticalProcess, TheToolItselfIsNotCritical)
{
    // Wine 8 has no critical processes (ProcessBreakOnTermination is an unknown class);
    // on Windows the test process is not critical either. A refusal here would refuse
    // every close.
    auto ok = hs::win::refuseCriticalProcess(GetCurrentProcess(), static_cast<hs::Pid>(GetCurrentProcessId()), 4,
                                             "close handle");
    EXPECT_TRUE(ok) << ok.error().message();
}
