// SPDX-License-Identifier: MIT
// Object type names: NtQueryObject(ObjectTypesInformation) read once and cached, mapped to
// the ObjectTypeIndex of the system handle table by calibration: the tool creates an Event
// and a Process handle of its own, finds them in the table and takes the index offset from
// them (Windows 8.1+: offset 0 against TypeIndex; Wine 8: the table index is TypeIndex - 2).
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <map>
#include <mutex>
#include <optional>

namespace hs::win {

namespace {

struct TypeEntry {
    std::size_t position = 0;
    unsigned typeIndex = 0;
    std::string name;
};

std::vector<TypeEntry> readTypeTable()
{
    std::vector<TypeEntry> out;
    const auto fn = nt::api().queryObject;
    if (!fn)
        return out;
    std::vector<std::byte> buf(64u << 10);
    nt::NTSTATUS s = nt::kInfoLengthMismatch;
    for (int attempt = 0; attempt < 6; ++attempt) {
        ULONG needed = 0;
        s = fn(nullptr, nt::kObjectTypesInformation, buf.data(), static_cast<ULONG>(buf.size()), &needed);
        if (s != nt::kInfoLengthMismatch && s != nt::kBufferOverflow && s != nt::kBufferTooSmall)
            break;
        buf.resize(std::max<std::size_t>(buf.size() * 2, needed));
    }
    if (!nt::ok(s)) {
        logger()->debug("ObjectTypesInformation failed: {}", ntStatusName(s));
        return out;
    }
    constexpr std::size_t align = sizeof(ULONG_PTR);
    const auto alignUp = [](std::size_t v) { return (v + align - 1) & ~(align - 1); };
    const auto* header = reinterpret_cast<const nt::ObjectTypesInformation*>(buf.data());
    std::size_t offset = alignUp(sizeof(nt::ObjectTypesInformation));
    for (ULONG i = 0; i < header->NumberOfTypes; ++i) {
        if (offset + sizeof(nt::ObjectTypeInformation) > buf.size())
            break;
        const auto* t = reinterpret_cast<const nt::ObjectTypeInformation*>(buf.data() + offset);
        TypeEntry e;
        e.position = i;
        e.typeIndex = t->TypeIndex;
        if (t->TypeName.Buffer && t->TypeName.Length)
            e.name = toUtf8(std::wstring_view(t->TypeName.Buffer, t->TypeName.Length / sizeof(wchar_t)));
        out.push_back(std::move(e));
        offset += alignUp(sizeof(nt::ObjectTypeInformation)) + alignUp(t->TypeName.MaximumLength);
    }
    return out;
}

std::optional<std::uint16_t> tableIndexOf(HANDLE h)
{
    auto table = querySystemHandles(static_cast<Pid>(GetCurrentProcessId()));
    if (!table)
        return std::nullopt;
    for (const auto& r : *table)
        if (r.value == fromHandle(h))
            return r.typeIndex;
    return std::nullopt;
}

struct Calibration {
    std::map<std::uint16_t, std::string> names; // table ObjectTypeIndex -> type name
    bool calibrated = false;
};

Calibration calibrate()
{
    Calibration c;
    const auto types = readTypeTable();
    if (types.empty())
        return c;
    UniqueHandle event(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    UniqueHandle self(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, GetCurrentProcessId()));
    const auto eventIndex = event ? tableIndexOf(event.get()) : std::nullopt;
    const TypeEntry* eventType = nullptr;
    for (const auto& t : types)
        if (t.name == "Event")
            eventType = &t;
    if (!eventIndex || !eventType) {
        logger()->warn("object type calibration failed: no Event handle or type");
        return c;
    }
    // Prefer TypeIndex when the OS fills it; fall back to the position in the list.
    const bool byTypeIndex = eventType->typeIndex != 0;
    const long delta = static_cast<long>(*eventIndex) -
                       static_cast<long>(byTypeIndex ? eventType->typeIndex : eventType->position);
    for (const auto& t : types) {
        const long index = static_cast<long>(byTypeIndex ? t.typeIndex : t.position) + delta;
        if (index >= 0 && index <= 0xFFFF)
            c.names[static_cast<std::uint16_t>(index)] = t.name;
    }
    // Check against a second handle of known type.
    if (self) {
        const auto selfIndex = tableIndexOf(self.get());
        if (selfIndex && c.names[*selfIndex] != "Process") {
            logger()->warn("object type calibration disagrees for Process (index {}); using per-handle queries",
                           *selfIndex);
            c.names.clear();
            return c;
        }
    }
    c.calibrated = true;
    logger()->debug("object types calibrated: {} types, table index = {} {:+}", types.size(),
                    byTypeIndex ? "TypeIndex" : "position", delta);
    return c;
}

std::mutex g_mutex;
std::optional<Calibration> g_calibration;

} // namespace

std::string typeNameForIndex(std::uint16_t typeIndex)
{
    std::lock_guard lock(g_mutex);
    if (!g_calibration)
        g_calibration = calibrate();
    auto it = g_calibration->names.find(typeIndex);
    return it == g_calibration->names.end() ? std::string() : it->second;
}

std::string queryTypeName(HANDLE h)
{
    const auto fn = nt::api().queryObject;
    if (!fn)
        return {};
    alignas(8) std::byte buf[4096];
    ULONG needed = 0;
    if (!nt::ok(fn(h, nt::kObjectTypeInformation, buf, sizeof buf, &needed)))
        return {};
    const auto* t = reinterpret_cast<const nt::ObjectTypeInformation*>(buf);
    if (!t->TypeName.Buffer)
        return {};
    return toUtf8(std::wstring_view(t->TypeName.Buffer, t->TypeName.Length / sizeof(wchar_t)));
}

HandleKind kindFromTypeName(std::string_view n)
{
    struct Map {
        std::string_view name;
        HandleKind kind;
    };
    static constexpr Map kMap[] = {
        {"File", HandleKind::RegularFile},
        {"Process", HandleKind::Process},
        {"Thread", HandleKind::Thread},
        {"Event", HandleKind::Event},
        {"KeyedEvent", HandleKind::Event},
        {"Mutant", HandleKind::Mutex},
        {"Semaphore", HandleKind::Semaphore},
        {"Section", HandleKind::Section},
        {"Key", HandleKind::Key},
        {"Token", HandleKind::Token},
        {"Timer", HandleKind::Timer},
        {"IRTimer", HandleKind::Timer},
        {"Job", HandleKind::Job},
        {"IoCompletion", HandleKind::IoCompletion},
        {"ALPC Port", HandleKind::AlpcPort},
        {"Port", HandleKind::AlpcPort},
        {"Directory", HandleKind::ObjectDirectory},
        {"SymbolicLink", HandleKind::SymbolicLink},
        {"Desktop", HandleKind::Desktop},
        {"WindowStation", HandleKind::WindowStation},
    };
    if (n.empty())
        return HandleKind::Unknown;
    for (const auto& m : kMap)
        if (m.name == n)
            return m.kind;
    return HandleKind::Other;
}

} // namespace hs::win
