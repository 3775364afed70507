#!/bin/sh
# SPDX-License-Identifier: MIT
# run_as_nobody.sh PROGRAM [ARGS...]: runs a test program as uid/gid 65534 (nobody, no
# groups, no capabilities), for what only an unprivileged user sees; ctest runs as root in
# CI. Started by any other user it runs PROGRAM as that user, who is unprivileged already.
# PROGRAM (and $HS_FD_HELPER, if set) are copied into a private directory that nobody owns:
# the build folder may not be searchable by others (a clone under `mktemp -d` or /root).
# The tests' binaries link the project's libraries statically, so a copy runs anywhere.
# HOME, XDG_RUNTIME_DIR (0700) and HANDLESCOPE_LOG_DIR point into that directory too; it is
# removed afterwards. The exit code is PROGRAM's.
set -eu
[ "$(id -u)" = 0 ] || exec "$@"
program=$1
shift
dir=$(mktemp -d /tmp/hs-nobody-XXXXXX)
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$dir/bin" "$dir/runtime" "$dir/logs"
cp "$program" "$dir/bin/"
if [ -n "${HS_FD_HELPER:-}" ]; then
    cp "$HS_FD_HELPER" "$dir/bin/hs_fd_helper"
    HS_FD_HELPER=$dir/bin/hs_fd_helper
    export HS_FD_HELPER
fi
chmod 0700 "$dir/runtime"
chown -R 65534:65534 "$dir"
status=0
HOME=$dir XDG_RUNTIME_DIR=$dir/runtime HANDLESCOPE_LOG_DIR=$dir/logs \
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$dir/bin/${program##*/}" "$@" || status=$?
exit "$status"
