// Tree repairs of coordination: clauses and verbs joined by "and", "or" or
// "but" that the parser hung on a word of another form (see tree.hpp).
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// ", and Japan called for calm", ", but in Tokyo officials said": the
// parser often hangs the "and" or "but" that joins a clause on the
// clause's first phrase (its subject, a phrase of place); it joins the
// clause's verb. A conjunction opening the phrase of a verb joined as a
// conjunct or a parataxis, hung on a word of that verb that is no
// conjunct itself ("France and Japan": Japan's own), goes to the verb.
bool Tree::repair_clause_conjunctions() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (upos(x) != syntax::Upos::CCONJ || h <= x || base_[h] == "conj") continue;
    const int v = head_[h];
    if (v <= h || !is_verb(v) || (base_[v] != "conj" && base_[v] != "parataxis")) continue;
    bool opens = true;
    for (int y = left_edge(v); y < x && opens; ++y) opens = upos(y) == syntax::Upos::PUNCT;
    if (!opens) continue;
    attach(x, v, "cc");
    changed = true;
  }
  return changed;
}

// "when Peru raised duties on steel from Asia and Ecuador threatened to
// quit the pact", read with "Ecuador" a conjunct of "Asia" and
// "threatened" a conjunct of "raised" with no subject: a finite verb with
// neither a subject nor a conjunction of its own, right after "and" and a
// noun phrase that a conjunction joins to a word inside the first verb's
// clause, has that phrase for its subject and that conjunction for its
// own.
bool Tree::repair_stolen_subjects() {
  const int n = size();
  bool changed = false;
  for (int c = 1; c < n; ++c) {
    const int h = head_[c];
    if (h < 0 || h > c || base_[c] != "conj" || !is_verb(c) || !is_verb(h) || child(c, "nsubj") >= 0 ||
        child(c, "cc") >= 0)
      continue;
    bool finite = finite_tag(c);
    for (const int* k = kids_begin(c); k != kids_end(c) && !finite; ++k)
      finite = base_[*k] == "aux" && *k < c;
    if (!finite) continue;
    // the phrase right before the verb: a conjunct noun with its "and"
    int p = c - 1;
    while (base_[p] != "conj" && head_[p] > h && head_[p] < c && right_edge(head_[p]) == c - 1) p = head_[p];
    if (p <= h || base_[p] != "conj" || !is_nominal(p) || is_verb(p) || right_edge(p) != c - 1) continue;
    const int cc = left_edge(p);
    if (upos(cc) != syntax::Upos::CCONJ || head_[cc] != p) continue;
    // (joined to a word of the first verb's clause, after that verb)
    int up = head_[p];
    while (up >= 0 && up != h && up > h) up = head_[up];
    if (up != h) continue;
    attach(p, c, "nsubj");
    attach(cc, c, "cc");
    changed = true;
  }
  return changed;
}

// "X urged Y to ..., while Qatar, which hosts the talks, said it would
// pay", read with "while" a marker of the noun "Qatar" and
// "said" a conjunct of "urged" with no subject: a subordinator hangs on a
// clause, not on a noun; the noun after it is the subject of the next
// verb with none, which the subordinator opens.
bool Tree::repair_subordinated_subjects() {
  const int n = size();
  bool changed = false;
  for (int m = 0; m + 1 < n; ++m) {
    const int s = head_[m];
    if (s != m + 1 || base_[m] != "mark" || upos(m) != syntax::Upos::SCONJ ||
        !(a_->lemma[m] == "while" || a_->lemma[m] == "whereas" || a_->lemma[m] == "although" ||
          a_->lemma[m] == "though") ||
        !is_nominal(s) || is_verb(s))
      continue;
    int v = -1;
    for (int k = right_edge(s) + 1; k < n && v < 0; ++k)
      if (is_verb(k) && head_[k] >= 0 && head_[k] < m && base_[k] == "conj" && child(k, "nsubj") < 0) v = k;
    if (v < 0 || (!finite_tag(v) && child(v, "aux") < 0)) continue;
    const int top = head_[v];
    attach(s, v, "nsubj");
    attach(m, v, "mark");
    attach(v, top, "advcl");
    changed = true;
  }
  return changed;
}

// "X summoned Y's envoy after shells fired by Y's troops killed two
// villagers", read with "after" a preposition of "shells" (a phrase of
// "summoned") and "killed" a conjunct of "summoned" with no subject and
// no "and": "after", "before", "since", "until" and "once" also open
// clauses; the noun is the subject of that next verb, which the word
// opens.
bool Tree::repair_prepositional_subordinators() {
  const int n = size();
  bool changed = false;
  for (int m = 0; m + 1 < n; ++m) {
    const int s = head_[m];
    if (s <= m || base_[m] != "case" ||
        !(a_->lemma[m] == "after" || a_->lemma[m] == "before" || a_->lemma[m] == "since" ||
          a_->lemma[m] == "until" || a_->lemma[m] == "once") ||
        !is_nominal(s) || is_verb(s) || base_[s] != "obl")
      continue;
    const int top = head_[s];
    if (top < 0 || top > m || !is_verb(top)) continue;
    int v = -1;
    for (int k = right_edge(s) + 1; k < n && v < 0; ++k)
      if (head_[k] == top) v = k;
    if (v < 0 || !is_verb(v) || base_[v] != "conj" || child(v, "nsubj") >= 0 || child(v, "cc") >= 0 ||
        (!finite_tag(v) && child(v, "aux") < 0))
      continue;
    attach(s, v, "nsubj");
    attach(m, v, "mark");
    attach(v, top, "advcl");
    changed = true;
  }
  return changed;
}

// "X offered to mediate, and its envoy is due in Y on Friday", read with
// the second clause a conjunct of the infinitive: a clause with a subject
// and a tense of its own after "and" is no part of an infinitive (which
// has neither); it is joined to the verb the infinitive hangs on.
bool Tree::repair_subject_conjuncts() {
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    const int h = head_[c];
    if (h < 0 || h > c || base_[c] != "conj" || child(c, "nsubj") < 0 || child(c, "cc") < 0) continue;
    if (!is_verb(h) || (base_[h] != "xcomp" && base_[h] != "advcl") || child(h, "mark") < 0 ||
        lemma(child(h, "mark")) != "to")
      continue;
    const int y = head_[h];
    if (y < 0 || y > h || !is_verb(y)) continue;
    bool tensed = finite_tag(c);
    for (const int* k = kids_begin(c); k != kids_end(c) && !tensed; ++k)
      tensed = (base_[*k] == "cop" || base_[*k] == "aux") && finite_tag(*k);
    if (!tensed) continue;
    head_[c] = y;
    changed = true;
  }
  return changed;
}

// "spoke with the Iranian president and, separately, with the Saudi crown
// prince", read with the second phrase a conjunct of the verb: a noun
// phrase with the preposition of a phrase of that verb before it is that
// phrase's conjunct (a verb joins verbs).
bool Tree::repair_phrase_conjuncts() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int v = head_[x];
    if (v < 0 || v > x || rel_[x] != "conj" || !is_verb(v) || !is_nominal(x) || is_verb(x)) continue;
    const std::string_view p = marker(x);
    if (p.empty() || child(x, "nsubj") >= 0) continue;
    int o = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (*k < x && base_[*k] == "obl" && marker(*k) == p) o = *k;
    if (o < 0) continue;
    attach(x, o, "conj");
    changed = true;
  }
  return changed;
}

// Only verbs of one form are coordinated: a finite verb with no subject
// of its own hung as a conjunct on an infinitive ("urged X to wait and
// flew home", read as "to wait and flew") goes with the finite verb
// above that infinitive, whose subject it shares. (A conjunct with no
// "and", "or" or "but" is the parser's slip of another kind.)
bool Tree::repair_finite_conjuncts() {
  const int n = size();
  bool changed = false;
  auto finite = [&](int v) { return finite_tag(v) || child(v, "aux") >= 0; };
  for (int c = 0; c < n; ++c) {
    int h = head_[c];
    if (h < 0 || h > c || base_[c] != "conj" || !is_verb(c) || child(c, "aux") >= 0 ||
        child(c, "nsubj") >= 0 || child(c, "cc") < 0)
      continue;
    // "recalled its envoy for consultations and accused X", read with
    // "accused" as a conjunct of "consultations": a noun has no verb with
    // an object of its own for a conjunct; the finite verb above the noun
    // has (a past read as a participle: a participle after a noun takes
    // no direct object).
    if (is_nominal(h) && (base_[h] == "obl" || base_[h] == "obj" || base_[h] == "nmod")) {
      int y = head_[h];
      while (y >= 0 && !is_verb(y)) y = head_[y];
      if (y < 0) continue;
      // ("had voiced support for the position and called on X to ...": a
      // past with no object after a verb of perfect tense goes with it too;
      // a past read as a past tense takes its subject from the verb above)
      const bool perfect = xpos(y) == "VBN" && child(y, "aux") >= 0 && lemma(child(y, "aux")) == "have";
      const bool same_form = xpos(c) == xpos(y) || (xpos(c) == "VBN" && xpos(y) == "VBD") ||
                             (perfect && (xpos(c) == "VBN" || xpos(c) == "VBD"));
      if (y > h || !(finite_tag(y) || perfect) || !same_form ||
          (child(c, "obj") < 0 && !perfect && xpos(c) != "VBD"))
        continue;
      head_[c] = y;
      changed = true;
      continue;
    }
    if (!(xpos(c) == "VBD" || xpos(c) == "VBZ") || !is_verb(h) || xpos(h) != "VB" || child(h, "aux") >= 0)
      continue;
    int m = child(h, "mark");
    if (m < 0 || lemma(m) != "to") continue;
    int y = head_[h];
    while (y >= 0 && !(is_verb(y) && finite(y))) y = head_[y];
    if (y < 0 || y > h) continue;
    head_[c] = y;
    changed = true;
  }
  return changed;
}

// "told X that A and that B": a second clause said, opened by "that" and
// with a subject of its own, that the parser hung as a conjunct of the
// verb of saying is a conjunct of the first clause said (its own
// subordinator tells it is said, not done).
bool Tree::repair_that_conjuncts() {
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    const int h = head_[c];
    if (h < 0 || h > c || base_[c] != "conj" || !is_verb(h) || child(c, "cc") < 0 || child(c, "nsubj") < 0)
      continue;
    const int m = child(c, "mark");
    if (m < 0 || a_->lemma[m] != "that") continue;
    int first = -1;
    for (const int* k = kids_begin(h); k != kids_end(h); ++k)
      if (*k > h && *k < c && base_[*k] == "ccomp") {
        const int fm = child(*k, "mark");
        if (fm >= 0 && a_->lemma[fm] == "that") first = *k;
      }
    if (first < 0) continue;
    head_[c] = first;
    changed = true;
  }
  return changed;
}

// "said the plant would open in May as planned and blamed X for ...": a
// past with no subject of its own hung as a conjunct on a bare participle
// (a clause of comment, "as planned", "as agreed", with neither subject nor
// auxiliary) goes with the nearest past above it, whose subject it shares:
// a participle so used coordinates with no finite verb.
bool Tree::repair_participle_conjuncts() {
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    const int h = head_[c];
    // (a past read as a participle: with an object of its own and no
    // auxiliary it is active, "and accused X")
    const bool past = xpos(c) == "VBD" || (xpos(c) == "VBN" && child(c, "obj") >= 0);
    if (h < 0 || h > c || base_[c] != "conj" || !is_verb(c) || !past || child(c, "cc") < 0 ||
        child(c, "nsubj") >= 0 || child(c, "aux") >= 0 || child(c, "aux:pass") >= 0)
      continue;
    if (!is_verb(h) || xpos(h) != "VBN" || base_[h] != "advcl" || child(h, "nsubj") >= 0 ||
        child(h, "nsubj:pass") >= 0 || child(h, "aux") >= 0 || child(h, "aux:pass") >= 0 || child(h, "mark") < 0)
      continue;
    int y = head_[h];
    while (y >= 0 && !(is_verb(y) && xpos(y) == "VBD")) y = head_[y];
    if (y < 0 || y > h) continue;
    head_[c] = y;
    changed = true;
  }
  return changed;
}

// "the leaders of Chad, Niger and Mali", read with "Niger" an apposition
// of "Chad": a name set off by a comma after a name is the middle of a
// list, a conjunct of the first, when the series closes with a conjunct
// joined by "and" or "or", hung on the apposition (then a conjunct of the
// first too) or on the first name. ("Kagame, Rwanda's president and ..."
// has a noun for its apposition and stays; on the first name's conjunct,
// "X, the foreign minister, and Y", an apposition opened by a determiner
// stays one.)
bool Tree::repair_list_appositions() {
  const int n = size();
  bool changed = false;
  for (int y = 1; y < n; ++y) {
    const int h = head_[y];
    if (base_[y] != "appos" || h < 0 || h > y || upos(h) != syntax::Upos::PROPN ||
        upos(y) != syntax::Upos::PROPN)
      continue;
    // (a source set off by commas, "according to Reuters, A and B have
    // ...", read as a noun cased by the verb: the names after it are the
    // clause's subject, no list with it)
    if (const int ca = child(h, "case"); ca >= 0 && (upos(ca) == syntax::Upos::VERB || a_->lemma[ca] == "accord"))
      continue;
    const int first = left_edge(y);
    const bool comma_on_y = a_->lemma[first] == ",";
    int z = -1;  // the closing conjunct hung on the apposition
    for (const int* k = kids_begin(y); k != kids_end(y); ++k)
      if (*k > y && base_[*k] == "conj" && upos(*k) == syntax::Upos::PROPN && coordinated(*k)) z = *k;
    bool closed = false;  // ... or on the first name
    for (const int* k = kids_begin(h); k != kids_end(h) && !closed; ++k)
      closed = *k > y && base_[*k] == "conj" && coordinated(*k);
    if (z >= 0 && (comma_on_y || (first > 0 && a_->lemma[first - 1] == ","))) {
      attach(y, h, "conj");
      attach(z, h, "conj");
      changed = true;
    } else if (closed && upos(first + (comma_on_y ? 1 : 0)) == syntax::Upos::PROPN) {
      attach(y, h, "conj");
      changed = true;
    }
  }
  return changed;
}

// "Saudi Arabia, the UAE and Bahrain recalled ...", read with the first
// name an oblique of the verb (with no preposition) and the rest its
// subject: a bare name before the subject, set off by a comma, where the
// subject is itself a list of names, is the list's first item and the
// subject.
bool Tree::repair_list_subjects() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x + 2 < n; ++x) {
    const int v = head_[x];
    if (v < 0 || base_[x] != "obl" || upos(x) != syntax::Upos::PROPN || child(x, "case") >= 0 || !is_verb(v))
      continue;
    const int s = child(v, "nsubj");
    if (s < 0 || s < x || s > v || upos(s) != syntax::Upos::PROPN) continue;
    // (the comma hangs on the subject, or on the name before it)
    const int first = left_edge(s);
    const int comma = a_->lemma[first] == "," ? first : first - 1;
    if (comma <= x || a_->lemma[comma] != "," || right_edge(x) + 1 != comma) continue;
    bool list = false;
    for (const int* k = kids_begin(s); k != kids_end(s) && !list; ++k)
      list = *k > s && base_[*k] == "conj" && upos(*k) == syntax::Upos::PROPN;
    if (!list) continue;
    attach(x, v, "nsubj");
    attach(s, x, "conj");
    for (int k = s + 1; k < n; ++k)
      if (head_[k] == s && base_[k] == "conj") attach(k, x, "conj");
    changed = true;
  }
  return changed;
}

// "In a joint statement, the three states accused X ...", read as a noun
// phrase with the clause hung inside it: a root noun with a preposition is
// no clause; the past hung as a clause of its apposition (the noun after
// the comma; the tagger may call the past a participle, but one with no
// auxiliary after a subject is the clause's verb) is the root, the
// apposition its subject and the phrase of the preposition its oblique.
bool Tree::repair_fronted_phrase_roots() {
  const int n = size();
  int r = 0;
  while (r < n && head_[r] >= 0) ++r;
  if (r >= n || !is_nominal(r) || child(r, "case") < 0) return false;
  for (const int* k = kids_begin(r); k != kids_end(r); ++k) {
    const int y = *k;
    if (y < r || base_[y] != "appos" || !is_nominal(y)) continue;
    int v = -1;
    for (const int* j = kids_begin(y); j != kids_end(y); ++j)
      if (*j > y && (base_[*j] == "acl" || base_[*j] == "conj") && is_verb(*j) &&
          (finite_tag(*j) || xpos(*j) == "VBN") && child(*j, "nsubj") < 0 && child(*j, "aux") < 0 &&
          child(*j, "aux:pass") < 0)
        v = *j;
    if (v < 0) continue;
    head_[v] = -1;
    rel_[v] = base_[v] = "root";
    attach(y, v, "nsubj");
    attach(r, v, "obl");
    return true;
  }
  return false;
}

// "a call between X and newly elected President Y", read with the
// participle "elected" as the conjunct and the name after it as its object
// or clause: an adjective that is a conjunct, with a name right after it
// hung on it, modifies that name, and the name is the conjunct.
bool Tree::repair_adjective_conjuncts() {
  bool changed = false;
  for (int x = 1; x + 1 < size(); ++x) {
    // (not a predicate, "is due in X", nor a name a preposition opens)
    if (upos(x) != syntax::Upos::ADJ || rel_[x] != "conj" || child(x, "cop") >= 0 || child(x, "nsubj") >= 0) continue;
    int n = -1;
    for (const int* k = kids_begin(x); k != kids_end(x) && n < 0; ++k)
      if (*k > x && upos(*k) == syntax::Upos::PROPN && left_edge(*k) == x + 1 && child(*k, "case") < 0) n = *k;
    if (n < 0) continue;
    take_place(n, x);
    int cc = -1;
    for (int k = 0; k < size(); ++k)
      if (head_[k] == x && base_[k] == "cc") head_[k] = n, cc = k;
    attach(x, n, "amod");
    // (the name joins the "between" phrase its "and" follows)
    for (int a = 0; cc > 0 && a < cc; ++a)
      if (is_nominal(a) && marker(a) == "between" && right_edge(a) + 1 == cc && child(a, "conj") < 0) {
        attach(n, a, "conj");
        break;
      }
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
