// The readings of a coded event that depend on its parties being a pair
// (coder.hpp): a hostile act of "both nations" at no one else, or one
// they exchange, is each one's act against the other; so is an act aimed
// at "each other"; talks held "separately" with several are one meeting
// with each.
#include <algorithm>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

// Roots of hostile acts that two parties can do to each other: criticism,
// rejection, threats, force posture, reduced relations, coercion, force.
static bool hostile_root(const std::string& cameo) {
  const int r = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  return (r >= 11 && r <= 13) || (r >= 15 && r <= 20);
}

// True when the event was split into several, already appended to `out`.
bool Coder::pair_readings(const Ctx& c, const Frame& f, int w, CodedEvent& e, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  const int n = tr.size();
  // "Both nations put their troops on alert": a hostile act of a pair
  // at no one else is each one's act against the other (the extractor
  // makes it two directed facts); so is one they exchange or trade
  // ("exchanged fire", "traded accusations").
  // (not a plain "they": "after they refused to pay" is no act of
  // the two against each other)
  int a = -1, b = -1;
  // (nor "their concern", a noun's possessive pronoun: the two are whoever
  // the clause is about, "A and B voiced their concern")
  auto pronoun_subject = [&]() {
    if (f.noun)
      return std::any_of(tr.kids_begin(w), tr.kids_end(w),
                         [&](int d) { return tr.rel(d) == "nmod:poss" && tr.upos(d) == Upos::PRON; });
    std::string ignored;
    const int sj = subject_of(c, w, ignored);
    return sj >= 0 && tr.upos(sj) == Upos::PRON;
  };
  if (!(f.flags & (kFrameSym | kFrameSay)) && hostile_root(f.cameo) && pair_of(c, e.source, e.target, a, b) &&
      !pronoun_subject()) {
    e.source = {-a - 1};
    e.target = {-b - 1};
    e.sym = true;
    e.mutual = true;
    e.why += "mutual ";
  }
  if ((f.flags & kFrameSym) && hostile_root(f.cameo) && is_rel(f.lemma, {"exchange", "trade"})) e.mutual = true;
  // "A and B accused each other", "blame one another": a directed act
  // aimed at a reciprocal pronoun is each one's act against the other.
  if (!(f.flags & (kFrameSym | kFrameSay)) && e.target.empty() && !f.noun && e.source.size() == 2 &&
      c.country_of(e.source[0]) >= 0 && c.country_of(e.source[0]) != c.country_of(e.source[1]) &&
      std::any_of(tr.kids_begin(w), tr.kids_end(w), [&](int d) {
        // (the pair as the parser joined it: "other" fixed on "each",
        // or either word on the other)
        return is_rel(tr.lemma(d), {"each", "one"}) && d + 1 < n && is_rel(tr.lemma(d + 1), {"other", "another"}) &&
               (tr.head(d + 1) == d || tr.head(d) == d + 1);
      })) {
    e.target = {e.source[1]};
    e.source.resize(1);
    e.sym = true;
    e.mutual = true;
    e.why += "reciprocal ";
  }
  // "A and B each handed over 90 prisoners", "each freed the other's
  // fishermen": people released by each of a pair, to no one named, are
  // released to the other (an exchange).
  if (!(f.flags & (kFrameSym | kFrameSay)) && e.target.empty() && !f.noun && e.source.size() == 2 &&
      f.cameo.rfind("08", 0) == 0 && c.country_of(e.source[0]) >= 0 &&
      c.country_of(e.source[0]) != c.country_of(e.source[1]) &&
      std::any_of(tr.kids_begin(w), tr.kids_end(w), [&](int d) {
        return tr.lemma(d) == "each" && (d + 1 >= n || !is_rel(tr.lemma(d + 1), {"other", "another"}));
      })) {
    e.target = {e.source[1]};
    e.source.resize(1);
    e.sym = true;
    e.mutual = true;
    e.why += "each to the other ";
  }
  // "held separate talks with A and B", "met A and B separately": one
  // meeting with each.
  if (e.sym && e.source.size() == 1 && e.target.size() >= 2) {
    auto apart = [&](int x) {
      return x >= 0 && std::any_of(tr.kids_begin(x), tr.kids_end(x), [&](int d) {
               return (tr.base(d) == "amod" && is_rel(tr.lemma(d), {"separate", "individual"})) ||
                      (tr.base(d) == "advmod" && tr.lemma(d) == "separately");
             });
    };
    // (or on a later party of the act: "spoke with A and, separately,
    // with B")
    auto apart_party = [&]() {
      for (int d = w + 1; d < n; ++d)
        if (tr.base(d) == "advmod" && tr.lemma(d) == "separately")
          for (int x = tr.head(d), step = 0; x >= 0 && step < 4; x = tr.head(x), ++step)
            if (x == w) return true;
      return false;
    };
    if (apart(w) || (f.noun && tr.rel(w) == "obj" && apart(tr.head(w))) || apart_party()) {
      for (std::int32_t x : e.target) {
        CodedEvent one = e;
        one.target = {x};
        one.why += "separately ";
        out.push_back(std::move(one));
      }
      return true;
    }
  }
  return false;
}

}  // namespace dipgraph::ingest
