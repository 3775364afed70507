#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Side-by-side benchmark: HandleScope's snapshot (core and CLI) against lsfd, lsof and the
# minimal /proc walker, on a machine loaded by handlescope-loadgen. Linux only, as root
# for a full picture (others see only their own processes' fds). Not a ctest test.
#
#   scripts/bench.sh [--procs N] [--fds M] [--rounds R] [--no-build | --bin-dir BUILD_DIR]
#
# Defaults: 200 processes x 500 fds, 5 rounds. Each round runs every tool once, in an
# order that rotates per round; each run's wall time and peak RSS come from
# handlescope-measure (fork/exec + wait4). Prints a Markdown table for docs/performance.md.
# The core snapshot (Full) and the CLI also run once per snapshot backend, forced with
# HANDLESCOPE_SNAPSHOT_BACKEND=procfs|bpf-iter (a backend that cannot run here is skipped).
# --bin-dir takes the programs from another build tree than build/release, building nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROCS=${HS_BENCH_PROCS:-200}
FDS=${HS_BENCH_FDS:-500}
ROUNDS=${HS_BENCH_ROUNDS:-5}
BUILD=1
BIN_DIR=$ROOT/build/release

usage() { sed -n '3,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --procs) PROCS=$2; shift 2 ;;
        --fds) FDS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --bin-dir) BIN_DIR=$(cd "$2" && pwd) || exit 2; BUILD=0; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
for v in "$PROCS" "$FDS" "$ROUNDS"; do
    [[ $v =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: counts must be positive integers" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/handlescope-bench.XXXXXX)
LG_PID=
cleanup() {
    local rc=$?
    if [[ -n $LG_PID ]] && kill -0 "$LG_PID" 2>/dev/null; then
        kill -TERM "$LG_PID" 2>/dev/null || true
        wait "$LG_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

BUILD_LOG=$WORK/cmake.log
if [[ $BUILD == 1 ]]; then
    echo "== building the release preset" >&2
    if ! (cd "$ROOT" && cmake --preset release >"$BUILD_LOG" 2>&1); then
        # The bench needs only core, CLI and benchmarks; do not let a half-written test or
        # GUI folder (or a machine without Qt) stop it. This stays in build/release's cache.
        echo "bench.sh: 'cmake --preset release' failed (see below); configuring it without tests and GUI" >&2
        grep -m 5 -A 3 'CMake Error' "$BUILD_LOG" >&2 || true
        echo "bench.sh: (turn them back on with -DHANDLESCOPE_BUILD_TESTS=ON -DHANDLESCOPE_BUILD_GUI=ON)" >&2
        (cd "$ROOT" && cmake --preset release -DHANDLESCOPE_BUILD_TESTS=OFF -DHANDLESCOPE_BUILD_GUI=OFF >"$BUILD_LOG" 2>&1) ||
            { cat "$BUILD_LOG" >&2; exit 1; }
    fi
    # Only what the bench runs: a full release build with the GUI and tests takes far
    # longer than the bench itself on a small machine.
    targets=(handlescope-loadgen handlescope-floor handlescope-measure)
    for t in handlescope-snapshot-bench handlescope-cli; do
        if (cd "$ROOT" && cmake --build --preset release --target help 2>/dev/null | grep -q "^$t:"); then
            targets+=("$t")
        else
            echo "bench.sh: target $t does not exist yet; its row is skipped" >&2
        fi
    done
    (cd "$ROOT" && cmake --build --preset release --target "${targets[@]}") >&2
fi
find_bin() { # the build puts executables either in bin/ or next to their CMakeLists
    local p
    for p in "$BIN_DIR/bin/$1" "$BIN_DIR/benchmarks/$1" "$BIN_DIR/app/cli/$1"; do
        [[ -x $p ]] && { echo "$p"; return; }
    done
}
LOADGEN=$(find_bin handlescope-loadgen)
FLOOR=$(find_bin handlescope-floor)
MEASURE=$(find_bin handlescope-measure)
CORE=$(find_bin handlescope-snapshot-bench)
CLI=$(find_bin handlescope-cli)
[[ -n $LOADGEN && -n $FLOOR && -n $MEASURE ]] || { echo "bench.sh: benchmark binaries missing (build failed?)" >&2; exit 1; }

# The load generator runs as a coprocess: its stdin is our pipe, so it also cleans up
# if this script is killed before the trap can run.
echo "== starting the load: $PROCS processes x $FDS fds" >&2
coproc LOADGEN_CO { exec "$LOADGEN" --procs "$PROCS" --fds "$FDS" 2>"$WORK/loadgen.err"; }
LG_PID=$LOADGEN_CO_PID
lg_out=${LOADGEN_CO[0]:-}
ready=
if [[ -z $lg_out ]] || ! read -r -t 300 ready <&"$lg_out" || [[ $ready != ready* ]]; then
    echo "bench.sh: the load generator did not get ready:" >&2
    cat "$WORK/loadgen.err" >&2
    exit 1
fi
cat "$WORK/loadgen.err" >&2
others=$(pgrep -c -f '[h]andlescope-loadgen' || true)
if ((others > PROCS + 1)); then
    echo "bench.sh: WARNING: $((others - PROCS - 1)) other handlescope-loadgen processes are running; their fds count too" >&2
fi

# name, command, environment (VAR=value or ""); a missing tool's row is skipped.
declare -a NAMES=() CMDS=() ENVS=()
add_tool() { NAMES+=("$1"); CMDS+=("$2"); ENVS+=("${3:-}"); }
# A backend gets its rows when the core, forced to it, runs and says that it did.
BACKENDS=()
if [[ -n $CORE ]]; then
    for b in procfs bpf-iter; do
        probe=$(HANDLESCOPE_SNAPSHOT_BACKEND=$b "$CORE" --runs 1 --full 2>&1) || true
        if [[ $(awk '{for (i = 1; i < NF; i++) if ($i == "backend") print $(i + 1)}' <<<"$probe") == "$b" ]]; then
            BACKENDS+=("$b")
        else
            echo "bench.sh: the $b backend does not run here; its rows are skipped: ${probe:0:300}" >&2
        fi
    done
fi
# Per backend: the core in process (snapshots and handle counts, each the median of 3 after
# an untimed warm-up that loads the BPF program, as the app and a sampler pay per refresh;
# reported in a table of their own), and the CLI end to end, program load included.
for b in "${BACKENDS[@]}"; do
    add_tool "core snapshot (Fast, $b)" "$CORE --runs 3 --warmup" "HANDLESCOPE_SNAPSHOT_BACKEND=$b"
    add_tool "core snapshot (Full, $b)" "$CORE --runs 3 --warmup --full" "HANDLESCOPE_SNAPSHOT_BACKEND=$b"
done
for b in "${BACKENDS[@]}"; do
    [[ -n $CLI ]] && add_tool "handlescope-cli snapshot --json ($b)" "$CLI snapshot --json" "HANDLESCOPE_SNAPSHOT_BACKEND=$b"
done
for b in "${BACKENDS[@]}"; do
    add_tool "core counts ($b)" "$CORE --runs 3 --warmup --counts" "HANDLESCOPE_SNAPSHOT_BACKEND=$b"
done
command -v lsfd >/dev/null && add_tool "lsfd" "lsfd"
command -v lsof >/dev/null && add_tool "lsof -n -P -w" "lsof -n -P -w"
add_tool "floor (getdents+readlinkat)" "$FLOOR"
N=${#NAMES[@]}

echo "== $ROUNDS rounds of $N tools" >&2
read -r load_before _ </proc/loadavg
# CPU the machine spent during the rounds, from /proc/stat (busy = user..softirq, then steal):
# what our tools did not spend themselves was other processes' (or the hypervisor's).
cpu_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat; }
read -r busy_before steal_before < <(cpu_ticks)
rounds_start=$(date +%s.%N)
: >"$WORK/results.tsv"
for ((r = 0; r < ROUNDS; r++)); do
    for ((k = 0; k < N; k++)); do
        i=$(((k + r) % N))
        out=$WORK/out.$i.$r
        # The environment is set for handlescope-measure, outside the time it measures.
        # shellcheck disable=SC2086  # the command and environment are word lists on purpose
        m=$(env ${ENVS[$i]} "$MEASURE" --stdout "$out" -- ${CMDS[$i]} || true)
        read -r _ wall _ rss _ user _ sys _ code <<<"$m"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$wall" "$rss" "$user" "$sys" "$code" >>"$WORK/results.tsv"
        printf '  round %d %-48s %7.3f s %7.1f MB exit %s\n' $((r + 1)) "${NAMES[$i]}" "$wall" \
            "$(awk -v k="$rss" 'BEGIN{print k/1024}')" "$code" >&2
        # Only the outputs we parse are kept.
        [[ ${NAMES[$i]} == core* || ${NAMES[$i]} == floor* ]] || rm -f "$out"
    done
done

read -r load_after _ </proc/loadavg
read -r busy_after steal_after < <(cpu_ticks)
rounds_s=$(awk -v a="$rounds_start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')

# Handle counts, each tool's own idea of "one row per fd", from a separate run.
# The ratio columns divide by the same rows in every table: lsof and the floor for whole
# programs; the core's Fast snapshot through /proc for the core in process.
core_idx=-1 floor_idx=-1 lsof_idx=-1
for ((i = 0; i < N; i++)); do
    [[ ${NAMES[$i]} == "core snapshot (Fast, procfs)" ]] && core_idx=$i
    [[ ${NAMES[$i]} == floor* ]] && floor_idx=$i
    [[ ${NAMES[$i]} == lsof* ]] && lsof_idx=$i
done
field() { awk -v f="$1" '{for (i = 1; i < NF; i++) if ($i == f) print $(i + 1)}' "$2" | tail -n 1; }
# The median over the rounds of a core row's in-process median_ms.
inproc_median() {
    for ((r = 0; r < ROUNDS; r++)); do field median_ms "$WORK/out.$1.$r"; done |
        sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
core_handles=n/a core_procs=n/a
if ((core_idx >= 0)); then
    core_handles=$(field handles "$WORK/out.$core_idx.$((ROUNDS - 1))")
    core_procs=$(field processes "$WORK/out.$core_idx.$((ROUNDS - 1))")
fi
last_floor=$WORK/out.$floor_idx.$((ROUNDS - 1))
floor_handles=$(field handles "$last_floor")
floor_fds=$(field fds "$last_floor")
floor_procs=$(field processes "$last_floor")
lsfd_fds=n/a lsof_fds=n/a
command -v lsfd >/dev/null && lsfd_fds=$(lsfd -n -o ASSOC | grep -c '^ *[0-9][0-9]*$' || true)
# lsof 4.9x repeats a process's fds for each of its threads; -K i (where known) stops that.
if command -v lsof >/dev/null; then
    lsof_k=(-K i)
    lsof -K i -p $$ >/dev/null 2>&1 || lsof_k=()
    lsof_fds=$(lsof "${lsof_k[@]}" -n -P -w -F f | grep -c '^f[0-9]' || true)
fi

# Medians per tool, then the table.
summary=$(sort -t $'\t' -k1,1n -k2,2g "$WORK/results.tsv" | awk -F '\t' '
    { i = $1; n[i]++; wall[i, n[i]] = $2; if ($3 > rss[i]) rss[i] = $3; cpu[i, n[i]] = $4 + $5; if ($6 != 0) bad[i]++ }
    function median(arr, i, cnt,   t, j, k, x) {
        for (j = 1; j <= cnt; j++) t[j] = arr[i, j]
        for (j = 2; j <= cnt; j++) { x = t[j]; for (k = j - 1; k >= 1 && t[k] > x; k--) t[k + 1] = t[k]; t[k + 1] = x }
        return (cnt % 2) ? t[(cnt + 1) / 2] : (t[cnt / 2] + t[cnt / 2 + 1]) / 2
    }
    END { for (i in n) printf "%d %.4f %.1f %.4f %d %.4f\n", i, median(wall, i, n[i]), rss[i] / 1024, median(cpu, i, n[i]), bad[i] + 0, wall[i, 1] }' |
    sort -n)
med() { awk -v i="$1" '$1 == i {print $2}' <<<"$summary"; }
lsof_med=$( ((lsof_idx >= 0)) && med "$lsof_idx" || echo "")
floor_med=$(med "$floor_idx")
ratio() { [[ -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}' || echo n/a; }

echo
echo "HandleScope benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(uname -srm), $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "Load: $PROCS processes x $FDS fds (handlescope-loadgen), $floor_procs processes in all; $ROUNDS rounds, median wall time; peak RSS is the largest of the rounds"
echo "Source: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown) (the working tree as built; -dirty: uncommitted changes)"
echo "Versions: $(lsof -v 2>&1 | awk '/^ *revision:/ {print "lsof " $NF}'), $(lsfd --version 2>/dev/null | head -n 1)"
echo
# The 1-minute load average still carries the load generator's start (a few hundred forks),
# so whether others competed is judged from the CPU time they used during the rounds.
hz=$(getconf CLK_TCK)
ours=$(awk -F '\t' '{s += $4 + $5} END {print s + 0}' "$WORK/results.tsv")
read -r others_s steal_s verdict < <(awk -v b0="$busy_before" -v b1="$busy_after" -v s0="$steal_before" -v s1="$steal_after" \
    -v hz="$hz" -v ours="$ours" -v t="$rounds_s" 'BEGIN {
        o = (b1 - b0) / hz - ours; if (o < 0) o = 0; st = (s1 - s0) / hz
        printf "%.1f %.1f %s\n", o, st, ((o + st) / t > 0.5) ? "BUSY" : "quiet" }')
echo "During the ${rounds_s%.*} s of rounds, other processes used ${others_s} CPU s and the hypervisor took ${steal_s} s (steal): $verdict$([[ $verdict == BUSY ]] && echo ", more than half a CPU on average; wall times are inflated, compare CPU s")"
echo "Load average (1 min) before the rounds $load_before, after $load_after, on $(nproc) CPUs (it includes the load generator's start)"
echo
echo "Whole programs, process start to exit (the CLI includes loading its BPF program):"
echo
echo "| tool | median s | min s | CPU s (user+sys) | peak RSS MB | vs lsof | vs floor |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for ((i = 0; i < N; i++)); do
    [[ ${NAMES[$i]} == core* ]] && continue
    read -r _ m rss cpu bad mn <<<"$(awk -v i="$i" '$1 == i' <<<"$summary")"
    note=
    ((bad > 0)) && note=" (exit != 0 in $bad runs)"
    printf '| %s%s | %.3f | %.3f | %.3f | %.1f | %s | %s |\n' "${NAMES[$i]}" "$note" "$m" "$mn" "$cpu" "$rss" \
        "$(ratio "$m" "$lsof_med")" "$(ratio "$m" "$floor_med")"
done
echo
echo "The core in process (handlescope-snapshot-bench: median of 3 after a warm-up, then the median over the rounds):"
echo
echo "| call | backend | median ms | vs takeSnapshot(Fast) through procfs |"
echo "|---|---|---:|---:|"
ref_ms=$( ((core_idx >= 0)) && inproc_median "$core_idx" || echo "")
for ((i = 0; i < N; i++)); do
    case ${NAMES[$i]} in
        "core snapshot (Fast, "*) what="takeSnapshot(Fast)" ;;
        "core snapshot (Full, "*) what="takeSnapshot(Full)" ;;
        "core counts ("*) what="countHandles" ;;
        *) continue ;;
    esac
    ms=$(inproc_median "$i")
    printf '| %s | %s | %.1f | %s |\n' "$what" "${ENVS[$i]#*=}" "$ms" "$(ratio "$ms" "$ref_ms")"
done
echo
counts=()
for c in "$core_handles" "$floor_handles" "$lsfd_fds" "$lsof_fds"; do [[ $c =~ ^[0-9]+$ ]] && counts+=("$c"); done
read -r spread diff < <(printf '%s\n' "${counts[@]}" | sort -n |
    awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f %d\n", lo ? 100 * (hi - lo) / lo : 100, hi - lo}')
# Within 2% (or 50 fds on an idle machine): each tool runs at its own moment and counts its own fds.
agree=$(awk -v s="$spread" -v d="$diff" 'BEGIN {print (s <= 2 || d <= 50) ? "agree" : "DISAGREE"}')
echo "Handle counts $agree (spread $spread%, $diff fds, between core, floor, lsfd and lsof; each runs at its own moment and counts its own fds):"
echo "  core $core_handles (in $core_procs processes); floor $floor_handles named + $((floor_fds - floor_handles)) unreadable = $floor_fds fds; lsfd $lsfd_fds numeric-fd rows; lsof${lsof_k:+ -K i} $lsof_fds numeric-fd rows"
