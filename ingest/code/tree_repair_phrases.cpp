// Tree repairs inside phrases: particles read as prepositions, possessives
// and compounds hung on the wrong noun, demonstratives read as
// subordinators, and phrases of places, media and names the parser joined
// to the wrong word (see tree.hpp).
#include <algorithm>
#include <iterator>
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// "will fly on to Jakarta", "went back to Seoul", "flew in at dusk", read
// with "on" and "to" both prepositions of the place: the first is the
// verb's particle, and the phrase is a "to" phrase.
bool Tree::repair_particle_prepositions() {
  const int n = size();
  bool changed = false;
  for (int p = 0; p + 1 < n; ++p) {
    const int q = p + 1, x = head_[p];
    if (x < 0 || head_[q] != x || base_[p] != "case" || base_[q] != "case" || x <= q) continue;
    // (also "flew in at dusk", "came back from Kabul")
    static constexpr std::string_view kFirst[] = {"on", "back", "in", "out", "off", "away"};
    static constexpr std::string_view kSecond[] = {"to", "into", "for", "at", "from", "on"};
    if (std::find(std::begin(kFirst), std::end(kFirst), lemma(p)) == std::end(kFirst) ||
        std::find(std::begin(kSecond), std::end(kSecond), lemma(q)) == std::end(kSecond))
      continue;
    if (head_[x] < 0 || !is_verb(head_[x])) continue;
    attach(p, head_[x], "compound:prt");
    changed = true;
  }
  return changed;
}

// "supply X with five more ships", read with "with" the numeral's: a
// preposition before a noun phrase belongs to the phrase's noun, not to a
// number, adjective or determiner that modifies it.
bool Tree::repair_buried_prepositions() {
  const int n = size();
  bool changed = false;
  for (int p = 0; p < n; ++p) {
    const int h = head_[p];
    if (h <= p || base_[p] != "case" || upos(p) != syntax::Upos::ADP) continue;
    if (base_[h] != "nummod" && base_[h] != "amod" && base_[h] != "det") continue;
    // (not a word that says how many, "about a million", "over 2,000":
    // only prepositions that open a phrase)
    static constexpr std::string_view kOpen[] = {"with", "to", "of", "for", "from", "by", "against", "at", "on",
                                                 "in", "into", "between", "among", "toward", "towards"};
    if (std::find(std::begin(kOpen), std::end(kOpen), lemma(p)) == std::end(kOpen)) continue;
    const int g = head_[h];
    if (g <= h || (upos(g) != syntax::Upos::NOUN && upos(g) != syntax::Upos::PROPN) || child(g, "case") >= 0) continue;
    attach(p, g, "case");
    changed = true;
  }
  return changed;
}

// "suspended part of its aid", "cut most of its funding", "closed two of
// its crossings": what a verb acts on is the thing a share is of; the share
// word ("part", "most", "half") or number only measures it, as in "cut its
// aid in part".
bool Tree::repair_partitive_objects() {
  static constexpr std::string_view kShare[] = {"part", "some", "most", "all", "half", "much", "portion", "share",
                                                "bulk", "rest", "tranche", "parts", "much", "many"};
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int v = head_[x];
    if (v < 0 || rel_[x] != "obj" || !is_verb(v) ||
        (upos(x) != syntax::Upos::NUM && std::find(std::begin(kShare), std::end(kShare), lemma(x)) == std::end(kShare)))
      continue;
    int y = -1;
    for (const int* k = kids_begin(x); k != kids_end(x); ++k)
      if (*k > x && base_[*k] == "nmod" && marker(*k) == "of" && upos(*k) == syntax::Upos::NOUN) y = *k;
    if (y < 0) continue;
    const int of = child(y, "case");
    attach(y, v, "obj");
    attach(x, y, "amod");
    if (of >= 0) attach(of, x, "case");
    changed = true;
  }
  return changed;
}

// "switched its ties from Taiwan to China", "flew from Lima to Quito", read
// with the "to" phrase hung on the "from" phrase's noun: the two ends of a
// move or a range are phrases of one word, the one the "from" phrase hangs
// on.
bool Tree::repair_range_phrases() {
  const int n = size();
  bool changed = false;
  for (int y = 0; y < n; ++y) {
    const int x = head_[y];
    if (x < 0 || x > y || base_[y] != "nmod" || marker(y) != "to" || head_[x] < 0 ||
        (base_[x] != "nmod" && base_[x] != "obl") || marker(x) != "from")
      continue;
    attach(y, head_[x], rel_[x]);
    changed = true;
  }
  return changed;
}

// "suspended visits in protest at the detention of X", "in retaliation for
// the expulsion", read with the second phrase the verb's: a noun of
// reaction in an "in" phrase takes the phrase that follows it (what is
// protested or answered is its object, an act of somebody else's, not a
// second circumstance of the verb).
bool Tree::repair_reaction_phrases() {
  // (nouns of reaction, and of acting against a rule: "in defiance of X")
  static constexpr std::string_view kReaction[] = {
      "protest", "response", "retaliation", "reaction", "reply",  "answer",       "reprisal",
      "revenge", "solidarity", "defiance",  "violation", "breach", "contravention"};
  auto reaction = [&](int x) {
    return std::find(std::begin(kReaction), std::end(kReaction), lemma(x)) != std::end(kReaction);
  };
  static constexpr std::string_view kNext[] = {"at", "over", "against", "to", "for", "with", "of", "about"};
  const int n = size();
  bool changed = false;
  for (int x = 0; x + 2 < n; ++x) {
    const int v = head_[x];
    if (v < 0 || base_[x] != "obl" || marker(x) != "in" || upos(x) != syntax::Upos::NOUN || !reaction(x)) continue;
    const int p = x + 1;  // the next word opens the phrase: "in protest at"
    if (upos(p) != syntax::Upos::ADP || base_[p] != "case" ||
        std::find(std::begin(kNext), std::end(kNext), lemma(p)) == std::end(kNext))
      continue;
    const int y = head_[p];
    if (y <= p || head_[y] != v || base_[y] != "obl") continue;
    attach(y, x, "nmod");
    changed = true;
  }
  // ... and such a phrase ("in defiance of X", "in protest at Y") hung on
  // a noun of the clause tells how the verb's act was done: it is the verb's.
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (h < 0 || h > x || base_[x] != "nmod" || marker(x) != "in" || !reaction(x)) continue;
    if ((base_[h] != "obj" && base_[h] != "obl") || head_[h] < 0 || !is_verb(head_[h])) continue;
    attach(x, head_[h], "obl");
    changed = true;
  }
  return changed;
}

// "were hit by Syrian aircraft overnight", read with "overnight" the
// head of "Syrian aircraft overnight": a word that tells when ("overnight",
// "today", "yesterday") ends a noun phrase but never heads one that names a
// thing before it; the noun before it is the head, the time word the
// verb's.
bool Tree::repair_time_word_heads() {
  static constexpr std::string_view kWhen[] = {"overnight", "today", "yesterday", "tonight", "tomorrow"};
  const int n = size();
  bool changed = false;
  for (int x = 1; x < n; ++x) {
    const int c = x - 1, h = head_[x];
    if (h < 0 || head_[c] != x || base_[c] != "compound" ||
        std::find(std::begin(kWhen), std::end(kWhen), lemma(x)) == std::end(kWhen))
      continue;
    if (upos(c) != syntax::Upos::NOUN && upos(c) != syntax::Upos::PROPN) continue;
    // the head noun takes the phrase's place and its other words
    attach(c, h, rel_[x]);
    for (int k = 0; k < n; ++k)
      if (k != c && head_[k] == x && k < x) attach(k, c, rel_[k]);
    int v = h;
    while (v >= 0 && !is_verb(v)) v = head_[v];
    attach(x, v >= 0 ? v : c, v >= 0 ? "obl:tmod" : "nmod:tmod");
    changed = true;
  }
  return changed;
}

// "handed back to Poland a collection of paintings", "stabbed to death a
// diplomat": a long object moved after a phrase of the verb, read as a
// bare noun phrase of manner or time ("obl:unmarked"), is the object; the
// phrase the parser hung on the particle ("back to Poland") is the
// verb's.
bool Tree::time_noun(std::string_view lemma) {
  static constexpr std::string_view kWhen[] = {
      "day",     "week",     "month",     "year",     "time",    "morning",  "evening",  "night",   "weekend",
      "hour",    "minute",   "decade",    "century",  "season",  "spring",   "summer",   "autumn",  "winter",
      "monday",  "tuesday",  "wednesday", "thursday", "friday",  "saturday", "sunday",   "january", "february",
      "march",   "april",    "may",       "june",     "july",    "august",   "september", "october", "november",
      "december"};
  return std::find(std::begin(kWhen), std::end(kWhen), lemma) != std::end(kWhen);
}

bool Tree::repair_shifted_objects() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int v = head_[x];
    if (v < 0 || v > x || base_[x] != "obl" || (rel_[x] != "obl:unmarked" && child(x, "case") >= 0) || !is_verb(v) ||
        child(v, "obj") >= 0)
      continue;
    if (upos(x) != syntax::Upos::NOUN || time_noun(lemma(x))) continue;
    const int d = child(x, "det");
    if (d < 0 || !(lemma(d) == "a" || lemma(d) == "an" || lemma(d) == "the") || d != left_edge(x)) continue;
    // (only after a phrase of the verb: "to death", "back to X")
    bool after_phrase = false;
    for (int k = v + 1; k < d; ++k)
      if (head_[k] == v && (base_[k] == "obl" || base_[k] == "advmod" || base_[k] == "compound")) after_phrase = true;
    if (!after_phrase) continue;
    attach(x, v, "obj");
    changed = true;
  }
  for (int k = 1; k < n; ++k) {
    const int p = head_[k];
    if (p < 0 || p >= k || base_[k] != "obl" || base_[p] != "advmod" || head_[p] < 0 || !is_verb(head_[p]) ||
        !(lemma(p) == "back" || lemma(p) == "out" || lemma(p) == "away" || lemma(p) == "off"))
      continue;
    attach(k, head_[p], "obl");
    changed = true;
  }
  // ("pulled its peacekeepers out of X", with "out" hung on the object:
  // a particle is its verb's, and so is the phrase it opens)
  for (int k = 1; k < n; ++k) {
    const int o = head_[k];
    if (o < 0 || rel_[k] != "compound:prt" || is_verb(o) || base_[o] != "obj" || head_[o] < 0 || !is_verb(head_[o]))
      continue;
    const int v = head_[o];
    for (int j = k + 1; j < n; ++j)
      if (head_[j] == k && base_[j] == "nmod") attach(j, v, "obl");
    attach(k, v, "compound:prt");
    changed = true;
  }
  return changed;
}

// "Its deputy prime minister will meet X", read with "deputy" an object
// fronted before the subject "prime minister": a bare noun object right
// before the subject, both before their verb, is the first word of the
// subject (English fronts no bare object before a subject); what it
// owned ("its") is the subject's. (Read as a second subject: see
// repair_clauses.)
bool Tree::repair_fronted_compounds() {
  const int n = size();
  bool changed = false;
  for (int o = 0; o < n; ++o) {
    const int v = head_[o];
    if (v < 0 || v < o || rel_[o] != "obj" || upos(o) != syntax::Upos::NOUN || child(o, "case") >= 0) continue;
    const int s = child(v, "nsubj");
    if (s < 0 || s < o || s > v || right_edge(o) + 1 != left_edge(s)) continue;
    for (int k = 0; k < o; ++k)
      if (head_[k] == o) head_[k] = s;
    attach(o, s, "compound");
    changed = true;
  }
  return changed;
}

// "repeated that call on Friday", read with "that" a subordinator made the
// object and "call" a fixed part of it: a noun fixed to a demonstrative
// "that" or "this" is the head of their phrase, the demonstrative its
// determiner.
bool Tree::repair_demonstrative_heads() {
  const int n = size();
  bool changed = false;
  for (int x = 1; x < n; ++x) {
    const int d = head_[x];
    if (d != x - 1 || rel_[x] != "fixed" || upos(x) != syntax::Upos::NOUN || (lemma(d) != "that" && lemma(d) != "this"))
      continue;
    take_place(x, d);
    attach(d, x, "det");
    for (int k = 0; k < n; ++k)
      if (k != x && head_[k] == d) head_[k] = x;
    changed = true;
  }
  return changed;
}

// "in Uganda's western Kasese district", read with "Uganda's" owning the
// name inside the phrase: a possessive before a compound owns the whole
// noun phrase, its head.
bool Tree::repair_compound_possessives() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (h < 0 || h < x || rel_[x] != "nmod:poss" || base_[h] != "compound") continue;
    const int g = head_[h];
    if (g < 0 || g < h || !is_nominal(g) || child(g, "nmod:poss") >= 0) continue;
    attach(x, g, "nmod:poss");
    changed = true;
  }
  return changed;
}

// "Between A and B" names two parties. A singular noun after "between"
// with no conjunct of its own, followed by "and" and a noun phrase that
// the parser made a second subject of the verb ("a call between X and Y
// was released", read with Y as the subject beside "a call"), has that
// phrase as its conjunct.
bool Tree::repair_between_conjuncts() {
  const int n = size();
  bool changed = false;
  for (int a = 0; a < n; ++a) {
    if (!is_nominal(a) || marker(a) != "between" || child(a, "conj") >= 0) continue;
    if (xpos(a) == "NNS" || xpos(a) == "NNPS") continue;  // "between the two states"
    const int cc = right_edge(a) + 1;
    if (cc + 1 >= n || upos(cc) != syntax::Upos::CCONJ || lemma(cc) != "and") continue;
    // the head of the noun phrase that opens after "and"
    int b = cc + 1;
    while (head_[b] > cc && is_nominal(head_[b])) b = head_[b];
    const int v = head_[b];
    if (!is_nominal(b) || base_[b] != "nsubj" || v < 0 || left_edge(b) != cc + 1) continue;
    bool other_subject = false;  // the verb's own subject, before the "between" phrase
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      other_subject |= *k < a && base_[*k] == "nsubj";
    if (!other_subject) continue;
    attach(b, a, "conj");
    attach(cc, b, "cc");
    changed = true;
  }
  return changed;
}

// "talked by video link with X", "talked by telephone to Y": the means of
// speaking takes no party of its own; a "with" or "to" phrase the parser
// hung on the noun of a "by", "via" or "over" phrase of an active verb is
// the verb's.
bool Tree::repair_medium_phrases() {
  static constexpr std::string_view kMedium[] = {"telephone", "phone", "link", "video", "videoconference",
                                                 "teleconference", "line", "hotline", "satellite"};
  bool changed = false;
  for (int x = 0; x < size(); ++x) {
    const int m = head_[x];
    if (m < 0 || base_[x] != "nmod" || !case_prep(x) || (marker(x) != "with" && marker(x) != "to")) continue;
    if (std::find(std::begin(kMedium), std::end(kMedium), lemma(m)) == std::end(kMedium)) continue;
    const int v = head_[m];
    if (v < 0 || base_[m] != "obl" || !is_verb(v) || passive(v) ||
        (marker(m) != "by" && marker(m) != "via" && marker(m) != "over"))
      continue;
    attach(x, v, "obl");
    changed = true;
  }
  return changed;
}

bool Tree::speech_noun(std::string_view lemma) {
  static constexpr std::string_view kSpeech[] = {"statement", "communique", "communiqué", "letter", "message",
                                                 "note", "speech", "interview", "broadcast", "briefing"};
  return std::find(std::begin(kSpeech), std::end(kSpeech), lemma) != std::end(kSpeech);
}

// "hailed the pact in a letter from X", read with "from X" on "the
// pact": a "from" phrase right after a noun of speaking (a statement, a
// letter) in a phrase of the same noun says where the speaking came from,
// not the first noun's maker.
bool Tree::repair_speech_sources() {
  bool changed = false;
  for (int x = 0; x < size(); ++x) {
    const int a = head_[x];
    if (a < 0 || base_[x] != "nmod" || !case_prep(x) || marker(x) != "from") continue;
    for (const int* d = kids_begin(a); d != kids_end(a); ++d) {
      if (*d >= x || base_[*d] != "nmod" || right_edge(*d) + 1 != left_edge(x) || !speech_noun(lemma(*d))) continue;
      attach(x, *d, "nmod");
      changed = true;
      break;
    }
  }
  return changed;
}

// "X expelled two diplomats, and Y responded by expelling ...", read with
// Y as a conjunct of the object and "responded" as a participle on Y: a
// name right after "and" or "but" is modified by no participle without an
// agent; the name is the subject of a clause joined to the verb above.
bool Tree::repair_name_clauses() {
  bool changed = false;
  for (int c = 1; c < size(); ++c) {
    const int h = head_[c];
    if (h != c - 1 || base_[c] != "acl" || rel_[c] != "acl" || !is_verb(c) ||
        !(xpos(c) == "VBN" || xpos(c) == "VBD") || upos(h) != syntax::Upos::PROPN || base_[h] != "conj")
      continue;
    const int cc = child(h, "cc");
    if (cc < 0 || !(lemma(cc) == "and" || lemma(cc) == "but")) continue;
    bool agent = false;
    for (const int* k = kids_begin(c); k != kids_end(c); ++k)
      agent |= base_[*k] == "obl" && marker(*k) == "by";
    if (agent || child(c, "nsubj") >= 0) continue;
    int y = head_[h];
    while (y >= 0 && !is_verb(y)) y = head_[y];
    if (y < 0 || y > h) continue;
    attach(c, y, "conj");
    attach(h, c, "nsubj");
    for (const int* k = kids_begin(h); k != kids_end(h); ++k)
      if (*k < h && (base_[*k] == "cc" || (upos(*k) == syntax::Upos::PUNCT && *k < cc))) attach(*k, c, rel_[*k]);
    changed = true;
  }
  return changed;
}

// "X is due to meet ...", read with the noun phrase before "is" as the
// root and "due" hung below the copula: "due" heads the clause (UD), the
// noun phrase is its subject, "is" its copula, the infinitive its
// complement. Only where the parser made that noun phrase the root.
bool Tree::repair_due_clauses() {
  bool changed = false;
  for (int x = 2; x + 2 < size(); ++x) {
    if (lemma(x) != "due" || upos(x) != syntax::Upos::ADJ || lemma(x - 1) != "be" || lemma(x + 1) != "to" ||
        !is_verb(x + 2) || head_[x] < 0)
      continue;
    int subj = -1;  // the top of the words before the copula
    for (int k = 0; k < x - 1; ++k)
      if (head_[k] < 0 || head_[k] >= x - 1) subj = subj < 0 ? k : -2;
    // ("X are due to meet ..., an official said", read with X, "are" and
    // "due" hung on the verb of saying after them: the clause said)
    const int s = subj >= 0 ? head_[subj] : -1;
    if (s > x && head_[x] == s && head_[x - 1] == s && is_nominal(subj) && reports_clause(lemma(s)) &&
        base_[subj] == "nsubj" && std::any_of(kids_begin(s), kids_end(s), [&](int k) {
          return k > x && base_[k] == "nsubj";
        })) {
      attach(x, s, "ccomp");
      attach(subj, x, "nsubj");
      attach(x - 1, x, "cop");
      attach(x + 2, x, "xcomp");
      changed = true;
      continue;
    }
    if (subj < 0 || head_[subj] >= 0 || !is_nominal(subj)) continue;
    attach(x, -1, "root");
    attach(subj, x, "nsubj");
    attach(x - 1, x, "cop");
    attach(x + 2, x, "xcomp");
    for (int k = 0; k < size(); ++k)
      if (k != x && head_[k] >= 0 && (head_[k] == subj || head_[k] == x - 1) && k > x - 1) attach(k, x, rel_[k]);
    changed = true;
  }
  return changed;
}

// "accused Doha of meddling", read with the name as the verb's predicate
// complement (xcomp): a name right after a verb that has no object is its
// object; a name is no predicate ("named him envoy" has a noun).
bool Tree::repair_name_complements() {
  const int n = size();
  bool changed = false;
  for (int x = 1; x < n; ++x) {
    const int v = head_[x];
    if (base_[x] != "xcomp" || upos(x) != syntax::Upos::PROPN || v < 0 || v != left_edge(x) - 1 || !is_verb(v) ||
        child(v, "obj") >= 0 || child(x, "cop") >= 0)
      continue;
    attach(x, v, "obj");
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
