#!/usr/bin/python3
"""e2e: `dipgraph export --format dot` renders with `dot -Tsvg` and `sfdp
-Tsvg` without a single warning (stderr empty), hostile labels included, and
the SVG shows the labels as written (quotes, backslashes, <>&, non-ASCII;
newlines as line breaks; over-long labels cut with an ellipsis). It is drawn
in render's style (the shared export/detail/dot_style.hpp): events labelled
"PAK – CIV · meeting · date", party edges unlabelled, target edges in their
stored direction with dir=back, the same edges as GraphML. Also with
--no-edge-labels and for a neighbourhood (--around). Exit 77 (skipped) if
Graphviz `dot` is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from e2e import DIPGRAPH, check, fail, run, skip  # noqa: E402,F401
DOT = shutil.which("dot")
if not DOT:
    print("SKIP: graphviz dot is not installed", file=sys.stderr)
    sys.exit(77)


HOSTILE = [
    'Quote "double" and \'single\'',
    "Back\\slash \\n \\N \\G \\l not escapes\\",
    "Angle <b>bold</b> & ampersand &amp; &#65; &lt;",
    "Line one\nline two\r\nthree\tTab",
    "Nul\x00byte and \x01\x07\x1b controls \x7f",
    "RTL \u200fmark\u202e override \u200e",
    "Côte d'Ivoire — 北京 — Ελλάδα",
    "L" * 10000,
    "{ } [ ] ; = -> -- digraph node edge",
]

facts = [
    {"type": "meeting", "cameo": "043", "date": "2025-07-10",
     "participants": [{"id": "country:PAK", "name": "Pakistan"},
                      {"id": "country:CIV", "name": "Côte d'Ivoire"}],
     "location": {"name": "Abidjan", "country": "CIV"}, "topics": ["AFG"],
     "evidence": [{"article": "a1", "sentence": 0, "start": 0, "end": 5, "text": "x"}]},
]
for i, h in enumerate(HOSTILE):
    facts.append({
        "type": "statement", "cameo": "010", "name": h,
        "source": [{"id": "person:h%d\\\"%s" % (i, h[:20]), "kind": "person", "name": h,
                    "country": "PAK"}],
        "target": [{"id": "country:CIV"}],
    })

tmp = tempfile.mkdtemp()
facts_path = os.path.join(tmp, "facts.jsonl")
with open(facts_path, "w", encoding="utf-8") as f:
    for fact in facts:
        f.write(json.dumps(fact, ensure_ascii=False) + "\n")
store = os.path.join(tmp, "store")
r = subprocess.run([DIPGRAPH, "build", "--store", store, facts_path], capture_output=True)
check(r.returncode == 0, "build failed: %s" % r.stderr.decode())


def render(args, engine=DOT):
    r = subprocess.run([DIPGRAPH, "-q", "export", "--store", store, "--format", "dot"] + args,
                       capture_output=True)
    check(r.returncode == 0, "export %s failed: %s" % (args, r.stderr.decode()))
    d = subprocess.run([engine, "-Tsvg"], input=r.stdout, capture_output=True, timeout=120)
    check(d.returncode == 0, "%s failed on %s: %s" % (engine, args, d.stderr.decode()))
    check(d.stderr == b"", "%s warned on %s: %s" % (engine, args, d.stderr.decode()))
    return r.stdout.decode("utf-8"), ET.fromstring(d.stdout)


dot_text, svg = render([])
ns = "{http://www.w3.org/2000/svg}"
texts = [t.text or "" for t in svg.iter(ns + "text")]
check(dot_text.startswith('digraph "dipgraph" {'), "header")
check(re.search(r'^  "country:PAK" \[shape=box, label="Pakistan", style="filled,bold"', dot_text,
                re.M), "PAK node in render's style")
check("PAK \u2013 CIV \u00b7 meeting \u00b7 2025-07-10" in texts, "the meeting's table-row label")
check(re.search(r'^  "country:CIV" -> "event:[0-9a-f]+" \[color="#c0392b", penwidth=1.4, dir=back\];$',
                dot_text, re.M), "a target edge: stored direction (party -> event), drawn back")
check("Côte d'Ivoire" in texts, "non-ASCII label not shown: %r" % texts[:10])
check('Quote "double" and \'single\'' in texts, "quotes not shown as written")
check("Back\\slash \\n \\N \\G \\l not escapes\\" in texts, "backslashes not shown as written")
check("Angle <b>bold</b> & ampersand &amp; &#65; &lt;" in texts, "<>& not shown as written: %r"
      % [t for t in texts if t.startswith("Angle")])
check("Line one" in texts and "line two" in texts, "newline is not a line break")
check("Nul\ufffdbyte and \ufffd\ufffd\ufffd controls \x7f" in texts, "controls not replaced")
check(any(t.startswith("L" * 60) and t.endswith("\u2026") and len(t) == 61 for t in texts),
      "long label not cut to 60 chars + ellipsis")
check("{ } [ ] ; = -> -- digraph node edge" in texts, "DOT syntax in a label")
edge_labels = {"in", "represents", "about"}
check(edge_labels <= set(texts), "edge labels missing: %r" % (edge_labels - set(texts)))
check(not ({"participant", "source", "target", "located_in"} & set(texts)),
      "party edges are unlabelled, located_in reads \"in\"")
titles = [t.text for t in svg.iter(ns + "title")]
check("country:PAK" in titles, "node ids are not the stable ids")
n_nodes = len(re.findall(r"^  \"(?:[^\"\\]|\\.)*\" \[shape=", dot_text, re.M))
check(n_nodes == sum(1 for g in svg.iter(ns + "g") if g.get("class") == "node"),
      "node count differs between DOT and SVG")

n_edges = len(re.findall(r"^  \"(?:[^\"\\]|\\.)*\" -> ", dot_text, re.M))
graphml = subprocess.run([DIPGRAPH, "-q", "export", "--store", store, "--format", "graphml"],
                         capture_output=True).stdout
check(n_edges == graphml.count(b"<edge "), "the DOT has GraphML's edges")
SFDP = shutil.which("sfdp")
if SFDP:
    render([], SFDP)

_, svg2 = render(["--no-edge-labels"])
texts2 = {t.text for t in svg2.iter(ns + "text")}
check(not (edge_labels & texts2), "--no-edge-labels still labels edges")

_, svg3 = render(["--around", "CIV", "--depth", "1"])
nodes3 = [g for g in svg3.iter(ns + "g") if g.get("class") == "node"]
check(len(nodes3) == 1 + len(facts) + 1, "around CIV depth 1: %d nodes" % len(nodes3))
print("ok")
