// Tree repairs of clauses: relative, temporal, coordinated and reported clauses the
// parser hung in the wrong place (see tree.hpp).
#include <algorithm>
#include <string_view>

#include "ingest/code/tree.hpp"
#include "ingest/syntax/tag_repairs.hpp"

namespace dipgraph::ingest {

// A relative clause has one subject: "which" read as the subject of a
// clause that names its own subject after it ("a policy which, say
// officials, X and Y have criticized") is the clause's object, also where
// the parser hung the clause on a verb.
bool Tree::repair_relative_objects() {
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    if (!(rel_[c] == "acl:relcl" || base_[c] == "advcl" || base_[c] == "ccomp" ||
          base_[c] == "parataxis") ||
        !is_verb(c) || passive(c) || child(c, "obj") >= 0)
      continue;
    int rp = -1, other = -1;
    for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k) {
      if (rel_[*k] != "nsubj") continue;
      if (rp < 0 && (xpos(*k) == "WDT" || xpos(*k) == "WP") && lemma(*k) != "who")
        rp = *k;
      else if (rp >= 0 && is_nominal(*k))
        other = *k;
    }
    if (rp < 0 || other < 0) continue;
    rel_[rp] = base_[rp] = "obj";
    changed = true;
  }
  // "criticized the rules that X introduced", read as "criticized the
  // rules" + a that-clause: a "that" the clause takes as its object is a
  // relative pronoun, and the clause the relative clause of the noun
  // right before it.
  for (int c = 0; c < n; ++c) {
    int v = head_[c];
    if (rel_[c] != "ccomp" || v < 0 || v > c || !is_verb(c)) continue;
    int that = -1, objects = 0;
    for (const int* k = kids_begin(c); k != kids_end(c); ++k) {
      if (rel_[*k] != "obj") continue;
      ++objects;
      if (*k < c && lemma(*k) == "that" && upos(*k) == syntax::Upos::PRON) that = *k;
    }
    int o = child(v, "obj");
    if (that < 0 || objects != 1 || o < 0 || o > that || that != o + 1 || !is_nominal(o)) continue;
    head_[c] = o;
    rel_[c] = "acl:relcl";
    base_[c] = "acl";
    changed = true;
  }
  // "wrote to the embassy asking for X": a participle of asking or
  // saying after the addressee of a verb is what the verb's subject does
  // in writing or speaking, not what the addressee does.
  static constexpr std::string_view kSpeaking[] = {
      "ask",     "urge",    "request", "demand", "call",    "seek",     "plead",
      "invite",  "propose", "offer",   "warn",   "protest", "complain", "accuse",
      "express", "say",     "inform",  "appeal", "press",   "insist"};
  for (int x = 0; x < n; ++x) {
    const int h = head_[x];
    if (rel_[x] != "acl" || xpos(x) != "VBG" || h < 0 || h > x || base_[h] != "obl" ||
        marker(h) != "to" || head_[h] < 0 || !is_verb(head_[h]) ||
        std::find(std::begin(kSpeaking), std::end(kSpeaking), lemma(x)) == std::end(kSpeaking))
      continue;
    head_[x] = head_[h];
    rel_[x] = base_[x] = "advcl";
    changed = true;
  }
  // "delay the aid meant for X", read with "meant" as the verb's
  // complement: a past participle right after the object of a verb that
  // takes no such complement ("have it fixed", "found it wasted") is the
  // object's reduced relative clause.
  static constexpr std::string_view kObjectComplement[] = {
      "have", "get",  "see",  "find", "consider", "want",    "need",  "leave", "keep",
      "make", "hear", "deem", "like", "prefer",   "declare", "think", "call",  "report"};
  for (int c = 0; c < n; ++c) {
    const int v = head_[c];
    if (rel_[c] != "xcomp" || xpos(c) != "VBN" || v < 0 || v > c || !is_verb(v) ||
        child(c, "aux") >= 0 || child(c, "aux:pass") >= 0 ||
        std::find(std::begin(kObjectComplement), std::end(kObjectComplement), lemma(v)) !=
            std::end(kObjectComplement))
      continue;
    const int o = child(v, "obj");
    if (o < 0 || upos(o) != syntax::Upos::NOUN || right_edge(o) + 1 != left_edge(c)) continue;
    head_[c] = o;
    rel_[c] = base_[c] = "acl";
    changed = true;
  }
  // "praised the deal Kenya signed", read as "praised the deal" + a
  // clause: a clause with no subordinator and no object of its own, right
  // after the verb's object, is a relative clause of that object (its
  // object is the gap). A verb that tells someone something takes an
  // object and a clause ("told reporters Kenya would ...").
  for (int c = 0; c < n; ++c) {
    const int v = head_[c];
    if (rel_[c] != "ccomp" || v < 0 || v > c || !is_verb(c) || !is_verb(v) ||
        syntax::tag_repairs::tells_someone(lemma(v)))
      continue;
    const int o = child(v, "obj"), s = child(c, "nsubj");
    if (o < 0 || upos(o) != syntax::Upos::NOUN || s < 0 || s > c ||
        right_edge(o) + 1 != left_edge(c))
      continue;
    if (child(c, "mark") >= 0 || child(c, "obj") >= 0 || child(c, "ccomp") >= 0 ||
        child(c, "xcomp") >= 0 || child(c, "cop") >= 0 || passive(c))
      continue;
    head_[c] = o;
    rel_[c] = "acl:relcl";
    base_[c] = "acl";
    changed = true;
  }
  return changed;
}

// A semicolon ends a clause: what comes after it is no complement of a
// verb before it ("he called for X; Y sat on its council" is no "called
// X on its council").
bool Tree::repair_semicolons() {
  const int n = size();
  bool changed = false;
  for (int x = 0; x < n; ++x) {
    int v = head_[x];
    if (base_[x] != "xcomp" || v < 0 || v > x) continue;
    for (int k = v + 1; k < x; ++k)
      if (lemma(k) == ";") {
        rel_[x] = base_[x] = "parataxis";
        changed = true;
        break;
      }
  }
  // "detained X; the activists, who ..., agreed to leave", read with "the
  // activists" as an object of "detained" (or an apposition of X): a noun
  // after the semicolon hung on a word before it is the subject of the
  // verb after it that has none.
  for (int x = 0; x < n; ++x) {
    const int v = head_[x];
    if (v < 0 || v > x || !is_nominal(x) || case_prep(x) ||
        !(base_[x] == "obj" || base_[x] == "iobj" || base_[x] == "obl" || base_[x] == "appos" ||
          base_[x] == "nmod"))
      continue;
    int semicolon = -1;
    for (int k = v + 1; k < x && semicolon < 0; ++k)
      if (lemma(k) == ";") semicolon = k;
    if (semicolon < 0) continue;
    // (the first verb after it with no subject, hung on a word before the
    // semicolon)
    int w = -1;
    for (int k = x + 1; k < n && w < 0; ++k)
      if (is_verb(k) && head_[k] >= 0 && head_[k] < semicolon &&
          (base_[k] == "conj" || base_[k] == "parataxis") && child(k, "nsubj") < 0 &&
          child(k, "nsubj:pass") < 0 && child(k, "cc") < 0)
        w = k;
    if (w < 0) continue;
    head_[x] = w;
    rel_[x] = base_[x] = "nsubj";
    rel_[w] = base_[w] = "parataxis";
    changed = true;
  }
  return changed;
}

// '"X is a terrorist state," the minister told parliament': a reporting
// verb after a closing quote that the parser hung on the quote's root
// (as an apposition or a coordinated clause) is the sentence's root, and
// the quote its complement, as with "said".
bool Tree::repair_quote_attributions() {
  const int n = size();
  for (int v = 0; v < n; ++v) {
    // ('"...," the minister told reporters', read with "told" as an
    // adjective of "reporters" and "reporters" joined to the quote's root:
    // the noun is the verb's object)
    int object = -1;
    if (base_[v] == "amod" && head_[v] > v && is_nominal(head_[v]) && head_[head_[v]] >= 0 &&
        head_[head_[v]] < v && head_[head_[head_[v]]] < 0)
      object = head_[v];
    const int r = object >= 0 ? head_[object] : head_[v];
    // (or as a clausal subject of the quote's root)
    if (r < 0 || r > v || head_[r] >= 0 || !is_verb(v) || child(v, "nsubj") < 0 ||
        !(base_[v] == "appos" || base_[v] == "parataxis" || base_[v] == "conj" || base_[v] == "acl" ||
          base_[v] == "csubj" || object >= 0) ||
        !reports_clause(lemma(v)))
      continue;
    bool quote = false;  // a closing quote mark between the quote's root and the verb
    for (int k = r + 1; k < v && !quote; ++k)
      quote = lemma(k) == "\"" || lemma(k) == "''" || lemma(k) == "\u201d";
    if (!quote) continue;
    head_[v] = -1;
    rel_[v] = base_[v] = "root";
    head_[r] = v;
    rel_[r] = base_[r] = "ccomp";
    if (object >= 0) attach(object, v, "obj");
    return true;
  }
  // '"...," the foreign secretary told reporters', read with "told" a
  // clause of "secretary" and the noun hung inside the quote: the noun
  // right after the closing quote is the verb's subject, the verb the
  // sentence's root and the quote what it says.
  for (int v = 1; v < n; ++v) {
    const int s = head_[v];
    if (base_[v] != "acl" || !is_verb(v) || s < 0 || s > v || !is_nominal(s) || child(v, "nsubj") >= 0 ||
        !reports_clause(lemma(v)))
      continue;
    int r = 0;
    while (r < n && head_[r] >= 0) ++r;
    const int first = left_edge(s);
    if (r >= first || first == 0) continue;
    const std::string_view before = lemma(first - 1);
    if (before != "\"" && before != "''" && before != "\u201d") continue;
    head_[v] = -1;
    rel_[v] = base_[v] = "root";
    attach(s, v, "nsubj");
    head_[r] = v;
    rel_[r] = base_[r] = "ccomp";
    return true;
  }
  return false;
}

// "kept X from crossing the border, saying they lacked visas", read with
// the participle after the comma a clause of "crossing": a participle set
// off by a comma after a gerund the main verb governs ("from entering",
// "by closing") tells of the main act, done by the main verb's subject.
bool Tree::repair_comma_participles() {
  const int n = size();
  bool changed = false;
  for (int v = 1; v < n; ++v) {
    const int h = head_[v];
    if (!is_verb(v) || xpos(v) != "VBG" || base_[v] != "advcl" || lemma(v - 1) != "," || h < 0 || h > v) continue;
    if (!is_verb(h) || xpos(h) != "VBG" || base_[h] != "advcl" || head_[h] < 0 || !is_verb(head_[h])) continue;
    const int m = child(h, "mark");
    if (m < 0 || !(lemma(m) == "from" || lemma(m) == "by" || lemma(m) == "for" || lemma(m) == "of")) continue;
    head_[v] = head_[h];
    changed = true;
  }
  return changed;
}

// "a day after India struck X", read as "after India" + a verb with no
// subject: a name or noun right after "after", "before", "since" or
// "until", followed by a finite verb with no subject that hangs where
// the noun hangs, is that verb's subject, and the word its subordinator.
bool Tree::repair_temporal_clauses() {
  const int n = size();
  bool changed = false;
  for (int v = 2; v < n; ++v) {
    // (the subject's phrase may have words before its noun: "after the
    // Argentine president called X")
    const int s = v - 1, c = s >= 0 ? child(s, "case") : -1;
    if (c < 0) continue;
    // (a past tagged as a participle too: "after India struck" has no
    // auxiliary to make it one)
    if (!is_verb(v) || !(finite_tag(v) || xpos(v) == "VBN") || child(v, "nsubj") >= 0 ||
        child(v, "nsubj:pass") >= 0 || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0)
      continue;
    if (!(upos(s) == syntax::Upos::PROPN || upos(s) == syntax::Upos::NOUN) || head_[c] != s ||
        base_[c] != "case" ||
        !(lemma(c) == "after" || lemma(c) == "before" || lemma(c) == "since" ||
          lemma(c) == "until"))
      continue;
    // (or on the noun before it: the time noun that measures the clause,
    // which the parser hung on the verb, "a day after India struck", with
    // "India" on "day"; or a noun of the verb's head, "placed under
    // sanctions after the body condemned", with "body" on "sanctions")
    const int h = head_[s];
    const bool measured =
        h >= 0 && h < s && is_nominal(h) && (head_[h] == v || head_[h] == head_[v]);
    if (!(head_[s] == head_[v] || measured) || head_[v] < 0) continue;
    head_[s] = v;
    rel_[s] = base_[s] = "nsubj";
    head_[c] = v;
    rel_[c] = base_[c] = "mark";
    rel_[v] = base_[v] = "advcl";
    changed = true;
  }
  // "after one of its ministers was turned back", read with the phrase
  // before the auxiliary as the verb's "after" oblique: the phrase that
  // ends right before the auxiliaries of a verb with none of its own is
  // its subject (passive with a passive auxiliary), the word its
  // subordinator.
  for (int v = 2; v < n; ++v) {
    if (!is_verb(v) || child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "csubj") >= 0) continue;
    int first_aux = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if ((base_[*k] == "aux") && *k < v && (first_aux < 0 || *k < first_aux)) first_aux = *k;
    if (first_aux < 1) continue;
    // (the phrase hung on the verb, or on the verb's own head with the
    // verb made its conjunct: "sent a note after one | was stopped")
    for (int x = first_aux - 1; x >= 0; --x) {
      const int c = child(x, "case");
      if (base_[x] != "obl" || (head_[x] != v && head_[x] != head_[v]) || c < 0 || c > x ||
          right_edge(x) + 1 != first_aux)
        continue;
      if (!(lemma(c) == "after" || lemma(c) == "before" || lemma(c) == "since" || lemma(c) == "until")) break;
      if (!is_nominal(x) && upos(x) != syntax::Upos::NUM && upos(x) != syntax::Upos::PRON) break;
      if (head_[x] != v) {
        if (rel_[v] != "conj") break;
        rel_[v] = base_[v] = "advcl";
      }
      attach(x, v, child(v, "aux:pass") >= 0 ? "nsubj:pass" : "nsubj");
      attach(c, v, "mark");
      changed = true;
      break;
    }
  }
  return changed;
}

// An adjective takes neither a subordinator nor a subject: a verb with
// "that" and a subject of its own that the parser hung as a modifier of
// the noun after it ("alleged that the company had bribed officials",
// read with "bribed" on "officials" and "officials" the object of
// "alleged") is the complement clause of the verb above, and the noun is
// its object.
bool Tree::repair_modifier_clauses() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    const int h = head_[v];
    if (h <= v || base_[v] != "amod" || !is_verb(v) || child(v, "nsubj") < 0) continue;
    const int m = child(v, "mark");
    if (m < 0 || lemma(m) != "that" || base_[h] != "obj" || head_[h] < 0 || !is_verb(head_[h]))
      continue;
    attach(v, head_[h], "ccomp");
    head_[h] = v;
    changed = true;
  }
  return changed;
}

// Two slips on a past form read as a participle modifying the noun after
// it (the tagger's VBN for a VBD). After "and", with no determiner before
// it and a finite verb with a subject earlier in the sentence ("accused
// Tokyo of ... and threatened retaliation"), it is that verb's conjunct
// and the noun its object. Between a noun read as a compound and the
// noun heading a clause that has no verb ("said the new law violated
// Australian interests", read as "law violated interests" with one head),
// it is the clause's verb: the noun before it its subject, the noun after
// it its object.
bool Tree::repair_verb_modifiers() {
  const int n = size();
  bool changed = false;
  for (int v = 1; v < n; ++v) {
    const int h = head_[v];
    if (h <= v || base_[v] != "amod" || !is_verb(v) || !(xpos(v) == "VBN" || xpos(v) == "VBD"))
      continue;
    bool det_before = false;
    for (const int* k = kids_begin(h); k != kids_end(h) && *k < v; ++k)
      det_before |= base_[*k] == "det";
    const int cc = child(v, "cc");
    if (cc == v - 1 && !det_before && (lemma(cc) == "and" || lemma(cc) == "but")) {
      int p = -1;  // the verb before with a subject of its own (a past form, whatever its tag)
      for (int x = cc - 1; x >= 0 && p < 0; --x)
        if (is_verb(x) && (finite_tag(x) || xpos(x) == "VBN") && child(x, "nsubj") >= 0) p = x;
      if (p < 0) continue;
      attach(v, p, "conj");
      attach(h, v, "obj");
      changed = true;
      continue;
    }
    // "summoned X after Russian jets violated its airspace", read as "after
    // Russian jets" + "violated airspace": the noun phrase after a
    // subordinator is the clause's subject, the subordinator its mark.
    if (int x = v - 1; x >= 0) {
      while (x >= 0 && head_[x] > x && head_[x] < v) x = head_[x];  // the phrase's head
      const int sub = x >= 0 ? child(x, "case") : -1;
      int g = x >= 0 ? head_[x] : -1;
      while (g >= 0 && !is_verb(g)) g = head_[g];
      if (x >= 0 && right_edge(x) == v - 1 && is_nominal(x) && sub >= 0 &&
          (lemma(sub) == "after" || lemma(sub) == "before" || lemma(sub) == "since" ||
           lemma(sub) == "until") &&
          g >= 0 && g < x && is_nominal(h)) {
        attach(v, g, "advcl");
        attach(x, v, "nsubj");
        attach(sub, v, "mark");
        attach(h, v, "obj");
        changed = true;
        continue;
      }
    }
    const bool clause_head = base_[h] == "ccomp" || base_[h] == "root" || base_[h] == "parataxis";
    if (!clause_head || child(h, "cop") >= 0 || child(h, "nsubj") >= 0) continue;
    int subj = -1;  // the compound right before the verb
    for (const int* k = kids_begin(h); k != kids_end(h) && *k < v; ++k)
      if (base_[*k] == "compound" && right_edge(*k) == v - 1) subj = *k;
    if (subj < 0) continue;
    take_place(v, h);
    attach(subj, v, "nsubj");
    attach(h, v, "obj");
    changed = true;
  }
  return changed;
}

// "If X does ..., I will destroy ...": a conditional clause ends where
// the clause it conditions begins. A clause with a subject of its own and
// "will", "would" or "shall", after a comma, that the parser hung inside
// an "if" or "unless" clause (as a conjunct or parataxis of one of its
// words) is the main clause: it takes the conditional clause's place, and
// the conditional clause becomes its adverbial clause.
bool Tree::repair_conditional_mains() {
  const int n = size();
  bool changed = false;
  for (int v = 0; v < n; ++v) {
    const int m = child(v, "mark");
    if (m < 0 || !(lemma(m) == "if" || lemma(m) == "unless") || base_[v] == "ccomp") continue;
    for (int u = v + 1; u < n; ++u) {
      if (!is_verb(u) || child(u, "nsubj") < 0) continue;
      bool modal = false;
      for (const int* k = kids_begin(u); k != kids_end(u); ++k)
        modal |= base_[*k] == "aux" &&
                 (lemma(*k) == "will" || lemma(*k) == "would" || lemma(*k) == "shall");
      // (the comma may be the clause's own first word)
      const int le = left_edge(u);
      const bool comma = lemma(le) == "," || (le - 1 > v && lemma(le - 1) == ",");
      if (!modal || le <= v || !comma) continue;
      // inside v's clause only by coordination or parataxis
      int x = u;
      while (x >= 0 && x != v && (base_[x] == "conj" || base_[x] == "parataxis")) x = head_[x];
      if (x != v) continue;
      take_place(u, v);
      attach(v, u, "advcl");
      changed = true;
      break;
    }
  }
  return changed;
}

// A clause opened by "who" or "which" right after a noun and its comma,
// hung by the parser on the verb that noun depends on ("met the AU
// chairman, who thanked him", read as "met ..., and who thanked him"), is
// the noun's relative clause.
bool Tree::repair_verb_relatives() {
  const int n = size();
  bool changed = false;
  for (int c = 2; c < n; ++c) {
    const int v = head_[c];
    if (v < 0 || v > c || !is_verb(v) || !is_verb(c) ||
        !(base_[c] == "parataxis" || base_[c] == "conj" || base_[c] == "advcl"))
      continue;
    int w = left_edge(c);
    if (w < c && lemma(w) == ",") ++w;
    if (w < 2 || base_[w] != "nsubj" || head_[w] != c || !(xpos(w) == "WP" || xpos(w) == "WDT"))
      continue;
    // (the comma before it may hang on the clause or on the noun)
    const int comma = w - 1;
    if (lemma(comma) != ",") continue;
    int noun = comma - 1;
    while (noun >= 0 && head_[noun] > noun && head_[noun] < comma) noun = head_[noun];
    if (noun < 0 || !is_nominal(noun) || head_[noun] != v || right_edge(noun) != comma - 1) continue;
    attach(c, noun, "acl:relcl");
    if (head_[comma] == v) head_[comma] = c;
    changed = true;
  }
  return changed;
}

// Two slips of the parser on a subject with a relative clause ("X, who
// is in Y for talks, praised Z"): a clause whose subject is a relative
// pronoun ("who", "which") under a noun is its relative clause, not a
// coordination or a modifier;
// and a noun read as the sentence's root with a verb after it that has
// an object but no subject (a participle modifying a noun takes no
// object: "X, backed by Y") is that verb's subject, the verb the root.
bool Tree::repair_clauses() {
  const int n = size();
  bool changed = false;
  // ", condemned X's attack", read with "condemned" as an adjective of
  // "attack": a possessor opens its noun's phrase, so a participle before
  // it is no modifier of that noun (nor its preposition) but a verb with
  // the noun as object.
  // (After a comma: the verb that follows a clause set off by commas.)
  for (int v = 1; v < n; ++v) {
    const int x = head_[v];
    if (!(rel_[v] == "amod" || rel_[v] == "case") || !is_verb(v) ||
        !(xpos(v) == "VBN" || xpos(v) == "VBD") || x < v || a_->lemma[v - 1] != "," ||
        head_[x] < 0 || !is_verb(head_[x]))
      continue;
    bool possessed = false;
    for (const int* k = kids_begin(x); k != kids_end(x) && *k < x; ++k)
      possessed |= *k > v && rel_[*k] == "nmod:poss";
    if (!possessed) continue;
    head_[v] = head_[x];
    rel_[v] = base_[v] = "conj";
    head_[x] = v;
    rel_[x] = base_[x] = "obj";
    head_[v - 1] = v;
    changed = true;
  }
  // "which, according to AFP, X and Y have criticised", read with "AFP"
  // as the subject and X as its apposition: a noun with a preposition is
  // no subject; the apposition after its comma is.
  for (int x = 0; x < n; ++x) {
    const int v = head_[x], cw = child(x, "case");
    // (a subordinator read as a preposition, "after 30 aircraft entered",
    // is repair_temporal_clauses's)
    if (rel_[x] != "nsubj" || v < 0 || x > v || cw < 0 || cw > x ||
        upos(cw) == syntax::Upos::PART || upos(cw) == syntax::Upos::SCONJ || lemma(cw) == "after" ||
        lemma(cw) == "before" || lemma(cw) == "since" || lemma(cw) == "until")
      continue;
    rel_[x] = base_[x] = "obl";
    for (const int* k = kids_begin(x); k != kids_end(x); ++k)
      if (*k > x && rel_[*k] == "appos" && is_nominal(*k) && a_->lemma[*k - 1] != "(") {
        head_[*k] = v;
        rel_[*k] = base_[*k] = "nsubj";
        break;
      }
    changed = true;
  }
  if (changed) index_kids();
  for (int c = 0; c < n; ++c) {
    if (base_[c] == "acl" || head_[c] < 0 || head_[c] > c || !is_nominal(head_[c])) continue;
    // (also a clause opened by "where" or "when" after a noun: "the first
    // stop is X, where he will ...")
    for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k)
      if ((base_[*k] == "nsubj" && (xpos(*k) == "WP" || xpos(*k) == "WDT")) ||
          (base_[*k] == "obj" && xpos(*k) == "WDT" && *k == left_edge(c)) ||
          (base_[*k] == "advmod" && xpos(*k) == "WRB" &&
           (lemma(*k) == "where" || lemma(*k) == "when") &&
           (*k == left_edge(c) ||
            (*k - 1 == left_edge(c) && upos(*k - 1) == syntax::Upos::PUNCT)))) {
        rel_[c] = "acl:relcl";
        base_[c] = "acl";
      }
  }
  // "have accused X of breaking the pact and have threatened Y": a verb
  // conjunct with an auxiliary of its own is no conjunct of a gerund, nor
  // of a "to" infinitive ("will urge X to support Y and will consult Z");
  // it joins the nearest verb above of its own form (with an auxiliary too,
  // above an infinitive).
  for (int c = 0; c < n; ++c) {
    const int h = head_[c];
    if (base_[c] != "conj" || h < 0 || !is_verb(c) || !is_verb(h) || xpos(c) == "VBG") continue;
    const int hm = child(h, "mark");
    const bool infinitive = xpos(h) == "VB" && hm >= 0 && lemma(hm) == "to";
    if (xpos(h) != "VBG" && !infinitive) continue;
    bool aux = false;
    for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k) aux |= base_[*k] == "aux";
    if (!aux) continue;
    auto fits = [&](int a) {
      return is_verb(a) && xpos(a) == xpos(c) && (!infinitive || child(a, "aux") >= 0);
    };
    int a = head_[h];
    for (int step = 0; step < 4 && a >= 0 && !fits(a); ++step) a = head_[a];
    if (a < 0 || !fits(a)) continue;
    head_[c] = a;
    changed = true;
  }
  // A verb has one subject: a second name right after a noun of the
  // first subject's phrase is that noun's apposition ("Peru and its ally
  // Bolivia sent ...", read with "Bolivia" as a second subject).
  for (int v = 0; v < n; ++v) {
    int first = -1;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k) {
      if (rel_[*k] != "nsubj") continue;
      if (first < 0) {
        first = *k;
        continue;
      }
      int s2 = *k, prev = s2 - 1;
      // "when Beninese border guards seized X", read with "border"
      // and "officers" as two subjects: two common nouns side by side are
      // a compound, the second its head (also with the second's modifiers
      // between: "Its deputy | defence minister arrived").
      if (right_edge(first) + 1 == left_edge(s2) && upos(first) == syntax::Upos::NOUN &&
          upos(s2) == syntax::Upos::NOUN) {
        for (int x = 0; x < first; ++x)
          if (head_[x] == first) head_[x] = s2;
        head_[first] = s2;
        rel_[first] = base_[first] = "compound";
        changed = true;
        break;
      }
      // (the first subject's own noun too: "the West African bloc ECOWAS")
      if (upos(s2) != syntax::Upos::PROPN || prev < first || upos(prev) != syntax::Upos::NOUN)
        break;
      int y = prev;
      while (y >= 0 && y != first) y = head_[y];
      if (y != first) break;
      head_[s2] = prev;
      rel_[s2] = base_[s2] = "appos";
      changed = true;
      break;
    }
  }
  // A that-clause hung as a relative clause on an oblique ("said on
  // Monday that X had ..."): a relative clause takes no "that" of a
  // subordinator; it is the verb's complement.
  for (int c = 0; c < n; ++c) {
    int h = head_[c];
    if (rel_[c] != "acl:relcl" || h < 0 || base_[h] != "obl" || head_[h] < 0 || !is_verb(head_[h]))
      continue;
    // "that" as a subordinator, or read as the clause's object while it
    // has another ("that Peru would host talks").
    int m = -1, objects = 0;
    for (const int* k = kids_begin(c); k != kids_end(c); ++k) {
      if (a_->lemma[*k] == "that" && *k < c && (base_[*k] == "mark" || rel_[*k] == "obj")) m = *k;
      objects += rel_[*k] == "obj";
    }
    if (m < 0 || (base_[m] != "mark" && objects < 2) || child(head_[h], "ccomp") >= 0) continue;
    head_[c] = head_[h];
    rel_[c] = base_[c] = "ccomp";
    rel_[m] = base_[m] = "mark";
    changed = true;
  }
  // An attribution after a quote with its subject after the verb
  // ('"...," explained Lee.'), read with "Lee" as an object (and an
  // apposition of his as an oblique), or as a clause of the quote: the
  // verb is the root, "Lee" its subject, the quote what it says.
  for (int v = 2; v < n; ++v) {
    int h = head_[v];
    if (!is_verb(v) || (h >= 0 && (h > v || head_[h] >= 0)) || child(v, "nsubj") >= 0) continue;
    int q = a_->lemma[v - 1] == "," ? v - 2 : v - 1;
    if (a_->lemma[q] != "\"" && !(a_->lemma[v - 1] == "\"" && a_->lemma[v - 2] == ",")) continue;
    int o = child(v, "obj");
    if (o < 0 || o < v || !is_nominal(o)) continue;
    // After the name only punctuation, its own words, or a bare noun
    // phrase hung on the verb (its apposition).
    bool last = true;
    for (int x = o + 1; x < n && last; ++x) {
      int y = x;
      while (y >= 0 && y != o && !(head_[y] == v && is_nominal(y) && !case_prep(y))) y = head_[y];
      last = upos(x) == syntax::Upos::PUNCT || y >= 0;
    }
    if (!last) continue;
    for (int x = o + 1; x < n; ++x)
      if (head_[x] == v && is_nominal(x)) head_[x] = o, rel_[x] = base_[x] = "appos";
    if (h >= 0) {
      head_[v] = -1;
      rel_[v] = base_[v] = "root";
      head_[h] = v;
      rel_[h] = base_[h] = "ccomp";
    }
    rel_[o] = base_[o] = "nsubj";
    changed = true;
    break;
  }
  for (int r = 0; r < n; ++r) {
    if (head_[r] >= 0 || !is_nominal(r)) continue;
    int v = -1;
    for (const int* k = kids_begin(r); k != kids_end(r) && v < 0; ++k)
      if (*k > r && rel_[*k] == "acl" && is_verb(*k) && child(*k, "nsubj") < 0 &&
          (child(*k, "obj") >= 0 || verbless_sentence(r, *k)))
        v = *k;
    // "The minister, who is on a tour of X, met Y": a finite verb after
    // the relative clause's closing comma, read as part of that clause,
    // with no subject of its own, is the sentence's.
    for (const int* k = kids_begin(r); k != kids_end(r) && v < 0; ++k)
      if (*k > r && rel_[*k] == "acl:relcl")
        for (const int* q = kids_begin(*k); q != kids_end(*k) && v < 0; ++q)
          if (*q > *k && (base_[*q] == "parataxis" || base_[*q] == "conj") && is_verb(*q) &&
              child(*q, "nsubj") < 0 && child(*q, "cc") < 0 && a_->lemma[*q - 1] == "," &&
              (finite_tag(*q) ||
               (xpos(*q) == "VBN" && child(*q, "aux") < 0 && child(*q, "obj") >= 0)))
            v = *q;
    // "Hundreds of students protested": on the people the number counts.
    if (v < 0 && (upos(r) == syntax::Upos::NUM || a_->lemma[r] == "hundred" ||
                  a_->lemma[r] == "thousand" || a_->lemma[r] == "dozen"))
      for (const int* k = kids_begin(r); k != kids_end(r) && v < 0; ++k)
        if (base_[*k] == "nmod" && marker(*k) == "of")
          for (const int* q = kids_begin(*k); q != kids_end(*k) && v < 0; ++q)
            if (*q > *k && rel_[*q] == "acl" && is_verb(*q) && child(*q, "nsubj") < 0 &&
                child(*q, "obj") < 0 && verbless_sentence(r, *q))
              v = *q;
    // "Beninese border guards seized X.", read as "border" with a
    // relative clause "officers impounded X": a common noun right after
    // the root noun, subject of the only finite verb of a sentence that
    // ends in a full stop, is the head of a compound and that verb's
    // subject (the root noun its modifier).
    for (const int* k = kids_begin(r); k != kids_end(r) && v < 0; ++k) {
      const int s = r + 1;
      if (*k <= s || rel_[*k] != "acl:relcl" || !finite_tag(*k) || child(*k, "nsubj") != s ||
          upos(r) != syntax::Upos::NOUN || upos(s) != syntax::Upos::NOUN || a_->lemma[n - 1] != "." ||
          child(*k, "aux") >= 0 || child(*k, "mark") >= 0)
        continue;
      bool other_verb = false;
      for (int x = 0; x < n; ++x) other_verb |= x != *k && finite_tag(x) && is_verb(x);
      if (other_verb) continue;
      const int verb = *k;
      head_[verb] = -1;
      rel_[verb] = base_[verb] = "root";
      head_[s] = verb;
      rel_[s] = base_[s] = "nsubj";
      head_[r] = s;
      rel_[r] = base_[r] = "compound";
      // the words before the root noun and the full stop move up with it
      for (int x = 0; x < n; ++x) {
        if (head_[x] == r && x < r) head_[x] = s;
        if (head_[x] == r && upos(x) == syntax::Upos::PUNCT) head_[x] = verb;
      }
      changed = true;
      return changed;
    }
    if (v >= 0) {
      head_[v] = -1;
      rel_[v] = base_[v] = "root";
      head_[r] = v;
      rel_[r] = base_[r] = "nsubj";
      // the full stop and what followed the verb hang on it now
      for (int x = v + 1; x < n; ++x)
        if (head_[x] == r && upos(x) == syntax::Upos::PUNCT) head_[x] = v;
      changed = true;
    }
    break;  // one root
  }
  return changed;
}

// "Mexican students protested in X.", "Hundreds of students marched ...":
// a sentence that ends in a full stop needs a finite verb; a bare past
// form read as a participle on its subject noun (or on the people a
// number counts), with no auxiliary, no "by" agent and no other verb in
// the sentence, is that verb.
bool Tree::verbless_sentence(int r, int v) const {
  const int n = size();
  if (n < 3 || a_->lemma[n - 1] != "." || !(xpos(v) == "VBD" || xpos(v) == "VBN")) return false;
  if (child(r, "cop") >= 0 || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0 ||
      child(v, "cop") >= 0)
    return false;
  for (const int* k = kids_begin(v); k != kids_end(v); ++k)
    if (base_[*k] == "obl" && marker(*k) == "by") return false;
  for (int x = 0; x < n; ++x) {
    if (x == v || !(is_verb(x) || upos(x) == syntax::Upos::AUX)) continue;
    int y = x;
    while (y >= 0 && y != v) y = head_[y];
    if (y != v) return false;  // another clause of its own
  }
  return true;
}

}  // namespace dipgraph::ingest
