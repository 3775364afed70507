// SPDX-License-Identifier: MIT
// Shared pieces of the Windows backend (not public API).
#pragma once

#include "handlescope/error.h"
#include "handlescope/model.h"
#include "nt_api.h"
#include "common/step_recorder.h"

#include <windows.h>

#include <chrono>
#include <cstddef>
#include <expected>
#include <map>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace spdlog {
class logger;
}

namespace hs::win {

std::shared_ptr<spdlog::logger> logger(); ///< "core.win"

/// Owns a kernel handle; closes it once.
class UniqueHandle {
public:
    UniqueHandle() = default;
    explicit UniqueHandle(HANDLE h) : m_h(h == INVALID_HANDLE_VALUE ? nullptr : h) {}
    UniqueHandle(const UniqueHandle&) = delete;
    UniqueHandle& operator=(const UniqueHandle&) = delete;
    UniqueHandle(UniqueHandle&& o) noexcept : m_h(std::exchange(o.m_h, nullptr)) {}
    UniqueHandle& operator=(UniqueHandle&& o) noexcept
    {
        if (this != &o) {
            reset();
            m_h = std::exchange(o.m_h, nullptr);
        }
        return *this;
    }
    ~UniqueHandle() { reset(); }
    void reset()
    {
        if (m_h)
            CloseHandle(m_h);
        m_h = nullptr;
    }
    [[nodiscard]] HANDLE get() const { return m_h; }
    HANDLE* put()
    {
        reset();
        return &m_h;
    }
    HANDLE release() { return std::exchange(m_h, nullptr); }
    explicit operator bool() const { return m_h != nullptr; }

private:
    HANDLE m_h = nullptr;
};

// --- strings (strings_win.cpp)
std::string toUtf8(std::wstring_view w);
std::wstring toWide(std::string_view s);
std::string hex(std::uint64_t v); ///< "0x1A4"
inline HANDLE toHandle(HandleValue v) { return reinterpret_cast<HANDLE>(static_cast<std::intptr_t>(v)); }
inline HandleValue fromHandle(HANDLE h) { return static_cast<HandleValue>(reinterpret_cast<std::intptr_t>(h)); }
/// The low two bits of a handle value are tag bits the kernel ignores (0x1A4 and 0x1A7 are
/// one handle): values are compared with them cleared.
inline HandleValue maskTagBits(HandleValue v) { return v & ~HandleValue{3}; }

// --- errors (errors_win.cpp)
std::string win32ErrorName(DWORD code);
std::string ntStatusName(nt::NTSTATUS status);
Error win32Error(std::string operation, Pid pid, HandleValue handle, DWORD code, std::string hint = {});
Error ntError(std::string operation, Pid pid, HandleValue handle, nt::NTSTATUS status, std::string hint = {});
/// The hint that fits a Win32 error of an operation on another process.
std::string processHint(DWORD code);

// --- privileges (privileges_win.cpp)
/// Enables SeDebugPrivilege once if the token has it; true when enabled.
bool ensureDebugPrivilege();

// --- processes (processes_win.cpp)
/// OpenProcess with exactly `access`, after enabling SeDebugPrivilege when possible.
Result<UniqueHandle> openProcess(Pid pid, DWORD access, const std::string& operation);
/// The image name ("notepad.exe") of a pid, empty if it is not running.
std::string processImageName(Pid pid);
/// Image names of every process from one Toolhelp snapshot, taken on first use: a listing
/// or snapshot names all its Process and Thread handles from one snapshot instead of one
/// per handle.
class ImageNames {
public:
    std::string of(Pid pid);

private:
    bool m_loaded = false;
    std::vector<std::pair<Pid, std::string>> m_names; ///< sorted by pid
};
/// When the process started (FILETIME as a number, the start time of a ProcessKey); 0 if
/// unknown. `process` needs PROCESS_QUERY_LIMITED_INFORMATION.
std::uint64_t processStartTime(HANDLE process);

// --- handles (handles_win.cpp)
struct RawHandle {
    Pid pid = -1;
    HandleValue value = -1;
    std::uint64_t object = 0;
    std::uint32_t grantedAccess = 0;
    std::uint16_t typeIndex = 0;
    std::uint32_t attributes = 0;
};
/// The system handle table (SystemExtendedHandleInformation), optionally one pid only.
Result<std::vector<RawHandle>> querySystemHandles(Pid onlyPid = -1);
/// Where one process' handle rows came from.
enum class HandleSource { ProcessClass, SystemTable };
std::string_view handleSourceName(HandleSource s);
struct ProcessHandleRows {
    std::vector<RawHandle> rows; ///< sorted by value
    HandleSource source = HandleSource::SystemTable;
};
/// One process' handles from NtQueryInformationProcess(ProcessHandleInformation) (Windows
/// 8+; rows without object addresses), else the system table filtered by pid. A class the
/// system does not have (STATUS_INVALID_INFO_CLASS, STATUS_NOT_IMPLEMENTED) is remembered
/// for the life of the process.
Result<ProcessHandleRows> queryProcessHandles(Pid pid);
/// Whether ProcessHandleInformation was found missing (then it is not asked again).
bool processHandleClassMissing();
/// The rows of one ProcessHandleInformation answer (PROCESS_HANDLE_SNAPSHOT_INFORMATION;
/// `bytes` is what the call wrote), sorted by value, or why the answer is refused: shorter
/// than its header, zero rows (some Windows 10 processes answer success with none), or more
/// rows than the bytes hold. A refused answer sends the caller to the system table. Pure, so
/// the tests can feed it answers Windows would give.
std::expected<std::vector<RawHandle>, std::string_view> rowsFromProcessHandleSnapshot(std::span<const std::byte> bytes,
                                                                                     Pid pid);
/// Handle counts of every process from NtQuerySystemInformation(SystemProcessInformation)
/// (SYSTEM_PROCESS_INFORMATION.HandleCount): no walk over the handle table.
std::map<Pid, std::int64_t> processHandleCounts();
/// The row of (pid, handle) in the system table (tag bits ignored), if it is there.
std::optional<RawHandle> findRow(Pid pid, HandleValue handle);

// --- remote close (remote_close_win.cpp)
/// A handle the user chose, pinned: its process (so a reused pid cannot stand in), its
/// kernel object address when the table gives one, and an access-0 copy in the tool for
/// NtCompareObjects when it does not (Wine; Windows 11 24H2 without SeDebugPrivilege).
struct ChosenHandle {
    Pid pid = -1;
    HandleValue value = -1;   ///< tag bits cleared
    std::uint64_t object = 0; ///< 0 when not given
    UniqueHandle process;     ///< PROCESS_DUP_HANDLE | PROCESS_QUERY_LIMITED_INFORMATION
    UniqueHandle reference;   ///< the chosen object, no access rights
};
/// Pins (pid, value) as it is now.
Result<ChosenHandle> chooseHandle(Pid pid, HandleValue value);
/// Closes the chosen handle if its value still names the chosen object, the process is not
/// critical and the handle is not protected from close; success only once the table shows
/// the handle gone. `steps` (optional) receives the calls made.
Result<void> closeChosenHandle(const ChosenHandle& chosen, StepRecorder* steps = nullptr);
/// The same, with the steps as lines only.
inline Result<void> closeChosenHandle(const ChosenHandle& chosen, std::vector<std::string>* lines)
{
    StepRecorder steps(lines, {});
    return closeChosenHandle(chosen, &steps);
}
/// The refusal for a handle marked OBJ_PROTECT_CLOSE.
Error protectedFromCloseError(const std::string& operation, Pid pid, HandleValue handle);
/// Fails when `process` (PROCESS_QUERY_LIMITED_INFORMATION) is critical or cannot be
/// checked; a system without the concept (Wine 8) counts as not critical.
Result<void> refuseCriticalProcess(HANDLE process, Pid pid, HandleValue handle, const std::string& operation);

// --- object types (object_types_win.cpp)
/// The NT type name for an ObjectTypeIndex of the system handle table, calibrated against
/// a handle of known type. Empty when unknown.
std::string typeNameForIndex(std::uint16_t typeIndex);
/// The type name of a handle of this process (NtQueryObject ObjectTypeInformation).
std::string queryTypeName(HANDLE h);
HandleKind kindFromTypeName(std::string_view typeName);

// --- file queries (file_query_win.cpp)
/// What can be read about a File handle without risking a hang of the caller.
struct FileFacts {
    ULONG deviceType = 0; ///< FILE_DEVICE_*, 0 when unknown
    HandleKind kind = HandleKind::Unknown;
    std::string ntName;   ///< \Device\HarddiskVolume3\x; empty when not read
    nt::NTSTATUS nameStatus = nt::kSuccess;
    std::string skipped;  ///< why the name was not asked for (known to hang)
    bool timedOut = false;
    bool haveDiskIds = false;
    std::uint32_t volumeSerial = 0;
    std::uint64_t fileIndex = 0;
};
/// FileFsDeviceInformation, on the calling thread (never blocks); 0 when unknown.
ULONG fileDeviceType(HANDLE file);
/// Disk-like devices (files and directories on a volume, local or remote).
bool isDiskDevice(ULONG deviceType);
/// The kind a device type alone tells (Fifo for pipes, CharDevice, RegularFile for disks).
HandleKind fileKindOfDevice(ULONG deviceType);
/// Device type here; mode, name and disk ids on the worker, abandoned after `timeout`.
FileFacts queryFileFacts(HANDLE file, std::chrono::milliseconds timeout);

// --- names (object_names_win.cpp)
struct NameResult {
    std::string name;
    std::string error;                 ///< why the name could not be read (row stays valid)
    HandleKind refinedKind = HandleKind::Unknown; ///< File: Fifo/Directory/CharDevice...
    Pid referencedPid = -1;
    std::vector<std::pair<std::string, std::string>> extras;
    ObjectId fileId;                   ///< disk files: volume serial + file index
    bool timedOut = false;             ///< the File query was abandoned after the timeout
};
/// Names the object behind `copy`, a handle of this process. File handles are named on a
/// worker thread that is abandoned (terminated) after `timeout`; handles known to hang
/// (console, synchronous pipes) are not asked their name.
NameResult nameObject(HANDLE copy, const std::string& typeName, std::chrono::milliseconds timeout,
                      ImageNames* images = nullptr);
/// "\??\C:\x", "\Device\HarddiskVolume3\x" -> "C:\x"; others unchanged.
std::string dosPathFromNtPath(const std::string& ntPath);
/// "\REGISTRY\MACHINE\SOFTWARE" -> "HKEY_LOCAL_MACHINE\SOFTWARE".
std::string registryPathFromNtPath(const std::string& ntPath);

// --- access (access_win.cpp)
std::string accessText(std::string_view typeName, std::uint32_t mask, HandleKind kind);
AccessMode accessMode(std::string_view typeName, std::uint32_t mask);

// --- identity (identity_win.cpp)
/// Gives handles without an Object address (Wine) an identity by NtCompareObjects: copies
/// duplicated into the tool are compared with one representative per group of the same
/// type; every member of a group gets the id of the group's first member.
class IdentityGrouper {
public:
    IdentityGrouper();
    ~IdentityGrouper();
    IdentityGrouper(const IdentityGrouper&) = delete;
    IdentityGrouper& operator=(const IdentityGrouper&) = delete;
    /// Takes ownership of `copy` (may be closed at once). Returns the id.
    ObjectId assign(Pid pid, HandleValue value, const std::string& typeName, UniqueHandle copy);

private:
    struct Group {
        std::string typeName;
        UniqueHandle representative;
        ObjectId id;
    };
    std::vector<Group> m_groups;
};
/// An id derived from (pid, handle) of a group's first member: device 0, top bit set.
ObjectId derivedObjectId(Pid pid, HandleValue value);
/// Whether an id was made by derivedObjectId, and from which (pid, handle value).
bool isDerivedObjectId(const ObjectId& id);
std::pair<Pid, HandleValue> derivedObjectSource(const ObjectId& id);

// --- detail (handle_detail_win.cpp)
/// File objects (kernel addresses) whose query timed out in this listing or snapshot: the
/// other handles to them are not queried again (each would cost the whole timeout).
using TimedOutObjects = std::unordered_set<std::uint64_t>;
struct DetailContext {
    Pid pid = -1;
    HANDLE process = nullptr; ///< opened with PROCESS_DUP_HANDLE, or nullptr
    bool names = true;
    IdentityGrouper* grouper = nullptr;
    TimedOutObjects* timedOut = nullptr; ///< shared by one listing or snapshot, or nullptr
    ImageNames* images = nullptr;        ///< shared by one listing or snapshot, or nullptr
    /// Fast: no access texts, no extras, and File objects other than disk files are not
    /// asked their name (no worker thread, no timeout); their kind comes from the device
    /// type. Disk files are still named, so paths keep their identity (find holders).
    Detail detail = Detail::Full;
};
HandleInfo describeHandle(const RawHandle& raw, DetailContext& ctx);

/// How many handles are read between two looks at a cancel token.
inline constexpr std::size_t kHandlesBetweenCancelChecks = 256;

} // namespace hs::win
