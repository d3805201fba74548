// Tree repairs of a verb's arguments: subjects, objects and obliques the parser
// mislabelled or hung on the wrong word (see tree.hpp).
#include <algorithm>
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// "The charge is that he called for ...": the noun before the copula is
// the subject of "is" (UD's nsubj:outer), not of the verb of the clause,
// whose own subject comes after "that".
void Tree::repair_outer_subjects() {
  const int n = size();
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v)) continue;
    int cop = child(v, "cop"), mark = child(v, "mark");
    if (cop < 0 || mark < 0 || cop > mark) continue;
    int outer = -1, inner = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k) {
      if (base_[*k] != "nsubj") continue;
      if (*k < cop && outer < 0) outer = *k;
      if (*k > mark && *k < v) inner = *k;
    }
    if (outer < 0 || inner < 0) continue;
    rel_[outer] = "nsubj:outer";
    base_[outer] = rel_[outer];  // no subject of the verb: child(v, "nsubj") skips it
  }
}

// An auxiliary takes no dependents of its own: a subject the parser
// hung on "had" of "X had contributed" is the subject of its verb.
bool Tree::repair_aux_subjects() {
  const int n = size();
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    int h = head_[i];
    if (h < 0 || base_[i] != "nsubj" || base_[h] != "aux" || upos(h) != syntax::Upos::AUX) continue;
    int v = head_[h];
    if (v < 0 || !is_verb(v) || child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0) continue;
    head_[i] = v;
    changed = true;
  }
  // "the aid it had earlier pledged to X", read with "had" as the verb
  // and "pledged" under "earlier": an auxiliary before a past participle,
  // with only adverbs between, is that participle's; the participle takes
  // its place and its dependents.
  for (int h = 0; h + 1 < n; ++h) {
    if (upos(h) != syntax::Upos::AUX || base_[h] == "aux" || base_[h] == "cop" ||
        lemma(h) != "have")
      continue;
    int v = h + 1;
    while (v < n && v - h < 4 && upos(v) == syntax::Upos::ADV) ++v;
    if (v >= n || !is_verb(v) || xpos(v) != "VBN" || child(v, "aux") >= 0) continue;
    int y = v;
    while (y >= 0 && y != h) y = head_[y];
    if (y != h) continue;  // not in the auxiliary's phrase
    head_[v] = head_[h];
    rel_[v] = rel_[h];
    base_[v] = base_[h];
    for (int k = 0; k < n; ++k)
      if (head_[k] == h && k != v) head_[k] = v;
    for (int k = h + 1; k < v; ++k) {
      head_[k] = v;
      rel_[k] = base_[k] = "advmod";
    }
    head_[h] = v;
    rel_[h] = base_[h] = "aux";
    changed = true;
  }
  // ... nor does a copula: "X is due to visit", read with "due" on "is",
  // has "due" as its predicate, X as the subject of "due".
  for (int p = 0; p < n; ++p) {
    const int cop = head_[p], x = cop >= 0 ? head_[cop] : -1;
    if (x < 0 || base_[cop] != "cop" || upos(cop) != syntax::Upos::AUX || cop > p ||
        base_[p] != "amod" || upos(p) != syntax::Upos::ADJ || !is_nominal(x) || x > cop)
      continue;
    head_[p] = head_[x];
    rel_[p] = rel_[x];
    base_[p] = base_[x];
    head_[x] = p;
    rel_[x] = base_[x] = "nsubj";
    head_[cop] = p;
    for (int y = p + 1; y < n; ++y)  // the full stop and what else hung on X after "due"
      if (head_[y] == x) head_[y] = p;
    changed = true;
  }
  // "As a result, X and its ally Y sent ...", read with X on the phrase
  // before it and "and its ally Y" as the subject: no subject begins with
  // "and"; the name before "and" is its first conjunct.
  for (int v = 0; v < n; ++v) {
    const int s = child(v, "nsubj");
    if (!is_verb(v) || s < 0 || s > v) continue;
    int cc = left_edge(s);
    if (!(cc > 0 && upos(cc) == syntax::Upos::CCONJ)) {  // ... or "and" hung on the verb
      cc = s - 1;
      while (cc > 0 && head_[cc] == s) --cc;
      if (!(cc > 0 && upos(cc) == syntax::Upos::CCONJ && head_[cc] == v)) continue;
    }
    const int x = cc - 1;
    if (!(upos(x) == syntax::Upos::PROPN || upos(x) == syntax::Upos::NOUN) || head_[x] < 0 ||
        !(base_[head_[x]] == "obl" || head_[x] == v) ||
        !(base_[x] == "appos" || base_[x] == "nmod"))
      continue;
    head_[x] = v;
    rel_[x] = base_[x] = "nsubj";
    head_[s] = x;
    rel_[s] = base_[s] = "conj";
    head_[cc] = s;
    rel_[cc] = base_[cc] = "cc";
    changed = true;
  }
  // "The tariffs imposed by X on Y took effect", read with "imposed" as
  // the sentence's verb and "Y" as the subject of "took": a noun with a
  // preposition is no subject. The participle (no auxiliary, a "by"
  // agent) is a reduced relative clause of the noun before it, and that
  // noun the subject of the verb after.
  for (int r = 0; r < n; ++r) {
    // (a past with a "by" agent is a participle, whatever its tag)
    if (head_[r] >= 0 || !is_verb(r) || (xpos(r) != "VBN" && xpos(r) != "VBD") || child(r, "aux") >= 0 ||
        child(r, "aux:pass") >= 0)
      continue;
    // (the verb after hung on it as a conjunct, or as its complement with
    // no "to": "shells fired by X landed near Y")
    // (a past after the participle is finite there, whatever its tag)
    const int s = child(r, "nsubj");
    int c = child(r, "conj");
    const bool complement = c < 0 && (c = child(r, "xcomp")) >= 0;
    if (complement && child(c, "mark") >= 0) c = -1;
    if (s < 0 || s > r || c < 0 || child(c, "cc") >= 0 || !(finite_tag(c) || (complement && xpos(c) == "VBN")))
      continue;
    bool agent = false;
    for (const int* k = kids_begin(r); k != kids_end(r); ++k) agent |= rel_[*k] == "obl:agent";
    // (the noun with the preposition may already be an oblique of the verb
    // after: repair_clauses)
    const int x = child(c, "nsubj");
    if (!agent || (x >= 0 && !case_prep(x))) continue;
    for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k)
      if (*k > r && (*k == x || base_[*k] == "obl")) {
        head_[*k] = r;
        rel_[*k] = base_[*k] = "obl";
      }
    head_[c] = -1;
    rel_[c] = base_[c] = "root";
    head_[s] = c;
    head_[r] = s;
    rel_[r] = base_[r] = "acl";
    for (int y = c + 1; y < n; ++y)
      if (head_[y] == r) head_[y] = c;
    changed = true;
    break;  // one root
  }
  return changed;
}

// True if word i names a day of the week or a month.
bool Tree::calendar_word(int i) const {
  static constexpr std::string_view kCalendar[] = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",     "june",     "july",
      "august",  "september", "october",   "november", "december"};
  const std::string& l = lemma(i);
  for (std::string_view k : kCalendar)
    if (l.size() == k.size() &&
        std::equal(l.begin(), l.end(), k.begin(), [](char a, char b) { return (a | 0x20) == b; }))
      return true;
  return false;
}

// A day or month told without a comma before the subject ("On Sunday
// President X signed ...", "On Monday Kenyan troops shelled ..."), read as
// one oblique phrase with the subject: the day is the oblique, the noun
// after it the subject of a verb that has none.
bool Tree::repair_dated_subjects() {
  const int n = size();
  bool changed = false;
  for (int i = 2; i < n; ++i) {
    int h = head_[i];
    if (h <= i || base_[i] != "obl" || !is_verb(h) ||
        !(upos(i) == syntax::Upos::PROPN || upos(i) == syntax::Upos::NOUN))
      continue;
    int c = child(i, "case");
    int d = c + 1;
    // (the day hung on the noun, or on the noun's possessor: "In February
    // Kazakhstan's minister went ...")
    if (c < 0 || d + 1 >= i || base_[d] != "compound") continue;
    if (head_[d] != i && !(head_[d] > d && head_[d] < i && head_[head_[d]] == i && rel_[head_[d]] == "nmod:poss"))
      continue;
    if (!calendar_word(d)) continue;
    bool has_subject = false;
    for (const int* k = kids_begin(h); k != kids_end(h); ++k)
      has_subject |= base_[*k] == "nsubj" || base_[*k] == "csubj";
    if (has_subject) continue;
    head_[d] = h;
    rel_[d] = base_[d] = "obl";
    head_[c] = d;
    rel_[i] = passive(h) ? "nsubj:pass" : "nsubj";
    base_[i] = "nsubj";
    changed = true;
  }
  return changed;
}

// "In October Chad, whose ..., blamed Y", read with the name a flat part
// of the month's phrase: a name after a day or month that a preposition
// opens is no part of the date. It is the subject of the verb the date
// hangs on when that verb has none before it, else left beside it (for
// the repairs of relative clauses to place).
bool Tree::repair_dated_names() {
  const int n = size();
  bool changed = false;
  for (int x = 1; x < n; ++x) {
    const int d = head_[x];
    if (d < 0 || d != x - 1 || rel_[x] != "flat" || upos(x) != syntax::Upos::PROPN || !calendar_word(d)) continue;
    const int h = head_[d];
    if (h <= x || child(d, "case") < 0 || base_[d] != "obl" || !is_verb(h)) continue;
    // (the whole name: its own flat words after it go with it)
    for (int y = x + 1; y < n && head_[y] == d && rel_[y] == "flat"; ++y) attach(y, x, "flat");
    bool subject = false;
    for (const int* k = kids_begin(h); k != kids_end(h); ++k) subject |= base_[*k] == "nsubj" && *k < h;
    attach(x, h, subject ? "dep" : (passive(h) ? "nsubj:pass" : "nsubj"));
    changed = true;
  }
  return changed;
}

// A fronted phrase ends in a noun, a comma and the clause's subject
// ("Despite objections from Turkey, Greece extended ..."), read as a list
// ("Turkey, Greece"): a finite verb with no subject takes the conjunct
// with no "and" or "or" that ends right before it, and the comma goes
// with it. English lists join their last item with a conjunction.
bool Tree::repair_fronted_subjects() {
  const int n = size();
  bool changed = false;
  for (int v = 2; v < n; ++v) {
    if (!is_verb(v) || !finite_tag(v)) continue;
    bool has_subject = false;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      has_subject |= base_[*k] == "nsubj" || base_[*k] == "csubj" || base_[*k] == "expl";
    if (has_subject) continue;
    // the conjunct whose phrase ends right before the verb
    int x = v - 1;
    while (x >= 0 && head_[x] >= 0 && head_[x] < v && head_[x] > x) x = head_[x];
    // (a name's last word: "spokesman Wang Qiren")
    while (x > 0 && base_[x] == "flat" && head_[x] >= 0 && head_[x] < x) x = head_[x];
    // (a name in apposition to its title: "spokeswoman Chea Sovanna")
    if (x > 0 && base_[x] == "appos" && upos(x) == syntax::Upos::PROPN && head_[x] >= 0 && head_[x] < x &&
        upos(head_[x]) == syntax::Upos::NOUN && (base_[head_[x]] == "conj" || base_[head_[x]] == "appos"))
      x = head_[x];
    // (or read as an apposition of the phrase's noun: "In Ottawa, the
    // foreign ministry said ...", "At the UN, her envoy said ...")
    if (x <= 1 || !(base_[x] == "conj" || base_[x] == "appos") || !is_nominal(x) || child(x, "cc") >= 0) continue;
    const int h = head_[x];
    if (h < 0 || h >= x || right_edge(x) != v - 1) continue;
    // (the parser may hang the comma on the conjunct itself)
    const int comma = lemma(left_edge(x)) == "," ? left_edge(x) : left_edge(x) - 1;
    if (comma <= h || upos(comma) != syntax::Upos::PUNCT || lemma(comma) != ",") continue;
    // the list's head lies in a phrase of the verb before it
    int up = h;
    while (up >= 0 && head_[up] != v) up = head_[up];
    if (up < 0 || up > x || !(base_[up] == "obl" || base_[up] == "advcl")) continue;
    attach(x, v, passive(v) ? "nsubj:pass" : "nsubj");
    if (head_[comma] == x || head_[comma] == h) head_[comma] = v;
    changed = true;
  }
  return changed;
}

// A verb of naming takes its object and then what the object is called
// ("called the minister, X, a liar"; "branded them an enemy"): the
// indefinite noun phrase after the object, in the same clause, is the
// object's complement (xcomp), however the parser hung it (an
// apposition of the object's name, a bare oblique, or worse). A time or
// amount ("called him a day later", "called her a number of times")
// stays where it is.
bool Tree::repair_object_complements() {
  static constexpr std::string_view kNaming[] = {"call", "brand", "label", "dub", "term"};
  static constexpr std::string_view kNot[] = {"day",    "week",  "month",   "year",      "time",
                                              "moment", "while", "morning", "afternoon", "evening",
                                              "night",  "hour",  "minute",  "number",    "lot",
                                              "couple", "few",   "second",  "third",     "total"};
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v) ||
        std::find(std::begin(kNaming), std::end(kNaming), lemma(v)) == std::end(kNaming))
      continue;
    // "called Venezuelan leader X 'a dictator'" read as two complements:
    // the first is what is named.
    if (child(v, "obj") < 0) {
      int first = -1, second = -1;
      for (const int* k = kids_begin(v); k != kids_end(v); ++k)
        if (*k > v && base_[*k] == "xcomp" && is_nominal(*k)) (first < 0 ? first : second) = *k;
      if (first >= 0 && second >= 0) {
        rel_[first] = base_[first] = "obj";
        changed = true;
        continue;
      }
    }
    int o = child(v, "obj");
    if (o < v || child(v, "xcomp") >= 0) continue;
    // "called the deal an act of aggression" read as two objects: the
    // first is what is named, the second what it is called.
    if (const int io = child(v, "iobj"); io > v && io < o && is_nominal(io)) {
      rel_[io] = base_[io] = "obj";
      rel_[o] = base_[o] = "xcomp";
      changed = true;
      continue;
    }
    // "condemned what they called provocations": the relative clause of
    // "what" names; its object is what "what" was called.
    if (rel_[v] == "acl:relcl" && head_[v] >= 0 && lemma(head_[v]) == "what") {
      rel_[o] = base_[o] = "xcomp";
      changed = true;
      continue;
    }
    // 'called the tariffs "unfair and illegal"', 'called the
    // expulsions "a provocation"': a quotation right after the object's
    // phrase is what it is called, wherever the parser hung the quote's
    // head (on a verb after it, as a subject of its own).
    // (the parser may hang the opening mark on the object)
    int q = o + 1;
    while (q < n && q <= right_edge(o) && !quote_mark(q)) ++q;
    if (q < n && quote_mark(q)) {
      int close = q + 1;
      while (close < n && close - q <= 12 && !quote_mark(close)) ++close;
      int head = -1;
      for (int x = q + 1; close < n && quote_mark(close) && x < close; ++x)
        if ((head_[x] <= q || head_[x] >= close) && upos(x) != syntax::Upos::PUNCT) {
          if (head >= 0) {  // (one head only: a quote of one phrase)
            head = -1;
            break;
          }
          head = x;
        }
      if (head >= 0 && (upos(head) == syntax::Upos::ADJ || is_nominal(head)) && head_[head] != v) {
        head_[head] = v;
        rel_[head] = base_[head] = "xcomp";
        changed = true;
        continue;
      }
    }
    // "called the statement 'unacceptable'": an adjective after the
    // object (English puts its adjectives before the noun) is the
    // complement.
    // (also a quoted word the tagger took for a noun in apposition:
    // 'called the recall "disproportionate"')
    int post = -1;
    for (const int* k = kids_begin(o); k != kids_end(o); ++k) {
      if (*k > o && base_[*k] == "amod" && upos(*k) == syntax::Upos::ADJ && post < 0) post = *k;
      if (*k > o && base_[*k] == "appos" && post < 0 && *k > 0 && *k + 1 < n && quote_mark(*k - 1) &&
          quote_mark(*k + 1) && kids_begin(*k) + 2 == kids_end(*k))
        post = *k;
    }
    if (post >= 0) {
      head_[post] = v;
      rel_[post] = base_[post] = "xcomp";
      changed = true;
      continue;
    }
    int d = -1;  // the indefinite article after the object
    for (int x = o + 1; x < n && d < 0; ++x) {
      if (upos(x) == syntax::Upos::VERB || upos(x) == syntax::Upos::SCONJ) break;
      if ((lemma(x) == "a" || lemma(x) == "an") && upos(x - 1) != syntax::Upos::ADP) d = x;
    }
    if (d < 0) continue;
    int x = d + 1;  // its noun: past adjectives, quotes and compounds
    while (x < n && (upos(x) == syntax::Upos::ADJ || upos(x) == syntax::Upos::PUNCT ||
                     (x + 1 < n && is_nominal(x) && is_nominal(x + 1))))
      ++x;
    if (x >= n || !is_nominal(x) || case_prep(x) ||
        std::find(std::begin(kNot), std::end(kNot), lemma(x)) != std::end(kNot))
      continue;
    // Both in the verb's clause: no other verb above them below v.
    auto under_v = [&](int i) {
      while (i >= 0 && i != v && !(is_verb(i) && i != v)) i = head_[i];
      return i == v;
    };
    if (!under_v(d) || !under_v(x)) continue;
    // a bare name between object and complement is the object's apposition
    for (int z = o + 1; z < d; ++z)
      if (head_[z] == v && base_[z] == "obl" && is_nominal(z) && !case_prep(z))
        head_[z] = o, rel_[z] = base_[z] = "appos";
    for (int z = 0; z < n;
         ++z)  // what hung on the article or the noun's old words hangs on the noun
      if (head_[z] == d && z != x) head_[z] = x;
    head_[d] = x;
    rel_[d] = base_[d] = "det";
    for (int z = d + 1; z < x; ++z)
      if (head_[z] != x && (head_[z] < d || head_[z] > x)) head_[z] = x;
    head_[x] = v;
    rel_[x] = base_[x] = "xcomp";
    changed = true;
  }
  return changed;
}

// "was received in Nairobi by the president", read with "by the
// president" a phrase of the place: a passive verb with no agent takes
// the "by" phrase after its own oblique as its agent (or after the object
// it keeps: "has been offered a credit line by X").
bool Tree::repair_passive_agents() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (h < 0 || h > x || base_[x] != "nmod" || marker(x) != "by" || !is_nominal(x) || (base_[h] != "obl" && base_[h] != "obj"))
      continue;
    const int v = head_[h];
    if (v < 0 || v > h || !is_verb(v) || !passive(v) || child(v, "obl:agent") >= 0) continue;
    attach(x, v, "obl:agent");
    changed = true;
  }
  // ("was promised aid for rebuilding its roads by Japan": a name in a
  // "by" phrase of an active gerund inside the passive's phrase, where it
  // cannot be a means, is the passive's agent)
  for (int x = 0; x < n; ++x) {
    const int g = head_[x];
    if (g < 0 || g > x || base_[x] != "obl" || marker(x) != "by" || upos(x) != syntax::Upos::PROPN ||
        xpos(g) != "VBG" || child(g, "obj") < 0)
      continue;
    int v = head_[g];
    for (int step = 0; step < 2 && v >= 0 && !is_verb(v); ++step) v = head_[v];
    if (v < 0 || v > g || !is_verb(v) || !passive(v) || child(v, "obl:agent") >= 0) continue;
    attach(x, v, "obl:agent");
    changed = true;
  }
  return changed;
}

// "..., whereupon the two ministers signed a protocol", read with the
// ministers a passive subject: a verb with an object and no passive auxiliary is
// active ("was handed a note" has its "was"), so its subject is the doer.
bool Tree::repair_active_subjects() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int v = head_[x];
    if (v < 0 || rel_[x] != "nsubj:pass" || !is_verb(v) || child(v, "obj") < 0) continue;
    if (child(v, "aux:pass") >= 0 || child(v, "cop") >= 0 || child(v, "aux") >= 0) continue;
    attach(x, v, "nsubj");
    changed = true;
  }
  return changed;
}

// "landed in Accra on Friday ... and was received by the president", with
// the second verb hung on the first as a loose parataxis: a verb after
// "and" with no subject of its own is the first one's conjunct (and shares
// its subject).
bool Tree::repair_joined_passives() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    const int h = head_[v];
    if (h < 0 || h > v || rel_[v] != "parataxis" || !is_verb(v) || !is_verb(h)) continue;
    const int cc = child(v, "cc");
    if (cc < 0 || lemma(cc) != "and" || child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0) continue;
    attach(v, h, "conj");
    changed = true;
  }
  return changed;
}

// "handed over 12 prisoners", read as "over 12" (more than twelve): right
// after "hand", "turn" or "roll", "over" is the verb's particle (what is
// handed or rolled over is given, not counted); a noun it was read to
// open ("rolled over a deposit") is the verb's object.
bool Tree::repair_handed_over() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v + 1 < n; ++v) {
    const int o = v + 1;
    if (!is_verb(v) || (lemma(v) != "hand" && lemma(v) != "turn" && lemma(v) != "roll") || lemma(o) != "over" ||
        head_[o] == v)
      continue;
    if (upos(o) != syntax::Upos::ADV && upos(o) != syntax::Upos::ADP) continue;
    if (const int x = head_[o]; base_[o] == "case" && x > o && head_[x] == v && base_[x] == "obl" && child(v, "obj") < 0)
      attach(x, v, "obj");
    attach(o, v, "compound:prt");
    changed = true;
  }
  return changed;
}

// Two bare noun phrases after a verb with no "and", "or" or comma between
// them ("sent the Kenyan people greetings"), read as a coordination, are
// the verb's two objects: the first is whom it goes to (iobj), the second
// what (obj). English coordinates only with a conjunction or a comma.
bool Tree::repair_double_objects() {
  const int n = size();
  bool changed = false;
  // ... also read as an oblique without a preposition ("sends the Kenyan
  // people 'warm greetings'"); a bare time noun is a real oblique.
  static constexpr std::string_view kTime[] = {
      "day",     "week",  "month",   "year",   "time", "morning", "afternoon",
      "evening", "night", "weekend", "decade", "hour", "minute",  "season"};
  for (int x = 0; x < n; ++x) {
    int v = head_[x];
    if (v < 0 || v > x || rel_[x] != "obl" || !is_verb(v) || upos(x) != syntax::Upos::NOUN ||
        case_prep(x))
      continue;
    if (child(x, "case") >= 0 ||
        std::find(std::begin(kTime), std::end(kTime), lemma(x)) != std::end(kTime))
      continue;
    // (a noun after a plural possessive's apostrophe, "at a donors'
    // conference", is the rest of a phrase the parser cut, not an object)
    if (x > 0 && (lemma(x - 1) == "'" || lemma(x - 1) == "'s")) continue;
    int o = child(v, "obj");
    if (o < 0 || o > x || child(v, "iobj") >= 0 || !is_nominal(o)) continue;
    rel_[o] = base_[o] = "iobj";
    rel_[x] = base_[x] = "obj";
    changed = true;
  }
  // ... or put last, after a phrase of the verb (a heavy object:
  // "condemned in the strongest terms the killing of ..."), read as a bare
  // noun phrase hung on that phrase's noun: the verb's object, when it has
  // none and the phrase opens with a determiner or a possessor.
  for (int x = 0; x < n; ++x) {
    const int o = head_[x];
    if (o < 0 || o > x || !(rel_[x] == "nmod:unmarked" || rel_[x] == "dep") || !is_nominal(x) ||
        case_prep(x) || base_[o] != "obl" || !case_prep(o))
      continue;
    const int v = head_[o];
    if (v < 0 || v > o || !is_verb(v) || child(v, "obj") >= 0 || child(v, "ccomp") >= 0 || passive(v)) continue;
    const int first = left_edge(x);
    if (upos(first) != syntax::Upos::DET && rel_[first] != "nmod:poss") continue;
    head_[x] = v;
    rel_[x] = base_[x] = "obj";
    changed = true;
  }
  // ... or read as two objects ("has sent us greetings"): a verb has one.
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v) || child(v, "iobj") >= 0) continue;
    int first = -1, second = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (*k > v && rel_[*k] == "obj" && is_nominal(*k) && !case_prep(*k))
        (first < 0 ? first : second) = *k;
    if (first < 0 || second < 0) continue;
    bool joined = false;
    // (a quotation mark joins nothing: 'sends X "warm greetings"')
    for (int x = first + 1; x < second && !joined; ++x)
      joined |= head_[x] == v && ((upos(x) == syntax::Upos::PUNCT && !quote_mark(x)) ||
                                  upos(x) == syntax::Upos::CCONJ);
    if (joined) continue;
    rel_[first] = base_[first] = "iobj";
    changed = true;
  }
  // ... or read with the second the first's object ("handed the envoy a
  // note"): a noun takes no object.
  for (int x = 0; x < n; ++x) {
    const int o = head_[x];
    if (o < 0 || o > x || rel_[x] != "obj" || !is_nominal(x) || !is_nominal(o) || is_verb(o) || rel_[o] != "obj")
      continue;
    const int v = head_[o];
    if (v < 0 || v > o || !is_verb(v) || child(v, "iobj") >= 0) continue;
    head_[x] = v;
    rel_[o] = base_[o] = "iobj";
    changed = true;
  }
  for (int o = 0; o < n; ++o) {
    int v = head_[o];
    if (v < 0 || v > o || rel_[o] != "obj" || !is_verb(v) || !is_nominal(o)) continue;
    if (child(v, "iobj") >= 0) continue;
    for (const int* k = kids_begin(o); k != kids_end(o); ++k) {
      int c = *k;
      if (base_[c] != "conj" || upos(c) != syntax::Upos::NOUN) continue;
      bool joined = false;
      for (const int* j = kids_begin(c); j != kids_end(c); ++j) joined |= base_[*j] == "cc";
      for (int x = o + 1; x < c && !joined; ++x)
        joined |= upos(x) == syntax::Upos::PUNCT || upos(x) == syntax::Upos::CCONJ;
      if (joined) continue;
      head_[c] = v;
      rel_[c] = base_[c] = "obj";
      rel_[o] = base_[o] = "iobj";
      changed = true;
      break;
    }
  }
  return changed;
}

// An English oblique carries a preposition. A bare noun phrase before a
// verb that has no subject, read as "obl" (the parser's slip on a subject
// with an apposition: "X's president, Y Z, agreed ..."), is that verb's
// subject.
void Tree::repair_subjects() {
  const int n = size();
  for (int i = 0; i < n; ++i) {
    int h = head_[i];
    // A subject of a passive verb ("was disappointed by") is its passive subject.
    if (h > i && rel_[i] == "nsubj" && is_verb(h) && passive(h)) {
      rel_[i] = "nsubj:pass";
      continue;
    }
    // ... and a passive subject of a verb with no passive auxiliary that is
    // finite or a perfect ("Moscow had killed off the inquiry") is its subject.
    if (h > i && rel_[i] == "nsubj:pass" && is_verb(h) && child(h, "aux:pass") < 0) {
      bool perfect = false;
      for (const int* k = kids_begin(h); k != kids_end(h); ++k)
        perfect |= base_[*k] == "aux" && a_->lemma[*k] == "have";
      if (finite_tag(h) || perfect) {
        rel_[i] = base_[i] = "nsubj";
        continue;
      }
    }
    // ("Kenya, Uganda and Tanzania" read with "Uganda" an apposition:
    // repair_list_appositions, tree_repair_conjuncts.cpp)
    // A compound modifies a noun. One hung on a verb with no subject ("if
    // Russia attacks", the verb first read as a plural noun) is its subject.
    if (h > i && rel_[i] == "compound" && is_nominal(i) && upos(h) == syntax::Upos::VERB &&
        child(h, "nsubj") < 0 && child(h, "nsubj:pass") < 0) {
      rel_[i] = base_[i] = "nsubj";
      continue;
    }
    // An object that carries a preposition ("granted asylum to rebels"
    // read with "rebels" as a second object) is an oblique.
    if ((rel_[i] == "obj" || rel_[i] == "iobj") && is_nominal(i) && case_prep(i)) {
      rel_[i] = "obl";
      base_[i] = "obl";
      continue;
    }
    // An indirect object with no direct object beside it ("asked X to
    // act", "told X") is the object.
    if (rel_[i] == "iobj" && h >= 0 && child(h, "obj") < 0) {
      rel_[i] = "obj";
      base_[i] = "obj";
      continue;
    }
    // A conjunct with a preposition of its own and no "and", "or" or
    // comma before it is a phrase of its head ("last July to President
    // X", read as "July" and "X" coordinated).
    const int first = left_edge(i);
    if (rel_[i] == "conj" && h >= 0 && h < i && is_nominal(i) && !coordinated(i) &&
        (case_prep(i) || (upos(first) == syntax::Upos::ADP && base_[first] == "case"))) {
      bool comma = false;
      for (int x = h + 1; x < i && !comma; ++x)
        comma = upos(x) == syntax::Upos::PUNCT && !quote_mark(x);
      if (!comma) {
        rel_[i] = base_[i] = "nmod";
        continue;
      }
    }
    // "Penny Wong, the foreign minister, ...", read as a coordination
    // with no "and": a conjunct after a comma, opened by a determiner,
    // in a series where no conjunct has "and" or "or", is an apposition.
    // (the comma hung on the conjunct or before it)
    const int opener = a_->lemma[first] == "," ? first + 1 : first;
    if (rel_[i] == "conj" && h >= 0 && h < i && is_nominal(i) && !coordinated(i) && opener > 0 &&
        opener < i && a_->lemma[opener - 1] == "," && upos(opener) == syntax::Upos::DET) {
      bool series = false;
      for (const int* k = kids_begin(h); k != kids_end(h); ++k)
        series |= base_[*k] == "conj" && coordinated(*k);
      if (!series) {
        rel_[i] = base_[i] = "appos";
        continue;
      }
    }
    // An apposition opened by "and" ("leader X and President Y") is a
    // coordination.
    if (rel_[i] == "appos" && coordinated(i)) {
      rel_[i] = "conj";
      base_[i] = "conj";
      continue;
    }
    if (h <= i || rel_[i] != "obl" || !is_nominal(i) || !is_verb(h) || !marker(i).empty()) continue;
    bool has_subject = false;
    for (const int* k = kids_begin(h); k != kids_end(h); ++k)
      has_subject |= base_[*k] == "nsubj" || base_[*k] == "csubj" || (base_[*k] == "obl" && *k < i);
    if (has_subject) continue;
    rel_[i] = passive(h) ? "nsubj:pass" : "nsubj";
    base_[i] = "nsubj";
  }
}

}  // namespace dipgraph::ingest
