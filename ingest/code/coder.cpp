// Coding events from the parse tree (coder.hpp): the sentence's events.
// Subjects and frame conditions: coder_frames.cpp; slots: coder_slots.cpp;
// parties: coder_actors.cpp; pronouns the tree rebinds:
// coder_references.cpp; status and tone: coder_status.cpp; speakers and
// what they say: coder_speech.cpp; one main event per clause:
// coder_clause.cpp.
#include "ingest/code/coder.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::aimed;
using coder_detail::armed_root;
using coder_detail::is_rel;
using coder_detail::threat_code;
using syntax::Upos;

Coder::Coder(const Dictionary& dict, const FrameTable& frames, const StatusCues& cues,
             std::vector<std::string> agent_nouns)
    : dict_(dict), frames_(frames), cues_(cues), agent_nouns_(std::move(agent_nouns)) {
  domestic_class_ = frames_.class_index("domestic");
  private_class_ = frames_.class_index("private");
  nonstate_class_ = frames_.class_index("nonstate");
  craft_class_ = frames_.class_index("craft");
  utterance_class_ = frames_.class_index("utterance");
  operation_class_ = frames_.class_index("operation");
  inkind_class_ = frames_.class_index("inkind");
  count_class_ = frames_.class_index("count");
  collection_class_ = frames_.class_index("collection");
  avowal_class_ = frames_.class_index("avowal");
  amount_class_ = frames_.class_index("amount");
  subordinate_class_ = frames_.class_index("subordinate");
  refusal_class_ = frames_.class_index("refusal");
  permission_class_ = frames_.class_index("permission");
  untrue_class_ = frames_.class_index("untrue");
  truce_class_ = frames_.class_index("truce");
  authoring_class_ = frames_.class_index("authoring");
  counterpart_class_ = frames_.class_index("counterpart");
  referring_class_ = frames_.class_index("referring");
  repeating_class_ = frames_.class_index("repeating");
  denial_class_ = frames_.class_index("denial");
  withdrawn_class_ = frames_.class_index("withdrawn");
  freeing_class_ = frames_.class_index("freeing");
  talks_class_ = frames_.class_index("talks");
  press_class_ = frames_.class_index("press");
  infrastructure_class_ = frames_.class_index("infrastructure");
  facility_class_ = frames_.class_index("facility");
  novel_class_ = frames_.class_index("novel");
  construction_class_ = frames_.class_index("construction");
  act_class_ = frames_.class_index("act");
  backing_class_ = frames_.class_index("backing");
  wrongdoing_class_ = frames_.class_index("wrongdoing");
  harmful_class_ = frames_.class_index("harmful");
  reprisal_class_ = frames_.class_index("reprisal");
  border_class_ = frames_.class_index("border");
  ties_class_ = frames_.class_index("ties");
  conduct_class_ = frames_.class_index("conduct");
  carrier_class_ = frames_.class_index("carrier");
  prisoner_class_ = frames_.class_index("prisoner");
  endure_class_ = frames_.class_index("endure");
  hinder_class_ = frames_.class_index("hinder");
  proclaim_class_ = frames_.class_index("proclaim");
  visit_class_ = frames_.class_index("visit");
  happen_class_ = frames_.class_index("happen");
  arms_class_ = frames_.class_index("arms");
  bombs_class_ = frames_.class_index("bombs");
  rite_class_ = frames_.class_index("rite");
  charge_class_ = frames_.class_index("charge");
  agreement_class_ = frames_.class_index("agreement");
  voice_class_ = frames_.class_index("voice");
  lodge_class_ = frames_.class_index("lodge");
  if (const auto* fs = frames_.find("visit", false))
    for (std::uint32_t fi : *fs)
      if (frames_.frame(fi).cameo == "042" && visit_frame_ < 0) visit_frame_ = static_cast<int>(fi);
  if (const auto* fs = frames_.find("meet", false))
    for (std::uint32_t fi : *fs)
      if (frames_.frame(fi).cameo == "040" && meet_frame_ < 0) meet_frame_ = static_cast<int>(fi);
  if (const auto* fs = frames_.find("say", false))
    for (std::uint32_t fi : *fs)
      if ((frames_.frame(fi).flags & kFrameSay) && say_frame_ < 0) say_frame_ = static_cast<int>(fi);
  std::sort(agent_nouns_.begin(), agent_nouns_.end());
}

// Roots of cooperative acts that talks can be about: intents, diplomatic
// and material cooperation, aid, yielding.
static bool cooperative_root(const std::string& cameo) {
  const int r = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  return r >= 3 && r <= 8;
}

// A noun, or an adjective (the tagger's reading of a noun modifier).
static bool noun_or_adjective(syntax::Upos u) { return u == Upos::NOUN || u == Upos::ADJ; }

bool Coder::answered_act(const Ctx& c, int w) const {
  const Tree& tr = c.t;
  if (!is_rel(tr.marker(w), {"for", "to"})) return false;
  // the word before the phrase's preposition
  int before = tr.left_edge(w) - 1;
  return before >= 0 && frames_.in_class(reprisal_class_, tr.lemma(before));
}

void Coder::code(const CoderInput& in, Tree& tree, std::vector<CodedEvent>& out,
                 std::vector<int>& vetoed) const {
  tree.reset(*in.syn);
  Ctx c{in, tree, *in.rec};
  c.home_mention = in.home_mention;
  rebind_pronouns(c);
  const Tree& tr = tree;
  const int n = tr.size();
  const std::size_t first = out.size();
  if (in.words && std::getenv("DIPGRAPH_TREE"))
    for (int w = 0; w < n; ++w)
      fmt::print(stderr, "tree {} {} {} {} {}\n", w, (*in.words)[w], syntax::upos_name(tr.upos(w)), tr.head(w), tr.rel(w));
  std::vector<int> trigger_of(n, -1);  // word -> index into out
  thread_local std::string scratch;
  // A press conference is no meeting of the parties: neither the noun nor
  // the verb that holds it ("held a joint news conference").
  std::vector<char> press(n, 0);
  for (int w = 0; w < n; ++w) {
    if ((tr.upos(w) != Upos::NOUN && tr.upos(w) != Upos::PROPN) || !frames_.in_class(talks_class_, tr.lemma(w)))
      continue;
    if (std::none_of(tr.kids_begin(w), tr.kids_end(w), [&](int d) {
          return is_rel(tr.base(d), {"compound", "amod"}) && frames_.in_class(press_class_, tr.lemma(d));
        }))
      continue;
    press[w] = 1;
    vetoed.push_back(w);
    const int h = tr.head(w);
    if (h >= 0 && tr.is_verb(h) && (tr.rel(w) == "obj" || tr.rel(w) == "iobj")) press[h] = 1, vetoed.push_back(h);
  }
  // "a genocide case", "invasion talks": an event noun that modifies
  // another event noun is that event's topic, no event of its own; the
  // pattern coder's reading of it goes too. ("an aid package", "a bomb
  // attack": the modifier or the head is no event noun.)
  std::vector<char> topic(n, 0);
  // (a noun whose frames all fail their conditions tells no event here: a
  // "mediation mission" is no relief mission)
  auto noun_event = [&](int h) {
    const auto* hs = frames_.find(tr.lemma(h), true);
    return hs && std::any_of(hs->begin(), hs->end(), [&](std::uint32_t fi) {
             return !frames_.frame(fi).adjective && frame_holds(c, h, frames_.frame(fi));
           });
  };
  // So is an event noun that names the work of a person ("aid workers",
  // "a peace envoy", "sanctions experts").
  for (int w = 0; w < n; ++w) {
    const int h = tr.head(w);
    if (is_rel(tr.base(w), {"compound", "amod"}) && noun_or_adjective(tr.upos(w)) && h > w && tr.upos(h) == Upos::NOUN &&
        c.mention(w) < 0 && frames_.find(tr.lemma(w), true) &&
        (noun_event(h) || (tr.base(w) == "compound" && !frames_.in_class(carrier_class_, tr.lemma(h)) &&
                           std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(h))))) {
      topic[w] = 1;
      vetoed.push_back(w);
    }
  }
  // "recalled its ambassador for consultations": talks an envoy is
  // called home for are the errand of the recall, no meeting of the two.
  for (int w = 0; w < n; ++w) {
    const int h = tr.head(w);
    if (h >= 0 && tr.base(w) == "obl" && tr.marker(w) == "for" && tr.upos(w) == Upos::NOUN &&
        frames_.in_class(talks_class_, tr.lemma(w)) && frames_.any_frame(tr.lemma(h), false, [](const Frame& f) {
          return f.cameo.rfind("16", 0) == 0;
        })) {
      topic[w] = 1;
      vetoed.push_back(w);
    }
  }
  for (int w = 0; w < n; ++w) {
    if (press[w] || topic[w]) continue;
    Upos u = tr.upos(w);
    bool noun = u == Upos::NOUN;
    // An adjective counts only as a predicate ("X was critical of Y",
    // "remained unhappy with Y"), never as a noun's modifier.
    const bool adjective = u == Upos::ADJ && (tr.child(w, "nsubj") >= 0 || tr.rel(w) == "xcomp");
    if (!(noun || u == Upos::VERB || adjective)) continue;
    int mi = c.mention(w);
    if (mi >= 0 && c.rec.mentions[mi].kind != MentionKind::title) continue;
    const auto* fs = frames_.find(tr.lemma(w), noun);
    if (!fs) continue;
    // "Russia is a threat to Europe", "X is a partner": a predicate noun
    // with an actor as its subject says what the actor is, no act (said,
    // it is the speaker's evaluation of the actor). "X is on a visit",
    // "X is in a conflict with Y", with a preposition, still tell acts.
    if (noun && tr.child(w, "cop") >= 0 && tr.child(w, "case") < 0) {
      const int sj = tr.child(w, "nsubj");
      if (sj >= 0 && c.mention(sj) >= 0) {
        vetoed.push_back(w);
        continue;
      }
    }
    // "a patrol boat", "attack helicopters": a noun of force naming the
    // kind of a craft or weapon it modifies tells no act (the pattern
    // coder's reading of it goes too).
    if (noun && tr.base(w) == "compound" && tr.head(w) > w &&
        (frames_.in_class(craft_class_, tr.lemma(tr.head(w))) || frames_.in_class(arms_class_, tr.lemma(tr.head(w))))) {
      vetoed.push_back(w);
      continue;
    }
    // So is "X is to blame": the subject is the one blamed, by whoever says
    // it (the tone of "to blame" makes the saying criticism).
    if (!noun && tr.lemma(w) == "blame" && tr.child(w, "obj") < 0) {
      const int aux = tr.child(w, "aux"), mark = tr.child(w, "mark");
      if (aux >= 0 && tr.lemma(aux) == "be" && mark >= 0 && tr.lemma(mark) == "to") {
        vetoed.push_back(w);
        continue;
      }
    }
    const std::size_t out_before = out.size();
    for (std::uint32_t fi : *fs) {
      const Frame& f = frames_.frame(fi);
      if (f.adjective != adjective || !frame_holds(c, w, f)) continue;
      // "received bribes from X", "received support": a host receives
      // people; a thing received (a common noun that names no actor and no
      // agent) is no guest.
      // (a host may host talks, a round, a summit: only "receive")
      if ((f.flags & kFrameGuest) && tr.lemma(w) == "receive" && !tr.passive(w) && !tr.reduced_passive(w))
        if (const int o = tr.child(w, "obj");
            o >= 0 && tr.upos(o) == Upos::NOUN && c.mention(o) < 0 &&
            !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(o)))
          continue;
      CodedEvent e;
      e.frame = fi;
      e.word = w;
      e.cameo = f.cameo;
      e.type = f.type;
      e.sym = f.flags & kFrameSym;
      // (the word's other part of speech counts: "a courtesy call on X" is
      // no "call on X" to act)
      const auto* other_pos = frames_.find(tr.lemma(w), !f.noun);
      auto other_root = [&](std::uint32_t g) { return frames_.frame(g).cameo.compare(0, 2, f.cameo, 0, 2) != 0; };
      e.sense_chosen = std::any_of(fs->begin(), fs->end(), other_root) ||
                       (other_pos && std::any_of(other_pos->begin(), other_pos->end(), other_root));
      if (in.words) e.why = fmt::format("{} {} (frames.tsv:{}): ", f.lemma, f.noun ? "N" : f.adjective ? "A" : "V", f.line);
      // The tree paths are written down only when traced; else into a
      // scratch string that keeps its capacity (no allocation per slot).
      scratch.clear();
      std::string& why = in.words ? e.why : scratch;
      c.private_party = false;
      c.nonstate_agent = false;
      c.thing_agent = false;
      c.unknown_owner = false;
      bool agent_phrase = false;  // the source named by the noun's own "of"/"by" phrase
      // "began a mediation mission between A and B", "sent an aid package
      // to X": a noun event that names the kind of a plain noun of
      // undertaking is told with that noun's phrases and clause.
      int at = w;
      if (const int h = tr.head(w); f.noun && tr.base(w) == "compound" && h > w &&
                                     tr.upos(h) == Upos::NOUN && c.mention(h) < 0 &&
                                     frames_.in_class(carrier_class_, tr.lemma(h)))
        at = h;
      // (the act a reprisal answers is not the subject's: see answered_act)
      const bool answered = f.noun && answered_act(c, w);
      for (const Slot& s : f.source) {
        if (answered && s.kind == SlotKind::subj) continue;
        slot(c, at, f, s, true, e.source, why);
        if (e.source.empty()) continue;
        agent_phrase = f.noun && s.kind == SlotKind::prep && (s.word == "of" || s.word == "by");
        // "the war between A and B": the parties of "between" are the
        // event's participants, whatever way the class reads otherwise
        // ("X's war on Y").
        if (s.kind == SlotKind::between && e.source.size() >= 2) e.sym = true;
        break;
      }
      for (const Slot& s : f.target) {
        slot(c, at, f, s, false, e.target, why);
        if (!e.target.empty()) break;
      }
      // "jets struck PKK positions in Iraq": force against an armed group
      // on another state's land is aimed at that state.
      if (coder_detail::force_root(f.cameo) && !e.target.empty() &&
          std::all_of(e.target.begin(), e.target.end(), [&](std::int32_t x) {
            const Mention& m = c.party(x);
            return m.kind == MentionKind::org && m.entity >= 0 &&
                   dict_.organizations()[m.entity].kind == "armed_group";
          })) {
        std::vector<std::int32_t> land;
        slot(c, at, f, Slot{SlotKind::prep, "in"}, false, land, why);
        if (!land.empty()) e.target = std::move(land), why += "(the armed group's land) ";
      }
      unnamed_maker(c, w, f, e, why);
      if (e.source.empty() && e.target.empty()) background_pact(c, w, f, e);
      if (e.source.empty() && e.target.empty()) pact_not_reached(c, w, f, out, trigger_of, e, why);
      if (e.source.empty() && !e.target.empty()) pact_with_one(c, w, f, e);
      // ... nor does the pattern coder give it one by word order
      if (c.unknown_owner && e.source.empty()) vetoed.push_back(w);
      // ... nor to a passive with no agent ("one of its ministers was
      // turned back and banned from entering"): whoever the sentence's
      // subject is did not do it
      // (a passive by its auxiliary "be" or "get", with no object: not a
      // name the tagger took for one, "Giscard d'Estaing criticized X")
      auto passive_be = [&](int v) {
        const int ap = tr.child(v, "aux:pass");
        return ap >= 0 && is_rel(tr.lemma(ap), {"be", "get"}) && tr.child(v, "obj") < 0;
      };
      if (!f.noun && e.source.empty() &&
          (passive_be(w) || (tr.rel(w) == "conj" && tr.xpos(w) == "VBN" && tr.child(w, "aux") < 0 &&
                             tr.child(w, "obj") < 0 && tr.head(w) >= 0 && passive_be(tr.head(w)))))
        vetoed.push_back(w);
      // "repelled a Russian assault", "would not tolerate attacks on its
      // troops": whoever bears or wards off an act is its target, never
      // its maker; the pattern coder, which would make them the maker,
      // does not read it.
      if (f.noun && tr.rel(w) == "obj" && tr.head(w) >= 0 && frames_.in_class(endure_class_, tr.lemma(tr.head(w)))) {
        if (e.target.empty()) {
          std::string ignored;
          actors_at(c, subject_of(c, tr.head(w), ignored), false, false, e.target);
          if (!e.target.empty()) why += "target=bearer ";
        }
        vetoed.push_back(w);
      }
      // "pledged $300 million in loans to X": aid counted in what is
      // promised or offered is only promised; the pattern coder does not
      // read it as given.
      if (f.noun && f.cameo.rfind("07", 0) == 0 && tr.marker(w) == "in" && tr.head(w) >= 0) {
        int v = tr.head(w);
        if (tr.base(w) == "nmod" && frames_.in_class(amount_class_, tr.lemma(v))) v = tr.head(v);
        else if (tr.base(w) != "obl") v = -1;
        const auto* vs = v >= 0 && tr.is_verb(v) ? frames_.find(tr.lemma(v), false) : nullptr;
        if (vs && std::any_of(vs->begin(), vs->end(),
                              [&](std::uint32_t g) { return frames_.frame(g).cameo.rfind("03", 0) == 0; }))
          vetoed.push_back(w);
      }
      // "shipments were injuring the industry", "floods killed 20": a verb
      // of force whose subject is a thing that harms no body (no actor, no
      // people, no weapon or armed craft) is said in another sense; the
      // pattern coder's reading goes too.
      if (!f.noun && armed_root(f.cameo) && e.source.empty() && !tr.passive(w)) {
        int sj = tr.child(w, "nsubj");
        // "thousands of villagers", "a group of gunmen": the ones counted
        for (const int* k = sj >= 0 ? tr.kids_begin(sj) : nullptr; sj >= 0 && k != tr.kids_end(sj); ++k)
          if (tr.base(*k) == "nmod" && tr.marker(*k) == "of" && *k > sj) {
            sj = *k;
            break;
          }
        if (sj >= 0 && tr.upos(sj) == Upos::NOUN && c.mention(sj) < 0 &&
            !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(sj)) &&
            !frames_.in_class(harmful_class_, tr.lemma(sj)) && !frames_.in_class(craft_class_, tr.lemma(sj))) {
          vetoed.push_back(w);
          if (c.in.words) e.why += fmt::format("({}: a thing harms no one) ", (*c.in.words)[sj]);
          e.source.clear();
          e.target.clear();
        }
      }
      // "its commitment to defend X", "a pledge to help X": what a promise
      // told by a noun will act on names whom it is made to.
      if (e.target.empty() && f.noun && f.cameo.rfind("03", 0) == 0)
        for (const int* d = tr.kids_begin(w); d != tr.kids_end(w) && e.target.empty(); ++d) {
          if (tr.base(*d) != "acl" || !tr.is_verb(*d) || tr.marker(*d) != "to") continue;
          actors_at(c, tr.child(*d, "obj"), false, false, e.target);
          if (!e.target.empty()) why += "target=what it will act on ";
        }
      // "four soldiers were killed in a rocket attack": an act of force told
      // as where a passive verb of harm (or "died") happened hit that
      // verb's subject. Word order (the pattern coder) would make the
      // victims the attackers when the text does not name them.
      if (e.target.empty() && f.noun && armed_root(f.cameo)) {
        const int v = victim_of_setting(c, w);
        if (v >= 0) {
          actors_at(c, v, false, false, e.target);
          if (!e.target.empty()) why += "target=victim of the verb it happened in ";
          // "died in an attack": the subject of "die" is no attacker.
          e.source.erase(std::remove_if(e.source.begin(), e.source.end(),
                                        [&](std::int32_t x) {
                                          return std::find(e.target.begin(), e.target.end(), x) != e.target.end();
                                        }),
                         e.source.end());
          // (and its reading of the whole noun, "bomb attack")
          if (e.source.empty()) {
            vetoed.push_back(w);
            for (const int* d = tr.kids_begin(w); d != tr.kids_end(w); ++d)
              if (tr.base(*d) == "compound") vetoed.push_back(*d);
          }
        }
      }
      // "convicted three men for the attack", "closed the border after
      // the raid": a definite noun of force with no party of its own, in a
      // phrase of another word, refers back to a deed told before; the
      // pattern coder, which would take the clause's subject for the
      // attacker, does not read it either.
      if (f.noun && armed_root(f.cameo) && e.source.empty() && e.target.empty() &&
          is_rel(tr.base(w), {"obl", "nmod"}) &&
          is_rel(tr.marker(w), {"for", "over", "behind", "after", "following", "since"}) &&
          std::any_of(tr.kids_begin(w), tr.kids_end(w),
                      [&](int d) { return tr.base(d) == "det" && is_rel(tr.lemma(d), {"the", "this", "that"}); }) &&
          std::none_of(tr.kids_begin(w), tr.kids_end(w),
                       [&](int d) { return is_rel(tr.base(d), {"nmod", "amod", "compound", "acl"}); }))
        vetoed.push_back(w);
      // "protested against the visit of the US secretary": the visitor is
      // named; the pattern coder, which would take the clause's subject as
      // the visitor, does not read this noun either.
      if (agent_phrase && e.target.empty()) vetoed.push_back(w);
      // "X visited Y, along with Z": Z acts with X.
      if (!f.noun && !(f.flags & kFrameSay))
        for (const int* d = tr.kids_begin(w); d != tr.kids_end(w); ++d) {
          if (tr.base(*d) != "obl" && tr.base(*d) != "conj") continue;
          bool along = false, with = false;
          for (const int* k = tr.kids_begin(*d); k != tr.kids_end(*d); ++k)
            if (tr.base(*k) == "case" || tr.base(*k) == "advmod") {
              along |= is_rel(tr.lemma(*k), {"along", "together"});
              with |= tr.lemma(*k) == "with" && tr.base(*k) == "case";
            }
          if (!(along && with)) continue;
          const std::size_t before = e.source.size();
          actors_at(c, *d, true, false, e.source);
          if (e.source.size() > before) why += "source+=along with ";
        }
      bool planned_stop = false;
      // "Her first stop will be Rome": a journey noun that is the
      // subject of a copula names its place in the predicate.
      if (e.target.empty() && f.noun && f.type == "visit" && tr.base(w) == "nsubj" && tr.head(w) >= 0 &&
          tr.child(tr.head(w), "cop") >= 0 && c.mention(tr.head(w)) >= 0) {
        actors_at(c, tr.head(w), false, true, e.target);
        if (!e.target.empty()) why += "target=predicate ";
        // "..., where he will meet X": what is still to be done there makes the stop one to come.
        for (const int* d = tr.kids_begin(tr.head(w)); d != tr.kids_end(tr.head(w)); ++d) {
          if (tr.rel(*d) != "acl:relcl") continue;
          std::vector<int> todo{*d};
          for (std::size_t q = 0; q < todo.size() && q < 8; ++q)
            for (const int* k = tr.kids_begin(todo[q]); k != tr.kids_end(todo[q]); ++k) {
              if (tr.base(*k) == "aux" && is_rel(tr.lemma(*k), {"will", "shall"})) planned_stop = true;
              if (tr.base(*k) == "ccomp" || tr.base(*k) == "xcomp") todo.push_back(*k);
            }
        }
      }
      // "X joined Y in condemning Z", "join with Y in funding Z": Y acts too.
      if (!e.source.empty() && tr.base(w) == "advcl" && tr.marker(w) == "in" && tr.head(w) >= 0 &&
          tr.lemma(tr.head(w)) == "join") {
        const int j = tr.head(w);
        const std::size_t before = e.source.size();
        for (const int* d = tr.kids_begin(j); d != tr.kids_end(j); ++d)
          if (tr.rel(*d) == "obj" || (tr.base(*d) == "obl" && tr.marker(*d) == "with"))
            actors_at(c, *d, true, false, e.source);
        if (e.source.size() > before) why += "source+=joined ";
      }
      rebind_descriptions(c, e.source, e.target);
      // "told Japanese reporters": a private party is no party here; the
      // pattern coder's reading of this word goes too.
      // "rebel attacks": the pattern coder's guess at a state source goes too.
      if ((c.private_party || c.nonstate_agent || c.thing_agent) && (e.source.empty() || e.target.empty()))
        vetoed.push_back(w);
      // "we are working with A and with B": a symmetric act whose subject
      // is no known party does not tie A and B to each other.
      if ((f.flags & kFrameSym) && !f.noun && e.source.empty() && e.target.size() > 1) {
        std::string ignored;
        if (subject_of(c, w, ignored) >= 0) e.target.clear();
      }
      // "demanded that Japan end ...", "urged that Iran ...": the one asked
      // is the subject of the clause that says what is asked.
      if (e.target.empty() && !f.noun && (f.cameo.rfind("02", 0) == 0 || f.cameo.rfind("10", 0) == 0)) {
        int cc = tr.child(w, "ccomp");
        if (cc >= 0 && tr.mandative(cc)) {
          int subj = tr.child(cc, "nsubj");
          if (subj < 0) subj = tr.child(cc, "nsubj:pass");
          actors_at(c, subj, false, false, e.target);
          if (!e.target.empty()) why += "target=ccomp ";
        }
      }
      warned_target(c, w, f, e, why);
      // "wrote to X asking ...", "called X urging ...": a participle of
      // asking that names no one asks the one the message went to.
      if (e.target.empty() && !f.noun && (f.cameo.rfind("02", 0) == 0 || f.cameo.rfind("10", 0) == 0) &&
          tr.base(w) == "advcl" && tr.head(w) >= 0 && tr.child(w, "mark") < 0 &&
          is_rel(tr.lemma(tr.head(w)), {"write", "call", "phone", "telephone", "send", "tell", "contact", "address",
                                        "approach", "petition", "lobby", "cable"})) {
        const int h = tr.head(w);
        for (const int* d = tr.kids_begin(h); d != tr.kids_end(h) && e.target.empty(); ++d)
          if (tr.rel(*d) == "obj" || tr.rel(*d) == "iobj" || (tr.base(*d) == "obl" && tr.marker(*d) == "to"))
            actors_at(c, *d, false, false, e.target);
        if (!e.target.empty()) why += "target=addressee of the head ";
      }
      implied_target(c, w, f, e, why);
      // "fired drones targeting X's bases", "a raid aimed at X": a
      // participle of aiming on the trigger or its object names the target.
      if (e.target.empty() && !(f.flags & (kFrameSym | kFrameSay))) {
        int o = f.noun ? -1 : tr.child(w, "obj");
        for (int n : {w, o}) {
          if (n < 0 || !e.target.empty()) continue;
          for (const int* d = tr.kids_begin(n); d != tr.kids_end(n) && e.target.empty(); ++d) {
            if (tr.base(*d) != "acl" || !tr.is_verb(*d)) continue;
            if (tr.lemma(*d) == "target") actors_at(c, tr.child(*d, "obj"), false, false, e.target);
            if (tr.lemma(*d) == "aim" || tr.lemma(*d) == "direct")
              for (const int* a = tr.kids_begin(*d); a != tr.kids_end(*d); ++a)
                if (tr.base(*a) == "obl" && tr.marker(*a) == "at") actors_at(c, *a, false, false, e.target);
            if (!e.target.empty()) why += "target=aimed ";
          }
        }
      }
      // "staged a rally to denounce X's decision", "marched to protest
      // against X": a protest is aimed at what its purpose clause
      // criticizes (its object, or its "against", "at", "over" phrase).
      if (e.target.empty() && f.cameo.rfind("14", 0) == 0) {
        const int gov = f.noun && tr.base(w) == "obj" ? tr.head(w) : -1;
        for (int n : {w, gov}) {
          if (n < 0 || !e.target.empty()) continue;
          for (const int* d = tr.kids_begin(n); d != tr.kids_end(n) && e.target.empty(); ++d) {
            if (!is_rel(tr.base(*d), {"acl", "advcl"}) || !tr.is_verb(*d) || tr.marker(*d) != "to" ||
                !frames_.any_frame(tr.lemma(*d), false, [](const Frame& g) {
                  return g.cameo.rfind("11", 0) == 0 || g.cameo.rfind("14", 0) == 0;
                }))
              continue;
            for (const int* a = tr.kids_begin(*d); a != tr.kids_end(*d) && e.target.empty(); ++a)
              if (tr.base(*a) == "obj" || (tr.base(*a) == "obl" && is_rel(tr.marker(*a), {"against", "at", "over"})))
                actors_at(c, *a, false, false, e.target);
            if (!e.target.empty()) why += "target=what its purpose criticizes ";
          }
        }
      }
      // "withheld the aid slated for X", "sent aid meant for X": aid whose
      // receiver the object's own phrase names.
      // (Aid pledged or offered, 033, too.)
      if (e.target.empty() && !f.noun && (f.cameo.rfind("07", 0) == 0 || f.cameo == "162" || f.cameo == "033")) {
        // the object, or the aid an amount is "in" ("$400 million in aid"),
        // hung on the verb or on the amount
        std::vector<int> objs;
        for (const int* k = tr.kids_begin(w); k != tr.kids_end(w); ++k) {
          if (!(tr.rel(*k) == "obj" || (tr.base(*k) == "obl" && tr.marker(*k) == "in"))) continue;
          objs.push_back(*k);
          for (const int* d = tr.kids_begin(*k); d != tr.kids_end(*k); ++d)
            if (tr.base(*d) == "nmod" && tr.marker(*d) == "in") objs.push_back(*d);
        }
        for (const int o : objs) {
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o) && e.target.empty(); ++d) {
            if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"to", "for"})) actors_at(c, *d, false, true, e.target);
            if (tr.base(*d) == "acl")
              for (const int* g = tr.kids_begin(*d); g != tr.kids_end(*d) && e.target.empty(); ++g)
                if (tr.base(*g) == "obl" && is_rel(tr.marker(*g), {"to", "for"})) actors_at(c, *g, false, true, e.target);
          }
        }
        if (!e.target.empty()) why += "target=the object's receiver ";
      }
      if (e.target.empty() && !e.source.empty() && (f.cameo.rfind("07", 0) == 0 || f.cameo == "033"))
        purpose_receivers(c, w, f, e, why);
      // "flew to Quito for talks on the border": talks a journey is made
      // for, with no party of their own, are held with whom the journey
      // goes to (a verb of visiting, its "to" or "in" place).
      if (e.target.empty() && !e.source.empty() && f.noun && (f.flags & kFrameSym) && f.cameo.rfind("04", 0) == 0 &&
          tr.base(w) == "obl" && tr.marker(w) == "for" && tr.head(w) >= 0 && tr.is_verb(tr.head(w))) {
        const int h = tr.head(w);
        const auto* hs = frames_.find(tr.lemma(h), false);
        if (hs && std::any_of(hs->begin(), hs->end(), [&](std::uint32_t g) { return frames_.frame(g).cameo == "042"; }))
          for (const int* k = tr.kids_begin(h); k != tr.kids_end(h) && e.target.empty(); ++k)
            if (tr.base(*k) == "obl" && is_rel(tr.marker(*k), {"to", "in"})) actors_at(c, *k, false, true, e.target);
        if (!e.target.empty()) why += "target=where the journey goes ";
      }
      // "met X and signed three agreements": a symmetric act told as the
      // conjunct of a meeting is done with whom the meeting was.
      if (e.target.empty() && !e.source.empty() && !f.noun && (f.flags & kFrameSym) && tr.base(w) == "conj" &&
          tr.head(w) >= 0 && tr.is_verb(tr.head(w))) {
        const int h = tr.head(w);
        const auto* hs = frames_.find(tr.lemma(h), false);
        const bool meeting = hs && std::any_of(hs->begin(), hs->end(), [&](std::uint32_t g) {
                               return frames_.frame(g).cameo.rfind("04", 0) == 0 && frame_holds(c, h, frames_.frame(g));
                             });
        if (meeting) {
          actors_at(c, tr.child(h, "obj"), false, false, e.target);
          for (const int* d = tr.kids_begin(h); d != tr.kids_end(h); ++d)
            if (tr.base(*d) == "obl" && tr.marker(*d) == "with") actors_at(c, *d, false, false, e.target);
          if (!e.target.empty()) why += "target=the meeting's party ";
        }
      }
      // "Poland welcomed the Polish journalist's release": praise or blame
      // of an act whose own phrase names only the source's side is aimed at
      // no one of that side (the extractor drops such a target); the act
      // referred to tells whom.
      const int judged = f.noun ? -1 : tr.child(w, "obj");
      if (!e.source.empty() && !e.target.empty() && !(f.flags & (kFrameSym | kFrameSay)) &&
          (f.cameo.rfind("05", 0) == 0 || f.cameo.rfind("11", 0) == 0) && judged >= 0 &&
          tr.upos(judged) == Upos::NOUN &&
          (frames_.find(tr.lemma(judged), true) || frames_.in_class(act_class_, tr.lemma(judged))) &&
          std::all_of(e.target.begin(), e.target.end(), [&](std::int32_t x) { return c.among(x, e.source); })) {
        e.target.clear();
        why += "target of its own side dropped ";
      }
      if (!e.source.empty() && !f.noun && !(f.flags & (kFrameSym | kFrameSay))) {
        if (e.target.empty()) conjunct_target(c, w, e.source, e.target, why);
        if (e.target.empty()) answered_party(c, w, e.source, e.target, why, f.cameo.rfind("13", 0) == 0);
        if (e.target.empty()) referred_act(c, w, f.cameo, e.source, e.target, why);
      }
      if (!e.source.empty() && f.noun && e.target.empty() && !(f.flags & (kFrameSym | kFrameSay)))
        repeated_act(c, w, f.cameo, e.source, e.target, why);
      // ... and of a noun ("expressed regret at the decision")
      if (!e.source.empty() && f.noun && e.target.empty() && !(f.flags & (kFrameSym | kFrameSay)))
        referred_act(c, w, f.cameo, e.source, e.target, why);

      // (a target of the speaker's own country, "from Iraqi territory", is
      // where the act is asked for, not whom)
      if (!e.source.empty() && !f.noun && (f.cameo.rfind("10", 0) == 0 || f.cameo.rfind("02", 0) == 0) &&
          std::all_of(e.target.begin(), e.target.end(), [&](std::int32_t x) { return c.among(x, e.source); })) {
        std::vector<std::int32_t> asked;
        demanded_act_party(c, w, e.source, asked, why);
        if (!asked.empty()) e.target = std::move(asked);
      }
      if (e.target.empty() && !e.source.empty() && coder_detail::force_root(f.cameo))
        force_territory(c, w, e.source, e.target, why);
      // "backed an uprising", "condemned the rebels": aimed at a non-state
      // party the object names, no other one.
      const int obj = f.noun ? -1 : tr.child(w, "obj");
      const bool nonstate_object = obj >= 0 && frames_.in_class(nonstate_class_, tr.lemma(obj));
      // "alleged that the company had ...": a complement that should name
      // the target names none; no other party of the sentence stands in.
      const bool told_content = !f.noun && tr.child(w, "ccomp") >= 0 &&
                                std::any_of(f.target.begin(), f.target.end(),
                                            [](const Slot& s) { return s.kind == SlotKind::comp; });
      if (e.target.empty() && !e.source.empty() && !(f.flags & (kFrameSym | kFrameSay)) && aimed(f.cameo) &&
          !nonstate_object && !told_content &&
          // An act the tree leaves aimed at no one is not aimed by the
          // pattern coder, by word order, at a party the tree passed over:
          // the subject of a clause joined to it ("X condemned the coup, and
          // Y called for calm"), whose rules a wrong breaks ("a violation of
          // UN resolutions")
          other_party(c, w, e.source, e.target, why, f.cameo[0] == '2' || (f.cameo[0] == '1' && f.cameo[1] >= '4')))
        vetoed.push_back(w);
      bool placed = false;  // the source is the place of an arrest told by a noun
      place_parties(c, w, f, e, why, placed);
      // "rejected X's demand", "denied the accusation": the demand and the
      // accusation were made; what the verb does to them is its own event.
      const bool act = f.noun && std::string_view("01 02 03 10 11 12 13").find(f.cameo.substr(0, 2)) !=
                                     std::string_view::npos;
      int st = status_of(c, at, act);
      // "announced new sanctions on X": measures announced (root 16) are
      // imposed, not planned as an announced visit is ("will announce
      // sanctions" keeps its modal)
      if (f.noun && st == static_cast<int>(Status::planned) && f.cameo.rfind("16", 0) == 0 &&
          tr.rel(w) == "obj" && tr.head(w) >= 0 && tr.lemma(tr.head(w)) == "announce" &&
          tr.child(tr.head(w), "aux") < 0)
        st = static_cast<int>(Status::occurred);
      // "X, which has a defence treaty with Y": a treaty held is a standing
      // tie, no act of agreeing told here.
      if (f.noun && frames_.in_class(agreement_class_, tr.lemma(w)) && tr.rel(w) == "obj" && tr.head(w) >= 0 &&
          tr.lemma(tr.head(w)) == "have")
        st = kHypothetical;
      // "extradited suspects under their treaty": an act done under an
      // agreement tells the agreement as standing, not made here.
      if (f.noun && frames_.in_class(agreement_class_, tr.lemma(w)) && is_rel(tr.base(w), {"obl", "nmod"}) &&
          tr.marker(w) == "under")
        st = kHypothetical;
      // "talks on a trade deal between X and Y", "a conference on aid to
      // X": a deal or a cooperative act talked about is under negotiation,
      // not reached or done.
      // ("held talks on a deal", with the phrase on the verb, the same)
      bool talked_about = false;
      if (f.noun && tr.head(w) >= 0 && is_rel(tr.marker(w), {"on", "over", "about", "for"}) &&
          st == static_cast<int>(Status::occurred)) {
        const int h = tr.head(w);
        const int talks = tr.base(w) == "nmod" ? h : tr.base(w) == "obl" ? tr.child(h, "obj") : -1;
        talked_about = talks >= 0 && frames_.in_class(talks_class_, tr.lemma(talks));
        if (talked_about && (frames_.in_class(agreement_class_, tr.lemma(w)) || cooperative_root(f.cameo)))
          st = static_cast<int>(Status::negotiating);
      }
      // A noun that is another event's content ("criticized the arrests"):
      // the act is nobody's here.
      // So is a noun event that names the object ("blocked an aid package").
      // ... or the amount it is given "in" ("pledged $5 million in aid").
      const int named = f.noun && tr.head(w) >= 0 && tr.is_nominal(tr.head(w)) &&
                                (tr.base(w) == "compound" || (tr.base(w) == "nmod" && tr.marker(w) == "in"))
                            ? tr.head(w)
                            : w;
      // ... or what a verb of hindering holds up ("blocked aid convoys").
      bool content = f.noun && tr.head(named) >= 0 && tr.rel(named) == "obj" &&
                     (content_verb(c, tr.head(named), f) || frames_.in_class(hinder_class_, tr.lemma(tr.head(named))));
      // "a memorial to the victims of the massacre", "the anniversary of the
      // war": an act of force told only as what a noun of people or time is
      // of is background; word order (the pattern coder) guesses no maker.
      const bool background = f.noun && coder_detail::force_root(f.cameo) && tr.base(w) == "nmod" && tr.marker(w) == "of" &&
                              tr.head(w) >= 0 && tr.upos(tr.head(w)) == Upos::NOUN && !frames_.find(tr.lemma(tr.head(w)), true);
      // ... and so is one the clause is "over" or "about" ("expressed concern
      // over the arrest of X": the concerned made no arrest).
      // (as is one talks are held on: "talks on sanctions"; the act a
      // reprisal answers, "expelled X in retaliation for the expulsion of
      // Y", has a maker of its own or none)
      // (also hung on a noun: "sanctioned X's officials over the crackdown")
      const bool topic = f.noun && ((is_rel(tr.base(w), {"obl", "nmod"}) &&
                                     is_rel(tr.marker(w), {"over", "about", "regarding", "concerning"})) ||
                                    talked_about);
      // (the pattern coder would take the clause's subject for the maker)
      if (st == kHypothetical || content || answered || ((background || topic) && (e.source.empty() || placed))) {
        vetoed.push_back(w);
        // (and the pattern coder's reading of its compound: "over the port
        // deal with X" is no port project of the clause's subject)
        for (const int* d = tr.kids_begin(w); d != tr.kids_end(w); ++d)
          if (tr.base(*d) == "compound") vetoed.push_back(*d);
      }
      // "Uganda's refusal to reopen the border": an act refused is not
      // done; where the tree finds no party for it, word order (the pattern
      // coder) would read it done.
      if (const int mk = f.noun ? -1 : tr.child(w, "mark");
          mk >= 1 && tr.lemma(mk) == "to" && frames_.in_class(refusal_class_, tr.lemma(mk - 1)) &&
          (e.source.empty() || e.target.empty()))
        vetoed.push_back(w);
      // "I applaud ...", "we condemn ...": the act is the speaker's, whom
      // only the quote's attribution names; word order (the pattern coder)
      // would take another name of the sentence for it.
      if (e.source.empty() && !f.noun) {
        std::string ignored;
        const int sj = subject_of(c, w, ignored);
        if (sj >= 0 && tr.upos(sj) == Upos::PRON && c.mention(sj) < 0 && is_rel(tr.lemma(sj), {"i", "we", "you"}))
          vetoed.push_back(w);
      }
      e.hypothetical = st == kHypothetical;
      e.status = e.hypothetical ? Status::occurred : static_cast<Status>(st);
      if (planned_stop && e.status == Status::occurred) e.status = Status::planned;
      // A frame that asks for the negation ("would not accept X's demand":
      // a rejection) has taken it into its code: the act told is done.
      if (e.status == Status::negated && f.asks(CondKind::neg)) {
        e.status = Status::occurred;
        e.sense_chosen = true;  // the pattern coder's reading of the negated verb gives way
      }
      // ... and so has one that asks for an obligation ("two envoys must
      // leave": the order to leave is given).
      if (e.hypothetical && f.asks(CondKind::must)) e.hypothetical = false;
      // An offer, promise or pledge is intended by nature, unless negated.
      if (f.cameo.rfind("03", 0) == 0 && e.status != Status::negated) e.status = Status::intended;
      // ... and a threat is made when it is told ("would respond in kind"
      // is a warning given now, however far off the response).
      if (f.cameo.rfind("13", 0) == 0 && !f.noun && (e.status == Status::planned || e.status == Status::intended))
        e.status = Status::occurred;
      // A cooperative act one side is ready, willing or committed to do is
      // that side's intent to do it (CAMEO 03: "ready to help X" is an
      // intent to give aid, 033), as the pattern coder codes it.
      if (e.status == Status::intended && !e.hypothetical)
        if (const char* intent = coder_detail::intent_code(e.cameo)) {
          e.cameo = intent;
          e.type = "intent";
          // (a pair's shared intent with no one else named stays theirs:
          // "A and B pledged closer cooperation")
          e.sym = e.sym && e.target.empty() && e.source.size() >= 2;
          // the pattern coder, which reads the act as done, gives way
          e.sense_chosen = true;
        }
      // A hostile act promised on a condition ("if X does ..., we will
      // destroy its economy") is a threat, made now; so is one told by the
      // verb's object ("we will impose sanctions if ...").
      if (e.status == Status::planned &&
          (!f.noun || (tr.rel(w) == "obj" && tr.head(w) >= 0 && tr.is_verb(tr.head(w))))) {
        const std::string_view r2 = std::string_view(e.cameo).substr(0, 2);
        const char* threat = threat_code(r2);
        // the condition: an "if" or "unless" clause of the sentence, however
        // the parser hung it, that does not hold the act itself
        bool conditional = false;
        int condition = -1;  // the verb of the condition's clause
        for (int m = 0; threat && m < tr.size() && !conditional; ++m) {
          if (tr.base(m) != "mark" || !is_rel(tr.lemma(m), {"if", "unless"})) continue;
          int x = w;
          while (x >= 0 && x != tr.head(m)) x = tr.head(x);
          conditional = x < 0;
          if (conditional) condition = tr.head(m);
        }
        if (conditional) {
          e.cameo = threat;
          e.type = "threat";
          e.status = Status::occurred;
          e.sense_chosen = true;  // the pattern coder's reading of the act gives way
          e.why += "conditional threat ";
          // "... would retaliate if X raised duties": aimed at whoever the
          // condition is about, when nothing else names a target.
          if (e.target.empty() && condition >= 0) {
            int sj = tr.child(condition, "nsubj");
            if (sj < 0) sj = tr.child(condition, "nsubj:pass");
            actors_at(c, sj, false, false, e.target);
            if (!e.target.empty()) e.why += "target=subject of the condition ";
          }
        } else if (!f.noun && frames_.in_class(reprisal_class_, f.lemma)) {
          // "said it would retaliate", "will punish X": a reprisal told
          // ahead, its measure unnamed, is a warning of consequences
          e.cameo = "130";
          e.type = "threat";
          e.status = Status::occurred;
          e.sense_chosen = true;
          e.why += "reprisal told ahead: threat ";
        }
      }
      e.say = (f.flags & kFrameSay) != 0;
      // "X was received in Lagos by Y": hosting told from the guest's side
      // is the guest's visit to the host (news coders' visit, visitor ->
      // host); the active "Y received X" stays the host's act (043).
      // Received by a person ("by Nigeria's president"), not by a place,
      // the guest also meets the host: a visit and the meeting during it
      // are two facts.
      bool guest_meets = false;
      if ((f.flags & kFrameGuest) && (tr.passive(w) || tr.reduced_passive(w)) && !e.source.empty() &&
          !e.target.empty()) {
        std::swap(e.source, e.target);
        e.cameo = "042";
        e.why += "guest's visit ";
        guest_meets = meet_frame_ >= 0 && std::all_of(e.target.begin(), e.target.end(), [&](std::int32_t x) {
          const MentionKind k = c.party(x).kind;
          return k == MentionKind::person || k == MentionKind::role;
        });
      }
      trigger_of[w] = static_cast<int>(out.size());
      // a pair's acts against each other, and talks held separately
      // (coder_pairs.cpp)
      if (pair_readings(c, f, w, e, out)) break;
      if (guest_meets) {
        CodedEvent m = e;
        m.frame = static_cast<std::uint32_t>(meet_frame_);
        m.cameo = "040";
        m.type = "meeting";
        m.sym = true;
        m.why += "and meets the host ";
        out.push_back(std::move(e));
        out.push_back(std::move(m));
        break;
      }
      const bool also = f.flags & kFrameAlso;
      out.push_back(std::move(e));
      if (!also) break;  // the first frame that holds (and the next one, after "also")
    }
    // "shells landed in X": a word whose frame the classes of its
    // arguments rule out (no visit by shells) tells no act in that sense;
    // the pattern coder, which reads the words alone, gives way on it too.
    if (out.size() == out_before && gated_out(c, w, *fs, adjective)) vetoed.push_back(w);
  }
  presence_visits(c, out);
  according_to(c, out);
  pattern_vetoes(c, vetoed);
  if (out.size() == first) return;

  quoted_speaker(c, first, out);
  inline_quote_speaker(c, first, out);
  appeal_content(c, first, out);

  reported_speech(c, first, out, vetoed);
  stated_reasons(c, first, out);

  one_event_per_clause(c, first, trigger_of, out, vetoed);
  answer_latest_acts(c, first, out);
  acts_in_kind(c, first, out);
  halted_nouns(c, first, out);
}

}  // namespace dipgraph::ingest
