// Tree repairs of clauses said: what a verb of saying reports, where the
// parser hung it on the verb's object or on a place (see tree.hpp).
#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

bool Tree::reports_clause(std::string_view lemma, bool addressee) {
  // (sorted: verbs that say, claim, report or conclude a clause)
  static constexpr std::string_view kSaying[] = {
      "acknowledge", "add",     "allege",  "announce", "argue",   "assert", "believe", "claim",   "complain",
      "conclude",    "declare", "explain", "insist",   "note",    "remark", "reply",   "report",  "respond",
      "say",         "state",   "stress",  "write"};
  static constexpr std::string_view kAddressing[] = {"assure", "inform", "notify", "tell", "warn"};
  return std::binary_search(std::begin(kSaying), std::end(kSaying), lemma) ||
         (addressee && std::find(std::begin(kAddressing), std::end(kAddressing), lemma) != std::end(kAddressing));
}

// "said the airline supported X", read with "the airline" as the object of
// "said" and "supported" its reduced relative clause (or the object's
// complement, "claimed the government violated X"): a verb of saying
// takes what is said, and a reduced relative is passive, so a past verb
// (or a participle with an object of its own) after the noun heads the
// clause said, with the noun its subject.
bool Tree::repair_said_objects() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    // (or read as the object's complement: "claimed the government | violated X")
    const bool complement = base_[v] == "xcomp" && head_[v] >= 0 && xpos(v) == "VBD";
    const int o = complement ? child(head_[v], "obj") : head_[v];
    if (o < 0 || !(base_[v] == "acl" || complement) || !is_verb(v) || v < o || rel_[o] != "obj" || !is_nominal(o))
      continue;
    const int s = head_[o];
    if (s < 0 || !is_verb(s) || !reports_clause(lemma(s), false)) continue;
    if (child(v, "nsubj") >= 0 || child(v, "mark") >= 0 || child(v, "aux:pass") >= 0) continue;
    if (!(xpos(v) == "VBD" || (xpos(v) == "VBN" && child(v, "obj") >= 0))) continue;
    attach(v, s, "ccomp");
    attach(o, v, "nsubj");
    changed = true;
  }
  return changed;
}

// "told reporters in Nairobi that X had ...", read with the clause said
// hung on the place (a relative clause of "Nairobi", or "that" as its
// object): a "that" clause with a subject of its own, on a proper noun
// inside the phrase of a verb of saying, is what that verb says. (A
// proper noun takes no complement clause, and "that" in a relative clause
// is its subject or object, never beside a subject of the clause's own.)
bool Tree::repair_stray_said_clauses() {
  const int n = size();
  bool changed = false;
  for (int t = 0; t < n; ++t) {
    if (lemma(t) != "that" || upos(t) != syntax::Upos::SCONJ) continue;
    // the clause: the verb "that" marks, or the verb hung on a stray "that"
    int v = -1, noun = -1;
    if (base_[t] == "mark" && head_[t] > t && (base_[head_[t]] == "acl" || base_[head_[t]] == "acl:relcl")) {
      v = head_[t];
      noun = head_[v];
    } else if (base_[t] != "mark" && head_[t] >= 0 && head_[t] < t) {
      noun = head_[t];
      for (const int* d = kids_begin(t); d != kids_end(t) && v < 0; ++d)
        if (*d > t && (is_verb(*d) || child(*d, "cop") >= 0)) v = *d;
    }
    if (v < 0 || noun < 0 || noun > t || upos(noun) != syntax::Upos::PROPN) continue;
    if (child(v, "nsubj") < 0 && child(v, "nsubj:pass") < 0) continue;
    // the verb of saying the noun's phrase hangs on
    int s = head_[noun];
    for (int up = 0; up < 2 && s >= 0 && !is_verb(s); ++up) s = head_[s];
    if (s < 0 || !is_verb(s) || !reports_clause(lemma(s))) continue;
    if (child(s, "ccomp") >= 0) continue;
    attach(v, s, "ccomp");
    attach(t, v, "mark");
    changed = true;
  }
  return changed;
}

// "Kenyan jets bombed camps in X on Monday, killing ten, local officials
// said", read with "jets" a second subject of "said" and "bombed" its
// reduced relative clause: a clause has one subject, and a past with an
// object of its own after a noun is that noun's verb. The verb (with what
// the parser hung on "said" between it and the real subject) becomes what
// is said, the noun its subject.
bool Tree::repair_said_subjects() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v) || !reports_clause(lemma(v), false) || child(v, "ccomp") >= 0) continue;
    int first = -1, second = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (rel_[*k] == "nsubj") (first < 0 ? first : second) = *k;
    if (first < 0 || second < 0 || second > v || !is_nominal(first)) continue;
    int act = -1;
    for (const int* k = kids_begin(first); k != kids_end(first) && act < 0; ++k)
      if (rel_[*k] == "acl" && *k > first && *k < second && is_verb(*k) && xpos(*k) == "VBD" && child(*k, "obj") >= 0)
        act = *k;
    if (act < 0) continue;
    for (int k = act + 1; k < left_edge(second); ++k)
      if (head_[k] == v && (base_[k] == "advcl" || base_[k] == "obl" || base_[k] == "punct")) attach(k, act, rel_[k]);
    attach(act, v, "ccomp");
    attach(first, act, "nsubj");
    changed = true;
  }
  return changed;
}

// 'said Lima "respects every choice Quito makes" and praised Quito for
// ...', read with "praised" a conjunct of "makes" inside the quotation: a
// conjunct outside the quotation marks joins no verb inside them (the
// quoted words are another's); it joins the nearest verb above that stands
// outside, the verb the quotation hangs on.
bool Tree::repair_quote_conjuncts() {
  const int n = size();
  std::vector<int> quotes_before(n + 1, 0);
  for (int i = 0; i < n; ++i) quotes_before[i + 1] = quotes_before[i] + (a_->lemma[i] == "\"" ? 1 : 0);
  auto inside = [&](int i) { return quotes_before[i] % 2 == 1; };
  if (quotes_before[n] < 2) return false;
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    const int h = head_[c];
    if (h < 0 || h > c || base_[c] != "conj" || !is_verb(c) || inside(c) || !inside(h) ||
        quotes_before[c] == quotes_before[h + 1])
      continue;
    int a = head_[h];
    for (int step = 0; a >= 0 && inside(a) && step < 8; ++step) a = head_[a];
    if (a < 0 || a > c || inside(a) || !is_verb(a)) continue;
    head_[c] = a;
    changed = true;
  }
  return changed;
}

// "said two Chadian aircraft dropped bombs", read with "two" the object
// of "said" and the rest a relative clause on it: a number a verb of
// saying takes for its object, with a clause after it whose subject the
// number counts, is that subject's count, and the clause is what was said.
bool Tree::repair_said_numbers() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (h < 0 || h > x || rel_[x] != "obj" || upos(x) != syntax::Upos::NUM || !is_verb(h) ||
        !reports_clause(a_->lemma[h]))
      continue;
    int v = -1;
    for (const int* k = kids_begin(x); k != kids_end(x) && v < 0; ++k)
      if (rel_[*k] == "acl:relcl" && is_verb(*k)) v = *k;
    if (v < 0) continue;
    const int s = child(v, "nsubj");
    if (s < 0 || s < x || left_edge(s) != x + 1 || !is_nominal(s)) continue;
    attach(v, h, "ccomp");
    attach(x, s, "nummod");
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
