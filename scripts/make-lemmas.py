#!/usr/bin/env python3
"""Compile WordNet 3.0's morphology into data/syntax/lemmas.tsv.

Reads the exception lists (*.exc), the index words (index.*) and adds
morphy's detachment rules (WordNet's morph.c), so that dipgraph's lemmatizer
needs no WordNet library at run time. Multiword entries are left out.
Output is sorted: the same WordNet gives the same bytes.

usage: scripts/make-lemmas.py [WORDNET_DIR] [OUT]   (default /usr/share/wordnet,
       data/syntax/lemmas.tsv)
"""
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

# morphy's detachment rules (WordNet 3.0 morph.c, sufx/addr), in its order.
RULES = [
    ("n", "s", ""), ("n", "ses", "s"), ("n", "xes", "x"), ("n", "zes", "z"),
    ("n", "ches", "ch"), ("n", "shes", "sh"), ("n", "men", "man"), ("n", "ies", "y"),
    ("v", "s", ""), ("v", "ies", "y"), ("v", "es", "e"), ("v", "es", ""),
    ("v", "ed", "e"), ("v", "ed", ""), ("v", "ing", "e"), ("v", "ing", ""),
    ("a", "er", ""), ("a", "est", ""), ("a", "er", "e"), ("a", "est", "e"),
]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "syntax", "lemmas.tsv")
    words = {}
    exc = []
    for name, p in POS.items():
        with open(os.path.join(src, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                w = line.split(" ", 1)[0]
                if "_" in w:
                    continue
                words.setdefault(w, set()).add(p)
        with open(os.path.join(src, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2 or "_" in parts[0] or "_" in parts[1]:
                    continue
                exc.append((p, parts[0], parts[1]))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Lemmas from WordNet 3.0 (Princeton University), compiled by\n")
        f.write("# scripts/make-lemmas.py; licence in data/syntax/README.md.\n")
        f.write("# rule POS SUFFIX ENDING | exc POS FORM LEMMA | word FORM POSES\n")
        f.write("# POS: n noun, v verb, a adjective, r adverb\n")
        f.write("kind\ta\tb\tc\n")
        for p, s, e in RULES:
            f.write(f"rule\t{p}\t{s}\t{e}\n")
        for p, form, lemma in sorted(set(exc)):
            f.write(f"exc\t{p}\t{form}\t{lemma}\n")
        for w in sorted(words):
            f.write(f"word\t{w}\t{''.join(sorted(words[w]))}\t\n")


if __name__ == "__main__":
    main()
