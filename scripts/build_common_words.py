#!/usr/bin/env python3
"""Build models/common_words.txt: words that news text writes in lower case.

A word counts as common when, away from the start of a sentence, it is written in lower
case at least 3 times and more than 1.5 times as often as capitalised. nerc drops a
statistical-model span made only of such words ("Post", "Strategic Studies"): a name
the model invents from a capitalised common word is the model's typical error, and a
real name of that shape is rare. Input: plain-text documents (default: the GMB training
split made by scripts/tagger_gmb_train.py, public-domain VOA text).

usage: build_common_words.py [DOCS_DIR] [--out models/common_words.txt]
"""
import argparse, collections, os, re

ap = argparse.ArgumentParser()
ap.add_argument("docs", nargs="?", default="/tmp/nerc-gmb/train/docs")
ap.add_argument("--out", default="models/common_words.txt")
a = ap.parse_args()

word = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
lower, cap = collections.Counter(), collections.Counter()
for name in sorted(os.listdir(a.docs)):
    text = open(os.path.join(a.docs, name), encoding="utf-8").read()
    for line in text.splitlines():
        for sent in re.split(r"(?<=[.!?])\s+", line):
            toks = word.findall(sent)
            for t in toks[1:]:
                if t.islower():
                    lower[t] += 1
                elif t[0].isupper() and not t.isupper():
                    cap[t.lower()] += 1
common = sorted(w for w, n in lower.items() if n >= 3 and n > 1.5 * cap[w])
with open(a.out, "w", encoding="utf-8") as f:
    f.write("# Words that news text writes in lower case (one key per line).\n")
    f.write("# Built by scripts/build_common_words.py from the GMB training split (public-domain\n")
    f.write("# Voice of America text via the Groningen Meaning Bank); regenerate, do not edit.\n")
    for w in common:
        f.write(w + "\n")
print(f"{len(common)} common words -> {a.out}")
