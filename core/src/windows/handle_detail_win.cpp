// SPDX-License-Identifier: MIT
// One row of the handle table -> HandleInfo: type name (calibrated index, else a query on
// the copy), name (on a copy duplicated into the tool), access text, identity.
// Copies ask for the least access their query needs, never DUPLICATE_SAME_ACCESS: none for
// type, name and NtCompareObjects; the documented minimum for the few type-specific
// queries. So a SYNCHRONIZE-only process handle is still named, and copying a process'
// handles never hands the tool the owner's rights (a full-access copy of lsass' handles
// is what credential theft looks like to security products).
#include "win_internal.h"

#include <spdlog/spdlog.h>

namespace hs::win {

namespace {
constexpr std::chrono::milliseconds kFileNameTimeout{1000};

UniqueHandle copyWithAccess(HANDLE process, HandleValue value, DWORD access, DWORD& error)
{
    UniqueHandle copy;
    if (!DuplicateHandle(process, toHandle(value), GetCurrentProcess(), copy.put(), access, FALSE, 0)) {
        error = GetLastError();
        copy.reset();
    }
    return copy;
}

/// The access the type-specific naming query needs (0: type and name queries only).
/// GetProcessId: PROCESS_QUERY_LIMITED_INFORMATION; GetThreadId/GetProcessIdOfThread:
/// THREAD_QUERY_LIMITED_INFORMATION; GetFileInformationByHandle: FILE_READ_ATTRIBUTES.
DWORD namingAccess(std::string_view typeName)
{
    if (typeName == "Process")
        return PROCESS_QUERY_LIMITED_INFORMATION;
    if (typeName == "Thread")
        return THREAD_QUERY_LIMITED_INFORMATION;
    if (typeName == "File")
        return FILE_READ_ATTRIBUTES;
    return 0;
}
} // namespace

HandleInfo describeHandle(const RawHandle& raw, DetailContext& ctx)
{
    HandleInfo h;
    h.value = raw.value;
    h.grantedAccess = raw.grantedAccess;
    h.inheritable = (raw.attributes & nt::kObjInherit) != 0;
    h.protectFromClose = (raw.attributes & nt::kObjProtectClose) != 0;
    h.typeName = typeNameForIndex(raw.typeIndex);

    UniqueHandle copy; // no access rights: type, name, identity
    if (ctx.process) {
        DWORD err = ERROR_SUCCESS;
        copy = copyWithAccess(ctx.process, raw.value, 0, err);
        if (!copy)
            h.partialError = "copy for naming: " + win32ErrorName(err);
    } else {
        h.partialError = "no PROCESS_DUP_HANDLE access: name not read";
    }
    if (copy) {
        // The copy's own answer wins over the calibrated table.
        if (auto queried = queryTypeName(copy.get()); !queried.empty())
            h.typeName = std::move(queried);
    }
    h.kind = kindFromTypeName(h.typeName);

    ObjectId fileId;
    // Fast: a File object that is not on a disk (pipe, socket, device) is not asked its
    // name: those are the queries that can hang and need the worker thread and its timeout.
    // The device type, read here without blocking, still gives its kind.
    bool skipName = false;
    if (copy && ctx.names && ctx.detail == Detail::Fast && h.typeName == "File") {
        const ULONG device = fileDeviceType(copy.get());
        if (!isDiskDevice(device)) {
            skipName = true;
            if (const HandleKind k = fileKindOfDevice(device); k != HandleKind::Unknown)
                h.kind = k;
        }
    }
    const bool siblingTimedOut = h.typeName == "File" && raw.object != 0 && ctx.timedOut &&
                                 ctx.timedOut->contains(raw.object);
    if (copy && ctx.names && siblingTimedOut) {
        h.partialError = "name not queried: a query on another handle to this file object timed out in this "
                         "listing";
    } else if (copy && ctx.names && !skipName) {
        // A second copy only for the type-specific query; without it the query runs on the
        // access-0 copy and says what it could not read.
        UniqueHandle query;
        if (const DWORD access = namingAccess(h.typeName); access != 0) {
            DWORD err = ERROR_SUCCESS;
            query = copyWithAccess(ctx.process, raw.value, access, err);
            if (!query)
                logger()->trace("copy of {}:{} with access {} refused: {}", ctx.pid,
                                hex(static_cast<std::uint64_t>(raw.value)), hex(access), win32ErrorName(err));
        }
        NameResult n = nameObject(query ? query.get() : copy.get(), h.typeName, kFileNameTimeout, ctx.images);
        h.name = std::move(n.name);
        if (!n.error.empty())
            h.partialError = h.partialError.empty() ? n.error : h.partialError + "; " + n.error;
        if (n.refinedKind != HandleKind::Unknown && h.kind == HandleKind::RegularFile)
            h.kind = n.refinedKind;
        h.referencedPid = n.referencedPid;
        h.extras = std::move(n.extras);
        fileId = n.fileId;
        if (n.timedOut && raw.object != 0 && ctx.timedOut)
            ctx.timedOut->insert(raw.object);
    }
    if (ctx.detail == Detail::Full) {
        h.accessText = accessText(h.typeName, h.grantedAccess, h.kind);
        h.access = accessMode(h.typeName, h.grantedAccess);
        if (raw.object != 0)
            h.extras.emplace_back("object", hex(raw.object));
    } else {
        h.extras.clear(); // Fast carries no extras (as on Linux, where they come from fdinfo)
    }
    if (fileId.valid())
        h.object = fileId; // same file, whichever process opened it
    else if (raw.object != 0)
        h.object = ObjectId{0, raw.object, false};
    else if (ctx.grouper)
        h.object = ctx.grouper->assign(ctx.pid, raw.value, h.typeName, std::move(copy));
    else if (ctx.detail == Detail::Full)
        h.object = derivedObjectId(ctx.pid, raw.value); // names its own handle only (holders)
    // else: a Fast listing without an address leaves the identity unknown (see listHandles).
    return h;
}

} // namespace hs::win
