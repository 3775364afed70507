// SPDX-License-Identifier: MIT
// The injector: a process of the tool's own, in its own session, that runs every
// injection session and restores the target whatever happens to the tool.
//
// Why a process and not a thread: a tracer that dies mid-session leaves the tracee with
// the single-step trap flag and injected registers, and the tracee can then die of SIGTRAP.
// The injector calls setsid() first, so a signal to the tool or to its process group
// (Ctrl+C, SIGTERM, SIGKILL of the group) does not reach it; it blocks every signal it
// can, finishes or rolls back the session in hand, restores the target, detaches, and
// replies. If the tool is gone by then, the reply is lost but the target is whole; then
// it reads EOF and exits.
//
// Why one per tool process, started on first use, and not one per session: a fork and an
// exit (copy-on-write faults of the child, tearing down its copy) cost several times the
// whole injection, a request over a socket a small part of it. The injector is restarted
// when the tool's credentials change (it must never hold rights the tool gave up), when
// it is found dead, and when it was forked by another process (a fork of the tool).
#pragma once

#include "inject_common.h"

#include "common/step_recorder.h"

#include <csignal>
#include <string>
#include <vector>

namespace hs::linux_::inject {

/// What one injection session produced: a value (the new fd, or 0) and how it was done.
struct InjectorOutcome {
    long value = 0;
    std::string method;
};

/// One session for the injector. The pinned fds travel with it (SCM_RIGHTS):
/// Duplicate: {source pidfd, target pidfd, reference copy}; Close: {pidfd, reference copy}.
struct InjectRequest {
    enum class Kind : std::int64_t { Duplicate = 1, Close = 2 };
    Kind kind = Kind::Duplicate;
    pid_t source = 0; ///< Duplicate: the source; Close: the process
    pid_t target = 0;
    int fd = -1;
    bool inheritable = false;
    int method = 0;                ///< hs::DuplicateMethod
    bool injectIntoTarget = true;  ///< false when the target is the tool (it already has the copy)
    bool closeRemoteSource = false;
    long newHandle = -1;           ///< the copy made without injection, when injectIntoTarget is false
    std::string methodSoFar;
    Clock::time_point deadline{};  ///< steady_clock is CLOCK_MONOTONIC: the same in both processes
};

/// Runs `request` in the injector (started or restarted as needed), waits for its reply
/// until the request's deadline plus a grace period, replays its log lines into spdlog,
/// and returns its outcome. The injector reports each step as it happens; they reach
/// `steps` (and its progress callback) while the session runs. A session still unfinished after the grace (a target thread in
/// uninterruptible sleep that the injector waits for, to restore it) is reported as an
/// error; that injector is left to finish in the background and the next request starts
/// a new one.
Result<InjectorOutcome> runInInjector(const InjectRequest& request, const std::vector<int>& fds,
                                      StepRecorder& steps, std::vector<std::string>& warnings);

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
