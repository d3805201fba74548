#!/usr/bin/python3
"""e2e: the data-out formats read back with the real tools.

From facts with hostile strings (commas, quotes, newlines in names and
evidence), checks: the CSV event table with Python's csv module (and pandas
column types when pandas is installed); the country network as CSV, GraphML
(networkx, igraph), JSON (networkx node_link_graph) and GEXF (networkx
read_gexf on the 1.2draft form; the 1.3 form has the same elements under the
1.3 namespace) with the same numbers everywhere; the full graph as GEXF with
spells; the Neo4j import files against the import tool's header rules (ids
unique, every relationship's ends present, typed columns parse); `-o x.txt`
and `--format xlsx` refused with the list of formats and no file written;
the country network's DOT laid out by dot and sfdp without a warning;
`--csv` on ties, neighbors, rank and timeline.
Exit 77 (skipped) if networkx or igraph is missing, unless DIPGRAPH_REQUIRE_PY=1.
"""
import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from e2e import DIPGRAPH, check, fail, run, skip  # noqa: E402,F401

try:
    import networkx as nx
    import igraph
except ImportError as e:
    skip(f"python3 networkx/igraph is not installed: {e}")


HOSTILE = 'He said "no, never",\nthen left.'
FACTS = [
    {"id": "event:c1", "type": "criticism", "cameo": "111", "date": "2025-02",
     "source": [{"id": "country:PAK", "name": "Pakistan"}],
     "target": [{"id": "country:IND", "name": "India"}],
     "location": {"name": "Islamabad, \"the capital\"", "country": "PAK"},
     "evidence": [{"article": "a,1", "sentence": 0, "start": 0, "end": 9, "text": HOSTILE}],
     "confidence": 0.9},
    {"id": "event:m1", "type": "meeting", "cameo": "040", "date": "2025-03-04",
     "participants": [{"id": "country:PAK"}, {"id": "country:CHN", "name": "China"},
                      {"id": "country:RUS", "name": "Russia"}], "confidence": 0.5},
    {"id": "event:v1", "type": "visit", "cameo": "042", "date": "2024",
     "source": [{"id": "person:dar", "kind": "person", "name": "Ishaq Dar, Jr.", "country": "PAK",
                 "role": "Foreign Minister"}],
     "target": [{"id": "country:RUS"}], "confidence": 0.7},
    {"id": "event:m2", "type": "meeting", "cameo": "043", "date": "2025-06-10",
     "source": [{"id": "country:PAK"}], "target": [{"id": "country:RUS"}], "confidence": 0.8},
    {"id": "event:t1", "type": "threat", "cameo": "138", "date": "2025-05-20",
     "source": [{"id": "country:IND"}], "target": [{"id": "country:PAK"}], "confidence": 0.6},
]

tmp = tempfile.mkdtemp()
try:
    os.chdir(tmp)
    with open("facts.jsonl", "w", encoding="utf-8") as f:
        for fact in FACTS:
            f.write(json.dumps(fact) + "\n")
    F = ["--facts", "facts.jsonl"]

    # --- The CSV event table -------------------------------------------------
    run("export", *F, "-o", "events.csv")
    with open("events.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 1 + 3 + 1 + 1 + 1, f"event rows: {len(rows)}")
    c1 = [r for r in rows if r["event_id"] == "event:c1"][0]
    check(c1["sentence"] == HOSTILE, f"evidence read back: {c1['sentence']!r}")
    check(c1["location"] == 'Islamabad, "the capital"', c1["location"])
    check(c1["article"] == "a,1", c1["article"])
    check((c1["source_iso3"], c1["target_iso3"], c1["plover"]) == ("PAK", "IND", "ACCUSE"), str(c1))
    v1 = [r for r in rows if r["event_id"] == "event:v1"][0]
    check(v1["source_actors"] == "Ishaq Dar, Jr." and v1["plover_mode"] == "visit", str(v1))
    for r in rows:
        float(r["goldstein"]), float(r["confidence"]), int(r["quad_class"]), int(r["mentions"])
        if r["start"]:
            datetime.date.fromisoformat(r["start"]), datetime.date.fromisoformat(r["end"])
    try:
        import pandas as pd
        df = pd.read_csv("events.csv", dtype={"cameo": str, "root": str})
        check(str(df["goldstein"].dtype) == "float64", str(df.dtypes))
        check(str(df["quad_class"].dtype) == "int64", str(df.dtypes))
        check(df.loc[df.event_id == "event:c1", "sentence"].iloc[0] == HOSTILE, "pandas evidence")
        check(df["cameo"].str.len().min() >= 2, "CAMEO codes keep their leading zero")
    except ImportError:
        print("note: pandas not installed; the csv module checks ran", file=sys.stderr)

    # --- The country network in four formats, the same numbers -----------------
    run("export", *F, "--countries", "-o", "c.csv")
    run("export", *F, "--countries", "-o", "c.graphml")
    run("export", *F, "--countries", "--format", "json", "-o", "c.json")
    run("export", *F, "--countries", "-o", "c.gexf")
    run("export", *F, "--countries", "--gexf-version", "1.2draft", "-o", "c12.gexf")
    with open("c.csv", newline="", encoding="utf-8") as f:
        ties = {(r["source_id"], r["target_id"]): r for r in csv.DictReader(f)}
    check(len(ties) == 4, f"country ties: {sorted(ties)}")
    G = nx.read_graphml("c.graphml")
    check(not G.is_directed(), "the country network is undirected")
    check(G.nodes["country:PAK"]["iso2"] == "PK" and G.nodes["country:PAK"]["cow"] == 770,
          str(G.nodes["country:PAK"]))
    J = nx.node_link_graph(json.load(open("c.json")))
    X = nx.read_gexf("c12.gexf")
    ig = igraph.Graph.Read_GraphML("c.graphml")
    for (a, b), r in ties.items():
        for name, H in (("graphml", G), ("json", J), ("gexf", X)):
            e = H.edges[a, b]
            check(int(e["facts"]) == int(r["facts"]), f"{name} {a}-{b} facts")
            check(abs(float(e["weight"]) - float(r["weight"])) < 1e-9, f"{name} {a}-{b} weight")
            check(int(e["conflictual"]) == int(r["conflictual"]), f"{name} {a}-{b} conflictual")
        ie = ig.es[ig.get_eid(ig.vs.find(id=a).index, ig.vs.find(id=b).index)]
        check(ie["facts"] == int(r["facts"]), f"igraph {a}-{b}")
    pak_rus = ties.get(("country:PAK", "country:RUS")) or ties[("country:RUS", "country:PAK")]
    check(pak_rus["facts"] == "3", str(pak_rus))
    # The same numbers as `ties`.
    tj = json.loads(run("ties", *F, "PAK", "RUS", "--json").stdout)
    check(tj["summary"]["facts"] == 3 and tj["summary"]["a_to_b"] == 2, str(tj["summary"]))
    spells = X.edges["country:PAK", "country:RUS"]["spells"]
    check(("2024-01-01", "2024-12-31") in spells and ("2025-06-10", "2025-06-10") in spells,
          f"spells {spells}")
    check(X.graph.get("mode") == "dynamic", "GEXF mode dynamic")
    # GEXF 1.3: the same elements under the 1.3 namespace.
    r13 = ET.parse("c.gexf").getroot()
    r12 = ET.parse("c12.gexf").getroot()
    check(r13.tag == "{http://gexf.net/1.3}gexf" and r13.get("version") == "1.3", r13.tag)
    strip = lambda root: [(e.tag.split("}")[1], sorted(e.attrib.items())) for e in root.iter()
                          if "}" in e.tag and e.tag.split("}")[1] not in ("gexf", "graph")]
    check(strip(r13) == strip(r12), "GEXF 1.3 and 1.2draft differ beyond the namespace")
    # Why networkx 2.8 refuses the 1.3 file: its reader looks for <graph> only
    # in the 1.1draft and 1.2draft namespaces (1.3 was added in networkx 3.6).
    # The namespace alone decides: with the 1.2draft namespace URI put in, the
    # 1.3 file (version="1.3", timerepresentation and all) reads exactly as
    # the 1.2draft file does. This is the recipe docs/usage.md gives.
    import networkx.readwrite.gexf as nxgexf

    def read_gexf13(path):
        if "1.3" in nxgexf.GEXF.versions:
            return nx.read_gexf(path)
        try:
            nx.read_gexf(path)
            fail("networkx without GEXF 1.3 read the 1.3 file")
        except nx.NetworkXError as e:
            check("No <graph> element" in str(e), f"networkx's refusal: {e}")
        data = open(path, "rb").read()
        check(b'xmlns="http://gexf.net/1.3"' in data, "the 1.3 namespace")
        return nx.read_gexf(io.BytesIO(data.replace(b"http://gexf.net/1.3",
                                                    b"http://www.gexf.net/1.2draft")))
    X13 = read_gexf13("c.gexf")
    check(sorted(X13.nodes(data=True)) == sorted(X.nodes(data=True)), "1.3 nodes read as 1.2draft")
    check(sorted(X13.edges(data=True)) == sorted(X.edges(data=True)), "1.3 edges read as 1.2draft")
    check(X13.graph == X.graph, f"graph attributes {X13.graph} != {X.graph}")

    # --- The whole graph as GEXF: spells, and networkx reads it --------------
    run("export", *F, "--gexf-version", "1.2draft", "-o", "all.gexf")
    run("export", *F, "-o", "all.graphml")
    run("export", *F, "-o", "all13.gexf")
    A = nx.read_gexf("all.gexf")
    A13 = read_gexf13("all13.gexf")
    check(sorted(A13.nodes(data=True)) == sorted(A.nodes(data=True)), "all: 1.3 nodes as 1.2draft")
    check(sorted(A13.edges(data=True)) == sorted(A.edges(data=True)), "all: 1.3 edges as 1.2draft")
    B = nx.read_graphml("all.graphml")
    check(set(A.nodes) == set(B.nodes), "GEXF and GraphML have the same nodes")
    check(A.number_of_edges() == B.number_of_edges(), "same edges")
    check(A.nodes["event:c1"]["spells"] == [("2025-02-01", "2025-02-28")], str(A.nodes["event:c1"]))
    check(B.nodes["event:c1"]["start"] == "2025-02-01" and B.nodes["event:c1"]["end"] == "2025-02-28",
          "GraphML start/end")
    check(B.nodes["event:v1"]["plover"] == "CONSULT", "GraphML plover")
    check(A.nodes["event:c1"]["goldstein"] == B.nodes["event:c1"]["goldstein"], "typed goldstein")

    # --- Neo4j import files ---------------------------------------------------
    run("export", *F, "--format", "neo4j", "-o", "neo")
    ids, labels = set(), set()
    for name in sorted(os.listdir("neo")):
        if not name.startswith("nodes_"):
            continue
        with open(os.path.join("neo", name), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            check(header[0] == "id:ID" and header[-1] == ":LABEL", f"{name}: {header}")
            for row in reader:
                check(len(row) == len(header), f"{name}: row width")
                check(row[0] not in ids, f"duplicate id {row[0]}")
                ids.add(row[0])
                labels.update(row[-1].split(";"))
                for col, value in zip(header, row):
                    if value == "" or ":" not in col or col.startswith(":") or col == "id:ID":
                        continue
                    typ = col.split(":")[1]
                    {"int": int, "float": float, "date": datetime.date.fromisoformat}[typ](value)
    check({"Country", "Person", "Place", "Event", "Vertex"} <= labels, str(labels))
    rels = 0
    for name in sorted(os.listdir("neo")):
        if not name.startswith("rels_"):
            continue
        with open(os.path.join("neo", name), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            check(next(reader) == [":START_ID", ":END_ID", ":TYPE"], name)
            for s, t, typ in reader:
                check(s in ids and t in ids, f"{name}: dangling {s} -> {t}")
                check(typ == name[5:-4].upper(), f"{name}: type {typ}")
                rels += 1
    check(rels == B.number_of_edges(), f"neo4j relationships {rels}")
    check("LOAD CSV" in open("neo/load.cypher").read(), "load.cypher")

    # --- Unknown formats are refused, nothing written ---------------------------
    for args in (["-o", "x.txt"], ["--format", "xlsx", "-o", "y.graphml"], ["-o", "noext"]):
        p = run("export", *F, *args, ok=False)
        check(p.returncode == 2, f"{args}: exit {p.returncode}")
        check("graphml, dot, json, csv, gexf, neo4j" in p.stderr, f"{args}: {p.stderr}")
    check(not any(os.path.exists(n) for n in ("x.txt", "y.graphml", "noext")), "a file was written")
    p = run("export", *F, "--format", "neo4j", ok=False)
    check(p.returncode == 2 and "-o DIR" in p.stderr, p.stderr)

    # --- The country network's DOT lays out without a warning ------------------
    if shutil.which("dot") and shutil.which("sfdp"):
        run("export", *F, "--countries", "-o", "c.dot")
        for engine in ("dot", "sfdp"):
            p = subprocess.run([engine, "-Tsvg", "c.dot", "-o", f"c-{engine}.svg"],
                               capture_output=True, text=True)
            check(p.returncode == 0 and p.stderr == "", f"{engine}: {p.stderr}")

    # --- --csv on the queries ----------------------------------------------------
    def table(*args):
        p = subprocess.run([DIPGRAPH, "-q", *args, *F, "--csv"], capture_output=True)
        check(p.returncode == 0, f"{args}: exit {p.returncode}: {p.stderr}")
        check(b"\r\n" in p.stdout, f"{args}: CRLF line ends")
        return list(csv.DictReader(io.StringIO(p.stdout.decode("utf-8"), newline="")))
    t = table("ties", "PAK", "RUS")
    check(len(t) == 3 and {r["type"] for r in t} == {"meeting", "visit"}, str(t))
    n = table("neighbors", "PAK")
    check([r["iso3"] for r in n][:1] == ["RUS"] and n[0]["facts"] == "3", str(n))
    k = table("rank", "--by", "pagerank")
    check(abs(sum(float(r["score"]) for r in k) - 1) < 1e-3, str(k))
    tl = table("timeline", "PAK", "--by", "year")
    check([r["period"] for r in tl] == ["2024", "2025"], str(tl))
    p = run("ties", *F, "PAK", "RUS", "--csv", "--json", ok=False)
    check(p.returncode == 2, "--csv with --json")
finally:
    shutil.rmtree(tmp)
print("ok")
