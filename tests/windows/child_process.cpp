// SPDX-License-Identifier: MIT
#include "child_process.h"

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace hstest {

std::wstring nativePath(const std::string& path)
{
    std::string p = path;
    if (!p.empty() && p.front() == '/')
        p = "Z:" + p;
    for (auto& c : p)
        if (c == '/')
            c = '\\';
    return {p.begin(), p.end()};
}

std::wstring exeFolder()
{
    wchar_t buf[MAX_PATH];
    const DWORD n = GetModuleFileNameW(nullptr, buf, MAX_PATH);
    std::wstring path(buf, n);
    return path.substr(0, path.find_last_of(L"\\/") + 1);
}

std::string tempFilePath(const std::string& stem)
{
    static std::atomic<int> counter{0};
    char dir[MAX_PATH];
    GetTempPathA(MAX_PATH, dir);
    return std::string(dir) + stem + "_" + std::to_string(GetCurrentProcessId()) + "_" + std::to_string(counter++) + ".txt";
}

Child::Child(const std::wstring& exe, const std::wstring& args)
{
    SECURITY_ATTRIBUTES sa{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE inRead = nullptr;
    HANDLE outWrite = nullptr;
    if (!CreatePipe(&inRead, &m_stdinWrite, &sa, 0) || !CreatePipe(&m_stdoutRead, &outWrite, &sa, 0))
        throw std::runtime_error("CreatePipe failed");
    SetHandleInformation(m_stdinWrite, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(m_stdoutRead, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW si{};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = inRead;
    si.hStdOutput = outWrite;
    si.hStdError = outWrite;
    PROCESS_INFORMATION pi{};
    std::wstring cmd = L"\"" + exe + L"\" " + args;
    const BOOL ok = CreateProcessW(exe.c_str(), cmd.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &pi);
    const DWORD err = GetLastError();
    CloseHandle(inRead);
    CloseHandle(outWrite);
    if (!ok)
        throw std::runtime_error("CreateProcess failed: " + std::to_string(err));
    CloseHandle(pi.hThread);
    m_process = pi.hProcess;
    m_pid = pi.dwProcessId;
}

Child Child::helper(const std::wstring& args)
{
    Child c(exeFolder() + L"hs_child.exe", args);
    for (;;) {
        const std::string line = c.readLine();
        if (line.empty() || line == "ready")
            break;
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            c.values[line.substr(0, eq)] = static_cast<std::int64_t>(std::strtoll(line.c_str() + eq + 1, nullptr, 0));
    }
    return c;
}

Child::Child(Child&& o) noexcept
    : values(std::move(o.values)), m_process(std::exchange(o.m_process, nullptr)),
      m_stdinWrite(std::exchange(o.m_stdinWrite, nullptr)), m_stdoutRead(std::exchange(o.m_stdoutRead, nullptr)),
      m_pid(o.m_pid), m_pending(std::move(o.m_pending))
{
}

Child::~Child()
{
    if (m_process) {
        quit();
        if (WaitForSingleObject(m_process, 0) != WAIT_OBJECT_0)
            TerminateProcess(m_process, 9);
        CloseHandle(m_process);
    }
    if (m_stdinWrite)
        CloseHandle(m_stdinWrite);
    if (m_stdoutRead)
        CloseHandle(m_stdoutRead);
}

std::int64_t Child::value(const std::string& name) const
{
    auto it = values.find(name);
    return it == values.end() ? -1 : it->second;
}

std::string Child::readLine(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto nl = m_pending.find('\n');
        if (nl != std::string::npos) {
            std::string line = m_pending.substr(0, nl);
            m_pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            return line;
        }
        DWORD avail = 0;
        if (!PeekNamedPipe(m_stdoutRead, nullptr, 0, nullptr, &avail, nullptr))
            return {};
        if (avail > 0) {
            char buf[4096];
            DWORD got = 0;
            if (!ReadFile(m_stdoutRead, buf, avail < sizeof buf ? avail : sizeof buf, &got, nullptr))
                return {};
            m_pending.append(buf, got);
            continue;
        }
        if (std::chrono::steady_clock::now() > deadline)
            return {};
        Sleep(2);
    }
}

int Child::readAll(std::string& out, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    out = std::exchange(m_pending, {});
    for (;;) {
        DWORD avail = 0;
        const BOOL alive = PeekNamedPipe(m_stdoutRead, nullptr, 0, nullptr, &avail, nullptr);
        if (alive && avail > 0) {
            char buf[8192];
            DWORD got = 0;
            if (ReadFile(m_stdoutRead, buf, avail < sizeof buf ? avail : sizeof buf, &got, nullptr))
                out.append(buf, got);
            continue;
        }
        if (!alive) // broken pipe: the program exited and its output is read
            break;
        if (std::chrono::steady_clock::now() > deadline)
            return -1;
        Sleep(2);
    }
    WaitForSingleObject(m_process, 10000);
    DWORD code = 0;
    GetExitCodeProcess(m_process, &code);
    return static_cast<int>(code);
}

std::string Child::command(const std::string& line)
{
    const std::string data = line + "\n";
    DWORD written = 0;
    if (!WriteFile(m_stdinWrite, data.data(), static_cast<DWORD>(data.size()), &written, nullptr))
        return {};
    return readLine();
}

void Child::quit()
{
    if (!m_stdinWrite || WaitForSingleObject(m_process, 0) == WAIT_OBJECT_0)
        return;
    DWORD written = 0;
    WriteFile(m_stdinWrite, "quit\n", 5, &written, nullptr);
    WaitForSingleObject(m_process, 5000);
}

std::string hexValue(std::int64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace hstest
