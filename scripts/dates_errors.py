#!/usr/bin/env python3
"""dates_errors.py GOLD PRED - list DATE misses, false alarms and value errors (dev aid)."""
import csv, sys

def load(p):
    out = {}
    for r in csv.DictReader(open(p, encoding='utf-8')):
        if r['type'].upper() == 'DATE':
            out.setdefault(r['doc'], []).append((int(r['start']), int(r['end']), r['text'], r.get('value', '')))
    return out

gold, pred = load(sys.argv[1]), load(sys.argv[2])
for doc in sorted(gold):
    g, p = gold[doc], pred.get(doc, [])
    for gs, ge, gt, gv in g:
        hit = [x for x in p if x[0] < ge and gs < x[1]]
        if not hit:
            print(f"MISS  {doc} {gt!r} {gv}")
        elif hit[0][3].lower() != gv.lower():
            print(f"VALUE {doc} {gt!r} gold={gv} pred={hit[0][3]} ({hit[0][2]!r})")
    for ps, pe, pt, pv in p:
        if not any(gs < pe and ps < ge for gs, ge, _, _ in g):
            print(f"FALSE {doc} {pt!r} {pv}")
