// SPDX-License-Identifier: MIT
// One row of the handle table -> HandleInfo: type name (calibrated index, else a query on
// the copy), name (on a copy duplicated into the tool), access text, identity.
#include "win_internal.h"

#include <spdlog/spdlog.h>

namespace hs::win {

namespace {
constexpr std::chrono::milliseconds kFileNameTimeout{1000};
}

HandleInfo describeHandle(const RawHandle& raw, DetailContext& ctx)
{
    HandleInfo h;
    h.value = raw.value;
    h.grantedAccess = raw.grantedAccess;
    h.inheritable = (raw.attributes & nt::kObjInherit) != 0;
    h.protectFromClose = (raw.attributes & nt::kObjProtectClose) != 0;
    h.typeName = typeNameForIndex(raw.typeIndex);

    UniqueHandle copy;
    if (ctx.process) {
        if (!DuplicateHandle(ctx.process, toHandle(raw.value), GetCurrentProcess(), copy.put(), 0, FALSE,
                             DUPLICATE_SAME_ACCESS)) {
            h.partialError = "copy for naming: " + win32ErrorName(GetLastError());
            copy.reset();
        }
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
    if (copy && ctx.names) {
        NameResult n = nameObject(copy.get(), h.typeName, kFileNameTimeout);
        h.name = std::move(n.name);
        if (!n.error.empty())
            h.partialError = h.partialError.empty() ? n.error : h.partialError + "; " + n.error;
        if (n.refinedKind != HandleKind::Unknown && h.kind == HandleKind::RegularFile)
            h.kind = n.refinedKind;
        h.referencedPid = n.referencedPid;
        h.extras = std::move(n.extras);
        fileId = n.fileId;
    }
    h.accessText = accessText(h.typeName, h.grantedAccess, h.kind);
    h.access = accessMode(h.typeName, h.grantedAccess);

    if (raw.object != 0)
        h.extras.emplace_back("object", hex(raw.object));
    if (fileId.valid())
        h.object = fileId; // same file, whichever process opened it
    else if (raw.object != 0)
        h.object = ObjectId{0, raw.object, false};
    else if (ctx.grouper)
        h.object = ctx.grouper->assign(ctx.pid, raw.value, h.typeName, std::move(copy));
    else
        h.object = derivedObjectId(ctx.pid, raw.value);
    return h;
}

} // namespace hs::win
