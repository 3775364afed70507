// SPDX-License-Identifier: MIT
// DWARF unwinding of a stack copied out of another process (elfutils' libdwfl): the
// registers and the top of the stack at a system call, walked through the CFI of the
// process's modules, as perf's --call-graph dwarf does. The copy is all it reads of the
// process's memory, so a stack can be walked after the process has gone.
#pragma once

#include "handlescope/open_sites.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace hs::linux_ {

/// Registers in DWARF numbering (x86-64: rax, rdx, rcx, rbx, rsi, rdi, rbp, rsp, r8..r15,
/// rip) and the stack bytes from rsp upwards.
struct CopiedStack {
    std::array<std::uint64_t, 17> registers{};
    std::span<const std::uint8_t> stack;
    std::uint32_t tid = 0;
};

class StackUnwinder {
public:
    /// Reads the modules mapped into `pid` (its /proc/PID/maps) and their ELF files.
    static Result<std::unique_ptr<StackUnwinder>> create(Pid pid);
    ~StackUnwinder();
    StackUnwinder(const StackUnwinder&) = delete;
    StackUnwinder& operator=(const StackUnwinder&) = delete;

    /// The return addresses of the copied stack, innermost first; a caller's address is
    /// moved back into its call instruction. At most `maxFrames`.
    std::vector<std::uint64_t> unwind(const CopiedStack& copy, std::size_t maxFrames = 64);
    /// Reads the process's modules again, in place of those read before (addresses of a
    /// library unloaded since are no longer named). False if the process cannot be read.
    bool refreshModules();
    /// Function, module and source line of an address (cached).
    StackFrame symbolise(std::uint64_t address);

    struct State; ///< libdwfl's session (in the .cpp, where its callbacks reach it)

private:
    explicit StackUnwinder(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace hs::linux_
