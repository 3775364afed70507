// SPDX-License-Identifier: MIT
// SeDebugPrivilege: lets an Administrator open other users' and service processes.
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <mutex>

namespace hs::win {

namespace {

bool enableDebugPrivilege()
{
    UniqueHandle token;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, token.put())) {
        logger()->debug("OpenProcessToken failed: {}", win32ErrorName(GetLastError()));
        return false;
    }
    LUID luid{};
    if (!LookupPrivilegeValueW(nullptr, L"SeDebugPrivilege", &luid))
        return false;
    TOKEN_PRIVILEGES tp{};
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid = luid;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    // AdjustTokenPrivileges succeeds with ERROR_NOT_ALL_ASSIGNED when the token lacks it.
    if (!AdjustTokenPrivileges(token.get(), FALSE, &tp, sizeof tp, nullptr, nullptr))
        return false;
    const DWORD err = GetLastError();
    logger()->debug("SeDebugPrivilege: {}", err == ERROR_SUCCESS ? "enabled" : "not held by this token");
    return err == ERROR_SUCCESS;
}

} // namespace

bool ensureDebugPrivilege()
{
    static std::once_flag once;
    static bool enabled = false;
    std::call_once(once, [] { enabled = enableDebugPrivilege(); });
    return enabled;
}

} // namespace hs::win
