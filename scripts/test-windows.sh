#!/usr/bin/env bash
# Cross-builds core, CLI and the googletest suite for Windows with mingw-w64 and runs the
# suite under Wine 8. Installs nothing: the caller installs g++-mingw-w64-x86-64-posix,
# wine, wine64, cmake, ninja-build and googletest. Non-interactive (CI=true, no stdin).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export WINEPREFIX="$root/build/windows/wine-prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY
wineserver_bin=/usr/lib/wine/wineserver
[ -x "$wineserver_bin" ] || wineserver_bin=wineserver

start=$(date +%s)
stop_server() {
    WINEPREFIX="$WINEPREFIX" "$wineserver_bin" -k >/dev/null 2>&1 || true
}
trap stop_server EXIT

cmake --preset windows </dev/null
cmake --build --preset windows -j2 </dev/null

# One persistent wineserver for the whole run: each .exe then starts in ~0.05 s instead
# of ~1.5 s. A server left from an earlier run of this prefix is stopped first (a second
# `wineserver -p` would just exit). The prefix is created once (10-14 s) in the build tree.
mkdir -p "$WINEPREFIX"
stop_server
"$wineserver_bin" -w >/dev/null 2>&1 || true
"$wineserver_bin" -p </dev/null >/dev/null 2>&1
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "-- creating the Wine prefix $WINEPREFIX"
    "$root/scripts/wine-run.sh" wineboot --init </dev/null >/dev/null 2>&1 || true
else
    # Start Wine's own services (services.exe, winedevice.exe...) now, with their output
    # on /dev/null: started by the first test instead, they would inherit ctest's output
    # pipe and, kept alive by the persistent server, make ctest wait for it forever.
    "$root/scripts/wine-run.sh" wineboot </dev/null >/dev/null 2>&1 || true
fi

rc=0
ctest --preset windows </dev/null || rc=$?
echo "-- test-windows.sh: ctest exit $rc after $(( $(date +%s) - start )) s"
exit "$rc"
