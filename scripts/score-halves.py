#!/usr/bin/env python3
"""Scores extraction on the two halves of each development set, so that a
change is kept only when it helps both (docs/extraction.md, "Measuring").

  scripts/score-halves.py [DIPGRAPH] [EVAL_DIR]

Runs `DIPGRAPH extract` (default build/dipgraph) on the PLOVER and news
development sets of EVAL_DIR (default ../shared/eval), splits the records by
the parity of a hash of their article id (half A, half B: fixed, not chosen
by results), and prints P, R, F1 of each half with the sets' own scorers:
PLOVER full hits, news dyad+root (all facts and interstate facts), and the
share of facts that name two different countries.
"""
import hashlib, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "dipgraph")
ev = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(ROOT), "shared", "eval")


def half(article):
    return "AB"[hashlib.sha1(article.encode()).digest()[0] & 1]


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def extract(batch):
    out = subprocess.run([exe, "-q", "extract", batch], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"score-halves: {exe} extract {batch} failed: {out.stderr[-500:]}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def article_of(fact):
    ev = fact.get("evidence") or [{}]
    return ev[0].get("article", "")


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def score(scorer, gold, facts, tmp, h):
    g = os.path.join(tmp, f"gold{h}.jsonl")
    x = os.path.join(tmp, f"facts{h}.jsonl")
    j = os.path.join(tmp, f"score{h}.json")
    write(g, gold)
    write(x, facts)
    subprocess.run([sys.executable, os.path.join(ev, scorer), g, x, "--json", j], capture_output=True, check=True)
    with open(j) as f:
        return json.load(f)


def find(d, *keys):
    for k in keys:
        if isinstance(d, dict) and k in d:
            d = d[k]
        else:
            return None
    return d


with tempfile.TemporaryDirectory() as tmp:
    plover_gold = lines(os.path.join(ev, "plover_dev.jsonl"))
    plover_facts = extract(os.path.join(ev, "plover_dev_batch.jsonl"))
    news_gold = lines(os.path.join(ev, "news_dev_gold.jsonl"))
    news_facts = extract(os.path.join(ev, "news_dev.jsonl"))
    for h in "AB":
        pg = [r for r in plover_gold if half(r["article"]) == h]
        pf = [f for f in plover_facts if half(article_of(f)) == h]
        ng = [r for r in news_gold if half(r["article"]) == h]
        nf = [f for f in news_facts if half(article_of(f)) == h]
        ps = score("score.py", pg, pf, tmp, h)
        ns = score("score_news.py", ng, nf, tmp, h)
        two = sum(1 for f in nf if len({a.get("country") for s in ("source", "target", "participants")
                                         for a in f.get(s, []) if a.get("country")}) >= 2)
        fmt = lambda d: f"P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}"
        print(f"half {h}: plover full      {fmt(ps)}  ({ps['records']} records, {ps['facts_read']} facts)")
        print(f"half {h}: news dyad+root   {fmt(ns['all']['dyad+root'])}  ({len(ng)} gold, {len(nf)} facts)")
        print(f"half {h}: news dyad        {fmt(ns['all']['dyad'])}")
        print(f"half {h}: news interstate  {fmt(ns['interstate']['dyad+root'])}")
        print(f"half {h}: facts naming two countries: {two}/{len(nf)}")
