#!/usr/bin/env bash
# e2e: country nodes of the full-graph GraphML, JSON and GEXF exports carry
# ISO 3166-1 alpha-2, alpha-3 and COW codes, as data/country_codes.tsv gives
# them (a code it lacks is left out); other nodes carry none.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
: "${DIPGRAPH_SOURCE_DIR:?DIPGRAPH_SOURCE_DIR must point to the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"type":"meeting","cameo":"043","date":"1987-05-01","participants":[{"id":"country:SUN"},{"id":"country:PAK"},{"id":"person:x-y","name":"X Y","country":"PAK"}]}
{"type":"meeting","cameo":"043","date":"2025-05-01","participants":[{"id":"country:PAK"},{"id":"country:CHN"}]}
JSON
"$DIPGRAPH" -q export --facts facts.jsonl -o g.graphml || fail "export graphml: exit $?"
"$DIPGRAPH" -q export --facts facts.jsonl -o g.json || fail "export json: exit $?"
"$DIPGRAPH" -q export --facts facts.jsonl -o g.gexf || fail "export gexf: exit $?"
python3 - "$DIPGRAPH_SOURCE_DIR/data/country_codes.tsv" <<'PY' || exit 1
import json, sys, xml.etree.ElementTree as ET
want = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or line.startswith("code\t") or not line.strip():
        continue
    c = line.rstrip("\n").split("\t")
    want[c[0]] = {"iso3": c[0], **({"iso2": c[1]} if c[1] else {}), **({"cow": int(c[2])} if c[2] else {})}
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse("g.graphml").getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
graphml = {}
for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
    graphml[n.get("id")] = {keys[d.get("key")]: d.text for d in n.findall("g:data", ns)}
nodes = {n["id"]: n for n in json.load(open("g.json"))["nodes"]}
for code in ("PAK", "CHN", "SUN"):
    w = want[code]
    j = nodes["country:" + code]
    got = {k: j[k] for k in ("iso2", "iso3", "cow") if k in j}
    if got != w:
        sys.exit("FAIL: JSON %s: %s, want %s" % (code, got, w))
    x = graphml["country:" + code]
    got = {k: (int(x[k]) if k == "cow" else x[k]) for k in ("iso2", "iso3", "cow") if k in x}
    if got != w:
        sys.exit("FAIL: GraphML %s: %s, want %s" % (code, got, w))
for nid, n in nodes.items():
    if n["kind"] != "country" and any(k in n for k in ("iso2", "iso3", "cow")):
        sys.exit("FAIL: %s is no country but has codes: %s" % (nid, n))
gexf = open("g.gexf", encoding="utf-8").read()
if 'for="iso3" value="PAK"' not in gexf:
    sys.exit("FAIL: GEXF lacks the iso3 of Pakistan")
PY
echo "export_country_codes: ok"
