// SPDX-License-Identifier: MIT
#pragma once

// Reading one process and its fds from /proc, shared by listProcesses, processInfo,
// listHandles, handleInfo and takeSnapshot. A ProcWalker owns reusable buffers, so a
// whole-machine snapshot allocates per handle only what the result itself holds.

#include "handlescope/model.h"
#include "proc_reader.h"
#include "sockets_linux.h"

#include <optional>
#include <string>
#include <vector>

namespace hs::linux_ {

class ProcWalker {
public:
    /// Opens /proc/PID. Fails with ESRCH for a pid that does not exist.
    Result<UniqueFd> openProcess(Pid pid);

    /// Reads stat, owner, exe, cmdline. With countHandles, also counts fds (or sets
    /// accessError). Fails only if the process is gone.
    Result<ProcessInfo> readProcess(int procPidFd, Pid pid, bool countHandles);

    /// Appends the fds of the process, sorted by value. Fails for EACCES, or a process that
    /// is gone; fds closed during the walk are skipped.
    Result<void> readHandles(int procPidFd, Pid pid, Detail detail, std::vector<HandleInfo>& out);

    /// One fd (Detail::Full). Fails with EBADF when it is not open.
    Result<HandleInfo> readHandle(int procPidFd, Pid pid, HandleValue fd);

private:
    bool readOneHandle(int fdDir, int fdinfoDir, int procPidFd, HandleValue fd, Detail detail, HandleInfo& h);
    void addFdInfo(int fdinfoDir, const char* name, HandleInfo& h);

    std::string m_text;
    std::string m_link;
    std::vector<std::int64_t> m_numbers;
    std::vector<char> m_dents;
    SocketResolver m_sockets;
    const SocketTable* m_processSockets = nullptr; ///< of the process being read
    int m_lastError = 0; ///< why readOneHandle returned false
};

/// Why a process's handles cannot be listed, for a zombie or a kernel thread.
std::optional<Error> noHandlesReason(const ProcessInfo& p);

} // namespace hs::linux_
