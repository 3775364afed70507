// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/inspect.h"
#include "handlescope/model.h"

#include "task_file_record.h"

#include <string_view>

namespace hs::linux_ {

/// One record of the BPF snapshot iterator as the /proc path would have read the fd with
/// this detail, into a default HandleInfo that already sits in its process's vector (no
/// move, no copy). `text` is the record's path_len bytes after its header.
void fillHandle(HandleInfo& h, const hs_fd_record& r, std::string_view text, Detail detail);

} // namespace hs::linux_
