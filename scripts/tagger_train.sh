#!/bin/sh
# Rebuild models/ner.model from scratch (deterministic): scripts/tagger_train.sh [DATA] [WORK]
#   DATA: the shared data folder (default ../shared/data); WORK: scratch (default /tmp/nerc-gmb)
#   OUT=path writes the model elsewhere (default models/ner.model); extra nerc-train
#   options can be given in TRAIN_OPTS.
set -e
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
WORK=${2:-/tmp/nerc-gmb}
OUT=${OUT:-models/ner.model}
python3 scripts/tagger_gmb_train.py --data "$DATA" --out "$WORK/gmb" >/dev/null
scripts/tagger_build.sh "$WORK/nerc-train"
set --
for f in gazetteers/*.tsv; do set -- "$@" --gazetteer "$f"; done
# shellcheck disable=SC2086
"$WORK/nerc-train" --corpus "$WORK/gmb/train" --out "$OUT" \
    --epochs 6 --seed 1 --bits 20 --prune 0.05 --upper 0.1 --gaz-drop 0.3 $TRAIN_OPTS "$@"
