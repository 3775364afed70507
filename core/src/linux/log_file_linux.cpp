// SPDX-License-Identifier: MIT
#include "common/log_file.h"

#include <fcntl.h>

namespace hs::log {

void keepFromChildren(std::FILE* file) noexcept
{
    if (file)
        ::fcntl(::fileno(file), F_SETFD, FD_CLOEXEC);
}

} // namespace hs::log
