#!/usr/bin/python3
"""e2e: every command that reports a tie gives the same numbers.

One store from hand-written facts: three pairs of countries tied by facts of
every tone (a statement is neutral, not cooperation) and status (negated,
planned and intended facts count as facts, never in the tone), some through
people who represent a country. For each pair, `ties`, `neighbors`,
`timeline A B`, `path --countries`, `export --countries` (CSV) and the
tooltip of `render --countries` (DOT) must give the same facts, cooperative,
neutral, conflictual, unrealized counts and mean Goldstein value; for each
country, `rank` and `stats` the same tie facts. The expected numbers are
worked out by hand from the facts below.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

DIPGRAPH = os.environ["DIPGRAPH"]


def person(slug, name, country):
    return {"id": "person:" + slug, "kind": "person", "name": name, "country": country}


def country(code):
    return {"id": "country:" + code}


FACTS = []


def add(kind, cameo, status, date, source=(), target=(), participants=()):
    FACTS.append({"type": kind, "cameo": cameo, "status": status, "date": date,
                  "source": list(source), "target": list(target),
                  "participants": list(participants),
                  "evidence": [{"article": "t%d" % len(FACTS), "text": "fact %d" % len(FACTS)}]})


# FRA-DEU: meeting (cooperative), statement (neutral), criticism (conflictual),
# a meeting that did not happen and a planned visit.
add("meeting", "040", "occurred", "1987-03-02", participants=[country("FRA"), country("DEU")])
add("statement", "010", "occurred", "1987-03-05", source=[country("FRA")], target=[country("DEU")])
add("criticism", "111", "occurred", "1987-04-01",
    source=[person("anne-roux", "Anne Roux", "FRA")], target=[country("DEU")])
add("meeting", "040", "negated", "1987-05-01", participants=[country("FRA"), country("DEU")])
add("visit", "042", "planned", "1987-06", source=[country("DEU")], target=[country("FRA")])
# FRA-ITA: two meetings of ministers, an intended threat.
add("meeting", "040", "occurred", "1987-02",
    participants=[person("anne-roux", "Anne Roux", "FRA"), person("marco-bini", "Marco Bini", "ITA")])
add("meeting", "040", "occurred", "1987-08-09", participants=[country("ITA"), country("FRA")])
add("threat", "138", "intended", "1987-09-01", source=[country("ITA")], target=[country("FRA")])
# DEU-ESP: an agreement and a sanction, both took place; a planned sanction.
add("agreement", "057", "occurred", "1987-01-15", participants=[country("DEU"), country("ESP")])
add("sanction", "163", "occurred", "1987-10-10", source=[country("DEU")], target=[country("ESP")])
add("sanction", "163", "planned", "1987-12", source=[country("DEU")], target=[country("ESP")])

# (facts, cooperative, neutral, conflictual, unrealized, mean Goldstein)
# Goldstein values: 040 1.0, 010 0.0, 111 -2.0, 057 8.0, 163 -8.0 (graph/cameo.cpp).
EXPECTED = {
    ("FRA", "DEU"): (5, 1, 1, 1, 2),
    ("FRA", "ITA"): (3, 2, 0, 0, 1),
    ("DEU", "ESP"): (3, 1, 0, 1, 1),
}
# Tie facts per country: distinct facts tying it to another country.
TIE_FACTS = {"FRA": 8, "DEU": 8, "ITA": 3, "ESP": 3}

failures = []


def check(what, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (what, got, want))


def run(*args, ok=(0,)):
    r = subprocess.run([DIPGRAPH, "-q", *args], capture_output=True, text=True)
    if r.returncode not in ok:
        print("FAIL: %s exited %d: %s" % (" ".join(args), r.returncode, r.stderr), file=sys.stderr)
        sys.exit(1)
    return r.stdout


def numbers(obj):
    return (obj["facts"], obj["cooperative"], obj["neutral"], obj["conflictual"], obj["unrealized"])


with tempfile.TemporaryDirectory() as tmp:
    facts = os.path.join(tmp, "facts.jsonl")
    with open(facts, "w") as f:
        for x in FACTS:
            f.write(json.dumps(x) + "\n")
    store = os.path.join(tmp, "s.store")
    run("build", "--store", store, facts)
    S = ["--store", store]

    network = os.path.join(tmp, "countries.csv")
    run("export", *S, "--countries", "-o", network)
    rows = {}
    with open(network, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[frozenset((row["source_iso3"], row["target_iso3"]))] = row
    dot = os.path.join(tmp, "countries.dot")
    run("render", *S, "--countries", "--top", "0", "--ties-per-country", "0", "-o", dot)
    dot_text = open(dot, encoding="utf-8").read()

    means = {}
    for (a, b), want in EXPECTED.items():
        pair = "%s-%s" % (a, b)
        ties = json.loads(run("ties", *S, a, b, "--json"))["summary"]
        check(pair + " ties", numbers(ties), want)
        mean = ties["mean_goldstein"]
        means[pair] = mean
        nb = json.loads(run("neighbors", *S, a, "--top", "0", "--json"))["neighbors"]
        got = [n for n in nb if n["country"]["id"] == "country:" + b]
        check(pair + " neighbors", numbers(got[0]) if got else None, want)
        check(pair + " neighbors mean", got[0]["mean_goldstein"] if got else None, mean)
        tl = json.loads(run("timeline", *S, a, b, "--by", "year", "--json"))["total"]
        check(pair + " timeline", numbers(tl), want)
        check(pair + " timeline mean", tl["mean_goldstein"], mean)
        paths = json.loads(run("path", *S, a, b, "--countries", "--json"))["paths"]
        direct = [p["ties"][0] for p in paths if p["length"] == 1]
        check(pair + " path --countries", numbers(direct[0]) if direct else None, want)
        row = rows.get(frozenset((a, b)))
        check(pair + " export --countries",
              tuple(int(row[k]) for k in ("facts", "cooperative", "neutral", "conflictual"))
              if row else None, want[:4])
        check(pair + " export mean", round(float(row["mean_goldstein"]), 4) if row else None,
              round(mean, 4))
        unreal = "; %d not realized" % want[4] if want[4] else ""
        text = "%d facts (%d cooperative, %d neutral, %d conflictual%s)" % (*want[:4], unreal)
        check(pair + " render tooltip has %r" % text, text in dot_text, True)

    # The tone by hand: FRA-DEU's realized facts are 040 (+1), 010 (0), 111 (-2).
    check("FRA-DEU mean Goldstein", round(means["FRA-DEU"], 4), round((1.0 + 0.0 - 2.0) / 3, 4))
    check("DEU-ESP mean Goldstein", round(means["DEU-ESP"], 4), 0.0)

    rank = json.loads(run("rank", *S, "--top", "0", "--json"))["ranking"]
    stats = json.loads(run("stats", *S, "--top", "10", "--json"))["top_countries"]
    for code, want in TIE_FACTS.items():
        r = [x["tie_facts"] for x in rank if x["country"]["id"] == "country:" + code]
        s = [x["tie_facts"] for x in stats if x["country"]["id"] == "country:" + code]
        check(code + " rank tie facts", r, [want])
        check(code + " stats tie facts", s, [want])

if failures:
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    sys.exit(1)
print("tie_agreement: ok")
