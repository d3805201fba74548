#!/usr/bin/env bash
# e2e: the attacks of issue 13 ("Hardening, round two"), each against the
# built binary: every one must end within seconds, with a message naming the
# file (and line), a documented exit code (0 ok, 1 some input skipped, 2
# fatal), the rest of the batch processed and the store readable.
#   B1 a JSONL article nested 90,000 deep       B2 a facts line nested 150,000 deep
#   B3 a store record nested deep, valid CRC    B4 /dev/zero, /dev/urandom as inputs
#   B6 a DOT id over 16,384 bytes               B7 build --threads 100000
#   W1 summary and the cap on bad lines shown   W5 FIFOs as inputs
#   W6 a file name with a newline               W13 stdout on /dev/full
#   W10 leftovers of killed runs                W11/W12 store files through links
#   W14 export --facts - -o F < F               W16 --k and --top bounds
#   W18 --store '' and a directory of user files as --store
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "SKIP: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"
# Every run is bounded: a hang fails the test (timeout exits 124).
D() { timeout 60 "$DIPGRAPH" "$@"; }

good='{"id":"g1","text":"ISLAMABAD, July 10 - Chinese Foreign Minister Wang Yi met Pakistani Prime Minister Shehbaz Sharif in Islamabad on Thursday."}'
fact() { echo "{\"type\":\"meeting\",\"cameo\":\"043\",\"participants\":[{\"id\":\"country:PAK\"},{\"id\":\"country:$1\"}],\"evidence\":[{\"article\":\"a-$1\",\"text\":\"Talks with $1.\"}]}"; }

/usr/bin/python3 - <<'PY'
deep = '{"text":"x","m":' + "[" * 90000 + "]" * 90000 + "}"
open("deep.jsonl", "w").write(deep + "\n")
fact = '{"type":"meeting","participants":[{"id":"country:PAK"}],"x":' + "[" * 150000 + "]" * 150000 + "}"
open("deepfact.line", "w").write(fact + "\n")
PY

# --- B1: a deep JSONL article between good ones: extract and build go on.
{ echo "$good"; cat deep.jsonl; echo "$good" | sed 's/"g1"/"g2"/'; } > batch.jsonl
D extract batch.jsonl > out.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "B1 extract: exit $rc: $(head -c 300 err)"
grep -q '^batch.jsonl:2: not JSON: nested deeper than 64 levels at column 80$' err ||
  fail "B1 extract message: $(head -c 300 err)"
[ "$(grep -c '"article":"g[12]"' out.jsonl)" -ge 2 ] || fail "B1 extract lost the good articles"
D -q build --store s1 batch.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "B1 build: exit $rc: $(head -c 300 err)"
grep -q '^batch.jsonl:2: not JSON: nested deeper' err || fail "B1 build message: $(head -c 300 err)"
D check --store s1 > /dev/null || fail "B1 store does not check"

# --- B2: a deep facts line among good ones.
{ fact RUS; cat deepfact.line; fact CHN; } > facts.jsonl
D -q build --store s2 facts.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "B2 build: exit $rc: $(head -c 300 err)"
grep -q '^facts.jsonl:2: not JSON: nested deeper than 64 levels at column 124$' err ||
  fail "B2 message: $(head -c 300 err)"
D check --store s2 > out || fail "B2 check: $(cat out)"
grep -q '2 records, 2 facts' out || fail "B2 lost facts: $(cat out)"

# --- B3: a store record nested deep with a valid checksum.
/usr/bin/python3 - <<'PY'
def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF
body = ('{"type":"meeting","participants":[{"id":"country:PAK"}],"x":' + "[" * 20000 + "]" * 20000).encode()
with open("s2/facts.jsonl", "ab") as f:
    f.write(body + (',"crc":"%08x"}\n' % crc32c(body)).encode())
PY
D check --store s2 > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "B3 check: exit $rc: $(head -c 300 err)"
grep -q '^s2/facts.jsonl:3: not JSON: nested deeper than 64 levels' err || fail "B3 check message: $(head -c 300 err)"
D -q stats --store s2 > out 2> err; rc=$?
[ "$rc" -le 1 ] || fail "B3 stats: exit $rc: $(head -c 300 err)"
D check --store s2 --repair > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "B3 repair: exit $rc: $(head -c 300 err)"
D check --store s2 > out || fail "B3 store after repair: $(cat out)"
grep -q '2 records, 2 facts' out || fail "B3 after repair: $(cat out)"

# --- B4 / W5: devices and FIFOs never block; the lock is released.
mkfifo pipe.jsonl pipe.txt
fact IND > more.jsonl
start=$(date +%s)
D -q build --store s2 /dev/zero /dev/urandom pipe.jsonl pipe.txt more.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "B4 build: exit $rc: $(cat err)"
[ $(( $(date +%s) - start )) -lt 20 ] || fail "B4 build took too long"
for f in /dev/zero /dev/urandom pipe.jsonl pipe.txt; do
  grep -q "^$f: not a regular file" err || fail "B4 $f not named: $(cat err)"
done
D check --store s2 > out || fail "B4 check"
grep -q '3 records, 3 facts' out || fail "B4 the good input was not stored: $(cat out)"
D extract /dev/zero pipe.txt > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] || fail "B4 extract: exit $rc"
grep -q '^pipe.txt: not a regular file (a FIFO)' err || fail "W5 extract FIFO: $(cat err)"
D extract - < /dev/zero > /dev/null 2> err; rc=$?
[ "$rc" = 1 ] || fail "B4 stdin from /dev/zero: exit $rc"
grep -q '^-: ' err || fail "B4 stdin message: $(cat err)"

# --- B6: an id over 16,384 bytes in DOT; Graphviz reads it.
long=$(head -c 20000 /dev/zero | tr '\0' 'x')
echo "{\"type\":\"meeting\",\"participants\":[{\"id\":\"country:PAK\"},{\"id\":\"person:$long\",\"kind\":\"person\"}]}" > long.jsonl
D -q build --store s3 long.jsonl || fail "B6 build"
D export --store s3 --format dot -o long.dot || fail "B6 export"
if command -v dot > /dev/null; then
  dot -Tcanon long.dot > /dev/null 2> err || fail "B6 Graphviz refuses the DOT: $(head -c 300 err)"
  D -q render --store s3 --around PAK -o around.svg 2> err || fail "B6 render --around: $(head -c 300 err)"
fi

# --- B7: --threads is bounded in build as in extract.
D -q build --store s4 --threads 100000 more.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "B7 build --threads 100000: exit $rc"
grep -q 'threads' err || fail "B7 message: $(cat err)"

# --- W1: the summary counts inputs and skipped articles apart; bad lines are
# shown up to 20 per file, then counted.
{ echo "$good"; for i in 1 2 3 4 5 6 7; do echo '{"id":1}'; done; } > seven.jsonl
D build --store s5 seven.jsonl 2> err; rc=$?
[ "$rc" = 1 ] || fail "W1 build: exit $rc"
grep -q '^build: 1 input read, 1 article, 7 articles skipped' err || fail "W1 summary: $(tail -1 err)"
head -c 1000000 /dev/urandom | base64 > junk.jsonl
D extract junk.jsonl > /dev/null 2> err
[ "$(grep -c '^junk.jsonl:' err)" = 21 ] || fail "W1 extract shows $(grep -c '^junk.jsonl:' err) lines"
grep -q '^junk.jsonl: [0-9]* more bad lines not shown$' err || fail "W1 count: $(tail -3 err)"

# --- W6: a file name with a newline stays on one line.
printf 'Nothing here.' > "$(printf 'a\nb.txt')"
: > "$(printf 'c\nd.txt')"
D extract "$(printf 'c\nd.txt')" > /dev/null 2> err
grep -q '^c\\nd.txt: empty file$' err && ! grep -q '^d.txt' err || fail "W6: $(cat err)"

# --- W13: a failed write to stdout fails the command.
for cmd in "stats --store s2" "path --store s2 PAK IND" "ties --store s2 PAK IND" \
           "check --store s2 --dump" "extract seven.jsonl"; do
  if [ -w /dev/full ]; then
    D -q $cmd > /dev/full 2> err; rc=$?
    [ "$rc" = 2 ] || fail "W13 $cmd > /dev/full: exit $rc"
    grep -q 'standard output' err || fail "W13 $cmd message: $(cat err)"
  fi
done

# --- W14: the facts read on stdin are not overwritten by -o.
fact RUS > in.jsonl; cp in.jsonl in.orig
D export --facts - -o in.jsonl < in.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "W14 export: exit $rc"
cmp -s in.jsonl in.orig || fail "W14 the input was overwritten"
grep -q 'standard input' err || fail "W14 message: $(cat err)"

# --- W16: numeric flags are bounded.
for args in "path --store s2 PAK IND --k -1" "path --store s2 PAK IND --k 0" \
            "path --store s2 PAK IND --k 1000001" "neighbors --store s2 PAK --top -5" \
            "rank --store s2 --top -1" "export --store s2 --around PAK --depth -1"; do
  D -q $args > /dev/null 2>&1; rc=$?
  [ "$rc" = 2 ] || fail "W16 $args: exit $rc"
done

# --- W18: an empty --store is an error, not ./dipgraph.store.
D -q stats --store '' > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "W18 --store '': exit $rc"
D -q build --store '' more.jsonl > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "W18 build --store '': exit $rc"
[ ! -e dipgraph.store ] || fail "W18 created ./dipgraph.store"
# --- W10: leftovers of killed runs are removed by the next writer.
: > s2/FORMAT.tmp.2147483646; : > s2/facts.jsonl.repair.2147483646
D -q build --store s2 more.jsonl 2> err || fail "W10 build: $(cat err)"
[ ! -e s2/FORMAT.tmp.2147483646 ] && [ ! -e s2/facts.jsonl.repair.2147483646 ] ||
  fail "W10 leftovers kept: $(ls s2)"

# --- W11/W12: store files are never followed through a symbolic link.
fact RUS > user.txt; cp user.txt user.orig
D -q build --store s6 more.jsonl || fail "W12 first build"
rm s6/facts.jsonl; ln -s ../user.txt s6/facts.jsonl
D -q build --store s6 more.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "W12 build through a link: exit $rc"
grep -q 's6/facts.jsonl: is a symbolic link' err || fail "W12 message: $(cat err)"
cmp -s user.txt user.orig || fail "W12 the user's file was changed"
rm s6/facts.jsonl; ln -s /dev/zero s6/facts.jsonl
D -q stats --store s6 > /dev/null 2> err; rc=$?
[ "$rc" = 2 ] || fail "W11 a log linked to /dev/zero: exit $rc"

# --- W18: a directory of user files is not turned into a store.
mkdir mine; echo notes > mine/notes.txt
D -q build --store mine more.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "W18 build into a user directory: exit $rc"
grep -q 'mine: not a fact store' err || fail "W18 message: $(cat err)"
[ "$(ls mine)" = notes.txt ] || fail "W18 the directory was changed: $(ls mine)"
echo "ok"
