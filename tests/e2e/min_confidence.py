#!/usr/bin/env python3
"""e2e: `--min-confidence X` keeps only facts whose confidence is at least X,
on every query, export and render (docs/usage.md, "Ask the graph").

Three facts: Pakistan–Russia meeting (0.9), Pakistan criticizes Russia
(0.3), Pakistan–India meeting (0.3). With --min-confidence 0.5 every
command must answer as if only the first existed; with 0.3 (the bound is
inclusive) as if all three did.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

DIPGRAPH = os.environ.get("DIPGRAPH")
if not DIPGRAPH:
    sys.exit("DIPGRAPH must point to the dipgraph binary")

FACTS = [
    {"id": "event:hi1", "type": "meeting", "cameo": "043", "date": "2025-01-10", "confidence": 0.9,
     "participants": [{"id": "country:PAK", "name": "Pakistan"}, {"id": "country:RUS", "name": "Russia"}]},
    {"id": "event:lo1", "type": "criticism", "cameo": "111", "date": "2025-02-10", "confidence": 0.3,
     "source": [{"id": "country:PAK"}], "target": [{"id": "country:RUS"}]},
    {"id": "event:lo2", "type": "meeting", "cameo": "043", "date": "2025-03-10", "confidence": 0.3,
     "participants": [{"id": "country:PAK"}, {"id": "country:IND", "name": "India"}]},
]
failures = []


def run(args, tmp, ok=(0,)):
    p = subprocess.run([DIPGRAPH, "-q"] + args + ["--store", os.path.join(tmp, "s")], capture_output=True, text=True)
    if p.returncode not in ok:
        failures.append("%s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.strip()))
    return p.stdout


def check(cond, what):
    if not cond:
        failures.append(what)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        facts = os.path.join(tmp, "f.jsonl")
        with open(facts, "w") as f:
            for i, x in enumerate(FACTS):
                x = dict(x, evidence=[{"article": "a%d" % i, "sentence": 0, "start": 0, "end": 1, "text": "x"}])
                f.write(json.dumps(x) + "\n")
        subprocess.run([DIPGRAPH, "-q", "build", "--store", os.path.join(tmp, "s"), facts], check=True,
                       capture_output=True)
        for x, want in (("0.5", 1), ("0.3", 3), ("0", 3)):
            m = ["--min-confidence", x]
            t = json.loads(run(["ties", "PAK", "RUS", "--json"] + m, tmp))
            check(t["summary"]["facts"] == min(want, 2), "ties %s: %s" % (x, t["summary"]))
            n = json.loads(run(["neighbors", "PAK", "--json"] + m, tmp))
            check(n["partners"] == (1 if want == 1 else 2), "neighbors %s: %d partners" % (x, n["partners"]))
            r = json.loads(run(["rank", "--json"] + m, tmp))
            check(r["countries"] == (2 if want == 1 else 3), "rank %s: %d countries" % (x, r["countries"]))
            tl = json.loads(run(["timeline", "PAK", "--json"] + m, tmp))
            check(tl["total"]["facts"] == want, "timeline %s: %s" % (x, tl["total"]))
            s = json.loads(run(["stats", "--json"] + m, tmp))
            check(s["by_kind"]["event"] == want, "stats %s: %s" % (x, s["by_kind"]))
            for extra in ([], ["--countries"]):
                p = json.loads(run(["path", "IND", "RUS", "--json"] + extra + m, tmp, ok=(0, 1)))
                check(bool(p["paths"]) == (want == 3), "path %s %s: %d paths" % (extra, x, len(p["paths"])))
            c = json.loads(run(["changes", "--from", "2024", "--to", "2025", "--json"] + m, tmp))
            check(c["to"]["facts"] == want, "changes %s: %s" % (x, c["to"]))
            rows = list(csv.DictReader(io.StringIO(run(["export", "--format", "csv"] + m, tmp))))
            check(len({r["event_id"] for r in rows}) == want, "export csv %s: %d events" % (x, len(rows)))
            for fmt in ("json", "graphml", "dot", "gexf"):
                out = run(["export", "--format", fmt] + m, tmp)
                check(("event:lo2" in out) == (want == 3) and "event:hi1" in out, "export %s %s" % (fmt, x))
            ties = list(csv.DictReader(io.StringIO(run(["export", "--countries", "--format", "csv"] + m, tmp))))
            check(len(ties) == (1 if want == 1 else 2), "export --countries %s: %d ties" % (x, len(ties)))
            neo = os.path.join(tmp, "neo4j")
            run(["export", "--format", "neo4j", "-o", neo] + m, tmp)
            events = open(os.path.join(neo, "nodes_event.csv"), encoding="utf-8").read()
            check(("event:lo2" in events) == (want == 3) and "event:hi1" in events, "export neo4j %s" % x)
            for pic in (["render", "--format", "dot"], ["render", "--countries", "--format", "dot"],
                        ["render", "--changes", "--from", "2024", "--to", "2025", "--format", "dot"]):
                dot = os.path.join(tmp, "pic.dot")
                run(pic[:-2] + ["-o", dot] + m, tmp)
                text = open(dot, encoding="utf-8").read() if os.path.exists(dot) else ""
                check(("India" in text) == (want == 3) and "Russia" in text, "%s %s: %s" % (" ".join(pic), x, text[:200]))
                if os.path.exists(dot):
                    os.remove(dot)
    if failures:
        sys.exit("FAIL: " + "\n  ".join(failures))
    print("min_confidence: ok")


main()
