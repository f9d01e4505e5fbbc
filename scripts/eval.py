#!/usr/bin/env python3
"""Score nerc on a converted corpus split (development aid).

usage: eval.py SPLIT_DIR [--nerc BIN] [--types T1,T2] [--no-date] [extra nerc options, e.g. --no-model]
SPLIT_DIR is a converted/<split> folder (docs/ + mentions.csv); document dates come from
the corpus manifest (converted/manifest.csv, column dct) when present. The documents are
sent to nerc as one JSON Lines feed (id, date, text), so a split costs one start-up.
Prints score.py's table. The scorer lives in the shared evaluation folder (--score).
"""
import argparse, csv, json, os, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("split")
ap.add_argument("--nerc", default="build/nerc")
ap.add_argument("--score", default="../shared/eval/score.py")
ap.add_argument("--types", default="")
ap.add_argument("--no-date", action="store_true")
ap.add_argument("--keep", help="write the predictions here")
a, extra = ap.parse_known_args()
a.extra = [x for x in extra if x != "--"]

docs = os.path.join(a.split, "docs")
manifest = os.path.join(os.path.dirname(a.split.rstrip("/")), "manifest.csv")
dct = {}
if os.path.exists(manifest) and not a.no_date:
    with open(manifest, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r.get("dct"):
                dct[r["doc"]] = r["dct"]
with tempfile.TemporaryDirectory() as tmp:
    feed = os.path.join(tmp, "feed.jsonl")
    with open(feed, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(docs)):
            stem = os.path.splitext(name)[0]
            text = open(os.path.join(docs, name), encoding="utf-8").read()
            item = {"id": stem, "text": text}
            if stem in dct:
                item["date"] = dct[stem]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    pred = a.keep or os.path.join(tmp, "pred.csv")
    subprocess.run([a.nerc, "--input", "jsonl", "--emit", "mentions", "-o", pred, "-q", feed]
                   + a.extra, check=True)
    cmd = [sys.executable, a.score, "mentions", os.path.join(a.split, "mentions.csv"), pred,
           "--docs", docs]
    if a.types:
        cmd += ["--types", a.types]
    subprocess.run(cmd, check=True)
