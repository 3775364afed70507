// SPDX-License-Identifier: MIT
// Object names, read from a copy of the handle duplicated into the tool. NtQueryObject on a
// File handle can hang (a synchronous pipe with a pending read), so File handles go through
// queryFileFacts (file_query_win.cpp); after its timeout the row keeps everything but the
// name (partialError = STATUS_IO_TIMEOUT).
#include "win_internal.h"

#include <sddl.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <map>
#include <mutex>

namespace hs::win {

namespace {

/// NtQueryObject(ObjectNameInformation) with one grow step.
nt::NTSTATUS queryObjectName(HANDLE h, std::wstring& out)
{
    const auto fn = nt::api().queryObject;
    if (!fn)
        return nt::kNotImplemented;
    std::vector<std::byte> buf(2048);
    nt::NTSTATUS s = nt::kInfoLengthMismatch;
    for (int attempt = 0; attempt < 3; ++attempt) {
        ULONG needed = 0;
        s = fn(h, nt::kObjectNameInformation, buf.data(), static_cast<ULONG>(buf.size()), &needed);
        if (s != nt::kInfoLengthMismatch && s != nt::kBufferOverflow && s != nt::kBufferTooSmall)
            break;
        if (needed <= buf.size() || needed > (1u << 20))
            break;
        buf.resize(needed);
    }
    if (!nt::ok(s))
        return s;
    const auto* us = reinterpret_cast<const nt::UnicodeString*>(buf.data());
    out = us->Buffer ? std::wstring(us->Buffer, us->Length / sizeof(wchar_t)) : std::wstring();
    return s;
}

// --- path mapping -------------------------------------------------------------------------

std::map<std::wstring, std::wstring> deviceToDrive()
{
    static std::mutex mutex;
    static std::map<std::wstring, std::wstring> cache;
    static ULONGLONG stamp = 0;
    std::lock_guard lock(mutex);
    const ULONGLONG now = GetTickCount64();
    if (!cache.empty() && now - stamp < 10000)
        return cache;
    cache.clear();
    stamp = now;
    const DWORD drives = GetLogicalDrives();
    for (wchar_t letter = L'A'; letter <= L'Z'; ++letter) {
        if (!(drives & (1u << (letter - L'A'))))
            continue;
        const wchar_t drive[3] = {letter, L':', 0};
        wchar_t target[1024];
        if (QueryDosDeviceW(drive, target, 1024) > 0)
            cache[target] = drive; // first string of the multi-string
    }
    return cache;
}

std::string currentUserSid()
{
    static const std::string sid = [] {
        UniqueHandle token;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, token.put()))
            return std::string();
        DWORD len = 0;
        GetTokenInformation(token.get(), TokenUser, nullptr, 0, &len);
        std::vector<std::byte> buf(len ? len : 1);
        if (!GetTokenInformation(token.get(), TokenUser, buf.data(), len, &len))
            return std::string();
        LPWSTR text = nullptr;
        if (!ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER*>(buf.data())->User.Sid, &text))
            return std::string();
        std::string out = toUtf8(text);
        LocalFree(text);
        return out;
    }();
    return sid;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(prefix[i]);
        if (std::tolower(a) != std::tolower(b))
            return false;
    }
    return true;
}

std::string pidLabel(Pid pid, ImageNames* images)
{
    const std::string image = images ? images->of(pid) : processImageName(pid);
    return (image.empty() ? std::string("<exited>") : image) + " (" + std::to_string(pid) + ")";
}

} // namespace

std::string dosPathFromNtPath(const std::string& ntPath)
{
    if (startsWithNoCase(ntPath, "\\??\\UNC\\"))
        return "\\\\" + ntPath.substr(8);
    if (startsWithNoCase(ntPath, "\\??\\") && ntPath.size() >= 6 && ntPath[5] == ':')
        return ntPath.substr(4);
    if (startsWithNoCase(ntPath, "\\Device\\Mup\\"))
        return "\\\\" + ntPath.substr(12);
    for (const auto& [device, drive] : deviceToDrive()) {
        const std::string dev = toUtf8(device);
        if (startsWithNoCase(ntPath, dev) && (ntPath.size() == dev.size() || ntPath[dev.size()] == '\\'))
            return toUtf8(drive) + ntPath.substr(dev.size());
    }
    return ntPath;
}

std::string registryPathFromNtPath(const std::string& ntPath)
{
    // Longest prefixes first; each must end at a path boundary ("\REGISTRY\MACHINEX" is no
    // HKLM key). HKEY_CLASSES_ROOT shows the machine's SOFTWARE\Classes merged with the
    // user's classes hive; that hive is loaded as \REGISTRY\USER\<SID>_Classes and is
    // HKEY_CURRENT_USER\Software\Classes to the user.
    const std::string sid = currentUserSid();
    const std::pair<std::string, std::string> prefixes[] = {
        {"\\REGISTRY\\MACHINE\\SOFTWARE\\Classes", "HKEY_CLASSES_ROOT"},
        {sid.empty() ? std::string() : "\\REGISTRY\\USER\\" + sid + "_Classes", "HKEY_CURRENT_USER\\Software\\Classes"},
        {sid.empty() ? std::string() : "\\REGISTRY\\USER\\" + sid, "HKEY_CURRENT_USER"},
        {"\\REGISTRY\\MACHINE", "HKEY_LOCAL_MACHINE"},
        {"\\REGISTRY\\USER", "HKEY_USERS"},
    };
    for (const auto& [prefix, root] : prefixes) {
        if (prefix.empty() || !startsWithNoCase(ntPath, prefix))
            continue;
        if (ntPath.size() == prefix.size() || ntPath[prefix.size()] == '\\')
            return root + ntPath.substr(prefix.size());
    }
    return ntPath;
}

NameResult nameObject(HANDLE copy, const std::string& typeName, std::chrono::milliseconds timeout,
                      ImageNames* images)
{
    NameResult r;
    if (typeName == "File") {
        const FileFacts f = queryFileFacts(copy, timeout);
        if (f.timedOut) {
            r.timedOut = true;
            r.error = ntStatusName(nt::kIoTimeout) + ": the name query did not return within " +
                      std::to_string(timeout.count()) + " ms";
            return r;
        }
        r.refinedKind = f.kind;
        if (f.kind == HandleKind::Fifo && startsWithNoCase(f.ntName, "\\Device\\Afd"))
            r.refinedKind = HandleKind::Socket;
        if (f.haveDiskIds) {
            r.fileId = ObjectId{f.volumeSerial, f.fileIndex, false};
            r.extras.emplace_back("volume_serial", hex(f.volumeSerial));
            r.extras.emplace_back("file_index", hex(f.fileIndex));
        }
        if (!f.skipped.empty())
            r.error = f.skipped;
        else if (!nt::ok(f.nameStatus))
            r.error = "name: " + ntStatusName(f.nameStatus);
        else
            r.name = dosPathFromNtPath(f.ntName);
        if (!f.ntName.empty() && r.name != f.ntName)
            r.extras.emplace_back("nt_path", f.ntName);
        return r;
    }
    if (typeName == "Process") {
        const DWORD pid = GetProcessId(copy);
        if (pid == 0) {
            r.error = "GetProcessId: " + win32ErrorName(GetLastError());
            return r;
        }
        r.referencedPid = static_cast<Pid>(pid);
        r.name = pidLabel(r.referencedPid, images);
        return r;
    }
    if (typeName == "Thread") {
        const DWORD tid = GetThreadId(copy);
        const DWORD pid = GetProcessIdOfThread(copy);
        if (tid == 0) {
            r.error = "GetThreadId: " + win32ErrorName(GetLastError());
            return r;
        }
        r.referencedPid = pid ? static_cast<Pid>(pid) : -1;
        r.name = (pid ? pidLabel(static_cast<Pid>(pid), images) + " " : std::string()) + "thread " + std::to_string(tid);
        r.extras.emplace_back("thread_id", std::to_string(tid));
        return r;
    }
    std::wstring wname;
    const nt::NTSTATUS s = queryObjectName(copy, wname);
    if (!nt::ok(s)) {
        r.error = "name: " + ntStatusName(s);
        return r;
    }
    r.name = toUtf8(wname);
    if (typeName == "Key") {
        if (!r.name.empty())
            r.extras.emplace_back("nt_path", r.name);
        r.name = registryPathFromNtPath(r.name);
    }
    return r;
}

} // namespace hs::win
