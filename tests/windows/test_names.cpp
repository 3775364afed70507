// SPDX-License-Identifier: MIT
// Rows as a person reads them: registry roots (HKCR, the user's classes hive, path
// boundaries), access texts of the types that used to show hex, and one process's rows of
// the system handle table against a full listing (with the timings docs/windows.md quotes).
#include "child_process.h"

#include "handlescope/inspect.h"
#include "windows/win_internal.h"

#include <gtest/gtest.h>

#include <sddl.h>

#include <chrono>
#include <cstdio>
#include <vector>

namespace {

std::string userSid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    char buf[256];
    DWORD len = sizeof buf;
    std::string out;
    if (GetTokenInformation(token, TokenUser, buf, len, &len)) {
        LPSTR text = nullptr;
        if (ConvertSidToStringSidA(reinterpret_cast<TOKEN_USER*>(buf)->User.Sid, &text)) {
            out = text;
            LocalFree(text);
        }
    }
    CloseHandle(token);
    return out;
}

} // namespace

TEST(RegistryNames, MachineRootsAndClasses)
{
    using hs::win::registryPathFromNtPath;
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\MACHINE"), "HKEY_LOCAL_MACHINE");
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet"),
              "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet");
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\MACHINE\\SOFTWARE\\Classes\\.txt"), "HKEY_CLASSES_ROOT\\.txt");
    EXPECT_EQ(registryPathFromNtPath("\\Registry\\Machine\\Software\\CLASSES"), "HKEY_CLASSES_ROOT");
    // Not at a path boundary: left as it is.
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\MACHINEX\\A"), "\\REGISTRY\\MACHINEX\\A");
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\MACHINE\\SOFTWARE\\ClassesX"),
              "HKEY_LOCAL_MACHINE\\SOFTWARE\\ClassesX");
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\USERS\\A"), "\\REGISTRY\\USERS\\A");
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\USER\\S-1-5-18\\Software"), "HKEY_USERS\\S-1-5-18\\Software");
    EXPECT_EQ(registryPathFromNtPath("\\Device\\Foo"), "\\Device\\Foo");
}

TEST(RegistryNames, CurrentUserAndItsClassesHive)
{
    using hs::win::registryPathFromNtPath;
    const std::string sid = userSid();
    ASSERT_FALSE(sid.empty());
    const std::string user = "\\REGISTRY\\USER\\" + sid;
    EXPECT_EQ(registryPathFromNtPath(user), "HKEY_CURRENT_USER");
    EXPECT_EQ(registryPathFromNtPath(user + "\\Environment"), "HKEY_CURRENT_USER\\Environment");
    EXPECT_EQ(registryPathFromNtPath(user + "_Classes"), "HKEY_CURRENT_USER\\Software\\Classes");
    EXPECT_EQ(registryPathFromNtPath(user + "_Classes\\CLSID\\{x}"), "HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{x}");
    // Another user's classes hive stays under HKEY_USERS.
    EXPECT_EQ(registryPathFromNtPath("\\REGISTRY\\USER\\S-1-5-21-1-2-3-4_Classes\\A"),
              "HKEY_USERS\\S-1-5-21-1-2-3-4_Classes\\A");
    // A SID that only starts like ours is another user.
    EXPECT_EQ(registryPathFromNtPath(user + "0\\A"), "HKEY_USERS\\" + sid + "0\\A");
}

TEST(AccessText, TypesThatShowedHex)
{
    using hs::win::accessText;
    const auto k = hs::HandleKind::Unknown;
    EXPECT_EQ(accessText("TpWorkerFactory", 0xF003F, k), "WORKER_FACTORY_ALL_ACCESS");
    EXPECT_EQ(accessText("TpWorkerFactory", 0x0002 | 0x0008 | 0x00100000, k),
              "WORKER_FACTORY_WAIT | WORKER_FACTORY_QUERY_INFORMATION | SYNCHRONIZE");
    EXPECT_EQ(accessText("IRTimer", 0x1F0003, k), "TIMER_ALL_ACCESS");
    EXPECT_EQ(accessText("IRTimer", 0x0002, k), "TIMER_MODIFY_STATE");
    EXPECT_EQ(accessText("WaitCompletionPacket", 0xF0001, k), "WAIT_COMPLETION_PACKET_ALL_ACCESS");
    EXPECT_EQ(accessText("WaitCompletionPacket", 0x0001 | 0x00020000, k),
              "WAIT_COMPLETION_PACKET_MODIFY_STATE | READ_CONTROL");
    EXPECT_EQ(accessText("EtwRegistration", 0x121FFF, k), "WMIGUID_ALL_ACCESS");
    EXPECT_EQ(accessText("EtwRegistration", 0x0800, k), "TRACELOG_REGISTER_GUIDS");
    EXPECT_EQ(accessText("DebugObject", 0x1F000F, k), "DEBUG_ALL_ACCESS");
    EXPECT_EQ(accessText("DebugObject", 0x0001 | 0x0002, k), "DEBUG_READ_EVENT | DEBUG_PROCESS_ASSIGN");
    // No hex left for any bit these types define.
    for (const char* type : {"TpWorkerFactory", "IRTimer", "WaitCompletionPacket", "EtwRegistration", "DebugObject"})
        EXPECT_EQ(accessText(type, 0x0001, k).find("0x"), std::string::npos) << type;
}

TEST(HandleTable, OneProcessFromTheSystemTableMatchesAFullListing)
{
    // Several children, each with its own objects: the rows the system-wide table gives for
    // a pid are exactly the handles listHandles reports for it (value, access, attributes).
    std::vector<hstest::Child> children;
    std::vector<std::string> paths;
    for (int i = 0; i < 3; ++i) {
        paths.push_back(hstest::tempFilePath("hs_table"));
        children.push_back(
            hstest::Child::helper(L"objects \"" + std::wstring(paths.back().begin(), paths.back().end()) + L"\""));
    }
    for (auto& child : children) {
        const auto t0 = std::chrono::steady_clock::now();
        auto rows = hs::win::querySystemHandles(child.pid());
        const auto t1 = std::chrono::steady_clock::now();
        auto list = hs::listHandles(child.pid(), hs::Detail::Full);
        const auto t2 = std::chrono::steady_clock::now();
        ASSERT_TRUE(rows) << rows.error().message();
        ASSERT_TRUE(list) << list.error().message();
        ASSERT_EQ(rows->size(), list->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            EXPECT_EQ((*rows)[i].pid, child.pid());
            EXPECT_EQ((*rows)[i].value, (*list)[i].value);
            EXPECT_EQ((*rows)[i].grantedAccess, (*list)[i].grantedAccess);
            EXPECT_EQ(((*rows)[i].attributes & 0x2) != 0, (*list)[i].inheritable.value_or(false));
        }
        EXPECT_GE(list->size(), 14u);
        // The figures docs/windows.md quotes (Wine 8 has no ProcessHandleInformation).
        std::printf("[ timing ] pid %lld: %zu handles; system table filtered %lld us, full listing %lld us\n",
                    static_cast<long long>(child.pid()), rows->size(),
                    static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count()),
                    static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(t2 - t1).count()));
    }
    children.clear();
    for (const auto& p : paths)
        DeleteFileA(p.c_str());
}
