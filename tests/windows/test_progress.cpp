// SPDX-License-Identifier: MIT
// The progress of a Windows duplicate: OpenProcess for each process, DuplicateHandle with
// the new value, the close-source call, CloseHandle of the process handles, in that order
// and the same lines as DuplicateResult::steps; a failure at the call that failed.
#include "child_process.h"

#include "handlescope/duplicate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>


using namespace hstest;

namespace {

std::vector<std::string> stepNames(const std::vector<hs::DuplicateProgress>& seen)
{
    std::vector<std::string> names;
    for (const auto& p : seen)
        names.emplace_back(hs::toString(p.step));
    return names;
}

hs::DuplicateOptions recording(std::vector<hs::DuplicateProgress>& seen, hs::DuplicateOptions options = {})
{
    options.progress = [&seen](const hs::DuplicateProgress& p) { seen.push_back(p); };
    return options;
}

} // namespace

TEST(Progress, DuplicateReportsEachCallInOrder)
{
    const auto path = tempFilePath("hs_progress");
    Child source = Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\"");
    Child target = Child::helper(L"idle");
    std::vector<hs::DuplicateProgress> seen;
    auto r = hs::duplicateHandle(source.pid(), source.value("event"), target.pid(), recording(seen));
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(stepNames(seen), (std::vector<std::string>{"OpenProcess", "OpenProcess", "DuplicateHandle",
                                                         "CloseHandle", "CloseHandle"}));
    ASSERT_EQ(seen.size(), 5u);
    EXPECT_EQ(seen[0].process, source.pid());
    EXPECT_EQ(seen[0].call, "hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, " + std::to_string(source.pid()) + ")");
    EXPECT_EQ(seen[1].process, target.pid());
    EXPECT_FALSE(seen[1].result.empty()); // the process handle's value
    EXPECT_EQ(seen[2].result, "0x" + [&] {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llX", static_cast<unsigned long long>(r->newHandle));
        return std::string(buf);
    }());
    EXPECT_NE(seen[2].call.find("DUPLICATE_SAME_ACCESS"), std::string::npos) << seen[2].call;
    EXPECT_EQ(seen[2].handle, r->newHandle);
    ASSERT_EQ(r->steps.size(), seen.size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(r->steps[i], seen[i].line());
        EXPECT_TRUE(seen[i].ok);
        EXPECT_FALSE(seen[i].error.has_value());
    }
    EXPECT_EQ(target.command("set " + hexValue(r->newHandle)), "ok");
    DeleteFileA(path.c_str());
}

TEST(Progress, CloseSourceReportsTheClose)
{
    const auto path = tempFilePath("hs_progress");
    Child source = Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\"");
    Child target = Child::helper(L"idle");
    std::vector<hs::DuplicateProgress> seen;
    hs::DuplicateOptions options;
    options.closeSource = true;
    auto r = hs::duplicateHandle(source.pid(), source.value("mutex"), target.pid(), recording(seen, options));
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(stepNames(seen), (std::vector<std::string>{"OpenProcess", "OpenProcess", "DuplicateHandle", "checked",
                                                         "closed", "CloseHandle", "CloseHandle"}));
    ASSERT_EQ(seen.size(), 7u);
    EXPECT_EQ(seen[4].process, source.pid());
    EXPECT_NE(seen[4].call.find("DUPLICATE_CLOSE_SOURCE"), std::string::npos) << seen[4].call;
    EXPECT_EQ(seen[4].handle, source.value("mutex"));
    DeleteFileA(path.c_str());
}

TEST(Progress, FailureIsReportedAtTheFailingCall)
{
    // A value the source does not hold: both processes open, then DuplicateHandle refuses.
    Child source = Child::helper(L"idle");
    Child target = Child::helper(L"idle");
    std::vector<hs::DuplicateProgress> seen;
    auto r = hs::duplicateHandle(source.pid(), 0x7FF0, target.pid(), recording(seen));
    ASSERT_FALSE(r);
    EXPECT_EQ(stepNames(seen),
              (std::vector<std::string>{"OpenProcess", "OpenProcess", "DuplicateHandle", "DuplicateHandle"}));
    ASSERT_EQ(seen.size(), 4u);
    EXPECT_TRUE(seen[1].ok);
    // The call as it came back, then the failure at that same step, with the error.
    EXPECT_FALSE(seen[2].ok);
    EXPECT_EQ(seen[2].result, "FALSE (" + r.error().osName + ")");
    EXPECT_FALSE(seen[2].error.has_value());
    EXPECT_FALSE(seen[3].ok);
    ASSERT_TRUE(seen[3].error.has_value());
    EXPECT_EQ(seen[3].error->operation, r.error().operation);
    EXPECT_EQ(seen[3].error->osName, "ERROR_INVALID_HANDLE");
}
