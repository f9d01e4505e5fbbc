#!/usr/bin/env python3
"""List unmatched gold and predicted claims (development aid; the shared score.py
rules: same doc, equal dates, overlapping evidence, subjects containing each other).

usage: claim_errors.py GOLD.csv PRED.csv DOCS_DIR
"""
import csv, os, sys

def key(d):
    return os.path.splitext(os.path.basename(d.strip()))[0]

def read(path):
    out = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if (r.get("kind") or "claim").strip().lower() != "claim":
                continue
            out.append(dict(doc=key(r["doc"]), subj=r["subject"].strip(), pred=r.get("predicate", ""),
                            obj=r.get("object", ""), date=(r.get("date") or "").strip().upper(),
                            s=int(r["start"]), e=int(r["end"])))
    return out

def subj_match(a, b):
    a, b = a.casefold().replace("\u2019", "'"), b.casefold().replace("\u2019", "'")
    return a in b or b in a

gold, pred = read(sys.argv[1]), read(sys.argv[2])
docs = sys.argv[3]
used_p = set()
unmatched_g = []
for g in gold:
    hit = None
    for i, p in enumerate(pred):
        if i in used_p or p["doc"] != g["doc"] or p["date"] != g["date"]:
            continue
        if p["s"] < g["e"] and g["s"] < p["e"] and subj_match(p["subj"], g["subj"]):
            hit = i
            break
    if hit is None:
        unmatched_g.append(g)
    else:
        used_p.add(hit)

def sent(c):
    t = open(os.path.join(docs, c["doc"] + ".txt"), "rb").read()[c["s"]:c["e"]].decode("utf-8", "replace")
    return " ".join(t.split())[:220]

print(f"== gold claims not found ({len(unmatched_g)})")
for g in unmatched_g:
    near = [p for p in pred if p["doc"] == g["doc"] and p["s"] < g["e"] and g["s"] < p["e"]]
    print(f"- {g['doc']}: {g['subj']} | {g['pred']} | {g['date']}  :: {sent(g)}")
    for p in near:
        print(f"    nerc: {p['subj']} | {p['pred']} | {p['date']}")
print(f"== predicted claims not in gold ({len(pred) - len(used_p)})")
for i, p in enumerate(pred):
    if i not in used_p:
        print(f"- {p['doc']}: {p['subj']} | {p['pred']} | {p['date']} | {p['obj'][:60]}")
