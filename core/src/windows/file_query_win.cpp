// SPDX-License-Identifier: MIT
// Queries on File handles that can block forever. A synchronous file object serializes
// every query behind its pending I/O (a synchronous pipe with a read waiting, the console
// driver's CurrentIn, \Device\VolMgrControl on Windows 7), so those queries run on a
// worker thread that is terminated after a timeout.
// The worker makes only system calls into buffers the caller allocated: a thread killed
// inside a heap call would leave the process heap locked for good, a thread killed inside
// NtQueryObject leaves nothing behind. After TerminateThread the worker is waited for, and
// a request it may still have been writing is leaked on purpose, never freed under it.
// The device type is read on the caller's thread first: FileFsDeviceInformation is
// answered from the device object without the file object's lock (GetFileType, which
// every C runtime calls on its standard handles, is this query), and it decides what is
// safe to ask at all.
#include "win_internal.h"

#include <winioctl.h>

#include <spdlog/spdlog.h>

#include <cstring>
#include <mutex>

namespace hs::win {

namespace {

constexpr ULONG kFileFsVolumeInformation = 1;
constexpr ULONG kFileFsDeviceInformation = 4;
constexpr ULONG kFileBasicInformation = 4;
constexpr ULONG kFileInternalInformation = 6;
constexpr ULONG kFileModeInformation = 16;
constexpr ULONG kFileSynchronousIoAlert = 0x10;
constexpr ULONG kFileSynchronousIoNonalert = 0x20;
constexpr std::chrono::milliseconds kWorkerExitWait{5000};

struct IoStatusBlock {
    union {
        nt::NTSTATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
};
struct FsDeviceInformation {
    ULONG DeviceType;
    ULONG Characteristics;
};
struct FsVolumeInformation {
    LARGE_INTEGER VolumeCreationTime;
    ULONG VolumeSerialNumber;
    ULONG VolumeLabelLength;
    BOOLEAN SupportsObjects;
    WCHAR VolumeLabel[64]; // a longer label gives STATUS_BUFFER_OVERFLOW, serial still filled
};
struct FileBasicInformation {
    LARGE_INTEGER CreationTime;
    LARGE_INTEGER LastAccessTime;
    LARGE_INTEGER LastWriteTime;
    LARGE_INTEGER ChangeTime;
    ULONG FileAttributes;
};

using NtQueryVolumeInformationFileFn = nt::NTSTATUS(NTAPI*)(HANDLE, IoStatusBlock*, PVOID, ULONG, ULONG);
using NtQueryInformationFileFn = nt::NTSTATUS(NTAPI*)(HANDLE, IoStatusBlock*, PVOID, ULONG, ULONG);

struct FileApi {
    NtQueryVolumeInformationFileFn queryVolume = nullptr;
    NtQueryInformationFileFn queryFile = nullptr;
};

const FileApi& fileApi()
{
    static const FileApi a = [] {
        FileApi f;
        HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
        if (!ntdll)
            return f;
        f.queryVolume = reinterpret_cast<NtQueryVolumeInformationFileFn>(
            reinterpret_cast<void (*)()>(GetProcAddress(ntdll, "NtQueryVolumeInformationFile")));
        f.queryFile = reinterpret_cast<NtQueryInformationFileFn>(
            reinterpret_cast<void (*)()>(GetProcAddress(ntdll, "NtQueryInformationFile")));
        return f;
    }();
    return a;
}

/// Everything the worker reads or writes. Allocated by the caller before the worker sees it.
struct FileRequest {
    HANDLE handle = nullptr;
    bool wantMode = false;
    bool wantName = false;
    bool wantDiskIds = false;
    // results, filled by the worker with system calls only
    nt::NTSTATUS modeStatus = nt::kNotImplemented;
    ULONG mode = 0;
    nt::NTSTATUS nameStatus = nt::kNotImplemented;
    ULONG nameLength = 0;
    nt::NTSTATUS volumeStatus = nt::kNotImplemented;
    FsVolumeInformation volume{};
    nt::NTSTATUS internalStatus = nt::kNotImplemented;
    LARGE_INTEGER index{};
    nt::NTSTATUS basicStatus = nt::kNotImplemented;
    FileBasicInformation basic{};
    // OBJECT_NAME_INFORMATION: a UNICODE_STRING and up to 32k characters after it.
    alignas(8) std::byte nameBuffer[sizeof(nt::UnicodeString) + 65536];
};

void runSyscalls(FileRequest& r)
{
    const FileApi& f = fileApi();
    IoStatusBlock iosb{};
    if (r.wantMode && f.queryFile)
        r.modeStatus = f.queryFile(r.handle, &iosb, &r.mode, sizeof r.mode, kFileModeInformation);
    const bool synchronousPipe =
        r.wantMode && nt::ok(r.modeStatus) && (r.mode & (kFileSynchronousIoAlert | kFileSynchronousIoNonalert));
    if (r.wantName && !synchronousPipe && nt::api().queryObject)
        r.nameStatus = nt::api().queryObject(r.handle, nt::kObjectNameInformation, r.nameBuffer,
                                             static_cast<ULONG>(sizeof r.nameBuffer), &r.nameLength);
    if (r.wantDiskIds && f.queryVolume && f.queryFile) {
        r.volumeStatus = f.queryVolume(r.handle, &iosb, &r.volume, sizeof r.volume, kFileFsVolumeInformation);
        r.internalStatus = f.queryFile(r.handle, &iosb, &r.index, sizeof r.index, kFileInternalInformation);
        r.basicStatus = f.queryFile(r.handle, &iosb, &r.basic, sizeof r.basic, kFileBasicInformation);
    }
}

class FileQueryWorker {
public:
    /// Runs the request on the worker; false on timeout. The worker is then terminated,
    /// waited for, and `request` is released to the leak (the dead thread may have been
    /// writing to it when it died).
    bool run(std::unique_ptr<FileRequest>& request, std::chrono::milliseconds timeout)
    {
        std::lock_guard lock(m_mutex);
        reapStuck();
        if (!m_thread && !start()) {
            runSyscalls(*request); // no thread: better a possible hang than no names at all
            return true;
        }
        m_request = request.get();
        SetEvent(m_go.get());
        if (WaitForSingleObject(m_done.get(), static_cast<DWORD>(timeout.count())) == WAIT_OBJECT_0)
            return true;
        logger()->debug("a File query timed out after {} ms; terminating the worker", timeout.count());
        TerminateThread(m_thread.get(), 1);
        if (WaitForSingleObject(m_thread.get(), static_cast<DWORD>(kWorkerExitWait.count())) != WAIT_OBJECT_0) {
            // Still inside the kernel: kept and checked again on the next call, not forgotten.
            logger()->warn("the terminated File query worker has not ended after {} ms", kWorkerExitWait.count());
            m_stuck.push_back(std::move(m_thread));
        }
        m_thread.reset();
        m_go.reset();
        m_done.reset();
        (void)request.release(); // leaked: see above
        return false;
    }

private:
    bool start()
    {
        m_go = UniqueHandle(CreateEventW(nullptr, FALSE, FALSE, nullptr));
        m_done = UniqueHandle(CreateEventW(nullptr, FALSE, FALSE, nullptr));
        if (!m_go || !m_done)
            return false;
        // Its own events, passed by value: a replaced worker never touches its successor's.
        auto* ctx = new WorkerEvents{m_go.get(), m_done.get(), &m_request};
        m_thread = UniqueHandle(CreateThread(nullptr, 64u << 10, &FileQueryWorker::threadMain, ctx, 0, nullptr));
        if (!m_thread) {
            delete ctx;
            return false;
        }
        return true;
    }

    void reapStuck()
    {
        std::erase_if(m_stuck, [](const UniqueHandle& t) { return WaitForSingleObject(t.get(), 0) == WAIT_OBJECT_0; });
    }

    struct WorkerEvents {
        HANDLE go;
        HANDLE done;
        FileRequest* const* request;
    };

    static DWORD WINAPI threadMain(LPVOID param)
    {
        // `events` is read before the first wait and never freed: a terminated worker may
        // not free anything, and a live one runs until the process ends.
        const auto* events = static_cast<const WorkerEvents*>(param);
        for (;;) {
            if (WaitForSingleObject(events->go, INFINITE) != WAIT_OBJECT_0)
                return 0;
            runSyscalls(**events->request);
            SetEvent(events->done);
        }
    }

    std::mutex m_mutex;
    UniqueHandle m_thread;
    UniqueHandle m_go;
    UniqueHandle m_done;
    FileRequest* m_request = nullptr;
    std::vector<UniqueHandle> m_stuck;
};

FileQueryWorker& worker()
{
    static auto* w = new FileQueryWorker(); // never destroyed: may own a stuck thread
    return *w;
}

} // namespace

bool isDiskDevice(ULONG type)
{
    switch (type) {
    case FILE_DEVICE_CD_ROM:
    case FILE_DEVICE_CD_ROM_FILE_SYSTEM:
    case FILE_DEVICE_DFS:
    case FILE_DEVICE_DISK:
    case FILE_DEVICE_DISK_FILE_SYSTEM:
    case FILE_DEVICE_NETWORK_FILE_SYSTEM:
    case FILE_DEVICE_VIRTUAL_DISK:
        return true;
    default:
        return false;
    }
}

namespace {
bool isCharDevice(ULONG type)
{
    switch (type) {
    case FILE_DEVICE_KEYBOARD:
    case FILE_DEVICE_MOUSE:
    case FILE_DEVICE_NULL:
    case FILE_DEVICE_PARALLEL_PORT:
    case FILE_DEVICE_PRINTER:
    case FILE_DEVICE_SERIAL_PORT:
    case FILE_DEVICE_SCREEN:
    case FILE_DEVICE_SOUND:
    case FILE_DEVICE_MODEM:
    case FILE_DEVICE_CONSOLE:
        return true;
    default:
        return false;
    }
}
} // namespace

HandleKind fileKindOfDevice(ULONG deviceType)
{
    if (deviceType == FILE_DEVICE_NAMED_PIPE)
        return HandleKind::Fifo;
    if (isCharDevice(deviceType))
        return HandleKind::CharDevice;
    if (isDiskDevice(deviceType))
        return HandleKind::RegularFile;
    return HandleKind::Unknown;
}

ULONG fileDeviceType(HANDLE file)
{
    const auto fn = fileApi().queryVolume;
    if (!fn)
        return 0;
    IoStatusBlock iosb{};
    FsDeviceInformation info{};
    return nt::ok(fn(file, &iosb, &info, sizeof info, kFileFsDeviceInformation)) ? info.DeviceType : 0;
}

FileFacts queryFileFacts(HANDLE file, std::chrono::milliseconds timeout)
{
    FileFacts facts;
    facts.deviceType = fileDeviceType(file);
    if (facts.deviceType == FILE_DEVICE_CONSOLE) {
        facts.kind = HandleKind::CharDevice;
        facts.skipped = "not queried: a console handle (\\Device\\ConDrv) can block a name query forever";
        return facts;
    }
    auto request = std::make_unique<FileRequest>();
    request->handle = file;
    request->wantName = true;
    request->wantMode = facts.deviceType == FILE_DEVICE_NAMED_PIPE;
    request->wantDiskIds = isDiskDevice(facts.deviceType);
    if (!worker().run(request, timeout)) {
        facts.timedOut = true;
        return facts;
    }
    const FileRequest& r = *request;
    facts.kind = fileKindOfDevice(facts.deviceType);
    if (r.wantMode && nt::ok(r.modeStatus) && (r.mode & (kFileSynchronousIoAlert | kFileSynchronousIoNonalert))) {
        facts.skipped = "name not queried: a synchronous pipe (its name query waits behind a pending read)";
    } else if (!nt::ok(r.nameStatus)) {
        facts.nameStatus = r.nameStatus;
    } else {
        const auto* us = reinterpret_cast<const nt::UnicodeString*>(r.nameBuffer);
        if (us->Buffer)
            facts.ntName = toUtf8(std::wstring_view(us->Buffer, us->Length / sizeof(wchar_t)));
    }
    if (r.wantDiskIds && nt::ok(r.internalStatus) && (nt::ok(r.volumeStatus) || r.volumeStatus == nt::kBufferOverflow)) {
        facts.haveDiskIds = true;
        facts.volumeSerial = r.volume.VolumeSerialNumber;
        facts.fileIndex = static_cast<std::uint64_t>(r.index.QuadPart);
    }
    if (r.wantDiskIds && nt::ok(r.basicStatus) && (r.basic.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
        facts.kind = HandleKind::Directory;
    return facts;
}

} // namespace hs::win
