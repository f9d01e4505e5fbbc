#!/usr/bin/env bash
# cli_test.sh NERC_BINARY REPO_ROOT - end-to-end tests of the nerc command.
# Prints one line per check and "N passed, M failed" last; exits non-zero on failure.
set -u
NERC=${1:?usage: cli_test.sh NERC_BINARY REPO_ROOT}
ROOT=${2:?usage: cli_test.sh NERC_BINARY REPO_ROOT}
T=$(mktemp -d /tmp/core_cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
# the compiled-image cache of these runs stays in the scratch directory
export NERC_CACHE="$T/cache"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
bad() { fail=$((fail + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/       /'; }
# check NAME EXPECTED ACTUAL
check() { if [ "$2" == "$3" ]; then ok "$1"; else bad "$1" "expected: $(printf '%q' "$2")
got:      $(printf '%q' "$3")"; fi; }

GAZ="$ROOT/tests/data/core_cli_gazetteer.tsv"
# Output independent of the shipped lists, rules and model: only our gazetteer (and
# the built-in date grammar) can produce mentions.
ISO=(--data "$ROOT" --no-default-gazetteers --no-default-rules --no-model -g "$GAZ")
HDR_M='doc,start,end,type,text,value,source,sentence,confidence'
SENT='Talia Ortiz met Ramon Ortiz in Port Vell on 17 January 2025. The Vell Group, "said" Ortiz, agreed.'
ROWS_M='-,0,11,PERSON,Talia Ortiz,Talia Ortiz,gazetteer,1,0.95
-,16,27,PERSON,Ramon Ortiz,Ramon Ortiz,gazetteer,1,0.95
-,31,40,LOCATION,Port Vell,Port Vell,gazetteer,1,0.95
-,44,59,DATE,17 January 2025,2025-01-17,date,1,0.90
-,65,75,ORG,Vell Group,=Vell Group,gazetteer,2,0.95
-,84,89,PERSON,Ortiz,Ramon Ortiz,alias,2,0.85'

# ------------------------------------------------------------ basics
out=$("$NERC" --help 2>&1); rc=$?
check "--help exits 0" 0 "$rc"
case "$out" in Usage:*) ok "--help prints usage" ;; *) bad "--help prints usage" "$out" ;; esac
out=$("$NERC" --version 2>&1); rc=$?
check "--version exits 0" 0 "$rc"

# stdin, mentions, exact rows
out=$(printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit mentions 2>"$T/err"); rc=$?
check "stdin: exit 0" 0 "$rc"
check "stdin: header and rows" "$HDR_M
$ROWS_M" "$out"
check "stdin: nothing on stderr" "" "$(cat "$T/err")"

# -o FILE
printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit mentions -o "$T/out.csv" >"$T/stdout" 2>&1; rc=$?
check "-o: exit 0" 0 "$rc"
check "-o: file content" "$HDR_M
$ROWS_M" "$(cat "$T/out.csv")"
check "-o: stdout empty" "" "$(cat "$T/stdout")"

# --no-header
out=$(printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit mentions --no-header); rc=$?
check "--no-header: rows only" "$ROWS_M" "$out"

# --tsv
out=$(printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit mentions --tsv | sed -n '1p;6p')
check "--tsv: header and a row" "$(printf 'doc\tstart\tend\ttype\ttext\tvalue\tsource\tsentence\tconfidence\n-\t65\t75\tORG\tVell Group\t=Vell Group\tgazetteer\t2\t0.95')" "$out"

# --excel: BOM, CRLF, formula guard
printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit mentions --excel -o "$T/x.csv"; rc=$?
check "--excel: exit 0" 0 "$rc"
check "--excel: starts with a UTF-8 BOM" "efbbbf" "$(head -c 3 "$T/x.csv" | od -An -tx1 | tr -d ' \n')"
check "--excel: every line ends in CRLF" "7 7" "$(grep -c $'\r$' "$T/x.csv") $(wc -l <"$T/x.csv" | tr -d ' ')"
# (the stdin document's name "-" is guarded too: it starts with a minus)
check "--excel: formula guarded" "\"'-\",65,75,ORG,Vell Group,\"'=Vell Group\",gazetteer,2,0.95" \
  "$(sed -n 6p "$T/x.csv" | tr -d '\r')"

# --emit entities
out=$(printf '%s' "$SENT" | "$NERC" "${ISO[@]}" --emit entities)
check "--emit entities" 'doc,type,canonical,count,first_start
-,PERSON,Talia Ortiz,1,0
-,PERSON,Ramon Ortiz,2,16
-,LOCATION,Port Vell,1,31
-,ORG,=Vell Group,1,65' "$out"

# --------------------------------------------------------- exit codes
printf 'Talia Ortiz spoke.' >"$T/a.txt"
printf 'Ramon Ortiz spoke.' >"$T/b.txt"
"$NERC" "${ISO[@]}" --emit mentions --no-header "$T/a.txt" "$T/missing.txt" "$T/b.txt" \
  >"$T/out" 2>"$T/err"; rc=$?
check "a missing file among others: exit 1" 1 "$rc"
check "the other files are still processed" "$T/a.txt,0,11,PERSON,Talia Ortiz,Talia Ortiz,gazetteer,1,0.95
$T/b.txt,0,11,PERSON,Ramon Ortiz,Ramon Ortiz,gazetteer,1,0.95" "$(cat "$T/out")"
if grep -q "missing.txt" "$T/err"; then ok "the missing file is named on stderr"; else bad "the missing file is named on stderr" "$(cat "$T/err")"; fi

# usage errors: exit 2 (stderr shown on failure: a sanitizer build reports leaks there)
usage() { # NAME ARGS...
  local name=$1; shift
  printf 'x' | "$NERC" "${ISO[@]}" "$@" >/dev/null 2>"$T/err"; local rc=$?
  if [ "$rc" -eq 2 ]; then ok "$name: exit 2"; else bad "$name: exit 2" "got $rc; stderr: $(grep -m3 -E 'nerc:|ERROR|SUMMARY' "$T/err")"; fi
}
usage "bad option" --bogus
usage "bad --emit" --emit nonsense
usage "bad -j" -j 0
for d in 2025-02-30 2025-1-5 20250105 2025-01-05x 2025-01-+8 +2025-1-05 "2025-01- 8"; do
  usage "bad --doc-date '$d'" --doc-date "$d"
done
printf 'x' | "$NERC" "${ISO[@]}" --doc-date 2024-02-29 >/dev/null 2>&1; rc=$?
check "--doc-date 2024-02-29: exit 0" 0 "$rc"
"$NERC" --data "$T/nodata" "$T/a.txt" >/dev/null 2>"$T/err"; rc=$?
check "missing data dir: exit 2" 2 "$rc"
if grep -q "no such data directory" "$T/err"; then ok "missing data dir: message"; else bad "missing data dir: message" "$(cat "$T/err")"; fi

# ------------------------------------------------------- write errors
if [ -w /dev/full ]; then
  printf 'Talia Ortiz.' | "$NERC" "${ISO[@]}" --emit mentions -o /dev/full >/dev/null 2>"$T/err"; rc=$?
  [ "$rc" -ne 0 ] && ok "-o /dev/full: non-zero exit ($rc)" || bad "-o /dev/full: non-zero exit"
  check "-o /dev/full: message" "nerc: /dev/full: write error: No space left on device" "$(cat "$T/err")"
  printf 'Talia Ortiz.' | "$NERC" "${ISO[@]}" --emit mentions >/dev/full 2>"$T/err"; rc=$?
  [ "$rc" -ne 0 ] && ok "stdout to /dev/full: non-zero exit ($rc)" || bad "stdout to /dev/full: non-zero exit"
  check "stdout to /dev/full: message" "nerc: standard output: write error: No space left on device" "$(cat "$T/err")"
fi

# ------------------------------------------------ a closed pipe: quiet
python3 - "$T/big.txt" <<'EOF'
import sys
line = "Talia Ortiz met Ramon Ortiz in Port Vell on 17 January 2025. "
with open(sys.argv[1], "w") as f:
    for i in range(400000):   # about 25 MB, well over the streaming threshold
        f.write(line)
        if i % 10 == 9:
            f.write("\n")
EOF
"$NERC" "${ISO[@]}" --emit mentions "$T/big.txt" 2>"$T/err" | head -1 >"$T/head"
st=("${PIPESTATUS[@]}")
check "big file | head -1: nerc exits 0" 0 "${st[0]}"
check "big file | head -1: the header" "$HDR_M" "$(cat "$T/head")"
check "big file | head -1: nothing on stderr" "" "$(cat "$T/err")"

# ----------------------------------------- -j N gives identical output
mkdir -p "$T/many/sub"
for i in $(seq -w 1 50); do
  d="$T/many"; [ $((10#$i % 7)) -eq 0 ] && d="$T/many/sub"
  {
    printf 'Report %s\n\n' "$i"
    for k in $(seq 1 $((10#$i % 9 + 1))); do
      printf 'Talia Ortiz met Ramon Ortiz in Port Vell on %d March 2024. Ortiz spoke. ' "$k"
    done
    [ $((10#$i % 5)) -eq 0 ] && printf 'Bad \xff byte.'
    printf '\n'
  } >"$d/doc$i.txt"
done
printf 'not text' >"$T/many/skip.dat"
"$NERC" "${ISO[@]}" --emit mentions -q -j 1 "$T/many" >"$T/j1" 2>&1; r1=$?
"$NERC" "${ISO[@]}" --emit mentions -q -j 2 "$T/many" >"$T/j2" 2>&1; r2=$?
"$NERC" "${ISO[@]}" --emit mentions -q -j 7 "$T/many" >"$T/j7" 2>&1; r7=$?
check "-j 1/2/7: exit 0" "0 0 0" "$r1 $r2 $r7"
if cmp -s "$T/j1" "$T/j2" && cmp -s "$T/j1" "$T/j7"; then ok "-j 1, -j 2 and -j 7 give byte-identical output"; else bad "-j 1, -j 2 and -j 7 give byte-identical output"; fi
check "50 documents (skip.dat left out), in name order" "50 $T/many/doc01.txt $T/many/sub/doc49.txt" \
  "$(cut -d, -f1 "$T/j1" | tail -n +2 | uniq | wc -l | tr -d ' ') $(sed -n 2p "$T/j1" | cut -d, -f1) $(tail -1 "$T/j1" | cut -d, -f1)"
"$NERC" "${ISO[@]}" -q -j 1 "$T/many" >"$T/t1" 2>&1
"$NERC" "${ISO[@]}" -q -j 3 "$T/many" >"$T/t3" 2>&1
if cmp -s "$T/t1" "$T/t3"; then ok "triples: -j 1 and -j 3 identical"; else bad "triples: -j 1 and -j 3 identical"; fi

# ------------------------------------------------------------ JSON Lines
printf '{"id":"n1","date":"2025-01-18","text":"Talia Ortiz spoke on Friday."}\n{"broken\n{"id":"n3","text":"Ramon Ortiz spoke."}\n' >"$T/feed.jsonl"
"$NERC" "${ISO[@]}" --emit mentions --no-header --input jsonl "$T/feed.jsonl" >"$T/out" 2>"$T/err"; rc=$?
check "jsonl: a malformed line gives exit 1" 1 "$rc"
check "jsonl: the good lines are processed" "n1,0,11,PERSON,Talia Ortiz,Talia Ortiz,gazetteer,1,0.95
n1,21,27,DATE,Friday,2025-01-17,date,1,0.90
n3,0,11,PERSON,Ramon Ortiz,Ramon Ortiz,gazetteer,1,0.95" "$(cat "$T/out")"
if grep -q "feed.jsonl:2" "$T/err"; then ok "jsonl: the bad line is named"; else bad "jsonl: the bad line is named" "$(cat "$T/err")"; fi

# ---------------------------------------------- shipped samples, full data
for f in "$ROOT"/samples/*.txt; do
  "$NERC" --data "$ROOT" -q "$f" >"$T/s.csv" 2>"$T/err"; rc=$?
  n=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); print(len(r) if r and len(r[0])==16 and all(len(x)==len(r[0]) for x in r) else -1)' "$T/s.csv")
  if [ "$rc" -eq 0 ] && [ "$n" -gt 1 ]; then ok "sample $(basename "$f"): exit 0, $((n - 1)) well-formed rows"
  else bad "sample $(basename "$f"): exit $rc, rows $n" "$(head -3 "$T/err")"; fi
  "$NERC" --data "$ROOT" -q --emit mentions "$f" >"$T/m.csv" 2>/dev/null; rc=$?
  n=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); print(len(r) if all(len(x)==9 for x in r) else -1)' "$T/m.csv")
  if [ "$rc" -eq 0 ] && [ "$n" -gt 10 ]; then ok "sample $(basename "$f") mentions: $((n - 1)) rows"
  else bad "sample $(basename "$f") mentions: exit $rc, rows $n"; fi
done

# ------------------------------------------------------------ image cache
S1="$ROOT/samples/$(ls "$ROOT/samples" | grep '\.txt$' | head -1)"
"$NERC" --data "$ROOT" -q --no-cache --emit mentions "$S1" >"$T/nocache.csv" 2>&1
"$NERC" --data "$ROOT" --cache "$T/c2" --stats --emit mentions "$S1" >"$T/c2a.csv" 2>"$T/c2a.err"
"$NERC" --data "$ROOT" --cache "$T/c2" --stats --emit mentions "$S1" >"$T/c2b.csv" 2>"$T/c2b.err"
check "cache: first run writes gazetteer, rules and model images" \
  "3" "$(ls "$T/c2" | grep -c '^\(gazetteers\|rules\|model\)-[0-9a-f]\{16\}\.img$')"
if grep -q "entities (read as text, cache image written), [0-9]* rules (read as text, cache image written), model on (read as text, cache image written)" "$T/c2a.err"; then
  ok "cache: --stats says the images were written"; else bad "cache: --stats says the images were written" "$(cat "$T/c2a.err")"; fi
if grep -q "entities (from the cache), [0-9]* rules (from the cache), model on (from the cache)" "$T/c2b.err"; then
  ok "cache: --stats says the second run used them"; else bad "cache: --stats says the second run used them" "$(cat "$T/c2b.err")"; fi
if cmp -s "$T/nocache.csv" "$T/c2a.csv" && cmp -s "$T/nocache.csv" "$T/c2b.csv"; then
  ok "cache: output identical without, writing and reading the cache"; else bad "cache: output identical without, writing and reading the cache"; fi
for f in "$T"/c2/*.img; do head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"; done
"$NERC" --data "$ROOT" --cache "$T/c2" --stats --emit mentions "$S1" >"$T/c2c.csv" 2>"$T/c2c.err"; rc=$?
check "cache: truncated images are refused, exit 0" 0 "$rc"
if cmp -s "$T/nocache.csv" "$T/c2c.csv" && grep -q "entities (read as text, cache image written)" "$T/c2c.err"; then
  ok "cache: truncated images are read as text and rewritten, same output"; else bad "cache: truncated images are read as text and rewritten" "$(cat "$T/c2c.err")"; fi
printf 'x' >"$T/notadir"
"$NERC" --data "$ROOT" --cache "$T/notadir/sub" --stats --emit mentions "$S1" >"$T/c2d.csv" 2>"$T/c2d.err"; rc=$?
check "cache: an unusable cache directory is not an error" 0 "$rc"
if cmp -s "$T/nocache.csv" "$T/c2d.csv" && grep -q "cache directory not writable" "$T/c2d.err"; then
  ok "cache: ... the text is read and --stats says why"; else bad "cache: ... the text is read and --stats says why" "$(cat "$T/c2d.err")"; fi
NERC_CACHE= "$NERC" --data "$ROOT" --stats --emit mentions "$S1" >/dev/null 2>"$T/c2e.err"
if grep -q "entities (read as text, no cache)" "$T/c2e.err"; then ok "cache: NERC_CACHE= turns it off"; else bad "cache: NERC_CACHE= turns it off" "$(cat "$T/c2e.err")"; fi
out=$("$NERC" --cache "" "$S1" 2>&1); rc=$?
check "cache: --cache with an empty name is a usage error" 2 "$rc"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
