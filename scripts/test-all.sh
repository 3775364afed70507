#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run every test:
# Linux (Debug with -Werror, the Debian package, the parsers under libFuzzer, then ASan+UBSan) and Windows (mingw-w64 cross build under Wine).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/install-deps.sh

# Headless Qt: the offscreen platform, and a private runtime dir.
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/hs-runtime-XXXXXX)}"
chmod 0700 "$XDG_RUNTIME_DIR"
# Logs of test runs stay out of the user's data folder.
export HANDLESCOPE_LOG_DIR="${HANDLESCOPE_LOG_DIR:-$(mktemp -d /tmp/hs-logs-XXXXXX)}"
jobs=$(nproc)

echo "=== Linux: build and test (dev preset)"
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$jobs"
ctest --preset dev -j"$jobs"

if [ "${HANDLESCOPE_SKIP_PACKAGE:-0}" != 1 ]; then
    echo "=== Linux: build the Debian package from the release preset and check it (lintian, the desktop files, a run)"
    bash scripts/check-package.sh
fi

if [ "${HANDLESCOPE_SKIP_FUZZ:-0}" != 1 ]; then
    echo "=== Linux: fuzz the /proc, sock_diag and command-line parsers (clang + libFuzzer, 2 minutes)"
    bash scripts/fuzz.sh
fi

if [ "${HANDLESCOPE_SKIP_ASAN:-0}" != 1 ]; then
    echo "=== Linux: build and test under ASan + UBSan (asan preset)"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
    export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j"$jobs"
    ctest --preset asan -j"$jobs"
fi

if [ "${HANDLESCOPE_SKIP_WINDOWS:-0}" != 1 ]; then
    echo "=== Windows: cross build with mingw-w64 and test under Wine"
    bash scripts/test-windows.sh
fi

echo "=== all tests passed in $(( $(date +%s) - start )) s"
