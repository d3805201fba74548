// Tree repairs of relative clauses the parser took for the main clause
// (see tree.hpp).
#include <algorithm>
#include <iterator>
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// "Fiji's prime minister, who met the minister on Thursday, praised the
// pact", read with "who met" as the main clause, the noun phrase before
// it its bare oblique and the main verb a conjunct of "met": the phrase
// is the subject of the verb after the relative clause, and "who met ..."
// its relative clause.
// (Also "X, whose country has stayed out of the quarrel, telephoned Y":
// the relative clause's subject owned by "whose".)
bool Tree::repair_who_subjects() {
  bool changed = false;
  for (int w = 2; w < size(); ++w) {
    int subject = w;
    if (lemma(w) == "whose" && rel_[w] == "nmod:poss" && head_[w] > w) subject = head_[w];
    else if (lemma(w) != "who") continue;
    const int v = head_[subject];
    if (base_[subject] != "nsubj" || v < 0 || !is_verb(v) || lemma(w - 1) != ",") continue;
    // the phrase that ends at the comma, hung on the relative verb with no
    // preposition
    int x = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (*k < w - 1 && (right_edge(*k) == w - 2 || right_edge(*k) == w - 1) && is_nominal(*k) &&
          child(*k, "case") < 0 &&
          (base_[*k] == "obl" || base_[*k] == "nsubj" || base_[*k] == "vocative" || base_[*k] == "dep" ||
           base_[*k] == "advcl"))
        x = *k;
    if (x < 0) continue;
    // the main verb: a conjunct of the relative verb after a comma, with no
    // subject and no "and" of its own
    int m = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (*k > w && rel_[*k] == "conj" && is_verb(*k) && child(*k, "nsubj") < 0 && child(*k, "cc") < 0) m = *k;
    if (m < 0) continue;
    // (the comma that closes the relative clause, on either verb)
    bool comma = false;
    for (int k = w + 1; k < m; ++k) comma |= lemma(k) == "," && (head_[k] == m || head_[k] == v);
    if (!comma) continue;
    take_place(m, v);
    attach(x, m, "nsubj");
    attach(v, x, "acl:relcl");
    changed = true;
  }
  return changed;
}

// "The pact was signed by X and his Tongan counterpart, who arrived in
// Suva on Monday", with "who arrived" read as a second main clause (a
// conjunct of "signed"): a verb whose subject is "who" after a comma is
// a relative clause of the noun that ends right before the comma.
bool Tree::repair_who_conjuncts() {
  bool changed = false;
  for (int w = 2; w < size(); ++w) {
    const int v = head_[w];
    if (lemma(w) != "who" || base_[w] != "nsubj" || v <= w || !is_verb(v) || lemma(w - 1) != "," ||
        (base_[v] != "conj" && base_[v] != "parataxis"))
      continue;
    // the noun whose phrase ends at the comma
    int noun = w - 2;
    while (noun >= 0 && !is_nominal(noun) && head_[noun] > noun) noun = head_[noun];
    if (noun < 0 || !is_nominal(noun) || right_edge(noun) != w - 2 || noun == v) continue;
    attach(v, noun, "acl:relcl");
    changed = true;
  }
  return changed;
}

// "said in Nairobi that the tariffs would begin in July", with the
// that-clause read as a clause of "Nairobi": a clause opened by the
// subordinator "that" with a subject of its own is no relative clause (a
// relative "that" is its subject or object); hung on a noun that is an
// oblique of a verb of saying, it is what is said.
bool Tree::repair_place_complements() {
  bool changed = false;
  for (int c = 1; c < size(); ++c) {
    const int n = head_[c];
    if (n < 0 || n > c || !is_verb(c) || (rel_[c] != "acl" && rel_[c] != "acl:relcl") || !is_nominal(n)) continue;
    const int m = child(c, "mark"), sj = child(c, "nsubj");
    if (m < 0 || lemma(m) != "that" || upos(m) != syntax::Upos::SCONJ || sj < 0 || sj < m) continue;
    const int v = head_[n];
    if (v < 0 || v > n || base_[n] != "obl" || !is_verb(v) || child(v, "ccomp") >= 0 || !reports_clause(lemma(v)))
      continue;
    attach(c, v, "ccomp");
    changed = true;
  }
  return changed;
}

// "signed a policing and maritime security agreement", read as "a
// policing" and "maritime security agreement" coordinated: a bare noun
// with the determiner, right before "and" and a noun with modifiers of
// its own and none, is a modifier coordinated inside the second noun's
// phrase; that noun heads it.
// So is an adjective there ("the Kenyan and South Sudanese defence
// ministers", read with "Kenyan" the subject and "ministers" its
// conjunct): the noun heads the phrase, the adjective modifies it, and
// the second noun's first modifier ("South Sudanese") is the adjective's
// conjunct, so that both name the noun's states.
bool Tree::repair_modifier_conjuncts() {
  bool changed = false;
  for (int y = 3; y < size(); ++y) {
    const int x = head_[y];
    if (rel_[y] != "conj" || x < 1 || x + 1 >= y || upos(y) != syntax::Upos::NOUN || lemma(x + 1) != "and")
      continue;
    if (upos(x) == syntax::Upos::ADJ && lemma(x - 1) == "the" && head_[x - 1] == x) {
      int m = -1;  // the second noun's first modifier, right after "and"
      for (const int* k = kids_begin(y); k != kids_end(y) && m < 0; ++k)
        if ((base_[*k] == "compound" || base_[*k] == "amod") && left_edge(*k) == x + 2 && right_edge(*k) < y) m = *k;
      if (m < 0) continue;
      take_place(y, x);
      for (int k = 0; k < size(); ++k)
        if (k != y && head_[k] == x && (base_[k] == "det" || k > y)) head_[k] = y;
      attach(x, y, "amod");
      attach(m, x, "conj");
      attach(x + 1, m, "cc");
      changed = true;
      continue;
    }
    if (upos(x) != syntax::Upos::NOUN) continue;
    bool det_x = false, other_x = false, det_y = false, mod_y = false;
    for (const int* k = kids_begin(x); k != kids_end(x); ++k) {
      if (*k == y) continue;
      if (base_[*k] == "det" && *k == x - 1) det_x = true;
      else if (*k < x || *k < y) other_x = true;
    }
    for (const int* k = kids_begin(y); k != kids_end(y); ++k) {
      det_y |= base_[*k] == "det";
      mod_y |= *k < y && *k > x + 1 && (base_[*k] == "amod" || base_[*k] == "compound");
    }
    if (!det_x || other_x || det_y || !mod_y) continue;
    take_place(y, x);
    for (int k = 0; k < size(); ++k)
      if (k != y && head_[k] == x && (base_[k] == "det" || k > y)) head_[k] = y;
    attach(x, y, "compound");
    attach(x + 1, x, "cc");
    changed = true;
  }
  return changed;
}

// "Kenya's president, who received the envoy over dinner, praised X",
// read with "president" the root and "praised" a conjunct or modifier
// inside the relative clause (or with "received" the root and the noun hung
// on it): a noun that opens the sentence, with a relative clause set off
// by commas, is the subject of the verb after the clause's closing comma
// (a past form with no subject, auxiliary, subordinator or "and" of its
// own), and that verb is the sentence's main verb (or what a verb of
// saying after it says, "..., his office said").
bool Tree::repair_relative_mains() {
  const int n = size();
  for (int w = 2; w < n; ++w) {
    const int x = w - 2, v1 = head_[w];
    if (!(lemma(w) == "who" || lemma(w) == "which") || base_[w] != "nsubj" || lemma(w - 1) != "," ||
        !is_nominal(x) || v1 < 0 || !is_verb(v1) || left_edge(x) != 0)
      continue;
    const bool noun_root = head_[x] < 0 && head_[v1] == x && rel_[v1] == "acl:relcl";
    const bool verb_root = head_[v1] < 0 && head_[x] == v1;
    // (or both hung on a verb of saying after them: "X, who mediated ...,
    // welcomed the deal, his office said")
    const int say = head_[x];
    const bool said = say > v1 && head_[v1] == say && base_[v1] == "ccomp" && base_[x] == "nsubj";
    if (!noun_root && !verb_root && !said) return false;
    for (int v = v1 + 1; v < n; ++v) {
      if (!is_verb(v) || !(xpos(v) == "VBD" || xpos(v) == "VBN") || lemma(v - 1) != ",") continue;
      // (a participle read as a modifier of the noun after it is
      // repair_clauses's: "condemned X's attack")
      if (base_[v] == "amod" || base_[v] == "case") return false;
      int up = head_[v];
      while (up >= 0 && up != v1) up = head_[up];
      if (up != v1) continue;
      if (child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "aux") >= 0 ||
          child(v, "aux:pass") >= 0 || child(v, "cc") >= 0 || child(v, "mark") >= 0)
        return false;
      if (said) {
        if (v > say) return false;
        attach(v, say, "ccomp");
        attach(x, v, "nsubj");
        attach(v1, x, "acl:relcl");
        head_[v - 1] = v;
        return true;
      }
      const int old_root = noun_root ? x : v1;
      head_[v] = -1;
      rel_[v] = base_[v] = "root";
      attach(x, v, "nsubj");
      attach(v1, x, "acl:relcl");
      head_[v - 1] = v;
      // (the full stop and what is joined after the main verb go with it)
      for (int y = v + 1; y < n; ++y)
        if (head_[y] == old_root && (upos(y) == syntax::Upos::PUNCT || base_[y] == "conj")) head_[y] = v;
      return true;
    }
    return false;
  }
  return false;
}

// "Uganda's refusal to reopen the border angered Kenya", read with the
// noun the root and "angered" a complement inside its infinitive: a
// finite verb takes no place as a complement; with no subject of its own,
// after a root noun whose infinitive it sits in, it is the sentence's
// main verb and the noun its subject.
bool Tree::repair_infinitive_mains() {
  const int n = size();
  int r = -1;
  for (int i = 0; i < n && r < 0; ++i)
    if (head_[i] < 0) r = i;
  if (r < 0 || upos(r) != syntax::Upos::NOUN) return false;
  for (int v = r + 2; v < n; ++v) {
    if (!is_verb(v) || !(xpos(v) == "VBD" || xpos(v) == "VBZ" || xpos(v) == "VBP")) continue;
    if (!(base_[v] == "xcomp" || base_[v] == "dep" || (base_[v] == "conj" && child(v, "cc") < 0))) continue;
    if (child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "mark") >= 0 || child(v, "aux") >= 0)
      continue;
    // (inside the root noun's infinitive)
    int c = head_[v];
    while (c >= 0 && head_[c] != r) c = head_[c];
    if (c < 0 || base_[c] != "acl" || xpos(c) != "VB" || child(c, "mark") < 0 || lemma(child(c, "mark")) != "to")
      continue;
    head_[v] = -1;
    rel_[v] = base_[v] = "root";
    attach(r, v, "nsubj");
    for (int y = v + 1; y < n; ++y)
      if (head_[y] == r && upos(y) == syntax::Upos::PUNCT) head_[y] = v;
    return true;
  }
  return false;
}

// "X expelled 200 traders, a move Accra described as hostile", read with
// "a move" and "Accra" two subjects of "described": a noun set off by a
// comma, with its determiner, followed by a name and a past verb with no
// auxiliary, is a noun beside the clause before, and the name and verb
// its relative clause (the object the gap).
bool Tree::repair_referring_relatives() {
  const int n = size();
  for (int v = 3; v < n; ++v) {
    // (a verb that says a clause of its own, "a proposal Y said it would
    // study", is left as the parser read it)
    if (!is_verb(v) || !(xpos(v) == "VBD" || xpos(v) == "VBN") || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0 ||
        child(v, "ccomp") >= 0)
      continue;
    const int name = v - 1;
    if (head_[name] != v || base_[name] != "nsubj" || upos(name) != syntax::Upos::PROPN) continue;
    int noun = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (*k < name && base_[*k] == "nsubj" && upos(*k) == syntax::Upos::NOUN && right_edge(*k) == name - 1) noun = *k;
    if (noun < 0 || child(noun, "det") < 0) continue;
    // (the comma before it, wherever the parser hung it)
    int comma = left_edge(noun);
    if (lemma(comma) != ",") --comma;
    if (comma <= 0 || lemma(comma) != ",") continue;
    const int h = head_[v];
    if (h < 0 || h > comma) continue;
    attach(noun, h, "appos");
    attach(v, noun, "acl:relcl");
    attach(name, v, "nsubj");
    head_[comma] = noun;
    return true;
  }
  return false;
}

// "A court convicted two men, a verdict Kampala has called political",
// read with "verdict" a second subject of the last verb: an
// indefinite noun set off by a comma after a clause, right before a
// clause with a subject of its own and no object, is the clause's object
// told first (the gap of a relative clause on it: "a charge X rejects",
// "a demand Y has resisted", "something Z denies"), and the noun sums up
// the clause before.
bool Tree::repair_gap_relatives() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    const int h = head_[v];
    if (!is_verb(v) || h < 0 || h > v || child(v, "obj") >= 0 || child(v, "ccomp") >= 0) continue;
    int first = -1, second = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (base_[*k] == "nsubj" && *k < v) (first < 0 ? first : second) = *k;
    // (or a subject hung on the verb's auxiliary, "a demand X has refused")
    if (first < 0)
      for (const int* k = kids_begin(v); k != kids_end(v); ++k)
        if (base_[*k] == "aux" && *k < v && child(*k, "nsubj") >= 0 && child(*k, "nsubj") < *k) {
          first = child(*k, "nsubj");
          attach(first, v, "nsubj");
        }
    // (the name read as the noun's apposition, "a demand Brasilia has
    // refused": a name right after the noun, with no comma between, and
    // nothing but auxiliaries and adverbs between it and the verb)
    if (first >= 0 && second < 0 && upos(first) == syntax::Upos::NOUN) {
      const int ap = child(first, "appos");
      bool adjacent = ap > first && upos(ap) == syntax::Upos::PROPN && left_edge(ap) == first + 1 &&
                      right_edge(ap) < v;
      for (int x = adjacent ? right_edge(ap) + 1 : v; x < v; ++x)
        adjacent &= upos(x) == syntax::Upos::AUX || upos(x) == syntax::Upos::ADV || upos(x) == syntax::Upos::PART;
      if (adjacent) {
        attach(ap, v, "nsubj");
        second = ap;
      }
    }
    if (first < 0 || second < 0 || first < h || !is_nominal(second)) continue;
    // "something X denies" takes no article; a noun needs one
    const bool something = upos(first) == syntax::Upos::PRON && a_->lemma[first] == "something";
    if (upos(first) != syntax::Upos::NOUN && !something) continue;
    // (its article, however the parser hung it: "a" read as the verb's marker)
    auto article = [&](int k) { return a_->lemma[k] == "a" || a_->lemma[k] == "an" || a_->lemma[k] == "another"; };
    int b = left_edge(first);
    if (!something) {
      if (b - 1 > h && article(b - 1) && head_[b - 1] == v) --b;
      if (!article(b)) continue;
    }
    const int comma = b - 1;
    if (comma <= h || a_->lemma[comma] != ",") continue;
    if (!something && head_[b] == v) attach(b, first, "det");
    attach(first, h, "appos");
    attach(v, first, "acl:relcl");
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
