#!/bin/sh
# Score models/ner.model alone on a converted split: scripts/tagger_eval.sh SPLIT_DIR [DATA]
#   e.g. scripts/tagger_eval.sh gmb/converted/test
set -e
cd "$(dirname "$0")/.."
DATA=${2:-../shared/data}
BIN=/tmp/nerc-gmb/nerc-train
[ -x "$BIN" ] || { mkdir -p /tmp/nerc-gmb; scripts/tagger_build.sh "$BIN"; }
set --  "$DATA/$1"
for f in gazetteers/*.tsv; do set -- "$@" --gazetteer "$f"; done
SPLIT=$1; shift
PRED=/tmp/nerc-gmb/pred-$(echo "$SPLIT" | tr / _).csv
"$BIN" --eval "$SPLIT" --model models/ner.model --pred "$PRED" "$@"
python3 "$(dirname "$DATA")/eval/score.py" mentions "$SPLIT/mentions.csv" "$PRED" \
    --docs "$SPLIT/docs" --types PERSON,ORG,LOCATION
