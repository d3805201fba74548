// One main event per clause (coder.hpp, Coder::one_event_per_clause): what
// the coder keeps of the events it read in a sentence when one is another's
// object, complement or content. Written for dipgraph.
#include <algorithm>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using coder_detail::threat_code;

void Coder::one_event_per_clause(const Ctx& c, std::size_t first,
                                 const std::vector<int>& trigger_of, std::vector<CodedEvent>& out,
                                 std::vector<int>& vetoed) const {
  const Tree& tr = c.t;
  // A phrase of time or circumstance that sets a clause's scene ("amid
  // concern over X", "after the talks"): no part of what the clause says.
  auto scene = [&](int d) {
    return is_rel(tr.base(d), {"obl", "nmod"}) &&
           is_rel(tr.marker(d), {"amid", "amidst", "despite", "during", "after", "before", "following", "since",
                                 "until", "because"});
  };
  // The parties of a symmetric event x, when two or more and none of the
  // country of one of src: a meeting of others ("hosted talks between A
  // and B", "offered to host talks between A and B").
  auto others = [&](const CodedEvent& x, const std::vector<std::int32_t>& src) {
    std::vector<std::int32_t> parties = x.source;
    parties.insert(parties.end(), x.target.begin(), x.target.end());
    const bool apart = x.sym && !src.empty() && parties.size() >= 2 &&
                       std::none_of(parties.begin(), parties.end(), [&](std::int32_t p) {
                         return std::any_of(src.begin(), src.end(),
                                            [&](std::int32_t s) { return c.country_of(p) == c.country_of(s); });
                       });
    if (!apart) parties.clear();
    return parties;
  };
  // The parties name one state (its country, or a party of none).
  auto one_state = [&](const std::vector<std::int32_t>& parties) {
    if (parties.empty()) return false;
    const int c0 = c.country_of(parties[0]);
    return std::all_of(parties.begin(), parties.end(), [&](std::int32_t p) { return c.country_of(p) == c0; });
  };
  // One main event per clause.
  std::vector<char> drop(out.size() - first, 0);
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    const Frame& f = frames_.frame(e.frame);
    int h = tr.head(e.word);
    // (an act counted in an amount, "provided $5 million in aid", is the
    // amount's verb's)
    const bool counted = f.noun && h >= 0 && tr.base(e.word) == "nmod" && tr.marker(e.word) == "in" &&
                         frames_.in_class(amount_class_, tr.lemma(h));
    if (counted) h = tr.head(h);
    // A noun event that is the object of a verb event of the same root.
    // ("travelled to X for talks with Y": a visit and the meeting held
    // during it are two events, of two types.)
    // (The act a reprisal answers is another act: "expelled X in
    // retaliation for the expulsion of Y".)
    if (f.noun && h >= 0 && trigger_of[h] >= 0 && !answered_act(c, e.word)) {
      CodedEvent& g = out[trigger_of[h]];
      // "clashes on the border killed 30 troops": the harm a noun of
      // force is the subject of is its outcome; the noun tells the event
      // (its parties, if it names none, the story's: story_parties).
      if (tr.base(e.word) == "nsubj" && g.source.empty() && coder_detail::armed_root(e.cameo) &&
          coder_detail::armed_root(g.cameo) && !frames_.frame(g.frame).noun) {
        drop[static_cast<std::size_t>(trigger_of[h]) - first] = 1;
        continue;
      }
      const bool visit_and_meeting =
          (g.type == "visit") != (e.type == "visit") && tr.base(e.word) == "obl";
      // "lifted its ban on X", "eased the sanctions": what is lifted is the
      // lifting's object, told as done before; the lifting is the event.
      const bool lifted =
          g.cameo.rfind("08", 0) == 0 && tr.rel(e.word) == "obj" && e.cameo.rfind("16", 0) == 0;
      // "pledged $5 million in aid to X": the aid is what is pledged.
      const bool pledged = g.cameo.rfind("03", 0) == 0 && e.cameo.rfind("07", 0) == 0 &&
                           (tr.base(e.word) == "obl" || counted) && tr.marker(e.word) == "in";
      // ("hosted talks between A and B": the meeting of others the host
      // receives is theirs, an event of its own.)
      if (((g.cameo.substr(0, 2) == e.cameo.substr(0, 2) && !visit_and_meeting) || lifted || pledged) &&
          others(e, g.source).empty()) {
        // (a target that is only the source again, "offered its
        // mediation" read through "its", names no one)
        auto own = [&](std::int32_t x) {
          const int cx = c.country_of(x);
          return cx >= 0 && std::any_of(g.source.begin(), g.source.end(),
                                        [&](std::int32_t y) { return c.country_of(y) == cx; });
        };
        const bool own_target =
            !g.target.empty() && std::all_of(g.target.begin(), g.target.end(), own);
        if (g.target.empty() || (own_target && !e.target.empty())) g.target = e.target;
        if (g.source.empty()) g.source = e.source;
        // "offered talks with X", "offered its mediation": the noun names
        // the kind of intent the verb's generic code (030) does not.
        if (g.cameo.size() == 3 && g.cameo[2] == '0' && e.cameo.size() == 3 && e.cameo[2] != '0' &&
            e.cameo.compare(0, 2, g.cameo, 0, 2) == 0) {
          g.cameo = e.cameo;
          g.type = e.type;
        }
        drop[k - first] = 1;
        continue;
      }
    }
    // "raised their ties to a strategic partnership": the footing ties are
    // raised to names no event of its own.
    // (the phrase on the verb, or on the ties themselves)
    if (f.noun && h >= 0 && is_rel(tr.base(e.word), {"obl", "nmod"}) && is_rel(tr.marker(e.word), {"to", "into"})) {
      const bool on_ties = tr.rel(h) == "obj" && frames_.in_class(ties_class_, tr.lemma(h));
      const int v = on_ties ? tr.head(h) : h;
      const int o = v >= 0 ? tr.child(v, "obj") : -1;
      if (v >= 0 && trigger_of[v] >= 0 && o >= 0 && frames_.in_class(ties_class_, tr.lemma(o))) {
        drop[k - first] = 1;
        continue;
      }
    }
    // "the pact that X signed with Y": a noun event that a relative clause
    // of the same root tells of (the noun its object) is that clause's
    // event; what becomes of the noun later ("has yet to be ratified") is
    // not the signing's.
    if (f.noun) {
      for (const int* d = tr.kids_begin(e.word); d != tr.kids_end(e.word) && !drop[k - first]; ++d) {
        if (tr.rel(*d) != "acl:relcl" || trigger_of[*d] < 0) continue;
        CodedEvent& g = out[trigger_of[*d]];
        // (its object: the relative pronoun, or the gap of an active
        // clause with a subject and no relative word of its own, "the pact
        // X signed"; not "clashes in which soldiers were killed")
        const int o = tr.child(*d, "obj");
        bool gap = o < 0 && !tr.passive(*d) && tr.child(*d, "nsubj") >= 0;
        for (const int* r = tr.kids_begin(*d); r != tr.kids_end(*d) && gap; ++r)
          gap = !is_rel(tr.lemma(*r), {"which", "where", "when", "whom"});
        if (g.cameo.compare(0, 2, e.cameo, 0, 2) != 0 || !(gap || (o >= 0 && is_rel(tr.lemma(o), {"that", "which"}))))
          continue;
        if (g.source.empty()) g.source = e.source;
        if (g.target.empty()) g.target = e.target;
        drop[k - first] = 1;
      }
      if (drop[k - first]) continue;
    }
    // "struck a hotel in X, wounding 30 people": the harm a participle tells
    // of an act of force is that act's outcome, no second attack (nor the
    // pattern coder's reading of it).
    // (the parser may hang the participle on the attribution after it,
    // "..., wounding 30, officials said", with "said" joined to the act)
    int act = h;
    if (act >= 0 && speech_verb(tr.lemma(act)) && tr.is_verb(act) && tr.head(act) >= 0 &&
        tr.head(act) < e.word)
      act = tr.head(act);
    // (a participle set off by a comma, no gerund of manner: "retaliated
    // by shelling X" tells the act itself)
    const bool outcome = e.word > 0 && tr.lemma(e.word - 1) == "," && tr.child(e.word, "mark") < 0;
    if (!f.noun && act >= 0 && trigger_of[act] >= 0 && tr.base(e.word) == "advcl" && outcome &&
        tr.xpos(e.word) == "VBG" && coder_detail::armed_root(e.cameo) &&
        coder_detail::armed_root(out[trigger_of[act]].cameo)) {
      drop[k - first] = 1;
      vetoed.push_back(e.word);
      continue;
    }
    // "agreed to meet", "agreed that their ministers should meet": a
    // meeting decided, so planned, not a settlement; the meeting's trigger
    // tells it, with its parties (and the agreement's, when it names none).
    if (f.flags & kFramePlan || (f.cameo == "057" && !f.noun)) {
      int x = tr.child(e.word, "xcomp");
      if (x < 0 && !(f.flags & kFramePlan)) x = tr.child(e.word, "ccomp");
      // ("agreed to hold talks": the meeting is the complement's object)
      auto meeting_at = [&](int y) {
        return y >= 0 && trigger_of[y] >= 0 && out[trigger_of[y]].cameo.rfind("04", 0) == 0 &&
               out[trigger_of[y]].cameo != "043";
      };
      // ("agreed to open formal talks", "to start negotiations": opening a
      // process of talks is a settlement between them too, besides the
      // talks planned; "agreed to meet again" is the meeting alone)
      bool opened = false;
      if (x >= 0 && !meeting_at(x) && meeting_at(tr.child(x, "obj"))) {
        opened = is_rel(tr.lemma(x), {"open", "start", "begin", "launch", "resume", "enter"}) &&
                 is_rel(tr.lemma(tr.child(x, "obj")), {"talk", "negotiation", "dialogue", "consultation"});
        x = tr.child(x, "obj");
      }
      if (meeting_at(x)) {
        CodedEvent& m = out[trigger_of[x]];
        if (m.status != Status::negated) m.status = Status::planned;
        m.hypothetical = false;  // ("should meet": what was agreed)
        std::vector<int> states;
        for (const auto* side : {&m.source, &m.target})
          for (std::int32_t p : *side)
            if (const int cp = c.country_of(p); cp >= 0 && std::find(states.begin(), states.end(), cp) == states.end())
              states.push_back(cp);
        if (states.size() < 2) {
          m.source = e.source;
          m.target = e.target;
          m.sym = true;
        }
        m.why += "agreed: planned ";
        m.sense_chosen = true;  // (nor its intent to meet at the meeting's word)
        if (opened && !e.source.empty()) {
          e.why += "agreed to open talks: an agreement ";
          continue;
        }
        drop[k - first] = 1;
        vetoed.push_back(e.word);  // (nor the pattern coder's intent or agreement there)
        continue;
      }
      // (a meeting of parties the clause does not name itself: "agreed
      // that their ministers should meet" is the agreeing parties' meeting)
      const Frame* meeting = nullptr;
      if (x >= 0 && trigger_of[x] < 0 && tr.is_verb(x))
        if (const auto* xs = frames_.find(tr.lemma(x), false))
          for (std::uint32_t g : *xs)
            if (!meeting && frames_.frame(g).cameo.rfind("04", 0) == 0 && frames_.frame(g).cameo != "043")
              meeting = &frames_.frame(g);
      if (meeting) {
        e.cameo = meeting->cameo;
        e.type = meeting->type;
        if (e.status != Status::negated) e.status = Status::planned;
        e.why += "agreed to meet: planned ";
        continue;
      }
      // "Japan agreed to lift its ban on X", "agreed to free the crew": one
      // party's consent, with no one to agree with, to a material act of
      // its own (the complement's verb or its object) is that act decided,
      // so planned; no agreement.
      if (x >= 0 && (f.flags & kFramePlan) && e.target.empty() && one_state(e.source)) {
        int a = trigger_of[x];
        if (a < 0 && tr.child(x, "obj") >= 0) a = trigger_of[tr.child(x, "obj")];
        if (a >= 0 && static_cast<std::size_t>(a) != k) {
          CodedEvent& act = out[static_cast<std::size_t>(a)];
          const std::string_view r = std::string_view(act.cameo).substr(0, 2);
          const bool material = r == "06" || r == "07" || r == "08" || r == "15" || r == "16" || r == "17";
          const bool own = act.source.empty() || (one_state(act.source) && c.country_of(act.source[0]) ==
                                                                                 c.country_of(e.source[0]));
          if (material && !act.sym && !act.target.empty() && own) {
            if (act.source.empty()) act.source = e.source;
            if (act.status != Status::negated) act.status = Status::planned;
            act.why += "agreed to act: planned ";
            drop[k - first] = 1;
            vetoed.push_back(e.word);  // (nor the pattern coder's agreement or intent there)
            act.sense_chosen = true;
            continue;
          }
        }
      }
    }
    // "offered to mediate", "urged X to talk", "threatened to impose": the
    // complement is the content of the intention, appeal or threat (and of
    // an order to leave: "ordered X's troops to leave", an expulsion).
    if (f.flags & (kFrameIntent | kFrameControl | kFramePlan) || e.cameo.substr(0, 2) == "13" ||
        e.cameo.substr(0, 2) == "10" || e.cameo.substr(0, 2) == "02" || e.cameo == "166") {
      int x = tr.child(e.word, "xcomp");
      // ("recommended that the troops withdraw", "demanded that X leave":
      // a clause of what should happen is asked for too, no act done)
      // (a verb of appeal's own clause, not a remark read as a demand; an
      // act in a clause of time inside it, "before X approves", is its own)
      if (const int cc = tr.child(e.word, "ccomp");
          x < 0 && cc >= 0 && tr.mandative(cc) && !e.source.empty() && !(f.flags & kFrameSay) &&
          (e.cameo.rfind("02", 0) == 0 || e.cameo.rfind("10", 0) == 0)) {
        const int cue = gov_cue(c, e.word);
        if (cue < 0 || cue == kHypothetical) {
          for (int y = tr.left_edge(cc); y <= tr.right_edge(cc); ++y) vetoed.push_back(y);
          for (std::size_t j = first; j < out.size(); ++j) {
            if (j == k) continue;
            int y = out[j].word;
            for (int step = 0; step < 4 && y >= 0 && y != cc && tr.base(y) != "advcl"; ++step) y = tr.head(y);
            if (y == cc) drop[j - first] = 1;
          }
        }
      }
      // "warned (that) it would cut ties with X if ...": the warner's own
      // act in what it warns of is the threat's content, not an act
      // planned.
      if (x < 0 && e.cameo.rfind("13", 0) == 0 && !e.source.empty())
        if (const int cc = tr.child(e.word, "ccomp"); cc >= 0)
          for (std::size_t j = first; j < out.size(); ++j) {
            if (j == k || out[j].source.empty() || !std::all_of(out[j].source.begin(), out[j].source.end(), [&](std::int32_t x) {
                  return c.among(x, e.source);
                }))
              continue;
            int y = out[j].word;
            for (int step = 0; step < 3 && y >= 0 && y != cc; ++step) y = tr.head(y);
            if (y != cc) continue;
            if (e.target.empty()) e.target = out[j].target;
            drop[j - first] = 1;
          }
      if (x < 0) continue;
      // What an appeal or demand asks for is no act done; the pattern
      // coder, which cannot see the complement, reads none in it ("pressed
      // X to drop its veto": no veto by the one who pressed). Not so an
      // invitation's visit, planned by its verb's cue.
      if (const int cue = gov_cue(c, e.word);
          (e.cameo.rfind("02", 0) == 0 || e.cameo.rfind("10", 0) == 0) && !e.source.empty() &&
          (cue < 0 || cue == kHypothetical))
        for (int y = tr.left_edge(x); y <= tr.right_edge(x); ++y) vetoed.push_back(y);
      // A promise or vow of a hostile act ("vowed to strike X", "vowed to
      // retaliate", "vowed to respond in kind": a verb whose own frame
      // there is a threat) is a threat, made now; of other acts, an intent.
      const bool vow = (f.flags & kFrameIntent) && e.cameo.rfind("03", 0) == 0;
      const char* threat = vow && (frames_.in_class(reprisal_class_, tr.lemma(x)) ||
                                   frames_.any_frame(tr.lemma(x), false, [&](const Frame& g) {
                                     return g.cameo.rfind("13", 0) == 0 && frame_holds(c, x, g);
                                   }))
                               ? "130"
                               : nullptr;
      // Events inside the complement are its content (not those in a
      // phrase that sets its scene: "agreed to ..., amid concern over X").
      for (std::size_t j = first; j < out.size(); ++j) {
        if (j == k) continue;
        int y = out[j].word;
        for (int step = 0; step < 4 && y >= 0 && !scene(y); ++step, y = tr.head(y))
          if (y == x) {
            // the act must be the vower's own, the complement's verb or its
            // object ("vowed to impose sanctions"), not one it answers
            // ("pledged to respond to X's sanctions") or follows
            const int a = out[j].word;
            const bool own = a == x || (tr.head(a) == x && tr.rel(a) == "obj");
            if (vow && !threat && own && (out[j].source.empty() || out[j].source == e.source))
              threat = threat_code(std::string_view(out[j].cameo).substr(0, 2));
            // "offered to host talks between A and B": talks of others the
            // offer is to bring about; an intent to mediate between them (039).
            // (the talks may be what the complement hosts: "offered to host
            // talks between A and B")
            // (an intended meeting is already coded 036)
            if (vow && e.target.empty() && (out[j].cameo.rfind("04", 0) == 0 || out[j].cameo == "036")) {
              const int hosted = out[j].sym ? -1 : tr.child(out[j].word, "obj");
              const CodedEvent& talks =
                  hosted >= 0 && trigger_of[hosted] >= 0 ? out[trigger_of[hosted]] : out[j];
              if (std::vector<std::int32_t> parties = others(talks, e.source); !parties.empty()) {
                e.target = std::move(parties);
                e.cameo = "039";
                e.directed = true;
                e.why += "mediation offered ";
                // their talks are no intent of theirs
                vetoed.push_back(out[j].word);
                vetoed.push_back(talks.word);
                drop[static_cast<std::size_t>(trigger_of[talks.word]) - first] = 1;
              }
            }
            if (e.target.empty()) {
              e.target = out[j].target;
              // "agreed to lift sanctions on X": one way, as below
              if ((f.flags & kFramePlan) && !e.source.empty() && !e.target.empty())
                e.directed = true;
            }
            // "offered to mediate", "promised to invest": the intended act,
            // the vower's own, names the kind of intent the verb's generic
            // code (030) does not (039, 031)
            if (own && e.cameo == "030" && out[j].cameo.size() == 3 && out[j].cameo.rfind("03", 0) == 0 &&
                out[j].cameo != "030") {
              e.cameo = out[j].cameo;
              e.type = out[j].type;
            }
            drop[j - first] = 1;
            break;
          }
      }
      if (threat) {
        e.cameo = threat;
        e.type = "threat";
        if (e.status == Status::intended) e.status = Status::occurred;
        e.sense_chosen = true;  // the pattern coder's reading as an offer gives way
        e.why += "hostile vow ";
      }
      // Else the complement's own prepositions name the target ("promised
      // to continue aid to X").
      if (e.target.empty()) {
        std::vector<int> stack{x};
        while (!stack.empty() && e.target.empty()) {
          int y = stack.back();
          stack.pop_back();
          for (const int* d = tr.kids_begin(y); d != tr.kids_end(y); ++d) {
            std::string_view b = tr.base(*d);
            if (scene(*d)) continue;  // (no part of what is agreed)
            bool wanted = false;
            if (b == "obl" || b == "nmod")
              for (const Slot& sl : f.target)
                wanted |= sl.kind == SlotKind::prep && tr.marker(*d) == sl.word;
            // "agreed to resume imports of U.S. beef": what an agreement
            // is about names its other party.
            if ((f.flags & kFramePlan) && (b == "obj" || b == "obl" || b == "nmod")) wanted = true;
            // "promised to buy more Kenyan tea", "vowed to rebuild Haiti":
            // what a promise will act on names whom it is made to.
            if ((f.flags & kFrameIntent) && b == "obj") wanted = true;
            if (wanted) actors_at(c, *d, false, false, e.target);
            if (b == "obj" || b == "obl" || b == "nmod" || b == "xcomp") stack.push_back(*d);
          }
        }
        // "was ready to go back to the table", "is willing to hold more
        // prisoner swaps", with no one named to act with or for: the one
        // the offerer dealt with in the act told last in the sentences
        // before (its other party). An offer to mediate is made to the
        // parties of the latest act the mediator took no part in.
        // (a single offerer's own assertion: not a pair's pledge, not one
        // inside a noun's clause, "claims that he had offered ...", nor one
        // to a "them" the tree leaves unnamed)
        const bool asserted = vow && e.target.empty() && e.source.size() == 1 &&
                              c.party(e.source[0]).kind != MentionKind::group && tr.own_act(e.word, x);
        if (asserted) {
          const bool mediation = e.cameo == "039";
          if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
                const bool in = c.any_among(a.source, e.source) || c.any_among(a.target, e.source);
                return mediation ? !in && a.source.size() + a.target.size() >= 2 : in;
              })) {
            c.add_others(a->source, e.source, e.target);
            c.add_others(a->target, e.source, e.target);
            if (!e.target.empty() && c.in.words) e.why += "target=other party of the latest act ";
          }
        }
        if (!e.target.empty()) {
          e.why += "target=complement ";
          // "agreed to lift the embargo on X": the subject agreed to act
          // on X, one way; "agreed with X to ..." keeps both sides.
          if ((f.flags & kFramePlan) && !e.source.empty()) e.directed = true;
        }
      }
    }
  }
  for (std::size_t k = first; k < out.size(); ++k)
    if (out[k].hypothetical) drop[k - first] = 1;
  std::size_t w = first;
  for (std::size_t k = first; k < out.size(); ++k)
    if (!drop[k - first]) {
      if (w != k) out[w] = std::move(out[k]);
      ++w;
    }
  out.resize(w);
}

void Coder::halted_nouns(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  std::vector<char> halted(out.size() - first, 0);
  for (std::size_t k = first; k < out.size(); ++k) {
    const int w = out[k].word;
    // (negated by the verb's cue, or any act of another kind than the
    // reduction: "cut its loans to X" gives no loan)
    if (!frames_.frame(out[k].frame).noun || tr.rel(w) != "obj" ||
        (out[k].status != Status::negated && out[k].cameo.rfind("16", 0) == 0))
      continue;
    const int h = tr.head(w);
    for (std::size_t j = first; j < out.size(); ++j)
      if (j != k && out[j].word == h && out[j].cameo.rfind("16", 0) == 0) halted[k - first] = 1;
  }
  std::size_t kept = first;
  for (std::size_t k = first; k < out.size(); ++k) {
    if (halted[k - first]) continue;
    if (kept != k) out[kept] = std::move(out[k]);
    ++kept;
  }
  out.resize(kept);
}

void Coder::acts_in_kind(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    const int w = e.word;
    if (!is_rel(tr.lemma(w), {"respond", "retaliate", "reciprocate", "reply"}) || e.source.empty() ||
        e.status != Status::occurred || e.hypothetical)
      continue;
    // (told as done, in the past: "would respond in kind" is a threat)
    const int aux = tr.child(w, "aux");
    if (!(tr.xpos(w) == "VBD" || (tr.xpos(w) == "VBN" && aux >= 0 && tr.lemma(aux) == "have"))) continue;
    bool kind = false;
    for (const int* d = tr.kids_begin(w); d != tr.kids_end(w) && !kind; ++d)
      kind = tr.base(*d) == "obl" && tr.marker(*d) == "in" && frames_.in_class(inkind_class_, tr.lemma(*d));
    if (!kind) continue;
    // the hostile act aimed at the one who answers: the first told before
    // it in its sentence (its main act, not a reason given for it), else
    // the latest of the sentences before
    auto hostile = [](const char* r) { return r[0] == '1' && r[1] >= '1' && r[1] <= '9' && r[1] != '4'; };
    const CodedEvent* same = nullptr;
    for (std::size_t j = first; j < k && !same; ++j)
      if (hostile(out[j].cameo.c_str()) && !out[j].source.empty() && c.any_among(out[j].target, e.source) &&
          !c.any_among(out[j].source, e.source))
        same = &out[j];
    std::string code, type;
    std::vector<std::int32_t> makers;
    if (same) {
      code = same->cameo, type = same->type, makers = same->source;
    } else if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
                 return hostile(a.root) && a.code[0] && !a.source.empty() && c.any_among(a.target, e.source) &&
                        !c.any_among(a.source, e.source);
               })) {
      code = a->code, type = std::string(a->type), makers = a->source;
    } else {
      continue;
    }
    e.cameo = code;
    e.type = type;
    e.target.clear();
    c.add_others(makers, e.source, e.target);
    e.sense_chosen = true;
    e.why += "in kind: the act answered, done back ";
  }
}

}  // namespace dipgraph::ingest
