#!/usr/bin/env python3
"""Add (?#cues:...) to the rules of a rule file whose span is a literal name.

For a rule whose pattern opens with lookbehinds and then a capture group, the cue
words are the letter runs written literally in that group (escapes, character
classes and quantified letters excluded): a match must contain one of them, so the
rule only needs to run on sentences holding one (nerc also tries a token's letters
before its digits and without a plural s: "Su35" -> su, "Tomahawks" -> tomahawk).
Rules it cannot read safely keep running on every sentence. Rules that already have
cues are left alone. Rewrites the file in place; prints what it did.

usage: add_rule_cues.py FILE.rules
"""
import re, sys

def find_group(pattern, number):
    """Index of the '(' that opens capture group `number`, or None."""
    count, j = 0, 0
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = skip_class(pattern, j)
            continue
        if c == "(":
            nxt = pattern[j + 1:j + 3]
            capturing = not nxt.startswith("?") or (
                nxt in ("?<", "?P", "?'") and pattern[j + 3:j + 4] not in ("=", "!"))
            if pattern.startswith("(?#", j):
                j = pattern.index(")", j) + 1
                continue
            if capturing:
                count += 1
                if count == number:
                    return j
        j += 1
    return None


def group_words(pattern, number=1):
    """Cue words of the span group: a rule only emits a match in which that group
    matched, so a word the group must contain is a sound cue wherever the group
    stands in the pattern."""
    i = find_group(pattern, number)
    if i is None:
        return None
    # The capture group: collect literal letter runs. A run is a usable cue only when
    # it is a whole token or the letters that open one: nothing that can match a
    # letter may touch it, no digit may precede it, and its last letter may not be
    # quantified. One unusable run makes the whole rule run always.
    depth, j, words, run = 0, i, [], ""
    prev_letterish = False   # the construct before the current run can match letters
    prev_digit = False
    def close(next_letterish):
        nonlocal run
        if run:
            if next_letterish:
                raise ValueError(run)
            words.append(run)
            run = ""
    try:
        while j < len(pattern):
            c = pattern[j]
            if c == "\\":
                esc = pattern[j + 1:j + 2]
                if esc in ("x", "p", "P") and pattern[j + 2:j + 3] == "{":
                    k = pattern.index("}", j) + 1
                    body = pattern[j:k]
                    letterish = esc in "pP" and ("L" in body or "Xan" in body or "Xwd" in body)
                    j = k
                else:
                    letterish = esc in ("w", "S", "X", "W") or esc.isalpha() and esc not in "sdbBnrtfvDhHRNzZAGKQE"
                    j += 2
                close(letterish)
                prev_letterish, prev_digit = letterish, esc == "d"
                continue
            if c == "[":
                k = skip_class(pattern, j)
                body = pattern[j:k]
                letterish = bool(re.search(r"[A-Za-z]", body.replace("\\s", "").replace("\\x", "").replace("\\p", "").replace("{a0}", ""))) \
                    or "\\p{L" in body or "\\w" in body
                close(letterish)
                prev_letterish, prev_digit = letterish, bool(re.search(r"[0-9]|\\d", body))
                j = k
                continue
            if c.isalpha() and c.isascii():
                if pattern[j - 2:j] == "(?":
                    j += 1
                    while j < len(pattern) and pattern[j].isalpha():
                        j += 1
                    continue
                if not run and (prev_letterish or prev_digit):
                    raise ValueError(c)
                run += c
                j += 1
                continue
            if c in "?*{+" and run:
                raise ValueError(run)
            close(c == ".")
            prev_letterish, prev_digit = c == ".", c.isdigit()
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
    except ValueError:
        return None
    words = [w.lower() for w in words]
    return sorted(set(words)) or None

def skip_class(p, j):
    j += 1
    if p[j:j + 1] == "^": j += 1
    if p[j:j + 1] == "]": j += 1
    while j < len(p) and p[j] != "]":
        if p[j] == "\\": j += 1
        j += 1
    return j + 1

def main():
    path = sys.argv[1]
    lines = open(path, encoding="utf-8").read().split("\n")
    added = kept = skipped = 0
    out = []
    for line in lines:
        if not line or line.startswith("#"):
            out.append(line); continue
        parts = re.split(r"\t+", line, maxsplit=5)
        if len(parts) < 6 or parts[5].startswith("(?#cues:"):
            kept += 1; out.append(line); continue
        words = group_words(parts[5], int(parts[2])) if parts[2].isdigit() and int(parts[2]) > 0 else None
        if not words:
            skipped += 1; out.append(line); continue
        parts[5] = "(?#cues:%s)" % ",".join(words) + parts[5]
        out.append("\t".join(parts)); added += 1
    open(path, "w", encoding="utf-8").write("\n".join(out))
    print(f"{path}: cues added to {added} rules, {kept} already had cues, {skipped} run always")

main()
