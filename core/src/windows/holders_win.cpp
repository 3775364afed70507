// SPDX-License-Identifier: MIT
// The holders of one object without a snapshot, from one read of the system handle table.
// What narrows the rows down depends on the kind of identity (see identity_win.cpp):
//  - a kernel object address (device 0): the rows with that address, nothing else read;
//  - a disk file (volume serial, file index): the File rows, each named to learn its file;
//  - an id derived by comparison (Wine, no addresses): it names the handle it was derived
//    from, and the rows of the same type are compared with that one (NtCompareObjects).
#include "handlescope/find.h"
#include "win_internal.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace hs::win {

namespace {

enum class IdentityKind { Address, DiskFile, Derived };

IdentityKind identityKind(const ObjectId& object)
{
    if (object.device != 0)
        return IdentityKind::DiskFile;
    return isDerivedObjectId(object) ? IdentityKind::Derived : IdentityKind::Address;
}

// The processes the rows belong to, each opened once for PROCESS_DUP_HANDLE (rows come
// sorted by pid, so only the last one is kept).
class ProcessOpener {
public:
    HANDLE dupAccess(Pid pid)
    {
        if (pid != m_pid) {
            m_pid = pid;
            m_process = UniqueHandle(OpenProcess(PROCESS_DUP_HANDLE, FALSE, static_cast<DWORD>(pid)));
        }
        return m_process.get();
    }

private:
    Pid m_pid = -1;
    UniqueHandle m_process;
};

UniqueHandle copyOf(HANDLE process, HandleValue value)
{
    UniqueHandle copy;
    if (process && !DuplicateHandle(process, toHandle(value), GetCurrentProcess(), copy.put(), 0, FALSE, DUPLICATE_SAME_ACCESS))
        copy.reset();
    return copy;
}

struct ProcessLabel {
    ProcessKey key;
    std::string name;
};

Holder holderOf(const RawHandle& raw, HandleInfo handle, std::map<Pid, ProcessLabel>& processes)
{
    auto it = processes.find(raw.pid);
    if (it == processes.end()) {
        ProcessLabel p{{raw.pid, 0}, processImageName(raw.pid)};
        if (UniqueHandle h(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(raw.pid))); h)
            p.key.startTime = processStartTime(h.get());
        it = processes.emplace(raw.pid, std::move(p)).first;
    }
    return Holder{it->second.key, it->second.name, std::move(handle)};
}

} // namespace

} // namespace hs::win

namespace hs {

using namespace hs::win;

Result<std::vector<Holder>> findHolders(const ObjectId& object, const CancelToken& cancel)
{
    const auto begin = std::chrono::steady_clock::now();
    if (cancel.cancelled())
        return fail(cancelledError("find holders"));
    std::vector<Holder> holders;
    if (!object.valid())
        return holders;
    ensureDebugPrivilege();
    auto table = querySystemHandles();
    if (!table)
        return fail(table.error());

    const IdentityKind kind = identityKind(object);
    // Derived ids: the handle the id was made from, copied here to compare the others with.
    const Pid sourcePid = derivedObjectSource(object).first;
    const HandleValue sourceValue = derivedObjectSource(object).second;
    UniqueHandle source;
    std::uint16_t sourceType = 0;
    if (kind == IdentityKind::Derived) {
        auto it = std::find_if(table->begin(), table->end(),
                               [&](const RawHandle& r) { return r.pid == sourcePid && r.value == sourceValue; });
        if (it == table->end())
            return holders; // closed since: nothing is left to compare with
        sourceType = it->typeIndex;
        UniqueHandle process(OpenProcess(PROCESS_DUP_HANDLE, FALSE, static_cast<DWORD>(sourcePid)));
        source = copyOf(process.get(), sourceValue);
    }
    const auto compare = nt::api().compareObjects;
    auto sameAsSource = [&](const RawHandle& raw, HANDLE process) {
        if (raw.pid == sourcePid && raw.value == sourceValue)
            return true;
        // Without a copy of both, the id names its own handle only (as in IdentityGrouper).
        UniqueHandle copy = copyOf(process, raw.value);
        return source && copy && compare && compare(source.get(), copy.get()) == nt::kSuccess;
    };

    ProcessOpener opener;
    std::map<Pid, ProcessLabel> processes; // of the holders found so far
    for (std::size_t i = 0; i < table->size(); ++i) {
        if (i % kHandlesBetweenCancelChecks == 0 && cancel.cancelled())
            return fail(cancelledError("find holders"));
        const RawHandle& raw = (*table)[i];
        if (kind == IdentityKind::Address && raw.object != object.inode)
            continue;
        if (kind == IdentityKind::DiskFile) {
            const std::string type = typeNameForIndex(raw.typeIndex);
            if (!type.empty() && type != "File") // a type not calibrated: look at it
                continue;
        }
        if (kind == IdentityKind::Derived && raw.typeIndex != sourceType)
            continue;
        HANDLE process = opener.dupAccess(raw.pid);
        if (kind == IdentityKind::Derived && !sameAsSource(raw, process))
            continue;
        DetailContext ctx{raw.pid, process, true, nullptr, nullptr, nullptr};
        HandleInfo h = describeHandle(raw, ctx);
        if (kind == IdentityKind::DiskFile && h.object != object)
            continue;
        h.object = object; // a derived id is per listing: give every holder the one asked about
        holders.push_back(holderOf(raw, std::move(h), processes));
    }
    logger()->debug("holders of {}: {} handles among {} in {} ms", toString(object), holders.size(), table->size(),
                    std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin).count());
    return holders;
}

} // namespace hs
