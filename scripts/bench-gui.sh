#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The desktop app's refresh path, measured (not a ctest test): the longest UI-thread stall
# while refreshes are merged into the real main window (offscreen), the app's memory with
# 100,000 handles on the machine, and scrolling. Linux, as root for a full picture.
#
#   scripts/bench-gui.sh [--runs R] [--no-build]
#
# Scenarios: no load (noise floor; a synthetic 300-process / 50,000-handle machine, 2% of
# fds reopened per refresh; 100,000 rows in the handle table); loadgen 200 x 500 (noise
# floor; refreshes 30 ms apart and at the app's 2 s; holders + Find); loadgen 300 x 167.
# Each of R runs is a fresh process; prints Markdown tables.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${HS_BENCH_RUNS:-5}
BUILD=1
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench-gui.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench-gui.sh: --runs takes a positive integer" >&2; exit 2; }

BUILD_DIR=$ROOT/build/release
if [[ $BUILD == 1 ]]; then
    echo "== building the release preset (GUI on, tests off)" >&2
    (cd "$ROOT" && cmake --preset release -DHANDLESCOPE_BUILD_GUI=ON -DHANDLESCOPE_BUILD_TESTS=OFF >/dev/null)
    (cd "$ROOT" && cmake --build --preset release --target handlescope-gui-bench handlescope-loadgen) >&2
fi
BENCH=$BUILD_DIR/benchmarks/handlescope-gui-bench
LOADGEN=$BUILD_DIR/benchmarks/handlescope-loadgen
[[ -x $BENCH && -x $LOADGEN ]] || { echo "bench-gui.sh: $BENCH or $LOADGEN missing (build first)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/handlescope-bench-gui.XXXXXX)
LG_PID=
stop_load() {
    if [[ -n $LG_PID ]] && kill -0 "$LG_PID" 2>/dev/null; then
        kill -TERM "$LG_PID" 2>/dev/null || true
        wait "$LG_PID" 2>/dev/null || true
    fi
    LG_PID=
}
cleanup() { local rc=$?; stop_load; rm -rf "$WORK"; exit $rc; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export QT_QPA_PLATFORM=offscreen
RESULTS=$WORK/results
: >"$RESULTS"
FAILED=0
run() { # scenario mode [args...]: RUNS fresh processes, key=value lines tagged with the scenario
    local scenario=$1 runs=$2
    shift 2
    local rc
    for ((r = 1; r <= runs; r++)); do
        rc=0
        "$BENCH" "$@" >"$WORK/run.out" 2>"$WORK/run.err" || rc=$?
        if ((rc != 0)) || ! grep -q '^mode=' "$WORK/run.out"; then
            echo "bench-gui.sh: '$*' ($scenario) failed with exit code $rc:" >&2
            tail -n 5 "$WORK/run.err" >&2
            FAILED=$((FAILED + 1))
        fi
        grep '^mode=' "$WORK/run.out" | sed "s/^/scenario=$scenario /" | tee -a "$RESULTS" >&2 || true
    done
}
start_load() { # procs fds
    echo "== starting the load: $1 processes x $2 fds" >&2
    coproc LOADGEN_CO { exec "$LOADGEN" --procs "$1" --fds "$2" 2>"$WORK/loadgen.err"; }
    LG_PID=$LOADGEN_CO_PID
    local ready=
    if ! read -r -t 300 ready <&"${LOADGEN_CO[0]}" || [[ $ready != ready* ]]; then
        echo "bench-gui.sh: the load generator did not get ready:" >&2
        cat "$WORK/loadgen.err" >&2
        exit 1
    fi
    sleep 2 # let the machine settle after setting up
}

echo "== no load" >&2
run "no load" 1 idle 10
run "no load" "$RUNS" synthetic
run "no load" "$RUNS" table
start_load 200 500
run "200 x 500" 1 idle 10
run "200 x 500" "$RUNS" real
run "200 x 500, every 2 s" "$RUNS" real 2000
run "200 x 500" "$RUNS" find
stop_load
start_load 300 167
run "300 x 167" "$RUNS" real
stop_load

# key=value lookup, median and max of space-separated lists, for the tables below.
AWK_LIB='
    function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
    function median(list,   a, n, j, k, x) {
        n = split(list, a, " ")
        for (j = 2; j <= n; j++) { x = a[j] + 0; for (k = j - 1; k >= 1 && a[k] + 0 > x; k--) a[k + 1] = a[k]; a[k + 1] = x }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function max(list,   a, n, j, m) { n = split(list, a, " "); m = ""; for (j = 1; j <= n; j++) if (m == "" || a[j] + 0 > m + 0) m = a[j]; return m }
'
echo
echo "HandleScope GUI benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(uname -srm), $(nproc) CPUs; source $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
echo "$RUNS fresh runs per row (idle: one run of 10 s). Stall: the longest lateness of a 5 ms timer"
echo "on the UI thread. Event: the longest single event the UI thread handled, wall and its own CPU."
echo
echo "| load | what | runs | handles on machine | selected process rows | stall ms median / max | longest event ms (CPU ms) | RSS MB median / max | peak RSS MB max | scroll ms max |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
awk "$AWK_LIB"'
    {
        sub(/^scenario=/, ""); split($0, parts, " mode="); scen = parts[1]; $0 = "mode=" parts[2]
        key = scen SUBSEP val("mode")
        if (!(key in seen)) { seen[key] = 1; order[++count] = key }
        if (val("stall_ms") != "") {
            runs[key]++; stall[key] = stall[key] " " val("stall_ms")
            if (val("longest_event_wall_ms") + 0 > ev[key] + 0) { ev[key] = val("longest_event_wall_ms"); evcpu[key] = val("longest_event_cpu_ms") }
            if (val("handles") != "") handles[key] = val("handles")
            if (val("selected_handles") != "") sel[key] = val("selected_handles")
        }
        if (val("rss_kib") != "") { rss[key] = rss[key] " " val("rss_kib") / 1024; hwm[key] = hwm[key] " " val("hwm_kib") / 1024 }
        if (val("scroll_slowest_ms") != "") scroll[key] = scroll[key] " " val("scroll_slowest_ms")
        if (val("rows") != "") { runs[key]++; sel[key] = val("rows"); handles[key] = "-" }
    }
    END {
        for (i = 1; i <= count; i++) {
            key = order[i]; split(key, k, SUBSEP)
            printf "| %s | %s | %d | %s | %s | %s / %s | %s (%s) | %s | %s | %s |\n", k[1], k[2], runs[key],
                (k[2] == "idle" ? "-" : handles[key]), (k[2] == "idle" ? "-" : sel[key]),
                (stall[key] == "" ? "-" : median(stall[key])), (stall[key] == "" ? "-" : max(stall[key])),
                (ev[key] == "" ? "-" : ev[key]), (evcpu[key] == "" ? "-" : evcpu[key]),
                (rss[key] == "" ? "-" : sprintf("%.0f / %.0f", median(rss[key]), max(rss[key]))),
                (hwm[key] == "" ? "-" : sprintf("%.0f", max(hwm[key]))), (scroll[key] == "" ? "-" : max(scroll[key]))
        }
    }' "$RESULTS"
echo
echo "Searches that read every handle of the machine (find mode): the other holders of a handle,"
echo "then Find \"socket\" 2.5 s later (a whole-machine snapshot, freed when the search ends),"
echo "refreshes every 2 s meanwhile."
echo
echo "| load | runs | holders ms median / max | Find ms median / max | Find rows | RSS MB 2 s after Find, median |"
echo "|---|---:|---:|---:|---:|---:|"
awk "$AWK_LIB"'
    {
        sub(/^scenario=/, ""); split($0, parts, " mode="); scen = parts[1]; $0 = "mode=" parts[2]
        if (val("mode") != "find") next
        if (!(scen in seen)) { seen[scen] = 1; order[++count] = scen }
        if (val("find_ms") != "") { runs[scen]++; hold[scen] = hold[scen] " " val("holders_ms"); find[scen] = find[scen] " " val("find_ms"); rows[scen] = val("find_rows") }
        if (val("rss_after_drop_kib") != "") after[scen] = after[scen] " " val("rss_after_drop_kib") / 1024
    }
    END {
        for (i = 1; i <= count; i++) {
            s = order[i]
            printf "| %s | %d | %s / %s | %s / %s | %s | %s |\n", s, runs[s], median(hold[s]), max(hold[s]),
                median(find[s]), max(find[s]), rows[s], (after[s] == "" ? "-" : sprintf("%.0f", median(after[s])))
        }
    }' "$RESULTS"
if ((FAILED > 0)); then
    echo "bench-gui.sh: $FAILED run(s) failed (see above)" >&2
    exit 1
fi
