#!/usr/bin/env bash
# Run every libFuzzer target for a fixed time: fuzz/run.sh [SECONDS] [TARGET...]
# Builds the targets first (fuzz/build.sh) unless NERC_FUZZ_NOBUILD=1. New inputs go to
# build-fuzz/corpus/<target>/ (the seeds in fuzz/corpus/ are read, never written);
# crashes go to build-fuzz/crashes/<target>/. Exits non-zero if any target failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
secs=${1:-20}
shift || true
out=${NERC_FUZZ_OUT:-$root/build-fuzz}
if [ "${NERC_FUZZ_NOBUILD:-0}" != 1 ]; then
  "$here/build.sh" "$out" >/dev/null || { echo "fuzz: build failed"; exit 2; }
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tokenizer dates gazetteer rules writer jsonl pipeline images)
fail=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  max_len=4096
  [ "$t" = pipeline ] || [ "$t" = jsonl ] && max_len=2048
  if "$out/fuzz_$t" -max_total_time="$secs" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$out/crashes/$t/" -print_final_stats=1 \
      "$out/corpus/$t" "$here/corpus/$t" >"$out/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$out/fuzz_$t.log" | grep -o '[0-9]*$') runs in ${secs}s)"
  else
    echo "fuzz_$t: FAILED - see $out/fuzz_$t.log and $out/crashes/$t/"
    fail=1
  fi
done
exit $fail
