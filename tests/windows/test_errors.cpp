// SPDX-License-Identifier: MIT
// Each bad input gives its own error with the OS code.
#include "child_process.h"

#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"
#include "windows/win_internal.h"

#include <gtest/gtest.h>

using namespace hstest;

namespace {

/// A handle value that is not open in `pid`.
std::int64_t unusedValue(hs::Pid pid)
{
    auto list = hs::listHandles(pid);
    std::int64_t v = 0x4000;
    if (list)
        for (const auto& h : *list)
            v = std::max(v, h.value + 0x400);
    return v;
}

} // namespace

TEST(Errors, InvalidHandleValue)
{
    Child a = Child::helper(L"idle");
    Child b = Child::helper(L"idle");
    const auto bad = unusedValue(a.pid());
    auto r = hs::duplicateHandle(a.pid(), bad, b.pid());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().osCode, ERROR_INVALID_HANDLE);
    EXPECT_EQ(r.error().osName, "ERROR_INVALID_HANDLE");
    EXPECT_EQ(r.error().pid, a.pid());
    EXPECT_EQ(r.error().handle, bad);
    EXPECT_FALSE(r.error().osText.empty());

    auto c = hs::closeRemoteHandle(a.pid(), bad);
    ASSERT_FALSE(c);
    EXPECT_EQ(c.error().osCode, ERROR_INVALID_HANDLE);

    auto info = hs::handleInfo(a.pid(), bad);
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().osCode, ERROR_INVALID_HANDLE);

    // A pseudo handle (-1 is "the current process") is not a handle of a table.
    auto pseudo = hs::duplicateHandle(a.pid(), -1, b.pid());
    ASSERT_FALSE(pseudo);
    EXPECT_EQ(pseudo.error().osCode, ERROR_INVALID_HANDLE);
}

TEST(Errors, ExitedProcesses)
{
    Child live = Child::helper(L"objects \"" +
                               [] {
                                   auto p = tempFilePath("hs_err");
                                   return std::wstring(p.begin(), p.end());
                               }() +
                               L"\"");
    Child gone = Child::helper(L"idle");
    const auto gonePid = gone.pid();
    gone.quit();
    ASSERT_EQ(WaitForSingleObject(gone.process(), 5000), WAIT_OBJECT_0);

    // Exited source (its process object still referenced by us): its handle table is gone.
    auto fromGone = hs::duplicateHandle(gonePid, 4, live.pid());
    ASSERT_FALSE(fromGone);
    EXPECT_EQ(fromGone.error().osCode, ERROR_INVALID_HANDLE) << fromGone.error().message();
    EXPECT_EQ(fromGone.error().pid, gonePid);

    // Exited target.
    auto intoGone = hs::duplicateHandle(live.pid(), live.value("event"), gonePid);
    ASSERT_FALSE(intoGone);
    EXPECT_EQ(intoGone.error().osCode, ERROR_ACCESS_DENIED) << intoGone.error().message();
    EXPECT_EQ(live.command("check " + hexValue(live.value("event"))).rfind("ok", 0), 0u);

    auto handles = hs::listHandles(gonePid);
    ASSERT_FALSE(handles);
    EXPECT_EQ(handles.error().osCode, ERROR_INVALID_PARAMETER) << handles.error().message();
}

TEST(Errors, UnknownPid)
{
    // Pids are multiples of 4; this one is far above anything Wine or a desktop hands out.
    const hs::Pid pid = 0x7FFFFFF0;
    auto info = hs::processInfo(pid);
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().osCode, ERROR_INVALID_PARAMETER);
    auto handles = hs::listHandles(pid);
    ASSERT_FALSE(handles);
    EXPECT_EQ(handles.error().osCode, ERROR_INVALID_PARAMETER);
    EXPECT_EQ(handles.error().osName, "ERROR_INVALID_PARAMETER");
    auto dup = hs::duplicateHandle(pid, 4, hs::currentProcessId());
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().osCode, ERROR_INVALID_PARAMETER);
    EXPECT_FALSE(dup.error().hint.empty());
}

TEST(Errors, ProtectedHandleIsNotClosed)
{
    auto path = tempFilePath("hs_prot");
    Child a = Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\"");
    Child b = Child::helper(L"idle");
    const auto mutex = a.value("mutex");
    ASSERT_EQ(a.command("protect " + hexValue(mutex)), "ok");

    auto info = hs::handleInfo(a.pid(), mutex);
    ASSERT_TRUE(info) << info.error().message();
    EXPECT_TRUE(info->protectFromClose);
    EXPECT_FALSE(hs::handleInfo(a.pid(), a.value("event"))->protectFromClose);

    constexpr std::int64_t kHandleNotClosable = 0xC0000235;
    auto closed = hs::closeRemoteHandle(a.pid(), mutex);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().osCode, kHandleNotClosable);
    EXPECT_EQ(closed.error().osName, "STATUS_HANDLE_NOT_CLOSABLE");
    EXPECT_NE(closed.error().hint.find("protected"), std::string::npos);

    hs::DuplicateOptions move;
    move.closeSource = true;
    auto moved = hs::duplicateHandle(a.pid(), mutex, b.pid(), move);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().osCode, kHandleNotClosable);
    EXPECT_EQ(a.command("check " + hexValue(mutex)), "ok " + std::to_string(HANDLE_FLAG_PROTECT_FROM_CLOSE));

    // A plain copy is allowed.
    auto copied = hs::duplicateHandle(a.pid(), mutex, b.pid());
    ASSERT_TRUE(copied) << copied.error().message();
    EXPECT_EQ(b.command("check " + hexValue(copied->newHandle)).rfind("ok", 0), 0u);

    ASSERT_EQ(a.command("unprotect " + hexValue(mutex)), "ok");
    auto closedNow = hs::closeRemoteHandle(a.pid(), mutex);
    ASSERT_TRUE(closedNow) << closedNow.error().message();
    EXPECT_EQ(a.command("check " + hexValue(mutex)), "err " + std::to_string(ERROR_INVALID_HANDLE));
    a.quit();
    DeleteFileA(path.c_str());
}

TEST(Errors, TerminatingProcessStatusIsNamedAndExplained)
{
    const hs::Error e = hs::win::ntError("duplicate handle", 42, 0x10, hs::win::nt::kProcessIsTerminating);
    EXPECT_EQ(e.osName, "STATUS_PROCESS_IS_TERMINATING");
    EXPECT_EQ(e.osCode, 0xC000010AL);
    EXPECT_FALSE(e.osText.empty());
    EXPECT_NE(e.hint.find("exiting"), std::string::npos) << e.hint;
    // Win32 callers see it as access denied (the NT-to-Win32 status table), which is why
    // an exited target answers DuplicateHandle with error 5: the hint says so.
    ASSERT_NE(hs::win::nt::api().statusToDosError, nullptr);
    EXPECT_EQ(hs::win::nt::api().statusToDosError(hs::win::nt::kProcessIsTerminating),
              static_cast<ULONG>(ERROR_ACCESS_DENIED));
}
