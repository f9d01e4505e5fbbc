#!/usr/bin/env bash
# nerc benchmarks, side by side with reference tools on the same input.
#
#   bench/run.sh [--nerc BIN] [--data DIR] [--work DIR] [--mb N] [--files N]
#                [--stream-mb "SMALL BIG"] [--synth N]
#
#   --nerc BIN       the nerc binary (default: build/nerc; build it with
#                    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build)
#   --data DIR       the converted corpora (default: ../shared/data, from the repo root)
#   --work DIR       scratch space for the generated inputs (default: /tmp/nerc-bench)
#   --mb N           size of the concatenated corpus in MB (default 50)
#   --files N        number of article files in the folder corpus (default 10000)
#   --stream-mb "A B" sizes in MB of the two stdin streams compared for peak RSS
#                    (default "200 2000")
#   --synth N        entries in the synthetic gazetteer (default 1000000; 0 skips)
#
# Tools: /usr/bin/time -v (GNU time) and hyperfine (apt-get install -y time hyperfine).
# Inputs are built deterministically: the converted corpus documents (all
# DATA/*/converted/*/docs/*.txt in byte order of their paths) and the repo's
# samples/*.txt, repeated until the size is reached. Results: a Markdown report on
# stdout and in WORK/results.md.
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NERC=$ROOT/build/nerc
DATA=$ROOT/../shared/data
WORK=/tmp/nerc-bench
MB=50
FILES=10000
STREAM="200 2000"
SYNTH=1000000
while [[ $# -gt 0 ]]; do
    case $1 in
    --nerc) NERC=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --mb) MB=$2; shift 2 ;;
    --files) FILES=$2; shift 2 ;;
    --stream-mb) STREAM=$2; shift 2 ;;
    --synth) SYNTH=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for tool in /usr/bin/time hyperfine python3; do
    command -v "$tool" > /dev/null || { echo "bench/run.sh: $tool is missing" >&2; exit 2; }
done
[[ -x $NERC ]] || { echo "bench/run.sh: no nerc binary at $NERC (--nerc BIN)" >&2; exit 2; }
NERC=$(cd "$(dirname "$NERC")" && pwd)/$(basename "$NERC")
mkdir -p "$WORK"
cd "$WORK"
# nerc's image cache for this run: emptied first, so the first nerc run below compiles
# the data and writes the images, and the runs after it map them (as a user's would)
export NERC_CACHE=$WORK/cache
rm -rf "$NERC_CACHE"
REPORT=$WORK/results.md
: > "$REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# ------------------------------------------------------------------ inputs
{ find "$DATA" -path '*/converted/*/docs/*.txt' -type f | sort; ls "$ROOT"/samples/*.txt; } > sources.txt
[[ -s sources.txt ]] || { echo "bench/run.sh: no documents under $DATA" >&2; exit 2; }
nsrc=$(wc -l < sources.txt)

# corpus.txt: documents separated by form feeds (so --split formfeed sees each one)
target=$((MB * 1000000))
if [[ ! -f corpus.txt || $(stat -c %s corpus.txt) -lt $target || ! -f corpus.mb || $(cat corpus.mb) != "$MB $nsrc" ]]; then
    python3 - "$target" sources.txt corpus.txt <<'EOF'
import sys
target, listing, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
docs = [open(p.strip(), 'rb').read() for p in open(listing) if p.strip()]
size, n = 0, 0
with open(out, 'wb') as f:
    while size < target:
        d = docs[n % len(docs)].replace(b'\f', b' ')
        if n:
            f.write(b'\f'); size += 1
        f.write(d); size += len(d); n += 1
EOF
    echo "$MB $nsrc" > corpus.mb
fi
# folder of article files, named in order
if [[ ! -d files || $(ls files | wc -l) -ne $FILES ]]; then
    rm -rf files && mkdir files
    python3 - "$FILES" sources.txt files <<'EOF'
import sys
n, listing, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
paths = [p.strip() for p in open(listing) if p.strip()]
for i in range(n):
    with open(paths[i % len(paths)], 'rb') as src, open('%s/a%06d.txt' % (out, i + 1), 'wb') as dst:
        dst.write(src.read())
EOF
fi
cat files/*.txt > files.cat 2>/dev/null || find files -name '*.txt' -print0 | sort -z | xargs -0 cat > files.cat
grep -h -v '^#' "$ROOT"/gazetteers/*.tsv | cut -f1 | grep -v '^$' | sort -u > NAMES
cbytes=$(stat -c %s corpus.txt)
cwords=$(wc -w < corpus.txt)
cdocs=$(( $(tr -cd '\f' < corpus.txt | wc -c) + 1 ))
fbytes=$(stat -c %s files.cat)
fwords=$(wc -w < files.cat)
fdocs=$FILES

# --------------------------------------------------------------- measuring
# measure LABEL BYTES WORDS DOCS CMD... : one run under /usr/bin/time -v, stdout to
# /dev/null; prints a table row and keeps seconds and peak RSS in $secs and $rss.
measure() {
    local label=$1 bytes=$2 words=$3 docs=$4
    shift 4
    /usr/bin/time -v -o time.txt "$@" > /dev/null 2> cmd.err || {
        echo "bench/run.sh: '$label' failed:" >&2; cat cmd.err time.txt >&2; exit 1; }
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' time.txt)
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' time.txt)
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' time.txt)
    awk -v l="$label" -v b="$bytes" -v w="$words" -v d="$docs" -v s="$secs" -v r="$rss" -v c="$cpu" \
        'BEGIN { if (s <= 0) s = 0.005;
                 printf "| %s | %.2f | %.2f | %.1f | %.0f | %.0f | %.1f |\n", l, s, c, b / 1e6 / s, w / s, d / s, r / 1024 }' |
        tee -a "$REPORT"
}
header() {
    say ""
    say "| command | wall s | CPU s | MB/s | words/s | documents/s | peak RSS (MB) |"
    say "|---|---:|---:|---:|---:|---:|---:|"
}
# ratio LABEL NERC_SECONDS REF_SECONDS
ratio() {
    say "- nerc / $1: $(awk -v a="$2" -v b="$3" 'BEGIN { if (b < 0.01) printf "more than %.0fx (the reference took under 0.01 s)", a / 0.01; else printf "%.1fx", a / b }')"
}

say "# nerc benchmark results"
say ""
say "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
say "- machine: $(uname -srm); $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); $(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)"
say "- nerc: $("$NERC" --version) ($NERC)"
say "- corpus: $nsrc source documents (converted corpora under $DATA and samples/), repeated to $cbytes bytes, $cwords words, $cdocs documents separated by form feeds; folder: $FILES files, $fbytes bytes, $fwords words"
say "- NAMES: $(wc -l < NAMES) distinct surface forms of gazetteers/*.tsv"
say "- command: bench/run.sh --mb $MB --files $FILES --stream-mb \"$STREAM\" --synth $SYNTH"

cat corpus.txt files.cat > /dev/null # warm the page cache
echo "Talks in Geneva: Vladimir Putin met Xi Jinping on Friday." > one.txt
"$NERC" --data "$ROOT" -q one.txt > /dev/null # compiles the data once: writes the images
say ""
say "## Throughput, one thread, $((cbytes / 1000000)) MB corpus"
header
measure "cat (I/O)" "$cbytes" "$cwords" "$cdocs" cat corpus.txt
r_cat=$secs
measure "wc -w" "$cbytes" "$cwords" "$cdocs" wc -w corpus.txt
r_wc=$secs
measure "grep -oFwf NAMES" "$cbytes" "$cwords" "$cdocs" grep -oFwf NAMES corpus.txt
r_grep=$secs
measure "nerc --emit triples -j 1 --split formfeed" "$cbytes" "$cwords" "$cdocs" \
    sh -c 'exec "$0" --data "$1" -q --emit triples -j 1 --split formfeed < "$2"' "$NERC" "$ROOT" corpus.txt
n_nerc=$secs
say ""
say "Time ratios (wall clock, same bytes):"
say ""
ratio "cat" "$n_nerc" "$r_cat"
ratio "wc -w" "$n_nerc" "$r_wc"
ratio "grep -oFwf NAMES" "$n_nerc" "$r_grep"

say ""
say "## Folder of $FILES article files"
header
measure "cat (I/O)" "$fbytes" "$fwords" "$fdocs" sh -c 'find files -name "*.txt" -print0 | xargs -0 cat'
measure "wc -w" "$fbytes" "$fwords" "$fdocs" sh -c 'find files -name "*.txt" -print0 | xargs -0 cat | wc -w'
measure "grep -rhoFwf NAMES files/" "$fbytes" "$fwords" "$fdocs" grep -rhoFwf NAMES files
r_grep=$secs
measure "nerc --emit triples -j 1 files/" "$fbytes" "$fwords" "$fdocs" "$NERC" --data "$ROOT" -q --emit triples -j 1 files
n1=$secs
measure "nerc --emit triples -j 2 files/" "$fbytes" "$fwords" "$fdocs" "$NERC" --data "$ROOT" -q --emit triples -j 2 files
n2=$secs
say ""
ratio "grep -rhoFwf NAMES (-j 1)" "$n1" "$r_grep"
ratio "grep -rhoFwf NAMES (-j 2)" "$n2" "$r_grep"
say "- -j 2 speed-up over -j 1 in the runs above: $(awk -v a="$n1" -v b="$n2" 'BEGIN { printf "%.2fx", a / b }') on $(nproc) CPUs"
# one run each is noisy on a shared machine: the means of five runs
hyperfine -N --warmup 1 --runs 5 --export-json jobs.json \
    "$NERC --data $ROOT -q --emit triples -j 1 files" "$NERC --data $ROOT -q --emit triples -j 2 files" > /dev/null
say "- -j 2 speed-up over -j 1, mean of 5 runs each (hyperfine): $(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("%.2fx (%.2f s and %.2f s)" % (r[0]["mean"] / r[1]["mean"], r[0]["mean"], r[1]["mean"]))' jobs.json)"

say ""
say "## Start-up with the shipped data (hyperfine)"
say ""
say "One short sentence. With the image cache (the default; its images were written by a"
say "first run before the measurements) and without it (--no-cache: the text read and the"
say "patterns compiled at every start)."
say ""
hyperfine -N --warmup 3 --runs 30 --export-markdown startup.md \
    "$NERC --data $ROOT -q $WORK/one.txt" "$NERC --data $ROOT -q --no-cache $WORK/one.txt" > /dev/null
sed "s|$NERC|nerc|g; s|$ROOT|ROOT|g; s|$WORK/||g" startup.md | tee -a "$REPORT"
header
measure "nerc on one sentence, cache (peak RSS of the loaded data)" 1 0 1 "$NERC" --data "$ROOT" -q one.txt
measure "nerc on one sentence, --no-cache" 1 0 1 "$NERC" --data "$ROOT" -q --no-cache one.txt

if [[ $SYNTH -gt 0 ]]; then
    say ""
    say "## Synthetic gazetteer of $SYNTH entries"
    [[ -f synth-$SYNTH.tsv ]] || python3 "$ROOT/bench/synth_gazetteer.py" "$SYNTH" > "synth-$SYNTH.tsv"
    say ""
    say "$(grep -vc '^#' "synth-$SYNTH.tsv") entries, $(grep -v '^#' "synth-$SYNTH.tsv" | cut -f1 | sort -u | wc -l) distinct surfaces, $(stat -c %s "synth-$SYNTH.tsv") bytes (bench/synth_gazetteer.py)."
    header
    measure "first load: text read, image written (< /dev/null)" 1 0 1 \
        "$NERC" --data "$ROOT" -q --no-default-gazetteers --gazetteer "synth-$SYNTH.tsv" /dev/null
    measure "later loads: image mapped (< /dev/null)" 1 0 1 \
        "$NERC" --data "$ROOT" -q --no-default-gazetteers --gazetteer "synth-$SYNTH.tsv" /dev/null
    measure "load without the cache (--no-cache, < /dev/null)" 1 0 1 \
        "$NERC" --data "$ROOT" -q --no-cache --no-default-gazetteers --gazetteer "synth-$SYNTH.tsv" /dev/null
    say ""
    hyperfine -N --warmup 1 --runs 10 --export-markdown synth-load.md \
        "$NERC --data $ROOT -q --no-default-gazetteers --gazetteer synth-$SYNTH.tsv /dev/null" > /dev/null
    sed "s|$NERC|nerc|g; s|$ROOT|ROOT|g" synth-load.md | tee -a "$REPORT"
    header
    # each list of gazetteer files has its own image: write the second one before timing
    "$NERC" --data "$ROOT" -q --gazetteer "synth-$SYNTH.tsv" /dev/null > /dev/null
    measure "nerc -j 1 --split formfeed, synthetic gazetteer only" "$cbytes" "$cwords" "$cdocs" \
        sh -c 'exec "$0" --data "$1" -q --emit triples -j 1 --split formfeed --no-default-gazetteers --gazetteer "$3" < "$2"' \
        "$NERC" "$ROOT" corpus.txt "synth-$SYNTH.tsv"
    measure "nerc -j 1 --split formfeed, shipped + synthetic" "$cbytes" "$cwords" "$cdocs" \
        sh -c 'exec "$0" --data "$1" -q --emit triples -j 1 --split formfeed --gazetteer "$3" < "$2"' \
        "$NERC" "$ROOT" corpus.txt "synth-$SYNTH.tsv"
fi

say ""
say "## One long stream on stdin: peak RSS stays flat"
say ""
say "The corpus repeated into a pipe (generated on the fly), read by nerc as one document."
header
for smb in $STREAM; do
    sbytes=$((smb * 1000000))
    measure "nerc -j 1 < $smb MB stream" "$sbytes" 0 1 sh -c \
        'while cat "$2"; do :; done | head -c "$3" | exec "$0" --data "$1" -q --emit triples -j 1' \
        "$NERC" "$ROOT" corpus.txt "$sbytes"
done
say ""
say "(words/s is 0 here: the stream is not counted twice.)"
