#!/usr/bin/env python3
"""Write a copy of a converted GMB split's gold with GMB's country labels brought to the
project's guidelines, to see how much of a GMB score is label convention.

GMB's (largely automatic) tags put countries under `org` when a government acts, and
its `gpe` tag, which most country mentions carry, has no place in the converted gold.
GUIDELINES.md makes a country a LOCATION in both cases. This script changes only that:
  1. a gold ORG mention whose text is a country or territory of
     gazetteers/10-countries.tsv becomes LOCATION;
  2. with --add-missing PRED.csv, a predicted LOCATION mention whose text is such a
     country and which no gold mention overlaps is added as a gold LOCATION.
Everything else is left as annotated. Score the result with the shared scorer as usual:

  python3 scripts/eval.py ../shared/data/gmb/converted/dev --types PERSON,ORG,LOCATION --keep pred.csv
  scripts/gmb_guideline_gold.py ../shared/data/gmb/converted/dev --add-missing pred.csv > gold.csv
  python3 ../shared/eval/score.py mentions gold.csv pred.csv \\
      --docs ../shared/data/gmb/converted/dev/docs --types PERSON,ORG,LOCATION

This is an analysis aid: nothing is tuned on it, and the shipped scores in
docs/QUALITY.md are against the gold as annotated.
"""
import argparse
import csv
import os
import sys

ap = argparse.ArgumentParser()
ap.add_argument("split", help="a converted split folder holding mentions.csv")
ap.add_argument("--add-missing", metavar="PRED", help="predictions whose unmatched country mentions become gold")
ap.add_argument("--countries", default=os.path.join(os.path.dirname(__file__), "..", "gazetteers", "10-countries.tsv"))
args = ap.parse_args()

countries = set()
with open(args.countries, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 3 and fields[1] == "LOCATION":
            countries.add(fields[0].lower())

with open(os.path.join(args.split, "mentions.csv"), encoding="utf-8-sig", newline="") as f:
    reader = csv.DictReader(f)
    fieldnames = reader.fieldnames
    gold = list(reader)

relabelled = 0
for g in gold:
    if g["type"] == "ORG" and g["text"].lower() in countries:
        g["type"] = "LOCATION"
        relabelled += 1

added = 0
if args.add_missing:
    def overlaps(a, b):
        return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])
    by_doc = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    with open(args.add_missing, encoding="utf-8-sig", newline="") as f:
        for p in csv.DictReader(f):
            if p["type"] != "LOCATION" or p["text"].lower() not in countries:
                continue
            if any(overlaps(g, p) for g in by_doc.get(p["doc"], [])):
                continue
            row = {k: "" for k in fieldnames}
            row.update(doc=p["doc"], start=p["start"], end=p["end"], type="LOCATION", text=p["text"])
            if "value" in row:
                row["value"] = p["text"]
            gold.append(row)
            by_doc.setdefault(p["doc"], []).append(row)
            added += 1

writer = csv.DictWriter(sys.stdout, fieldnames=fieldnames, lineterminator="\n")
writer.writeheader()
writer.writerows(gold)
print(f"gmb_guideline_gold: {relabelled} ORG country mentions made LOCATION, {added} country mentions added",
      file=sys.stderr)
