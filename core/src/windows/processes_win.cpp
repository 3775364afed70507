// SPDX-License-Identifier: MIT
// Processes: Toolhelp32 for the list, OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) for
// details, the system handle table for handle counts (one query for every process).
#include "handlescope/inspect.h"
#include "win_internal.h"

#include <sddl.h>
#include <spdlog/spdlog.h>
#include <tlhelp32.h>

#include <algorithm>
#include <map>

namespace hs::win {

Result<UniqueHandle> openProcess(Pid pid, DWORD access, const std::string& operation)
{
    ensureDebugPrivilege();
    if (pid < 0 || pid > 0xFFFFFFFFLL)
        return fail(win32Error(operation, pid, -1, ERROR_INVALID_PARAMETER, "not a Windows process id"));
    UniqueHandle h(OpenProcess(access, FALSE, static_cast<DWORD>(pid)));
    if (!h) {
        const DWORD err = GetLastError();
        return fail(win32Error(operation, pid, -1, err));
    }
    return h;
}

namespace {

struct ToolhelpEntry {
    Pid pid;
    Pid parent;
    std::string name;
};

std::vector<ToolhelpEntry> toolhelpProcesses()
{
    std::vector<ToolhelpEntry> out;
    UniqueHandle snap(CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0));
    if (!snap)
        return out;
    PROCESSENTRY32W e{};
    e.dwSize = sizeof e;
    for (BOOL ok = Process32FirstW(snap.get(), &e); ok; ok = Process32NextW(snap.get(), &e))
        out.push_back({static_cast<Pid>(e.th32ProcessID), static_cast<Pid>(e.th32ParentProcessID), toUtf8(e.szExeFile)});
    return out;
}

std::string commandLineOf(HANDLE process)
{
    const auto fn = nt::api().queryInformationProcess;
    if (!fn)
        return {};
    std::vector<std::byte> buf(2048);
    for (int attempt = 0; attempt < 4; ++attempt) {
        ULONG needed = 0;
        const nt::NTSTATUS s = fn(process, nt::kProcessCommandLineInformation, buf.data(),
                                  static_cast<ULONG>(buf.size()), &needed);
        if (nt::ok(s)) {
            const auto* us = reinterpret_cast<const nt::UnicodeString*>(buf.data());
            if (!us->Buffer)
                return {};
            return toUtf8(std::wstring_view(us->Buffer, us->Length / sizeof(wchar_t)));
        }
        if (s != nt::kInfoLengthMismatch && s != nt::kBufferOverflow && s != nt::kBufferTooSmall)
            return {};
        buf.resize(std::max<std::size_t>(needed, buf.size() * 2));
    }
    return {};
}

std::string lookupAccount(PSID sid);

/// Account names by SID text, for one listing: LookupAccountSid can wait for a domain
/// controller, so each SID is looked up once per listProcesses, not once per process.
using AccountNames = std::map<std::string, std::string>;

std::string userOf(HANDLE process, AccountNames* accounts)
{
    UniqueHandle token;
    if (!OpenProcessToken(process, TOKEN_QUERY, token.put()))
        return {};
    DWORD len = 0;
    GetTokenInformation(token.get(), TokenUser, nullptr, 0, &len);
    if (len == 0)
        return {};
    std::vector<std::byte> buf(len);
    if (!GetTokenInformation(token.get(), TokenUser, buf.data(), len, &len))
        return {};
    PSID sid = reinterpret_cast<TOKEN_USER*>(buf.data())->User.Sid;
    std::string key;
    if (LPWSTR text = nullptr; accounts && ConvertSidToStringSidW(sid, &text)) {
        key = toUtf8(text);
        LocalFree(text);
        if (auto it = accounts->find(key); it != accounts->end())
            return it->second;
    }
    const std::string account = lookupAccount(sid);
    if (!key.empty())
        (*accounts)[key] = account;
    return account;
}

std::string lookupAccount(PSID sid)
{
    wchar_t name[256];
    wchar_t domain[256];
    DWORD nameLen = 256;
    DWORD domainLen = 256;
    SID_NAME_USE use{};
    if (!LookupAccountSidW(nullptr, sid, name, &nameLen, domain, &domainLen, &use))
        return {};
    std::string out = toUtf8(domain);
    if (!out.empty())
        out += '\\';
    return out + toUtf8(name);
}

void fillDetails(ProcessInfo& p, AccountNames* accounts)
{
    DWORD session = 0;
    if (ProcessIdToSessionId(static_cast<DWORD>(p.pid), &session))
        p.session = static_cast<std::int64_t>(session);
    UniqueHandle h(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(p.pid)));
    if (!h) {
        p.accessError = win32Error("open process", p.pid, -1, GetLastError());
        p.state = ProcessState::Unknown;
        return;
    }
    p.startTime = processStartTime(h.get());
    // FILETIME counts 100 ns steps since 1601-01-01; the Unix epoch is 11644473600 s later.
    constexpr std::uint64_t kEpochDiff = 116444736000000000ULL;
    if (p.startTime > kEpochDiff)
        p.started = std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds((p.startTime - kEpochDiff) * 100)));
    wchar_t path[MAX_PATH * 2];
    DWORD len = MAX_PATH * 2;
    if (QueryFullProcessImageNameW(h.get(), 0, path, &len))
        p.executable = toUtf8(std::wstring_view(path, len));
    p.commandLine = commandLineOf(h.get());
    p.user = userOf(h.get(), accounts);
    DWORD code = 0;
    p.state = (GetExitCodeProcess(h.get(), &code) && code != STILL_ACTIVE) ? ProcessState::Dead : ProcessState::Running;
    // Handles are named through a copy: that needs PROCESS_DUP_HANDLE.
    UniqueHandle dup(OpenProcess(PROCESS_DUP_HANDLE, FALSE, static_cast<DWORD>(p.pid)));
    if (!dup)
        p.accessError = win32Error("open process for PROCESS_DUP_HANDLE", p.pid, -1, GetLastError());
}

} // namespace

std::map<Pid, std::int64_t> processHandleCounts()
{
    // One entry per process with its HandleCount, instead of copying every handle of the
    // machine to count them. Grown to the size the call returns (processes come and go
    // between calls, so a little more).
    std::map<Pid, std::int64_t> counts;
    const auto fn = nt::api().querySystemInformation;
    if (!fn)
        return counts;
    std::vector<std::byte> buf(256u << 10);
    nt::NTSTATUS status = nt::kInfoLengthMismatch;
    for (int attempt = 0; attempt < 8; ++attempt) {
        ULONG needed = 0;
        status = fn(nt::kSystemProcessInformation, buf.data(), static_cast<ULONG>(buf.size()), &needed);
        if (status != nt::kInfoLengthMismatch && status != nt::kBufferTooSmall)
            break;
        buf.resize(std::max<std::size_t>(needed, buf.size()) + (16u << 10));
    }
    if (!nt::ok(status)) {
        logger()->debug("SystemProcessInformation: {}", ntStatusName(status));
        return counts;
    }
    std::size_t offset = 0;
    while (offset + sizeof(nt::SystemProcessInformation) <= buf.size()) {
        const auto* e = reinterpret_cast<const nt::SystemProcessInformation*>(buf.data() + offset);
        counts[static_cast<Pid>(reinterpret_cast<std::uintptr_t>(e->UniqueProcessId))] = e->HandleCount;
        if (e->NextEntryOffset == 0)
            break;
        offset += e->NextEntryOffset;
    }
    return counts;
}

std::uint64_t processStartTime(HANDLE process)
{
    FILETIME created{}, exited{}, kernel{}, user{};
    if (!GetProcessTimes(process, &created, &exited, &kernel, &user))
        return 0;
    return (static_cast<std::uint64_t>(created.dwHighDateTime) << 32) | created.dwLowDateTime;
}

std::string processImageName(Pid pid)
{
    for (const auto& e : toolhelpProcesses())
        if (e.pid == pid)
            return e.name;
    return {};
}

std::string ImageNames::of(Pid pid)
{
    if (!m_loaded) {
        m_loaded = true;
        for (auto& e : toolhelpProcesses())
            m_names.emplace_back(e.pid, std::move(e.name));
        std::sort(m_names.begin(), m_names.end());
    }
    const auto it = std::lower_bound(m_names.begin(), m_names.end(), std::make_pair(pid, std::string()));
    return it != m_names.end() && it->first == pid ? it->second : std::string();
}

} // namespace hs::win

namespace hs {

using namespace hs::win;

Result<std::vector<ProcessInfo>> listProcesses(const CancelToken& cancel)
{
    logger()->trace("listProcesses"); // every refresh of the desktop app
    ensureDebugPrivilege();
    auto entries = toolhelpProcesses();
    if (entries.empty())
        return fail(win32Error("list processes (CreateToolhelp32Snapshot)", -1, -1, GetLastError()));
    const auto counts = processHandleCounts();
    AccountNames accounts;
    std::vector<ProcessInfo> out;
    out.reserve(entries.size());
    for (const auto& e : entries) {
        if (cancel.cancelled())
            return fail(cancelledError("list processes"));
        ProcessInfo p;
        p.pid = e.pid;
        p.parentPid = e.parent;
        p.name = e.name;
        if (auto it = counts.find(e.pid); it != counts.end())
            p.handleCount = it->second;
        fillDetails(p, &accounts);
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const ProcessInfo& a, const ProcessInfo& b) { return a.pid < b.pid; });
    return out;
}

Result<ProcessInfo> processInfo(Pid pid)
{
    logger()->debug("processInfo {}", pid);
    ensureDebugPrivilege();
    for (const auto& e : toolhelpProcesses()) {
        if (e.pid != pid)
            continue;
        ProcessInfo p;
        p.pid = e.pid;
        p.parentPid = e.parent;
        p.name = e.name;
        if (const auto counts = processHandleCounts(); counts.contains(pid))
            p.handleCount = counts.at(pid);
        fillDetails(p, nullptr);
        return p;
    }
    return fail(win32Error("find process", pid, -1, ERROR_INVALID_PARAMETER,
                           "no process with this id is running: refresh the process list"));
}

Pid currentProcessId() { return static_cast<Pid>(GetCurrentProcessId()); }

} // namespace hs
