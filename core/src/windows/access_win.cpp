// SPDX-License-Identifier: MIT
// ACCESS_MASK -> text, per object type: specific rights (bits 0-15), standard rights
// (16-20), ACCESS_SYSTEM_SECURITY, MAXIMUM_ALLOWED and the generic bits. A mask equal to the
// type's *_ALL_ACCESS is shown as that one name.
#include "win_internal.h"

#include <span>

namespace hs::win {

namespace {

struct Right {
    std::uint32_t bit;
    const char* name;
};

struct TypeRights {
    std::string_view type;
    std::uint32_t allAccess;
    const char* allName;
    std::span<const Right> rights;
};

constexpr Right kFile[] = {
    {0x0001, "FILE_READ_DATA"}, {0x0002, "FILE_WRITE_DATA"}, {0x0004, "FILE_APPEND_DATA"},
    {0x0008, "FILE_READ_EA"}, {0x0010, "FILE_WRITE_EA"}, {0x0020, "FILE_EXECUTE"},
    {0x0040, "FILE_DELETE_CHILD"}, {0x0080, "FILE_READ_ATTRIBUTES"}, {0x0100, "FILE_WRITE_ATTRIBUTES"},
};
constexpr Right kFileDirectory[] = {
    {0x0001, "FILE_LIST_DIRECTORY"}, {0x0002, "FILE_ADD_FILE"}, {0x0004, "FILE_ADD_SUBDIRECTORY"},
    {0x0008, "FILE_READ_EA"}, {0x0010, "FILE_WRITE_EA"}, {0x0020, "FILE_TRAVERSE"},
    {0x0040, "FILE_DELETE_CHILD"}, {0x0080, "FILE_READ_ATTRIBUTES"}, {0x0100, "FILE_WRITE_ATTRIBUTES"},
};
constexpr Right kDirectory[] = {
    {0x0001, "DIRECTORY_QUERY"}, {0x0002, "DIRECTORY_TRAVERSE"}, {0x0004, "DIRECTORY_CREATE_OBJECT"},
    {0x0008, "DIRECTORY_CREATE_SUBDIRECTORY"},
};
constexpr Right kKey[] = {
    {0x0001, "KEY_QUERY_VALUE"}, {0x0002, "KEY_SET_VALUE"}, {0x0004, "KEY_CREATE_SUB_KEY"},
    {0x0008, "KEY_ENUMERATE_SUB_KEYS"}, {0x0010, "KEY_NOTIFY"}, {0x0020, "KEY_CREATE_LINK"},
    {0x0100, "KEY_WOW64_64KEY"}, {0x0200, "KEY_WOW64_32KEY"},
};
constexpr Right kProcess[] = {
    {0x0001, "PROCESS_TERMINATE"}, {0x0002, "PROCESS_CREATE_THREAD"}, {0x0004, "PROCESS_SET_SESSIONID"},
    {0x0008, "PROCESS_VM_OPERATION"}, {0x0010, "PROCESS_VM_READ"}, {0x0020, "PROCESS_VM_WRITE"},
    {0x0040, "PROCESS_DUP_HANDLE"}, {0x0080, "PROCESS_CREATE_PROCESS"}, {0x0100, "PROCESS_SET_QUOTA"},
    {0x0200, "PROCESS_SET_INFORMATION"}, {0x0400, "PROCESS_QUERY_INFORMATION"},
    {0x0800, "PROCESS_SUSPEND_RESUME"}, {0x1000, "PROCESS_QUERY_LIMITED_INFORMATION"},
    {0x2000, "PROCESS_SET_LIMITED_INFORMATION"},
};
constexpr Right kThread[] = {
    {0x0001, "THREAD_TERMINATE"}, {0x0002, "THREAD_SUSPEND_RESUME"}, {0x0004, "THREAD_ALERT"},
    {0x0008, "THREAD_GET_CONTEXT"}, {0x0010, "THREAD_SET_CONTEXT"}, {0x0020, "THREAD_SET_INFORMATION"},
    {0x0040, "THREAD_QUERY_INFORMATION"}, {0x0080, "THREAD_SET_THREAD_TOKEN"}, {0x0100, "THREAD_IMPERSONATE"},
    {0x0200, "THREAD_DIRECT_IMPERSONATION"}, {0x0400, "THREAD_SET_LIMITED_INFORMATION"},
    {0x0800, "THREAD_QUERY_LIMITED_INFORMATION"}, {0x1000, "THREAD_RESUME"},
};
constexpr Right kToken[] = {
    {0x0001, "TOKEN_ASSIGN_PRIMARY"}, {0x0002, "TOKEN_DUPLICATE"}, {0x0004, "TOKEN_IMPERSONATE"},
    {0x0008, "TOKEN_QUERY"}, {0x0010, "TOKEN_QUERY_SOURCE"}, {0x0020, "TOKEN_ADJUST_PRIVILEGES"},
    {0x0040, "TOKEN_ADJUST_GROUPS"}, {0x0080, "TOKEN_ADJUST_DEFAULT"}, {0x0100, "TOKEN_ADJUST_SESSIONID"},
};
constexpr Right kEvent[] = {{0x0001, "EVENT_QUERY_STATE"}, {0x0002, "EVENT_MODIFY_STATE"}};
constexpr Right kKeyedEvent[] = {{0x0001, "KEYEDEVENT_WAIT"}, {0x0002, "KEYEDEVENT_WAKE"}};
constexpr Right kMutant[] = {{0x0001, "MUTANT_QUERY_STATE"}};
constexpr Right kSemaphore[] = {{0x0001, "SEMAPHORE_QUERY_STATE"}, {0x0002, "SEMAPHORE_MODIFY_STATE"}};
constexpr Right kSection[] = {
    {0x0001, "SECTION_QUERY"}, {0x0002, "SECTION_MAP_WRITE"}, {0x0004, "SECTION_MAP_READ"},
    {0x0008, "SECTION_MAP_EXECUTE"}, {0x0010, "SECTION_EXTEND_SIZE"}, {0x0020, "SECTION_MAP_EXECUTE_EXPLICIT"},
};
constexpr Right kTimer[] = {{0x0001, "TIMER_QUERY_STATE"}, {0x0002, "TIMER_MODIFY_STATE"}};
constexpr Right kJob[] = {
    {0x0001, "JOB_OBJECT_ASSIGN_PROCESS"}, {0x0002, "JOB_OBJECT_SET_ATTRIBUTES"}, {0x0004, "JOB_OBJECT_QUERY"},
    {0x0008, "JOB_OBJECT_TERMINATE"}, {0x0010, "JOB_OBJECT_SET_SECURITY_ATTRIBUTES"},
    {0x0020, "JOB_OBJECT_IMPERSONATE"},
};
constexpr Right kDesktop[] = {
    {0x0001, "DESKTOP_READOBJECTS"}, {0x0002, "DESKTOP_CREATEWINDOW"}, {0x0004, "DESKTOP_CREATEMENU"},
    {0x0008, "DESKTOP_HOOKCONTROL"}, {0x0010, "DESKTOP_JOURNALRECORD"}, {0x0020, "DESKTOP_JOURNALPLAYBACK"},
    {0x0040, "DESKTOP_ENUMERATE"}, {0x0080, "DESKTOP_WRITEOBJECTS"}, {0x0100, "DESKTOP_SWITCHDESKTOP"},
};
constexpr Right kWindowStation[] = {
    {0x0001, "WINSTA_ENUMDESKTOPS"}, {0x0002, "WINSTA_READATTRIBUTES"}, {0x0004, "WINSTA_ACCESSCLIPBOARD"},
    {0x0008, "WINSTA_CREATEDESKTOP"}, {0x0010, "WINSTA_WRITEATTRIBUTES"}, {0x0020, "WINSTA_ACCESSGLOBALATOMS"},
    {0x0040, "WINSTA_EXITWINDOWS"}, {0x0100, "WINSTA_ENUMERATE"}, {0x0200, "WINSTA_READSCREEN"},
};
constexpr Right kIoCompletion[] = {{0x0001, "IO_COMPLETION_QUERY_STATE"}, {0x0002, "IO_COMPLETION_MODIFY_STATE"}};
constexpr Right kAlpcPort[] = {{0x0001, "PORT_CONNECT"}};
constexpr Right kSymbolicLink[] = {{0x0001, "SYMBOLIC_LINK_QUERY"}};
// The types below are undocumented NT object types; their rights are those of the public
// NT headers (phnt) and of System Informer's access tables. The ETW rights are the
// documented WMIGUID_*/TRACELOG_* values (EventAccessControl on Microsoft Learn).
constexpr Right kWorkerFactory[] = {
    {0x0001, "WORKER_FACTORY_RELEASE_WORKER"}, {0x0002, "WORKER_FACTORY_WAIT"},
    {0x0004, "WORKER_FACTORY_SET_INFORMATION"}, {0x0008, "WORKER_FACTORY_QUERY_INFORMATION"},
    {0x0010, "WORKER_FACTORY_READY_WORKER"}, {0x0020, "WORKER_FACTORY_SHUTDOWN"},
};
constexpr Right kWaitCompletionPacket[] = {{0x0001, "WAIT_COMPLETION_PACKET_MODIFY_STATE"}};
constexpr Right kEtwRegistration[] = {
    {0x0001, "WMIGUID_QUERY"}, {0x0002, "WMIGUID_SET"}, {0x0004, "WMIGUID_NOTIFICATION"},
    {0x0008, "WMIGUID_READ_DESCRIPTION"}, {0x0010, "WMIGUID_EXECUTE"}, {0x0020, "TRACELOG_CREATE_REALTIME"},
    {0x0040, "TRACELOG_CREATE_ONDISK"}, {0x0080, "TRACELOG_GUID_ENABLE"}, {0x0100, "TRACELOG_ACCESS_KERNEL_LOGGER"},
    {0x0200, "TRACELOG_LOG_EVENT"}, {0x0400, "TRACELOG_ACCESS_REALTIME"}, {0x0800, "TRACELOG_REGISTER_GUIDS"},
    {0x1000, "TRACELOG_JOIN_GROUP"},
};
constexpr Right kDebugObject[] = {
    {0x0001, "DEBUG_READ_EVENT"}, {0x0002, "DEBUG_PROCESS_ASSIGN"}, {0x0004, "DEBUG_SET_INFORMATION"},
    {0x0008, "DEBUG_QUERY_INFORMATION"},
};

constexpr TypeRights kTypes[] = {
    {"File", 0x1F01FF, "FILE_ALL_ACCESS", kFile},
    {"Directory", 0xF000F, "DIRECTORY_ALL_ACCESS", kDirectory},
    {"Key", 0xF003F, "KEY_ALL_ACCESS", kKey},
    {"Process", 0x1FFFFF, "PROCESS_ALL_ACCESS", kProcess},
    {"Thread", 0x1FFFFF, "THREAD_ALL_ACCESS", kThread},
    {"Token", 0xF01FF, "TOKEN_ALL_ACCESS", kToken},
    {"Event", 0x1F0003, "EVENT_ALL_ACCESS", kEvent},
    {"KeyedEvent", 0xF0003, "KEYEDEVENT_ALL_ACCESS", kKeyedEvent},
    {"Mutant", 0x1F0001, "MUTANT_ALL_ACCESS", kMutant},
    {"Semaphore", 0x1F0003, "SEMAPHORE_ALL_ACCESS", kSemaphore},
    {"Section", 0xF001F, "SECTION_ALL_ACCESS", kSection},
    {"Timer", 0x1F0003, "TIMER_ALL_ACCESS", kTimer},
    {"Job", 0x1F003F, "JOB_OBJECT_ALL_ACCESS", kJob},
    {"Desktop", 0xF01FF, "DESKTOP_ALL_ACCESS", kDesktop},
    {"WindowStation", 0xF037F, "WINSTA_ALL_ACCESS", kWindowStation},
    {"IoCompletion", 0x1F0003, "IO_COMPLETION_ALL_ACCESS", kIoCompletion},
    {"ALPC Port", 0x1F0001, "PORT_ALL_ACCESS", kAlpcPort},
    {"SymbolicLink", 0xF0001, "SYMBOLIC_LINK_ALL_ACCESS", kSymbolicLink},
    {"TpWorkerFactory", 0xF003F, "WORKER_FACTORY_ALL_ACCESS", kWorkerFactory},
    {"IRTimer", 0x1F0003, "TIMER_ALL_ACCESS", kTimer}, // an idle-resilient timer: a timer's rights
    {"WaitCompletionPacket", 0xF0001, "WAIT_COMPLETION_PACKET_ALL_ACCESS", kWaitCompletionPacket},
    {"EtwRegistration", 0x121FFF, "WMIGUID_ALL_ACCESS", kEtwRegistration},
    {"DebugObject", 0x1F000F, "DEBUG_ALL_ACCESS", kDebugObject},
};

constexpr Right kStandard[] = {
    {0x00010000, "DELETE"}, {0x00020000, "READ_CONTROL"}, {0x00040000, "WRITE_DAC"},
    {0x00080000, "WRITE_OWNER"}, {0x00100000, "SYNCHRONIZE"}, {0x01000000, "ACCESS_SYSTEM_SECURITY"},
    {0x02000000, "MAXIMUM_ALLOWED"}, {0x10000000, "GENERIC_ALL"}, {0x20000000, "GENERIC_EXECUTE"},
    {0x40000000, "GENERIC_WRITE"}, {0x80000000, "GENERIC_READ"},
};

const TypeRights* rightsFor(std::string_view typeName)
{
    for (const auto& t : kTypes)
        if (t.type == typeName)
            return &t;
    return nullptr;
}

} // namespace

std::string accessText(std::string_view typeName, std::uint32_t mask, HandleKind kind)
{
    const TypeRights* t = rightsFor(typeName);
    if (t && mask == t->allAccess)
        return t->allName;
    std::string out;
    std::uint32_t left = mask;
    const auto add = [&](std::uint32_t bit, const char* name) {
        if ((mask & bit) != bit || bit == 0)
            return;
        if (!out.empty())
            out += " | ";
        out += name;
        left &= ~bit;
    };
    if (t) {
        std::span<const Right> rights = t->rights;
        if (t->type == "File" && kind == HandleKind::Directory)
            rights = kFileDirectory;
        for (const auto& r : rights)
            add(r.bit, r.name);
    }
    for (const auto& r : kStandard)
        add(r.bit, r.name);
    if (left != 0) {
        if (!out.empty())
            out += " | ";
        out += hex(left);
    }
    return out.empty() ? std::string("0") : out;
}

AccessMode accessMode(std::string_view typeName, std::uint32_t mask)
{
    bool read = false;
    bool write = false;
    if (typeName == "File") {
        read = mask & (0x0001 | 0x80000000u | 0x10000000u);
        write = mask & (0x0002 | 0x0004 | 0x40000000u | 0x10000000u);
    } else if (typeName == "Section") {
        read = mask & (0x0004 | 0x80000000u | 0x10000000u);
        write = mask & (0x0002 | 0x40000000u | 0x10000000u);
    } else if (typeName == "Key") {
        read = mask & (0x0001 | 0x0008 | 0x80000000u | 0x10000000u);
        write = mask & (0x0002 | 0x0004 | 0x40000000u | 0x10000000u);
    } else {
        return AccessMode::Unknown;
    }
    if (read && write)
        return AccessMode::ReadWrite;
    if (read)
        return AccessMode::Read;
    if (write)
        return AccessMode::Write;
    return AccessMode::None;
}

} // namespace hs::win
