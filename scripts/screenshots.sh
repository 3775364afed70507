#!/usr/bin/env bash
# Screenshots of the real HandleScope window for docs/gui.md.
# Starts Xvfb, two of the tests' helper processes holding the known fds of
# tests/common/fd_layout.h (its data file at fd 10), runs handlescope in demo mode
# (HANDLESCOPE_DEMO, see app/gui/demodriver.h), which selects the helper's file,
# duplicates it into the other helper through the dialog, then makes a duplicate fail;
# at each stage this script grabs the X screen with `import`.
# Usage: scripts/screenshots.sh [build dir]   (default build/h-gui)
#        HS_SHOTS_STAGE=map or learn scripts/screenshots.sh [build dir]   (only that stage)
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

# Waits for each stage an app demo driver announces ($stages_dir/NAME.ready), grabs the
# screen as NAME.png and lets the driver go on (NAME.done); then ends the app.
shoot_stages() { # $1 = app pid, $2 = stages dir, $3 = app log, $4... = stage names
    local app_pid=$1 stages_dir=$2 log=$3 stage
    shift 3
    for stage in "$@"; do
        for _ in $(seq 600); do
            [[ -e $stages_dir/$stage.ready ]] && break
            kill -0 "$app_pid" 2>/dev/null || { echo "handlescope exited early:" >&2; cat "$log" >&2; exit 1; }
            sleep 0.1
        done
        [[ -e $stages_dir/$stage.ready ]] || { echo "timed out waiting for stage $stage" >&2; cat "$log" >&2; exit 1; }
        DISPLAY=":$N" import -window root "$OUT/$stage.png"
        echo "wrote $OUT/$stage.png"
        touch "$stages_dir/$stage.done"
    done
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" || true
}

# Learn mode (docs/gui.md "Learn mode"): the app's learn demo (app/gui/learndemo.h) walks
# through lesson 1 with its own handlescope-demo processes, one shot per step
# (learn-1 ... learn-7), then runs lesson 2's three ways (learn-three-ways). Needs the
# demo program built (handlescope-demo, found next to the app in the build tree).
# HS_SHOTS_STAGE=learn takes only these.
shoot_learn() {
    local stages_dir=$WORK/stages-learn log=$WORK/app-learn.log
    mkdir -p "$stages_dir" "$WORK/xdg" "$OUT"
    chmod 700 "$WORK/xdg"
    # Its own settings: no saved docks, the first-run bar answered as a learner would have.
    mkdir -p "$WORK/config-learn/HandleScope"
    printf '[learn]\nhintAnswered=true\n' >"$WORK/config-learn/HandleScope/handlescope.conf"
    env LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= DISPLAY=":$N" XDG_RUNTIME_DIR="$WORK/xdg" \
        XDG_CONFIG_HOME="$WORK/config-learn" HANDLESCOPE_LOG_DIR="$WORK/logs" \
        HANDLESCOPE_LEARN_DEMO="$stages_dir" "$APP" >"$log" 2>&1 &
    local app_pid=$!
    PIDS+=($app_pid)
    shoot_stages "$app_pid" "$stages_dir" "$log" learn-1 learn-2 learn-3 learn-4 learn-5 learn-6 learn-7 learn-three-ways
}
if [[ ${HS_SHOTS_STAGE:-} == learn ]]; then
    shoot_learn
    exit 0
fi

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

mkdir -p "$WORK/xdg" "$OUT"
chmod 700 "$WORK/xdg"
export XDG_RUNTIME_DIR=$WORK/xdg XDG_CONFIG_HOME=$WORK/config HANDLESCOPE_LOG_DIR=$WORK/logs
# Runs the demo app with the environment given as arguments (VAR=value...) and grabs the
# screen at each stage in STAGES, writing $OUT/<stage><SUFFIX>.png; the app is stopped
# after the last one.
shoot() { # $1 = file name suffix, $2... = environment for the app
    local suffix=$1 stages_dir=$WORK/stages$1 log=$WORK/app$1.log
    shift
    mkdir -p "$stages_dir"
    env "$@" DISPLAY=":$N" HANDLESCOPE_DEMO="$stages_dir" HANDLESCOPE_DEMO_SOURCE="${DEMO_SOURCE:-$SOURCE_PID:10}" \
        HANDLESCOPE_DEMO_TARGET="$TARGET_PID" "$APP" >"$log" 2>&1 &
    local app_pid=$!
    PIDS+=($app_pid)
    for stage in "${STAGES[@]}"; do
        for _ in $(seq 600); do
            [[ -e $stages_dir/$stage.ready ]] && break
            kill -0 "$app_pid" 2>/dev/null || { echo "handlescope exited early:" >&2; cat "$log" >&2; exit 1; }
            sleep 0.1
        done
        [[ -e $stages_dir/$stage.ready ]] || { echo "timed out waiting for stage $stage" >&2; cat "$log" >&2; exit 1; }
        DISPLAY=":$N" import -window root "$OUT/$stage$suffix.png"
        echo "wrote $OUT/$stage$suffix.png"
        touch "$stages_dir/$stage.done"
    done
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" || true
}

# The handle map (docs/gui.md "Handle map"): the duplicate dialog's map before, during
# (the injector held before pidfd_getfd by the core's test hook, core/src/linux/inject/
# test_hooks.h) and after a duplicate of the source's data file into the target, then the
# Object Map dock on a pipe hs_peer_helper shares with its child (app/gui/mapdemo.h).
shoot_map() {
    local stages_dir=$WORK/stages-map log=$WORK/app-map.log peer_helper=$BUILD/tests/common/hs_peer_helper
    [[ -x $peer_helper ]] || { echo "missing $peer_helper: build hs_peer_helper first" >&2; exit 1; }
    mkfifo "$WORK/map-peers.in"
    sleep 600 >"$WORK/map-peers.in" &
    PIDS+=($!)
    "$peer_helper" <"$WORK/map-peers.in" >"$WORK/map-peers.out" &
    local peer_pid=$!
    PIDS+=($peer_pid)
    for _ in $(seq 50); do grep -q '^ready' "$WORK/map-peers.out" 2>/dev/null && break; sleep 0.1; done
    local pipe_fd
    pipe_fd=$(sed -n 's/^ready.* pipe_read=\([0-9]*\).*/\1/p' "$WORK/map-peers.out")
    mkdir -p "$stages_dir"
    # Its own settings: docks another run left open would show too.
    env LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= DISPLAY=":$N" XDG_CONFIG_HOME="$WORK/config-map" \
        HANDLESCOPE_TEST_INJECT=hold:pidfd_getfd:2000 HANDLESCOPE_MAP_DEMO="$stages_dir" \
        HANDLESCOPE_MAP_DEMO_SOURCE="$SOURCE_PID:10" HANDLESCOPE_MAP_DEMO_TARGET="$TARGET_PID" \
        HANDLESCOPE_MAP_DEMO_OBJECT="$peer_pid:$pipe_fd" "$APP" >"$log" 2>&1 &
    local app_pid=$!
    PIDS+=($app_pid)
    shoot_stages "$app_pid" "$stages_dir" "$log" map-before map-during map-after object-map
}
# HS_SHOTS_STAGE=map: only the handle map's screenshots.
if [[ ${HS_SHOTS_STAGE:-} == map ]]; then
    shoot_map
    exit 0
fi

# LANG=C: the English window whatever the caller's locale (the app follows it).
STAGES=(main duplicate-dialog duplicate-success duplicate-failure log-panel)
shoot "" LANG=C LC_ALL= LC_MESSAGES= LANGUAGE=
# The main window in French: the same app under a French locale (docs/gui.md, Languages).
STAGES=(main)
shoot -fr LANG=fr_FR.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=

# Leak hunting (README "Hunting a leak"; docs/gui.md): the tests' leak helpers leak, churn,
# step and saw (tests/common/hs_leak_helper.cpp) while the app's leak demo
# (app/gui/leakdemo.h) charts the leaker by type, lists the suspects, diffs two snapshots
# of it and traces it in "Opened by" (root and a kernel with BTF).
shoot_leaks() {
    local leak_helper=$BUILD/tests/common/hs_leak_helper stages_dir=$WORK/leak-stages log=$WORK/leak-app.log
    [[ -x $leak_helper ]] || { echo "missing $leak_helper: build hs_leak_helper first" >&2; exit 1; }
    local mode leaker_pid=""
    for mode in leak churn step saw; do
        mkfifo "$WORK/leak-$mode.in"
        sleep 600 >"$WORK/leak-$mode.in" &
        PIDS+=($!)
        "$leak_helper" "$mode" <"$WORK/leak-$mode.in" >"$WORK/leak-$mode.out" &
        PIDS+=($!)
        for _ in $(seq 50); do grep -q '^ready' "$WORK/leak-$mode.out" 2>/dev/null && break; sleep 0.1; done
        [[ $mode == leak ]] && leaker_pid=$(sed -n 's/^ready pid=\([0-9]*\).*/\1/p' "$WORK/leak-$mode.out")
    done
    echo "leaking helper pid $leaker_pid"
    mkdir -p "$stages_dir"
    env LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= DISPLAY=":$N" HANDLESCOPE_LEAK_DEMO="$stages_dir" \
        HANDLESCOPE_LEAK_DEMO_PID="$leaker_pid" "$APP" >"$log" 2>&1 &
    local app_pid=$!
    PIDS+=($app_pid)
    for stage in leak-chart leak-suspects leak-diff opened-by; do
        for _ in $(seq 600); do
            [[ -e $stages_dir/$stage.ready ]] && break
            kill -0 "$app_pid" 2>/dev/null || { echo "handlescope exited early:" >&2; cat "$log" >&2; exit 1; }
            sleep 0.1
        done
        [[ -e $stages_dir/$stage.ready ]] || { echo "timed out waiting for stage $stage" >&2; cat "$log" >&2; exit 1; }
        DISPLAY=":$N" import -window root "$OUT/$stage.png"
        echo "wrote $OUT/$stage.png"
        touch "$stages_dir/$stage.done"
    done
    wait "$app_pid" || true
}
shoot_leaks
# The privilege bar (issue 18): the app run by nobody, who may not read root's processes
# (the helpers above among them). No demo: the script waits for the first refreshes. As
# in tests/common/run_as_nobody.sh, the binary is copied where nobody may run it; Xvfb
# was started without -auth, so nobody may draw on it.
shoot_as_nobody() { # $1 = output file
    local dir=$WORK/nobody
    mkdir -p "$dir/bin" "$dir/runtime" "$dir/logs" "$dir/config"
    cp "$APP" "$dir/bin/"
    chmod 0700 "$dir/runtime"
    chown -R 65534:65534 "$dir"
    HOME=$dir XDG_RUNTIME_DIR=$dir/runtime XDG_CONFIG_HOME=$dir/config HANDLESCOPE_LOG_DIR=$dir/logs \
        DISPLAY=":$N" LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= \
        setpriv --reuid=65534 --regid=65534 --clear-groups -- "$dir/bin/handlescope" >"$WORK/nobody.log" 2>&1 &
    local app_pid=$!
    PIDS+=($app_pid)
    sleep 6
    kill -0 "$app_pid" 2>/dev/null || { echo "handlescope (as nobody) exited early:" >&2; cat "$WORK/nobody.log" >&2; exit 1; }
    DISPLAY=":$N" import -window root "$OUT/$1"
    echo "wrote $OUT/$1"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" || true
}
if [[ $(id -u) == 0 ]]; then
    shoot_as_nobody privilege-bar.png
else
    echo "not root: privilege-bar.png needs root to run the app as nobody; kept as it was" >&2
fi

# The Explain pane (README "The Explain pane", docs/gui.md): the source helper's data file
# explained in the main window's dock, then the duplicate dialog's Explain tab with
# close-source ticked, driven by HANDLESCOPE_EXPLAIN_DEMO (app/gui/explaindemo.h).
explain_stages=$WORK/stages-explain
mkdir -p "$explain_stages"
# Its own settings: the window state the runs above saved (their docks) would show too.
env LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= DISPLAY=":$N" XDG_CONFIG_HOME="$WORK/config-explain" \
    HANDLESCOPE_EXPLAIN_DEMO="$explain_stages" \
    HANDLESCOPE_EXPLAIN_DEMO_SOURCE="$SOURCE_PID:10" HANDLESCOPE_EXPLAIN_DEMO_TARGET="$TARGET_PID" \
    "$APP" >"$WORK/app-explain.log" 2>&1 &
explain_app=$!
PIDS+=($explain_app)
for stage in explain explain-duplicate; do
    for _ in $(seq 600); do
        [[ -e $explain_stages/$stage.ready ]] && break
        kill -0 "$explain_app" 2>/dev/null || { echo "handlescope exited early:" >&2; cat "$WORK/app-explain.log" >&2; exit 1; }
        sleep 0.1
    done
    [[ -e $explain_stages/$stage.ready ]] || { echo "timed out waiting for stage $stage" >&2; cat "$WORK/app-explain.log" >&2; exit 1; }
    DISPLAY=":$N" import -window root "$OUT/$stage.png"
    echo "wrote $OUT/$stage.png"
    touch "$explain_stages/$stage.done"
done
kill "$explain_app" 2>/dev/null || true
wait "$explain_app" || true
# Peers (docs/gui.md): hs_peer_helper's loopback TCP server end selected; its Name and the
# details name the child holding the client end, and the socketpair and pipe rows theirs.
PEER_HELPER=$BUILD/tests/common/hs_peer_helper
[[ -x $PEER_HELPER ]] || { echo "missing $PEER_HELPER: build hs_peer_helper first" >&2; exit 1; }
mkfifo "$WORK/peers.in"
sleep 600 >"$WORK/peers.in" &
PIDS+=($!)
"$PEER_HELPER" <"$WORK/peers.in" >"$WORK/peers.out" &
PEER_PID=$!
PIDS+=($PEER_PID)
for _ in $(seq 50); do grep -q '^ready' "$WORK/peers.out" 2>/dev/null && break; sleep 0.1; done
PEER_FD=$(sed -n 's/^ready.* tcp_server=\([0-9]*\).*/\1/p' "$WORK/peers.out")
STAGES=(main)
# Its own settings: the docks the leak run left open would show too.
DEMO_SOURCE="$PEER_PID:$PEER_FD" shoot -peers LANG=C LC_ALL= LC_MESSAGES= LANGUAGE= XDG_CONFIG_HOME="$WORK/config-peers"
mv "$OUT/main-peers.png" "$OUT/peers.png"
echo "renamed it $OUT/peers.png"
shoot_map
shoot_learn
