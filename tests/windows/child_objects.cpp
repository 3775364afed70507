// SPDX-License-Identifier: MIT
// Test child for the Windows backend tests. Modes:
//   hs_child objects FILE  creates known objects, prints "name=0xVALUE" per handle, then "ready"
//   hs_child idle          prints "ready" (a duplicate target)
//   hs_child events N      opens N unnamed events, then prints "ready" (a process with N
//                          handles more for the benchmark process_handles_win)
//   hs_child probe 0xH     (grandchild) SetEvent(H); exit code 0, else GetLastError()
// Then it answers one line per command read from stdin:
//   set H | wait H | write H TEXT | check H | protect H | spawn H | reuse H | quit
// reuse H closes H and creates events until one gets the value H again: "ok" or "err ...".
#include <windows.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

std::wstring g_keyPath;

HANDLE parseHandle(const char* text)
{
    return reinterpret_cast<HANDLE>(static_cast<std::uintptr_t>(std::strtoull(text, nullptr, 0)));
}

void report(const char* name, HANDLE h)
{
    std::printf("%s=0x%llx\n", name, static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(h)));
}

bool createObjects(const char* filePath)
{
    const DWORD pid = GetCurrentProcessId();
    wchar_t name[128];

    HANDLE event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    report("event", event);
    HANDLE alias = nullptr;
    DuplicateHandle(GetCurrentProcess(), event, GetCurrentProcess(), &alias, 0, FALSE, DUPLICATE_SAME_ACCESS);
    report("event_alias", alias);

    std::swprintf(name, 128, L"Local\\hs_event_%lu", pid);
    HANDLE named = CreateEventW(nullptr, TRUE, FALSE, name);
    report("named_event", named);
    HANDLE narrow = OpenEventW(SYNCHRONIZE | EVENT_MODIFY_STATE, FALSE, name);
    report("event_narrow", narrow);

    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    report("event_inherit", CreateEventW(&inherit, TRUE, FALSE, nullptr));

    std::swprintf(name, 128, L"Local\\hs_mutex_%lu", pid);
    report("mutex", CreateMutexW(nullptr, FALSE, name));
    report("semaphore", CreateSemaphoreW(nullptr, 0, 10, nullptr));

    wchar_t wpath[MAX_PATH];
    MultiByteToWideChar(CP_UTF8, 0, filePath, -1, wpath, MAX_PATH);
    HANDLE file = CreateFileW(wpath, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                              nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return false;
    report("file", file);

    std::swprintf(name, 128, L"Local\\hs_section_%lu", pid);
    report("section", CreateFileMappingW(INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, 0, 4096, name));

    HANDLE pipeRead = nullptr;
    HANDLE pipeWrite = nullptr;
    CreatePipe(&pipeRead, &pipeWrite, nullptr, 0);
    report("pipe_read", pipeRead);
    report("pipe_write", pipeWrite);

    std::swprintf(name, 128, L"Software\\HandleScopeTest\\%lu", pid);
    g_keyPath = name;
    HKEY key = nullptr;
    if (RegCreateKeyExW(HKEY_CURRENT_USER, name, 0, nullptr, 0, KEY_READ | KEY_WRITE, nullptr, &key, nullptr) == ERROR_SUCCESS)
        report("key", reinterpret_cast<HANDLE>(key));

    report("process", OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, pid));
    // SYNCHRONIZE only: naming must not need the rights the owner holds.
    report("process_sync", OpenProcess(SYNCHRONIZE, FALSE, pid));
    report("thread", OpenThread(THREAD_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, GetCurrentThreadId()));
    return true;
}

int spawnProbe(HANDLE h)
{
    wchar_t exe[MAX_PATH];
    GetModuleFileNameW(nullptr, exe, MAX_PATH);
    wchar_t cmd[MAX_PATH + 64];
    std::swprintf(cmd, MAX_PATH + 64, L"\"%ls\" probe 0x%llx", exe,
                  static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(h)));
    STARTUPINFOW si{};
    si.cb = sizeof si;
    PROCESS_INFORMATION pi{};
    if (!CreateProcessW(exe, cmd, nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &pi))
        return -static_cast<int>(GetLastError());
    WaitForSingleObject(pi.hProcess, 10000);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return static_cast<int>(code);
}

void answer(const char* line)
{
    char cmd[32] = {};
    char arg[64] = {};
    const int n = std::sscanf(line, "%31s %63s", cmd, arg);
    const HANDLE h = n >= 2 ? parseHandle(arg) : nullptr;
    const std::string c = cmd;
    auto okOrErr = [](BOOL ok) {
        if (ok)
            std::printf("ok\n");
        else
            std::printf("err %lu\n", GetLastError());
    };
    if (c == "set") {
        okOrErr(SetEvent(h));
    } else if (c == "wait") {
        const DWORD w = WaitForSingleObject(h, 0);
        if (w == WAIT_OBJECT_0)
            std::printf("signaled\n");
        else if (w == WAIT_TIMEOUT)
            std::printf("timeout\n");
        else
            std::printf("err %lu\n", GetLastError());
    } else if (c == "write") {
        const char* text = std::strstr(line, arg) + std::strlen(arg);
        while (*text == ' ')
            ++text;
        std::string data = text;
        while (!data.empty() && (data.back() == '\n' || data.back() == '\r'))
            data.pop_back();
        DWORD written = 0;
        okOrErr(WriteFile(h, data.data(), static_cast<DWORD>(data.size()), &written, nullptr));
    } else if (c == "check") {
        DWORD flags = 0;
        if (GetHandleInformation(h, &flags))
            std::printf("ok %lu\n", flags);
        else
            std::printf("err %lu\n", GetLastError());
    } else if (c == "protect") {
        okOrErr(SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE));
    } else if (c == "unprotect") {
        okOrErr(SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0));
    } else if (c == "reuse") {
        // Windows and Wine hand out a freed slot again at once; a few tries cover both.
        if (!CloseHandle(h)) {
            std::printf("err %lu\n", GetLastError());
        } else {
            bool got = false;
            for (int i = 0; i < 64 && !got; ++i) {
                HANDLE e = CreateEventW(nullptr, TRUE, FALSE, nullptr);
                got = e == h;
            }
            std::printf(got ? "ok\n" : "err reuse\n");
        }
    } else if (c == "spawn") {
        std::printf("exit %d\n", spawnProbe(h));
    } else {
        std::printf("unknown %s\n", cmd);
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "probe") == 0)
        return SetEvent(parseHandle(argv[2])) ? 0 : static_cast<int>(GetLastError());
    if (argc >= 2 && std::strcmp(argv[1], "objects") == 0) {
        if (argc < 3 || !createObjects(argv[2])) {
            std::printf("failed %lu\n", GetLastError());
            return 2;
        }
    }
    if (argc >= 2 && std::strcmp(argv[1], "events") == 0) {
        const long count = argc >= 3 ? std::strtol(argv[2], nullptr, 10) : -1;
        if (count < 0 || count > 1000000) {
            std::printf("failed: events needs a count from 0 to 1000000\n");
            return 2;
        }
        for (long i = 0; i < count; ++i) {
            if (!CreateEventW(nullptr, TRUE, FALSE, nullptr)) {
                std::printf("failed %lu after %ld events\n", GetLastError(), i);
                return 2;
            }
        }
    }
    std::printf("pid=%lu\nready\n", GetCurrentProcessId());
    std::fflush(stdout);
    char line[512];
    while (std::fgets(line, sizeof line, stdin)) {
        if (std::strncmp(line, "quit", 4) == 0)
            break;
        answer(line);
    }
    if (!g_keyPath.empty())
        RegDeleteKeyW(HKEY_CURRENT_USER, g_keyPath.c_str());
    return 0;
}
