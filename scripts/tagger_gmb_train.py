#!/usr/bin/env python3
"""Build a GMB training split for the tagger from the sentences that are NOT in
the converted GMB dev/test documents, so dev and test stay clean.

Reads the shared converter's helpers and the same raw file; writes
OUT/train/docs/*.txt and OUT/train/mentions.csv (same layout and type mapping
as data/convert/gmb.py: per->PERSON, org->ORG, geo->LOCATION, tim->DATE).

Usage: python3 scripts/tagger_gmb_train.py [--data /work/shared/data] [--out /tmp/nerc-gmb]
"""
import argparse
import csv
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--out", default="/tmp/nerc-gmb")
    ap.add_argument("--sents-per-doc", type=int, default=10)
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
