// SPDX-License-Identifier: MIT
// Object names, read from a copy of the handle duplicated into the tool. NtQueryObject on a
// File handle can hang (a synchronous pipe with a pending read), so File handles are named
// on a reusable worker thread; after the timeout the worker is terminated and replaced, and
// the row keeps everything but the name (partialError = STATUS_IO_TIMEOUT).
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

// --- File handles on a worker thread ------------------------------------------------------

struct FileRequest {
    HANDLE handle = nullptr;
    // results
    nt::NTSTATUS status = 0;
    std::wstring name;
    DWORD fileType = FILE_TYPE_UNKNOWN;
    bool haveInfo = false;
    BY_HANDLE_FILE_INFORMATION info{};
};

void runFileRequest(FileRequest& r)
{
    r.fileType = GetFileType(r.handle);
    r.status = queryObjectName(r.handle, r.name);
    if (r.fileType == FILE_TYPE_DISK)
        r.haveInfo = GetFileInformationByHandle(r.handle, &r.info) != FALSE;
}

class FileNameWorker {
public:
    /// Runs the request on the worker; false on timeout (the worker is then terminated and
    /// the request leaked on purpose: the dead thread may have been writing to it).
    bool run(FileRequest*& request, std::chrono::milliseconds timeout)
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread && !start())
            return runInline(*request);
        m_request = request;
        SetEvent(m_go.get());
        const DWORD w = WaitForSingleObject(m_done.get(), static_cast<DWORD>(timeout.count()));
        if (w == WAIT_OBJECT_0)
            return true;
        logger()->debug("NtQueryObject on a File handle timed out after {} ms; terminating the worker",
                        timeout.count());
        TerminateThread(m_thread.get(), 1);
        WaitForSingleObject(m_thread.get(), 1000);
        m_thread.reset();
        m_go.reset();
        m_done.reset();
        request = nullptr; // leaked
        return false;
    }

private:
    static bool runInline(FileRequest& r)
    {
        runFileRequest(r);
        return true;
    }

    bool start()
    {
        m_go = UniqueHandle(CreateEventW(nullptr, FALSE, FALSE, nullptr));
        m_done = UniqueHandle(CreateEventW(nullptr, FALSE, FALSE, nullptr));
        if (!m_go || !m_done)
            return false;
        m_thread = UniqueHandle(CreateThread(nullptr, 64u << 10, &FileNameWorker::threadMain, this, 0, nullptr));
        return static_cast<bool>(m_thread);
    }

    static DWORD WINAPI threadMain(LPVOID param)
    {
        auto* self = static_cast<FileNameWorker*>(param);
        const HANDLE go = self->m_go.get();
        const HANDLE done = self->m_done.get();
        for (;;) {
            if (WaitForSingleObject(go, INFINITE) != WAIT_OBJECT_0)
                return 0;
            runFileRequest(*self->m_request);
            SetEvent(done);
        }
    }

    std::mutex m_mutex;
    UniqueHandle m_thread;
    UniqueHandle m_go;
    UniqueHandle m_done;
    FileRequest* m_request = nullptr;
};

FileNameWorker& fileWorker()
{
    static auto* worker = new FileNameWorker(); // never destroyed: may own a stuck thread
    return *worker;
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

std::string pidLabel(Pid pid)
{
    const std::string image = processImageName(pid);
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
    const std::string user = "\\REGISTRY\\USER\\" + currentUserSid();
    if (!currentUserSid().empty() && startsWithNoCase(ntPath, user) &&
        (ntPath.size() == user.size() || ntPath[user.size()] == '\\'))
        return "HKEY_CURRENT_USER" + ntPath.substr(user.size());
    if (startsWithNoCase(ntPath, "\\REGISTRY\\MACHINE"))
        return "HKEY_LOCAL_MACHINE" + ntPath.substr(17);
    if (startsWithNoCase(ntPath, "\\REGISTRY\\USER"))
        return "HKEY_USERS" + ntPath.substr(14);
    return ntPath;
}

NameResult nameObject(HANDLE copy, const std::string& typeName, std::chrono::milliseconds timeout)
{
    NameResult r;
    if (typeName == "File") {
        auto* request = new FileRequest();
        request->handle = copy;
        if (!fileWorker().run(request, timeout)) {
            r.error = ntStatusName(nt::kIoTimeout) + ": the name query did not return within " +
                      std::to_string(timeout.count()) + " ms";
            return r;
        }
        std::string name = toUtf8(request->name);
        switch (request->fileType) {
        case FILE_TYPE_PIPE:
            r.refinedKind = startsWithNoCase(name, "\\Device\\Afd") ? HandleKind::Socket : HandleKind::Fifo;
            break;
        case FILE_TYPE_CHAR:
            r.refinedKind = HandleKind::CharDevice;
            break;
        case FILE_TYPE_DISK:
            r.refinedKind = HandleKind::RegularFile;
            break;
        default:
            break;
        }
        if (request->haveInfo) {
            if (request->info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
                r.refinedKind = HandleKind::Directory;
            const std::uint64_t index =
                (static_cast<std::uint64_t>(request->info.nFileIndexHigh) << 32) | request->info.nFileIndexLow;
            r.fileId = ObjectId{request->info.dwVolumeSerialNumber, index, false};
            r.extras.emplace_back("volume_serial", hex(request->info.dwVolumeSerialNumber));
            r.extras.emplace_back("file_index", hex(index));
        }
        if (!nt::ok(request->status))
            r.error = "name: " + ntStatusName(request->status);
        else
            r.name = dosPathFromNtPath(name);
        if (!name.empty() && r.name != name)
            r.extras.emplace_back("nt_path", name);
        delete request;
        return r;
    }
    if (typeName == "Process") {
        const DWORD pid = GetProcessId(copy);
        if (pid == 0) {
            r.error = "GetProcessId: " + win32ErrorName(GetLastError());
            return r;
        }
        r.referencedPid = static_cast<Pid>(pid);
        r.name = pidLabel(r.referencedPid);
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
        r.name = (pid ? pidLabel(static_cast<Pid>(pid)) + " " : std::string()) + "thread " + std::to_string(tid);
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
