#!/usr/bin/env python3
"""A reliability table of `confidence`: does it mean the share of facts that
are right? (issue 10, "Calibrated confidence").

  scripts/reliability.py [DIPGRAPH] [EVAL_DIR] [--data DIR] [--markdown]

Runs `DIPGRAPH extract` (default build/dipgraph) on the news development set
of EVAL_DIR (default ../shared/eval), matches the facts to the gold with the
set's own scorer (score_news.py: one-to-one greedy matching per article at
dyad+root level), and prints, per bin of confidence (0.2 wide: five bins,
as about 100 facts cannot fill ten), how many
facts fall in it, their mean confidence and the share matched to a gold
fact. A calibrated confidence has share ≈ mean confidence in every bin.
Facts of articles without gold are left out (as the scorer does).
`--data DIR` runs the extractor with another data directory; `--markdown`
prints the table for docs/.

The functions here are shared with scripts/calibrate.py, which fits
data/calibration.tsv on the same matching.
"""
import importlib.util
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_BIN = 10  # a bin with fewer facts says little about agreement
WIDTH = 0.2  # bin width: 0.0-0.2, 0.2-0.4, ... 0.8-1.0


def load_scorer(ev):
    spec = importlib.util.spec_from_file_location("score_news", os.path.join(ev, "score_news.py"))
    sn = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sn)
    return sn


def labelled_facts(exe, ev, data_dir=None):
    """[(article, raw fact dict, right)] for the news dev facts of articles with gold."""
    sn = load_scorer(ev)
    cmd = [exe, "-q"] + (["--data", data_dir] if data_dir else []) + ["extract", os.path.join(ev, "news_dev.jsonl")]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("reliability: extract failed: " + out.stderr[-500:])
    with tempfile.TemporaryDirectory() as tmp:
        facts_path = os.path.join(tmp, "facts.jsonl")
        with open(facts_path, "w", encoding="utf-8") as f:
            f.write(out.stdout)
        gold = sn.load_gold(os.path.join(ev, "news_dev_gold.jsonl"), {})
        ext, _ = sn.load_ext(facts_path, set(gold))
    rows = []
    for art in sorted(ext):
        facts = ext[art]
        matched = {ei for _, ei in sn.greedy(gold.get(art, []), facts, True)}
        for ei, f in enumerate(facts):
            rows.append((art, f.raw, ei in matched))
    return rows


def table(pairs, width=None):
    """Bins of (confidence, right) pairs: [(lo, facts, mean conf, share right)] and the total."""
    width = width or WIDTH
    nb = int(round(1 / width))
    bins = [[0, 0.0, 0] for _ in range(nb)]
    for c, right in pairs:
        b = bins[min(nb - 1, int(c / width + 1e-9))]
        b[0] += 1
        b[1] += c
        b[2] += bool(right)
    out = [(i * width, n, s / n, m / n) for i, (n, s, m) in enumerate(bins) if n]
    n = sum(b[0] for b in bins)
    total = (n, sum(b[1] for b in bins) / n, sum(b[2] for b in bins) / n) if n else (0, 0.0, 0.0)
    return out, total


def largest_gap(pairs, width=None):
    """The largest |share right - mean confidence| over bins of MIN_BIN facts or more."""
    rows, _ = table(pairs, width)
    return max((abs(r - c) for _, k, c, r in rows if k >= MIN_BIN), default=0.0)


def print_table(title, pairs, markdown=False):
    rows, (n, mean, share) = table(pairs)
    w = WIDTH
    print(title)
    if markdown:
        print("| confidence | facts | mean conf | share right | gap |")
        print("|---|---|---|---|---|")
        for lo, k, c, r in rows:
            print("| %.1f – %.1f | %d | %.2f | %.2f | %+.2f |" % (lo, lo + w, k, c, r, r - c))
        if n:
            print("| all | %d | %.2f | %.2f | %+.2f |" % (n, mean, share, share - mean))
    else:
        print("confidence   facts  mean conf  share right  gap")
        for lo, k, c, r in rows:
            print("%.1f .. %.1f  %6d  %9.2f  %11.2f  %+.2f" % (lo, lo + w, k, c, r, r - c))
        if n:
            print("all          %6d  %9.2f  %11.2f  %+.2f" % (n, mean, share, share - mean))
    worst = largest_gap(pairs)
    print("largest gap in a bin of %d or more facts: %.2f (%s)" % (MIN_BIN, worst, "within 0.1" if worst <= 0.1 else "over 0.1"))
    print()
    return worst


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    data_dir = None
    if "--data" in argv:
        data_dir = argv[argv.index("--data") + 1]
        args.remove(data_dir)
    exe = args[0] if args else os.path.join(ROOT, "build", "dipgraph")
    ev = args[1] if len(args) > 1 else os.path.join(os.path.dirname(ROOT), "shared", "eval")
    rows = labelled_facts(exe, ev, data_dir)
    print_table("news dev, all articles", [(float(f.get("confidence", 0.5)), r) for _, f, r in rows],
                "--markdown" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
