#!/bin/sh
# dates_eval.sh - build the date driver and score it on the DATE gold of the shared
# corpora (dev splits only) and the seed article.
# usage: scripts/dates_eval.sh [timeml|meantime|seed|all] [--errors]
# DATES_SPLIT=1 scans sentence by sentence (as the pipeline does) instead of whole documents.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${OUT:-/tmp/dates_eval}
mkdir -p "$OUT"
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror -Isrc -Iinclude \
    src/dates.c scripts/dates_driver.c $(pkg-config --cflags --libs libpcre2-8) -o "$OUT/driver"
which=${1:-all}
SPLIT=
[ "${DATES_SPLIT:-0}" = 1 ] && SPLIT=-s
errors=${2:-}

run_corpus() { # name dir manifest
    name=$1; dir=$2; manifest=$3
    pred="$OUT/$name.pred.csv"
    echo "doc,start,end,type,text,value" > "$pred"
    python3 - "$manifest" <<'PY' | while IFS=' ' read -r doc dct; do
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r['split'] == 'dev':
        print(r['doc'], r.get('dct', '')[:10])
PY
        "$OUT/driver" $SPLIT "$dir/docs/$doc.txt" "$doc" "$dct" >> "$pred"
    done
    if [ "$name" = meantime ]; then
        # MEANTIME annotates only the first lines of each article (title, dateline and
        # the first sentences: no gold mention lies past line 6), so score those lines.
        python3 - "$pred" "$dir/docs" 6 <<'PY'
import csv, sys
pred, docs, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = list(csv.reader(open(pred, encoding='utf-8')))
out = [rows[0]]
cache = {}
for r in rows[1:]:
    if r[0] not in cache:
        cache[r[0]] = open(f"{docs}/{r[0]}.txt", 'rb').read()
    if cache[r[0]][:int(r[1])].count(b'\n') < keep:
        out.append(r)
csv.writer(open(pred, 'w', encoding='utf-8', newline='')).writerows(out)
PY
    fi
    echo "== $name dev"
    python3 "$SHARED/eval/score.py" mentions "$dir/mentions.csv" "$pred" --docs "$dir/docs" --types DATE
    [ -n "$errors" ] && python3 scripts/dates_errors.py "$dir/mentions.csv" "$pred" || true
}

if [ "$which" = timeml ] || [ "$which" = all ]; then
    run_corpus timeml "$SHARED/data/timeml/converted/dev" "$SHARED/data/timeml/converted/manifest.csv"
fi
if [ "$which" = meantime ] || [ "$which" = all ]; then
    run_corpus meantime "$SHARED/data/meantime/converted/dev" "$SHARED/data/meantime/converted/manifest.csv"
fi
if [ "$which" = seed ] || [ "$which" = all ]; then
    pred="$OUT/seed.pred.csv"
    "$OUT/driver" -H $SPLIT "$SHARED/seeds/iran-russia-treaty.txt" iran-russia-treaty > "$pred"
    echo "== seed (no document date)"
    python3 "$SHARED/eval/score.py" mentions "$SHARED/eval/gold/iran-russia-treaty.mentions.csv" "$pred" \
        --docs "$SHARED/seeds" --types DATE
    [ -n "$errors" ] && python3 scripts/dates_errors.py "$SHARED/eval/gold/iran-russia-treaty.mentions.csv" "$pred" || true
fi
