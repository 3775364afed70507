// SPDX-License-Identifier: MIT
// Who opened the handles a process still holds: follow one process's calls that create and
// close fds, with the call stack of each creation, then group its open fds by that stack
// ("20 sockets still open, opened at Client::connect <- Pool::grow <- main").
//
// Linux: a BPF program on the raw sys_enter/sys_exit tracepoints copies the registers and
// the top of the user stack at each creating call; the stacks are unwound with DWARF and
// symbolised in user space (elfutils' libdwfl). It needs root or CAP_BPF and CAP_PERFMON
// and a kernel with BTF. Windows, and builds without the BPF tools or libdw, return an
// error that says why.
#pragma once

#include "handlescope/cancel.h"
#include "handlescope/model.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hs {

/// One frame of a call stack.
struct StackFrame {
    std::uint64_t address = 0; ///< the instruction (a caller's frame: its call instruction)
    std::string function;      ///< "Pool::grow": no parameters; empty when the module has no symbol for it
    std::string signature;     ///< demangled in full: "(anonymous namespace)::Pool::grow(int) const"
    std::string module;        ///< the file's base name: "libc.so.6", "myserver"
    std::string file;          ///< source file where debug information exists, else empty
    int line = 0;              ///< 0 when unknown
};

/// "Pool::grow (server.cpp:42)", "open64 (libc.so.6)", "0x7f12... (libfoo.so)".
std::string describeFrame(const StackFrame& frame);

/// The open fds of one call stack.
struct OpenSite {
    std::vector<StackFrame> stack; ///< innermost first: the system call's wrapper, then its callers
    std::vector<HandleValue> fds;  ///< ascending
    /// (kind, fds of that kind), most first.
    std::vector<std::pair<HandleKind, std::int64_t>> kinds;
    [[nodiscard]] std::int64_t count() const { return static_cast<std::int64_t>(fds.size()); }
};

/// "f1 <- f2 <- f3": the first `depth` frames of the site's own code, after the C library's
/// system call wrappers at the top of the stack.
std::string describeSite(const OpenSite& site, std::size_t depth = 3);
/// "20 sockets", "1 regular file", "3 fds (2 pipes, 1 socket)": a site's fds by kind.
std::string describeKinds(const OpenSite& site);

struct OpenSiteReport {
    Pid pid = -1;
    std::chrono::nanoseconds traced{}; ///< how long the calls were followed
    std::vector<OpenSite> sites;       ///< most fds first
    /// Fds open now whose opening the trace did not see: opened before tracing began,
    /// received from another process (SCM_RIGHTS, pidfd_getfd by another process), or
    /// opened by a call whose record was lost. Its stack is empty.
    OpenSite unknownOrigin;
    std::int64_t openCalls = 0;     ///< creating calls seen (a pipe counts once)
    std::int64_t closeCalls = 0;    ///< close and close_range calls seen
    std::int64_t lostRecords = 0;   ///< calls whose record the kernel had no room for
    std::int64_t unwindFailures = 0;///< stacks that could not be walked past their first frame
};

/// Follows one process's fd creations. Not thread-safe: one thread drives it.
class OpenSiteTracer {
public:
    virtual ~OpenSiteTracer() = default;
    /// Starts following `pid` now. Fails for a process that does not exist, and where
    /// tracing cannot work (privilege, kernel BTF, a build without BPF), saying why.
    static Result<std::unique_ptr<OpenSiteTracer>> start(Pid pid);

    /// Takes in the process's calls for up to `duration`; returns earlier when the process
    /// exits (exited() then holds) or `cancel` is set (no error: what was seen is kept).
    virtual Result<void> follow(std::chrono::nanoseconds duration, const CancelToken& cancel = {}) = 0;
    [[nodiscard]] virtual bool exited() const = 0;
    /// The fds the process holds now, grouped by the stack that opened them. Fails once the
    /// process has exited (its fds closed with it).
    virtual Result<OpenSiteReport> report() = 0;
};

} // namespace hs
