#!/usr/bin/env python3
"""Writes data/regions.tsv: the provinces, states and regions of each country.

Names are the ISO 3166-2 subdivision names shipped by Debian's iso-codes
package (/usr/share/iso-codes/json/iso_3166-2.json). The recognizer reads a
region like a city: a place that lies in its country ("food dropped into
Aceh", "clashes in Tigray"), never an actor by itself.

Only first-order units are kept (provinces, states, regions, governorates,
prefectures, departments, counties and the like; no municipalities,
districts or boroughs), and a name is left out when a reader could take it
for something else:
  - it is a country, capital, city, demonym or organization name of our
    dictionaries ("Georgia", "Lagos", "Niger"), or a word of a leader's
    name ("Toledo");
  - it names units of two countries ("Punjab");
  - it is an English word: one of its words, or its only word without a
    plural s, is written in lower case in WordNet ("Delta", "Plateau",
    "Rivers", "Central"), unless another word of the name is not;
  - it is shorter than four letters or carries brackets, commas or slashes.
A name made of a local compass word and one more word ("Nord-Kivu") has
its English form ("North Kivu") as an alias.

Usage: scripts/make-regions.py [ISO_CODES_JSON_DIR [WORDNET_DIR]] > data/regions.tsv
Defaults: /usr/share/iso-codes/json (Debian iso-codes), /usr/share/wordnet
(Debian wordnet-base).
"""
import json
import re
import sys
import unicodedata

iso = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json"
wn = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
data = sys.argv[3] if len(sys.argv) > 3 else "data"

KINDS = {
    "province", "state", "region", "governorate", "prefecture", "department", "county",
    "autonomous region", "autonomous community", "autonomous republic", "autonomous province",
    "autonomous city", "republic", "emirate", "territory", "union territory", "federal territory",
    "federal district", "oblast", "land", "canton", "voivodship", "division", "zone",
    "regional state", "administrative region", "special administrative region",
    "capital territory", "capital district", "country", "island", "entity", "department",
    "autonomous district", "overseas region", "overseas department", "dependency",
    "two-tier county", "council area", "metropolitan department", "metropolitan region",
}

alpha3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(open(f"{iso}/iso_3166-1.json"))["3166-1"]}

# English words: lemmas WordNet writes in lower case.
common = set()
for pos in ("noun", "verb", "adj", "adv"):
    with open(f"{wn}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" ")
            n = int(parts[3], 16)
            for k in range(n):
                w = parts[4 + 2 * k]
                w = re.sub(r"\(.*\)$", "", w)
                if w == w.lower():
                    common.add(w)


def english(word):
    w = word.lower()
    return w in common or (w.endswith("s") and w[:-1] in common)


# Names our dictionaries already give a meaning.
taken = set()


def take(cell):
    for x in cell.split(";"):
        x = x.strip()
        if x:
            taken.add(x.lower())


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return rows[0], rows[1:]


head, rows = read_tsv(f"{data}/countries.tsv")
for r in rows:
    for col in ("name", "official", "aliases", "demonyms", "capital", "metonyms"):
        if col in head and head.index(col) < len(r):
            take(r[head.index(col)])
head, rows = read_tsv(f"{data}/cities.tsv")
for r in rows:
    for col in ("city", "aliases"):
        if head.index(col) < len(r):
            take(r[head.index(col)])
head, rows = read_tsv(f"{data}/organizations.tsv")
for r in rows:
    for col in ("code", "name", "aliases"):
        if head.index(col) < len(r):
            take(r[head.index(col)])

# Words at the end of a name that only say what kind of unit it is, in
# English or the local language ("Anhui Sheng", "Harari People"): the name
# without them is an alias.
UNIT_WORDS = {"sheng", "zizhiqu", "zhuangzu", "uygur", "huizi", "huizu", "oblast", "oblast'", "kray", "kraj",
              "respublika", "okrug", "avtonomnyy", "avtonomnyj", "avtonomnaja", "province", "region", "state",
              "governorate", "prefecture", "people", "peoples", "raya"}


COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West", "Norte": "North", "Sur": "South",
           "Sul": "South", "Oeste": "West", "Este": "East"}


def ascii_fold(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def usable(name):
    if len(name) < 4 or re.search(r"[(),/\[\]*]", name) or name.lower() in taken:
        return False
    words = re.findall(r"[A-Za-z\u00C0-\u024F']+", name)
    return bool(words) and not all(english(w) for w in words if len(w) > 2)


# Leaders' names and surnames ("Toledo" was a president of Peru).
head, rows = read_tsv(f"{data}/leaders.tsv")
for r in rows:
    for col in ("name", "surname", "aliases"):
        if head.index(col) < len(r):
            for x in r[head.index(col)].split(";"):
                for w in x.split():
                    if len(w) > 3:
                        taken.add(w.lower())

found = {}  # name -> set of countries
for s in json.load(open(f"{iso}/iso_3166-2.json"))["3166-2"]:
    if s["type"].lower() not in KINDS:
        continue
    country = alpha3.get(s["code"].split("-")[0])
    name = s["name"].strip()
    if not country:
        continue
    if not usable(name) or not usable(ascii_fold(name)):
        continue
    found.setdefault(name, set()).add(country)

print("country\tcity\taliases\tpopulation_rank")
print("# dipgraph regions: provinces, states and regions of each country, read as places that")
print("# lie in it. Generated by scripts/make-regions.py from the ISO 3166-2 subdivision names")
print("# of Debian's iso-codes package; names that are also English words, country, city or")
print("# organization names, or units of two countries are left out (see the script).")
print("# Columns as cities.tsv: country, name, aliases (none), population_rank (none).")
names = set(found)
for name in sorted(found, key=lambda n: (sorted(found[n])[0], n)):
    if len(found[name]) != 1:
        continue
    aliases = []
    words = name.split()
    while len(words) > 1 and words[-1].lower() in UNIT_WORDS:
        words.pop()
    short = " ".join(words)
    # "Nord-Kivu" is "North Kivu" in English news: a compass word of the
    # local language before one more word is written in English too
    # (not "Nord-Ouest", two compass words).
    english_compass = ""
    m = re.match(r"^(Nord|Sud|Est|Ouest|Norte|Sur|Sul)[- ]([^\s-]+)$", name)
    if m and m.group(2) not in COMPASS:
        english_compass = f"{COMPASS[m.group(1)]} {m.group(2)}"
    for a in (ascii_fold(name), short, ascii_fold(short), english_compass):
        if a and a != name and a not in aliases and a not in names and usable(a):
            aliases.append(a)
    print(f"{next(iter(found[name]))}\t{name}\t{';'.join(aliases)}\t")
