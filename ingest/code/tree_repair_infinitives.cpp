// Tree repairs of "to" infinitives the parser hung in the wrong place (see
// tree.hpp): the complement of a verb of intention, of asking, or of the
// participle or adjective right before it; and participles hung on such a
// complement.
#include <algorithm>
#include <string_view>

#include "ingest/code/tree.hpp"

namespace dipgraph::ingest {

// A verb of intention or commitment takes its "to" infinitive as its
// complement, not as a purpose ("agreed on Tuesday to build", read as
// "in order to build").
bool Tree::repair_infinitive_complements() {
  static constexpr std::string_view kTakesInfinitive[] = {
      "agree",  "decide",  "refuse",  "promise",   "pledge", "vow",    "threaten", "offer", "plan",
      "intend", "vote",    "resolve", "undertake", "seek",   "aim",    "hope",     "want",  "wish",
      "try",    "attempt", "fail",    "prepare",   "expect", "choose", "volunteer"};
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    int v = head_[c];
    // ("agreed in principle to lend", read with the infinitive the bare
    // noun's, as in "the right to vote": a bare noun of manner between the
    // verb and its infinitive takes no complement)
    if (v >= 0 && v < c && base_[c] == "acl" && base_[v] == "obl" && head_[v] >= 0 && head_[v] < v &&
        upos(v) == syntax::Upos::NOUN && xpos(v) == "NN" && child(v, "case") >= 0 && child(v, "det") < 0 &&
        child(v, "nmod:poss") < 0 && child(v, "amod") < 0 && child(v, "compound") < 0)
      v = head_[v];
    if (v < 0 || v > c || (base_[c] != "advcl" && head_[c] == v) || !is_verb(c) || xpos(c) != "VB" ||
        !is_verb(v) || child(v, "xcomp") >= 0)
      continue;
    const int m = child(c, "mark");
    if (m < 0 || lemma(m) != "to" || m != left_edge(c)) continue;
    if (std::find(std::begin(kTakesInfinitive), std::end(kTakesInfinitive), lemma(v)) ==
        std::end(kTakesInfinitive))
      continue;
    attach(c, v, "xcomp");
    changed = true;
  }
  return changed;
}

// "pelted tomatoes at the mission to denounce X", "held a vigil outside the
// consulate to protest", read with the infinitive the place's (as in "the
// right to vote"): a noun of a place phrase takes no infinitive; it is the
// verb's purpose. ("in an effort to", "in a bid to" keep theirs: "in" is
// no place phrase here.)
bool Tree::repair_purpose_infinitives() {
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    int a = head_[c];
    if (a < 0 || a > c || base_[c] != "acl" || !is_verb(c) || xpos(c) != "VB") continue;
    const int m = child(c, "mark");
    if (m < 0 || lemma(m) != "to" || m != left_edge(c)) continue;
    // (or a place named in that phrase: "outside the embassy in Seoul")
    for (int step = 0; step < 2 && a >= 0 && base_[a] == "nmod" && marker(a) == "in"; ++step) a = head_[a];
    if (a < 0 || base_[a] != "obl" || head_[a] < 0 || !is_verb(head_[a])) continue;
    const std::string_view p = marker(a);
    if (!(p == "at" || p == "outside" || p == "near" || p == "into" || p == "across" || p == "through" ||
          p == "past"))
      continue;
    attach(c, head_[a], "advcl");
    changed = true;
  }
  return changed;
}

// A verb that asks or tells someone to act takes its "to" infinitive as
// its complement, whoever the parser hung it on: "urged the United States
// and Canada to respect ...", read with the infinitive as a modifier of
// "Canada" (a noun's infinitive, like "the right to vote"), is "urged X to
// respect". The one asked is the object, or the "on"/"to" phrase ("called
// on X to ...", "appealed to X to ...").
bool Tree::repair_object_infinitives() {
  static constexpr std::string_view kAsks[] = {
      "urge",    "ask",     "press",    "call",   "implore",  "exhort",    "encourage", "request",
      "invite",  "tell",    "order",    "persuade", "advise", "pressure",  "push",      "appeal",
      "beg",     "instruct", "direct",  "compel", "force",    "challenge"};
  const int n = size();
  bool changed = false;
  for (int c = 0; c < n; ++c) {
    const int a = head_[c];
    if (a < 0 || a > c || base_[c] != "acl" || !is_verb(c) || xpos(c) != "VB") continue;
    const int m = child(c, "mark");
    if (m < 0 || lemma(m) != "to" || m != left_edge(c)) continue;
    // the one asked: the noun it hangs on, or the list that noun ends
    int asked = a;
    if (base_[asked] == "conj" && head_[asked] >= 0) asked = head_[asked];
    const int v = head_[asked];
    if (v < 0 || !is_verb(v) || child(v, "xcomp") >= 0) continue;
    const bool object = base_[asked] == "obj" || base_[asked] == "iobj" ||
                        (base_[asked] == "obl" && (marker(asked) == "on" || marker(asked) == "to"));
    if (!object || std::find(std::begin(kAsks), std::end(kAsks), lemma(v)) == std::end(kAsks)) continue;
    attach(c, v, "xcomp");
    changed = true;
  }
  // ... or read as a clause with the one asked its subject ("ordered
  // Danish soldiers | to leave"): an infinitive with "to" takes no subject
  // of its own (but "for X to leave"), so the noun is the verb's object.
  for (int c = 0; c < n; ++c) {
    const int v = head_[c];
    if (v < 0 || v > c || base_[c] != "ccomp" || !is_verb(c) || xpos(c) != "VB" || !is_verb(v) ||
        child(v, "obj") >= 0 || child(v, "xcomp") >= 0 ||
        std::find(std::begin(kAsks), std::end(kAsks), lemma(v)) == std::end(kAsks))
      continue;
    const int m = child(c, "mark"), sj = child(c, "nsubj");
    if (m < 0 || lemma(m) != "to" || upos(m) != syntax::Upos::PART || sj < 0 || sj > m || !is_nominal(sj)) continue;
    bool for_subject = false;
    for (const int* k = kids_begin(c); k != kids_end(c); ++k) for_subject |= lemma(*k) == "for" && *k < sj;
    if (for_subject) continue;
    attach(sj, v, "obj");
    attach(c, v, "xcomp");
    changed = true;
  }
    // ... or read as the purpose of asking ("appealed to X and Y | to
  // withdraw"): after the "to" or "on" phrase of the one asked, the
  // infinitive is what is asked.
  for (int c = 0; c < n; ++c) {
    const int v = head_[c];
    if (v < 0 || v > c || base_[c] != "advcl" || !is_verb(c) || xpos(c) != "VB" || !is_verb(v) ||
        child(v, "xcomp") >= 0 || std::find(std::begin(kAsks), std::end(kAsks), lemma(v)) == std::end(kAsks))
      continue;
    const int m = child(c, "mark");
    if (m < 0 || lemma(m) != "to" || m != left_edge(c)) continue;
    bool asked = false;
    for (const int* k = kids_begin(v); k != kids_end(v); ++k)
      asked |= *k < c && base_[*k] == "obl" && (marker(*k) == "on" || marker(*k) == "to") && !time_noun(lemma(*k)) &&
               upos(*k) != syntax::Upos::NUM;
    if (!asked) continue;
    attach(c, v, "xcomp");
    changed = true;
  }
  return changed;
}

// "..., prompting Ivory Coast to demand that ...", with the infinitive a
// purpose of "prompting": a verb that moves someone to act ("prompt",
// "spur", "lead", "cause") or asks them to, with its object before the
// infinitive and no complement, takes the infinitive as its complement;
// its object acts.
bool Tree::repair_moved_infinitives() {
  static constexpr std::string_view kMoves[] = {"prompt", "spur", "lead", "cause", "drive", "move", "provoke",
                                                "urge",   "ask",  "press", "force", "compel", "push", "persuade"};
  bool changed = false;
  for (int c = 1; c < size(); ++c) {
    const int v = head_[c];
    if (v < 0 || v > c || base_[c] != "advcl" || !is_verb(c) || xpos(c) != "VB" || !is_verb(v) ||
        child(v, "xcomp") >= 0)
      continue;
    const int m = child(c, "mark"), o = child(v, "obj");
    if (m < 0 || lemma(m) != "to" || m != left_edge(c) || o < 0 || o > c || right_edge(o) + 1 != m) continue;
    if (std::find(std::begin(kMoves), std::end(kMoves), lemma(v)) == std::end(kMoves)) continue;
    rel_[c] = base_[c] = "xcomp";
    changed = true;
  }
  return changed;
}

// "The ministers are scheduled to meet in Lima on June 4, Peru said",
// with "to meet" hung on the later "said" as a purpose: an infinitive
// right after a participle or adjective ("scheduled", "due", "ready")
// that hangs on the same later verb is that word's complement.
bool Tree::repair_leftward_infinitives() {
  bool changed = false;
  for (int c = 2; c < size(); ++c) {
    const int v = head_[c];
    if (v <= c || base_[c] != "advcl" || !is_verb(c) || xpos(c) != "VB") continue;
    const int m = child(c, "mark");
    if (m < 1 || lemma(m) != "to" || m != left_edge(c)) continue;
    const int p = m - 1;
    if (head_[p] != v || !(upos(p) == syntax::Upos::ADJ || (is_verb(p) && xpos(p) == "VBN")) ||
        child(p, "xcomp") >= 0)
      continue;
    attach(c, p, "xcomp");
    changed = true;
  }
  return changed;
}

// "ordered X's mission closed, accusing Y of ...", "told X to leave,
// saying ...", read with the participle hung on the complement: a
// participle set off by a comma after a verb's complement tells what the
// verb's own subject did with it (the complement's subject is the object).
bool Tree::repair_complement_participles() {
  const int n = size();
  bool changed = false;
  for (int w = 2; w < n; ++w) {
    const int x = head_[w];
    if (x < 0 || x > w || base_[w] != "advcl" || xpos(w) != "VBG" || lemma(w - 1) != ",") continue;
    if (child(w, "nsubj") >= 0 || child(w, "mark") >= 0 || base_[x] != "xcomp") continue;
    const int v = head_[x];
    if (v < 0 || v > x || !is_verb(v) || child(v, "obj") < 0) continue;
    attach(w, v, "advcl");
    head_[w - 1] = w;
    changed = true;
  }
  return changed;
}

}  // namespace dipgraph::ingest
