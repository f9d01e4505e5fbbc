#!/usr/bin/env python3
"""Write a synthetic gazetteer of N entries (default 1,000,000) to stdout.

Deterministic: the same N gives the same bytes on every machine (a fixed linear
congruential generator, no `random`). Names are built from syllables, 1 to 3 words,
capitalised like real names; types cycle over PERSON, ORG and LOCATION.
Format: gazetteers/FORMAT.md (surface, type, canonical, id).

    python3 bench/synth_gazetteer.py 1000000 > synth.tsv
"""
import sys

SYL = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "dra", "bek", "zu", "hol",
       "qui", "mar", "nos", "pe", "ril", "ost", "ga", "lin", "fer", "do", "ush", "te",
       "wa", "yen", "bri", "col", "es", "har", "iv", "jun"]
TYPES = ["PERSON", "ORG", "LOCATION"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    state = 12345
    out = sys.stdout
    out.write("# synthetic gazetteer for benchmarks: %d entries\n" % n)
    for i in range(n):
        words = []
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        nwords = 1 + (state >> 16) % 3
        for _ in range(nwords):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            nsyl = 2 + (state >> 20) % 3
            w = ""
            for _ in range(nsyl):
                state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                w += SYL[(state >> 16) % len(SYL)]
            words.append(w.capitalize())
        name = " ".join(words)
        out.write("%s\t%s\t%s\tsynth:%d\n" % (name, TYPES[i % 3], name, i))


if __name__ == "__main__":
    main()
