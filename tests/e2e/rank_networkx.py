#!/usr/bin/python3
"""e2e: `dipgraph rank` against networkx on the same country network.

A small synthetic store (14 countries, 69 facts with varied confidence,
mentions and dates, so tie weights differ) is ranked with `rank --csv`, and
the country network `export --countries` writes (the same ties, the same
weights) is read by networkx, which computes every measure itself: degree
and weighted degree, pagerank unweighted and weighted, betweenness
(normalized=False) unweighted and with length 1 / weight, eigenvector
centrality unweighted and weighted. Each of rank's fourteen score columns
must match networkx's value for every country; --by/--weighted must order
by the right column, --half-life must reach the weights, and --json must
carry the same numbers.
Exit 77 (skipped) if networkx is missing, unless DIPGRAPH_REQUIRE_PY=1.
"""
import csv
import io
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from e2e import check, skip, run  # noqa: E402

try:
    import networkx as nx
except ImportError as e:
    skip(f"python3 networkx is not installed: {e}")

# networkx 2.8's pagerank needs scipy; its pure-Python implementation is the
# same algorithm (networkx's own tests compare the two).
try:
    import scipy  # noqa: F401
    pagerank = nx.pagerank
except ImportError:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank

CODES = ["PAK", "IND", "CHN", "RUS", "USA", "GBR", "FRA", "DEU", "JPN", "KOR", "BRA", "ZAF",
         "KEN", "EGY"]


def facts(seed=11):
    rng = random.Random(seed)
    out = []
    pairs = [(CODES[i], CODES[i + 1]) for i in range(len(CODES) - 1)]  # connected
    pairs += [tuple(rng.sample(CODES, 2)) for _ in range(56)]
    for n, (a, b) in enumerate(pairs):
        articles = rng.randint(1, 3)
        fact = {
            "id": f"event:f{n}", "type": "meeting", "cameo": "043",
            "date": f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "confidence": round(rng.uniform(0.2, 1.0), 3),
            "participants": [{"id": f"country:{a}"}, {"id": f"country:{b}"}],
            "evidence": [{"article": f"a{n}-{k}", "sentence": 0, "start": 0, "end": 1, "text": "x"}
                         for k in range(articles)],
        }
        if n % 7 == 0:  # some without a date: one half-life old
            del fact["date"]
        out.append(fact)
    return out


def close(x, y, what):
    check(abs(x - y) <= 2e-5 * max(abs(x), abs(y)) + 1e-9, f"{what}: dipgraph {x} != networkx {y}")


tmp = tempfile.mkdtemp()
try:
    os.chdir(tmp)
    with open("facts.jsonl", "w") as f:
        for fact in facts():
            f.write(json.dumps(fact) + "\n")
    run("build", "--store", "s", "facts.jsonl")
    F = ["--store", "s"]
    for half_life in ("365", "90"):
        run("export", *F, "--countries", "--half-life", half_life, "-o", "c.graphml")
        G = nx.Graph(nx.read_graphml("c.graphml"))
        check(G.number_of_nodes() == len(CODES) and nx.is_connected(G), "the network")
        check(len({round(d["weight"], 9) for _, _, d in G.edges(data=True)}) == G.number_of_edges(),
              "tie weights should all differ (equal path lengths make betweenness ambiguous)")
        for u, v, d in G.edges(data=True):
            d["length"] = 1 / d["weight"]
        expected = {
            "partners": dict(G.degree()),
            "strength": dict(G.degree(weight="weight")),
            "pagerank": pagerank(G, weight=None, tol=1e-12, max_iter=1000),
            "pagerank_weighted": pagerank(G, weight="weight", tol=1e-12, max_iter=1000),
            "betweenness": nx.betweenness_centrality(G, normalized=False),
            "betweenness_weighted": nx.betweenness_centrality(G, weight="length", normalized=False),
            "eigenvector": nx.eigenvector_centrality(G, tol=1e-12, max_iter=10000),
            "eigenvector_weighted": nx.eigenvector_centrality(G, weight="weight", tol=1e-12,
                                                              max_iter=10000),
        }
        text = run("rank", *F, "--half-life", half_life, "--top", "0", "--csv").stdout
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        check(len(rows) == len(CODES), f"{len(rows)} rows")
        for r in rows:
            for column, values in expected.items():
                close(float(r[column]), values[r["country_id"]], f"{column} of {r['country_id']}")
            close(float(r["strength"]), G.nodes[r["country_id"]]["strength"],
                  f"strength of {r['country_id']} (export)")
        # --by and --weighted order by the right column; score is that column.
        for by, column in (("degree", "partners"), ("pagerank", "pagerank"),
                           ("betweenness", "betweenness"), ("eigenvector", "eigenvector")):
            for weighted in (False, True):
                if weighted:
                    column = "strength" if by == "degree" else column + "_weighted"
                args = ["rank", *F, "--half-life", half_life, "--by", by, "--top", "0", "--csv"]
                ranked = list(csv.DictReader(io.StringIO(
                    run(*args, *(["--weighted"] if weighted else [])).stdout, newline="")))
                scores = [float(r["score"]) for r in ranked]
                check(scores == sorted(scores, reverse=True), f"{by} weighted={weighted}: order")
                for r in ranked:
                    close(float(r["score"]), float(r[column]), f"{by} weighted={weighted} score")
                best = max(expected[column].values())
                close(scores[0], best, f"{by} weighted={weighted}: first")
    # --json carries the same numbers.
    j = json.loads(run("rank", *F, "--by", "eigenvector", "--weighted", "--json", "--top", "3").stdout)
    check(j["by"] == "eigenvector" and j["weighted"] is True and len(j["ranking"]) == 3, str(j)[:200])
    first = j["ranking"][0]
    close(first["score"], first["eigenvector_weighted"], "JSON score")
    for key in ("strength", "pagerank", "pagerank_weighted", "betweenness", "betweenness_weighted",
                "eigenvector"):
        check(key in first, f"JSON lacks {key}")
finally:
    shutil.rmtree(tmp)
print("ok")
