#!/usr/bin/env python3
"""Build a GMB training split for the tagger from the sentences that are NOT in
the converted GMB dev/test documents, so dev and test stay clean.

Uses the shared converter's functions and the same raw file; writes
OUT/train/docs/*.txt and OUT/train/mentions.csv (same layout and type mapping
as data/convert/gmb.py: per->PERSON, org->ORG, geo->LOCATION, tim->DATE), with
two fixes that bring the automatic GMB tags closer to the project guidelines:
- a `gpe` span whose text is a known place name (a LOCATION alias in the
  gazetteers folder: Nepal, Sudan, U.S.) becomes LOCATION; demonyms stay out;
- leading titles are cut from PERSON spans (`President Bush` -> `Bush`).

Usage: python3 scripts/tagger_gmb_train.py [--data ../shared/data] [--out /tmp/nerc-gmb/gmb]
The --out folder is deleted and rewritten (the shared converter's Writer does that).
"""
import argparse
import csv
import json
import os
import sys


TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president",
    "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "gen",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
    "gov", "mayor", "king", "queen", "prince", "princess", "crown", "emperor", "sheikh",
    "emir", "sultan", "pope", "cardinal", "archbishop", "bishop", "reverend", "rev",
    "ayatollah", "imam", "cleric", "rabbi", "colonel", "col", "lieutenant", "lt", "major",
    "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander", "judge",
    "justice", "ambassador", "envoy", "chairman", "chief", "foreign", "defense", "defence",
    "interior", "deputy", "finance", "opposition", "former", "acting",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="/tmp/nerc-gmb/gmb")
    ap.add_argument("--sents-per-doc", type=int, default=10)
    ap.add_argument("--gazetteers", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gazetteers"))
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.data, "convert"))
    from common import Writer, detokenize, iob_spans, verify  # noqa: E402
    from gmb import TYPE_MAP, read_sentences  # noqa: E402

    # Sentence numbers used by the converted dev/test pseudo-documents.
    held = set()
    with open(os.path.join(args.data, "gmb", "converted", "manifest.csv"),
              encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b = r["source"].split()[1].split("-")
            held.update(range(int(a), int(b) + 1))

    places = set()
    for name in sorted(os.listdir(args.gazetteers)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(args.gazetteers, name), encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 3 and not line.startswith("#") and fields[1] == "LOCATION":
                    places.add(fields[0].lower())

    sents = read_sentences(os.path.join(args.data, "gmb", "raw", "ner_dataset.csv.zip"))
    sents = [s for s in sents if s["n"] not in held]
    w = Writer(args.out, splits=("train",))
    k = args.sents_per_doc
    for i in range(0, len(sents), k):
        block = sents[i:i + k]
        text, spans = detokenize([s["tokens"] for s in block])
        mentions = []
        for si, s in enumerate(block):
            for a, b, typ in iob_spans(s["tags"]):
                if typ == "gpe" and " ".join(s["tokens"][a:b]).lower() in places:
                    typ = "geo"
                if typ == "per":
                    while b - a > 1 and s["tokens"][a].lower().rstrip(".") in TITLES:
                        a += 1
                t = TYPE_MAP.get(typ)
                if t:
                    mentions.append((spans[si][a][0], spans[si][b - 1][1], t, ""))
        w.add("gmbtr_s%06d" % block[0]["n"], "train", text, mentions,
              tokens=sum(len(s["tokens"]) for s in block))
    summary = w.close()
    total, bad = verify(args.out)
    print(json.dumps({"held_out_sentences": len(held), "splits": summary,
                      "verified_mentions": total, "mismatches": bad}, indent=1))


if __name__ == "__main__":
    main()
