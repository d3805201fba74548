#!/usr/bin/env bash
# Lost connections: a build whose server connection is cut (the server
# terminates its backend) in the middle of its transactions reconnects and
# retries the batch; it ends with exit 0 and exactly the facts, in the same
# order, that a file store gets from the same inputs.
. "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
python3 "$here/overlap_batches.py" "$tmp/b" 4 5000
db=$(new_db retry)
"$DIPGRAPH" -q build --store "$db" --no-compact "$tmp"/b0.jsonl 2>/dev/null  # schema made, one batch in

PGAPPNAME=retrier "$DIPGRAPH" -q build --store "$db" "$tmp"/b1.jsonl "$tmp"/b2.jsonl "$tmp"/b3.jsonl \
  2>"$tmp/writer.err" &
writer=$!
hits=0
while kill -0 "$writer" 2>/dev/null && [ "$hits" -lt 3 ]; do
  n=$(psql_admin -At -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'retrier' AND xact_start IS NOT NULL")
  if [ "$n" -gt 0 ]; then hits=$((hits + n)); sleep 0.2; else sleep 0.01; fi
done
wait "$writer" || fail "the build did not survive lost connections: $(cat "$tmp/writer.err")"
[ "$hits" -gt 0 ] || fail "no connection was cut: the test proved nothing"
echo "connections cut: $hits"

"$DIPGRAPH" -q build --store "$tmp/file.store" "$tmp"/b0.jsonl "$tmp"/b1.jsonl "$tmp"/b2.jsonl "$tmp"/b3.jsonl 2>/dev/null
"$DIPGRAPH" -q check --store "$tmp/file.store" --dump >"$tmp/file.dump"
"$DIPGRAPH" -q check --store "$db" --dump >"$tmp/db.dump"
cmp "$tmp/file.dump" "$tmp/db.dump" || fail "retried batches differ from a file store build"
"$DIPGRAPH" -q export --store "$tmp/file.store" --format json -o "$tmp/file.json"
"$DIPGRAPH" -q export --store "$db" --format json -o "$tmp/db.json"
cmp "$tmp/file.json" "$tmp/db.json" || fail "exports differ"
echo ok
