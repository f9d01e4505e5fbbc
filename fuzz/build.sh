#!/usr/bin/env bash
# Build the libFuzzer targets with clang: fuzz/build.sh [OUTDIR]  (default: build-fuzz/)
# Each target is linked against the library sources compiled with
# -fsanitize=fuzzer-no-link,address,undefined.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/build-fuzz}
CC=${CC:-clang}
mkdir -p "$out/obj"
pc_cflags=$(pkg-config --cflags libutf8proc libpcre2-8 jansson)
pc_libs=$(pkg-config --libs libutf8proc libpcre2-8 jansson)
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cflags="-std=c11 -g -O1 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
 -I$root/include -I$root/src $pc_cflags -DNERC_BUILD_DATADIR=\"$root\" \
 -DNERC_INSTALL_DATADIR=\"$root\" -DNERC_FUZZ_DATA=\"$root\""
# the library: every source but the command's own (main, cli, rss)
objs=()
for src in "$root"/src/*.c; do
  s=$(basename "$src" .c)
  case $s in main|cli|rss) continue ;; esac
  $CC $cflags $san -fsanitize=fuzzer-no-link -c "$src" -o "$out/obj/$s.o"
  objs+=("$out/obj/$s.o")
done
targets=${FUZZ_TARGETS:-"tokenizer dates gazetteer rules writer jsonl pipeline images"}
for t in $targets; do
  $CC $cflags $san -fsanitize=fuzzer -I"$here" "$here/fuzz_$t.c" "${objs[@]}" \
    $pc_libs -lcsv -lm -lpthread -o "$out/fuzz_$t"
  echo "built $out/fuzz_$t"
done
