#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Soak runs (not ctest tests), Linux, as root:
#   1. handlescope-soak-inject: duplicateHandle + closeRemoteHandle, 10,000 rounds (Pull and
#      Push in turn) into a busy multi-threaded process that checks its own memory and
#      registers, with SIGALRM every 1 ms;
#   2. handlescope-soak-churn: 1,000 short-lived processes while whole-machine snapshots and
#      the desktop app's refreshes (real main window, offscreen) run.
#
#   scripts/soak.sh [--rounds N] [--spawns N] [--only inject|churn] [--no-build]
#
# Builds the release preset (only these targets), prints each program's figures and exits
# non-zero if either failed or crashed. The core's log goes to a temp dir, kept on failure.
# docs/performance.md ("Soak") says what is checked and has results.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=10000
SPAWNS=1000
ONLY=
BUILD=1
usage() { sed -n '3,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --spawns) SPAWNS=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "soak.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $SPAWNS =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --rounds and --spawns take positive integers" >&2; exit 2; }
[[ -z $ONLY || $ONLY == inject || $ONLY == churn ]] || { echo "soak.sh: --only takes inject or churn" >&2; exit 2; }
[[ $(id -u) == 0 ]] || echo "soak.sh: not root: injection needs CAP_SYS_PTRACE and snapshots will miss other users' fds" >&2

TARGETS=(handlescope-soak-target handlescope-soak-inject handlescope-soak-churn)
if [[ $BUILD == 1 ]]; then
    echo "== building the release preset: ${TARGETS[*]}" >&2
    (cd "$ROOT" && cmake --preset release >/dev/null && nice -n 10 cmake --build --preset release --target "${TARGETS[@]}") >&2
fi
BIN=$ROOT/build/release/benchmarks
for t in "${TARGETS[@]}"; do
    [[ -x $BIN/$t ]] || { echo "soak.sh: $BIN/$t missing (build first)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/handlescope-soak.XXXXXX)
KEEP=0
cleanup() { local rc=$?; if [[ $KEEP == 0 ]]; then rm -rf "$WORK"; else echo "soak.sh: logs kept in $WORK/logs" >&2; fi; exit $rc; }
trap cleanup EXIT
export HANDLESCOPE_LOG_DIR=$WORK/logs
export QT_QPA_PLATFORM=offscreen

echo "HandleScope soak, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(uname -srm), $(nproc) CPUs; source $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
echo "Load average (1 min) at start: $(cut -d' ' -f1 /proc/loadavg)"
FAILED=()
run() { # name program args...
    local name=$1 rc=0 start=$SECONDS
    shift
    echo
    "$@" || rc=$?
    echo "  ($name: $((SECONDS - start)) s in all, exit code $rc)"
    if ((rc >= 128)); then
        FAILED+=("$name CRASHED (signal $((rc - 128)))")
    elif ((rc != 0)); then
        FAILED+=("$name failed")
    fi
}
[[ $ONLY == churn ]] || run inject "$BIN/handlescope-soak-inject" --rounds "$ROUNDS"
[[ $ONLY == inject ]] || run churn "$BIN/handlescope-soak-churn" --spawns "$SPAWNS"
echo
echo "Load average (1 min) at end: $(cut -d' ' -f1 /proc/loadavg); soak.sh took $SECONDS s"
if ((${#FAILED[@]})); then
    KEEP=1
    echo "SOAK FAILED: ${FAILED[*]}"
    exit 1
fi
echo "SOAK PASSED"
