// Words the tree reads as no event of their own, so that the pattern coder,
// which matches words in order, does not code them either (coder.hpp,
// `vetoed`): a verb of an act used as an adjective, a participle of
// visiting or holding before a noun, the taking up of an invitation, a
// phrasal verb's particle, and a road, dam or port named only as a thing,
// not as a work built, opened or planned.
#include <vector>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

void Coder::pattern_vetoes(const Ctx& c, std::vector<int>& vetoed) const {
  const Tree& tr = c.t;
  // "a free trade deal", "an open border": a verb of an act used as an
  // adjective of a noun tells no act (the pattern coder reads the word
  // alone: "free" as release).
  for (int w = 0; w < tr.size(); ++w)
    if (tr.upos(w) == Upos::ADJ && tr.base(w) == "amod" && frames_.find(tr.lemma(w), false))
      vetoed.push_back(w);
  // "the visiting Vietnamese delegation": the noun a participle of visiting
  // modifies is the visitor; word order (the pattern coder) would make
  // someone else of the sentence the visitor.
  // So with "the jailed reporter", "kidnapped engineers": a participle
  // that says a person is held tells no act of holding, and who holds is
  // not told there, the clause's subject least of all.
  for (int w = 0; w < tr.size(); ++w)
    if (tr.base(w) == "amod" && (tr.lemma(w) == "visiting" || tr.lemma(w) == "visit" ||
                                 frames_.in_class(prisoner_class_, tr.lemma(w))))
      vetoed.push_back(w);
  // "accepted the invitation to come to X": the taking up is no act of its
  // own; the visit, planned, is the fact (the pattern coder would read an
  // intent in "accepted").
  for (int w = 0; w < tr.size(); ++w)
    if (tr.base(w) == "acl" && tr.is_verb(w) && tr.marker(w) == "to" && tr.head(w) >= 0 &&
        is_rel(tr.lemma(tr.head(w)), {"invitation", "invite"}) && tr.rel(tr.head(w)) == "obj" &&
        tr.head(tr.head(w)) >= 0 && is_rel(tr.lemma(tr.head(tr.head(w))), {"accept", "take"}) &&
        frames_.find(tr.lemma(w), false))
      vetoed.push_back(tr.head(tr.head(w)));
  // "opened an inquiry into abuses in X", "investigating killings": what
  // is investigated was done by someone else than the investigator (the
  // pattern coder would give it the clause's subject); an agent told
  // with it makes it the inquiry's target instead (coder_actors.cpp).
  for (int w = 0; w < tr.size(); ++w) {
    const int h = tr.head(w);
    if (h < 0 || tr.upos(w) != Upos::NOUN) continue;
    const bool inside = tr.base(w) == "obj" || (tr.base(w) == "nmod" && is_rel(tr.marker(w), {"into", "of"}));
    if (inside && frames_.any_frame(tr.lemma(h), !tr.is_verb(h),
                                    [](const Frame& g) { return g.cameo.rfind("09", 0) == 0; }))
      vetoed.push_back(w);
  }
  for (int w = 0; w < tr.size(); ++w) {
    // A particle of a phrasal verb ("hit back", "scale back") is no verb
    // of its own: the pattern coder's reading of it as one ("back" as to
    // endorse) goes.
    if (tr.rel(w) == "compound:prt" ||
        (tr.upos(w) == Upos::ADV && w > 0 && tr.head(w) == w - 1 && tr.is_verb(w - 1) &&
         is_rel(tr.lemma(w), {"back", "up", "down", "out", "off", "away", "over"}))) {
      vetoed.push_back(w);
      continue;
    }
    // A work ("the main bridge between the two countries", "the dispute
    // over the dam", "fees from its port") is a joint project only when it
    // is new or planned ("a new pipeline between A and B"), or built,
    // opened or paid for ("agreed to build a railway line").
    if (tr.upos(w) != Upos::NOUN ||
        !(frames_.in_class(infrastructure_class_, tr.lemma(w)) || frames_.in_class(facility_class_, tr.lemma(w))))
      continue;
    const int n = tr.base(w) == "compound" && tr.head(w) > w ? tr.head(w) : w;
    auto novel = [&](int x) {
      for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d)
        if (is_rel(tr.base(*d), {"amod", "compound"}) && frames_.in_class(novel_class_, tr.lemma(*d))) return true;
      return false;
    };
    const int h = tr.head(n);
    // (the work as the object or subject of building, or "the
    // construction of a dam")
    const bool worked = h >= 0 && is_rel(tr.base(n), {"obj", "nsubj", "nmod"}) &&
                        frames_.in_class(construction_class_, tr.lemma(h));
    if (!novel(w) && !novel(n) && !worked) vetoed.push_back(w);
  }
}

}  // namespace dipgraph::ingest
