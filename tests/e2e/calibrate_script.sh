#!/usr/bin/env bash
# e2e: the calibration stays rerunnable (docs/extraction.md, "Calibrated
# confidence"): scripts/calibrate.py --check finds dipgraph's confidences
# equal to the model of data/calibration.tsv computed by the script (the
# C++ and Python features agree), and --dry-run fits and prints the
# held-out checks without writing anything. Skipped (77) without the news
# development set next to the checkout.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
src=$(cd "$(dirname "$0")/../.." && pwd)
ev="$(dirname "$src")/shared/eval"
[ -f "$ev/news_dev.jsonl" ] && [ -f "$ev/score_news.py" ] || { echo "no $ev: skipped"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
before=$(cksum < "$src/data/calibration.tsv")
out=$(python3 "$src/scripts/calibrate.py" "$DIPGRAPH" "$ev" --check 2>&1) || fail "--check: $out"
echo "$out" | grep -q "confidences are the model's" || fail "--check: $out"
out=$(python3 "$src/scripts/calibrate.py" "$DIPGRAPH" "$ev" --dry-run 2>&1) || fail "--dry-run: $out"
for want in "fitted on half A, table of half B (held out)" "both halves, each fitted on the other (held out)" \
            "random two-fold splits by article" "noise floor" "weights fitted on all"; do
  echo "$out" | grep -qF "$want" || fail "--dry-run prints no '$want': $out"
done
[ "$(cksum < "$src/data/calibration.tsv")" = "$before" ] || fail "--dry-run changed data/calibration.tsv"
echo "calibrate_script: ok"
