#!/usr/bin/env python3
"""Scores a predicted CoNLL-U file against a gold one with the same words.

usage: scripts/score-conllu.py GOLD.conllu PRED.conllu

Prints UPOS and XPOS accuracy over all words, and UAS and LAS over the words
whose gold UPOS is not PUNCT (the usual definition; LAS compares the full
relation, subtypes included). Multiword ranges and empty nodes are ignored.
Exits 2 when the files do not have the same sentences and word forms.
"""
import sys


def words(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    gold, pred = words(sys.argv[1]), words(sys.argv[2])
    if len(gold) != len(pred):
        print(f"score-conllu: {len(gold)} gold sentences, {len(pred)} predicted", file=sys.stderr)
        return 2
    n = upos = xpos = scored = uas = las = 0
    for k, (gs, ps) in enumerate(zip(gold, pred)):
        if [w[1] for w in gs] != [w[1] for w in ps]:
            print(f"score-conllu: sentence {k + 1}: words differ", file=sys.stderr)
            return 2
        for g, p in zip(gs, ps):
            n += 1
            upos += g[3] == p[3]
            xpos += g[4] == p[4]
            if g[3] == "PUNCT":
                continue
            scored += 1
            if g[6] == p[6]:
                uas += 1
                las += g[7] == p[7]
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"words {n}  UPOS {pct(upos, n):.2f}  XPOS {pct(xpos, n):.2f}")
    print(f"scored words (no PUNCT) {scored}  UAS {pct(uas, scored):.2f}  LAS {pct(las, scored):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
