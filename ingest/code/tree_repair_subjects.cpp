// Tree repairs of a clause's subject and root: second subjects, noun roots
// that hold the clause's verb as a modifier or conjunct, names and nouns
// that open the sentence before their verb (see tree.hpp).
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// "A spokesman in Cotonou said ...", read with "in" the verb's
// subordinator and the place a second subject: a clause has one subject,
// and a preposition before a name makes it a phrase, here of the noun
// before it.
// ... or with "and" before the second ("a summit between the leaders of
// A and B ended", read with B a second subject): the name after "and"
// is joined to the noun right before it, inside the first subject.
bool Tree::repair_double_subjects() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v)) continue;
    int first = -1, second = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (rel_[*k] == "nsubj") (first < 0 ? first : second) = *k;
    if (first < 0 || second < 0 || second > v || !is_nominal(second)) continue;
    if (const int p = left_edge(second) - 1; p == right_edge(first) + 1 && upos(p) == syntax::Upos::ADP &&
                                             (head_[p] == v || head_[p] == second) && is_nominal(first)) {
      attach(second, first, "nmod");
      attach(p, second, "case");
      changed = true;
      continue;
    }
    const int cc = left_edge(second);
    const int p = cc - 1;
    if (p <= first || upos(cc) != syntax::Upos::CCONJ || !is_nominal(p)) continue;
    int up = p;
    while (up >= 0 && up != first) up = head_[up];
    if (up != first) continue;
    attach(second, p, "conj");
    attach(cc, second, "cc");
    changed = true;
  }
  return changed;
}

// "an allegation the Comoros government denied", read with the name the
// subject of the noun after it: a common noun with no copula takes no
// subject, and a proper noun right before it names whose it is (a
// compound, "the Kenyan government" told by name).
bool Tree::repair_noun_subjects() {
  const int n = size();
  bool changed = false;
  for (int s = 0; s + 1 < n; ++s) {
    const int h = s + 1;
    if (head_[s] != h || base_[s] != "nsubj" || upos(s) != syntax::Upos::PROPN || upos(h) != syntax::Upos::NOUN)
      continue;
    if (child(h, "cop") >= 0 || head_[h] < 0 || base_[h] == "root") continue;
    attach(s, h, "compound");
    changed = true;
  }
  return changed;
}

// "Chilean students pelted tomatoes at the mission", read as a noun
// phrase with "pelted" a modifier of "tomatoes" and "students" the root: a
// finite past (VBD) modifies no noun, nor does a noun root take an object;
// the past is the clause's verb, the root
// noun before it its subject, the noun it was hung on its object, and the
// phrases after it are its own.
bool Tree::repair_finite_modifiers() {
  const int n = size();
  bool changed = false;
  for (int v = 1; v + 1 < n; ++v) {
    const int o = head_[v];
    // (a past participle too, when the noun it was hung on is the root
    // noun's "object": a noun takes no object)
    if (o != v + 1 || base_[v] != "amod" || (xpos(v) != "VBD" && xpos(v) != "VBN") || !is_verb(v)) continue;
    const int r = head_[o];
    if (r < 0 || r >= v || head_[r] >= 0 || base_[o] != "obj" || !is_nominal(r)) continue;
    attach(v, -1, "root");
    attach(r, v, "nsubj");
    attach(o, v, "obj");
    for (int k = v + 1; k < n; ++k)
      if (head_[k] == r) attach(k, v, base_[k] == "nmod" ? std::string_view("obl") : rel_[k]);
    changed = true;
  }
  return changed;
}

// "Indonesian soldiers crossed into X and burned two houses", read with
// "soldiers" the root, "crossed" its reduced relative clause and "burned"
// its conjunct: a noun joins no finite verb by "and"; the participle right
// after the noun is the clause's verb, the noun its subject, and the
// verb after "and" that verb's conjunct.
bool Tree::repair_noun_root_conjuncts() {
  const int n = size();
  for (int r = 0; r + 2 < n; ++r) {
    if (head_[r] >= 0 || upos(r) != syntax::Upos::NOUN) continue;
    const int v = r + 1;
    if (head_[v] != r || base_[v] != "acl" || !is_verb(v) || (xpos(v) != "VBD" && xpos(v) != "VBN") ||
        child(v, "nsubj") >= 0 || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0)
      return false;
    // (a past, or a participle or bare form with an object, "and set fire
    // to X"; "... and flown home" is passive, as the first may be)
    auto finite = [&](int k) {
      return xpos(k) == "VBD" || ((xpos(k) == "VBN" || xpos(k) == "VB") && child(k, "obj") >= 0 && child(k, "aux") < 0);
    };
    int c = -1;
    for (const int* k = kids_begin(r); k != kids_end(r) && c < 0; ++k)
      if (*k > v && base_[*k] == "conj" && is_verb(*k) && finite(*k) && child(*k, "nsubj") < 0 && child(*k, "cc") >= 0)
        c = *k;
    if (c < 0) return false;
    attach(v, -1, "root");
    attach(r, v, "nsubj");
    for (int k = v + 1; k < n; ++k)
      if (head_[k] == r && (base_[k] == "conj" || upos(k) == syntax::Upos::PUNCT)) attach(k, v, rel_[k]);
    return true;
  }
  return false;
}

// "France sharply criticised X", with the verb read as a participle and
// the name as the root: a name that opens the sentence and is followed,
// past adverbs only, by a verb with no subject of its own is that verb's
// subject.
bool Tree::repair_name_roots() {
  const int n = size();
  bool changed = false;
  for (int r = 0; r + 1 < n; ++r) {
    if (head_[r] >= 0 || !is_nominal(r) || upos(r) == syntax::Upos::PRON || r != left_edge(r)) continue;
    int v = r + 1;
    while (v < n && base_[v] == "advmod" && upos(v) == syntax::Upos::ADV) ++v;
    if (v >= n || head_[v] != r || !is_verb(v) || (base_[v] != "parataxis" && base_[v] != "acl")) continue;
    if (child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "obj") < 0) continue;
    attach(v, -1, "root");
    attach(r, v, "nsubj");
    for (int k = v + 1; k < n; ++k)
      if (head_[k] == r) attach(k, v, rel_[k]);
    for (int k = r + 1; k < v; ++k)
      if (head_[k] != v) attach(k, v, "advmod");
    changed = true;
  }
  return changed;
}

// "A U.S. cutter and a Tongan boat began joint patrols", read with the first
// noun the root and the verb its conjunct with the second noun as subject:
// a noun root that opens the sentence, joined by "and" to a subject right
// before the verb, is the verb's subject too (the two nouns are joined).
bool Tree::repair_split_subjects() {
  const int n = size();
  bool changed = false;
  for (int r = 0; r + 3 < n; ++r) {
    if (head_[r] >= 0 || upos(r) != syntax::Upos::NOUN || left_edge(r) != 0) continue;
    const int v = child(r, "conj");
    if (v < 0 || !is_verb(v) || !finite_tag(v)) continue;
    const int x = child(v, "nsubj"), cc = child(v, "cc");
    if (x < 0 || x < r || x > v || cc < 0 || cc < r || cc > left_edge(x) || !is_nominal(x)) continue;
    // (nothing of the root's own after the verb: "X, and Y said" stays)
    bool clean = true;
    for (int k = r + 1; k < cc && clean; ++k) clean = upos(k) != syntax::Upos::PUNCT;
    if (!clean) continue;
    attach(v, -1, "root");
    attach(r, v, "nsubj");
    attach(x, r, "conj");
    attach(cc, x, "cc");
    for (int k = v + 1; k < n; ++k)
      if (head_[k] == r) attach(k, v, rel_[k]);
    changed = true;
    break;  // one root
  }
  return changed;
}

// "Chanting slogans, veterans rallied outside the embassy", read with the
// fronted participle the root and the subject joined to its object: a
// past verb after the comma, hung on the noun before it, is the clause's
// verb; that noun is its subject and the participle tells how it acted.
bool Tree::repair_fronted_participles() {
  const int n = size();
  bool changed = false;
  for (int v = 2; v < n; ++v) {
    int s = head_[v];
    if (s < 0 || s >= v || base_[v] != "acl" || (xpos(v) != "VBD" && xpos(v) != "VBN") || !is_nominal(s)) continue;
    const int r = 0;  // the participle opens the sentence and is the root
    if (head_[r] >= 0 || r >= s || xpos(r) != "VBG") continue;
    int comma = -1;
    for (int k = r + 1; k < s; ++k)
      if (lemma(k) == ",") comma = k;
    // ("hundreds of farmers rallied": the count heads the subject)
    while (base_[s] == "nmod" && marker(s) == "of" && head_[s] > comma && is_nominal(head_[s])) s = head_[s];
    if (comma < 0 || left_edge(s) < comma) continue;  // the subject's phrase opens after the comma
    attach(v, -1, "root");
    attach(s, v, "nsubj");
    attach(r, v, "advcl");
    for (int k = 0; k < n; ++k)
      if (k != v && head_[k] == r && k > comma && base_[k] == "punct") attach(k, v, "punct");
    changed = true;
  }
  // ... or read with the verb right but the subject joined to the
  // participle's object ("Waving flags, hundreds of X rallied", with
  // "hundreds" a conjunct of "flags"): the noun after the comma is the
  // verb's subject, and the "of" phrase the parser gave the verb is its.
  for (int v = 2; v < n; ++v) {
    if (head_[v] >= 0 || !is_verb(v) || child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0) continue;
    const int r = child(v, "advcl");
    if (r != 0 || xpos(r) != "VBG") continue;
    int comma = -1;
    for (int k = r + 1; k < v && comma < 0; ++k)
      if (lemma(k) == "," && head_[k] != v) comma = k;
    if (comma < 0 || comma + 1 >= v) continue;
    const int s = comma + 1;
    if (!is_nominal(s) || base_[s] != "conj" || head_[s] >= comma) continue;
    attach(s, v, "nsubj");
    attach(comma, s, "punct");
    for (int k = s + 1; k < v; ++k)
      if (head_[k] == v && base_[k] == "obl" && marker(k) == "of") attach(k, s, "nmod");
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
