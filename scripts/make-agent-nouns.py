#!/usr/bin/env python3
"""Writes data/agent_nouns.txt: English nouns that name people or groups.

A noun is an agent noun when one of its three most frequent WordNet 3.0 senses
is in the lexicographer files noun.person (18) or noun.group (14): "official",
"government", "troops", "delegation", but not "goods" or "price". The coder
lets a national modifier make such a noun an actor ("Japanese officials").

Usage: scripts/make-agent-nouns.py [WORDNET_DIR] > data/agent_nouns.txt
WORDNET_DIR defaults to /usr/share/wordnet (Debian package wordnet-base).
WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
"""
import sys

wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
lexfile = {}
with open(f"{wn}/data.noun", encoding="latin-1") as f:
    for line in f:
        if line.startswith("  "):
            continue
        parts = line.split(" ", 2)
        lexfile[parts[0]] = int(parts[1])
out = []
with open(f"{wn}/index.noun", encoding="latin-1") as f:
    for line in f:
        if line.startswith("  "):
            continue
        parts = line.split()
        lemma = parts[0]
        p_cnt = int(parts[3])
        offsets = parts[4 + p_cnt + 2:]
        if "_" in lemma or not lemma.isalpha():
            continue
        if any(lexfile.get(o) in (14, 18) for o in offsets[:3]):
            out.append(lemma.lower())
# Senses WordNet ranks lower than three but that news uses first.
out += ["force", "forces", "head"]  # "the head of the agency"
out += ["assembly"]  # "the National Assembly": a legislature
print("# Nouns naming people or groups, from WordNet 3.0 (scripts/make-agent-nouns.py).")
print("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.")
for w in sorted(set(out)):
    print(w)
