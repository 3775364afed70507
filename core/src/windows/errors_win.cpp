// SPDX-License-Identifier: MIT
// Win32 errors and NTSTATUS values -> hs::Error: symbolic name, FormatMessage text, hint.
#include "win_internal.h"

#include <cstdio>

namespace hs::win {

namespace {

struct Named {
    std::uint32_t code;
    const char* name;
};

constexpr Named kWin32Names[] = {
    {ERROR_SUCCESS, "ERROR_SUCCESS"},
    {ERROR_INVALID_FUNCTION, "ERROR_INVALID_FUNCTION"},
    {ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND"},
    {ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND"},
    {ERROR_TOO_MANY_OPEN_FILES, "ERROR_TOO_MANY_OPEN_FILES"},
    {ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"},
    {ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE"},
    {ERROR_NOT_ENOUGH_MEMORY, "ERROR_NOT_ENOUGH_MEMORY"},
    {ERROR_OUTOFMEMORY, "ERROR_OUTOFMEMORY"},
    {ERROR_NOT_SUPPORTED, "ERROR_NOT_SUPPORTED"},
    {ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"},
    {ERROR_INSUFFICIENT_BUFFER, "ERROR_INSUFFICIENT_BUFFER"},
    {ERROR_BAD_LENGTH, "ERROR_BAD_LENGTH"},
    {ERROR_PARTIAL_COPY, "ERROR_PARTIAL_COPY"},
    {ERROR_NOACCESS, "ERROR_NOACCESS"},
    {ERROR_PRIVILEGE_NOT_HELD, "ERROR_PRIVILEGE_NOT_HELD"},
    {ERROR_NOT_ALL_ASSIGNED, "ERROR_NOT_ALL_ASSIGNED"},
    {ERROR_TIMEOUT, "ERROR_TIMEOUT"},
    {ERROR_INVALID_NAME, "ERROR_INVALID_NAME"},
    {ERROR_BAD_PATHNAME, "ERROR_BAD_PATHNAME"},
    {ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION"},
    {ERROR_NO_MORE_FILES, "ERROR_NO_MORE_FILES"},
    {ERROR_PROC_NOT_FOUND, "ERROR_PROC_NOT_FOUND"},
    {ERROR_CALL_NOT_IMPLEMENTED, "ERROR_CALL_NOT_IMPLEMENTED"},
    {ERROR_MORE_DATA, "ERROR_MORE_DATA"},
};

struct NamedStatus {
    std::uint32_t code;
    const char* name;
    const char* text; // fallback when ntdll has no message table (Wine)
};

constexpr NamedStatus kStatusNames[] = {
    {0x00000000u, "STATUS_SUCCESS", "The operation completed successfully."},
    {0x80000005u, "STATUS_BUFFER_OVERFLOW", "The data was too large to fit into the specified buffer."},
    {0xC0000002u, "STATUS_NOT_IMPLEMENTED", "The requested operation is not implemented."},
    {0xC0000004u, "STATUS_INFO_LENGTH_MISMATCH", "The specified information record length does not match the length required."},
    {0xC0000005u, "STATUS_ACCESS_VIOLATION", "Invalid access to memory location."},
    {0xC0000008u, "STATUS_INVALID_HANDLE", "An invalid HANDLE was specified."},
    {0xC000000Du, "STATUS_INVALID_PARAMETER", "An invalid parameter was passed to a service or function."},
    {0xC0000017u, "STATUS_NO_MEMORY", "Not enough virtual memory or paging file quota is available."},
    {0xC0000022u, "STATUS_ACCESS_DENIED", "A process has requested access to an object, but has not been granted those access rights."},
    {0xC0000023u, "STATUS_BUFFER_TOO_SMALL", "The buffer is too small to contain the entry."},
    {0xC0000024u, "STATUS_OBJECT_TYPE_MISMATCH", "There is a mismatch between the type of object that is required by the requested operation and the type of object that is specified in the request."},
    {0xC00000B5u, "STATUS_IO_TIMEOUT", "The specified I/O operation was not completed before the time-out period expired."},
    {0xC00000BBu, "STATUS_NOT_SUPPORTED", "The request is not supported."},
    {0xC000010Au, "STATUS_PROCESS_IS_TERMINATING", "An attempt was made to access an exiting process."},
    {0xC00001ACu, "STATUS_NOT_SAME_OBJECT", "The objects are not the same."},
    {0xC0000235u, "STATUS_HANDLE_NOT_CLOSABLE", "NtClose was called on a handle that was protected from close via NtSetInformationObject."},
};

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '.'))
        s.pop_back();
    return s;
}

std::string formatMessage(DWORD flags, LPCVOID source, DWORD code)
{
    LPWSTR buffer = nullptr;
    const DWORD len = FormatMessageW(flags | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS, source,
                                     code, 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    std::string out;
    if (len > 0 && buffer)
        out = toUtf8(std::wstring_view(buffer, len));
    if (buffer)
        LocalFree(buffer);
    return trimmed(out);
}

} // namespace

std::string win32ErrorName(DWORD code)
{
    for (const auto& n : kWin32Names)
        if (n.code == code)
            return n.name;
    return "ERROR_" + std::to_string(code);
}

std::string ntStatusName(nt::NTSTATUS status)
{
    const auto code = static_cast<std::uint32_t>(status);
    for (const auto& n : kStatusNames)
        if (n.code == code)
            return n.name;
    char buf[32];
    std::snprintf(buf, sizeof buf, "STATUS_0x%08X", code);
    return buf;
}

std::string processHint(DWORD code)
{
    switch (code) {
    case ERROR_ACCESS_DENIED:
        return "run as Administrator (SeDebugPrivilege); protected processes stay closed even then";
    case ERROR_INVALID_PARAMETER:
        return "the process has exited or the pid is wrong: refresh the process list";
    case ERROR_INVALID_HANDLE:
        return "the handle was closed or never existed in that process: refresh its handle list";
    default:
        return {};
    }
}

Error win32Error(std::string operation, Pid pid, HandleValue handle, DWORD code, std::string hint)
{
    Error e;
    e.operation = std::move(operation);
    e.pid = pid;
    e.handle = handle;
    e.osCode = static_cast<std::int64_t>(code);
    e.osName = win32ErrorName(code);
    e.osText = formatMessage(FORMAT_MESSAGE_FROM_SYSTEM, nullptr, code);
    e.hint = hint.empty() ? processHint(code) : std::move(hint);
    return e;
}

Error ntError(std::string operation, Pid pid, HandleValue handle, nt::NTSTATUS status, std::string hint)
{
    Error e;
    e.operation = std::move(operation);
    e.pid = pid;
    e.handle = handle;
    e.osCode = static_cast<std::int64_t>(static_cast<std::uint32_t>(status));
    e.osName = ntStatusName(status);
    e.osText = formatMessage(FORMAT_MESSAGE_FROM_HMODULE, GetModuleHandleW(L"ntdll.dll"), static_cast<DWORD>(status));
    if (e.osText.empty()) {
        for (const auto& n : kStatusNames)
            if (n.code == static_cast<std::uint32_t>(status))
                e.osText = trimmed(n.text);
    }
    if (e.osText.empty() && nt::api().statusToDosError)
        e.osText = formatMessage(FORMAT_MESSAGE_FROM_SYSTEM, nullptr, nt::api().statusToDosError(status));
    if (hint.empty() && status == nt::kProcessIsTerminating)
        hint = "the process is exiting: it keeps no handles that can still be read or changed; refresh the "
               "process list";
    e.hint = std::move(hint);
    return e;
}

} // namespace hs::win
