#!/bin/sh
# Score a tagger model alone on a converted split: scripts/tagger_eval.sh SPLIT_DIR [DATA]
#   e.g. scripts/tagger_eval.sh gmb/converted/test
#   MODEL=path scores another model file (default models/ner.model);
#   BIN=path uses another nerc-train binary (default WORK/nerc-train, built if missing).
set -e
cd "$(dirname "$0")/.."
DATA=${2:-../shared/data}
WORK=${WORK:-/tmp/nerc-gmb}
MODEL=${MODEL:-models/ner.model}
BIN=${BIN:-$WORK/nerc-train}
[ -x "$BIN" ] || { mkdir -p "$WORK"; scripts/tagger_build.sh "$BIN"; }
set --  "$DATA/$1"
for f in gazetteers/*.tsv; do set -- "$@" --gazetteer "$f"; done
SPLIT=$1; shift
PRED=$WORK/pred-$(echo "$SPLIT" | tr / _).csv
"$BIN" --eval "$SPLIT" --model "$MODEL" --pred "$PRED" "$@"
python3 "$(dirname "$DATA")/eval/score.py" mentions "$SPLIT/mentions.csv" "$PRED" \
    --docs "$SPLIT/docs" --types PERSON,ORG,LOCATION
