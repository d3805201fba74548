#!/usr/bin/env python3
"""Scores extraction on our own news sets with gold facts (tests/data/proxy).

  scripts/score-proxy.py [DIPGRAPH] [EVAL_DIR]

Runs `DIPGRAPH extract` (default build/dipgraph) on each set in
tests/data/proxy (setA: cooperation and diplomacy, setB: frictions, setE:
officials and institutions of both kinds, setH: relations in Africa, Latin
America, Asia, the Gulf and the Balkans, setI: economic and security
diplomacy, setK: a wire desk's week, setN: stories told at length; setQ: relations told inside longer pieces; 16
invented wire stories each,
coded by the rules of EVAL_DIR/ANNOTATION.md)
and prints the news scorer's dyad+root and dyad lines for all facts and for
interstate facts (EVAL_DIR defaults to ../shared/eval, which holds
score_news.py). setR is of the other kind: 170 invented single sentences
in the style of a coding manual's examples, each with one PLOVER event in
the PLOVER development set's gold form, scored by EVAL_DIR/score.py (its
last line, P, R and F1). The held-out sets of tests/data/heldout (news
sets setL, setM, setO, setP; PLOVER-form set setS) are scored
last, with these aggregate lines only: they are never read (see the README). See tests/data/proxy/README.md for how the sets were made
and what their figures mean.
"""
import os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dipgraph")
ev = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(ROOT), "shared", "eval")
scorer = os.path.join(ev, "score_news.py")
if not os.path.exists(scorer):
    sys.exit(f"score-proxy: no news scorer at {scorer} (give EVAL_DIR)")

proxy = os.path.join(ROOT, "tests", "data", "proxy")
heldout = os.path.join(ROOT, "tests", "data", "heldout")
sets = [(proxy, n) for n in ("setA", "setB", "setE", "setH", "setI", "setK", "setN", "setQ", "setR")] + [
    (heldout, n) for n in ("setL", "setM", "setO", "setP", "setS")]
plover_form = {"setR", "setS"}
for folder, name in sets:
    articles = os.path.join(folder, name + ".jsonl")
    gold = os.path.join(folder, name + "_gold.jsonl")
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as facts:
        subprocess.run([exe, "extract", articles], stdout=facts, stderr=subprocess.DEVNULL, check=True)
        facts.flush()
        if name in plover_form:
            out = subprocess.run([sys.executable, os.path.join(ev, "score.py"), gold, facts.name],
                                 capture_output=True, text=True, check=True)
            print(f"{name} {out.stdout.strip().splitlines()[-1]}")
            continue
        out = subprocess.run([sys.executable, scorer, gold, facts.name], capture_output=True, text=True, check=True)
    section = "all"
    for line in out.stdout.splitlines():
        if line.startswith("interstate"):
            section = "interstate"
        words = line.split()
        if words and words[0] in ("dyad+root", "dyad"):
            print(f"{name} {section:10} {line.strip()}")
