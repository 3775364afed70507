#!/usr/bin/env bash
# Fuzzes the parsers of text the kernel or a user hands us (tests/fuzz, docs/fuzzing.md):
# builds the libFuzzer harnesses with clang in build/fuzz, then runs each one for an equal
# share of a fixed budget, from a copy of its checked-in corpus (new inputs go to a
# temporary folder, never into tests/fuzz/corpus). Fails on any crash, sanitizer report,
# leak, broken check or hang; what crashed is kept in build/fuzz/artifacts.
#
#   FUZZ_BUDGET=120   wall-clock seconds for all the fuzz runs together (the build not counted)
#   FUZZ_ONLY="fuzz_stat fuzz_args"   run only these
#   FUZZ_CXX=clang++  the compiler (clang with libFuzzer: Debian's clang + libclang-rt-14-dev)
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/fuzz
cxx=${FUZZ_CXX:-clang++}
budget=${FUZZ_BUDGET:-120}

# Seconds between two `date +%s%N` readings, with one decimal.
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

work=$(mktemp -d /tmp/hs-fuzz-XXXXXX)
trap 'rm -rf "$work"' EXIT

# libFuzzer comes with clang's runtime libraries, a package of its own on Debian.
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$work/probe.cpp"
if ! "$cxx" -fsanitize=fuzzer "$work/probe.cpp" -o "$work/probe" 2>"$work/probe.log"; then
    echo "fuzz: $cxx cannot link a libFuzzer program; install clang and libclang-rt-14-dev (scripts/install-deps.sh)" >&2
    cat "$work/probe.log" >&2
    exit 1
fi

echo "=== fuzz: build (clang, libFuzzer + ASan + UBSan) in $build"
build_start=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug \
    -DHANDLESCOPE_BUILD_FUZZERS=ON -DHANDLESCOPE_BUILD_GUI=OFF -DHANDLESCOPE_BUILD_TESTS=OFF \
    -DHANDLESCOPE_BUILD_BENCHMARKS=OFF >"$work/configure.log" || { cat "$work/configure.log" >&2; exit 1; }
nice -n 10 cmake --build "$build" --target fuzzers -j"$(nproc)"
echo "fuzz: built in $(( $(date +%s) - build_start )) s"

if [ -n "${FUZZ_ONLY:-}" ]; then
    read -r -a fuzzers <<<"$FUZZ_ONLY"
else
    fuzzers=()
    for src in tests/fuzz/fuzz_*.cpp; do
        fuzzers+=("$(basename "$src" .cpp)")
    done
fi
# Each run takes ~1-2 s more than its -max_total_time (sanitizer start-up, the seed corpus,
# the leak check at exit; more on a loaded machine): 3 s each of the budget are kept for that.
per=$(( (budget - 3 * ${#fuzzers[@]}) / ${#fuzzers[@]} ))
(( per >= 1 )) || per=1
artifacts=$build/artifacts
mkdir -p "$artifacts"
# Our logger writes files only if a parser logs; keep any out of the user's data folder.
export HANDLESCOPE_LOG_DIR="$work/logs"

echo "=== fuzz: ${#fuzzers[@]} fuzzers, $per s each"
failed=()
total_execs=0
run_start=$(date +%s%N)
for f in "${fuzzers[@]}"; do
    bin=$build/tests/fuzz/$f
    if [ ! -x "$bin" ]; then
        echo "fuzz: $bin was not built (is $f in tests/fuzz/CMakeLists.txt?)" >&2
        failed+=("$f")
        continue
    fi
    corpus=$work/corpus/$f
    mkdir -p "$corpus"
    if [ -d "tests/fuzz/corpus/$f" ]; then
        cp -r "tests/fuzz/corpus/$f/." "$corpus/"
    fi
    seeds=$(find "$corpus" -type f | wc -l)
    options=(-max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$artifacts/$f-")
    if [ -f "tests/fuzz/dict/$f.dict" ]; then
        options+=(-dict="tests/fuzz/dict/$f.dict")
    fi
    t0=$(date +%s%N)
    rc=0
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        nice -n 10 timeout --kill-after=5 $(( per + 30 )) "$bin" "${options[@]}" "$corpus" >"$work/$f.log" 2>&1 || rc=$?
    t1=$(date +%s%N)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$f.log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$f.log" | tail -n 1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$work/$f.log" | tail -n 1 || true)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    total_execs=$(( total_execs + ${execs:-0} ))
    status=ok
    if [ "$rc" -ne 0 ]; then
        status="FAILED (exit $rc)"
        failed+=("$f")
    fi
    printf '%-17s %10s execs %7s/s  cov %4s  ft %5s  corpus %3d -> %4d  %5s s  %s\n' \
        "$f" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$seeds" "$(find "$corpus" -type f | wc -l)" \
        "$(seconds "$t0" "$t1")" "$status"
    if [ "$rc" -ne 0 ]; then
        echo "----- $f: last lines of its log" >&2
        grep -v '^#[0-9]' "$work/$f.log" | tail -n 60 >&2
        ls "$artifacts/$f"-* 2>/dev/null | sed 's/^/fuzz: input that failed: /' >&2 || true
        echo "-----" >&2
    fi
done
wall=$(seconds "$run_start" "$(date +%s%N)")

printf 'fuzz: %d fuzzers, %d executions in %s s of fuzzing (wall time, build not counted)\n' "${#fuzzers[@]}" "$total_execs" "$wall"
if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (inputs in $artifacts; replay one with: $build/tests/fuzz/FUZZER INPUT)" >&2
    exit 1
fi
echo "fuzz: all passed"
