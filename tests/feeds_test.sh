#!/usr/bin/env bash
# End-to-end tests of nerc's inputs and its batch behaviour: text files, directories,
# stdin, --split, JSON Lines, RSS and Atom feeds, output identical for any -j, quiet
# exit on a closed pipe, rows written while a feed is still arriving, and sharding
# under GNU parallel.
# Usage: tests/feeds_test.sh NERC_BINARY REPO_ROOT
# Prints "N passed, M failed" last; exits non-zero when anything failed.
set -u
if [[ $# -ne 2 ]]; then
    echo "usage: $0 NERC_BINARY REPO_ROOT" >&2
    exit 2
fi
NERC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$2" && pwd)
DATA=$REPO/tests/data
export LC_ALL=C
T=$(mktemp -d "${TMPDIR:-/tmp}/nerc-feeds.XXXXXX")
export NERC_CACHE="$T/cache" # keep the image cache of these runs in the scratch directory
cleanup() {
    local pids
    pids=$(jobs -p)
    [[ -n $pids ]] && kill $pids 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
cd "$T" || exit 2

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "FAIL - $1"
    shift
    for f in "$@"; do [[ -f $f ]] && { echo "  --- $f:"; head -n 20 "$f" | sed 's/^/  | /'; }; done
}
# check NAME CMD... : passes when CMD succeeds
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
# same FILE_EXPECTED FILE_ACTUAL NAME
same() {
    if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3"; diff "$1" "$2" | head -n 20 | sed 's/^/  | /'; fi
}
has_row() { grep -Fxq -- "$2" "$1"; }
lacks() { ! grep -Fq -- "$2" "$1"; }

# Exact rows come from a small gazetteer: no default lists, rules or model.
G=(--data "$REPO" --no-default-gazetteers --gazetteer "$DATA/feeds_gazetteer.tsv"
   --no-default-rules --no-model --emit mentions)
MH='doc,start,end,type,text,value,source,sentence,confidence'

# ------------------------------------------------------------------ text file
printf 'Joe Biden met Emmanuel Macron in Paris.\n' > article.txt
cat > expect.csv <<EOF
$MH
article.txt,0,9,PERSON,Joe Biden,Joe Biden,gazetteer,1,0.95
article.txt,14,29,PERSON,Emmanuel Macron,Emmanuel Macron,gazetteer,1,0.95
article.txt,33,38,LOCATION,Paris,Paris,gazetteer,1,0.95
EOF
"$NERC" "${G[@]}" article.txt > out.csv 2> err.txt
rc=$?
same expect.csv out.csv "text file: exact mention rows"
check "text file: exit 0, empty stderr" test "$rc" -eq 0 -a ! -s err.txt

# -------------------------------------------------------------------- stdin
"$NERC" "${G[@]}" < article.txt > out.csv 2> err.txt
rc=$?
sed 's/^article\.txt,/-,/' expect.csv > expect-stdin.csv
same expect-stdin.csv out.csv "stdin: doc is -"
check "stdin: exit 0" test "$rc" -eq 0

# ---------------------------------------------------- directory, --include
mkdir -p dir/sub
printf 'Olaf Scholz flew to Berlin.\n' > dir/a.txt
printf 'Xi Jinping stayed in Beijing.\n' > dir/b.md
printf 'Joe Biden is in Kyiv.\n' > dir/sub/c.txt
printf 'Emmanuel Macron, hidden.\n' > dir/.hidden.txt
"$NERC" "${G[@]}" dir > out.csv 2> err.txt
rc=$?
cat > expect.csv <<EOF
$MH
dir/a.txt,0,11,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,1,0.95
dir/a.txt,20,26,LOCATION,Berlin,Berlin,gazetteer,1,0.95
dir/sub/c.txt,0,9,PERSON,Joe Biden,Joe Biden,gazetteer,1,0.95
dir/sub/c.txt,16,20,LOCATION,Kyiv,Kyiv,gazetteer,1,0.95
EOF
same expect.csv out.csv "directory: *.txt in name order, recursive, hidden files left out"
check "directory: exit 0" test "$rc" -eq 0
"$NERC" "${G[@]}" --include '*.md' dir > out.csv 2> err.txt
cat > expect.csv <<EOF
$MH
dir/b.md,0,10,PERSON,Xi Jinping,Xi Jinping,gazetteer,1,0.95
dir/b.md,21,28,LOCATION,Beijing,Beijing,gazetteer,1,0.95
EOF
same expect.csv out.csv "directory: --include *.md"

# ------------------------------------------------------------------- --split
printf 'Joe Biden in Paris.\n\n\nOlaf Scholz in Berlin.\nXi Jinping too.\n\n' > blank.txt
"$NERC" "${G[@]}" --split blank < blank.txt > out.csv 2> err.txt
cat > expect.csv <<EOF
$MH
-#1,0,9,PERSON,Joe Biden,Joe Biden,gazetteer,1,0.95
-#1,13,18,LOCATION,Paris,Paris,gazetteer,1,0.95
-#2,0,11,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,1,0.95
-#2,15,21,LOCATION,Berlin,Berlin,gazetteer,1,0.95
-#2,23,33,PERSON,Xi Jinping,Xi Jinping,gazetteer,2,0.95
EOF
same expect.csv out.csv "--split blank: two documents, offsets per document"
printf 'Joe Biden in Paris.\n\fOlaf Scholz in Berlin.\nXi Jinping too.\n' > ff.txt
"$NERC" "${G[@]}" --split formfeed < ff.txt > out.csv 2> err.txt
same expect.csv out.csv "--split formfeed"
# a named file is split the same way, its documents named FILE#N
"$NERC" "${G[@]}" --split formfeed ff.txt > out.csv 2> err.txt
sed 's/^-#/ff.txt#/' expect.csv > expect-file.csv
same expect-file.csv out.csv "--split formfeed FILE: documents FILE#1, FILE#2"
printf 'Joe Biden in Paris.\nOlaf Scholz in Berlin.\nXi Jinping in Beijing.\n' > lines.txt
"$NERC" "${G[@]}" --split line < lines.txt > out.csv 2> err.txt
check "--split line: one document per line" has_row out.csv \
    '-#3,0,10,PERSON,Xi Jinping,Xi Jinping,gazetteer,1,0.95'
check "--split line: three documents" test "$(cut -d, -f1 out.csv | sort -u | grep -c '^-#')" -eq 3

# ---------------------------------------------------------------- JSON Lines
{
    printf '%s\n' '{"key":"n1","when":"2024-06-07T09:30:00Z","body":"Joe Biden visited Paris on Friday."}'
    printf '%s\n' '{"key":"n2", "body": broken'
    printf '\n'
    printf '%s\n' '{"key":42,"when":"Tue, 09 Jul 2024 08:00:00 GMT","headline":"Olaf Scholz","body":"Olaf Scholz met Xi Jinping on Tuesday."}'
    printf '%s\n' '{"key":"n4","headline":"Emmanuel Macron in Berlin"}'
    printf '%s\n' '{"key":"n5","text":"no body field here"}'
} > feed.jsonl
"$NERC" "${G[@]}" --input jsonl --field id=key --field date=when --field text=body \
    --field title=headline --stats feed.jsonl > out.csv 2> err.txt
rc=$?
check "jsonl: exit 1 after a malformed line" test "$rc" -eq 1
check "jsonl: stderr names the malformed line" grep -q '^nerc: feed.jsonl:2: malformed JSON' err.txt
check "jsonl: stderr names the line without a text field" \
    grep -q "^nerc: feed.jsonl:6: no 'body' (or 'headline') string field; line skipped" err.txt
check "jsonl: doc is the id, the date resolves Friday" has_row out.csv \
    'n1,27,33,DATE,Friday,2024-06-07,date,1,0.90'
check "jsonl: numeric id, RFC 822 date" has_row out.csv \
    '42,30,37,DATE,Tuesday,2024-07-09,date,1,0.90'
check "jsonl: rows after the malformed line" has_row out.csv \
    '42,16,26,PERSON,Xi Jinping,Xi Jinping,gazetteer,1,0.95'
check "jsonl: title used when there is no text" has_row out.csv \
    'n4,19,25,LOCATION,Berlin,Berlin,gazetteer,1,0.95'
check "jsonl: --stats accounts for every line" grep -q \
    '^nerc: 5 documents read: 3 processed, 0 failed, 2 skipped (malformed line or item); 0 inputs unreadable;' err.txt

# ------------------------------------------------------------- RSS and Atom
cp "$DATA/feeds_rss.xml" "$DATA/feeds_atom.xml" "$DATA/feeds_broken.xml" .
"$NERC" "${G[@]}" --input rss --stats feeds_rss.xml > out.csv 2> err.txt
rc=$?
cat > expect.csv <<EOF
$MH
rss-1,0,9,PERSON,Joe Biden,Joe Biden,gazetteer,1,0.95
rss-1,13,18,LOCATION,Paris,Paris,gazetteer,1,0.95
rss-1,20,35,PERSON,Emmanuel Macron,Emmanuel Macron,gazetteer,2,0.95
rss-1,38,47,PERSON,Joe Biden,Joe Biden,gazetteer,2,0.95
rss-1,55,61,DATE,Friday,2024-06-07,date,2,0.90
rss-1,78,84,LOCATION,Berlin,Berlin,gazetteer,3,0.95
https://news.example.org/weiss-kyiv,0,10,PERSON,Zoë Weiß,Zoë Weiß,gazetteer,1,0.95
https://news.example.org/weiss-kyiv,14,18,LOCATION,Kyiv,Kyiv,gazetteer,1,0.95
https://news.example.org/weiss-kyiv,20,31,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,2,0.95
https://news.example.org/weiss-kyiv,34,44,PERSON,Xi Jinping,Xi Jinping,gazetteer,2,0.95
https://news.example.org/weiss-kyiv,52,59,LOCATION,Beijing,Beijing,gazetteer,2,0.95
feeds_rss.xml#4,18,29,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,1,0.95
EOF
same expect.csv out.csv "rss: HTML stripped, entities decoded, guid/link/FILE#N, pubDate, byte offsets"
check "rss: exit 1 after a malformed item" test "$rc" -eq 1
check "rss: stderr names the malformed item" \
    grep -qx 'nerc: feeds_rss.xml: item 2: no title and no description; item skipped' err.txt
check "rss: a bad pubDate is a warning, the item is kept" \
    grep -q "^nerc: feeds_rss.xml: item 4: warning: date 'not a date'" err.txt
check "rss: script content is not text" lacks out.csv 'var x'
check "rss: --stats accounts for every item" grep -q \
    '^nerc: 4 documents read: 3 processed, 0 failed, 1 skipped' err.txt
# the document text as built: offsets point into "title\n\nbody"
check "rss: offsets count UTF-8 bytes of decoded entities" has_row out.csv \
    'https://news.example.org/weiss-kyiv,14,18,LOCATION,Kyiv,Kyiv,gazetteer,1,0.95'

# sniffed by content (leading blank line and spaces before <feed), no --input
"$NERC" "${G[@]}" feeds_atom.xml > out.csv 2> err.txt
rc=$?
cat > expect.csv <<EOF
$MH
urn:example:atom-1,0,10,PERSON,Xi Jinping,Xi Jinping,gazetteer,1,0.95
urn:example:atom-1,13,24,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,1,0.95
urn:example:atom-1,26,36,PERSON,Xi Jinping,Xi Jinping,gazetteer,2,0.95
urn:example:atom-1,46,53,LOCATION,Beijing,Beijing,gazetteer,2,0.95
urn:example:atom-1,56,67,PERSON,Olaf Scholz,Olaf Scholz,gazetteer,3,0.95
urn:example:atom-1,82,88,LOCATION,Berlin,Berlin,gazetteer,3,0.95
urn:example:atom-1,92,99,DATE,Tuesday,2024-07-09,date,3,0.90
https://news.example.org/atom-3,0,9,PERSON,Joe Biden,Joe Biden,gazetteer,1,0.95
https://news.example.org/atom-3,13,18,LOCATION,Paris,Paris,gazetteer,1,0.95
EOF
same expect.csv out.csv "atom (detected by content): xhtml content, html title and summary, published date"
check "atom: malformed entry named, exit 1" test "$rc" -eq 1 -a \
    "$(cat err.txt)" = 'nerc: feeds_atom.xml: item 2: no title and no description; item skipped'
"$NERC" "${G[@]}" --input rss < feeds_atom.xml > out2.csv 2> err.txt
same out.csv out2.csv "atom on stdin with --input rss: same rows"

"$NERC" "${G[@]}" feeds_broken.xml article.txt > out.csv 2> err.txt
rc=$?
check "broken feed: exit 1" test "$rc" -eq 1
check "broken feed: libxml2's line number and message" \
    grep -q '^nerc: feeds_broken.xml:4: Opening and ending tag mismatch.*; the rest of the feed is skipped$' err.txt
check "broken feed: nothing after the error" lacks out.csv 'never'
check "broken feed: the next input is still processed" has_row out.csv \
    'article.txt,33,38,LOCATION,Paris,Paris,gazetteer,1,0.95'
printf 'Joe Biden <b>in</b> Paris\n' > notfeed.xml
"$NERC" "${G[@]}" --input rss notfeed.xml > out.csv 2> err.txt
rc=$?
check "not XML: reported with a line number, exit 1" test "$rc" -eq 1 -a -n "$(grep '^nerc: notfeed.xml:1: ' err.txt)"

# ------------------------------------------------------ -j 1 = -j 2 = -j 4
# 200 documents built deterministically from the sample articles' lines.
mkdir -p corpus
cat "$REPO"/samples/*.txt | grep -v '^[[:space:]]*$' > lines.txt
awk -v dir=corpus '
    { line[NR] = $0 }
    END {
        for (d = 1; d <= 200; d++) {
            f = sprintf("%s/doc%04d.txt", dir, d)
            n = 2 + (d * 7) % 9
            for (k = 0; k < n; k++) print line[1 + (d * 31 + k * 17) % NR] > f
            close(f)
        }
    }' lines.txt
check "corpus: 200 documents generated" test "$(ls corpus | wc -l)" -eq 200
for emit in triples mentions entities; do
    for j in 1 2 4; do
        "$NERC" --data "$REPO" -q --emit $emit -j $j corpus > "par-$emit-$j.csv" 2> "par-$emit-$j.err"
        echo $? > "par-$emit-$j.rc"
    done
    check "-j: $emit output is not trivial" test "$(wc -l < par-$emit-1.csv)" -gt 200
    same "par-$emit-1.csv" "par-$emit-2.csv" "-j 1 and -j 2 give byte-identical $emit"
    same "par-$emit-1.csv" "par-$emit-4.csv" "-j 1 and -j 4 give byte-identical $emit"
    check "-j: all three runs exit 0" test "$(cat par-$emit-*.rc | tr -d '\n')" = 000
done

# ---------------------------------------------------------------- SIGPIPE
for _ in $(seq 600); do cat "$REPO"/samples/*.txt; done > big.txt   # ~10 MB: streamed
"$NERC" --data "$REPO" --emit mentions big.txt 2> pipe-err.txt | head -n 1 > /dev/null
st=("${PIPESTATUS[@]}")
check "SIGPIPE: big file | head -1 exits 0" test "${st[0]}" -eq 0
check "SIGPIPE: nothing on stderr" test ! -s pipe-err.txt
"$NERC" --data "$REPO" --emit mentions -j 2 corpus corpus corpus 2> pipe-err.txt | head -n 1 > /dev/null
st=("${PIPESTATUS[@]}")
check "SIGPIPE: -j 2 directory | head -1 exits 0 quietly" test "${st[0]}" -eq 0 -a ! -s pipe-err.txt
"$NERC" --data "$REPO" --emit mentions -j 2 --split line < big.txt 2> pipe-err.txt | head -n 1 > /dev/null
st=("${PIPESTATUS[@]}")
check "SIGPIPE: -j 2 --split line stdin | head -1 exits 0 quietly" test "${st[0]}" -eq 0 -a ! -s pipe-err.txt

# ------------------------------------------- streaming: rows before EOF
# The writer sends one item, then waits (up to 10 s) until nerc has printed that
# item's rows before it sends the next; it records whether it saw them in time.
stream_test() {
    local j=$1
    rm -f fifo stream.out seen
    mkfifo fifo
    (
        printf '%s\n' '{"id":"s1","text":"Joe Biden visited Paris."}'
        for _ in $(seq 100); do
            if grep -q '^s1,' stream.out 2>/dev/null; then echo yes > seen; break; fi
            sleep 0.1
        done
        printf '%s\n' '{"id":"s2","text":"Xi Jinping visited Beijing."}'
    ) > fifo &
    local writer=$!
    timeout 60 "$NERC" "${G[@]}" --input jsonl -j "$j" < fifo > stream.out 2> stream.err
    local rc=$?
    wait "$writer"
    check "streaming -j $j: first item's rows written before the second line arrived" test -s seen
    check "streaming -j $j: both items, exit 0" test "$rc" -eq 0 -a "$(grep -c '^s[12],' stream.out)" -eq 4
}
stream_test 1
stream_test 3

# the same for an RSS feed arriving on a pipe
rm -f fifo stream.out seen
mkfifo fifo
(
    printf '%s\n' '<rss version="2.0"><channel><title>live</title>' \
        '<item><title>Joe Biden visited Paris.</title><guid>s1</guid></item>'
    for _ in $(seq 100); do
        if grep -q '^s1,' stream.out 2>/dev/null; then echo yes > seen; break; fi
        sleep 0.1
    done
    printf '%s\n' '<item><title>Xi Jinping visited Beijing.</title><guid>s2</guid></item>' \
        '</channel></rss>'
) > fifo &
writer=$!
timeout 60 "$NERC" "${G[@]}" --input rss -j 2 < fifo > stream.out 2> stream.err
rc=$?
wait "$writer"
check "streaming rss -j 2: first item's rows written before the second item arrived" test -s seen
check "streaming rss -j 2: both items, exit 0" test "$rc" -eq 0 -a "$(grep -c '^s[12],' stream.out)" -eq 4

# ---------------------------------------------------------- GNU parallel
# Each document's rows depend on that document alone, so shards run anywhere and
# concatenated in shard order equal one run over everything.
if ! command -v parallel > /dev/null; then
    not_ok "GNU parallel is installed (apt-get install parallel)"
else
    "$NERC" --data "$REPO" -q -j 1 corpus > single.csv
    ls corpus/*.txt > files.txt
    split -n l/7 -d files.txt shard.
    head -n 1 single.csv > merged.csv
    parallel -k -j 3 "xargs $NERC --data $REPO -q -j 1 --no-header < {}" ::: shard.* >> merged.csv
    same single.csv merged.csv "parallel: 7 file shards merged = one run"
    # JSON Lines on a pipe, cut into blocks of 25 items by parallel --pipe
    awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"id\":\"L%04d\",\"text\":\"%s\"}\n", NR, $0 }' \
        lines.txt > corpus.jsonl
    "$NERC" --data "$REPO" -q -j 2 --input jsonl corpus.jsonl > single.csv
    { head -n 1 single.csv
      parallel --pipe -k -N 25 -j 3 "$NERC" --data "$REPO" -q -j 1 --input jsonl --no-header < corpus.jsonl
    } > merged.csv
    check "parallel --pipe: output is not trivial" test "$(wc -l < single.csv)" -gt 50
    same single.csv merged.csv "parallel --pipe: JSON Lines blocks merged = one run"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
