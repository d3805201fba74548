// Tree: reading one parsed sentence (syntax::Analysis) by its relations.
//
// Children lists, relation names with and without subtype ("nsubj:pass" is
// an "nsubj"), the preposition or particle a dependent carries ("with" of
// "with Japan"), voice, and the clause a word belongs to. Built once per
// parsed sentence over flat vectors; cheap to rebuild (reset() keeps
// capacity).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "ingest/syntax/analysis.hpp"

namespace dipgraph::ingest {

class Tree {
 public:
  void reset(const syntax::Analysis& a) {
    a_ = &a;
    const int n = static_cast<int>(a.size());
    head_.assign(a.head.begin(), a.head.end());
    rel_.resize(n);
    base_.resize(n);
    for (int i = 0; i < n; ++i) {
      rel_[i] = syntax::deprel_name(a.rel[i]);
      base_[i] = rel_[i].substr(0, rel_[i].find(':'));
    }
    index_kids();
    if (repair_double_objects()) index_kids();
    if (repair_clauses()) index_kids();
    if (repair_finite_conjuncts()) index_kids();
    if (repair_relative_objects()) index_kids();
    if (repair_semicolons()) index_kids();
    if (repair_dated_subjects()) index_kids();
    if (repair_object_complements()) index_kids();
    if (repair_aux_subjects()) index_kids();
    if (repair_infinitive_complements()) index_kids();
    if (repair_temporal_clauses()) index_kids();
    if (repair_quote_attributions()) index_kids();
    repair_outer_subjects();
    repair_subjects();
  }
  // "The charge is that he called for ...": the noun before the copula is
  // the subject of "is" (UD's nsubj:outer), not of the verb of the clause,
  // whose own subject comes after "that".
  void repair_outer_subjects() {
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
  // Only verbs of one form are coordinated: a finite verb with no subject
  // of its own hung as a conjunct on an infinitive ("urged X to wait and
  // flew home", read as "to wait and flew") goes with the finite verb
  // above that infinitive, whose subject it shares. (A conjunct with no
  // "and", "or" or "but" is the parser's slip of another kind.)
  bool repair_finite_conjuncts() {
    const int n = size();
    bool changed = false;
    auto finite = [&](int v) {
      return xpos(v) == "VBD" || xpos(v) == "VBZ" || xpos(v) == "VBP" || child(v, "aux") >= 0;
    };
    for (int c = 0; c < n; ++c) {
      int h = head_[c];
      if (h < 0 || h > c || base_[c] != "conj" || !is_verb(c) || !(xpos(c) == "VBD" || xpos(c) == "VBZ") ||
          child(c, "aux") >= 0 || child(c, "nsubj") >= 0 || child(c, "cc") < 0 || !is_verb(h) || xpos(h) != "VB" ||
          child(h, "aux") >= 0)
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
  // A relative clause has one subject: "which" read as the subject of a
  // clause that names its own subject after it ("a policy which, say
  // officials, X and Y have criticized") is the clause's object.
  bool repair_relative_objects() {
    const int n = size();
    bool changed = false;
    for (int c = 0; c < n; ++c) {
      if (rel_[c] != "acl:relcl" || !is_verb(c) || passive(c) || child(c, "obj") >= 0) continue;
      int rp = -1, other = -1;
      for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k) {
        if (rel_[*k] != "nsubj") continue;
        if (rp < 0 && (xpos(*k) == "WDT" || xpos(*k) == "WP") && lemma(*k) != "who") rp = *k;
        else if (rp >= 0 && is_nominal(*k)) other = *k;
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
    return changed;
  }
  // A semicolon ends a clause: what comes after it is no complement of a
  // verb before it ("he called for X; Y sat on its council" is no "called
  // X on its council").
  bool repair_semicolons() {
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
    return changed;
  }
  // An auxiliary takes no dependents of its own: a subject the parser
  // hung on "had" of "X had contributed" is the subject of its verb.
  bool repair_aux_subjects() {
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
    return changed;
  }
  // A day or month told without a comma before the subject ("On Sunday
  // President X signed ..."), read as one oblique phrase with the name: the
  // day is the oblique, the name after it the subject of a verb that has
  // none.
  bool repair_dated_subjects() {
    static constexpr std::string_view kCalendar[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    const int n = size();
    bool changed = false;
    for (int i = 2; i < n; ++i) {
      int h = head_[i];
      if (h <= i || base_[i] != "obl" || !is_verb(h) || upos(i) != syntax::Upos::PROPN) continue;
      int c = child(i, "case");
      int d = c + 1;
      if (c < 0 || d + 1 >= i || head_[d] != i || base_[d] != "compound") continue;
      const std::string& l = lemma(d);
      bool calendar = false;
      for (std::string_view k : kCalendar)
        calendar |= l.size() == k.size() && std::equal(l.begin(), l.end(), k.begin(), [](char a, char b) {
                      return (a | 0x20) == b;
                    });
      if (!calendar) continue;
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
  // A verb of naming takes its object and then what the object is called
  // ("called the minister, X, a liar"; "branded them an enemy"): the
  // indefinite noun phrase after the object, in the same clause, is the
  // object's complement (xcomp), however the parser hung it (an
  // apposition of the object's name, a bare oblique, or worse). A time or
  // amount ("called him a day later", "called her a number of times")
  // stays where it is.
  bool repair_object_complements() {
    static constexpr std::string_view kNaming[] = {"call", "brand", "label", "dub", "term"};
    static constexpr std::string_view kNot[] = {"day", "week", "month", "year", "time", "moment", "while",
                                                "morning", "afternoon", "evening", "night", "hour", "minute",
                                                "number", "lot", "couple", "few", "second", "third", "total"};
    const int n = size();
    bool changed = false;
    for (int v = 0; v < n; ++v) {
      if (!is_verb(v) || std::find(std::begin(kNaming), std::end(kNaming), lemma(v)) == std::end(kNaming)) continue;
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
      // "called the statement 'unacceptable'": an adjective after the
      // object (English puts its adjectives before the noun) is the
      // complement.
      int post = -1;
      for (const int* k = kids_begin(o); k != kids_end(o); ++k)
        if (*k > o && base_[*k] == "amod" && upos(*k) == syntax::Upos::ADJ && post < 0) post = *k;
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
      if (x >= n || !is_nominal(x) || case_prep(x) || std::find(std::begin(kNot), std::end(kNot), lemma(x)) != std::end(kNot)) continue;
      // Both in the verb's clause: no other verb above them below v.
      auto under_v = [&](int i) {
        while (i >= 0 && i != v && !(is_verb(i) && i != v)) i = head_[i];
        return i == v;
      };
      if (!under_v(d) || !under_v(x)) continue;
      // a bare name between object and complement is the object's apposition
      for (int z = o + 1; z < d; ++z)
        if (head_[z] == v && base_[z] == "obl" && is_nominal(z) && !case_prep(z)) head_[z] = o, rel_[z] = base_[z] = "appos";
      for (int z = 0; z < n; ++z)  // what hung on the article or the noun's old words hangs on the noun
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
  // '"X is a terrorist state," the minister told parliament': a reporting
  // verb after a closing quote that the parser hung on the quote's root
  // (as an apposition or a coordinated clause) is the sentence's root, and
  // the quote its complement, as with "said".
  bool repair_quote_attributions() {
    static constexpr std::string_view kReporting[] = {
        "say", "tell", "add", "insist", "declare", "state", "warn", "write", "announce", "stress",
        "note", "explain", "reply", "respond", "argue", "complain", "remark", "assert"};
    const int n = size();
    for (int v = 0; v < n; ++v) {
      const int r = head_[v];
      if (r < 0 || r > v || head_[r] >= 0 || !is_verb(v) || child(v, "nsubj") < 0 ||
          !(base_[v] == "appos" || base_[v] == "parataxis" || base_[v] == "conj" || base_[v] == "acl") ||
          std::find(std::begin(kReporting), std::end(kReporting), lemma(v)) == std::end(kReporting))
        continue;
      bool quote = false;  // a closing quote mark between the quote's root and the verb
      for (int k = r + 1; k < v && !quote; ++k) quote = lemma(k) == "\"" || lemma(k) == "''" || lemma(k) == "\u201d";
      if (!quote) continue;
      head_[v] = -1;
      rel_[v] = base_[v] = "root";
      head_[r] = v;
      rel_[r] = base_[r] = "ccomp";
      return true;
    }
    return false;
  }
  // "a day after India struck X", read as "after India" + a verb with no
  // subject: a name or noun right after "after", "before", "since" or
  // "until", followed by a finite verb with no subject that hangs where
  // the noun hangs, is that verb's subject, and the word its subordinator.
  bool repair_temporal_clauses() {
    const int n = size();
    bool changed = false;
    for (int v = 2; v < n; ++v) {
      // (the subject's phrase may have words before its noun: "after the
      // Argentine president called X")
      const int s = v - 1, c = s >= 0 ? child(s, "case") : -1;
      if (c < 0) continue;
      // (a past tagged as a participle too: "after India struck" has no
      // auxiliary to make it one)
      if (!is_verb(v) || !(xpos(v) == "VBD" || xpos(v) == "VBZ" || xpos(v) == "VBP" || xpos(v) == "VBN") ||
          child(v, "nsubj") >= 0 || child(v, "nsubj:pass") >= 0 || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0)
        continue;
      if (!(upos(s) == syntax::Upos::PROPN || upos(s) == syntax::Upos::NOUN) || head_[c] != s ||
          base_[c] != "case" || !(lemma(c) == "after" || lemma(c) == "before" || lemma(c) == "since" || lemma(c) == "until"))
        continue;
      if (head_[s] != head_[v] || head_[v] < 0) continue;
      head_[s] = v;
      rel_[s] = base_[s] = "nsubj";
      head_[c] = v;
      rel_[c] = base_[c] = "mark";
      rel_[v] = base_[v] = "advcl";
      changed = true;
    }
    return changed;
  }
  // A verb of intention or commitment takes its "to" infinitive as its
  // complement, not as a purpose ("agreed on Tuesday to build", read as
  // "in order to build").
  bool repair_infinitive_complements() {
    static constexpr std::string_view kTakesInfinitive[] = {
        "agree", "decide", "refuse", "promise", "pledge", "vow", "threaten", "offer", "plan", "intend",
        "vote", "resolve", "undertake", "seek", "aim", "hope", "want", "wish", "try", "attempt", "fail",
        "prepare", "expect", "choose", "volunteer"};
    const int n = size();
    bool changed = false;
    for (int c = 0; c < n; ++c) {
      const int v = head_[c];
      if (v < 0 || v > c || base_[c] != "advcl" || !is_verb(c) || xpos(c) != "VB" || !is_verb(v) ||
          child(v, "xcomp") >= 0)
        continue;
      const int m = child(c, "mark");
      if (m < 0 || lemma(m) != "to" || m != left_edge(c)) continue;
      if (std::find(std::begin(kTakesInfinitive), std::end(kTakesInfinitive), lemma(v)) ==
          std::end(kTakesInfinitive))
        continue;
      rel_[c] = base_[c] = "xcomp";
      changed = true;
    }
    return changed;
  }
  // The first word of i's phrase (its leftmost descendant, or i).
  int left_edge(int i) const {
    while (kids_begin(i) != kids_end(i) && *kids_begin(i) < i) i = *kids_begin(i);
    return i;
  }
  // Two slips of the parser on a subject with a relative clause ("X, who
  // is in Y for talks, praised Z"): a clause whose subject is a relative
  // pronoun ("who", "which") under a noun is its relative clause, not a
  // coordination or a modifier;
  // and a noun read as the sentence's root with a verb after it that has
  // an object but no subject (a participle modifying a noun takes no
  // object: "X, backed by Y") is that verb's subject, the verb the root.
  bool repair_clauses() {
    const int n = size();
    bool changed = false;
    for (int c = 0; c < n; ++c) {
      if (base_[c] == "acl" || head_[c] < 0 || head_[c] > c || !is_nominal(head_[c])) continue;
      for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k)
        if (base_[*k] == "nsubj" && (xpos(*k) == "WP" || xpos(*k) == "WDT")) {
          rel_[c] = "acl:relcl";
          base_[c] = "acl";
        }
    }
    // "have accused X of breaking the pact and have threatened Y": a verb
    // conjunct with an auxiliary of its own is no conjunct of a gerund; it
    // joins the nearest verb above of its own form.
    for (int c = 0; c < n; ++c) {
      const int h = head_[c];
      if (base_[c] != "conj" || h < 0 || !is_verb(c) || !is_verb(h) || xpos(h) != "VBG" || xpos(c) == "VBG")
        continue;
      bool aux = false;
      for (const int* k = kids_begin(c); k != kids_end(c) && *k < c; ++k) aux |= base_[*k] == "aux";
      if (!aux) continue;
      int a = head_[h];
      for (int step = 0; step < 4 && a >= 0 && !(is_verb(a) && xpos(a) == xpos(c)); ++step) a = head_[a];
      if (a < 0 || !(is_verb(a) && xpos(a) == xpos(c))) continue;
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
        if (upos(s2) != syntax::Upos::PROPN || prev <= first || upos(prev) != syntax::Upos::NOUN) break;
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
      if (rel_[c] != "acl:relcl" || h < 0 || base_[h] != "obl" || head_[h] < 0 || !is_verb(head_[h])) continue;
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
                (xpos(*q) == "VBD" || xpos(*q) == "VBZ" || xpos(*q) == "VBP"))
              v = *q;
      // "Hundreds of students protested": on the people the number counts.
      if (v < 0 && (upos(r) == syntax::Upos::NUM || a_->lemma[r] == "hundred" || a_->lemma[r] == "thousand" ||
                    a_->lemma[r] == "dozen"))
        for (const int* k = kids_begin(r); k != kids_end(r) && v < 0; ++k)
          if (base_[*k] == "nmod" && marker(*k) == "of")
            for (const int* q = kids_begin(*k); q != kids_end(*k) && v < 0; ++q)
              if (*q > *k && rel_[*q] == "acl" && is_verb(*q) && child(*q, "nsubj") < 0 &&
                  child(*q, "obj") < 0 && verbless_sentence(r, *q))
                v = *q;
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
  bool verbless_sentence(int r, int v) const {
    const int n = size();
    if (n < 3 || a_->lemma[n - 1] != "." || !(xpos(v) == "VBD" || xpos(v) == "VBN")) return false;
    if (child(r, "cop") >= 0 || child(v, "aux") >= 0 || child(v, "aux:pass") >= 0 || child(v, "cop") >= 0)
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
  // Two bare noun phrases after a verb with no "and", "or" or comma between
  // them ("sent the Kenyan people greetings"), read as a coordination, are
  // the verb's two objects: the first is whom it goes to (iobj), the second
  // what (obj). English coordinates only with a conjunction or a comma.
  bool repair_double_objects() {
    const int n = size();
    bool changed = false;
    // ... also read as an oblique without a preposition ("sends the Kenyan
    // people 'warm greetings'"); a bare time noun is a real oblique.
    static constexpr std::string_view kTime[] = {"day", "week", "month", "year", "time", "morning", "afternoon",
                                                 "evening", "night", "weekend", "decade", "hour", "minute", "season"};
    for (int x = 0; x < n; ++x) {
      int v = head_[x];
      if (v < 0 || v > x || rel_[x] != "obl" || !is_verb(v) || upos(x) != syntax::Upos::NOUN || case_prep(x)) continue;
      if (child(x, "case") >= 0 || std::find(std::begin(kTime), std::end(kTime), lemma(x)) != std::end(kTime)) continue;
      int o = child(v, "obj");
      if (o < 0 || o > x || child(v, "iobj") >= 0 || !is_nominal(o)) continue;
      rel_[o] = base_[o] = "iobj";
      rel_[x] = base_[x] = "obj";
      changed = true;
    }
    // ... or read as two objects ("has sent us greetings"): a verb has one.
    for (int v = 0; v < n; ++v) {
      if (!is_verb(v) || child(v, "iobj") >= 0) continue;
      int first = -1, second = -1;
      for (const int* k = kids_begin(v); k != kids_end(v); ++k)
        if (*k > v && rel_[*k] == "obj" && is_nominal(*k) && !case_prep(*k)) (first < 0 ? first : second) = *k;
      if (first < 0 || second < 0) continue;
      bool joined = false;
      for (int x = first + 1; x < second && !joined; ++x)
        joined |= head_[x] == v && (upos(x) == syntax::Upos::PUNCT || upos(x) == syntax::Upos::CCONJ);
      if (joined) continue;
      rel_[first] = base_[first] = "iobj";
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
        for (int x = o + 1; x < c && !joined; ++x) joined |= upos(x) == syntax::Upos::PUNCT || upos(x) == syntax::Upos::CCONJ;
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
  void index_kids() {
    const int n = size();
    first_.assign(n + 1, 0);
    for (int i = 0; i < n; ++i)
      if (head_[i] >= 0) ++first_[head_[i] + 1];
    for (int i = 0; i < n; ++i) first_[i + 1] += first_[i];
    kids_.assign(first_[n], 0);
    fill_.assign(first_.begin(), first_.end() - 1);
    for (int i = 0; i < n; ++i)
      if (head_[i] >= 0) kids_[fill_[head_[i]]++] = i;
  }
  // An English oblique carries a preposition. A bare noun phrase before a
  // verb that has no subject, read as "obl" (the parser's slip on a subject
  // with an apposition: "X's president, Y Z, agreed ..."), is that verb's
  // subject.
  void repair_subjects() {
    const int n = size();
    for (int i = 0; i < n; ++i) {
      int h = head_[i];
      // A subject of a passive verb ("was disappointed by") is its passive subject.
      if (h > i && rel_[i] == "nsubj" && is_verb(h) && passive(h)) {
        rel_[i] = "nsubj:pass";
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
  // True if node i carries a preposition: a "case" child tagged ADP before it.
  bool case_prep(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i) && *k < i; ++k)
      if (base_[*k] == "case" && upos(*k) == syntax::Upos::ADP) return true;
    return false;
  }
  // True if a "cc" word ("and", "or") opens node i's phrase: a child of i
  // or of one of its left children, before i.
  bool coordinated(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i) && *k < i; ++k) {
      if (base_[*k] == "cc") return true;
      for (const int* j = kids_begin(*k); j != kids_end(*k) && *j < *k; ++j)
        if (base_[*j] == "cc") return true;
    }
    return false;
  }
  // The last word of i's phrase (its rightmost descendant, or i).
  int right_edge(int i) const {
    while (kids_end(i) != kids_begin(i) && *(kids_end(i) - 1) > i) i = *(kids_end(i) - 1);
    return i;
  }
  int size() const { return static_cast<int>(rel_.size()); }
  int head(int i) const { return head_[i]; }
  std::string_view rel(int i) const { return rel_[i]; }    // "nsubj:pass"
  std::string_view base(int i) const { return base_[i]; }  // "nsubj"
  syntax::Upos upos(int i) const { return a_->upos[i]; }
  const std::string& lemma(int i) const { return a_->lemma[i]; }
  // Children of i in word order.
  const int* kids_begin(int i) const { return kids_.data() + first_[i]; }
  const int* kids_end(int i) const { return kids_.data() + first_[i + 1]; }
  // The first child of i with relation `r` (exact, or base when r has no ':'), -1 if none.
  int child(int i, std::string_view r) const {
    bool exact = r.find(':') != std::string_view::npos;
    for (const int* k = kids_begin(i); k != kids_end(i); ++k)
      if ((exact ? rel_[*k] : base_[*k]) == r) return *k;
    return -1;
  }
  // The lemma of the preposition or subordinator i carries ("case" or
  // "mark" child), or of its particle; empty if none.
  std::string_view marker(int i) const {
    for (const int* k = kids_begin(i); k != kids_end(i); ++k)
      if (base_[*k] == "case" || base_[*k] == "mark") return a_->lemma[*k];
    return {};
  }
  bool passive(int v) const {
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (rel_[*k] == "nsubj:pass" || rel_[*k] == "aux:pass" || rel_[*k] == "csubj:pass") return true;
    return false;
  }
  bool is_verb(int i) const { return upos(i) == syntax::Upos::VERB; }
  // A past participle modifying a noun ("Comoros, backed by AU forces"): a
  // passive without its auxiliary; the noun is what it acts on. With an
  // object of its own it is no passive ("after the body condemned X"):
  // the noun is its subject.
  bool reduced_passive(int v) const {
    return rel_[v] == "acl" && xpos(v) == "VBN" && head_[v] >= 0 && is_nominal(head_[v]) && child(v, "obj") < 0;
  }
  // The Penn tag of i ("VB", "VBD", ...).
  const std::string& xpos(int i) const { return syntax::xpos_names()[a_->xpos[i]]; }
  // A clause whose verb says what should happen: a bare verb ("demanded that
  // Japan end ...") or one under "must", "should" or "shall".
  bool mandative(int v) const {
    // (a plural subject's bare verb is tagged as a present: "that the troops leave")
    if ((xpos(v) == "VB" || xpos(v) == "VBP") && child(v, "aux") < 0) {
      for (const int* k = kids_begin(v); k != kids_end(v); ++k)
        if (base_[*k] == "mark" && a_->lemma[*k] == "to") return false;
      return true;
    }
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      if (base_[*k] == "aux" && (a_->lemma[*k] == "must" || a_->lemma[*k] == "should" || a_->lemma[*k] == "shall"))
        return true;
    return false;
  }
  bool is_nominal(int i) const {
    auto u = upos(i);
    return u == syntax::Upos::NOUN || u == syntax::Upos::PROPN || u == syntax::Upos::PRON;
  }

 private:
  const syntax::Analysis* a_ = nullptr;
  std::vector<int> head_, first_, kids_, fill_;
  std::vector<std::string_view> rel_, base_;
};

}  // namespace dipgraph::ingest
