// SPDX-License-Identifier: MIT
// DuplicateHandle between two children: the copy works in the target, narrowed access is
// enforced there, inheritable copies reach a grandchild, close-source and remote close.
#include "child_process.h"

#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace hstest;

namespace {

class Duplicate : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = tempFilePath("hs_dup");
        source.emplace(Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\""));
        target.emplace(Child::helper(L"idle"));
        ASSERT_GT(source->value("event"), 0);
        ASSERT_GT(target->pid(), 0);
    }
    void TearDown() override
    {
        source.reset();
        target.reset();
        DeleteFileA(path.c_str());
    }
    hs::DuplicateResult dup(const std::string& name, const hs::DuplicateOptions& options = {})
    {
        auto r = hs::duplicateHandle(source->pid(), source->value(name), target->pid(), options);
        if (!r)
            throw std::runtime_error(r.error().message());
        return *r;
    }
    std::string path;
    std::optional<Child> source;
    std::optional<Child> target;
};

} // namespace

TEST_F(Duplicate, EventCopyWorksInTarget)
{
    const auto r = dup("event");
    EXPECT_EQ(r.method, "DuplicateHandle");
    EXPECT_GT(r.newHandle, 0);
    EXPECT_FALSE(r.steps.empty());
    EXPECT_EQ(source->command("wait " + hexValue(source->value("event"))), "timeout");
    EXPECT_EQ(target->command("set " + hexValue(r.newHandle)), "ok");
    EXPECT_EQ(source->command("wait " + hexValue(source->value("event"))), "signaled");
    // The source keeps its handle.
    EXPECT_EQ(source->command("check " + hexValue(source->value("event"))).rfind("ok", 0), 0u);

    auto copy = hs::handleInfo(target->pid(), r.newHandle);
    ASSERT_TRUE(copy) << copy.error().message();
    EXPECT_EQ(copy->typeName, "Event");
    EXPECT_EQ(copy->grantedAccess, static_cast<std::uint32_t>(EVENT_ALL_ACCESS));
    ASSERT_TRUE(copy->inheritable.has_value());
    EXPECT_FALSE(*copy->inheritable);
}

TEST_F(Duplicate, SnapshotGivesBothEndsOneIdentity)
{
    const auto r = dup("event");
    auto snap = hs::takeSnapshot();
    ASSERT_TRUE(snap) << snap.error().message();
    const auto* a = snap->findProcess(source->pid());
    const auto* b = snap->findProcess(target->pid());
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    const hs::HandleInfo* original = nullptr;
    const hs::HandleInfo* copy = nullptr;
    const hs::HandleInfo* other = nullptr;
    for (const auto& h : a->handles) {
        if (h.value == source->value("event"))
            original = &h;
        if (h.value == source->value("named_event"))
            other = &h;
    }
    for (const auto& h : b->handles)
        if (h.value == r.newHandle)
            copy = &h;
    ASSERT_NE(original, nullptr);
    ASSERT_NE(copy, nullptr);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(original->object, copy->object);
    EXPECT_NE(original->object, other->object);
}

TEST_F(Duplicate, FileCopyWritesInTarget)
{
    const auto r = dup("file");
    const std::string text = "written-by-" + std::to_string(target->pid());
    EXPECT_EQ(target->command("write " + hexValue(r.newHandle) + " " + text), "ok");
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    EXPECT_EQ(content.str(), text);
}

TEST_F(Duplicate, NarrowedAccessIsEnforcedInTarget)
{
    hs::DuplicateOptions o;
    o.desiredAccess = SYNCHRONIZE;
    const auto r = dup("event", o);
    EXPECT_EQ(target->command("set " + hexValue(r.newHandle)), "err " + std::to_string(ERROR_ACCESS_DENIED));
    EXPECT_EQ(target->command("wait " + hexValue(r.newHandle)), "timeout"); // SYNCHRONIZE still works
    EXPECT_EQ(source->command("wait " + hexValue(source->value("event"))), "timeout");
    auto copy = hs::handleInfo(target->pid(), r.newHandle);
    ASSERT_TRUE(copy) << copy.error().message();
    EXPECT_EQ(copy->grantedAccess, static_cast<std::uint32_t>(SYNCHRONIZE));
    EXPECT_EQ(copy->accessText, "SYNCHRONIZE");
}

TEST_F(Duplicate, InheritableCopyReachesGrandchild)
{
    hs::DuplicateOptions o;
    o.inheritable = true;
    const auto r = dup("event", o);
    auto copy = hs::handleInfo(target->pid(), r.newHandle);
    ASSERT_TRUE(copy) << copy.error().message();
    ASSERT_TRUE(copy->inheritable.has_value());
    EXPECT_TRUE(*copy->inheritable);
    EXPECT_EQ(target->command("spawn " + hexValue(r.newHandle)), "exit 0");
    EXPECT_EQ(source->command("wait " + hexValue(source->value("event"))), "signaled");
}

TEST_F(Duplicate, NonInheritableCopyDoesNotReachGrandchild)
{
    const auto r = dup("event");
    const std::string reply = target->command("spawn " + hexValue(r.newHandle));
    EXPECT_NE(reply, "exit 0");
    EXPECT_EQ(reply.rfind("exit ", 0), 0u) << reply;
    EXPECT_EQ(source->command("wait " + hexValue(source->value("event"))), "timeout");
}

TEST_F(Duplicate, CloseSourceMovesTheHandle)
{
    hs::DuplicateOptions o;
    o.closeSource = true;
    const auto r = dup("semaphore", o);
    EXPECT_EQ(source->command("check " + hexValue(source->value("semaphore"))),
              "err " + std::to_string(ERROR_INVALID_HANDLE));
    EXPECT_EQ(target->command("check " + hexValue(r.newHandle)).rfind("ok", 0), 0u);
    EXPECT_EQ(source->command("check " + hexValue(source->value("mutex"))).rfind("ok", 0), 0u);
}

TEST_F(Duplicate, CloseRemoteHandleClosesOnlyThatHandle)
{
    const auto value = source->value("semaphore");
    auto closed = hs::closeRemoteHandle(source->pid(), value);
    ASSERT_TRUE(closed) << closed.error().message();
    EXPECT_EQ(source->command("check " + hexValue(value)), "err " + std::to_string(ERROR_INVALID_HANDLE));
    EXPECT_EQ(source->command("check " + hexValue(source->value("mutex"))).rfind("ok", 0), 0u);
    EXPECT_EQ(source->command("check " + hexValue(source->value("event"))).rfind("ok", 0), 0u);
    auto list = hs::listHandles(source->pid());
    ASSERT_TRUE(list) << list.error().message();
    // The value may be reused at once by a new handle of the child, but not by this semaphore.
    for (const auto& h : *list) {
        if (h.value == value) {
            EXPECT_NE(h.typeName, "Semaphore") << "the semaphore is still open";
        }
    }
}

TEST(DescribeDuplicate, ShowsTheExactCall)
{
    hs::DuplicateOptions o;
    auto lines = hs::describeDuplicate(100, 0x1A4, 200, o);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0], "hSrc = OpenProcess(PROCESS_DUP_HANDLE, FALSE, 100)");
    EXPECT_EQ(lines[1], "hTgt = OpenProcess(PROCESS_DUP_HANDLE, FALSE, 200)");
    EXPECT_EQ(lines[2], "DuplicateHandle(hSrc, 0x1A4, hTgt, &h, 0, FALSE, DUPLICATE_SAME_ACCESS)");
    o.desiredAccess = 0x100000;
    o.inheritable = true;
    o.closeSource = true;
    lines = hs::describeDuplicate(100, 0x1A4, 200, o);
    ASSERT_EQ(lines.size(), 6u);
    // Never one call with DUPLICATE_CLOSE_SOURCE: it closes the source even when the copy fails.
    EXPECT_EQ(lines[2], "DuplicateHandle(hSrc, 0x1A4, hTgt, &h, 0x100000, TRUE, 0)");
    EXPECT_EQ(lines[3], "only once the copy exists, and only if 0x1A4 still names the same object and process 100 "
                        "is not critical: DuplicateHandle(hSrc, 0x1A4, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE)");
}
