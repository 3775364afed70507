// SPDX-License-Identifier: MIT
// NT declarations that mingw-w64's headers lack or declare differently. Layouts follow the
// documented/public NT structures (x64). Functions are resolved from ntdll at run time.
#pragma once

#include <windows.h>

#include <cstddef>
#include <cstdint>

namespace hs::win::nt {

using NTSTATUS = LONG;

inline constexpr NTSTATUS kSuccess = 0;
inline constexpr NTSTATUS kInfoLengthMismatch = static_cast<NTSTATUS>(0xC0000004L);
inline constexpr NTSTATUS kBufferOverflow = static_cast<NTSTATUS>(0x80000005L);
inline constexpr NTSTATUS kBufferTooSmall = static_cast<NTSTATUS>(0xC0000023L);
inline constexpr NTSTATUS kNotSameObject = static_cast<NTSTATUS>(0xC00001ACL);
inline constexpr NTSTATUS kIoTimeout = static_cast<NTSTATUS>(0xC00000B5L);
inline constexpr NTSTATUS kHandleNotClosable = static_cast<NTSTATUS>(0xC0000235L);
inline constexpr NTSTATUS kInvalidHandle = static_cast<NTSTATUS>(0xC0000008L);
inline constexpr NTSTATUS kNotImplemented = static_cast<NTSTATUS>(0xC0000002L);
inline constexpr NTSTATUS kInvalidInfoClass = static_cast<NTSTATUS>(0xC0000003L);
/// A process that has begun to exit; Win32 calls report it as ERROR_ACCESS_DENIED.
inline constexpr NTSTATUS kProcessIsTerminating = static_cast<NTSTATUS>(0xC000010AL);

inline bool ok(NTSTATUS s) { return s >= 0; }

// SYSTEM_INFORMATION_CLASS / OBJECT_INFORMATION_CLASS / PROCESSINFOCLASS values used here.
inline constexpr ULONG kSystemExtendedHandleInformation = 64;
inline constexpr ULONG kObjectBasicInformation = 0;
inline constexpr ULONG kObjectNameInformation = 1;
inline constexpr ULONG kObjectTypeInformation = 2;
inline constexpr ULONG kObjectTypesInformation = 3;
inline constexpr ULONG kProcessCommandLineInformation = 60;
inline constexpr ULONG kProcessHandleInformation = 51; // Windows 8+
inline constexpr ULONG kSystemProcessInformation = 5;

// Handle attributes (HandleAttributes of the system table, OBJECT_BASIC_INFORMATION).
inline constexpr ULONG kObjProtectClose = 0x1;
inline constexpr ULONG kObjInherit = 0x2;

struct UnicodeString {
    USHORT Length;        // bytes, without terminator
    USHORT MaximumLength; // bytes
    PWSTR Buffer;
};

struct SystemHandleEntryEx {
    PVOID Object;
    ULONG_PTR UniqueProcessId;
    ULONG_PTR HandleValue;
    ULONG GrantedAccess;
    USHORT CreatorBackTraceIndex;
    USHORT ObjectTypeIndex;
    ULONG HandleAttributes;
    ULONG Reserved;
};

// The layouts here are the 64-bit ones, and a 32-bit tool on 64-bit Windows (WOW64) would
// read the 64-bit kernel's tables through a truncating thunk: only a 64-bit build is right.
static_assert(sizeof(void*) == 8, "the Windows backend is 64-bit only (x64 NT structure layouts)");
static_assert(sizeof(SystemHandleEntryEx) == 40, "SYSTEM_HANDLE_TABLE_ENTRY_INFO_EX is 40 bytes on x64");

struct SystemHandleInformationEx {
    ULONG_PTR NumberOfHandles;
    ULONG_PTR Reserved;
    SystemHandleEntryEx Handles[1];
};

// PROCESS_HANDLE_SNAPSHOT_INFORMATION (NtQueryInformationProcess class 51): one process'
// handles, without object addresses. Layout of the public NT headers (phnt), x64.
struct ProcessHandleEntry {
    HANDLE HandleValue;
    ULONG_PTR HandleCount;
    ULONG_PTR PointerCount;
    ULONG GrantedAccess;
    ULONG ObjectTypeIndex;
    ULONG HandleAttributes;
    ULONG Reserved;
};
static_assert(sizeof(ProcessHandleEntry) == 40, "PROCESS_HANDLE_TABLE_ENTRY_INFO is 40 bytes on x64");

struct ProcessHandleSnapshot {
    ULONG_PTR NumberOfHandles;
    ULONG_PTR Reserved;
    ProcessHandleEntry Handles[1];
};

// SYSTEM_PROCESS_INFORMATION as Microsoft Learn documents it (winternl.h, under
// NtQuerySystemInformation): only the fields read here are named.
struct SystemProcessInformation {
    ULONG NextEntryOffset;
    ULONG NumberOfThreads;
    BYTE Reserved1[48];
    UnicodeString ImageName;
    LONG BasePriority;
    HANDLE UniqueProcessId;
    PVOID Reserved2;
    ULONG HandleCount;
    ULONG SessionId;
};
static_assert(offsetof(SystemProcessInformation, UniqueProcessId) == 80, "SYSTEM_PROCESS_INFORMATION x64 layout");
static_assert(offsetof(SystemProcessInformation, HandleCount) == 96, "SYSTEM_PROCESS_INFORMATION x64 layout");

struct ObjectTypeInformation {
    UnicodeString TypeName;
    ULONG TotalNumberOfObjects;
    ULONG TotalNumberOfHandles;
    ULONG TotalPagedPoolUsage;
    ULONG TotalNonPagedPoolUsage;
    ULONG TotalNamePoolUsage;
    ULONG TotalHandleTableUsage;
    ULONG HighWaterNumberOfObjects;
    ULONG HighWaterNumberOfHandles;
    ULONG HighWaterPagedPoolUsage;
    ULONG HighWaterNonPagedPoolUsage;
    ULONG HighWaterNamePoolUsage;
    ULONG HighWaterHandleTableUsage;
    ULONG InvalidAttributes;
    GENERIC_MAPPING GenericMapping;
    ULONG ValidAccessMask;
    BOOLEAN SecurityRequired;
    BOOLEAN MaintainHandleCount;
    UCHAR TypeIndex;
    CHAR ReservedByte;
    ULONG PoolType;
    ULONG DefaultPagedPoolCharge;
    ULONG DefaultNonPagedPoolCharge;
};

struct ObjectTypesInformation {
    ULONG NumberOfTypes;
};

struct ObjectBasicInformation {
    ULONG Attributes;
    ACCESS_MASK GrantedAccess;
    ULONG HandleCount;
    ULONG PointerCount;
    ULONG PagedPoolCharge;
    ULONG NonPagedPoolCharge;
    ULONG Reserved[3];
    ULONG NameInfoSize;
    ULONG TypeInfoSize;
    ULONG SecurityDescriptorSize;
    LARGE_INTEGER CreationTime;
};

using NtQuerySystemInformationFn = NTSTATUS(NTAPI*)(ULONG, PVOID, ULONG, PULONG);
using NtQueryObjectFn = NTSTATUS(NTAPI*)(HANDLE, ULONG, PVOID, ULONG, PULONG);
using NtCompareObjectsFn = NTSTATUS(NTAPI*)(HANDLE, HANDLE);
using NtQueryInformationProcessFn = NTSTATUS(NTAPI*)(HANDLE, ULONG, PVOID, ULONG, PULONG);
using RtlNtStatusToDosErrorFn = ULONG(NTAPI*)(NTSTATUS);

/// The ntdll entry points, resolved once. A missing one is nullptr (NtCompareObjects is
/// Windows 10+); callers check.
struct Api {
    NtQuerySystemInformationFn querySystemInformation = nullptr;
    NtQueryObjectFn queryObject = nullptr;
    NtCompareObjectsFn compareObjects = nullptr;
    NtQueryInformationProcessFn queryInformationProcess = nullptr;
    RtlNtStatusToDosErrorFn statusToDosError = nullptr;
};
const Api& api();

} // namespace hs::win::nt
