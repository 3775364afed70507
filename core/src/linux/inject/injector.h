// SPDX-License-Identifier: MIT
// The injector process: every injection session runs in a short-lived child of the tool.
//
// Why a process and not a thread: a tracer that dies mid-session leaves the tracee with
// the single-step trap flag and injected registers (measured: a target killed by SIGTRAP
// within ~30 runs of a CLI killed 0-4 ms into a dup). The child calls setsid() first, so a
// signal to the tool or to its process group (Ctrl+C, SIGTERM, SIGKILL of the group) does
// not reach it; it blocks every signal it can, finishes or rolls back its session, restores
// the target, detaches, and reports over a pipe. If the tool is gone by then, the report
// is lost but the target is whole: that is the order of priorities.
#pragma once

#include "inject_common.h"

#include <csignal>
#include <functional>
#include <string>
#include <vector>

namespace hs::linux_::inject {

/// What one injection session produced: a value (the new fd, or 0) and how it was done.
struct InjectorOutcome {
    long value = 0;
    std::string method;
};

/// The session: runs in the injector process; appends its calls to steps, and warnings.
using InjectorSession
    = std::function<Result<InjectorOutcome>(std::vector<std::string>& steps, std::vector<std::string>& warnings)>;

/// Forks the injector, which drops rights the real user does not have (real_user.h), runs
/// `session` and reports back; replays its log lines into spdlog; returns its outcome.
/// `deadline` bounds the session (the injector enforces it); the tool waits `grace` more
/// for the injector to restore a target that was slow to stop, then reports an error
/// without killing the injector, which goes on restoring in the background.
Result<InjectorOutcome> runInInjector(pid_t target, const InjectorSession& session, Clock::time_point deadline,
                                      std::vector<std::string>& steps, std::vector<std::string>& warnings);

/// While alive, SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE are blocked in the calling
/// thread: they stay pending until the operation is over, then take their usual effect.
class HeldSignals {
public:
    HeldSignals();
    ~HeldSignals();
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;

private:
    sigset_t m_old{};
};

} // namespace hs::linux_::inject
