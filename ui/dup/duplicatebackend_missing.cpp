// SPDX-License-Identifier: MIT
// Used only while the platform's core has no duplicate implementation yet.
#include "dup/duplicatebackend.h"

#include <string>

namespace hs::ui {

namespace {
hs::Error missing(const char* what, hs::Pid pid, hs::HandleValue handle)
{
    return {.operation = what,
            .pid = pid,
            .handle = handle,
            .osName = "ENOSYS",
            .osText = "not implemented in this build",
            .hint = "this build of the core has no duplicate support yet"};
}
} // namespace

hs::Result<hs::DuplicateResult> runDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid,
                                             const hs::DuplicateOptions&)
{
    return hs::fail(missing("duplicate handle", source, handle));
}

hs::Result<void> runCloseRemote(hs::Pid pid, hs::HandleValue handle)
{
    return hs::fail(missing("close remote handle", pid, handle));
}

std::vector<std::string> previewDuplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target,
                                          const hs::DuplicateOptions& options)
{
    return {"duplicate fd " + std::to_string(handle) + " of pid " + std::to_string(source) + " into pid "
            + std::to_string(target) + (options.inheritable ? " (inheritable)" : "")
            + (options.closeSource ? ", then close the source" : "")};
}

} // namespace hs::ui
