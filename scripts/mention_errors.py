#!/usr/bin/env python3
"""List the false positives and false negatives of a mentions prediction (overlap match).

usage: mention_errors.py GOLD.csv PRED.csv [--types PERSON,ORG] [--limit N]
A development aid for reading errors; scoring itself is done by the shared score.py.
"""
import argparse, csv, os, collections

def key(doc):
    return os.path.splitext(os.path.basename(doc.strip()))[0]

def read(path, types):
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            t = r["type"].upper()
            if types and t not in types:
                continue
            rows[key(r["doc"])].append((int(r["start"]), int(r["end"]), t, r.get("text", ""), r.get("value", "")))
    return rows

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--types", default="")
    ap.add_argument("--limit", type=int, default=60)
    a = ap.parse_args()
    types = set(a.types.upper().split(",")) - {""}
    gold, pred = read(a.gold, types), read(a.pred, types)
    fp, fn, wrongval = collections.Counter(), collections.Counter(), collections.Counter()
    for doc in gold:
        g, p = gold[doc], pred.get(doc, [])
        for x in p:
            hit = [y for y in g if y[2] == x[2] and x[0] < y[1] and y[0] < x[1]]
            if not hit:
                fp[(x[2], x[3])] += 1
            elif x[2] == "DATE" and hit[0][4] and hit[0][4].upper() != x[4].upper():
                wrongval[(x[3], x[4], hit[0][4])] += 1
        for y in g:
            if not any(x[2] == y[2] and x[0] < y[1] and y[0] < x[1] for x in p):
                fn[(y[2], y[3])] += 1
    print("== false positives (type, text, count)")
    for (t, s), n in fp.most_common(a.limit):
        print(f"{t}\t{s}\t{n}")
    print("== false negatives")
    for (t, s), n in fn.most_common(a.limit):
        print(f"{t}\t{s}\t{n}")
    if wrongval:
        print("== DATE values (text, predicted, gold)")
        for (s, v, gv), n in wrongval.most_common(a.limit):
            print(f"{s}\t{v}\t{gv}\t{n}")

main()
