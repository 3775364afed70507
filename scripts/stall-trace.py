#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Who held the CPUs while the desktop app's UI thread stalled (a benchmark tool, not a test).

    scripts/stall-trace.py [--mode find|real] [--gap MS] [--runs N] [--min-ms M] [--keep DIR]

Runs `handlescope-gui-bench MODE` N times under `perf record` (scheduler events,
CLOCK_MONOTONIC), each a fresh process (real: refreshes --gap ms apart, default 30), on
whatever load is running (start handlescope-loadgen first). For every run whose longest
stall reaches M ms (default 8) it reads the trace around that stall and splits the stall
into the UI thread's states: running (the app's own UI work), runnable but waiting for a
CPU, and asleep. For the waiting part it names who held each CPU, and says whether any of
them was the app's own thread. Needs root, perf (linux-perf) and a release
build (cmake --preset release -DHANDLESCOPE_BUILD_GUI=ON; cmake --build --preset release).

Why: a timer's lateness says how long the UI thread was late, not why. On a 2-core machine
another program at the same or a higher priority (a shell, PID 1's nice -10 agent) takes a
core for tens of ms; that is not a stall the app caused, and only a trace can tell them apart.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "build", "release", "benchmarks", "handlescope-gui-bench")

EVENT = re.compile(r"^\s*(?P<comm>.+?)\s+(?P<pid>-?\d+)/(?P<tid>\d+)\s+\[(?P<cpu>\d+)\]\s+(?P<time>[\d.]+):\s+"
                   r"sched:(?P<event>\w+):\s+(?P<trace>.*)$")
FIELD = re.compile(r"(\w+)=(\S+)")


def parse_switch(trace):
    # prev_comm may hold spaces; the pids and state do not.
    left, right = trace.split(" ==> ")
    prev = dict(FIELD.findall(left))
    nxt = dict(FIELD.findall(right))
    return int(prev["prev_pid"]), prev["prev_state"], int(nxt["next_pid"]), right.split("next_pid=")[0][len("next_comm="):].strip()


def read_events(data, start, end):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,tid,cpu,time,event,trace",
                          "--time", f"{start:.6f},{end:.6f}"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = EVENT.match(line)
        if m:
            yield m


def attribute(data, ui_tid, stall_end_s, stall_ms):
    """Splits [end - stall, end] into the UI thread's states; names the CPUs' holders while it waited."""
    w0, w1 = stall_end_s - stall_ms / 1000.0, stall_end_s
    tgid_of, comm_of = {}, {}
    current = {}       # cpu -> tid running there
    ui_state = "?"     # running / runnable / asleep
    spent = collections.Counter()
    held = collections.Counter()  # (comm, ours) -> seconds a CPU held while the UI thread waited
    t_prev = w0

    def account(until):
        nonlocal t_prev
        lo = max(t_prev, w0)
        if until > lo:
            spent[ui_state] += until - lo
            if ui_state == "runnable":
                for cpu, tid in current.items():
                    if tid == 0:
                        key = ("<idle>", False)
                    else:
                        key = (comm_of.get(tid, str(tid)), tgid_of.get(tid) == ui_tid)
                    held[key] += until - lo
        t_prev = max(t_prev, until)

    # From 0.5 s before: enough to know each CPU's task and the UI thread's state at w0.
    for m in read_events(data, w0 - 0.5, w1):
        t = float(m["time"])
        tid, pid = int(m["tid"]), int(m["pid"])
        if pid > 0:
            tgid_of[tid] = pid
        comm_of[tid] = m["comm"].strip()
        account(t)
        if m["event"] == "sched_switch":
            prev, state, nxt, next_comm = parse_switch(m["trace"])
            current[int(m["cpu"])] = nxt
            comm_of.setdefault(nxt, next_comm)
            if prev == ui_tid:
                ui_state = "runnable" if state.startswith("R") else "asleep"
            if nxt == ui_tid:
                ui_state = "running"
        elif m["event"] == "sched_wakeup":
            f = dict(FIELD.findall(m["trace"]))
            if int(f["pid"]) == ui_tid and ui_state != "running":
                ui_state = "runnable"
    account(w1)
    return spent, held


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", default="find", choices=["find", "real"])
    ap.add_argument("--gap", type=int, help="real mode: ms between refreshes")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--min-ms", type=int, default=8)
    ap.add_argument("--keep", help="keep the traces of the stalls that reached --min-ms here")
    args = ap.parse_args()
    if not shutil.which("perf"):
        sys.exit("stall-trace: perf not found (apt-get install linux-perf)")
    if not os.access(BENCH, os.X_OK):
        sys.exit(f"stall-trace: {BENCH} missing (build the release preset with the GUI)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    work = tempfile.mkdtemp(prefix="handlescope-stall-trace.")
    stalls = []
    try:
        for run in range(1, args.runs + 1):
            data = os.path.join(work, f"run{run}.data")
            proc = subprocess.run(["perf", "record", "-q", "-k", "CLOCK_MONOTONIC", "-a", "-o", data,
                                   "-e", "sched:sched_switch", "-e", "sched:sched_wakeup", "--", BENCH, args.mode]
                                  + ([str(args.gap)] if args.mode == "real" and args.gap else []),
                                  capture_output=True, text=True, env=env, timeout=300)
            line = next((l for l in proc.stdout.splitlines() if "stall_ms=" in l and "ui_tid=" in l), None)
            if proc.returncode != 0 or line is None:
                print(f"run {run}: the benchmark failed (exit {proc.returncode})\n{proc.stderr[-2000:]}", file=sys.stderr)
                return 1
            kv = dict(x.split("=", 1) for x in line.split() if "=" in x)
            stall = int(kv["stall_ms"])
            print(f"run {run}: stall {stall} ms, longest event {kv['longest_event_wall_ms']} ms", flush=True)
            if stall < args.min_ms:
                os.remove(data)
                continue
            spent, held = attribute(data, int(kv["ui_tid"]), int(kv["stall_end_mono_ns"]) / 1e9, stall)
            ours = sum(s for (comm, mine), s in held.items() if mine)
            others = sorted(((s, comm) for (comm, mine), s in held.items() if not mine), reverse=True)
            # Asleep after the timer was due means blocked inside an event (a lock, Qt's paint
            # pool): counted as the app's, like its own threads holding a CPU for 1 ms or more.
            own_ms = (spent["running"] + spent["asleep"]) * 1000
            verdict = "the app" if own_ms >= args.min_ms / 2 or ours * 1000 >= 1 else "other programs"
            stalls.append((run, stall, verdict))
            print(f"  UI thread: running {spent['running'] * 1000:.1f} ms, waiting for a CPU {spent['runnable'] * 1000:.1f} ms, "
                  f"asleep {spent['asleep'] * 1000:.1f} ms")
            print(f"  CPUs held while it waited: the app's threads {ours * 1000:.1f} ms; others: "
                  + ", ".join(f"{comm} {s * 1000:.1f} ms" for s, comm in others[:5]))
            print(f"  verdict: {verdict}")
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.move(data, os.path.join(args.keep, f"run{run}.data"))
        worst_app = max((s for _, s, v in stalls if v == "the app"), default=0)
        print(f"stall-trace: {args.runs} runs, {len(stalls)} reached {args.min_ms} ms; "
              f"caused by the app: {sum(v == 'the app' for _, _, v in stalls)} (worst {worst_app} ms)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
