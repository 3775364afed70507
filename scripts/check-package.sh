#!/usr/bin/env bash
# Builds the Debian package from the release preset (`cpack -G DEB`) and checks it the way
# a distribution would: lintian without errors, the desktop entry, the AppStream metadata
# and the polkit action valid, the manual pages and the bash completion covering every
# command and option of `handlescope-cli --help`, and the package's own files, unpacked
# into a scratch folder, running. Prints the .deb's path last.
# Reuses build/release when it is there; needs the packages of scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
build=build/release
jobs=${HANDLESCOPE_PACKAGE_JOBS:-2}

fail() {
    echo "check-package: FAIL: $*" >&2
    exit 1
}
ok() { echo "check-package: ok: $*"; }

echo "=== package: build the release preset (the two programs and the desktop data only)"
nice -n 10 cmake --preset release >/dev/null
nice -n 10 cmake --build --preset release -j"$jobs" --target handlescope handlescope-cli handlescope-demo handlescope_desktop_data
built=$(date +%s)

echo "=== package: cpack -G DEB"
rm -f "$build"/handlescope_*.deb
if ! (cd "$build" && cpack -G DEB >cpack.log 2>&1); then
    cat "$build/cpack.log" >&2
    fail "cpack -G DEB failed (log above)"
fi
debs=("$build"/handlescope_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "cpack made no single handlescope_*.deb in $build"
fi
deb=${debs[0]}
version=$(sed -n 's/^project(HandleScope VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ -n "$version" ] || fail "no 'project(HandleScope VERSION x.y.z' in CMakeLists.txt"
ok "built $deb"

scratch=$(mktemp -d /tmp/hs-package-XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# --- The control data: Depends comes from dpkg-shlibdeps (libc, Qt, libbpf, spdlog).
info=$(dpkg-deb --info "$deb")
depends=$(grep '^ Depends:' <<<"$info") || fail "dpkg-deb --info shows no Depends"
for lib in libc6 libstdc++6 libqt6widgets6 libqt6svg6; do
    grep -q "\\b$lib\\b" <<<"$depends" || fail "Depends lacks $lib (shlibdeps did not run?):$depends"
done
grep -q "^ Version: $version-1$" <<<"$info" || fail "the package's version is not $version-1"
ok "control:$depends"

# --- lintian: no errors. Warnings are printed (and fail nothing).
# Overridden tags (packaging/lintian-overrides says why) are shown as O:.
lintian_out=$(lintian --tag-display-limit 0 --show-overrides "$deb" 2>&1 | grep -v '^running with root privileges') || true
[ -n "$lintian_out" ] && echo "$lintian_out"
if grep -q '^E:' <<<"$lintian_out"; then
    fail "lintian reports errors (above)"
fi
ok "lintian: no errors ($(grep -c '^W:' <<<"$lintian_out" || true) warnings)"

# --- The files, unpacked as dpkg would place them.
dpkg-deb -x "$deb" "$scratch"
root=$scratch/usr
expected=(
    bin/handlescope bin/handlescope-cli bin/handlescope-demo
    share/applications/io.github.handlescope.desktop
    share/icons/hicolor/scalable/apps/io.github.handlescope.svg
    share/metainfo/io.github.handlescope.metainfo.xml
    share/man/man1/handlescope.1.gz share/man/man1/handlescope-cli.1.gz share/man/man1/handlescope-demo.1.gz
    share/bash-completion/completions/handlescope-cli
    share/polkit-1/actions/io.github.handlescope.policy
    share/doc/handlescope/copyright share/doc/handlescope/changelog.Debian.gz
    share/lintian/overrides/handlescope
)
for size in 16 22 24 32 48 64 128 256; do
    png=share/icons/hicolor/${size}x${size}/apps/io.github.handlescope.png
    expected+=("$png")
    if [ ! -f "$root/$png" ] || ! file "$root/$png" | grep -q "PNG image data, $size x $size"; then
        fail "$png is missing or not a ${size}x${size} PNG"
    fi
done
for f in "${expected[@]}"; do
    [ -f "$root/$f" ] || fail "the package lacks /usr/$f"
done
ok "the package holds all ${#expected[@]} files"

for exe in handlescope handlescope-cli handlescope-demo; do
    file "$root/bin/$exe" | grep -q ', stripped' || fail "/usr/bin/$exe is not stripped"
    if readelf -d "$root/bin/$exe" | grep -Eq 'RPATH|RUNPATH'; then
        fail "/usr/bin/$exe carries an RPATH: $(readelf -d "$root/bin/$exe" | grep -E 'RPATH|RUNPATH')"
    fi
    if ldd "$root/bin/$exe" | grep -q 'not found'; then
        fail "/usr/bin/$exe needs libraries this machine lacks: $(ldd "$root/bin/$exe" | grep 'not found')"
    fi
done
ok "the binaries stripped, without RPATH, their libraries found"

# --- The packaged CLI runs from the scratch folder and sees this shell.
cli=$root/bin/handlescope-cli
ps_out=$("$cli" ps) || fail "$cli ps exited with $?"
awk -v pid=$$ '$1 == pid { found = 1 } END { exit !found }' <<<"$ps_out" ||
    fail "$cli ps does not list this shell (pid $$)"
[ "$("$cli" --version)" = "handlescope-cli $version" ] || fail "$cli --version is not $version"
ok "$cli ps lists this shell ($$); --version $version"

# The packaged app opens its window (offscreen) and is still running 4 s later: timeout's
# 124. Anything else is a crash, a missing plugin or library, or a refusal to start.
runtime=$(mktemp -d "$scratch/runtime-XXXXXX")
chmod 0700 "$runtime"
app_status=0
XDG_RUNTIME_DIR=$runtime HANDLESCOPE_LOG_DIR=$scratch/logs QT_QPA_PLATFORM=offscreen \
    timeout 4 "$root/bin/handlescope" >"$scratch/app.log" 2>&1 || app_status=$?
if [ "$app_status" -ne 124 ]; then
    cat "$scratch/app.log" >&2
    fail "the packaged handlescope exited with $app_status within 4 s (its output above)"
fi
ok "the packaged handlescope runs (offscreen, stopped after 4 s)"

# --- The desktop entry, the AppStream metadata, the polkit action.
dfv=$(desktop-file-validate "$root/share/applications/io.github.handlescope.desktop" 2>&1) ||
    fail "desktop-file-validate: $dfv"
[ -z "$dfv" ] || fail "desktop-file-validate is not clean: $dfv"
ok "desktop-file-validate clean"

metainfo=$root/share/metainfo/io.github.handlescope.metainfo.xml
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate --no-net"
python3 scripts/check-package-files.py metainfo "$metainfo" "$version" screenshots
ok "AppStream metadata valid, release $version, every screenshot in screenshots/"

policy=$root/share/polkit-1/actions/io.github.handlescope.policy
xmllint --noout "$policy" || fail "the polkit policy is not well-formed XML"
dtd=/usr/share/polkit-1/policyconfig-1.dtd # polkitd's; where it is missing the checks below remain
if [ -f "$dtd" ]; then
    xmllint --noout --dtdvalid "$dtd" "$policy" || fail "the polkit policy does not follow $dtd"
fi
python3 scripts/check-package-files.py policy "$policy" /usr/bin/handlescope
ok "polkit action valid$([ -f "$dtd" ] && echo " (and against $dtd)")"

# --- Manual pages and completion cover every command and option of --help.
for page in handlescope handlescope-cli handlescope-demo; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man $page: $warnings"
done
commands=$("$cli" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[ -n "$commands" ] || fail "no commands in '$cli --help'"
for command in $commands; do
    # Every option its --help names (its usage line lists them all).
    mapfile -t options < <("$cli" "$command" --help | grep -o -- '--[a-z][a-z-]*' | grep -vx -- '--help' | sort -u)
    python3 scripts/check-package-files.py manpage "$root/share/man/man1/handlescope-cli.1.gz" "$command" "${options[@]}"
    bash scripts/check-completion.sh "$root/share/bash-completion/completions/handlescope-cli" "$command" "${options[@]}"
done
bash scripts/check-completion.sh "$root/share/bash-completion/completions/handlescope-cli" --pids
ok "man handlescope-cli and the completion cover: $(tr '\n' ' ' <<<"$commands")"

echo "=== package: $deb checked in $(($(date +%s) - start)) s (build $((built - start)) s)"
