#!/usr/bin/env bash
# e2e: provenance of evidence (docs/facts.md, "Evidence"): `extract` copies
# an article's title, URL, outlet ("source" or "outlet") and date into the
# evidence of its facts; a store keeps them; the same story under several
# article ids (a syndicated copy) counts once in `mentions`, and `sources`
# counts the outlets. Also: calibrated confidences lie in (0, 1), and every
# query, export and render takes --min-confidence.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

story='Finnish President Aino Virtanen met Chilean President Tomas Rojas in Geneva on Monday to discuss copper exports.'
other='Chilean President Tomas Rojas met Finnish President Aino Virtanen in Geneva on Monday for talks on copper exports and shipping.'
cat > batch.jsonl <<JSON
{"id": "wire-1", "title": "Leaders meet", "url": "https://example.org/a/1", "source": "Example Wire", "date": "2025-03-03", "text": "$story"}
{"id": "paper-7", "title": "Finland and Chile meet", "url": "https://example.net/7", "outlet": "Example Daily", "date": "2025-03-03", "text": "$story"}
{"id": "bare", "text": "$other"}
JSON
"$DIPGRAPH" -q extract batch.jsonl > facts.jsonl || fail "extract: exit $?"
python3 - facts.jsonl <<'PY' || exit 1
import json, sys
facts = [json.loads(l) for l in open(sys.argv[1])]
def fail(m):
    sys.exit("FAIL: %s: %s" % (m, json.dumps(facts)))
by_article = {}
for f in facts:
    for e in f["evidence"]:
        by_article.setdefault(e["article"], []).append((f, e))
for art in ("wire-1", "paper-7", "bare"):
    if art not in by_article:
        fail("no fact from " + art)
f, e = by_article["wire-1"][0]
if (e.get("title"), e.get("url"), e.get("outlet"), e.get("published")) != \
        ("Leaders meet", "https://example.org/a/1", "Example Wire", "2025-03-03"):
    fail("provenance of wire-1")
if f.get("sources") != 1 or f.get("mentions") != 1:
    fail("one article, one outlet")
f, e = by_article["paper-7"][0]
if e.get("outlet") != "Example Daily":
    fail("\"outlet\" names the outlet")
f, e = by_article["bare"][0]
if any(k in e for k in ("title", "url", "outlet", "published")) or "sources" in f:
    fail("an article without provenance has none")
for f in facts:
    if not 0 < f["confidence"] < 1:
        fail("confidence %s is not a probability" % f["confidence"])
PY

# The store: the two copies are one fact, one mention, two sources.
"$DIPGRAPH" -q build --store s facts.jsonl || fail "build: exit $?"
"$DIPGRAPH" -q check --store s --dump > dump.jsonl 2> /dev/null || fail "check --dump: exit $?"
python3 - dump.jsonl <<'PY' || exit 1
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
both = [f for f in rows if {e["article"] for e in f["evidence"]} >= {"wire-1", "paper-7"}]
if len(both) != 1:
    sys.exit("FAIL: the copies did not merge into one fact: %s" % json.dumps(rows))
f = both[0]
if f["mentions"] != 1 or f.get("sources") != 2:
    sys.exit("FAIL: a syndicated copy: mentions %s (want 1), sources %s (want 2)" % (f["mentions"], f.get("sources")))
titles = sorted(e.get("title") for e in f["evidence"])
if titles != ["Finland and Chile meet", "Leaders meet"]:
    sys.exit("FAIL: the store lost the titles: %s" % titles)
PY

# `ties` and the exports show the provenance of each fact's first evidence;
# the fact of the bare article shows none (no empty fields, no stray dash).
"$DIPGRAPH" -q ties --store s FIN CHL > t.txt || fail "ties: exit $?"
grep -q '^      — “\(Leaders meet\|Finland and Chile meet\)”, Example \(Wire\|Daily\), 2025-03-03, https://example\.\(org/a/1\|net/7\)$' t.txt ||
  fail "ties shows no provenance: $(cat t.txt)"
[ "$(grep -c '^      — ' t.txt)" = 1 ] || fail "ties: a provenance line for the bare article: $(cat t.txt)"
"$DIPGRAPH" -q ties --store s FIN CHL --json > t.json || fail "ties --json: exit $?"
"$DIPGRAPH" -q ties --store s FIN CHL --csv > t.csv || fail "ties --csv: exit $?"
"$DIPGRAPH" -q export --store s -o g.graphml || fail "export graphml"
"$DIPGRAPH" -q export --store s -o g.json || fail "export json"
"$DIPGRAPH" -q export --store s -o g.csv || fail "export csv"
"$DIPGRAPH" -q export --store s -o g.dot || fail "export dot"
dot -Tsvg g.dot -o g.svg 2> dot.err || fail "dot: $(cat dot.err)"
[ -s dot.err ] && fail "dot warns: $(cat dot.err)"
grep -q 'xlink:href="https://example' g.svg || fail "the SVG event does not link its article"
/usr/bin/python3 - <<'PY' || exit 1
import csv, json, sys
import networkx as nx
def fail(m):
    sys.exit("FAIL: " + m)
KEYS = ("title", "url", "outlet", "published")
def split(events, what):
    """The events with provenance (all four fields) and those without (none of them)."""
    full = [e for e in events if all(e.get(k) for k in KEYS)]
    bare = [e for e in events if not any(e.get(k) for k in KEYS)]
    if len(full) + len(bare) != len(events) or not full or not bare:
        fail("%s: provenance all or nothing per event: %s" % (what, events))
    for e in full:
        if e["outlet"] not in ("Example Wire", "Example Daily") or e["published"] != "2025-03-03":
            fail("%s: wrong provenance %s" % (what, e))
    return full, bare
t = json.load(open("t.json"))
split([f["event"]["evidence"] for g in t["groups"] for f in g["facts"]], "ties --json")
full, bare = split(list(csv.DictReader(open("t.csv", newline="", encoding="utf-8"))), "ties --csv")
G = nx.read_graphml("g.graphml")
full, bare = split([d for _, d in G.nodes(data=True) if d["kind"] == "event"], "GraphML")
if any(k in d for d in bare for k in KEYS):
    fail("GraphML writes empty provenance: %s" % bare)
try:
    import igraph
    g = igraph.Graph.Read_GraphML("g.graphml")
    if not [v for v in g.vs if v["kind"] == "event" and v["url"].startswith("https://example")]:
        fail("igraph: no url")
except ImportError:
    pass
J = nx.node_link_graph(json.load(open("g.json")))
full, bare = split([d for _, d in J.nodes(data=True) if d["kind"] == "event"], "JSON")
if any(k in d for d in bare for k in KEYS):
    fail("JSON writes empty provenance: %s" % bare)
rows = list(csv.DictReader(open("g.csv", newline="", encoding="utf-8")))
split(rows, "CSV")
PY

# --min-confidence on every query, export and render; above every fact, nothing is left.
grep -q "FIN\|Finland" t.txt || fail "ties FIN CHL: $(cat t.txt)"
"$DIPGRAPH" -q ties --store s FIN CHL --min-confidence 0.999 --json > t.json 2> err
grep -q '"date": "2025' t.json && fail "--min-confidence 0.999 kept a fact: $(cat t.json)"
for cmd in "ties FIN CHL" "neighbors FIN" "rank" "timeline FIN" "stats" "path FIN CHL" "changes --from 2024 --to 2025" \
           "export --format json" "render -o pic.dot"; do
  # shellcheck disable=SC2086
  "$DIPGRAPH" -q $cmd --store s --min-confidence 0.5 > /dev/null 2> err
  rc=$?
  [ $rc -le 1 ] || fail "$cmd --min-confidence: exit $rc: $(cat err)"
  grep -q "min-confidence" err && fail "$cmd does not know --min-confidence: $(cat err)"
done
"$DIPGRAPH" -q stats --store s --min-confidence 2 > /dev/null 2> err && fail "--min-confidence 2 accepted"
grep -q "within 0 .. 1" err || fail "--min-confidence 2: $(cat err)"
echo "provenance: ok"
