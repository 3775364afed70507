// SPDX-License-Identifier: MIT
// The demo roles on Windows: the source holds an event, a file, a mutex and a file
// mapping, all unnamed (so duplication is the only way to share them); the channel is a
// named pipe.
#include "demo_message.h"
#include "demo_roles.h"

#include <windows.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace hs::demo {

namespace {

constexpr const char* kTypes[] = {"event", "file", "mutex", "mapping", nullptr};
constexpr DWORD kMappingSize = 4096;

std::string utf8(const std::wstring& w)
{
    if (w.empty())
        return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, w.c_str(), static_cast<int>(w.size()), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.c_str(), static_cast<int>(w.size()), s.data(), n, nullptr, nullptr);
    return s;
}

std::wstring wide(const std::string& s)
{
    if (s.empty())
        return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, s.c_str(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.c_str(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

// "ERROR_INVALID_HANDLE (The handle is invalid.)" for the codes a learner meets here.
std::string win32Text(DWORD code)
{
    const char* name = nullptr;
    switch (code) {
    case ERROR_FILE_NOT_FOUND:
        name = "ERROR_FILE_NOT_FOUND";
        break;
    case ERROR_ACCESS_DENIED:
        name = "ERROR_ACCESS_DENIED";
        break;
    case ERROR_INVALID_HANDLE:
        name = "ERROR_INVALID_HANDLE";
        break;
    case ERROR_PIPE_BUSY:
        name = "ERROR_PIPE_BUSY";
        break;
    case ERROR_NOT_OWNER:
        name = "ERROR_NOT_OWNER";
        break;
    default:
        break;
    }
    char text[256] = {};
    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code, 0, text, sizeof text,
                   nullptr);
    std::string t = text;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' '))
        t.pop_back();
    return (name ? std::string(name) : "error " + std::to_string(code)) + (t.empty() ? "" : " (" + t + ")");
}

int failure(const std::string& who, const std::string& operation, DWORD code, const std::string& hint, int exitCode)
{
    std::fprintf(stderr, "handlescope-demo %s: %s: %s%s%s\n", who.c_str(), operation.c_str(), win32Text(code).c_str(),
                 hint.empty() ? "" : ". Hint: ", hint.c_str());
    return exitCode;
}

std::string handleText(HANDLE h) { return formatHandle(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(h)), true); }

HANDLE toHandle(std::int64_t value) { return reinterpret_cast<HANDLE>(static_cast<std::uintptr_t>(value)); }

std::wstring pipeName(const std::string& channel)
{
    const std::string prefix = "\\\\.\\pipe\\";
    return wide(channel.starts_with(prefix) ? channel : prefix + channel);
}

// A program that drives us through a pipe on stdin (the tests, the app) ends us by
// closing it or by writing a line ("quit"); a console is not watched.
bool inputEnded(HANDLE in)
{
    if (GetFileType(in) != FILE_TYPE_PIPE)
        return false;
    DWORD avail = 0;
    return !PeekNamedPipe(in, nullptr, 0, nullptr, &avail, nullptr) || avail > 0;
}

// The target blocks in ConnectNamedPipe; this thread ends it when its input ends.
DWORD WINAPI exitWhenInputEnds(void* in)
{
    char buf[64];
    DWORD got = 0;
    (void)ReadFile(static_cast<HANDLE>(in), buf, sizeof buf, &got, nullptr); // a line, EOF or a broken pipe
    say("target: input ended");
    ExitProcess(ExitOk);
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == '\0'))
        s.pop_back();
    return s;
}

} // namespace

const char* const* handleTypes() { return kTypes; }
bool handlesInHex() { return true; }

int runSource()
{
    const DWORD pid = GetCurrentProcessId();
    say("source: pid " + std::to_string(pid) + ", creating the objects to share (all unnamed)");
    HANDLE event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!event)
        return failure("source", "CreateEventW", GetLastError(), "", ExitFailed);
    wchar_t tempDir[MAX_PATH + 1] = {};
    GetTempPathW(MAX_PATH, tempDir);
    const std::wstring path = std::wstring(tempDir) + L"handlescope-demo-" + std::to_wstring(pid) + L".txt";
    // Deleted when its last handle closes: the copy in the target keeps it alive.
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                              CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return failure("source", "CreateFileW " + utf8(path), GetLastError(), "is the temp folder writable?", ExitFailed);
    const std::string text = std::string(kFileText) + "\n";
    DWORD written = 0;
    if (!WriteFile(file, text.data(), static_cast<DWORD>(text.size()), &written, nullptr))
        return failure("source", "WriteFile " + utf8(path), GetLastError(), "", ExitFailed);
    HANDLE mutex = CreateMutexW(nullptr, FALSE, nullptr);
    HANDLE mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, 0, kMappingSize, nullptr);
    if (!mutex || !mapping)
        return failure("source", "CreateMutexW / CreateFileMappingW", GetLastError(), "", ExitFailed);
    void* view = MapViewOfFile(mapping, FILE_MAP_WRITE, 0, 0, 0);
    if (!view)
        return failure("source", "MapViewOfFile", GetLastError(), "", ExitFailed);
    std::memcpy(view, kMappingText, std::strlen(kMappingText) + 1);
    say("source: CreateEventW(NULL, TRUE, FALSE, NULL) = " + handleText(event) + " (manual reset, not signalled)");
    say("source: CreateFileW(\"" + utf8(path) + "\") = " + handleText(file) + ", wrote the text");
    say("source: CreateMutexW(NULL, FALSE, NULL) = " + handleText(mutex));
    say("source: CreateFileMappingW(INVALID_HANDLE_VALUE, ..., 4096) = " + handleText(mapping)
        + ", wrote the text into its memory");
    say(machineLine("HOLD", {{"handle", handleText(event)}, {"type", "event"}, {"signalled", "no"}}));
    say(machineLine("HOLD", {{"handle", handleText(file)}, {"type", "file"}, {"path", utf8(path)}, {"text", kFileText}}));
    say(machineLine("HOLD", {{"handle", handleText(mutex)}, {"type", "mutex"}}));
    say(machineLine("HOLD", {{"handle", handleText(mapping)}, {"type", "mapping"}, {"text", kMappingText}}));
    say(machineLine("READY", {{"pid", std::to_string(pid)}}));
    say("source: these values mean nothing in another process. Copy one into the target with\n"
        "source:   handlescope-cli dup --from " + std::to_string(pid) + " --handle 0xN --to TARGET_PID --yes\n"
        "source: then tell the target the value dup printed. Waiting for the event to be signalled...");
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    for (;;) {
        if (WaitForSingleObject(event, 100) == WAIT_OBJECT_0) {
            say("source: the event was signalled (by whoever holds a copy); resetting it");
            say(machineLine("SAW", {{"type", "event"}, {"signalled", "yes"}}));
            ResetEvent(event);
        }
        if (inputEnded(in))
            break;
    }
    UnmapViewOfFile(view);
    for (HANDLE h : {event, file, mutex, mapping})
        CloseHandle(h);
    say("source: ended");
    return ExitOk;
}

namespace {

// Uses handle `value` as a `type`; the report line (USED ...).
std::string useHandle(std::int64_t value, const std::string& type, const std::string& who = "target")
{
    const std::string handle = formatHandle(value, true);
    const HANDLE h = toHandle(value);
    auto failed = [&](const std::string& call, DWORD code) {
        std::string what = call + " failed: " + win32Text(code);
        if (code == ERROR_INVALID_HANDLE)
            what += "; is it open in this process (pid " + std::to_string(GetCurrentProcessId())
                    + ") and a " + type + "? copy it here first with handlescope-cli dup --to "
                    + std::to_string(GetCurrentProcessId());
        say(who + ": could not use handle " + handle + ": " + what);
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "error"}, {"error", what}});
    };
    DWORD flags = 0;
    if (!GetHandleInformation(h, &flags))
        return failed("GetHandleInformation(" + handle + ")", GetLastError());
    if (type == "event") {
        say(who + ": SetEvent(" + handle + ")");
        if (!SetEvent(h))
            return failed("SetEvent", GetLastError());
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"signalled", "yes"}});
    }
    if (type == "file") {
        if (GetFileType(h) != FILE_TYPE_DISK)
            return failed("GetFileType (not a disk file)", ERROR_INVALID_HANDLE);
        say(who + ": ReadFile(" + handle + ", buf, 4096, &n, {Offset 0}): reading the file from its start");
        char buf[4096];
        DWORD got = 0;
        OVERLAPPED at{}; // offset 0 whatever the shared file pointer says
        if (!ReadFile(h, buf, sizeof buf, &got, &at))
            return failed("ReadFile", GetLastError());
        const std::string text = trimmed(std::string(buf, got));
        say(who + ": read " + std::to_string(got) + " bytes: \"" + text + "\"");
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"text", text}});
    }
    if (type == "mutex") {
        say(who + ": WaitForSingleObject(" + handle + ", 1000); ReleaseMutex(" + handle + ")");
        const DWORD waited = WaitForSingleObject(h, 1000);
        if (waited != WAIT_OBJECT_0 && waited != WAIT_ABANDONED)
            return failed("WaitForSingleObject", waited == WAIT_TIMEOUT ? WAIT_TIMEOUT : GetLastError());
        if (!ReleaseMutex(h))
            return failed("ReleaseMutex", GetLastError());
        return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"acquired", "yes"}});
    }
    say(who + ": MapViewOfFile(" + handle + ", FILE_MAP_READ, 0, 0, 0)");
    const void* view = MapViewOfFile(h, FILE_MAP_READ, 0, 0, 0);
    if (!view)
        return failed("MapViewOfFile", GetLastError());
    const std::string text(static_cast<const char*>(view), strnlen(static_cast<const char*>(view), kMappingSize));
    UnmapViewOfFile(view);
    say(who + ": the shared memory says: \"" + text + "\"");
    return machineLine("USED", {{"handle", handle}, {"type", type}, {"result", "ok"}, {"text", text}});
}

} // namespace

int runTarget(const TargetOptions& options)
{
    const std::wstring name = pipeName(options.channel);
    const DWORD pid = GetCurrentProcessId();
    say("target: pid " + std::to_string(pid) + ", listening on the named pipe " + utf8(name));
    say(machineLine("LISTENING", {{"pid", std::to_string(pid)}, {"channel", utf8(name)}}));
    say("target: waiting for a message \"handle 0xN, type T\" (handlescope-demo tell ...)");
    if (HANDLE in = GetStdHandle(STD_INPUT_HANDLE); GetFileType(in) == FILE_TYPE_PIPE)
        CloseHandle(CreateThread(nullptr, 0, exitWhenInputEnds, in, 0, nullptr));
    for (;;) {
        HANDLE pipe = CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT,
                                       PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, nullptr);
        if (pipe == INVALID_HANDLE_VALUE)
            return failure("target", "CreateNamedPipeW " + utf8(name), GetLastError(), "choose another --channel",
                           ExitChannel);
        if (!ConnectNamedPipe(pipe, nullptr) && GetLastError() != ERROR_PIPE_CONNECTED) {
            const DWORD err = GetLastError();
            CloseHandle(pipe);
            return failure("target", "ConnectNamedPipe", err, "", ExitChannel);
        }
        char buf[512];
        DWORD got = 0;
        std::string message;
        if (ReadFile(pipe, buf, sizeof buf, &got, nullptr))
            message = trimmed(std::string(buf, got));
        say("target: received \"" + message + "\"");
        std::string why;
        std::string report;
        if (auto told = parseTell(message, why)) {
            report = useHandle(told->handle, told->type);
        } else {
            say("target: not a message I understand: " + why);
            report = machineLine("USED", {{"result", "error"}, {"error", why}});
        }
        say(report);
        const std::string reply = report + "\n";
        DWORD written = 0;
        WriteFile(pipe, reply.data(), static_cast<DWORD>(reply.size()), &written, nullptr);
        FlushFileBuffers(pipe);
        DisconnectNamedPipe(pipe);
        CloseHandle(pipe);
        if (options.once)
            return ExitOk;
    }
}

int runTell(const std::string& channel, const std::string& message)
{
    const std::wstring name = pipeName(channel);
    HANDLE pipe = INVALID_HANDLE_VALUE;
    for (int attempt = 0; attempt < 50 && pipe == INVALID_HANDLE_VALUE; ++attempt) {
        pipe = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr);
        if (pipe == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY)
            WaitNamedPipeW(name.c_str(), 100); // between two messages the target makes a new instance
        else if (pipe == INVALID_HANDLE_VALUE)
            break;
    }
    if (pipe == INVALID_HANDLE_VALUE)
        return failure("tell", "open the named pipe " + utf8(name), GetLastError(),
                       "is `handlescope-demo target --channel " + channel + "` running?", ExitChannel);
    say("tell: connected to " + utf8(name) + ", sending \"" + message + "\"");
    const std::string line = message + "\n";
    DWORD written = 0;
    if (!WriteFile(pipe, line.data(), static_cast<DWORD>(line.size()), &written, nullptr))
        return failure("tell", "send the message", GetLastError(), "", ExitChannel);
    std::string answer;
    char buf[1024];
    DWORD got = 0;
    while (ReadFile(pipe, buf, sizeof buf, &got, nullptr) && got > 0)
        answer.append(buf, got);
    CloseHandle(pipe);
    answer = trimmed(answer);
    if (answer.empty())
        return failure("tell", "read the target's answer", ERROR_BROKEN_PIPE, "the target closed the channel without one",
                       ExitChannel);
    say("tell: the target answered: " + answer);
    return answer.find(" result=ok") != std::string::npos ? ExitOk : ExitFailed;
}

int runUse(std::int64_t handle, const std::string& type)
{
    say("use: pid " + std::to_string(GetCurrentProcessId()) + ", using handle " + formatHandle(handle, true)
        + " that this process already holds (nobody copied it in: it was inherited)");
    const std::string report = useHandle(handle, type, "use");
    say(report);
    return report.find(" result=ok") != std::string::npos ? ExitOk : ExitFailed;
}

int runInherit()
{
    const DWORD pid = GetCurrentProcessId();
    wchar_t tempDir[MAX_PATH + 1] = {};
    GetTempPathW(MAX_PATH, tempDir);
    const std::wstring path = std::wstring(tempDir) + L"handlescope-demo-inherit-" + std::to_wstring(pid) + L".txt";
    // bInheritHandle TRUE: a child started with bInheritHandles TRUE gets it at the same value.
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, &inherit,
                              CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return failure("inherit", "CreateFileW " + utf8(path), GetLastError(), "is the temp folder writable?", ExitFailed);
    const std::string text = std::string(kInheritedText) + "\n";
    DWORD written = 0;
    if (!WriteFile(file, text.data(), static_cast<DWORD>(text.size()), &written, nullptr))
        return failure("inherit", "WriteFile " + utf8(path), GetLastError(), "", ExitFailed);
    const std::string value = handleText(file);
    say("inherit: pid " + std::to_string(pid) + " created " + utf8(path) + " as handle " + value
        + " with bInheritHandle TRUE");
    say(machineLine("HOLD", {{"handle", value}, {"type", "file"}, {"path", utf8(path)}, {"inheritable", "yes"}}));
    wchar_t self[MAX_PATH + 1] = {};
    GetModuleFileNameW(nullptr, self, MAX_PATH);
    std::wstring command = L"\"" + std::wstring(self) + L"\" use --handle " + wide(value) + L" --type file";
    say("inherit: CreateProcessW(..., bInheritHandles TRUE): the value is told on the command line");
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION child{};
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &child)) {
        const DWORD err = GetLastError();
        CloseHandle(file);
        return failure("inherit", "CreateProcessW", err, "", ExitFailed);
    }
    say(machineLine("STARTED", {{"pid", std::to_string(child.dwProcessId)}, {"handle", value}}));
    WaitForSingleObject(child.hProcess, INFINITE);
    DWORD code = ExitFailed;
    GetExitCodeProcess(child.hProcess, &code);
    CloseHandle(child.hThread);
    CloseHandle(child.hProcess);
    CloseHandle(file);
    say("inherit: the child (pid " + std::to_string(child.dwProcessId) + ") "
        + (code == ExitOk ? "used the inherited handle" : "failed"));
    return code == ExitOk ? ExitOk : ExitFailed;
}

int runNamedCreate(const std::string& name)
{
    const std::wstring wname = wide(name);
    HANDLE event = CreateEventW(nullptr, TRUE, FALSE, wname.c_str());
    if (!event)
        return failure("named-create", "CreateEventW " + name, GetLastError(), "", ExitFailed);
    if (GetLastError() == ERROR_ALREADY_EXISTS) {
        CloseHandle(event);
        return failure("named-create", "CreateEventW " + name, ERROR_ALREADY_EXISTS, "choose another --name",
                       ExitFailed);
    }
    say("named-create: pid " + std::to_string(GetCurrentProcessId()) + " created the event \"" + name + "\" as handle "
        + handleText(event) + ": a named object, found by its name");
    say(machineLine("MADE", {{"name", name}, {"type", "event"}}));
    say("named-create: WaitForSingleObject: waiting until another process opens it by name and signals it");
    if (HANDLE in = GetStdHandle(STD_INPUT_HANDLE); GetFileType(in) == FILE_TYPE_PIPE)
        CloseHandle(CreateThread(nullptr, 0, exitWhenInputEnds, in, 0, nullptr)); // the app that started us is gone
    const DWORD waited = WaitForSingleObject(event, INFINITE);
    CloseHandle(event);
    if (waited != WAIT_OBJECT_0)
        return failure("named-create", "WaitForSingleObject", GetLastError(), "", ExitFailed);
    say("named-create: the event was signalled through its name");
    say(machineLine("SAW", {{"type", "event"}, {"signalled", "yes"}}));
    return ExitOk;
}

int runNamedOpen(const std::string& name)
{
    HANDLE event = OpenEventW(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, wide(name).c_str());
    if (!event)
        return failure("named-open", "OpenEventW " + name, GetLastError(),
                       "is `handlescope-demo named-create` running?", ExitFailed);
    const std::string value = handleText(event);
    say("named-open: pid " + std::to_string(GetCurrentProcessId()) + " opened the event \"" + name
        + "\" by its name as handle " + value + " (its own value: no value was passed)");
    const bool set = SetEvent(event);
    CloseHandle(event);
    say(machineLine("USED", {{"handle", value}, {"type", "event"}, {"result", set ? "ok" : "error"}, {"signalled", "yes"}}));
    return set ? ExitOk : ExitFailed;
}

} // namespace hs::demo
