#!/usr/bin/env bash
# e2e: the example job of scripts/setup.sh (scripts/example-job.sh) writes
# what README promises into out/: GraphML, DOT, JSON, events.csv, the
# country network as countries.csv and countries.gexf (GEXF 1.3 with
# spells), and the pictures countries.svg and timeline_russia.svg, all
# well-formed. Exit 77 (skipped) without Graphviz.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
: "${DIPGRAPH_SOURCE_DIR:?}"
command -v neato > /dev/null || { echo "SKIP: Graphviz is not installed" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$DIPGRAPH_SOURCE_DIR/scripts/example-job.sh" "$(dirname "$DIPGRAPH")" "$tmp/out" > "$tmp/log" 2>&1 \
  || fail "the example job failed: $(tail -5 "$tmp/log")"
for f in example.graphml example.dot example.json events.csv countries.csv countries.gexf \
         countries.svg timeline_russia.svg; do
  [ -s "$tmp/out/$f" ] || fail "out/$f is missing or empty"
done
/usr/bin/python3 - "$tmp/out" <<'PY' || fail "the outputs do not read back"
import csv, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
ties = list(csv.DictReader(open(f"{out}/countries.csv", newline="", encoding="utf-8")))
assert len(ties) >= 10, len(ties)
assert {"source_id", "target_id", "weight", "facts", "source_cow", "first_date"} <= set(ties[0]), ties[0]
assert any(t["source_iso3"] in ("IND", "BGD") and t["target_iso3"] in ("IND", "BGD") for t in ties)
events = list(csv.DictReader(open(f"{out}/events.csv", newline="", encoding="utf-8")))
assert len(events) >= 20 and "cameo" in events[0], len(events)
gexf = ET.parse(f"{out}/countries.gexf").getroot()
ns = "{http://gexf.net/1.3}"
assert gexf.tag == ns + "gexf", gexf.tag
nodes = gexf.findall(f"{ns}graph/{ns}nodes/{ns}node")
edges = gexf.findall(f"{ns}graph/{ns}edges/{ns}edge")
assert len(edges) == len(ties) and len(nodes) >= 20, (len(nodes), len(edges))
assert any(e.find(f"{ns}spells") is not None for e in edges), "no spells"
svg = "{http://www.w3.org/2000/svg}"
for name in ("countries.svg", "timeline_russia.svg"):
    assert ET.parse(f"{out}/{name}").getroot().tag == svg + "svg", name
texts = "".join(t.text or "" for t in ET.parse(f"{out}/timeline_russia.svg").iter(svg + "text"))
assert "Timeline of Russia (RUS) by month" in texts, texts[:200]
PY
echo ok
