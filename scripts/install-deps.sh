#!/usr/bin/env bash
# Installs the Debian 12 packages HandleScope needs, only those that are missing.
# Needs root (CI and the README's commands run as root).
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    # Qt 6 (Charts' CMake config needs libqt6opengl6-dev too)
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools
    # Qt's own translations (standard buttons and dialogs) beside the app's French one
    qt6-translations-l10n
    # the BPF snapshot iterator (bpf/): clang (listed below) compiles it, bpftool makes vmlinux.h
    # and the skeleton, libbpf loads it
    libbpf-dev bpftool
    # the open-site tracer unwinds and symbolises the copied user stacks with elfutils' libdwfl
    libdw-dev libelf-dev
    # logging
    libspdlog-dev
    # JSON reading (the snapshot reader's SAX parser), header-only
    nlohmann-json3-dev
    # tests: lsfd/lsof oracles, headless GUI and screenshots
    util-linux lsof xvfb xauth imagemagick python3 libcap2-bin
    # benchmarks
    libbenchmark-dev time
    # Windows cross build and tests under Wine
    g++-mingw-w64-x86-64 mingw-w64-tools wine wine64 googletest
    clang libclang-rt-14-dev  # fuzzing (scripts/fuzz.sh): clang 14 and its libFuzzer runtime
    # the Debian package (scripts/check-package.sh): dpkg-shlibdeps for Depends, lintian, the
    # desktop entry and AppStream checkers, xmllint for the polkit action, rsvg-convert for the
    # PNG icons, man (groff) for the manual pages' warnings, file and binutils (readelf)
    dpkg-dev lintian desktop-file-utils appstream libxml2-utils librsvg2-bin man-db file binutils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: need root to install packages (run as root or with sudo)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
