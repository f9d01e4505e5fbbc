#!/usr/bin/env bash
# Measure nerc's quality on the seed article and the converted corpora and print the
# tables (the source of docs/QUALITY.md). Usage: scripts/quality.sh [SHARED_DIR]
# SHARED_DIR holds eval/ and data/ (default ../shared). Dev splits are for tuning;
# test splits are only measured here.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
nerc=${NERC:-build/nerc}
score="python3 $shared/eval/score.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
table() { sed -n '/strict/,/^micro/p;/value accuracy/p;/offset errors/p'; }

echo "## Seed article (iran-russia-treaty), all six types"
echo '```'
$nerc --emit mentions "$shared/seeds/iran-russia-treaty.txt" > "$tmp/seed.csv"
$score mentions "$shared/eval/gold/iran-russia-treaty.mentions.csv" "$tmp/seed.csv" --docs "$shared/seeds" | table
echo '```'
echo "Gazetteers and rules alone (--no-model), PERSON/ORG/LOCATION:"
echo '```'
$nerc --no-model --emit mentions "$shared/seeds/iran-russia-treaty.txt" > "$tmp/seed0.csv"
$score mentions "$shared/eval/gold/iran-russia-treaty.mentions.csv" "$tmp/seed0.csv" --docs "$shared/seeds" --types PERSON,ORG,LOCATION | table
echo '```'
echo "Claims (nerc --emit triples):"
echo '```'
$nerc "$shared/seeds/iran-russia-treaty.txt" > "$tmp/claims.csv"
$score claims "$shared/eval/gold/iran-russia-treaty.claims.csv" "$tmp/claims.csv" | sed -n '/^claims/,/^undated/p'
echo '```'

echo "## News dev set (tests/data/newsdev: 15 articles written and annotated for the project)"
echo '```'
OUT="$tmp/newsdev" NERC="$nerc" sh tests/data/newsdev/score.sh "$shared/eval/score.py" | sed -n '/strict/,/^micro/p;/value accuracy/p;/^claims/,/^undated/p'
echo '```'

split() { # name dir types [extra nerc args]
  local name=$1 dir=$2 types=$3; shift 3
  echo "## $name"
  echo '```'
  python3 scripts/eval.py "$dir" --nerc "$nerc" --score "$shared/eval/score.py" --types "$types" "$@" | table
  echo '```'
}
split "MEANTIME dev (document dates from the manifest)" "$shared/data/meantime/converted/dev" PERSON,ORG,LOCATION,DATE
split "GMB dev, PERSON/ORG/LOCATION" "$shared/data/gmb/converted/dev" PERSON,ORG,LOCATION
split "GMB dev, gazetteers and rules only (--no-model)" "$shared/data/gmb/converted/dev" PERSON,ORG,LOCATION --no-model
split "GMB test (measured, never tuned on)" "$shared/data/gmb/converted/test" PERSON,ORG,LOCATION
split "GMB test, --no-model" "$shared/data/gmb/converted/test" PERSON,ORG,LOCATION --no-model
split "TempEval-3 dev, DATE (document dates from the manifest)" "$shared/data/timeml/converted/dev" DATE
split "TempEval-3 test, DATE (measured only)" "$shared/data/timeml/converted/test" DATE
split "CoNLL-2003 dev (evaluation only, never trained on)" "$shared/data/conll2003/converted/dev" PERSON,ORG,LOCATION
split "CoNLL-2003 test (testb; evaluation only)" "$shared/data/conll2003/converted/test" PERSON,ORG,LOCATION
