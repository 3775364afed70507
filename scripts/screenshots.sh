#!/usr/bin/env bash
# Screenshots of the real HandleScope window for docs/gui.md.
# Starts Xvfb, two of the tests' helper processes holding the known fds of
# tests/common/fd_layout.h (its data file at fd 10), runs handlescope in demo mode
# (HANDLESCOPE_DEMO, see app/gui/demodriver.h), which selects the helper's file,
# duplicates it into the other helper through the dialog, then makes a duplicate fail;
# at each stage this script grabs the X screen with `import`.
# Usage: scripts/screenshots.sh [build dir]   (default build/h-gui)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/h-gui}
APP=$BUILD/app/gui/handlescope
HELPER=$BUILD/tests/common/hs_fd_helper
OUT=$ROOT/screenshots
N=${HS_XVFB_DISPLAY:-97}
WORK=$(mktemp -d /tmp/hs-shots.XXXXXX)
PIDS=()

cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

for f in "$APP" "$HELPER"; do
    [[ -x $f ]] || { echo "missing $f: build handlescope and hs_fd_helper first" >&2; exit 1; }
done
command -v Xvfb >/dev/null && command -v import >/dev/null || { echo "needs Xvfb and ImageMagick import" >&2; exit 1; }

Xvfb ":$N" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [[ -S /tmp/.X11-unix/X$N ]] && break; sleep 0.1; done

# Helpers stay alive while their stdin (a sleeping writer) is open. Not run in $(...): the
# pids must reach PIDS in this shell, or the cleanup leaves writer and helper behind.
start_helper() { # $1 = name, $2 = variable for the helper's pid
    mkfifo "$WORK/$1.in"
    sleep 600 >"$WORK/$1.in" &
    PIDS+=($!)
    "$HELPER" <"$WORK/$1.in" >"$WORK/$1.out" &
    PIDS+=($!)
    for _ in $(seq 50); do grep -q '^ready' "$WORK/$1.out" 2>/dev/null && break; sleep 0.1; done
    printf -v "$2" '%s' "$(sed -n 's/^ready pid=\([0-9]*\).*/\1/p' "$WORK/$1.out")"
}
start_helper source SOURCE_PID
start_helper target TARGET_PID
echo "source helper pid $SOURCE_PID (fd 10 = its data file), target helper pid $TARGET_PID"

mkdir -p "$WORK/xdg" "$WORK/stages" "$OUT"
chmod 700 "$WORK/xdg"
export XDG_RUNTIME_DIR=$WORK/xdg XDG_CONFIG_HOME=$WORK/config HANDLESCOPE_LOG_DIR=$WORK/logs
DISPLAY=":$N" HANDLESCOPE_DEMO="$WORK/stages" HANDLESCOPE_DEMO_SOURCE="$SOURCE_PID:10" \
    HANDLESCOPE_DEMO_TARGET="$TARGET_PID" "$APP" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)

for stage in main duplicate-dialog duplicate-success duplicate-failure log-panel; do
    for _ in $(seq 600); do
        [[ -e $WORK/stages/$stage.ready ]] && break
        kill -0 "$APP_PID" 2>/dev/null || { echo "handlescope exited early:" >&2; cat "$WORK/app.log" >&2; exit 1; }
        sleep 0.1
    done
    [[ -e $WORK/stages/$stage.ready ]] || { echo "timed out waiting for stage $stage" >&2; cat "$WORK/app.log" >&2; exit 1; }
    DISPLAY=":$N" import -window root "$OUT/$stage.png"
    echo "wrote $OUT/$stage.png"
    touch "$WORK/stages/$stage.done"
done
wait "$APP_PID" || true
