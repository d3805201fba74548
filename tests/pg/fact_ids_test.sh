#!/usr/bin/env bash
# Database store, schema 3 (docs/facts.md, "The id"): a store of schema
# version 2 holds a directed fact under its schema 2 id (its parties as one
# set); it is refused until `check --migrate` gives the fact its schema 3 id,
# and then a re-report merges into it while the reversed act is a fact of its
# own, as in a file store built from the same inputs.
. "$(dirname "$0")/lib.sh"
cd "$tmp"

cat > first.jsonl <<'JSON'
{"type":"criticism","cameo":"111","date":"2025-03-03","source":[{"id":"country:KEN"}],"target":[{"id":"country:UGA"}],"evidence":[{"article":"k1","text":"Nairobi faulted Kampala."}]}
{"type":"meeting","cameo":"040","date":"2025-03-05","participants":[{"id":"country:UGA"},{"id":"country:KEN"}],"evidence":[{"article":"k2","text":"The two sides sat down."}]}
JSON
cat > later.jsonl <<'JSON'
{"type":"criticism","cameo":"111","date":"2025-03-03","source":[{"id":"country:UGA"}],"target":[{"id":"country:KEN"}],"evidence":[{"article":"u1","text":"Kampala hit back at Nairobi."}]}
{"type":"criticism","cameo":"111","date":"2025-03-03","source":[{"id":"country:KEN"}],"target":[{"id":"country:UGA"}],"evidence":[{"article":"k3","text":"Kenya's rebuke, told again."}]}
JSON
# The id schema 2 gave the dated criticism: FNV-1a-64 of its key, parties as one set.
old_id=$(/usr/bin/python3 - <<'PY'
key = "criticism\x1f" + "country:KEN\x1e" + "country:UGA\x1e" + "\x1f2025-03-03\x1f"
h = 14695981039346656037
for b in key.encode():
    h = ((h ^ b) * 1099511628211) & (2**64 - 1)
print("event:%016x" % h)
PY
)

db=$(new_db fact_ids_v2)
name=${db#postgresql:///}
name=${name%%\?*}
"$DIPGRAPH" -q build --store "$db" first.jsonl || fail "build"
new_id=$("$DIPGRAPH" -q check --store "$db" --dump | grep '"criticism"' | sed 's/^{"id":"\([^"]*\)".*/\1/')
[ -n "$new_id" ] && [ "$new_id" != "$old_id" ] || fail "the criticism's id: '$new_id' (schema 2: $old_id)"
# What an older dipgraph left: schema version 2, the id of schema 2.
psql_admin -d "$name" -c "UPDATE dipgraph.facts SET id = '$old_id' WHERE id = '$new_id'" \
  -c "UPDATE dipgraph.meta SET value = '2' WHERE key = 'schema_version'"
out=$("$DIPGRAPH" -q stats --store "$db" 2>&1) && fail "a version 2 store was read: $out"
echo "$out" | grep -q "schema version 2 is older than 3" || fail "no clear refusal: $out"
out=$("$DIPGRAPH" check --store "$db" --migrate 2>&1) || fail "check --migrate: $out"
echo "$out" | grep -q "upgraded the schema from version 2 to 3 (1 fact ids" || fail "check --migrate said: $out"
"$DIPGRAPH" -q check --store "$db" --dump > migrated.jsonl || fail "check --dump after the upgrade"
grep -q "\"id\":\"$new_id\"" migrated.jsonl || fail "not migrated: $(cat migrated.jsonl)"
grep -q "$old_id" migrated.jsonl && fail "the schema 2 id is left: $(cat migrated.jsonl)"

"$DIPGRAPH" -q build --store "$db" later.jsonl || fail "build after the upgrade"
"$DIPGRAPH" -q build --store file first.jsonl later.jsonl || fail "build of a file store"
"$DIPGRAPH" -q check --store "$db" --dump > db.jsonl || fail "check --dump of the database"
"$DIPGRAPH" -q check --store file --dump > file.jsonl || fail "check --dump of the file store"
cmp -s db.jsonl file.jsonl || fail "the stores differ: $(cat db.jsonl) vs $(cat file.jsonl)"
[ "$(wc -l < db.jsonl)" -eq 3 ] || fail "3 facts expected: $(cat db.jsonl)"
grep "\"id\":\"$new_id\"" db.jsonl | grep -q '"mentions":2' || fail "the re-report did not merge: $(cat db.jsonl)"
# Migrating again finds nothing to do.
out=$("$DIPGRAPH" check --store "$db" --migrate 2>&1) || fail "second --migrate: $out"
echo "$out" | grep -q "schema version 3 is up to date" || fail "second --migrate said: $out"
echo "fact_ids_test: ok"
