#!/bin/sh
# Rebuild models/ner.model from scratch (deterministic): scripts/tagger_train.sh [DATA] [WORK]
#   DATA: the shared data folder (default ../shared/data); WORK: scratch (default /tmp/nerc-gmb)
set -e
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
WORK=${2:-/tmp/nerc-gmb}
python3 scripts/tagger_gmb_train.py --data "$DATA" --out "$WORK"
scripts/tagger_build.sh "$WORK/nerc-train"
set --
for f in gazetteers/*.tsv; do set -- "$@" --gazetteer "$f"; done
"$WORK/nerc-train" --corpus "$WORK/train" --out models/ner.model \
    --epochs 6 --seed 1 --bits 20 --prune 0.05 --upper 0.1 --gaz-drop 0.3 "$@"
