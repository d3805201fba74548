#!/usr/bin/env bash
# e2e: size limits under a 2 GB address-space limit (ulimit -v). A 50 MB
# single-line article, a 50 MB JSONL article line and a 50 MB facts line are
# each refused with a clear message naming the file (and line) when over
# --max-article-mb / --max-line-mb, while the rest of the batch goes on; under
# the default limits (64 MB) the same inputs are processed without running
# out of memory. --max-facts-per-article keeps the first N facts, with a
# warning. Under AddressSanitizer (DIPGRAPH_SANITIZED=1), whose shadow memory
# needs far more than 2 GB of address space, the bound is ASan's own
# hard_rss_limit_mb (3 GB of resident memory: ASan's redzones and quarantine
# roughly double a run's memory) instead of ulimit -v.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "SKIP: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"
if [ "${DIPGRAPH_SANITIZED:-0}" = 1 ]; then
  D() { ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=3072" "$DIPGRAPH" "$@"; }
else
  D() { (ulimit -v 2097152; "$DIPGRAPH" "$@"); }
fi

/usr/bin/python3 - <<'PY'
import json
filler = "The weather in the capital was calm and the markets were quiet. " * 800_000  # ~52 MB
open("big.txt", "w").write("LIMA, July 9 - " + filler + "\n")
small = "ISLAMABAD, July 10 - Chinese Foreign Minister Wang Yi met Pakistani Prime Minister Shehbaz Sharif in Islamabad on Thursday.\n"
open("small.txt", "w").write(small)
with open("batch.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": filler}) + "\n")
    f.write(json.dumps({"id": "small", "date": "2025-07-10", "text": small}) + "\n")
fact = {"type": "meeting", "cameo": "043", "date": "2025-07-10",
        "participants": [{"id": "country:PAK"}, {"id": "country:CHN"}],
        "evidence": [{"article": "a1", "text": "Pakistan met China."}]}
with open("facts.jsonl", "w") as f:
    f.write(json.dumps(dict(fact, quote="q" * 52_000_000)) + "\n")
    f.write(json.dumps(dict(fact, participants=[{"id": "country:PAK"}, {"id": "country:RUS"}])) + "\n")
many = "PARIS, July 9 - " + " ".join(
    "%s met %s in Paris on Monday." % p for p in
    [("France", "Germany"), ("Italy", "Spain"), ("Japan", "India"), ("Brazil", "Chile"), ("Kenya", "Ghana")])
open("many.txt", "w").write(many + "\n")
PY
[ "$(stat -c %s big.txt)" -gt 50000000 ] || fail "big.txt is not 50 MB"

# Over the limit: a message naming the file, exit 1, the small input goes on.
D -q extract --date 2025-07-11 --max-article-mb 10 big.txt small.txt > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "extract big.txt over the limit: exit $rc: $(head -c 500 err)"
grep -q '^big.txt: .*10485760' err || fail "no message naming big.txt and the limit: $(head -c 500 err)"
grep -q '"PAK"' out || fail "small.txt not extracted after big.txt"
D -q extract --max-article-mb 10 batch.jsonl > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "extract batch.jsonl: exit $rc"
grep -q '^batch.jsonl:1: ' err || fail "no message naming batch.jsonl:1: $(head -c 500 err)"
grep -q '"PAK"' out || fail "line 2 of batch.jsonl not extracted"
D -q build --store s --max-line-mb 10 facts.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "build facts.jsonl over --max-line-mb: exit $rc: $(head -c 500 err)"
grep -q '^facts.jsonl:1: line too long' err || fail "no message naming facts.jsonl:1: $(head -c 500 err)"
D check --store s --dump 2> /dev/null | grep -q 'country:RUS' || fail "line 2 of facts.jsonl not stored"
D -q build --store s2 --max-article-mb 10 big.txt small.txt 2> err; rc=$?
[ "$rc" = 1 ] || fail "build big.txt over --max-article-mb: exit $rc"
grep -q '^big.txt: ' err || fail "build: no message naming big.txt"
D check --store s2 --dump 2> /dev/null | grep -q '"PAK"' || fail "build: small.txt not stored"

# Under the default limits the same inputs go through in bounded memory.
D -q extract --date 2025-07-11 big.txt small.txt > out 2> err || fail "extract big.txt: exit $? $(head -c 500 err)"
grep -q '"PAK"' out || fail "small.txt not extracted after a 50 MB article"
D -q build --store s3 facts.jsonl 2> err || fail "build a 50 MB fact: exit $? $(head -c 500 err)"
D check --store s3 > out 2> err || fail "check of a store with a 50 MB record: $(cat out err | head -c 500)"
grep -q '2 records, 2 facts' out || fail "check summary: $(cat out)"

# --max-facts-per-article.
"$DIPGRAPH" -q extract many.txt > all.jsonl 2> /dev/null || fail "extract many.txt"
[ "$(wc -l < all.jsonl)" -ge 3 ] || fail "many.txt gives fewer than 3 facts: $(cat all.jsonl)"
"$DIPGRAPH" -q extract --max-facts-per-article 2 many.txt > two.jsonl 2> err || fail "--max-facts-per-article: exit $?"
[ "$(wc -l < two.jsonl)" = 2 ] || fail "--max-facts-per-article 2 kept $(wc -l < two.jsonl)"
head -2 all.jsonl | cmp -s - two.jsonl || fail "--max-facts-per-article did not keep the first facts"
grep -q '^many.txt: warning: more than 2 facts' err || fail "no warning for the facts limit: $(cat err)"
"$DIPGRAPH" -q extract --max-article-mb 0 many.txt > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "--max-article-mb 0: exit $rc"
echo ok
