#!/bin/sh
# Score nerc on the newsdev set (tests/data/newsdev): mentions and claims.
# usage: tests/data/newsdev/score.sh [SCORE_PY]
#   SCORE_PY  path to the shared scorer, relative to the repository root
#             (default ../shared/eval/score.py)
# Runs nerc once per document, with --doc-date from manifest.csv where the
# dateline gives a document date, and keeps one header row per output.
# Environment: NERC (default build/nerc), OUT (default /tmp/newsdev).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
cd "$ROOT"
SCORE=${1:-../shared/eval/score.py}
NERC=${NERC:-build/nerc}
OUT=${OUT:-/tmp/newsdev}
DIR=tests/data/newsdev
mkdir -p "$OUT"

run() {   # run KIND OUTFILE: nerc --emit KIND on every document, one header
    kind=$1 out=$2 first=1
    : > "$out"
    for f in "$DIR"/docs/*.txt; do
        doc=$(basename "$f" .txt)
        dct=$(awk -F, -v d="$doc" 'NR > 1 && $1 == d { print $2 }' "$DIR/manifest.csv")
        set -- --emit "$kind"
        if [ -n "$dct" ]; then set -- "$@" --doc-date "$dct"; fi
        if [ $first -eq 1 ]; then
            "$NERC" "$@" "$f" >> "$out"
            first=0
        else
            "$NERC" "$@" --no-header "$f" >> "$out"
        fi
    done
}

run mentions "$OUT/mentions.csv"
run triples "$OUT/claims.csv"
echo "== mentions"
python3 "$SCORE" mentions "$DIR/mentions.csv" "$OUT/mentions.csv" --docs "$DIR/docs"
echo "== claims"
python3 "$SCORE" claims "$DIR/claims.csv" "$OUT/claims.csv"
