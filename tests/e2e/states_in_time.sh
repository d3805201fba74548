#!/usr/bin/env bash
# e2e: states in time. A store from the two examples/history/ articles (our
# own text, one dated 1987, one 2025): "Moscow" and "the Kremlin" are the
# Soviet Union in 1987 and Russia in 2025; "Bonn" and "West German" are
# Germany (DEU, never a second West German code); East Germany is DDR. The
# queries accept the old and the new names and say which state succeeded
# which.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
EX="${DIPGRAPH_SOURCE_DIR:?}/examples/history"
[ -d "$EX" ] || { echo "no examples/history folder"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

"$DIPGRAPH" -q build --store s "$EX" 2> build.err || fail "build: exit $? $(cat build.err)"
"$DIPGRAPH" -q check --store s --dump > facts.jsonl 2> /dev/null || fail "check --dump"

/usr/bin/python3 - facts.jsonl <<'PY' || fail "facts by year"
import json, sys
facts = [json.loads(l) for l in open(sys.argv[1])]
def countries(f):
    out = set()
    for side in ("source", "target", "participants"):
        for a in f.get(side, []):
            if a["id"].startswith("country:"):
                out.add(a["id"][8:])
            elif a.get("country"):
                out.add(a["country"])
    return out
by_year = {"1987": set(), "2025": set()}
for f in facts:
    year = f.get("date", "")[:4]
    if year in by_year:
        by_year[year] |= countries(f)
print("1987:", sorted(by_year["1987"]), "2025:", sorted(by_year["2025"]), file=sys.stderr)
ok = True
def want(cond, what):
    global ok
    if not cond:
        print("FAIL: " + what, file=sys.stderr)
        ok = False
want("SUN" in by_year["1987"], "the Soviet Union acts in 1987")
want("RUS" not in by_year["1987"], "no Russia in 1987 (Moscow, the Kremlin are the Soviet Union)")
want("DDR" in by_year["1987"], "East Germany acts in 1987")
want("DEU" in by_year["1987"], "West Germany is DEU in 1987")
want("RUS" in by_year["2025"], "Russia acts in 2025")
want("SUN" not in by_year["2025"], "no Soviet Union in 2025")
want("DEU" in by_year["2025"], "Germany acts in 2025")
want(not any("BRD" in countries(f) for f in facts), "no second code for West Germany")
sys.exit(0 if ok else 1)
PY

# The Kremlin's accusation: the Soviet Union's in 1987, Russia's in 2025.
"$DIPGRAPH" -q ties --store s USSR US --json > t.json 2> err || fail "ties USSR US: $(cat err)"
grep -q '"date": "1987-03-12"' t.json || fail "USSR-US 1987: $(cat t.json)"
"$DIPGRAPH" -q ties --store s Russia Germany --json > t.json 2> err || fail "ties Russia Germany: $(cat err)"
grep -q '"date": "2025-05-20"' t.json || fail "Russia-Germany 2025: $(cat t.json)"
grep -q '"date": "1987' t.json && fail "Russia-Germany has a 1987 fact: $(cat t.json)"
"$DIPGRAPH" -q ties --store s GDR FRG > /dev/null 2> err || fail "ties GDR FRG: $(cat err)"

# Either name; the note on predecessors and successors.
for name in USSR "Soviet Union" SUN Russia RUS Moscow Kremlin; do
  "$DIPGRAPH" -q neighbors --store s "$name" > /dev/null 2> err || fail "neighbors $name: $(cat err)"
done
# COW numbers the Soviet Union and Russia alike: 365 names both.
"$DIPGRAPH" -q neighbors --store s 365 > /dev/null 2> err && fail "365 resolved to one state"
grep -q '"365" is ambiguous: .*country:RUS.*country:SUN\|"365" is ambiguous: .*country:SUN.*country:RUS' err \
  || fail "365: $(cat err)"
"$DIPGRAPH" -q neighbors --store s USSR > /dev/null 2> err
grep -q 'note: Soviet Union (country:SUN) is a former state (until 1991-12-25), succeeded by Russia (country:RUS)' err \
  || fail "note on the Soviet Union: $(cat err)"
"$DIPGRAPH" -q neighbors --store s Moscow > n.txt 2> err
grep -q '^Partners of Russia (RUS)' n.txt || fail "Moscow today is Russia: $(cat n.txt)"
# The successor's note only when the query's dates reach before the succession.
grep -q 'succeeded Soviet Union' err && fail "note on Russia without dates before 1991: $(cat err)"
"$DIPGRAPH" -q neighbors --store s Russia --since 2000 > /dev/null 2> err || fail "neighbors --since 2000: $(cat err)"
grep -q 'succeeded Soviet Union' err && fail "note on Russia since 2000: $(cat err)"
for dates in "--since 1985" "--until 1990-06"; do
  # shellcheck disable=SC2086
  "$DIPGRAPH" -q ties --store s Russia Germany $dates > /dev/null 2> err  # exit 1: no facts in these dates
  grep -q 'note: Russia (country:RUS) succeeded Soviet Union (country:SUN) on 1991-12-25' err \
    || fail "note on Russia with $dates: $(cat err)"
done
"$DIPGRAPH" -q neighbors --store s "East Germany" > /dev/null 2> err
grep -q 'succeeded by Germany (country:DEU)' err || fail "note on East Germany: $(cat err)"
echo "states_in_time: ok"
