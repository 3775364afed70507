// SPDX-License-Identifier: MIT
// The process iterator's records (bpf/task_info_record.h) turned into ProcessInfo. Built
// without BPF too, so the parser is tested and fuzzed everywhere.
#include "task_info_linux.h"

#include "errno_linux.h"
#include "proc_parse.h"
#include "proc_reader.h"

#include "task_info_record.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>

namespace hs::linux_ {

namespace {

std::string_view comm(const hs_task_record& r)
{
    return {r.comm, ::strnlen(r.comm, sizeof r.comm)};
}

} // namespace

char stateLetter(std::uint32_t state, std::uint32_t exitState)
{
    // include/linux/sched.h: the states /proc reports, one bit each, in the order of
    // "RSDTtXZPI" (task_state_to_char); TASK_IDLE shows as I, frozen and RT-lock waits as D.
    constexpr std::uint32_t kReport = 0x7f, kUninterruptible = 0x2, kIdle = 0x402, kRtlockWait = 0x1000,
                            kFrozen = 0x8000, kReportIdle = 0x80;
    std::uint32_t bits = (state | exitState) & kReport;
    if ((state & kIdle) == kIdle)
        bits = kReportIdle;
    if (state & (kRtlockWait | kFrozen))
        bits = kUninterruptible;
    constexpr std::string_view letters = "RSDTtXZPI";
    const auto index = static_cast<std::size_t>(std::bit_width(bits)); // fls(): 0 for running
    return index < letters.size() ? letters[index] : '?';
}

Result<void> parseTaskRecords(std::string_view bytes, std::vector<IteratedProcess>& out)
{
    const BootClock& clock = bootClock();
    // /proc/PID/stat's start time: nanoseconds since boot in clock ticks (nsec_to_clock_t).
    const std::uint64_t nsPerTick = 1'000'000'000ULL / static_cast<std::uint64_t>(std::max<std::int64_t>(clock.ticksPerSecond, 1));
    while (!bytes.empty()) {
        hs_task_record r;
        if (bytes.size() < sizeof r)
            return fail(errnoError("read BPF process iterator", EPROTO, -1, -1,
                                   "the iterator's output ended inside a record: a mismatch between "
                                   "bpf/task_info.bpf.c and this program"));
        std::memcpy(&r, bytes.data(), sizeof r);
        if (r.args_len > HS_ARGS_MAX || bytes.size() - sizeof r < r.args_len)
            return fail(errnoError("read BPF process iterator", EPROTO, static_cast<Pid>(r.tgid), -1,
                                   "a record's argument text is longer than the output left"));
        const std::string_view args = bytes.substr(sizeof r, r.args_len);
        bytes.remove_prefix(sizeof r + r.args_len);

        IteratedProcess& p = out.emplace_back();
        ProcessInfo& info = p.info;
        info.pid = static_cast<Pid>(r.tgid);
        info.parentPid = static_cast<Pid>(r.ppid);
        info.session = r.sid;
        info.name = comm(r);
        info.uid = r.euid;
        info.user = userName(info.uid);
        info.state = stateFromStat(stateLetter(r.state, r.exit_state), r.flags);
        info.startTime = r.start_boottime / nsPerTick;
        info.started = startedAt(info.startTime);
        p.commandLineComplete = r.args_error == 0 && r.args_total == r.args_len && (args.empty() || args.back() == '\0');
        if (p.commandLineComplete)
            info.commandLine = parseCmdline(args);
    }
    return {};
}

} // namespace hs::linux_
