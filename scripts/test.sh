#!/usr/bin/env bash
# The whole test suite, as CI runs it: a release build with every unit and
# end-to-end test, the same suite again under AddressSanitizer + UBSan, the
# thread-sharing tests under ThreadSanitizer, the end-to-end CLI run under valgrind,
# an install into a temporary prefix, and a short run of every fuzz target.
# Usage: scripts/test.sh            (from the repository root)
#        NERC_FUZZ_SECONDS=0 scripts/test.sh   to skip fuzzing
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${NERC_FUZZ_SECONDS:-15}

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNERC_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs")

echo "== ThreadSanitizer: threads sharing one context, and the CLI's worker threads"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="-fsanitize=thread" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan -j"$jobs" --target nerc test_api
TSAN_OPTIONS=halt_on_error=1 ./build-tsan/test_api >/dev/null
TSAN_OPTIONS=halt_on_error=1 ./build-tsan/nerc --data . -j 4 -q samples/ >/dev/null
cat samples/*.txt | TSAN_OPTIONS=halt_on_error=1 ./build-tsan/nerc --data . -j 3 -q --split blank >/dev/null
echo "ThreadSanitizer: no data races"

echo "== valgrind: the CLI on samples/ (PCRE2 JIT code is opaque to valgrind: --no-jit)"
valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --quiet ./build/nerc --data . --no-jit -j 2 samples/ >/dev/null
valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --quiet ./build/nerc --data . --no-jit --emit mentions samples/ >/dev/null
echo "valgrind: 0 errors"

echo "== install into a temporary prefix; pkg-config and find_package consumers"
tests/install/run.sh .

if [[ $fuzz_seconds != 0 && -x fuzz/run.sh ]]; then
  echo "== fuzz targets, ${fuzz_seconds}s each"
  fuzz/run.sh "$fuzz_seconds"
fi
echo "== all test stages passed"
