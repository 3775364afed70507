// SPDX-License-Identifier: MIT
// describeDuplicate: the calls duplicateHandle will make, for a preview before acting.
#include "handlescope/duplicate.h"

#include <unistd.h>

namespace hs {

namespace {

std::vector<std::string> pushLines(const std::string& t, bool inheritable)
{
    return {
        "[pid " + t + "] socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, sv)   -- sv in scratch memory below its stack pointer",
        "[tool] pidfd_getfd(pidfd(" + t + "), sv[0], 0) = S; sendmsg(S, SCM_RIGHTS {ref}); close(S)",
        "[pid " + t + "] recvmsg(sv[1], {SCM_RIGHTS}, MSG_DONTWAIT" + (inheritable ? "" : "|MSG_CMSG_CLOEXEC") + ") -> NEW",
        "[pid " + t + "] close_range(sv[0], sv[1], 0)",
    };
}

void append(std::vector<std::string>& out, const std::vector<std::string>& more)
{
    out.insert(out.end(), more.begin(), more.end());
}

} // namespace

std::vector<std::string> describeDuplicate(Pid source, HandleValue handle, Pid target, const DuplicateOptions& options)
{
    const Pid self = ::getpid();
    const std::string s = std::to_string(source);
    const std::string t = std::to_string(target);
    const std::string h = std::to_string(handle);
    std::vector<std::string> out;
    out.push_back("[tool] pidfd_open(" + s + ", 0); pidfd_open(" + t + ", 0)   -- pin both identities");
    if (source == self)
        out.push_back("[tool] fcntl(" + h + ", F_DUPFD_CLOEXEC, 0) = ref   -- reference copy");
    else
        out.push_back("[tool] pidfd_getfd(pidfd(" + s + "), " + h + ", 0) = ref   -- reference copy");

    if (target == self) {
        if (source == self)
            out.push_back("[tool] fcntl(" + h + (options.inheritable ? ", F_DUPFD, 0)" : ", F_DUPFD_CLOEXEC, 0)")
                          + " = NEW");
        else if (options.inheritable)
            out.push_back("[tool] fcntl(ref, F_SETFD, 0)   -- NEW = ref, inheritable");
        else
            out.push_back("[tool] NEW = ref (FD_CLOEXEC set)");
    } else {
        out.push_back("[tool] hand the work to the injector process (forked on first use, in its own session): it "
                      "finishes and restores pid " + t + " even if the tool is interrupted or killed");
        out.push_back("[tool] ptrace(PTRACE_SEIZE, " + t + "); ptrace(PTRACE_INTERRUPT, " + t
                      + "); waitpid   -- stop one thread (then PTRACE_O_SUSPEND_SECCOMP if it runs under seccomp)");
        out.push_back("[tool] ptrace(PTRACE_GETREGS) -- save; RIP = an existing syscall instruction, orig_rax = -1; "
                      "each call below: PTRACE_SETREGS + PTRACE_SINGLESTEP + read RAX");
        if (source == target) {
            out.push_back("[pid " + t + "] fcntl(" + h + (options.inheritable ? ", F_DUPFD, 0)" : ", F_DUPFD_CLOEXEC, 0)")
                          + " = NEW");
        } else if (options.method == DuplicateMethod::Push) {
            append(out, pushLines(t, options.inheritable));
        } else {
            out.push_back("[pid " + t + "] pidfd_open(" + s + ", 0) = P");
            out.push_back("[pid " + t + "] pidfd_getfd(P, " + h + ", 0) = NEW");
            out.push_back("[pid " + t + "] close(P)");
            if (options.inheritable)
                out.push_back("[pid " + t + "] fcntl(NEW, F_SETFD, 0)");
            if (options.method == DuplicateMethod::Auto)
                out.push_back("   (if pid " + t + " may not pidfd_getfd from pid " + s
                              + " (EPERM/ESRCH), or lives in another pid namespace: the push sequence over a "
                                "socketpair instead)");
        }
        out.push_back("[tool] kcmp(" + t + ", self, KCMP_FILE, NEW, ref) == 0   -- the same open file");
        out.push_back("[tool] ptrace(PTRACE_SETREGS) -- restore; ptrace(PTRACE_DETACH, " + t + ")");
    }
    if (options.closeSource) {
        if (source == self) {
            out.push_back("[tool] kcmp(self, self, KCMP_FILE, " + h + ", ref) == 0; close(" + h + ")");
        } else {
            out.push_back("[tool] ptrace(PTRACE_SEIZE + PTRACE_INTERRUPT) every thread of " + s);
            out.push_back("[tool] kcmp(" + s + ", self, KCMP_FILE, " + h + ", ref) == 0   -- not a reused number");
            out.push_back("[pid " + s + "] close(" + h + ")");
            out.push_back("[tool] restore registers; ptrace(PTRACE_DETACH) every thread");
        }
    }
    return out;
}

} // namespace hs
