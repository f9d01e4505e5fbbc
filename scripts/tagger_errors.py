#!/usr/bin/env python3
"""Most frequent overlap errors of a prediction file: tagger_errors.py GOLD.csv PRED.csv"""
import collections
import csv
import sys

T = ("PERSON", "ORG", "LOCATION")
g = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["type"] in T]
p = [r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["type"] in T]


def index(rows):
    d = collections.defaultdict(list)
    for r in rows:
        d[r["doc"]].append((int(r["start"]), int(r["end"]), r["type"], r["text"]))
    return d


gi, pi = index(g), index(p)


def missed(a, b):
    out = collections.Counter()
    for doc, ms in a.items():
        for s, e, t, x in ms:
            hit = [q for q in b.get(doc, []) if q[0] < e and s < q[1]]
            if not any(q[2] == t for q in hit):
                other = hit[0][2] if hit else "-"
                out[(t, x, other)] += 1
    return out


for name, c in (("FN (gold type, text, pred type)", missed(gi, pi)),
                ("FP (pred type, text, gold type)", missed(pi, gi))):
    print(name, sum(c.values()))
    for k, v in c.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 30):
        print("  %4d %s" % (v, k))
