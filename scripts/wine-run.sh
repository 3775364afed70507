#!/usr/bin/env bash
# Runs a Windows executable under Wine 8 (64-bit) for the cross build's tests.
# The prefix lives inside the build tree (build/windows/wine-prefix) unless WINEPREFIX is set.
# Non-interactive: no display, no Mono/Gecko install dialogs, no debug noise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export WINEPREFIX="${WINEPREFIX:-$here/../build/windows/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
export WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$WINEPREFIX"
exec /usr/lib/wine/wine64 "$@"
