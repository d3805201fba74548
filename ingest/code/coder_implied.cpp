// Parties a verb or noun event leaves unnamed that English still implies
// (coder.hpp): who summons, recalls or expels when a passive names no one;
// whom an objection, an appeal for an act in a state, or a message handed
// over is aimed at; and whom a warning is aimed at. Written for dipgraph.
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using coder_detail::threat_code;
using syntax::Upos;

void Coder::unnamed_maker(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const {
  const Tree& tr = c.t;
  // "the U.S. ambassador to Mexico was summoned": an envoy is summoned
  // by the state that hosts it, the one its "to" or "in" phrase names.
  if (e.source.empty() && !f.noun && tr.lemma(w) == "summon") {
    const int envoy = tr.passive(w) ? tr.child(w, "nsubj:pass") : tr.child(w, "obj");
    for (const int* d = envoy < 0 ? nullptr : tr.kids_begin(envoy); d && d != tr.kids_end(envoy); ++d)
      if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"to", "in"})) actors_at(c, *d, true, true, e.source);
    if (!e.source.empty()) why += "source=the envoy's host ";
  }
  // "X's ambassador was recalled from Y": an envoy recalled with no
  // recaller named is recalled by its own state; "diplomats were
  // expelled from Minsk": people expelled with no expeller named are
  // expelled by the state they are sent out of.
  if (e.source.empty() && !f.noun && tr.passive(w) && tr.child(w, "obl:agent") < 0) {
    if (f.cameo == "161" && tr.lemma(w) == "recall") {
      actors_at(c, tr.child(w, "nsubj:pass"), true, false, e.source);
      if (!e.source.empty()) why += "source=the envoy's own state ";
    } else if (f.cameo.rfind("166", 0) == 0) {
      for (const int* d = tr.kids_begin(w); d != tr.kids_end(w); ++d)
        if (tr.base(*d) == "obl" && tr.marker(*d) == "from") actors_at(c, *d, true, true, e.source);
      if (!e.source.empty()) why += "source=the state expelled from ";
    }
  }
  // "an interior ministry official rebuffed the Omani request": a
  // rejection by an official or a body that names no state, of an act
  // aimed at a state, is the answer of the state it was aimed at.
  if (const int sj = f.noun || tr.passive(w) ? -1 : tr.child(w, "nsubj");
      e.source.empty() && !e.target.empty() && f.cameo.rfind("12", 0) == 0 && sj >= 0 && tr.upos(sj) == Upos::NOUN &&
      (std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(sj)) ||
       frames_.in_class(domestic_class_, tr.lemma(sj)))) {
    if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
          return c.any_among(a.source, e.target) && !a.target.empty() && !c.any_among(a.target, e.target);
        })) {
      e.source = a->target;
      why += "source=whom the rejected act was aimed at ";
    }
  }
}

void Coder::implied_target(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const {
  const Tree& tr = c.t;
  // "completed the autopsy over objections from X", "built the dam
  // despite protests from Y": an objection the act is done over or
  // despite is aimed at whoever does it.
  // (hung on the clause's time phrase: "on Monday over protests")
  if (int v = tr.head(w); e.target.empty() && f.noun && (f.cameo.rfind("11", 0) == 0 || f.cameo.rfind("12", 0) == 0) &&
      is_rel(tr.marker(w), {"over", "despite", "amid"}) && v >= 0 &&
      (tr.base(w) == "obl" || (tr.base(w) == "nmod" && tr.base(v) == "obl" && is_date(c, v) && (v = tr.head(v)) >= 0)) &&
      tr.is_verb(v)) {
    std::string ignored;
    std::vector<std::int32_t> doers;
    actors_at(c, subject_of(c, v, ignored), true, false, doers);
    c.add_others(doers, e.source, e.target);
    if (!e.target.empty()) why += "target=whoever acts over the objection ";
  }
  // "called for a ceasefire in Sudan", "urged restraint in Yemen": an
  // appeal for an act in a state (named as a state, not a city) is
  // aimed at that state.
  if (e.target.empty() && !f.noun && (f.cameo.rfind("02", 0) == 0 || f.cameo.rfind("10", 0) == 0)) {
    int asked = tr.child(w, "obj");
    for (const int* d = tr.kids_begin(w); d != tr.kids_end(w) && asked < 0; ++d)
      if (tr.base(*d) == "obl" && tr.marker(*d) == "for") asked = *d;
    for (const int* d = asked < 0 || tr.upos(asked) != Upos::NOUN ? nullptr : tr.kids_begin(asked);
         d && d != tr.kids_end(asked) && e.target.empty(); ++d) {
      const int mi = c.mention(*d);
      if (tr.base(*d) == "nmod" && tr.marker(*d) == "in" && mi >= 0 &&
          c.rec.mentions[mi].kind == MentionKind::country && !c.among(mi, e.source))
        e.target.push_back(mi);
    }
    if (!e.target.empty()) why += "target=the state the act asked for is in ";
  }
}


void Coder::warned_target(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const {
  const Tree& tr = c.t;
  // "warned that X's dam threatened ...": a warning is aimed at the one
  // its content is about, the subject of the clause (or its owner).
  if (e.target.empty() && !f.noun && f.cameo.rfind("13", 0) == 0) {
    // (with "that" or without: "warned it would cut ties with X")
    if (int cc = tr.child(w, "ccomp");
        cc >= 0 && (tr.child(cc, "mark") >= 0 || tr.child(cc, "nsubj") >= 0 || tr.child(cc, "nsubj:pass") >= 0)) {
      int subj = tr.child(cc, "nsubj");
      if (subj < 0) subj = tr.child(cc, "nsubj:pass");
      actors_at(c, subj, false, false, e.target);
      if (!e.target.empty()) why += "target=subject of the warned clause ";
      // "warned that it would halt its imports of Kenyan sugar if
      // ...": a warning of the warner's own act is aimed at whom that
      // act would hit, named in its object.
      if (!e.source.empty() && std::all_of(e.target.begin(), e.target.end(), [&](std::int32_t x) {
            return c.among(x, e.source);
          })) {
        e.target.clear();
        // (or in the phrase it is done "with", "on" or "against":
        // "would cut ties with X", "would impose duties on X")
        if (const int o = tr.child(cc, "obj"); o >= 0) {
          std::vector<std::int32_t> hit;
          actors_at(c, o, false, false, hit);
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o); ++d)
            if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"of", "with", "on", "against"}))
              actors_at(c, *d, false, false, hit);
          for (const int* d = tr.kids_begin(cc); d != tr.kids_end(cc) && hit.empty(); ++d)
            if (tr.base(*d) == "obl" && is_rel(tr.marker(*d), {"with", "on", "against"}))
              actors_at(c, *d, false, false, hit);
          c.add_others(hit, e.source, e.target);
          if (!e.target.empty()) why += "target=whom the warned act would hit ";
          // (the act names the kind of threat: "would cut ties", 131)
          if (const auto* fs = frames_.find(tr.lemma(cc), false); fs && !e.target.empty() && f.cameo == "130")
            for (std::uint32_t fi : *fs)
              if (frame_holds(c, cc, frames_.frame(fi))) {
                if (const char* code = threat_code(std::string_view(frames_.frame(fi).cameo).substr(0, 2)))
                  e.cameo = code;
                break;
              }
        }
      }
    }
  }
}

// "pledged A$400 million to train police across the forum's members",
// "promised $2 billion toward new loans for the bloc's members": money
// pledged or given for a purpose goes to the states the purpose names (its
// infinitive, or its "for"/"toward" phrase on the verb or on the money),
// when no receiver is named; so does aid told by a noun ("a grant for a new
// wing at the hospital in X", "aid for displaced people in Y": the places
// the purpose names lie in the receiving states).
void Coder::purpose_receivers(const Ctx& c, int w, const Frame& f, CodedEvent& e, std::string& why) const {
  const Tree& tr = c.t;
  std::vector<int> purposes;
  auto purpose_of = [&](int h, std::string_view rel) {
    for (const int* k = tr.kids_begin(h); k != tr.kids_end(h); ++k)
      if ((tr.base(*k) == rel && is_rel(tr.marker(*k), {"for", "toward", "towards"})) ||
          (is_rel(tr.base(*k), {"xcomp", "advcl", "acl"}) && tr.is_verb(*k) && tr.marker(*k) == "to"))
        purposes.push_back(*k);
  };
  if (f.noun) {
    purpose_of(w, "nmod");
    if (const int h = tr.head(w); h >= 0 && tr.rel(w) == "obj" && tr.is_verb(h)) purpose_of(h, "obl");
  } else {
    purpose_of(w, "obl");
    if (const int o = tr.child(w, "obj"); o >= 0) purpose_of(o, "nmod");
  }
  std::vector<std::int32_t> named;
  // (the purpose's own phrases and infinitives, not a participle or
  // relative clause inside it: "roads joining Laos and Vietnam"; states
  // named as such, or places that lie in them, not a maker's adjective)
  std::vector<int> pending(purposes);
  while (!pending.empty()) {
    const int x = pending.back();
    pending.pop_back();
    if (c.mention(x) >= 0 && tr.upos(x) == Upos::PROPN && !is_rel(tr.base(x), {"amod", "compound", "flat"}))
      actors_at(c, x, false, f.noun, named);
    for (const int* k = tr.kids_begin(x); k != tr.kids_end(x); ++k)
      if (!is_rel(tr.base(*k), {"acl", "advcl", "ccomp", "xcomp", "parataxis"}) ||
          (tr.is_verb(*k) && tr.marker(*k) == "to" && tr.rel(*k) != "acl:relcl"))
        pending.push_back(*k);
  }
  c.add_others(named, e.source, e.target);
  if (!e.target.empty()) why += "target=states its purpose names ";
}

// "talks between A and B broke up without agreement": what talks end
// without is an agreement of theirs not reached ("without" negates it).
void Coder::pact_not_reached(const Ctx& c, int w, const Frame& f, const std::vector<CodedEvent>& out,
                             const std::vector<int>& trigger_of, CodedEvent& e, std::string& why) const {
  const Tree& tr = c.t;
  if (!f.noun || !(f.flags & kFrameSym) || tr.marker(w) != "without" || !is_rel(tr.base(w), {"obl", "nmod"}) ||
      tr.head(w) < 0 || !tr.is_verb(tr.head(w)))
    return;
  const int sj = tr.child(tr.head(w), "nsubj");
  if (sj < 0 || trigger_of[sj] < 0) return;
  const CodedEvent& talks = out[static_cast<std::size_t>(trigger_of[sj])];
  if (!talks.sym || talks.cameo.rfind("04", 0) != 0 || talks.source.size() + talks.target.size() < 2) return;
  e.source = talks.source;
  e.source.insert(e.source.end(), talks.target.begin(), talks.target.end());
  why += "parties=those of the talks it ends without ";
}

}  // namespace dipgraph::ingest
