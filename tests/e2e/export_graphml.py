#!/usr/bin/python3
"""e2e: `dipgraph export` GraphML and JSON load in networkx and igraph with
stable ids and typed attributes intact, hostile labels included.

Builds a store from facts with hostile strings (quotes, backslash, <>&,
newline, CR, tab, NUL and other controls, RTL marks, U+FFFE, a 10,000-char
name, non-ASCII), exports GraphML and node-link JSON, then checks: the
GraphML parses with xml.etree; networkx.read_graphml gives G.nodes["country:PAK"]
with typed values (int quad_class, float goldstein, "043" as a string); every
label reads back as written, except that characters XML 1.0 forbids became
U+FFFD; igraph.Graph.Read_GraphML keeps ids and attributes; the JSON form
(networkx.node_link_graph) has the same nodes, attributes and edges; -o never
clobbers an existing file on failure and refuses the store.
Exit 77 (skipped) if networkx or igraph is missing, unless DIPGRAPH_REQUIRE_PY=1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from e2e import DIPGRAPH, check, fail, run, skip  # noqa: E402,F401

try:
    import networkx as nx
except ImportError:
    skip("python3 networkx is not installed")
try:
    import igraph
except ImportError:
    skip("python3 igraph is not installed")


FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(s):
    """What a string becomes in the graph: XML-forbidden characters -> U+FFFD."""
    return FORBIDDEN.sub("\ufffd", s)


HOSTILE = [
    'Quote "double" and \'single\'',
    "Back\\slash \\n not a newline\\",
    "Angle <b>bold</b> & ampersand &amp; &#65;",
    "Line one\nline two\r\nthree\tTab",
    "Nul\x00byte and \x01\x07\x1b controls \x7f\x85",
    "RTL \u200fmark\u202e override \u200e",
    "Non-character \ufffe\uffff end",
    "Côte d'Ivoire — 北京 — Ελλάδα — 😀",
    "L" * 10000,
    "]]> CDATA end",
]

facts = [
    {"type": "meeting", "cameo": "043", "goldstein": 2.8, "status": "occurred",
     "date": "2025-07-10",
     "source": [{"id": "person:alexei-overchuk", "kind": "person", "name": "Alexei Overchuk",
                 "country": "RUS", "role": "Deputy Prime Minister"}],
     "target": [{"id": "country:PAK", "kind": "country", "name": "Pakistan"}],
     "location": {"name": "Moscow", "country": "RUS"}, "topics": ["AFG"],
     "evidence": [{"article": "a1", "sentence": 3, "start": 10, "end": 60,
                   "text": "Overchuk met \"Pakistani\" officials <in> Moscow & more."}],
     "confidence": 0.9},
    {"type": "project", "cameo": "061", "goldstein": 6.4, "status": "planned", "date": "2025-08",
     "name": "railway project",
     "participants": [{"id": "country:PAK"}, {"id": "country:UZB", "name": "Uzbekistan"},
                      {"id": "org:SCO", "kind": "organization", "name": "SCO"}],
     "evidence": [{"article": "a2", "sentence": 0, "start": 0, "end": 40,
                   "text": "Pakistan and Uzbekistan plan a railway."}]},
]
for i, h in enumerate(HOSTILE):
    facts.append({
        "type": "statement", "cameo": "010", "goldstein": 0, "date": "2025-01-0%d" % (i % 9 + 1),
        "name": h,
        "source": [{"id": "person:hostile-%d" % i, "kind": "person", "name": h, "country": "PAK",
                    "role": h}],
        "participants": [{"id": "org:H%d\"<&>\n" % i, "kind": "organization", "name": h}],
        "evidence": [{"article": "h%d" % i, "sentence": 0, "start": 0, "end": 1, "text": h}],
    })

tmp = tempfile.mkdtemp()
facts_path = os.path.join(tmp, "facts.jsonl")
with open(facts_path, "w", encoding="utf-8") as f:
    for fact in facts:
        f.write(json.dumps(fact, ensure_ascii=False) + "\n")
store = os.path.join(tmp, "store")
r = subprocess.run([DIPGRAPH, "build", "--store", store, facts_path], capture_output=True)
check(r.returncode == 0, "build failed: %s" % r.stderr.decode())

gml = os.path.join(tmp, "g.graphml")
r = subprocess.run([DIPGRAPH, "export", "--store", store, "--format", "graphml", "-o", gml],
                   capture_output=True)
check(r.returncode == 0, "export graphml failed: %s" % r.stderr.decode())
r = subprocess.run([DIPGRAPH, "export", "--store", store, "--format", "json"], capture_output=True)
check(r.returncode == 0, "export json failed: %s" % r.stderr.decode())
json_text = r.stdout
r = subprocess.run([DIPGRAPH, "export", "--store", store, "--format", "graphml"],
                   capture_output=True)
check(r.stdout == open(gml, "rb").read(), "stdout and -o GraphML differ")

# Well-formed XML, nodes before edges, one graph, no data key named id.
root = ET.parse(gml).getroot()
ns = "{http://graphml.graphdrawing.org/xmlns}"
keys = root.findall(ns + "key")
check(all(k.get("attr.name") != "id" for k in keys), "a data key is named id")
check(all(k.get("attr.type") in ("string", "int", "long", "double") for k in keys), "untyped key")
check(all(k.get("for") in ("node", "edge") for k in keys), "key for=all")
graphs = root.findall(ns + "graph")
check(len(graphs) == 1 and graphs[0].get("edgedefault") == "directed", "graph element")
tags = [c.tag for c in graphs[0]]
check(tags == sorted(tags, key=lambda t: t != ns + "node"), "nodes not all before edges")

# networkx
G = nx.read_graphml(gml)
check(G.is_directed(), "networkx: not directed")
pak = G.nodes["country:PAK"]
check(pak["kind"] == "country" and pak["label"] == "Pakistan", "networkx PAK: %r" % pak)
meeting = [n for n, d in G.nodes(data=True) if d.get("type") == "meeting"]
check(len(meeting) == 1, "one meeting")
m = G.nodes[meeting[0]]
check(m["cameo"] == "043" and isinstance(m["cameo"], str), "cameo: %r" % m["cameo"])
check(m["quad_class"] == 1 and isinstance(m["quad_class"], int), "quad_class: %r" % m)
check(m["mentions"] == 1 and isinstance(m["mentions"], int), "mentions: %r" % m)
check(m["goldstein"] == 2.8 and isinstance(m["goldstein"], float), "goldstein: %r" % m)
check(m["confidence"] == 0.9, "confidence: %r" % m)
check(m["date"] == "2025-07-10" and m["status"] == "occurred", "date/status: %r" % m)
check(m["evidence"] == "Overchuk met \"Pakistani\" officials <in> Moscow & more.", "evidence")
check(G.nodes["person:alexei-overchuk"]["role"] == "Deputy Prime Minister", "role")
check(G.has_edge("person:alexei-overchuk", meeting[0]), "source edge")
e = G.edges["person:alexei-overchuk", meeting[0]]
check(e["kind"] == "source", "edge kind: %r" % e)
check(e["id"] == "source:person:alexei-overchuk->" + meeting[0], "edge id: %r" % e)
check(G.edges["place:RUS:moscow", "country:RUS"]["kind"] == "in", "in edge")
for i, h in enumerate(HOSTILE):
    p = G.nodes["person:hostile-%d" % i]
    check(p["label"] == clean(h), "hostile label %d: %r" % (i, p["label"][:80]))
    check(p["role"] == clean(h), "hostile role %d" % i)
    org = "org:H%d\"<&>\n" % i
    check(org in G, "hostile id %d missing" % i)
    events = [n for n in G.successors("person:hostile-%d" % i) if G.nodes[n]["kind"] == "event"]
    check(len(events) == 1 and G.nodes[events[0]]["evidence"] == clean(h), "hostile evidence %d" % i)
    check(G.has_edge(org, events[0]), "hostile org edge %d" % i)

# igraph
ig = igraph.Graph.Read_GraphML(gml)
check(ig.vcount() == G.number_of_nodes() and ig.ecount() == G.number_of_edges(), "igraph counts")
ids = ig.vs["id"]
check("country:PAK" in ids, "igraph: no country:PAK id")
v = ig.vs[ids.index("country:PAK")]
check(v["label"] == "Pakistan" and v["kind"] == "country", "igraph PAK")
v = ig.vs[ids.index(meeting[0])]
check(v["cameo"] == "043" and v["quad_class"] == 1 and v["goldstein"] == 2.8, "igraph meeting")
for i, h in enumerate(HOSTILE):
    check(ig.vs[ids.index("person:hostile-%d" % i)]["label"] == clean(h), "igraph hostile %d" % i)
check(set(ig.es["kind"]) == {d["kind"] for _, _, d in G.edges(data=True)}, "igraph edge kinds")

# JSON node-link: same nodes, attributes and edges as the GraphML.
J = nx.node_link_graph(json.loads(json_text))
check(J.is_directed(), "json: not directed")
check(set(J.nodes) == set(G.nodes), "json nodes differ from graphml")
for n in G.nodes:
    check(J.nodes[n] == G.nodes[n], "json attributes of %r differ: %r vs %r"
          % (n[:60], J.nodes[n], G.nodes[n]))
check(set(J.edges) == set(G.edges), "json edges differ")
for u, w in G.edges:
    check(J.edges[u, w] == G.edges[u, w], "json edge attributes differ")

# Neighbourhood export: a subgraph of the whole.
r = subprocess.run([DIPGRAPH, "export", "--store", store, "--around", "Uzbekistan", "--depth", "2",
                    "-f", "graphml"], capture_output=True)
check(r.returncode == 0, "export --around: %s" % r.stderr.decode())
sub_path = os.path.join(tmp, "sub.graphml")
open(sub_path, "wb").write(r.stdout)
S = nx.read_graphml(sub_path)
want = set(nx.ego_graph(G.to_undirected(as_view=True), "country:UZB", radius=2).nodes)
check(set(S.nodes) == want, "around: %r vs %r" % (sorted(S.nodes), sorted(want)))
check(set(S.edges) == set(G.subgraph(want).edges), "around: edges not induced")

# -o safety: a failing export leaves an existing file alone; the store is refused.
keep = os.path.join(tmp, "keep.graphml")
open(keep, "w").write("precious")
r = subprocess.run([DIPGRAPH, "export", "--store", store, "--around", "Nowhereland", "-o", keep],
                   capture_output=True)
check(r.returncode == 2, "unknown --around: exit %d" % r.returncode)
check(b"unknown entity" in r.stderr, "unknown --around message: %r" % r.stderr)
check(open(keep).read() == "precious", "existing -o file was touched by a failed export")
r = subprocess.run([DIPGRAPH, "export", "--store", store, "-o",
                    os.path.join(store, "facts.jsonl")], capture_output=True)
check(r.returncode == 2 and b"inside the store" in r.stderr, "-o into the store: %r" % r.stderr)
check([f for f in os.listdir(tmp) if ".tmp." in f] == [], "temporary files left behind")
r = subprocess.run([DIPGRAPH, "export", "--store", os.path.join(tmp, "nostore")],
                   capture_output=True)
check(r.returncode == 2 and b"not found" in r.stderr, "missing store: %r" % r.stderr)
print("ok")
