#!/usr/bin/env bash
# e2e: hostile article content through the whole pipeline. Articles whose
# text holds XML and DOT metacharacters (<>&"'\ {}[];), control characters,
# NUL bytes, invalid UTF-8, right-to-left marks and overrides, and a
# 10,000-character name go through extract -> build -> export graphml, dot
# and json: the facts file is valid JSONL that build stores without a
# rejected line; the GraphML parses with Python's xml.etree and holds the
# hostile sentence; `dot -Tsvg` reads the DOT with an empty stderr; the JSON
# parses. (export_graphml.py and export_dot.py cover hostile strings given as
# facts; this covers them coming from article text.)
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "SKIP: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

/usr/bin/python3 - <<'PY'
import json
long_name = "Z" + "a" * 9999
texts = [
    # metacharacters of XML, DOT, JSON and shells around real events
    'ISLAMABAD, July 10 - Pakistan <b>&amp; "China"</b> signed {an} [agreement]; on \\rail\\ -> "x" -- y & <z/> in Islamabad.\n'
    "Russia's <i>Foreign Minister</i> Sergei Lavrov met Indian Foreign Minister S. Jaishankar in Moscow on Thursday & said: \"We <3 {talks} -> [x]; \\d\".\n",
    # right-to-left marks and overrides, Arabic and Hebrew names
    "CAIRO, July 8 - Egyptian President Karim Nassar\u200f met Saudi Crown Prince Mohammed bin Salman\u202e in Cairo \u2067\u0627\u0644\u0642\u0627\u0647\u0631\u0629\u2069 on Sunday.\n",
    # a 10,000-character name
    "NAIROBI, July 7 - Kenyan President %s met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Friday.\n" % long_name,
]
for i, t in enumerate(texts):
    open("hostile%d.txt" % i, "w", encoding="utf-8").write(t)
# NUL, controls, DEL, C1, BOM and noncharacters can only come in a JSONL
# batch (a .txt file with NUL bytes is refused as binary); invalid UTF-8 as
# raw bytes in a .txt file.
with open("hostile.jsonl", "w") as f:
    f.write(json.dumps({"id": "ctl", "date": "2025-07-09", "text":
        "KABUL, July 9 - Iranian Foreign Minister Abbas Araghchi\x00 met\x01\x07\x1b Turkish Foreign Minister "
        "Hakan Fidan\x7f in Tehran\x85 on \ufffe Monday\ufeff.\n"}) + "\n")
open("hostile9.txt", "wb").write(b"TOKYO, July 6 - Japanese Prime Minister Shigeru \xff\xfe Ishiba met South Korean "
                                 b"President Lee Jae\xc3-myung\x0b in Seoul\x0c on Saturday \xed\xa0\x80.\n")
PY
IN="hostile0.txt hostile1.txt hostile2.txt hostile9.txt hostile.jsonl"
"$DIPGRAPH" -q extract --date 2025-07-11 $IN > facts.jsonl 2> err || fail "extract: exit $?: $(head -c 300 err)"
[ "$(wc -l < facts.jsonl)" -ge 4 ] || fail "too few facts: $(wc -l < facts.jsonl) $(head -c 300 err)"
for who in RUS KEN TUR JPN; do grep -q "\"$who\"" facts.jsonl || fail "no fact with $who"; done
/usr/bin/python3 - <<'PY' || fail "facts file"
import json, sys
for n, line in enumerate(open("facts.jsonl", "rb"), 1):
    line.decode("utf-8")                     # strict UTF-8
    f = json.loads(line)
    for e in f["evidence"]:
        assert "\x00" not in e["text"], "NUL kept in evidence, line %d" % n
PY
"$DIPGRAPH" -q build --store s facts.jsonl 2> err || fail "build: $(head -c 300 err)"
grep -q 'rejected' err && fail "build rejected facts: $(cat err)"
"$DIPGRAPH" -q extract --date 2025-07-11 $IN 2> /dev/null | cmp -s - facts.jsonl || fail "extract is not deterministic"
"$DIPGRAPH" -q build --store s2 --date 2025-07-11 $IN 2> err || fail "build from articles: exit $?: $(head -c 300 err)"
"$DIPGRAPH" check --store s2 --dump 2> /dev/null > dump2 || fail "check s2"
"$DIPGRAPH" check --store s --dump 2> /dev/null > dump1 || fail "check s"
cmp -s dump1 dump2 || fail "build from articles and build from extracted facts differ"

"$DIPGRAPH" -q export --store s -o g.graphml || fail "export graphml"
"$DIPGRAPH" -q export --store s -o g.dot || fail "export dot"
"$DIPGRAPH" -q export --store s -o g.json || fail "export json"
/usr/bin/python3 - <<'PY' || fail "GraphML/JSON read back"
import json, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse("g.graphml").getroot()
texts = [d.text or "" for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")]
assert any('& said: "We <3 {talks} -> x; \\d".' in t for t in texts), "hostile sentence not read back"
assert any(("Z" + "a" * 9999) in t for t in texts), "10,000-character name lost"
assert any("\u202e" in t for t in texts), "RTL override lost"
j = json.load(open("g.json"))
assert len(j["nodes"]) > 0
PY
if command -v dot > /dev/null; then
  dot -Tsvg g.dot > g.svg 2> dot.err || fail "dot -Tsvg failed: $(cat dot.err)"
  [ -s dot.err ] && fail "dot warned: $(head -c 500 dot.err)"
  /usr/bin/python3 -c 'import xml.etree.ElementTree as ET; ET.parse("g.svg")' || fail "SVG is not XML"
fi
echo ok
