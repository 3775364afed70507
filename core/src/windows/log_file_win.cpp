// SPDX-License-Identifier: MIT
#include "common/log_file.h"

#include <io.h>
#include <windows.h>

namespace hs::log {

void keepFromChildren(std::FILE* file) noexcept
{
    if (!file)
        return;
    const auto handle = reinterpret_cast<HANDLE>(::_get_osfhandle(::_fileno(file)));
    if (handle != INVALID_HANDLE_VALUE)
        ::SetHandleInformation(handle, HANDLE_FLAG_INHERIT, 0);
}

} // namespace hs::log
