// Parties the context gives an event whose own slots name none (coder.hpp):
// the one other country of the sentence, the maker of an act answered or
// referred to ("denied the accusation", "condemned the attack", "protested
// the move"), and the territory struck by an act of force.
#include <algorithm>
#include <vector>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

namespace {

// Whether `noun` is made of `verb` ("reopening" of "reopen", "deployment"
// of "deploy", "withdrawal" of "withdraw", "release" of "release").
bool nominalizes(std::string_view noun, std::string_view verb) {
  if (verb.size() < 4) return false;
  std::string_view stem = verb;
  if (stem.back() == 'e') stem.remove_suffix(1);
  if (noun.size() < stem.size() || noun.compare(0, stem.size(), stem) != 0) return false;
  const std::string_view rest = noun.substr(stem.size());
  for (std::string_view suffix : {"", "e", "ing", "ment", "al", "ion", "ation", "ure"})
    if (rest == suffix) return true;
  return false;
}

}  // namespace

using coder_detail::is_rel;
using syntax::Upos;

// A directed event whose frame slots name no target ("Malawi filed a complaint
// on Monday", "denounced the operation"): the one other country the
// sentence names as an actor is its target, as a careful reader takes it.
// Nothing when the sentence names none or several. True when it passed
// over a party word order would take (the subject of a clause joined by
// "and", whose rules a wrong breaks) and left the target open: the
// pattern coder must not aim the act there either.
bool Coder::other_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                        std::vector<std::int32_t>& target, std::string& why, bool material) const {
  // A party's key: its country, else what it names (kind and entity).
  auto key = [&](std::int32_t x) {
    const Mention& m = c.party(x);
    if (m.country >= 0) return std::pair<int, std::int32_t>{-1, m.country};
    return std::pair<int, std::int32_t>{static_cast<int>(m.kind), m.entity};
  };
  // Who reacts to a material act ("X criticised Y's decision to ban ...":
  // X) is not whom it is aimed at: the subjects of the verbs above it. (A
  // demand, a threat, an accusation is often aimed at whoever answers it:
  // "X rejected Y's demand".)
  std::vector<int> reacting;
  // (of a passive, its "by" agent: "X was criticised by Y for its ban")
  for (int a = c.t.head(t), step = 0; material && a >= 0 && step < 8; a = c.t.head(a), ++step)
    if (c.t.is_verb(a)) {
      if (int sj = c.t.child(a, "nsubj"); sj >= 0) reacting.push_back(sj);
      if (c.t.passive(a))
        for (const int* k = c.t.kids_begin(a); k != c.t.kids_end(a); ++k)
          if (c.t.base(*k) == "obl" && c.t.marker(*k) == "by") reacting.push_back(*k);
    }
  // Nor is who backs an act ("Egypt voiced support for the Palestinian
  // demand", "X threw its weight behind Y's bid") whom it is aimed at.
  auto backing = [&](int x) {
    return x >= 0 && (frames_.in_class(backing_class_, c.t.lemma(x)) ||
                      (c.t.is_verb(x) && is_rel(c.t.lemma(x), {"support", "back", "endorse", "welcome", "echo"})));
  };
  // (the parser may hang "for Y's demand" on the verb of "voiced support")
  for (int a = c.t.head(t), step = 0; !material && a >= 0 && step < 4; a = c.t.head(a), ++step)
    if (backing(a) || (c.t.is_verb(a) && backing(c.t.child(a, "obj")))) {
      const int v = c.t.is_verb(a) ? a : c.t.head(a);
      if (v >= 0 && c.t.is_verb(v))
        if (int sj = c.t.child(v, "nsubj"); sj >= 0) reacting.push_back(sj);
      // (and the owner of the backing: "threw its weight behind", "its support for")
      const int b = backing(a) ? a : c.t.child(a, "obj");
      if (int own = c.t.child(b, "nmod:poss"); own >= 0) reacting.push_back(own);
      break;
    }
  auto under_reacting = [&](int w) {
    for (int step = 0; w >= 0 && step < 12; w = c.t.head(w), ++step)
      if (std::find(reacting.begin(), reacting.end(), w) != reacting.end()) return true;
    return false;
  };
  // A verb whose object is someone the recognizer knows as no party (a
  // name, or a noun of people: "accused the West of ...", "blamed the
  // bureaucrats") is aimed at no object of a verb joined with it
  // ("criticised X and accused the West": not X). An object that tells
  // the act ("have threatened retaliatory tariffs") leaves it open.
  const int own_obj = c.t.is_verb(t) ? c.t.child(t, "obj") : -1;
  // (a capitalized noun is a name the tagger took for a common noun: "the West")
  const bool own_object =
      own_obj >= 0 &&
      (c.t.upos(own_obj) == Upos::PROPN || c.rec.toks[c.in.tok_of_word[own_obj]].is(kCap) ||
       std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(own_obj)));
  auto others_object = [&](int w) {
    if (!own_object || w < 0 || c.t.rel(w) != "obj") return false;
    const int v = c.t.head(w);
    return v != t && c.t.is_verb(v) &&
           ((c.t.rel(t) == "conj" && c.t.head(t) == v) ||
            (c.t.rel(v) == "conj" && c.t.head(v) == t));
  };
  // The subject of a clause joined after the trigger's ("X warned ...,
  // and the Dutch ambassador told ...") acts in that clause: not whom the
  // act is aimed at. (A clause before may be what the act answers: "X
  // accused Y, a charge Z rejected".)
  // (of a noun trigger, "voiced concern over X, and Y called for calm",
  // the clause is its verb's)
  const int clause =
      !material && !c.t.is_verb(t) && c.t.head(t) >= 0 && c.t.is_verb(c.t.head(t)) ? c.t.head(t) : t;
  // A clause joined by "and" or "but" (the parser may hang it as a loose
  // parataxis; Tree::repair_clause_conjunctions hangs an "and" it put on
  // the subject, ", and Japan called ...", on the verb) (the
  // conjunction's word: "but" often joins the other party's answer, "X
  // proposed ..., but Y asked for more time")
  std::string_view conj_word;
  auto joined = [&](int v) {
    if (c.t.rel(v) != "conj" && c.t.rel(v) != "parataxis") return false;
    const int cc = c.t.child(v, "cc");
    if (cc >= 0) conj_word = c.t.lemma(cc);
    return cc >= 0;
  };
  auto joined_subject = [&](int w) {
    for (int step = 0; w >= 0 && step < 3 && is_rel(c.t.base(w), {"amod", "compound", "nmod", "flat"}); ++step)
      w = c.t.head(w);
    if (w < 0 || c.t.base(w) != "nsubj") return false;
    const int v = c.t.head(w);
    // (joined by "and" or "but": a conjunct without one is often the
    // parser's slip on a reporting clause or a relative clause)
    if (v > clause && c.t.is_verb(v) && c.t.head(v) == clause && joined(v)) return true;
    // ... nor is the subject of the clause before, when the trigger's
    // clause is joined to it with a subject of its own ("X voiced concern,
    // and Y called for calm": Y's appeal is not aimed at X)
    // (a verbal act: "X opened fire and no Y soldier crossed" tells acts
    // of both on each other)
    // (with "and": after "but" the clause is often the answer to the one
    // before, "X proposed talks, but Y asked for more time")
    return !material && v < clause && c.t.head(clause) == v && joined(clause) && conj_word == "and" &&
           c.t.child(clause, "nsubj") >= 0;
  };
  // The one an act noun the trigger takes is done to ("condemned the
  // attack on the Somali post", "criticised the sanctions on X") is that
  // act's target, not whom the reaction is aimed at (its maker is).
  const bool object_is_act = own_obj >= 0 && c.t.upos(own_obj) == Upos::NOUN && frames_.find(c.t.lemma(own_obj), true);
  auto done_to_by_object = [&](int w) {
    if (!object_is_act) return false;
    for (int step = 0; w >= 0 && step < 6; w = c.t.head(w), ++step)
      if (c.t.head(w) == own_obj && c.t.base(w) == "nmod" && is_rel(c.t.marker(w), {"on", "against", "to"}))
        return true;
    return false;
  };
  auto of_breach = [&](int w) {
    for (int step = 0; w >= 0 && step < 4; w = c.t.head(w), ++step)
      // (the phrase's first word is its preposition, wherever the parser
      // hung it)
      if (c.t.base(w) == "nmod" && (c.t.marker(w) == "of" || c.t.lemma(c.t.left_edge(w)) == "of") && c.t.head(w) >= 0 &&
          is_rel(c.t.lemma(c.t.head(w)), {"violation", "breach", "infringement", "contravention"}))
        return true;
    return false;
  };
  std::int32_t found = -1;
  bool passed = false;
  bool place = false;  // a party's country also named as a place, or told deep down: no guess
  for (std::uint32_t i = c.in.first_tok; i < c.in.end_tok; ++i) {
    int mi = c.rec.mention_at[i];
    if (mi < 0 || (i > c.in.first_tok && c.rec.mention_at[i - 1] == mi)) continue;
    if (!is_actor(c.rec.mentions[mi])) continue;
    bool own = std::any_of(source.begin(), source.end(),
                           [&](std::int32_t s) { return s == mi || key(s) == key(mi); });
    // "their borders" of coordinated subjects: a group of the source's own countries
    const Mention& gm = c.rec.mentions[mi];
    if (!own && gm.kind == MentionKind::group && gm.entity >= 0) {
      own = true;
      for (std::int32_t gc : c.rec.groups[gm.entity])
        own &= std::any_of(source.begin(), source.end(), [&](std::int32_t s) {
          return key(s) == std::pair<int, std::int32_t>{-1, gc};
        });
    }
    if (own) continue;
    // What a clause under the trigger says ("denied that the UK was
    // complicit") is content, not whom the act is aimed at.
    if (in_clause_of(c, c.in.word_of_tok[i - c.in.first_tok], t)) continue;
    if (under_reacting(c.in.word_of_tok[i - c.in.first_tok])) continue;
    if (joined_subject(c.in.word_of_tok[i - c.in.first_tok])) {
      passed |= conj_word == "and";
      continue;
    }
    if (done_to_by_object(c.in.word_of_tok[i - c.in.first_tok])) {
      place = true;
      continue;
    }
    // Whose rules or rights a wrong breaks ("called the test a violation
    // of UN resolutions", "a breach of Iraqi sovereignty") is wronged by
    // it, not whom the reaction is aimed at; the wrong's maker is.
    if (of_breach(c.in.word_of_tok[i - c.in.first_tok])) {
      place = true;
      passed = true;
      continue;
    }
    // Nor is who takes part in an act told inside that act's own content
    // ("refused to allow protests against a decision to buy rice from
    // X"): a party two clauses down is not whom the act is aimed at, and
    // a sentence that names one leaves the target open.
    if (clauses_below(c, c.in.word_of_tok[i - c.in.first_tok], t) >= 2) {
      place = true;
      continue;
    }
    // (a name's last word is its head: "the United States")
    if (others_object(
            c.in.word_of_tok[std::min(c.rec.mentions[mi].end, c.in.end_tok) - 1 - c.in.first_tok]))
      continue;
    if (found >= 0 && key(found) != key(mi)) return passed;  // several: no guess
    // A place ("the arrests in Caracas") is where, not whom.
    std::uint32_t last = std::min(c.rec.mentions[mi].end, c.in.end_tok) - 1;
    int w = c.in.word_of_tok[last - c.in.first_tok];
    // (nor is where a statement came from: "in a letter from Geneva")
    if (w >= 0 &&
        (is_rel(c.t.marker(w), {"in", "at", "near", "inside", "within", "across", "throughout"}) ||
         (c.t.marker(w) == "from" && c.t.head(w) >= 0 && Tree::speech_noun(c.t.lemma(c.t.head(w)))))) {
      place = true;
      continue;
    }
    if (found < 0) found = mi;
  }
  if (place || found < 0) return passed;
  target.push_back(found);
  why += "target=sentence ";
  return false;
}

// English leaves out what two verbs of one subject share: "Peru summoned
// the Chilean envoy and demanded an apology" asks the apology of whom the
// first verb's object stands for. Only a second verb with no subject of
// its own, after a first verb that codes an act.
void Coder::conjunct_target(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                            std::vector<std::int32_t>& target, std::string& why) const {
  const Tree& tr = c.t;
  const int h = tr.head(t);
  const int cc = tr.child(t, "cc"), obj = tr.child(t, "obj");
  if (tr.base(t) != "conj" || h < 0 || h > t || !tr.is_verb(h) || cc < 0 || tr.child(t, "nsubj") >= 0)
    return;
  // (an object naming people is whom the second verb addresses, a party
  // or not: "blamed the bureaucrats", "urged them", "asked the council to
  // act"; an object that is a thing is what is asked: "an apology")
  if (obj >= 0 && (c.mention(obj) >= 0 || tr.upos(obj) == Upos::PRON || tr.child(t, "xcomp") >= 0 ||
                   std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(obj))))
    return;
  // ("and" right before the verb, or an adverb between: a noun there is a
  // subject the parser hung elsewhere, "and both sides pledged")
  for (int x = cc + 1; x < t; ++x)
    if (tr.upos(x) != Upos::ADV && tr.upos(x) != Upos::AUX && tr.upos(x) != Upos::PART) return;
  const auto* hs = frames_.find(tr.lemma(h), false);
  if (!hs || std::none_of(hs->begin(), hs->end(),
                          [&](std::uint32_t g) { return frame_holds(c, h, frames_.frame(g)); }))
    return;
  // (its own things, "closed two of its crossings and threatened to close
  // the others", name no one the second verb is aimed at)
  std::vector<std::int32_t> object;
  actors_at(c, tr.child(h, "obj"), false, false, object);
  c.add_others(object, source, target);
  if (!target.empty()) why += "target=the first verb's object ";
}

// "Uganda denied the accusation", "the ministry declined the offer": a
// definite act noun as the object, with no party of its own, is the act of
// that kind told just before (an event noun's root in frames.tsv); whoever
// made it is the one answered. A denial (`@denial`) naming no act answers
// the latest accusation aimed at the denier.
void Coder::answered_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                           std::vector<std::int32_t>& target, std::string& why, bool threat) const {
  const Tree& tr = c.t;
  int o = tr.child(t, "obj");
  if (o < 0 && tr.passive(t)) o = tr.child(t, "nsubj:pass");  // "the offer was welcomed by X"
  if (c.in.recent_acts.empty() && c.in.last_charge.source.empty()) return;
  // "Y denied that its army had fired", "denied any violation": a denial
  // naming no accusation answers the latest one aimed at the denier
  // (criticism, root 11, told in the sentences before).
  // A threat of an unnamed response ("reserved the right to respond", "would
  // retaliate") answers the latest hostile act (roots 11-20) aimed at its
  // maker.
  // (not a thing refused: "denied entry to X")
  const bool denial = frames_.in_class(denial_class_, tr.lemma(t)) &&
                      (o < 0 || (!frames_.find(tr.lemma(o), true) && !frames_.in_class(permission_class_, tr.lemma(o))));
  // (a threat that names its measure, "threatened to impose sanctions on
  // X", is aimed where the measure is: its complement says)
  if (threat && tr.child(t, "xcomp") >= 0) return;
  if (denial || threat) {
    const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
      const int r = (a.root[0] - '0') * 10 + (a.root[1] - '0');
      return (denial ? r == 11 : r >= 11 && r <= 20) && c.any_among(a.target, source);
    });
    if (a) c.add_others(a->source, source, target);
    if (!target.empty()) why += denial ? "target=accuser answered " : "target=wrong answered ";
    return;
  }
  if (o < 0 || tr.upos(o) != Upos::NOUN) return;
  bool definite = false;
  for (const int* d = tr.kids_begin(o); d != tr.kids_end(o); ++d) {
    std::string_view b = tr.base(*d);
    if (b == "det") definite |= is_rel(tr.lemma(*d), {"the", "this", "that", "these", "those"});
    if (is_rel(b, {"nmod", "amod", "compound", "acl"}) || tr.rel(*d) == "nmod:poss")
      return;  // its own parties
  }
  const auto* fs = frames_.find(tr.lemma(o), true);
  if (!definite || !fs || fs->empty()) return;
  // (a noun of force, "the attack", even with a verbal sense too, is
  // referred_act's: the act of force told before)
  if (std::any_of(fs->begin(), fs->end(), [&](std::uint32_t fi) {
        return coder_detail::force_root(frames_.frame(fi).cameo);
      }))
    return;
  // (the latest of that kind made by another: whoever answers an act
  // answers one done to it, not its own reply, "three days after X
  // expelled ..."; of that kind, not only of its root: "supported the
  // agreement" answers no praise told before, though both are root 05)
  // One aimed at whoever answers comes first: "Moscow dismissed the
  // charges" answers those made against Russia, not a criticism a third
  // state made of someone else in between.
  const std::string& root = frames_.frame(fs->front()).cameo;
  auto of_kind = [&](const CoderInput::RecentAct& a) {
    return root.compare(0, 2, a.root, 2) == 0 &&
           std::any_of(fs->begin(), fs->end(), [&](std::uint32_t fi) { return frames_.frame(fi).type == a.type; }) &&
           !c.any_among(a.source, source);
  };
  const auto* a =
      c.latest_act([&](const CoderInput::RecentAct& a) { return of_kind(a) && c.any_among(a.target, source); });
  // (an accusation answered further on, paragraphs after it was made: the
  // latest in the article aimed at whoever answers it, or at someone the
  // article names only later, "accusing them of spying")
  if (const auto& x = c.in.last_charge;
      !a && root[0] == '1' && root[1] == '1' && !x.source.empty() && !c.any_among(x.source, source) &&
      (c.any_among(x.target, source) || c.country_of(x.target[0]) < 0))
    a = &x;
  if (!a) a = c.latest_act(of_kind);
  if (a) c.add_others(c.makers_of(*a), source, target);  // (all the makers of an act done together)
  if (!target.empty()) why += "target=answered ";
}

// "Kenya called on Ethiopia to withdraw ... The AU repeated that call",
// "Paris echoed the warning": an act noun made once more by a verb of
// repeating, definite and with no party of its own, is aimed where the
// latest act of its root told before was (by another: one's own call
// repeated is one act).
void Coder::repeated_act(const Ctx& c, int t, const std::string& cameo, const std::vector<std::int32_t>& source,
                         std::vector<std::int32_t>& target, std::string& why) const {
  const Tree& tr = c.t;
  if (tr.rel(t) != "obj" || tr.head(t) < 0 || !frames_.in_class(repeating_class_, tr.lemma(tr.head(t)))) return;
  bool definite = false;
  std::vector<std::int32_t> own;  // its own parties
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
    if (tr.base(*d) == "det") definite |= is_rel(tr.lemma(*d), {"the", "this", "that", "these", "those"});
    if (is_rel(tr.base(*d), {"nmod", "amod", "compound"})) actors_at(c, *d, false, true, own);
  }
  if (!definite || !own.empty()) return;
  const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
    return cameo.compare(0, 2, a.root, 2) == 0 && !c.any_among(a.source, source);
  });
  if (!a) return;
  c.add_others(a->target, source, target);
  if (!target.empty()) why += "target=that of the act repeated ";
}

// "Uganda condemned the attack", "provided support for the
// operation": a definite noun of force ("the attack", "the operation") with
// no party of its own, as the object of the act or after "for" or
// "against", is the act of force told last in the article; the act is
// aimed at its maker. A noun that only refers back ("the move", "the
// decision") is the latest act told in the sentences before by another.
void Coder::referred_act(const Ctx& c, int t, const std::string& cameo,
                         const std::vector<std::int32_t>& source, std::vector<std::int32_t>& target,
                         std::string& why) const {
  const Tree& tr = c.t;
  const CoderInput::RecentAct& last_force = c.in.last_force;
  // An apology or regret for "the mistake", "the incident": the regretted
  // act is one's own force told before, and it is owed to its victim.
  // (the noun "regret" is criticism: "voiced regret at the decision")
  const bool apology = (tr.lemma(t) == "apologize" || tr.lemma(t) == "regret") && cameo.rfind("05", 0) == 0;
  // The act told before that a noun refers to: force for a noun of force
  // (or of a mishap, apologized for), else the last act of its frames' type.
  auto act_of = [&](int n) -> const CoderInput::RecentAct* {
    if (n < 0 || tr.upos(n) != Upos::NOUN) return nullptr;
    const CoderInput::RecentAct* force = last_force.source.empty() ? nullptr : &last_force;
    if (frames_.in_class(operation_class_, tr.lemma(n))) return force;
    // "protested the move", "condemned the decision": a noun that names an
    // act only by referring back is the latest act told before by another.
    if (frames_.in_class(referring_class_, tr.lemma(n)))
      return c.latest_act([&](const CoderInput::RecentAct& a) {
        return std::any_of(a.source.begin(), a.source.end(),
                           [&](std::int32_t x) { return !c.among(x, source); });
      });
    if (apology && is_rel(tr.lemma(n), {"mistake", "error", "incident", "accident", "tragedy"}))
      return force;
    // "praised the reopening", "welcomed the deployment": a noun made of
    // the verb of an act told before by another is that act
    if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
          return nominalizes(tr.lemma(n), a.lemma) &&
                 std::any_of(a.source.begin(), a.source.end(), [&](std::int32_t x) { return !c.among(x, source); });
        }))
      return a;
    // "welcomed the agreement", "hailed the declaration": a noun of an
    // agreement (a frame noun or not) is the agreement told last, whatever
    // the reaction's own root.
    if (frames_.in_class(agreement_class_, tr.lemma(n)) && cameo.rfind("057", 0) != 0) {
      for (const CoderInput::RecentAct& a : c.in.last_acts)
        if (a.type == "agreement") return &a;
      return nullptr;
    }
    const auto* fs = frames_.find(tr.lemma(n), true);
    if (!fs) return nullptr;
    for (std::uint32_t fi : *fs) {
      const Frame& told = frames_.frame(fi);
      if (coder_detail::force_root(told.cameo)) return force;
      if (told.cameo.compare(0, 2, cameo, 0, 2) == 0) continue;
      for (const CoderInput::RecentAct& a : c.in.last_acts)
        if (a.type == told.type) return &a;
    }
    return nullptr;
  };
  // "X signed a deal ..., a move Y condemned": the reaction's relative
  // clause, its object the gap, hangs on a referring noun set beside a
  // clause; the act is that clause's, aimed at its subject.
  if (tr.rel(t) == "acl:relcl" && tr.child(t, "obj") < 0 && tr.head(t) >= 0 &&
      frames_.in_class(referring_class_, tr.lemma(tr.head(t)))) {
    const int v = tr.head(tr.head(t));
    if (v < 0 || !tr.is_verb(v)) return;
    std::string ignored;
    std::vector<std::int32_t> makers;
    actors_at(c, subject_of(c, v, ignored), true, false, makers);
    c.add_others(makers, source, target);
    if (!target.empty()) why += "target=maker of the clause the act noun is set beside ";
    return;
  }
  int n = -1;
  const CoderInput::RecentAct* last = nullptr;
  // (a reaction noun's phrase may hang on the verb that expresses it:
  // "voiced dismay | over the move")
  const int expressed = tr.rel(t) == "obj" && tr.upos(t) == Upos::NOUN ? tr.head(t) : -1;
  if (expressed >= 0)
    for (const int* d = tr.kids_begin(expressed); d != tr.kids_end(expressed) && !last; ++d)
      if (tr.base(*d) == "obl" && is_rel(tr.marker(*d), {"at", "over", "about"}) && (last = act_of(*d))) n = *d;
  // "denounced what it termed a senseless assault": what the free
  // relative names is the object, and refers back as "the assault" would.
  bool named_back = false;
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !last; ++d) {
    if (tr.rel(*d) != "obj" || tr.lemma(*d) != "what") continue;
    for (const int* r = tr.kids_begin(*d); r != tr.kids_end(*d) && !last; ++r)
      if (tr.rel(*r) == "acl:relcl" && is_rel(tr.lemma(*r), {"call", "describe", "term", "brand", "dub"}))
        if (const int x = tr.child(*r, "xcomp"); x >= 0 && (last = act_of(x))) n = x, named_back = true;
  }
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !last; ++d) {
    if (tr.rel(*d) == "obj" && (last = act_of(*d))) n = *d;
    if (!last && tr.base(*d) == "obl" && is_rel(tr.marker(*d), {"for", "against"}) &&
        (last = act_of(*d)))
      n = *d;
    // a feeling about an act ("regret at the decision", "dismayed over
    // the move"): the noun of a reaction or its adjective
    if (!last && (tr.base(*d) == "nmod" || tr.base(*d) == "obl") &&
        is_rel(tr.marker(*d), {"at", "over", "about", "with", "by"}) && (last = act_of(*d)))
      n = *d;
    if (tr.rel(*d) == "obj")  // "support for the operation"
      for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d) && !last; ++e)
        if (tr.base(*e) == "nmod" && tr.marker(*e) == "for" && (last = act_of(*e))) n = *e;
  }
  if (!last) return;
  bool definite = named_back;
  std::vector<std::int32_t> own;
  for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d) {
    if (tr.base(*d) == "det") definite |= is_rel(tr.lemma(*d), {"the", "this", "that"});
    // ("the journalist's release": a possessive makes the noun definite; an
    // actor owning it names its own party, below)
    if (tr.rel(*d) == "nmod:poss") definite = true;
    // ("hailed the pact in a letter from X": the letter the
    // parser hung on the noun is how the reaction was voiced)
    if (tr.base(*d) == "nmod" && Tree::speech_noun(tr.lemma(*d))) continue;
    if (is_rel(tr.base(*d), {"nmod", "amod", "compound", "acl"}))
      actors_at(c, *d, false, true, own);
  }
  if (!definite || !own.empty() || c.mention(n) >= 0) return;
  const bool force = last == &last_force;
  if (force && apology && !last->target.empty() && c.any_among(last->source, source)) {
    target = last->target;
    why += "target=victim of one's own force told before ";
    return;
  }
  // regret for another's act referred to ("regretted the decision") is no
  // apology to its maker
  if (apology && !force) return;
  // its makers: all its parties for an act done together
  c.add_others(c.makers_of(*last), source, target);
  if (!target.empty())
    why +=
        force ? "target=maker of the force told before " : "target=maker of the act told before ";
}

// An appeal or demand whose object (or "for" phrase) is an act noun with
// no maker of its own names whom it asks: the owner of what the act is
// "of" ("the withdrawal of all Turkish forces": Turkey), else, for the
// release of people, whoever held people last (an arrest or detention,
// root 17, told before by another).
void Coder::demanded_act_party(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                               std::vector<std::int32_t>& target, std::string& why) const {
  const Tree& tr = c.t;
  // the people held: whoever held people last, told before by another
  auto holder = [&]() {
    const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
      return a.root[0] == '1' && a.root[1] == '7' && !c.any_among(a.source, source);
    });
    if (!a) return;
    target = a->source;
    why += "target=holder of the people told before ";
  };
  // a passive clause of freeing ("called for the crew to be released",
  // "urged that the men be freed"): as "the release of the crew"
  // (or hung on the "for" noun: "for the crew | to be released")
  auto freed = [&](int v) {
    return tr.is_verb(v) && tr.passive(v) && frames_.in_class(freeing_class_, tr.lemma(v));
  };
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
    if (is_rel(tr.base(*d), {"advcl", "ccomp", "xcomp"}) && freed(*d)) return holder();
    if (tr.base(*d) == "obl" && tr.marker(*d) == "for")
      for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d); ++e)
        if (tr.base(*e) == "acl" && freed(*e)) return holder();
  }
  int n = tr.child(t, "obj");
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && n < 0; ++d)
    if (tr.base(*d) == "obl" && tr.marker(*d) == "for") n = *d;
  if (n < 0 || tr.upos(n) != Upos::NOUN) return;
  const bool freeing = frames_.in_class(freeing_class_, tr.lemma(n));
  if (!freeing && !frames_.in_class(withdrawn_class_, tr.lemma(n))) return;
  if (tr.child(n, "nmod:poss") >= 0) return;  // its own maker ("Turkey's withdrawal")
  if (!freeing)
    for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d)
      if (tr.base(*d) == "nmod" && tr.marker(*d) == "of") {
        std::vector<std::int32_t> owners;
        actors_at(c, *d, true, false, owners);
        c.add_others(owners, source, target);
        if (!target.empty()) {
          why += "target=owner of what the act asked for moves ";
          return;
        }
      }
  if (freeing) holder();
}

void Coder::force_territory(const Ctx& c, int t, const std::vector<std::int32_t>& source,
                            std::vector<std::int32_t>& target, std::string& why) const {
  const Tree& tr = c.t;
  auto inside = [&](int d) { return is_rel(tr.marker(d), {"in", "inside", "within", "into"}); };
  // the verb's own place phrase, else the place of what it hit
  // ("positions in eastern Congo")
  // (a noun event's own phrase, "air strikes inside X", or the one on the
  // verb it is the object of: "carried out strikes | in X")
  // A war or conflict "in X" says where it is fought, not at whom.
  const bool noun = tr.upos(t) == Upos::NOUN;
  if (noun && is_rel(tr.lemma(t), {"war", "conflict", "warfare", "insurgency", "violence"})) return;
  for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && target.empty(); ++d)
    if (tr.base(*d) == (noun ? "nmod" : "obl") && inside(*d) && !is_date(c, *d))
      actors_at(c, *d, false, true, target);
  if (noun && target.empty() && tr.rel(t) == "obj" && tr.head(t) >= 0 && tr.is_verb(tr.head(t)))
    for (const int* d = tr.kids_begin(tr.head(t)); d != tr.kids_end(tr.head(t)) && target.empty();
         ++d)
      if (tr.base(*d) == "obl" && inside(*d) && !is_date(c, *d))
        actors_at(c, *d, false, true, target);
  const int obj = noun ? -1 : tr.child(t, "obj");
  for (const int* d = obj < 0 ? nullptr : tr.kids_begin(obj);
       d && d != tr.kids_end(obj) && target.empty(); ++d)
    if (tr.base(*d) == "nmod" && inside(*d)) actors_at(c, *d, false, true, target);
  if (!target.empty()) {
    why += "target=territory ";
    return;
  }
  // "shells fired across the border", "troops that crossed the border":
  // force across a border the text does not name is aimed at the state
  // the article is told from (its dateline's or the one it names most),
  // when that is not the maker's.
  auto across = [&](int v) {
    for (const int* d = tr.kids_begin(v); d != tr.kids_end(v); ++d)
      if (tr.base(*d) == "obl" && is_rel(tr.marker(*d), {"across", "over"}) &&
          frames_.in_class(border_class_, tr.lemma(*d)) && c.mention(*d) < 0)
        return true;
    return false;
  };
  bool crossed = !noun && across(t);
  // (or the participle on the subject that did it: "shells fired across the
  // border killed ...")
  if (const int sj = noun ? -1 : tr.child(t, "nsubj"); !crossed && sj >= 0)
    for (const int* d = tr.kids_begin(sj); d != tr.kids_end(sj) && !crossed; ++d)
      crossed = tr.base(*d) == "acl" && tr.is_verb(*d) && across(*d);
  if (crossed && c.in.home_mention >= 0 && !c.among(c.in.home_mention, source)) {
    target.push_back(c.in.home_mention);
    why += "target=across the border: the article's state ";
  }
}

// A demand, criticism, rejection or warning told by a verb that names no
// one, in its clause nor in its complement, right after another's request,
// demand or hostile act ("Ethiopia sent troops to the border. Egypt warned
// that any harm to its share would bring instability"), answers that
// act's maker.
void Coder::answer_latest_acts(const Ctx& c, std::size_t first, std::vector<CodedEvent>& out) const {
  // (not when the sentence aims another act at someone: "summoned the
  // ambassador of X to protest against what it called a violation")
  // (a saying is no act aimed: "its army said it was on alert")
  if (std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                  [&](const CodedEvent& o) { return !o.target.empty() && !(frames_.frame(o.frame).flags & kFrameSay); }))
    return;
  for (std::size_t k = first; k < out.size(); ++k) {
    CodedEvent& e = out[k];
    const Frame& f = frames_.frame(e.frame);
    // (of a noun, only a feeling voiced, "Japan also voiced concern":
    // the verb that voices it tells no one either)
    // (a concern "that" something may happen is a worry, of no one)
    // (so is a protest lodged with no one named, "Seoul lodged a protest")
    const bool voiced = f.noun && c.t.rel(e.word) == "obj" && c.t.head(e.word) >= 0 &&
                        (frames_.in_class(voice_class_, c.t.lemma(c.t.head(e.word))) ||
                         frames_.in_class(lodge_class_, c.t.lemma(c.t.head(e.word)))) &&
                        std::none_of(c.t.kids_begin(e.word), c.t.kids_end(e.word), [&](int d) {
                          // (the channel it went by is no party: "through its embassy")
                          return is_rel(c.t.base(d), {"acl", "ccomp", "nmod"}) && c.t.rel(d) != "nmod:poss" &&
                                 !is_rel(c.t.marker(d), {"through", "via"});
                        });
    // (so is a show of force at a border the text names by no state, "sent
    // more troops to the frontier", "increased its patrols on the river":
    // the border with whoever did the act it answers; and forces put on
    // alert after it)
    auto at_border = [&](int x) {
      return x >= 0 && std::any_of(c.t.kids_begin(x), c.t.kids_end(x), [&](int d) {
               return is_rel(c.t.base(d), {"obl", "nmod"}) && c.mention(d) < 0 &&
                      (frames_.in_class(border_class_, c.t.lemma(d)) || c.t.lemma(d) == "river");
             });
    };
    const bool posture = e.cameo[0] == '1' && e.cameo[1] == '5' &&
                         (at_border(e.word) || (!f.noun && at_border(c.t.child(e.word, "obj"))) ||
                          (f.noun && c.t.rel(e.word) == "obj" && at_border(c.t.head(e.word))) ||
                          c.t.lemma(e.word) == "alert");
    // (an apology naming no one, "its ambassador apologised", is made to
    // whom the apologizer's own latest act was aimed at)
    const bool apology = !f.noun && e.cameo == "055";
    if (e.source.empty() || !e.target.empty() || (f.noun && !voiced && !posture) ||
        (f.flags & (kFrameSym | kFrameSay)) || e.sym ||
        (!posture && !apology && (e.cameo[0] != '1' || e.cameo[1] < '0' || e.cameo[1] > '3')))
      continue;
    if (apology) {
      if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
            return !a.sym && c.any_among(a.source, e.source) && !a.target.empty() && !c.any_among(a.target, e.source);
          })) {
        c.add_others(a->target, e.source, e.target);
        if (!e.target.empty() && c.in.words) e.why += "target=whom its own latest act was aimed at ";
      }
      continue;
    }
    // (a thing refused to someone, "denied entry to a delegation", is
    // refused to them, whoever they are, not to the maker of the last act)
    const int o = voiced ? -1 : c.t.child(e.word, "obj");
    if (o >= 0 && frames_.in_class(permission_class_, c.t.lemma(o))) continue;
    // (an object that names an act of force, "condemned the blast", is
    // that act or one its maker is blamed or answers for: the maker of an
    // appeal or offer told last did not do it)
    // (an angry reaction, "reacted angrily", answers whatever was done
    // last; a response promised in kind is a threat, aimed as threats are)
    const bool reaction = e.cameo == "111" && is_rel(c.t.lemma(e.word), {"react", "respond"});
    const bool force = o >= 0 && c.t.upos(o) == Upos::NOUN && (armed_act(std::string(c.t.lemma(o))) || frames_.in_class(operation_class_, c.t.lemma(o)));
    // (an act that can be rejected, warned against or protested: a
    // request or offer, a demand, a hostile act; no praise or aid)
    if (const auto* a = c.latest_act([&](const CoderInput::RecentAct& a) {
          const int r = (a.root[0] - '0') * 10 + (a.root[1] - '0');
          // (a feeling voiced or a protest lodged answers a deed or a
          // threat, not another's words against it: "X condemned the launch.
          // Japan also voiced concern" is concern at the launch)
          return ((!force && !posture && !voiced && (r == 2 || r == 3)) || r >= (voiced ? 13 : 10) || reaction) &&
                 !a.source.empty() &&
                 (!posture || c.any_among(a.target, e.source)) &&
                 !c.any_among(a.source, e.source);
        })) {
      c.add_others(a->source, e.source, e.target);
      if (!e.target.empty() && c.in.words) e.why += "target=maker of the latest act ";
    }
  }
}

// "under a protocol signed in 1995", "a ceasefire agreed in 1994 has held":
// an agreement told by a noun with a participle of making and no party
// of its own (no "by" agent either) is between the states its clause's
// subject names ("the two countries linked their grids under a protocol
// signed in 1995"), else between the parties of the latest act done
// together in the sentences before.
void Coder::background_pact(const Ctx& c, int w, const Frame& f, CodedEvent& e) const {
  const Tree& tr = c.t;
  if (!(f.flags & kFrameSym)) return;
  auto making = [&](int v) {  // "signed", "agreed" with no "by" agent, on its noun
    return tr.base(v) == "acl" && tr.is_verb(v) && tr.xpos(v) == "VBN" && tr.child(v, "obl:agent") < 0 &&
           (frames_.in_class(conduct_class_, tr.lemma(v)) || is_rel(tr.lemma(v), {"agree", "reach", "broker"}));
  };
  int n = -1;  // the agreement's noun (the event told by it or by its participle)
  // (told once: by the participle when it is a trigger of its own, whose
  // date is the agreement's, "signed in 1977"; else by the noun)
  if (f.noun && frames_.in_class(agreement_class_, tr.lemma(w)) &&
      std::any_of(tr.kids_begin(w), tr.kids_end(w), [&](int v) { return making(v) && !frames_.find(tr.lemma(v), false); }))
    n = w;
  if (const int h = tr.head(w); !f.noun && making(w) && h >= 0 && tr.upos(h) == Upos::NOUN &&
                                 (frames_.in_class(agreement_class_, tr.lemma(h)) ||
                                  frames_.in_class(truce_class_, tr.lemma(h))))
    n = h;
  if (n < 0) return;
  std::vector<std::int32_t> parties;
  if (const int h = tr.head(n); h >= 0 && tr.is_verb(h)) {
    std::string ignored;
    actors_at(c, subject_of(c, h, ignored), true, false, parties);
    const bool pair = parties.size() >= 2 || (parties.size() == 1 && parties[0] >= 0 &&
                                              c.rec.mentions[parties[0]].kind == MentionKind::group);
    if (!pair) parties.clear();
  }
  if (parties.empty())
    if (const auto* a = c.latest_act([](const CoderInput::RecentAct& a) {
          return a.sym && a.source.size() + a.target.size() >= 2;
        })) {
      parties = a->source;
      parties.insert(parties.end(), a->target.begin(), a->target.end());
    }
  if (parties.empty()) return;
  e.source = std::move(parties);
  if (c.in.words) e.why += "parties=those of the clause or of the latest act together ";
}

// A deal "with X" and no other party: the subject of the nearest clause
// above that names one actor other than X has it (a possessor would have
// been its party already). Only a deal told in a phrase of a verb: not
// one the verb takes as its object ("criticised the deal with X" may be
// another's deal), nor one inside a noun's phrase ("the signing of a deal
// with X" is that noun's event).
void Coder::pact_with_one(const Ctx& c, int w, const Frame& f, CodedEvent& e) const {
  const Tree& tr = c.t;
  if (!(f.flags & kFrameSym) || !f.noun || !frames_.in_class(agreement_class_, tr.lemma(w)) || e.target.empty() ||
      tr.marker(w) == "with" || tr.base(w) == "obj" || tr.head(w) < 0 || !tr.is_verb(tr.head(w)))
    return;
  // (a verb whose subject is no actor, "the tolls set in a deal", hands
  // over to the clause above it)
  std::string ignored;
  std::vector<std::int32_t> subj;
  int v = tr.head(w);
  for (int clause = 0; clause < 2 && subj.empty(); ++clause) {
    for (int step = 0; v >= 0 && step < 4 && !tr.is_verb(v); ++step) v = tr.head(v);
    if (v < 0 || !tr.is_verb(v)) return;
    actors_at(c, subject_of(c, v, ignored), true, false, subj);
    v = tr.head(v);
  }
  if (subj.size() != 1 || c.among(subj[0], e.target)) return;
  e.source = std::move(subj);
  if (c.in.words) e.why += "source=subject of the clause above ";
}

}  // namespace dipgraph::ingest
