#!/usr/bin/env bash
# dipgraph extract end to end on the bundled examples/: valid facts JSONL,
# the stories' main events, the same output whatever --threads, bad inputs
# reported with exit 1, bad flags with exit 2.
set -u
: "${DIPGRAPH:?}" "${DIPGRAPH_SOURCE_DIR:?}"
EX="$DIPGRAPH_SOURCE_DIR/examples"
[ -d "$EX" ] || { echo "no examples/ folder"; exit 77; }
command -v python3 >/dev/null || exit 77
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

"$DIPGRAPH" extract --date 2025-07-01 --threads 1 "$EX" >"$TMP/one.jsonl" 2>"$TMP/one.err"
check "extract examples exits 0" "[ $? -eq 0 ]"
"$DIPGRAPH" extract --date 2025-07-01 --threads 3 "$EX" >"$TMP/three.jsonl" 2>/dev/null
check "same facts with 1 and 3 threads" "cmp -s '$TMP/one.jsonl' '$TMP/three.jsonl'"

python3 - "$TMP/one.jsonl" <<'PY'
import json, sys
facts = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def countries(f, side=None):
    sides = [side] if side else ["source", "target", "participants"]
    return {a.get("country") for s in sides for a in f.get(s, []) if a.get("country")}
def place(f):
    loc = f.get("location") or {}
    return loc.get("name", "")
want = [
    ("Japan-South Korea summit in Tokyo on 2025-05-14",
     lambda f: f["root"] == "04" and {"JPN", "KOR"} <= countries(f) and place(f) == "Tokyo" and f.get("date") == "2025-05-14"),
    ("Brazil and Argentina sign an agreement",
     lambda f: f["cameo"] == "057" and {"BRA", "ARG"} <= countries(f)),
    ("France criticizes Russia",
     lambda f: f["root"] == "11" and "FRA" in countries(f, "source") and "RUS" in countries(f, "target")),
    ("the EU sanctions Belarus",
     lambda f: f["root"] == "16" and "BLR" in countries(f, "target")),
    ("India and Bangladesh rail project",
     lambda f: f["type"] == "project" and {"IND", "BGD"} <= countries(f)),
    ("Serbia threatens Croatia",
     lambda f: f["root"] == "13" and "SRB" in countries(f, "source") and "HRV" in countries(f, "target")),
    ("the UK pledges aid to Sudan (an intent, 033)",
     lambda f: f["cameo"] == "033" and f["status"] == "intended" and "GBR" in countries(f, "source")
     and "SDN" in countries(f, "target")),
    ("Kenya and Ethiopia meet in Nairobi",
     lambda f: f["root"] == "04" and {"KEN", "ETH"} <= countries(f) and place(f) == "Nairobi"),
]
bad = 0
for what, pred in want:
    ok = any(pred(f) for f in facts)
    print(("ok: " if ok else "FAIL: ") + what)
    bad += not ok
for f in facts:
    for key in ("id", "type", "cameo", "root", "status", "evidence", "confidence"):
        if key not in f:
            print("FAIL: fact without", key, f.get("id")); bad += 1
    for e in f["evidence"]:
        if not e.get("text") or e["end"] <= e["start"]:
            print("FAIL: bad evidence in", f["id"]); bad += 1
sys.exit(1 if bad else 0)
PY
check "expected events found, every fact complete" "[ $? -eq 0 ]"

"$DIPGRAPH" extract --date 2025-07-01 "$EX/japan_south_korea_summit.txt" "$TMP/missing.txt" >"$TMP/part.jsonl" 2>"$TMP/part.err"
rc=$?
check "a missing input exits 1" "[ $rc -eq 1 ]"
check "the missing input is named" "grep -q 'missing.txt' '$TMP/part.err'"
check "the count of skipped inputs is reported" "grep -q '1 input skipped' '$TMP/part.err'"
check "the good input still gives facts" "[ -s '$TMP/part.jsonl' ]"

"$DIPGRAPH" extract --date 2025-13-40 "$EX" >/dev/null 2>"$TMP/date.err"
rc=$?
check "a bad --date exits 2" "[ $rc -eq 2 ]"
check "the bad date is named" "grep -q '2025-13-40' '$TMP/date.err'"

printf 'Chile and Peru signed a trade accord in Lima on Monday.\n' | "$DIPGRAPH" extract --date 2025-03-14 - >"$TMP/stdin.jsonl" 2>/dev/null
check "stdin input" "grep -q '\"cameo\":\"057\"' '$TMP/stdin.jsonl'"

"$DIPGRAPH" --data "$TMP/nodata" extract "$EX" >/dev/null 2>"$TMP/data.err"
rc=$?
check "missing dictionaries exit 2" "[ $rc -eq 2 ]"
check "the missing dictionary is named" "grep -q 'countries.tsv' '$TMP/data.err'"
exit $fail
