#!/usr/bin/env bash
# run.sh NERC_BINARY REPO_ROOT - run every hostile input of cases.tsv end to end.
#
# Each case's input is generated into a temporary directory by the gen_<name>
# function below, then run as
#     timeout $NERC_HOSTILE_TIMEOUT nerc --data REPO_ROOT --emit mentions INPUT
# and checked: no crash (exit >= 128) and no hang (timeout), the exit status of the
# table, stdout parses as CSV (9 fields a row, valid UTF-8), the rows the table asks
# for, and for exit 1 a line on stderr naming the input.
#
# Unreadable files: tests usually run as root, and chmod 000 does not stop root. The
# `unreadable` case then uses a file whose directory entry is a dangling symlink
# instead (open fails with ENOENT); the `removed_mid_run` case covers a file deleted
# between the directory walk and its turn. Both must be named on stderr with exit 1
# while every other input is still processed.
#
# NERC_HOSTILE_BIG=1 makes long_line 200 MB instead of 20 MB; NERC_HOSTILE_ONLY=NAME
# runs one case; NERC_HOSTILE_TIMEOUT sets the per-case limit (default 120 s).
# Prints one line per case and "N passed, M failed" last; exits non-zero on failure.
set -u
NERC=${1:?usage: run.sh NERC_BINARY REPO_ROOT}
ROOT=${2:?usage: run.sh NERC_BINARY REPO_ROOT}
HERE=$(cd "$(dirname "$0")" && pwd)
TIMEOUT=${NERC_HOSTILE_TIMEOUT:-120}
W=$(mktemp -d /tmp/core_hostile.XXXXXX)
export NERC_CACHE="$W/cache" # keep the image cache of these runs in the scratch directory
trap 'chmod -R u+rwX "$W" 2>/dev/null; rm -rf "$W"' EXIT
pass=0
fail=0
NAME='Vladimir Putin'   # in the shipped gazetteer: a row whenever it survives

py() { python3 - "$@"; }

# Each generator writes its input under $1 and prints the path(s) to pass to nerc.
gen_empty() { : >"$1/in.txt"; echo "$1/in.txt"; }
gen_whitespace() { printf ' \t\r\n\f\v  \xc2\xa0\n\n\t ' >"$1/in.txt"; echo "$1/in.txt"; }
gen_nul_bytes() { printf 'Vladimir\0 Putin met\0\0officials. %s\0spoke.\0' "$NAME" >"$1/in.txt"; echo "$1/in.txt"; }
gen_only_nuls() { head -c 65536 /dev/zero >"$1/in.txt"; echo "$1/in.txt"; }
gen_overlong() { printf '\xc0\xaf %s \xe0\x80\xaf spoke \xf0\x80\x80\xaf. \xc1\xbf' "$NAME" >"$1/in.txt"; echo "$1/in.txt"; }
gen_surrogates() { printf '\xed\xa0\x80%s\xed\xbf\xbf spoke. \xed\xb0\x80' " $NAME " >"$1/in.txt"; echo "$1/in.txt"; }
gen_truncated() { printf '\xe2\x82 %s \xf0\x9f\x98 spoke \x80\xbf\x80. Then \xe2\x80' "$NAME" >"$1/in.txt"; echo "$1/in.txt"; }
gen_over_f4() { printf '\xf5\xff %s \xf4\x90\x80\x80 spoke \xfe\xf8\xfc. \xf7\xbf\xbf\xbf' "$NAME" >"$1/in.txt"; echo "$1/in.txt"; }
gen_random_bytes() {
  py "$1/in.txt" <<'EOF'
import random, sys
r = random.Random(1234)
open(sys.argv[1], "wb").write(bytes(r.getrandbits(8) for _ in range(1 << 20)))
EOF
  echo "$1/in.txt"
}
gen_binary() { cp /bin/ls "$1/in.txt"; echo "$1/in.txt"; }
gen_token_1mb() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("Q"*(1<<20))'; echo "$1/in.txt"; }
gen_capitals_run() {
  py "$1/in.txt" <<'EOF'
import sys
words = ["Alder", "Brisk", "Corran", "Dell", "Ennis", "al-Faro", "bin", "Gault", "O'Hare", "Ibsen-Jory"]
open(sys.argv[1], "w").write(" ".join(words[i % len(words)] for i in range(20000)))
EOF
  echo "$1/in.txt"
}
gen_allcaps_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("ABCDEFGHIJKLMNOPQRSTUVWXYZ"*20000)'; echo "$1/in.txt"; }
gen_hyphen_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("-".join("ABCDEFGH"[i%8] for i in range(150000))+" Su-"*20000)'; echo "$1/in.txt"; }
gen_digit_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write(("20240105"*60000)+" "+("1.2-3/4 "*50000))'; echo "$1/in.txt"; }
gen_title_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("President "*30000+"Vell Ortiz said.")'; echo "$1/in.txt"; }
gen_treaty_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("Vell "*20000+"Treaty of "*5000+"Arden and the Pact")'; echo "$1/in.txt"; }
gen_quotes_brackets() {
  py "$1/in.txt" <<'EOF'
import sys
n = 10000
open(sys.argv[1], "w").write('"' * n + "(" * n + "[" * n + "\u201c" * n + " Vladimir Putin said " + "\u201d" * n + "]" * n + ")" * n + '"' * n + ".")
EOF
  echo "$1/in.txt"
}
gen_stops_run() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("Vladimir Putin spoke"+"."*(1<<20)+"?!"*(1<<19))'; echo "$1/in.txt"; }
gen_long_line() {
  local mb=20
  [ "${NERC_HOSTILE_BIG:-0}" = 1 ] && mb=200
  py "$1/in.txt" "$mb" <<'EOF'
import sys
s = "Vladimir Putin met officials in Moscow on 17 January 2025 and spoke at length. "
n = int(sys.argv[2]) * 1000000 // len(s)
with open(sys.argv[1], "w") as f:
    for _ in range(n // 1000):
        f.write(s * 1000)
EOF
  echo "$1/in.txt"
}
gen_long_sentence() { py "$1/in.txt" <<<'import sys; open(sys.argv[1],"w").write("Vladimir Putin and "*150000)'; echo "$1/in.txt"; }
gen_crlf_cr_only() { printf 'Heading\r\rVladimir Putin spoke.\rThen he left.\r\nMore text\r\n' >"$1/in.txt"; echo "$1/in.txt"; }
gen_directory() {
  mkdir -p "$1/d/sub" "$1/d/empty"
  printf '%s spoke.' "$NAME" >"$1/d/a.txt"
  printf '%s left.' "$NAME" >"$1/d/sub/b.txt"
  printf 'ignored' >"$1/d/c.dat"
  echo "$1/d"
}
gen_dangling_symlink() {
  mkdir -p "$1/d"
  printf '%s spoke.' "$NAME" >"$1/d/a.txt"
  ln -s "$1/nowhere.txt" "$1/d/b.txt"
  ln -s "$1/nowhere2.txt" "$1/gone.txt"
  printf '%s\n%s\n' "$1/d" "$1/gone.txt"
}
gen_unreadable() {
  printf '%s spoke.' "$NAME" >"$1/a.txt"
  if [ "$(id -u)" -ne 0 ]; then
    printf '%s spoke.' "$NAME" >"$1/secret.txt"
    chmod 000 "$1/secret.txt"
  else
    ln -s "$1/missing-target.txt" "$1/secret.txt" # root reads anything: see the header
  fi
  printf '%s\n%s\n' "$1/secret.txt" "$1/a.txt"
}
gen_removed_mid_run() { :; } # the runner makes its files (see the loop)
gen_dev_full() { printf '%s spoke.' "$NAME" >"$1/in.txt"; echo "$1/in.txt"; }
gen_jsonl_hostile() {
  py "$1/in.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "j1", "text": "Vladimir Putin\u0000 spoke."}) + "\n")
    f.write(json.dumps({"id": "j2", "text": "Vladimir Putin met them. " * 40000}) + "\n")
    f.write('{"id": "j3", "text": \n')
    f.write('[1, 2, 3]\n')
    f.write(json.dumps({"id": "j5", "date": "2025-99-99", "text": "Vladimir Putin left."}) + "\n")
EOF
  echo "$1/in.jsonl"
}

# Checks stdout: prints the number of data rows, or an error message.
csv_rows() {
  python3 - "$1" <<'EOF'
import csv, io, sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("invalid UTF-8: %s" % e); sys.exit(0)
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
if rows and rows[0] != ["doc", "start", "end", "type", "text", "value", "source", "sentence", "confidence"]:
    print("bad header: %r" % rows[0][:3]); sys.exit(0)
for r in rows:
    if len(r) != 9:
        print("a row with %d fields: %r" % (len(r), r[:3])); sys.exit(0)
print(max(len(rows) - 1, 0))
EOF
}

while IFS=$'\t' read -r name want_exit want_out what; do
  case "$name" in ''|'#'*) continue ;; esac
  [ -n "${NERC_HOSTILE_ONLY:-}" ] && [ "$name" != "$NERC_HOSTILE_ONLY" ] && continue
  d="$W/$name"
  mkdir -p "$d"
  mapfile -t inputs < <("gen_$name" "$d")
  extra=(--emit mentions)
  [ "$name" = jsonl_hostile ] && extra+=(--input jsonl)
  out="$d/out.csv"
  start=$(date +%s)
  if [ "$name" = dev_full ]; then
    timeout "$TIMEOUT" "$NERC" --data "$ROOT" "${extra[@]}" -o /dev/full "${inputs[@]}" >"$out" 2>"$d/err"
    rc=$?
  elif [ "$name" = removed_mid_run ]; then
    # a big first file keeps nerc busy; the second is deleted once rows flow
    py "$d/a.txt" <<<'import sys; open(sys.argv[1],"w").write("Vladimir Putin spoke in Moscow. "*200000)'
    printf '%s spoke.' "$NAME" >"$d/b.txt"
    printf '%s left.' "$NAME" >"$d/c.txt"
    inputs=("$d/a.txt" "$d/b.txt" "$d/c.txt")
    timeout "$TIMEOUT" "$NERC" --data "$ROOT" "${extra[@]}" -j 1 "${inputs[@]}" >"$out" 2>"$d/err" &
    pid=$!
    for _ in $(seq 1 200); do
      [ -s "$out" ] && [ "$(wc -l <"$out")" -gt 100 ] && break
      sleep 0.05
    done
    rm -f "$d/b.txt"
    wait "$pid"
    rc=$?
  else
    timeout "$TIMEOUT" "$NERC" --data "$ROOT" "${extra[@]}" "${inputs[@]}" >"$out" 2>"$d/err"
    rc=$?
  fi
  secs=$(( $(date +%s) - start ))
  problems=()
  if [ "$rc" -eq 124 ]; then problems+=("timed out after ${TIMEOUT}s")
  elif [ "$rc" -ge 128 ]; then problems+=("crashed (exit $rc)")
  elif [ "$rc" -ne "$want_exit" ]; then problems+=("exit $rc, expected $want_exit")
  fi
  if [ "$name" != dev_full ]; then
    rows=$(csv_rows "$out")
    case "$rows" in
      ''|*[!0-9]*) problems+=("output: $rows") ;;
      *)
        [ "$want_out" = rows ] && [ "$rows" -lt 1 ] && problems+=("no rows")
        [ "$want_out" = none ] && [ "$rows" -ne 0 ] && problems+=("$rows rows, expected none")
        ;;
    esac
  else
    rows=0
  fi
  if [ "$want_exit" -eq 1 ]; then
    named=0
    case "$name" in
      dangling_symlink) grep -q "b.txt" "$d/err" && grep -q "gone.txt" "$d/err" && named=1 ;;
      unreadable) grep -q "secret.txt" "$d/err" && named=1 ;;
      removed_mid_run) grep -q "b.txt" "$d/err" && grep -q "$d/c.txt," "$out" && named=1 ;;
      dev_full) grep -q "/dev/full" "$d/err" && named=1 ;;
      jsonl_hostile) grep -q "in.jsonl:3" "$d/err" && grep -q "in.jsonl:4" "$d/err" && grep -q '^j2,' "$out" && grep -q '^j5,' "$out" && named=1 ;;
    esac
    [ "$named" -eq 1 ] || problems+=("the failing input is not named on stderr (or the rest was not processed): $(head -c 300 "$d/err")")
  fi
  if grep -qiE "AddressSanitizer|runtime error|LeakSanitizer" "$d/err"; then
    problems+=("sanitizer report: $(grep -m1 -iE 'ERROR|runtime error' "$d/err")")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    pass=$((pass + 1))
    echo "ok   - $name: exit $rc, $rows rows, ${secs}s ($what)"
  else
    fail=$((fail + 1))
    echo "FAIL - $name: ${problems[*]} ($what)"
  fi
  rm -f "$d"/*.txt "$out" 2>/dev/null
done <"$HERE/cases.tsv"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
