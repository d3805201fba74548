#!/usr/bin/env python3
"""A reliability table of `confidence`: does it mean the share of facts that
are right? (issue 10, "Calibrated confidence"; measuring only.)

  scripts/reliability.py [DIPGRAPH] [EVAL_DIR]

Runs `DIPGRAPH extract` (default build/dipgraph) on the news development set
of EVAL_DIR (default ../shared/eval), matches the facts to the gold with the
set's own scorer (score_news.py: one-to-one greedy matching per article at
dyad+root level), and prints, per bin of confidence (0.1 wide), how many
facts fall in it, their mean confidence and the share matched to a gold
fact. A calibrated confidence has share ≈ mean confidence in every bin.
Facts of articles without gold are left out (as the scorer does).
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dipgraph")
ev = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(ROOT), "shared", "eval")

spec = importlib.util.spec_from_file_location("score_news", os.path.join(ev, "score_news.py"))
sn = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sn)

out = subprocess.run([exe, "-q", "extract", os.path.join(ev, "news_dev.jsonl")],
                     capture_output=True, text=True)
if out.returncode not in (0, 1):
    sys.exit("reliability: extract failed: " + out.stderr[-500:])
with tempfile.TemporaryDirectory() as tmp:
    facts_path = os.path.join(tmp, "facts.jsonl")
    with open(facts_path, "w", encoding="utf-8") as f:
        f.write(out.stdout)
    gold = sn.load_gold(os.path.join(ev, "news_dev_gold.jsonl"), {})
    ext, _ = sn.load_ext(facts_path, set(gold))

bins = [[0, 0.0, 0] for _ in range(10)]  # facts, sum of confidence, matched
for art, facts in ext.items():
    matched = {ei for _, ei in sn.greedy(gold.get(art, []), facts, True)}
    for ei, f in enumerate(facts):
        c = float(f.raw.get("confidence", 0.5))
        b = bins[min(9, int(c * 10))]
        b[0] += 1
        b[1] += c
        b[2] += ei in matched

print("confidence   facts  mean conf  share right  gap")
total = [0, 0.0, 0]
for i, (n, s, m) in enumerate(bins):
    for k, v in enumerate((n, s, m)):
        total[k] += v
    if n:
        print("%.1f .. %.1f  %6d  %9.2f  %11.2f  %+.2f" % (i / 10, (i + 1) / 10, n, s / n, m / n, m / n - s / n))
n, s, m = total
if n:
    print("all          %6d  %9.2f  %11.2f  %+.2f" % (n, s / n, m / n, m / n - s / n))
