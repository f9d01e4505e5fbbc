#!/usr/bin/env python3
"""Check every *.tsv gazetteer in a folder against gazetteers/FORMAT.md.

Usage: python3 scripts/check_gazetteers.py [--all-warnings] [--quiet] DIR

Errors (exit status 1), printed as FILE:LINE: reason
  - a line without a TAB, or with fewer than 3 or more than 5 fields
  - an empty surface, type or canonical
  - a field with leading or trailing spaces, or a control character
  - an unknown type (PERSON ORG LOCATION WEAPON AGREEMENT DEMONYM NONE)
  - an unknown flag (known: cs)
  - the same surface key and type twice in one file with two different canonicals
    (the loader keeps the first line only, so the second is silently lost)
  - a file that is not valid UTF-8
Warnings (do not change the exit status)
  - the same surface key with different types in different files (the conflict
    policy of FORMAT.md decides; such pairs should be rare and deliberate);
    the first 20 are listed unless --all-warnings is given
Notes (counted; listed with --all-warnings)
  - a redundant line: same key, type and canonical as an earlier line of the file
    (for example a spelling that differs only in diacritics)

Surfaces are compared on the loader's key: NFKC, case folded, diacritics stripped,
curly quotes and dashes as ASCII, hyphens and slashes as token separators.
Afterwards it prints, per file and per type, the number of lines and of distinct
canonicals (the figures quoted in gazetteers/SOURCES.md).
Python 3 standard library only.
"""

import argparse
import glob
import os
import re
import sys
import unicodedata

TYPES = ("PERSON", "ORG", "LOCATION", "WEAPON", "AGREEMENT", "DEMONYM", "NONE")
FLAGS = {"cs"}

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02bb": "'", "\u201c": '"',
    "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-",
})


def norm_key(s):
    s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE).casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c))
    s = re.sub(r"[-/]", " ", s)
    return " ".join(s.split())


def has_control(s):
    return any(unicodedata.category(c) == "Cc" for c in s)


def check_file(path, errors, repeats, stats, first_seen, cross):
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append("%s:1: not valid UTF-8 (%s)" % (name, e))
        return
    if text.startswith("\ufeff"):
        errors.append("%s:1: byte order mark at the start of the file" % name)
        text = text[1:]
    seen = {}  # (key, type) -> (line, canonical)
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        where = "%s:%d" % (name, n)
        if "\t" not in line:
            errors.append("%s: no TAB (fields are TAB separated)" % where)
            continue
        fields = line.split("\t")
        if len(fields) < 3 or len(fields) > 5:
            errors.append("%s: %d fields, expected 3 to 5" % (where, len(fields)))
            continue
        bad = False
        for i, label in enumerate(("surface", "type", "canonical", "id", "flags")):
            if i >= len(fields):
                break
            v = fields[i]
            if v != v.strip():
                errors.append("%s: leading or trailing space in %s %r" % (where, label, v))
                bad = True
            if has_control(v):
                errors.append("%s: control character in %s" % (where, label))
                bad = True
        surface, typ, canonical = (x.strip() for x in fields[:3])
        ident = fields[3].strip() if len(fields) > 3 else ""
        flags = fields[4].strip() if len(fields) > 4 else ""
        for label, v in (("surface", surface), ("type", typ), ("canonical", canonical)):
            if not v:
                errors.append("%s: empty %s" % (where, label))
                bad = True
        if typ and typ not in TYPES:
            errors.append("%s: unknown type %r (known: %s)" % (where, typ, " ".join(TYPES)))
            bad = True
        if flags:
            for fl in flags.split(","):
                if fl.strip() not in FLAGS:
                    errors.append("%s: unknown flag %r (known: %s)"
                                  % (where, fl, " ".join(sorted(FLAGS))))
                    bad = True
        if bad:
            continue
        key = norm_key(surface)
        if not key:
            errors.append("%s: surface %r has an empty matching key" % (where, surface))
            continue
        prev = seen.get((key, typ))
        if prev is not None:
            if prev[1] != canonical:
                errors.append("%s: %r %s -> %r, but line %d has the same surface -> %r"
                              % (where, surface, typ, canonical, prev[0], prev[1]))
            else:
                repeats.append("%s: same key as line %d (%r %s), ignored by the loader"
                               % (where, prev[0], surface, typ))
            continue
        seen[(key, typ)] = (n, canonical)
        st = stats.setdefault(name, {}).setdefault(typ, [0, set()])
        st[0] += 1
        st[1].add(canonical)
        # cross-file type conflicts
        other = first_seen.get(key)
        if other is None:
            first_seen[key] = {typ: (name, n, surface)}
        else:
            for otyp, (oname, on, osurf) in other.items():
                if otyp != typ and oname != name:
                    cross.append("%s: %r %s is also %s at %s:%d"
                                 % (where, surface, typ, otyp, oname, on))
                    break
            other.setdefault(typ, (name, n, surface))


def main():
    ap = argparse.ArgumentParser(description="Check nerc gazetteer files.")
    ap.add_argument("dir", help="folder with *.tsv files")
    ap.add_argument("--all-warnings", action="store_true",
                    help="list every cross-type warning, not only the first 20")
    ap.add_argument("--quiet", action="store_true", help="do not print the counts")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.dir, "*.tsv")))
    if not files:
        print("%s: no *.tsv files" % args.dir, file=sys.stderr)
        return 1
    errors, repeats, cross = [], [], []
    stats, first_seen = {}, {}
    for path in files:
        check_file(path, errors, repeats, stats, first_seen, cross)

    if args.all_warnings:
        for w in repeats:
            print("note: " + w, file=sys.stderr)
    shown = cross if args.all_warnings else cross[:20]
    for w in shown:
        print("warning: " + w, file=sys.stderr)
    if len(shown) < len(cross):
        print("warning: ... %d more surfaces with two types (--all-warnings lists them)"
              % (len(cross) - len(shown)), file=sys.stderr)
    for e in errors:
        print(e, file=sys.stderr)

    if not args.quiet:
        print("%-28s %-10s %8s %10s" % ("file", "type", "lines", "canonicals"))
        totals = {}
        for name in sorted(stats):
            for typ in TYPES:
                if typ in stats[name]:
                    n, canon = stats[name][typ]
                    print("%-28s %-10s %8d %10d" % (name, typ, n, len(canon)))
                    t = totals.setdefault(typ, [0, set()])
                    t[0] += n
                    t[1] |= canon
        for typ in TYPES:
            if typ in totals:
                print("%-28s %-10s %8d %10d" % ("TOTAL", typ, totals[typ][0],
                                                len(totals[typ][1])))
        print("%d files, %d errors, %d cross-type warnings, %d redundant lines"
              % (len(files), len(errors), len(cross), len(repeats)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
