#!/usr/bin/env bash
# The README's first command: install what is missing, build, and launch HandleScope.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# The app only: tests build in the dev preset. GUI on explicitly, in case an earlier
# configure of build/release (scripts/bench.sh) turned it off.
cmake --preset release -DHANDLESCOPE_BUILD_GUI=ON -DHANDLESCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release -j"$(nproc)"

if [ -x build/release/app/gui/handlescope ]; then
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "run-app: no display; starting on a virtual one (Xvfb :77). Set DISPLAY to use yours." >&2
        Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        trap 'kill $! 2>/dev/null || true' EXIT
        export DISPLAY=:77
        sleep 1
        build/release/app/gui/handlescope "$@" # not exec: the trap stops Xvfb afterwards
        exit $?
    fi
    exec build/release/app/gui/handlescope "$@"
fi
# Without the GUI target (HANDLESCOPE_BUILD_GUI=OFF) the CLI is the app.
exec build/release/app/cli/handlescope-cli ps
