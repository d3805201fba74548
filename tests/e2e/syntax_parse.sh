#!/usr/bin/env bash
# dipgraph parse: articles and CoNLL-U files (sentences of our own) give
# CoNLL-U with our tags and lemmas; scripts/score-conllu.py scores it; a
# malformed CoNLL-U file exits 2 naming its line.
set -euo pipefail
src=${DIPGRAPH_SOURCE_DIR:?}
bin=${DIPGRAPH:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "Kenya's minister met her counterpart. Talks didn't end.\n" > "$work/a.txt"
"$bin" --quiet parse --no-parse "$work/a.txt" > "$work/a.conllu"
grep -q '^# text = Talks didn'"'"'t end\.$' "$work/a.conllu" || { echo "no # text line"; cat "$work/a.conllu"; exit 1; }
grep -qP '^2\t'"'"'s\t' "$work/a.conllu" || { echo "possessive not split"; exit 1; }
grep -qP '^4\tmet\tmeet\tVERB\tVBD\t' "$work/a.conllu" || { echo "met not tagged VBD/meet"; exit 1; }
grep -qP '^3\tn'"'"'t\tnot\tPART\t' "$work/a.conllu" || { echo "n't not split"; exit 1; }
printf '# sent_id = 1\n1\tTalks\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tended\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n' > "$work/g.conllu"
"$bin" --quiet parse --conllu --no-parse "$work/g.conllu" > "$work/p.conllu"
grep -qP '^1\tTalks\ttalk\tNOUN\tNNS\t_\t_\t_\t_\t_$' "$work/p.conllu" || { echo "conllu mode"; cat "$work/p.conllu"; exit 1; }
python3 "$src/scripts/score-conllu.py" "$work/g.conllu" "$work/p.conllu" > "$work/score.txt"
grep -q 'UPOS 100.00' "$work/score.txt" || { echo "score:"; cat "$work/score.txt"; exit 1; }
printf '1\tTalks\n' > "$work/bad.conllu"
set +e
"$bin" --quiet parse --conllu --no-parse "$work/bad.conllu" > /dev/null 2> "$work/err.txt"
rc=$?
set -e
[ "$rc" = 2 ] || { echo "malformed file: exit $rc, expected 2"; exit 1; }
grep -q 'bad.conllu:1: 2 fields, expected 10' "$work/err.txt" || { echo "message:"; cat "$work/err.txt"; exit 1; }
echo "dipgraph parse: ok"
