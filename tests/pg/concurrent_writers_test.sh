#!/usr/bin/env bash
# Many writers at once: 4 builds feed overlapping batches into one database
# store at the same time; one is SIGKILLed in the middle of a transaction.
# The store is whole after the kill (check passes), and after a clean
# re-run of all four it holds exactly the facts of one clean build (same
# ids, evidence and mentions); copying it to a file store and back is
# lossless.
. "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
python3 "$here/overlap_batches.py" "$tmp/b" 4 5000
batches=("$tmp/b0.jsonl" "$tmp/b1.jsonl" "$tmp/b2.jsonl" "$tmp/b3.jsonl")

"$DIPGRAPH" -q build --store "$tmp/ref.store" "${batches[@]}" 2>/dev/null
"$DIPGRAPH" -q check --store "$tmp/ref.store" --dump | python3 "$here/canonical.py" /dev/stdin >"$tmp/ref.canon"

db=$(new_db concurrent)
pids=()
for w in 0 1 2; do
  "$DIPGRAPH" -q build --store "$db" "${batches[$w]}" 2>"$tmp/w$w.err" &
  pids+=($!)
done
PGAPPNAME=victim "$DIPGRAPH" -q build --store "$db" "${batches[3]}" 2>"$tmp/victim.err" &
victim=$!
# kill it while it is inside a transaction
for _ in $(seq 1 400); do
  inside=$(psql_admin -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'victim' AND xact_start IS NOT NULL")
  [ "$inside" -gt 0 ] && break
  sleep 0.02
done
[ "$inside" -gt 0 ] || fail "the victim never opened a transaction"
kill -9 "$victim"
wait "$victim" && fail "the victim was not killed"
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent writer failed: $(cat "$tmp"/w*.err)"; done

"$DIPGRAPH" -q check --store "$db" >/dev/null || fail "store damaged after the kill"

# a clean re-run of all four, at once again
pids=()
for w in 0 1 2 3; do
  "$DIPGRAPH" -q build --store "$db" "${batches[$w]}" 2>"$tmp/r$w.err" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a re-run writer failed: $(cat "$tmp"/r*.err)"; done
"$DIPGRAPH" -q check --store "$db" --dump | python3 "$here/canonical.py" /dev/stdin >"$tmp/db.canon"
cmp "$tmp/ref.canon" "$tmp/db.canon" || fail "concurrent store differs from one clean build"

# re-running a batch adds nothing
out=$("$DIPGRAPH" build --store "$db" "${batches[0]}" 2>&1)
echo "$out" | grep -q " 0 new, 0 merged" || fail "a re-run batch changed the store: $out"

# copy to a file store and back: lossless
"$DIPGRAPH" -q check --store "$db" --dump >"$tmp/db.dump"
"$DIPGRAPH" -q copy --from "$db" --to "$tmp/copy.store"
db2=$(new_db concurrent_back)
"$DIPGRAPH" -q copy --from "$tmp/copy.store" --to "$db2"
"$DIPGRAPH" -q check --store "$tmp/copy.store" --dump | cmp - "$tmp/db.dump" || fail "copy to a file store lost something"
"$DIPGRAPH" -q check --store "$db2" --dump | cmp - "$tmp/db.dump" || fail "copy back lost something"
echo ok
