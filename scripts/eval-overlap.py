#!/usr/bin/env python3
"""Fails when a project file quotes an evaluation text (5 words or more).

The evaluation sets (../shared/eval, ../shared/seed) are never in the
repository, so the check keeps only fingerprints of their word 5-grams in
tests/data/eval_5grams.txt (the first 12 hex digits of each 5-gram's
SHA-1; no text). A 5-gram of a project file with the same fingerprint is a
quote: a rule, test or doc written from an evaluation sentence.

  scripts/eval-overlap.py                    check the project (exit 1 on a hit)
  scripts/eval-overlap.py --update DIR...    rebuild the fingerprints from the
                                             evaluation texts under DIR (.jsonl
                                             "text"/"title"/"evidence", .txt)

tests/data/eval_overlap_allowed.txt may list fingerprints not to count; it
is kept empty: the shared tool counts every 5-gram, official names
included, and so does this check.

Words are lower-case runs of letters and digits (with an inner apostrophe);
5-grams made only of short words (3 letters or fewer in 3 of the 5) are
ignored, as in the shared tool eval_overlap.py.
"""
import hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRINTS = os.path.join(ROOT, "tests", "data", "eval_5grams.txt")
ALLOWED = os.path.join(ROOT, "tests", "data", "eval_overlap_allowed.txt")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SKIP_DIRS = {".git", "out", "node_modules"}
TEXT_EXT = {".cpp", ".hpp", ".h", ".cc", ".c", ".tsv", ".txt", ".md", ".json", ".jsonl", ".py", ".sh",
            ".csv", ".html", ".cmake", ""}


def grams(text):
    w = WORD.findall(text.lower())
    for i in range(len(w) - 4):
        g = w[i:i + 5]
        if sum(len(x) > 3 for x in g) >= 3:
            yield " ".join(g)


def fp(g):
    return hashlib.sha1(g.encode()).hexdigest()[:12]


def eval_texts(dirs):
    for d in dirs:
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if name.endswith(".jsonl"):
                with open(p, encoding="utf-8") as f:
                    for line in f:
                        try:
                            r = json.loads(line)
                        except ValueError:
                            continue
                        for k in ("text", "title"):
                            if isinstance(r.get(k), str):
                                yield r[k]
                        ev = r.get("evidence")
                        for e in ev if isinstance(ev, list) else []:
                            if isinstance(e, str):
                                yield e
            elif name.endswith(".txt"):
                with open(p, encoding="utf-8", errors="replace") as f:
                    yield f.read()


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--update":
        prints = sorted({fp(g) for t in eval_texts(sys.argv[2:]) for g in grams(t)})
        with open(PRINTS, "w") as f:
            f.write("# fingerprints of evaluation 5-grams (scripts/eval-overlap.py); no text\n")
            f.write("\n".join(prints) + "\n")
        print(f"eval-overlap: {len(prints)} fingerprints written")
        return 0
    with open(PRINTS) as f:
        prints = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    if os.path.exists(ALLOWED):
        with open(ALLOWED) as f:
            prints -= {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    hits = []
    for dp, dns, fns in os.walk(ROOT):
        dns[:] = [d for d in dns if d not in SKIP_DIRS and not d.startswith("build")]
        for fn in fns:
            p = os.path.join(dp, fn)
            if os.path.splitext(fn)[1] not in TEXT_EXT or p in (PRINTS, ALLOWED):
                continue
            try:
                with open(p, encoding="utf-8", errors="replace") as f:
                    text = f.read(2_000_000)
            except OSError:
                continue
            for g in grams(text):
                if fp(g) in prints:
                    hits.append((os.path.relpath(p, ROOT), g))
    for p, g in hits[:int(os.environ.get("EVAL_OVERLAP_MAX", "20"))]:
        print(f"{p}: \"{g}\" is a 5-gram of an evaluation text")
    print(f"eval-overlap: {len(hits)} quotes of evaluation texts in project files")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
