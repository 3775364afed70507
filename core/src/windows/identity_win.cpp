// SPDX-License-Identifier: MIT
// Object identity. Windows gives the kernel object address in the system handle table
// (ObjectId{0, address}); Wine 8 leaves it NULL. Then identity is derived by comparison:
// every handle named in one Full listing (listHandles) or one snapshot (takeSnapshot) is
// duplicated into the tool and compared with NtCompareObjects against one kept copy per
// group of the same type; a handle joins the first group whose representative is the same
// object, else starts a group. A group's id is derivedObjectId(pid, value) of its first
// member, so ids are stable within one listing, not across listings.
// A Fast listing does not group (quadratic in handles of a type): its rows without an
// address have no identity (see listHandles).
// Disk files use (volume serial, file index) instead (see describeHandle): that is what
// objectIdOfPath can compute from a path.
#include "handlescope/inspect.h"
#include "win_internal.h"

#include <spdlog/spdlog.h>

namespace hs::win {

namespace {
// Copies kept open at most per listing. Each keeps a foreign object alive until the
// listing ends, so there are few, and never of File objects: a kept copy of a pipe end
// would hold back its reader's end of file, one of a file would delay its owner's
// delete-on-close. Disk files get their identity from the file id instead; other File
// objects (pipes, devices) and the objects past the cap get an id per handle.
constexpr std::size_t kMaxGroups = 512;
}

ObjectId derivedObjectId(Pid pid, HandleValue value)
{
    // Top bit set: no kernel address looks like this in user-visible form (addresses are
    // 0xFFFF8... and would keep bits 47-62 set too); pid in bits 24-55, handle/4 below.
    const auto p = static_cast<std::uint64_t>(pid) & 0xFFFFFFFFULL;
    const auto h = (static_cast<std::uint64_t>(value) >> 2) & 0xFFFFFFULL;
    return ObjectId{0, (1ULL << 63) | (p << 24) | h, false};
}

bool isDerivedObjectId(const ObjectId& id)
{
    return id.device == 0 && (id.inode >> 56) == 0x80; // top bit alone of the top byte
}

std::pair<Pid, HandleValue> derivedObjectSource(const ObjectId& id)
{
    return {static_cast<Pid>((id.inode >> 24) & 0xFFFFFFFFULL), static_cast<HandleValue>((id.inode & 0xFFFFFFULL) << 2)};
}

IdentityGrouper::IdentityGrouper() = default;
IdentityGrouper::~IdentityGrouper() = default;

ObjectId IdentityGrouper::assign(Pid pid, HandleValue value, const std::string& typeName, UniqueHandle copy)
{
    const auto compare = nt::api().compareObjects;
    if (!copy || !compare || typeName == "File")
        return derivedObjectId(pid, value);
    for (const auto& g : m_groups) {
        if (g.typeName != typeName)
            continue;
        if (compare(g.representative.get(), copy.get()) == nt::kSuccess)
            return g.id;
    }
    const ObjectId id = derivedObjectId(pid, value);
    if (m_groups.size() < kMaxGroups)
        m_groups.push_back({typeName, std::move(copy), id});
    return id;
}

} // namespace hs::win

namespace hs {

using namespace hs::win;

Result<ObjectId> objectIdOfPath(const std::string& path)
{
    logger()->debug("objectIdOfPath {}", path);
    const std::wstring wpath = toWide(path);
    UniqueHandle file(CreateFileW(wpath.c_str(), FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                  nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
    if (!file) {
        Error e = win32Error("open " + path, -1, -1, GetLastError());
        return fail(std::move(e));
    }
    BY_HANDLE_FILE_INFORMATION info{};
    if (!GetFileInformationByHandle(file.get(), &info))
        return fail(win32Error("read file id of " + path, -1, -1, GetLastError()));
    const std::uint64_t index = (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
    return ObjectId{info.dwVolumeSerialNumber, index, false};
}

} // namespace hs
