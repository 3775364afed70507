// SPDX-License-Identifier: MIT
// handlescope-soak-inject (not a ctest test; scripts/soak.sh runs it): duplicateHandle +
// closeRemoteHandle, round after round, into a busy multi-threaded process that checks
// itself (handlescope-soak-target target: SIGALRM every 1 ms, register sums, memory
// patterns, pipe sequence numbers, see soak_target.cpp).
//
//   handlescope-soak-inject [--rounds N] [--workers W]
//
// Round i: method Pull for even i, Push for odd i; source this process (a regular file)
// for i mod 4 in {0,1}, else a second soak target (its busy feed pipe). After each
// duplicate an independent kcmp() checks that the new fd is the source's open file, and
// after each close that the number is gone. Every 250 rounds both targets report their
// counters, which must all have moved (a thread left stopped would not).
//
// Exits 1 on a corruption or an unexpected error in a target, an fd leaked in a target or
// here, a target that died or stalled, a failed round or a failed check; 0 otherwise.
#include "bench_args.h"
#include "soak_child.h"

#include "handlescope/duplicate.h"
#include "handlescope/log.h"

#include <linux/kcmp.h>
#include <signal.h>
#include <sys/syscall.h>

#include <array>
#include <cinttypes>
#include <cstdlib>
#include <map>

#ifndef SOAK_TARGET_PATH
#error "SOAK_TARGET_PATH must name handlescope-soak-target"
#endif

namespace {

using Clock = std::chrono::steady_clock;

int kcmpFile(pid_t a, pid_t b, int fdA, int fdB)
{
    return static_cast<int>(::syscall(SYS_kcmp, a, b, KCMP_FILE, fdA, fdB));
}

struct Target {
    soak::Child child;
    int pipeFd = -1;
    int threads = 0;
    std::string lastStats;
    std::vector<long long> progress;
    bool dead = false;
    std::string deathReason;
};

std::optional<Target> startTarget(int workers)
{
    auto child = soak::spawn({SOAK_TARGET_PATH, "target", "--workers", std::to_string(workers)}, true, true);
    if (!child)
        return std::nullopt;
    Target t{std::move(*child)};
    const auto ready = soak::readLine(t.child, std::chrono::seconds(10));
    if (!ready || !ready->starts_with("ready ")) {
        std::fprintf(stderr, "soak-inject: the target did not get ready (%s)\n", ready ? ready->c_str() : "no line");
        return std::nullopt;
    }
    t.pipeFd = static_cast<int>(soak::number(soak::field(*ready, "pipe_fd")));
    t.threads = static_cast<int>(soak::number(soak::field(*ready, "threads")));
    return t;
}

/// True while it runs. Checked after every round: no thread of ours traces it then (a
/// tracer in another process gets its stops, not us), so waitpid can only report its exit.
bool alive(Target& t)
{
    if (t.dead)
        return false;
    int status = 0;
    const pid_t r = ::waitpid(t.child.pid, &status, WNOHANG);
    if (r == t.child.pid && (WIFEXITED(status) || WIFSIGNALED(status))) {
        t.dead = true;
        t.deathReason = soak::describeStatus(status);
        return false;
    }
    return true;
}

std::vector<long long> parseProgress(const std::string& text)
{
    std::vector<long long> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        out.push_back(soak::number(text.substr(start, comma - start)));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

/// Asks for the counters; returns the threads that made no progress since the last ask.
std::optional<int> askStats(Target& t, const char* name)
{
    if (!soak::send(t.child, "stats"))
        return std::nullopt;
    const auto line = soak::readLine(t.child, std::chrono::seconds(10));
    if (!line || !line->starts_with("stats ")) {
        std::fprintf(stderr, "soak-inject: %s did not answer 'stats'\n", name);
        return std::nullopt;
    }
    t.lastStats = *line;
    const auto now = parseProgress(soak::field(*line, "progress"));
    int stuck = 0;
    for (std::size_t i = 0; i < now.size() && i < t.progress.size(); ++i)
        stuck += now[i] <= t.progress[i];
    t.progress = now;
    return stuck;
}

struct Totals {
    long long alarms = 0;
    long long corruptions = 0;
    long long unexpected = 0;
    long long eintr = 0;
    std::string firstError;
};

/// Stops a target and reads its final counters; marks it dead unless it exited 0.
Totals finish(Target& t, const char* name)
{
    Totals out;
    (void)soak::send(t.child, "quit");
    const auto line = soak::readLine(t.child, std::chrono::seconds(20));
    const std::string stats = line && line->starts_with("final ") ? *line : t.lastStats;
    int status = 0;
    pid_t r = 0;
    for (int i = 0; i < 200 && (r = ::waitpid(t.child.pid, &status, WNOHANG)) == 0; ++i)
        ::usleep(50'000);
    if (r == 0) {
        ::kill(t.child.pid, SIGKILL);
        ::waitpid(t.child.pid, &status, 0);
        t.dead = true;
        t.deathReason = "did not exit after quit (killed)";
    } else if (!t.dead && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        t.dead = true;
        t.deathReason = soak::describeStatus(status);
    }
    if (!line)
        std::fprintf(stderr, "soak-inject: %s gave no final stats; using the last ones\n", name);
    out.alarms = soak::number(soak::field(stats, "alarms"), 0);
    out.corruptions = soak::number(soak::field(stats, "corruptions"), 0);
    out.unexpected = soak::number(soak::field(stats, "unexpected"), 0);
    out.eintr = soak::number(soak::field(stats, "eintr_expected"), 0);
    out.firstError = soak::field(stats, "first_error");
    ::close(t.child.toChild);
    ::close(t.child.fromChild);
    return out;
}

/// "t" in any task of the process, or a tracer: something left it stopped or attached.
std::string leftTraced(pid_t pid)
{
    std::string out;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = ::opendir(dir.c_str());
    if (!d)
        return out;
    while (const dirent* e = ::readdir(d)) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        std::FILE* f = std::fopen((dir + "/" + e->d_name + "/status").c_str(), "r");
        if (!f)
            continue;
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            const std::string_view l(line);
            if ((l.starts_with("State:") && (l.find("(tracing stop)") != l.npos || l.find("(stopped)") != l.npos))
                || (l.starts_with("TracerPid:") && soak::number(std::string(l.substr(10))) != 0))
                out += std::string(" tid ") + e->d_name + ": " + std::string(l.substr(0, l.size() - 1));
        }
        std::fclose(f);
    }
    ::closedir(d);
    return out;
}

void printTimes(const char* what, const std::vector<double>& us)
{
    const auto p = soak::percentiles(us);
    std::printf("  %-34s n=%-6zu median %8.1f us   p99 %8.1f us   max %8.1f us\n", what, p.n, p.median, p.p99, p.max);
}

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-soak-inject",
                     "usage: handlescope-soak-inject [--rounds N] [--workers W]\n"
                     "  N rounds (default 10000) of duplicate + close into a busy handlescope-soak-target\n"
                     "  with W worker threads (default 4); exits 1 if any check failed.\n");
    long rounds = 10'000;
    int workers = 4;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--rounds")
            rounds = args.number(arg, 1, 100'000'000);
        else if (arg == "--workers")
            workers = static_cast<int>(args.number(arg, 1, 256));
        else
            args.unknown(arg);
    }
    // A target that died must not take this process with it (a write to its stdin), and
    // what was printed before a crash of ours must not stay in a buffer.
    ::signal(SIGPIPE, SIG_IGN);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    (void)hs::log::get("soak"); // opens the log file now, before the fds are counted
    hs::log::setConsoleLevel(spdlog::level::err); // EINTR warnings are counted below; the file has them all

    char path[] = "/tmp/handlescope-soak-XXXXXX";
    const int file = ::mkostemp(path, O_CLOEXEC);
    if (file < 0 || ::write(file, "soak\n", 5) != 5) {
        std::perror("soak-inject: temp file");
        return 1;
    }
    ::unlink(path);

    auto target = startTarget(workers);
    auto helper = startTarget(2);
    if (!target || !helper)
        return 1;
    const pid_t self = ::getpid();
    const pid_t tgt = target->child.pid;
    const pid_t hlp = helper->child.pid;
    (void)askStats(*target, "target");
    (void)askStats(*helper, "helper");
    // One warm-up round first: from its first duplicate on, this process holds one socket to
    // its injector process (core/src/linux/inject/injector.h) for good; the counts that must
    // not change are taken after it.
    if (auto warm = hs::duplicateHandle(self, file, tgt); !warm || !hs::closeRemoteHandle(tgt, warm->newHandle)) {
        std::fprintf(stderr, "soak-inject: the warm-up round failed\n");
        return 1;
    }
    const int targetFdsBefore = soak::countFds(tgt);
    const int helperFdsBefore = soak::countFds(hlp);
    const int selfFdsBefore = soak::countFds(self);
    std::printf("Injection soak: %ld rounds of duplicateHandle + closeRemoteHandle into pid %d (main thread, %d "
                "workers, feeder; SIGALRM every 1 ms)\n",
                rounds, tgt, workers);
    std::printf("  sources: this process (pid %d, fd %d, a regular file) and helper pid %d (fd %d, its feed pipe)\n",
                self, file, hlp, helper->pipeFd);
    std::fflush(stdout);

    std::map<std::string, std::vector<double>> dupUs; // by "method, source"
    std::array<std::vector<double>, 2> byMethod;       // Pull, Push
    std::vector<double> closeUs;
    long done = 0;
    long failures = 0;
    long checkFailures = 0;
    long warnings = 0;
    int stuckPolls = 0;
    std::vector<std::string> messages;
    std::string firstWarning;
    auto record = [&](std::string msg) {
        if (messages.size() < 5)
            messages.push_back(std::move(msg));
    };
    const auto t0 = Clock::now();
    for (long i = 0; i < rounds; ++i) {
        const bool push = i % 2 == 1;
        const bool fromHelper = i % 4 >= 2;
        const pid_t source = fromHelper ? hlp : self;
        const int fd = fromHelper ? helper->pipeFd : file;
        hs::DuplicateOptions options;
        options.method = push ? hs::DuplicateMethod::Push : hs::DuplicateMethod::Pull;
        const auto d0 = Clock::now();
        auto dup = hs::duplicateHandle(source, fd, tgt, options);
        const auto d1 = Clock::now();
        ++done;
        if (!dup) {
            ++failures;
            record("round " + std::to_string(i) + " duplicate: " + dup.error().message());
        } else {
            const double us = std::chrono::duration<double, std::micro>(d1 - d0).count();
            dupUs[std::string(push ? "Push" : "Pull") + (fromHelper ? ", from helper" : ", from self")].push_back(us);
            byMethod[push ? 1 : 0].push_back(us);
            warnings += static_cast<long>(dup->warnings.size());
            if (firstWarning.empty() && !dup->warnings.empty())
                firstWarning = dup->warnings.front();
            const int newFd = static_cast<int>(dup->newHandle);
            if (kcmpFile(tgt, source, newFd, fd) != 0) {
                ++checkFailures;
                record("round " + std::to_string(i) + ": new fd " + std::to_string(newFd)
                       + " is not the source's open file (kcmp: " + std::strerror(errno) + ")");
            }
            const auto c0 = Clock::now();
            auto closed = hs::closeRemoteHandle(tgt, newFd);
            const auto c1 = Clock::now();
            if (!closed) {
                ++failures;
                record("round " + std::to_string(i) + " close: " + closed.error().message());
            } else {
                closeUs.push_back(std::chrono::duration<double, std::micro>(c1 - c0).count());
                if (kcmpFile(tgt, self, newFd, file) >= 0 || errno != EBADF) {
                    ++checkFailures;
                    record("round " + std::to_string(i) + ": fd " + std::to_string(newFd)
                           + " is still open in the target after closeRemoteHandle");
                }
            }
        }
        if (!alive(*target) || !alive(*helper))
            break;
        if ((i + 1) % 250 == 0 || i + 1 == rounds) {
            for (auto* t : {&*target, &*helper}) {
                const auto stuck = askStats(*t, t == &*target ? "target" : "helper");
                if (!stuck) {
                    t->dead = true;
                    t->deathReason = "stopped answering";
                } else if (*stuck > 0) {
                    ++stuckPolls;
                    record("after round " + std::to_string(i) + ": " + std::to_string(*stuck) + " thread(s) of pid "
                           + std::to_string(t->child.pid) + " made no progress in 250 rounds");
                }
            }
            if (target->dead || helper->dead)
                break;
        }
        if ((i + 1) % 1000 == 0)
            std::fprintf(stderr, "soak-inject: %ld rounds, %ld failures, %.1f s\n", i + 1, failures,
                         std::chrono::duration<double>(Clock::now() - t0).count());
    }
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();

    const std::string tracedTarget = target->dead ? std::string() : leftTraced(tgt);
    const std::string tracedHelper = helper->dead ? std::string() : leftTraced(hlp);
    const int targetFdsAfter = target->dead ? -1 : soak::countFds(tgt);
    const int helperFdsAfter = helper->dead ? -1 : soak::countFds(hlp);
    const int selfFdsAfter = soak::countFds(self);
    const bool targetDiedEarly = target->dead;
    const bool helperDiedEarly = helper->dead;
    const Totals tt = finish(*target, "target");
    const Totals ht = finish(*helper, "helper");
    ::close(file);

    std::printf("  rounds done                        %ld of %ld\n", done, rounds);
    std::printf("  failures                           %ld\n", failures);
    std::printf("  failed checks (kcmp)               %ld\n", checkFailures);
    for (const auto& m : messages)
        std::printf("    %s\n", m.c_str());
    std::printf("  corruptions reported               target %lld, helper %lld\n", tt.corruptions, ht.corruptions);
    std::printf("  unexpected syscall errors          target %lld, helper %lld\n", tt.unexpected, ht.unexpected);
    if (!tt.firstError.empty() && tt.firstError != "-")
        std::printf("    target's first: %s\n", tt.firstError.c_str());
    if (!ht.firstError.empty() && ht.firstError != "-")
        std::printf("    helper's first: %s\n", ht.firstError.c_str());
    std::printf("  expected EINTR (nanosleep, epoll_wait) target %lld, helper %lld\n", tt.eintr, ht.eintr);
    std::printf("  EINTR warnings from duplicateHandle %ld%s%s\n", warnings, firstWarning.empty() ? "" : ": ",
                firstWarning.c_str());
    std::printf("  SIGALRMs handled                   target %lld, helper %lld (%.0f ms of timer; pending ones "
                "coalesce)\n",
                tt.alarms, ht.alarms, wall * 1000);
    std::printf("  stalled-thread checks              %d\n", stuckPolls);
    auto fds = [](int n) { return n < 0 ? std::string("- (gone)") : std::to_string(n); };
    std::printf("  fds in target                      before %d, after %s\n", targetFdsBefore,
                fds(targetFdsAfter).c_str());
    std::printf("  fds in helper (source)             before %d, after %s\n", helperFdsBefore,
                fds(helperFdsAfter).c_str());
    std::printf("  fds in this process                before %d, after %d\n", selfFdsBefore, selfFdsAfter);
    if (!tracedTarget.empty() || !tracedHelper.empty())
        std::printf("  left stopped or traced:%s%s\n", tracedTarget.c_str(), tracedHelper.c_str());
    if (target->dead)
        std::printf("  target %s%s\n", targetDiedEarly ? "DIED during the soak: " : "ended badly: ",
                    target->deathReason.c_str());
    if (helper->dead)
        std::printf("  helper %s%s\n", helperDiedEarly ? "DIED during the soak: " : "ended badly: ",
                    helper->deathReason.c_str());
    std::printf("  time per call:\n");
    printTimes("duplicate Pull", byMethod[0]);
    printTimes("duplicate Push", byMethod[1]);
    for (const auto& [what, us] : dupUs)
        printTimes(("  duplicate " + what).c_str(), us);
    printTimes("closeRemoteHandle", closeUs);
    std::printf("  wall time                          %.1f s\n", wall);

    std::vector<std::string> why;
    if (tt.corruptions + ht.corruptions > 0)
        why.push_back("corruption");
    if (tt.unexpected + ht.unexpected > 0)
        why.push_back("unexpected errors in a target");
    if (targetFdsAfter != targetFdsBefore || helperFdsAfter != helperFdsBefore || selfFdsAfter != selfFdsBefore)
        why.push_back("fd count changed");
    if (target->dead || helper->dead)
        why.push_back("target death");
    if (stuckPolls > 0 || !tracedTarget.empty() || !tracedHelper.empty())
        why.push_back("stalled or stopped threads");
    if (failures > 0 || checkFailures > 0 || done < rounds)
        why.push_back("failed rounds");
    std::string verdict;
    for (const auto& w : why)
        verdict += (verdict.empty() ? "" : ", ") + w;
    std::printf("  result                             %s\n", why.empty() ? "PASS" : ("FAIL: " + verdict).c_str());
    return why.empty() ? 0 : 1;
}
