// SPDX-License-Identifier: MIT
// Reading and writing a stopped target's memory: process_vm_{read,write}v, falling back
// to PTRACE_PEEKDATA / PTRACE_POKEDATA (word by word, needs the thread stopped).
#pragma once

#include "inject_common.h"

#include <cstddef>

namespace hs::linux_::inject {

Result<void> readRemote(pid_t pid, pid_t tid, unsigned long long address, void* out, std::size_t size);
Result<void> writeRemote(pid_t pid, pid_t tid, unsigned long long address, const void* data, std::size_t size);

} // namespace hs::linux_::inject
