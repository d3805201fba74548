#!/usr/bin/python3
"""The networkx / igraph side of bench/bench_queries.cpp (docs/queries.md,
"Benchmark").

    queries_py.py --lib networkx|igraph GRAPH.graphml QUERIES.json

Loads the GraphML dipgraph wrote, then asks the questions of QUERIES.json
(written by bench_queries) the way a user of that library would, with the
same rules as dipgraph's queries (officials and national bodies count for
their country; the neighbor strength formula; paths over the graph taken as
undirected; centrality over the country view). Prints one JSON object: the
load time, each query's times in seconds, and its answers (sizes, top ids,
path lengths, top scores) so the C++ side can check both computed the same thing.
"""
import argparse
import datetime
import itertools
import json
import math
import statistics
import sys
import time

PARTY = {"participant", "source", "target"}
EPOCH = datetime.date(1970, 1, 1).toordinal()


def edtf_days(s):
    """(first day, last day) since 1970-01-01 of an EDTF date, or None."""
    if not s:
        return None
    try:
        if len(s) == 4:
            lo = datetime.date(int(s.replace("X", "0")), 1, 1)
            hi = datetime.date(int(s.replace("X", "9")), 12, 31)
        elif len(s) == 7:
            y, m = int(s[:4]), int(s[5:7])
            lo = datetime.date(y, m, 1)
            nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
            hi = nxt - datetime.timedelta(days=1)
        else:
            lo = hi = datetime.date(int(s[:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        return None
    return lo.toordinal() - EPOCH, hi.toordinal() - EPOCH


def weight(conf, mentions, date, ref, half_life):
    w = conf * (1 + math.log(max(1, mentions)))
    days = edtf_days(date)
    age = half_life if days is None else max(0, ref - (days[0] + (days[1] - days[0]) // 2))
    return w * 2 ** (-age / half_life)


class Graph:
    """What the queries need from either library: party edges in and out,
    'represents' edges, vertex attributes."""

    def kind(self, v): raise NotImplementedError

    def country_of(self, v):
        k = self.kind(v)
        if k == "country":
            return v
        if k in ("person", "organization"):
            c = self.country(v)
            return self.vertex("country:" + c) if c else None
        return None

    def counts_for(self, p, x):
        if p == x:
            return True
        return self.kind(x) == "country" and self.kind(p) != "country" and self.country_of(p) == x

    def members(self, x):
        out = [x]
        if self.kind(x) == "country":
            out += [p for p, k in self.in_edges(x) if k == "represents" and self.country_of(p) == x]
        return out

    def events(self, x):
        return {t for m in self.members(x) for t, k in self.out_edges(m) if k in PARTY}

    def ties(self, a, b):
        cost = lambda x: sum(self.out_degree(m) for m in self.members(x))
        side = a if cost(a) <= cost(b) else b
        n = coop = 0
        for ev in self.events(side):
            pa, pb = [], []
            for p, k in self.in_edges(ev):
                if k not in PARTY:
                    continue
                if self.counts_for(p, a):
                    pa.append(p)
                if self.counts_for(p, b):
                    pb.append(p)
            if any(x != y for x in pa for y in pb):
                n += 1
                coop += self.quad(ev) in (1, 2)
        return [n, coop]

    def neighbors(self, x, ref, half_life):
        own = self.country_of(x)
        strength, count = {}, {}
        for ev in self.events(x):
            partners = set()
            for p, k in self.in_edges(ev):
                if k not in PARTY or self.counts_for(p, x):
                    continue
                c = self.country_of(p)
                if c is not None and c != own:
                    partners.add(c)
            if not partners:
                continue
            w = weight(self.confidence(ev), self.mentions(ev), self.date(ev), ref, half_life)
            for c in partners:
                strength[c] = strength.get(c, 0.0) + w
                count[c] = count.get(c, 0) + 1
        ranked = sorted(strength, key=lambda c: (-strength[c], -count[c]))
        return [self.id(c) for c in ranked[:5]]

    def country_pairs(self):
        pairs = set()
        for ev in self.event_vertices():
            cs = sorted({c for c in (self.country_of(p) for p, k in self.in_edges(ev) if k in PARTY)
                         if c is not None}, key=self.id)
            pairs.update(itertools.combinations(cs, 2))
        return pairs


class NxGraph(Graph):
    def __init__(self, path):
        import networkx as nx
        self.nx = nx
        self.g = nx.read_graphml(path)
        self.multi = self.g.is_multigraph()
        self.undirected = None

    def _kinds(self, adj):
        if self.multi:
            return [(o, d["kind"]) for o, keys in adj.items() for d in keys.values()]
        return [(o, d["kind"]) for o, d in adj.items()]

    def vertex(self, vid): return vid if vid in self.g else None
    def id(self, v): return v
    def kind(self, v): return self.g.nodes[v]["kind"]
    def country(self, v): return self.g.nodes[v].get("country", "")
    def quad(self, v): return self.g.nodes[v].get("quad_class", 0)
    def confidence(self, v): return self.g.nodes[v].get("confidence", 0.0)
    def mentions(self, v): return self.g.nodes[v].get("mentions", 0)
    def date(self, v): return self.g.nodes[v].get("date", "")
    def in_edges(self, v): return self._kinds(self.g.pred[v])
    def out_edges(self, v): return self._kinds(self.g.succ[v])
    def out_degree(self, v): return self.g.out_degree(v)
    def event_vertices(self): return (v for v, k in self.g.nodes(data="kind") if k == "event")

    def prepare_paths(self):
        self.undirected = self.nx.Graph(self.g.to_undirected(as_view=True))

    def paths(self, a, b, k):
        if k == 1:
            return [len(self.nx.shortest_path(self.undirected, a, b)) - 1]
        gen = self.nx.shortest_simple_paths(self.undirected, a, b)
        return [len(p) - 1 for p in itertools.islice(gen, k)]

    def rank(self, pairs, by):
        cv = self.nx.Graph()
        cv.add_edges_from(pairs)
        if by == "degree":
            scores = dict(cv.degree())
        elif by == "pagerank":
            scores = self.nx.pagerank(cv, alpha=0.85)
        else:
            scores = self.nx.betweenness_centrality(cv, normalized=False)
        return sorted(scores.values(), reverse=True)[:5]


class IgGraph(Graph):
    def __init__(self, path):
        import igraph
        self.ig = igraph
        self.g = igraph.Graph.Read_GraphML(path)
        self.ids = self.g.vs["id"]
        self.index = {v: i for i, v in enumerate(self.ids)}
        self.kinds = self.g.vs["kind"]
        self.countries = self.g.vs["country"]
        self.attrs = {a: self.g.vs[a] for a in ("quad_class", "confidence", "mentions", "date")}
        self.edges = self.g.get_edgelist()
        self.ekind = self.g.es["kind"]

    def vertex(self, vid): return self.index.get(vid)
    def id(self, v): return self.ids[v]
    def kind(self, v): return self.kinds[v]
    def country(self, v): return self.countries[v] or ""
    def quad(self, v): return int(self.attrs["quad_class"][v] or 0)
    def confidence(self, v): return self.attrs["confidence"][v] or 0.0
    def mentions(self, v): return int(self.attrs["mentions"][v] or 0)
    def date(self, v): return self.attrs["date"][v] or ""

    def in_edges(self, v):
        return [(self.edges[e][0], self.ekind[e]) for e in self.g.incident(v, mode="in")]

    def out_edges(self, v):
        return [(self.edges[e][1], self.ekind[e]) for e in self.g.incident(v, mode="out")]

    def out_degree(self, v): return self.g.degree(v, mode="out")
    def event_vertices(self): return (v for v, k in enumerate(self.kinds) if k == "event")
    def prepare_paths(self): pass

    def paths(self, a, b, k):
        if k == 1:
            return [len(self.g.get_shortest_paths(a, to=b, mode="all")[0]) - 1]
        return [len(p) - 1 for p in self.g.get_k_shortest_paths(a, to=b, k=k, mode="all")]

    def rank(self, pairs, by):
        verts = sorted({c for p in pairs for c in p})
        pos = {c: i for i, c in enumerate(verts)}
        cv = self.ig.Graph(n=len(verts), edges=[(pos[a], pos[b]) for a, b in pairs])
        if by == "degree":
            scores = cv.degree()
        elif by == "pagerank":
            scores = cv.pagerank(damping=0.85)
        else:
            scores = cv.betweenness(directed=False)
        return sorted(scores, reverse=True)[:5]


def timed(f, *args):
    t0 = time.perf_counter()
    r = f(*args)
    return time.perf_counter() - t0, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", choices=["networkx", "igraph"], required=True)
    ap.add_argument("graphml")
    ap.add_argument("queries")
    a = ap.parse_args()
    q = json.load(open(a.queries))
    load, g = timed(NxGraph if a.lib == "networkx" else IgGraph, a.graphml)
    out = {"lib": a.lib, "load": load, "times": {}, "answers": {}}

    def run(name, f, items):
        ts, ans = [], []
        for it in items:
            t, r = timed(f, *it)
            ts.append(t)
            ans.append(r)
        out["times"][name] = ts
        out["answers"][name] = ans
        print(f"{a.lib}: {name}: median {statistics.median(ts) * 1e3:.1f} ms", file=sys.stderr)

    V = g.vertex
    run("ties", g.ties, [(V(x), V(y)) for x, y in q["ties"]])
    run("neighbors", g.neighbors, [(V(x), q["reference_day"], q["half_life"]) for x in q["neighbors"]])
    out["prepare_paths"], _ = timed(g.prepare_paths)
    run("path_k1", g.paths, [(V(x), V(y), 1) for x, y in q["paths"]])
    run("path_k5", g.paths, [(V(x), V(y), 5) for x, y in q["paths"][: q.get("k5_pairs", 5)]])
    t, pairs = timed(g.country_pairs)
    out["country_view"] = t
    for by in ("degree", "pagerank", "betweenness"):
        t, top = timed(g.rank, pairs, by)
        out["times"]["rank_" + by] = [t + out["country_view"]]
        out["answers"]["rank_" + by] = [top]
        print(f"{a.lib}: rank {by}: {t:.2f} s + country view {out['country_view']:.2f} s", file=sys.stderr)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
