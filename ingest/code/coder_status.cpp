// Status and tone read from the parse tree (coder.hpp): the cue table
// (data/status.tsv), the status of a trigger, the tone of a phrase.
#include <fmt/core.h>

#include <fstream>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

// ---------------------------------------------------------------- status cues

StatusCues StatusCues::load(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot open the status cues", path));
  StatusCues s;
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::string line;
  std::size_t n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) {
      diag.error(Place{name, n}, "expected 3 tab-separated columns: lemma where value");
      continue;
    }
    std::string lemma = line.substr(0, t1), where = line.substr(t1 + 1, t2 - t1 - 1),
                value = line.substr(t2 + 1);
    if (!header) {
      header = true;
      if (lemma == "lemma") continue;
    }
    int w = where == "mod"      ? 0
            : where == "gov"    ? 1
            : where == "mark"   ? 2
            : where == "clause" ? 3
            : where == "noun"   ? 4
            : where == "adj"    ? 5
                                : -1;
    int v = value == "hypothetical" ? kHypothetical : -1;
    if (v < 0) {
      auto st = parse_status(value);
      if (st) v = static_cast<int>(*st);
    }
    if (w < 0 || v < 0) {
      diag.error(Place{name, n}, fmt::format("unknown place '{}' or value '{}'", where, value));
      continue;
    }
    // ("be prepare": the cue of "prepare" in the passive, kept by its lemma
    // so that a lookup builds no string)
    if (w == 1 && lemma.rfind("be ", 0) == 0)
      s.passive_gov_[lemma.substr(3)] = v;
    else
      s.cues_[w][lemma] = v;
  }
  return s;
}

int StatusCues::find(CueWhere where, const std::string& lemma) const {
  const auto& m = cues_[static_cast<int>(where)];
  auto it = m.find(lemma);
  return it == m.end() ? -1 : it->second;
}

int StatusCues::find_passive(const std::string& lemma) const {
  auto it = passive_gov_.find(lemma);
  return it == passive_gov_.end() ? -1 : it->second;
}

namespace {

// Strength of a status value when several cues hold.
int strength(int v) {
  if (v == kHypothetical) return 10;
  switch (static_cast<Status>(v)) {
    case Status::negated: return 9;
    case Status::negotiating: return 8;
    case Status::intended: return 7;
    case Status::planned: return 6;
    case Status::ongoing: return 5;
    case Status::occurred: return 1;
  }
  return 0;
}

}  // namespace

// The status cue of a governing verb, with its particle first ("call off"
// cancels where "call" asks, "put off" postpones).
int Coder::gov_cue(const Ctx& c, int h) const {
  int prt = c.t.child(h, "compound:prt");
  if (prt >= 0) {
    int v = cues_.find(CueWhere::gov, c.t.lemma(h) + " " + c.t.lemma(prt));
    if (v >= 0) return v;
  }
  // "was prepared to withdraw": a verb in the passive may have a cue of its
  // own ("be prepare": ready, intended; "prepare": planned).
  if (c.t.passive(h))
    if (const int v = cues_.find_passive(c.t.lemma(h)); v >= 0) return v;
  // "ready", "willing", "open to": a cue of an adjective only ("opened an
  // inquiry", "committed crimes" are acts, not readiness).
  if (c.t.upos(h) == Upos::ADJ)
    if (const int v = cues_.find(CueWhere::adj, c.t.lemma(h)); v >= 0) return v;
  return cues_.find(CueWhere::gov, c.t.lemma(h));
}

// Noun n is denied: it has "no" ("no plan"), or the predicate it hangs
// under, a step or two up, is negated ("is not part of any plan").
bool Coder::denied(const Ctx& c, int n) const {
  const Tree& tr = c.t;
  int x = n;
  for (int step = 0; step < 3 && x >= 0; ++step) {
    for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d)
      if ((is_rel(tr.base(*d), {"det", "advmod", "neg"}) && is_rel(tr.lemma(*d), {"no", "not", "never"})) ||
          (step == 0 && tr.base(*d) == "det" && tr.lemma(*d) == "neither"))
        return true;
    if (x != n && (tr.is_verb(x) || tr.child(x, "cop") >= 0)) break;  // the predicate: looked at, stop
    if (!is_rel(tr.base(x), {"nmod", "obl", "obj", "nsubj"})) break;
    x = tr.head(x);
  }
  return false;
}

// A verb that praises or condemns what it takes as its object (a frame of
// CAMEO 051 or of root 11).
// A verb of accusing (a frame of CAMEO 112: "accuse", "blame").
bool Coder::accusing_verb(std::string_view lemma) const {
  return frames_.any_frame(lemma, false, [](const Frame& f) { return f.cameo == "112"; });
}

bool Coder::evaluating_verb(std::string_view lemma) const {
  return frames_.any_frame(lemma, false, [](const Frame& f) {
    return f.cameo.rfind("11", 0) == 0 || f.cameo.rfind("051", 0) == 0;
  });
}

int Coder::status_of(const Ctx& c, int t, bool act) const {
  const Tree& tr = c.t;
  int best = static_cast<int>(Status::occurred);
  auto take = [&](int v) {
    if (v >= 0 && strength(v) > strength(best)) best = v;
  };
  // "the trip, which was cancelled", "talks that were postponed": a noun
  // event's relative clause tells what became of it.
  // (A clause with a complement of its own tells of that, not of the noun:
  // "an accusation by X that its president had planned to stay away".)
  auto about_noun = [&](int v) {
    return tr.rel(v) == "acl:relcl" && tr.is_verb(v) && tr.child(v, "obj") < 0 && tr.child(v, "xcomp") < 0 &&
           tr.child(v, "ccomp") < 0;
  };
  if (tr.is_nominal(t))
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
      if (about_noun(*d)) take(cues_.find(CueWhere::gov, tr.lemma(*d)));
      // ... or hangs on the noun's last word ("the trip to Egypt, which was cancelled")
      if (tr.base(*d) == "nmod" && *d > t)
        for (const int* r = tr.kids_begin(*d); r != tr.kids_end(*d); ++r)
          if (about_noun(*r)) take(cues_.find(CueWhere::gov, tr.lemma(*r)));
    }
  // "accusing X of hiding the gunmen behind a bomb attack": an act told
  // anywhere inside what an accusation alleges (its "of" or "for" phrase)
  // is alleged, not told as done (the loop below sees the phrase's own
  // head only). (Not a clause set beside the charge with a speaker of its
  // own: "..., a charge X has rejected".)
  auto own_clause = [&](int x) {
    if (tr.base(x) == "appos") return true;
    if (tr.rel(x) != "acl:relcl") return false;
    const int s = tr.child(x, "nsubj");
    return s >= 0 && tr.xpos(s) != "WDT" && tr.xpos(s) != "WP" && tr.lemma(s) != "that";
  };
  for (int x = t, step = 0; x >= 0 && step < 8 && !own_clause(x); ++step) {
    x = tr.head(x);
    if (x < 0 || own_clause(x)) break;
    const int h = tr.head(x);
    if (h < 0 || !is_rel(tr.marker(x), {"of", "for"}) ||
        !(tr.base(x) == "advcl" || tr.base(x) == "acl" || tr.base(x) == "obl"))
      continue;
    const int acc = tr.is_verb(h) ? h : (tr.rel(h) == "obj" ? tr.head(h) : -1);
    if (acc >= 0 && tr.is_verb(acc) && accusing_verb(tr.lemma(acc))) take(kHypothetical);
  }
  // "X flies to Y on Friday", "leaves for Z on Sunday": a present tense
  // with a day named tells what is scheduled.
  // ("Chad shut its border on Monday": a form read as a plural present
  // after a singular subject is the past of a verb whose forms are alike)
  const int present_subject = tr.child(t, "nsubj");
  const bool singular_subject =
      present_subject >= 0 && (tr.xpos(present_subject) == "NN" || tr.xpos(present_subject) == "NNP");
  if (tr.is_verb(t) && (tr.xpos(t) == "VBZ" || (tr.xpos(t) == "VBP" && !singular_subject)) && tr.child(t, "aux") < 0 &&
      tr.child(t, "aux:pass") < 0 && !frames_.any_frame(tr.lemma(t), false, [](const Frame& g) { return (g.flags & kFrameSay) != 0; }))
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
      if (tr.base(*d) != "obl") continue;
      if (is_date(c, *d)) take(static_cast<int>(Status::planned));
      // (a day the parser hung on the place phrase: "flies to X on Friday")
      for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d); ++e)
        if (tr.base(*e) == "nmod" && *e > *d && is_date(c, *e)) take(static_cast<int>(Status::planned));
    }
  // "Neither X nor Y attended", "No state signed": a subject denied is an
  // act denied.
  if (tr.is_verb(t))
    if (const int sj = tr.child(t, "nsubj"); sj >= 0)
      for (const int* d = tr.kids_begin(sj); d != tr.kids_end(sj); ++d)
        if (*d < sj && (tr.lemma(*d) == "neither" || (tr.lemma(*d) == "no" && tr.base(*d) == "det")))
          take(static_cast<int>(Status::negated));
  int x = t;
  // A verb conjunct with its own auxiliary or after "but" ("would not
  // negotiate with X, but would talk to Y") has its own negation and modal:
  // the first conjunct's are not its.
  bool own_mods = false;
  for (int step = 0; step < 5 && x >= 0; ++step) {
    const bool skip_mods = own_mods;
    own_mods = false;
    for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d) {
      std::string_view b = tr.base(*d);
      // (and a noun event's preposition: "ended without agreement")
      if (skip_mods && (b == "advmod" || b == "aux" || b == "neg")) continue;
      if (b == "advmod" || b == "aux" || b == "det" || b == "amod" || b == "neg" || (b == "case" && tr.is_nominal(x)))
        take(cues_.find(CueWhere::mod, tr.lemma(*d)));
      else if (b == "mark") {
        take(cues_.find(CueWhere::mark, tr.lemma(*d)));
        // "before Turkey approves its bid", "until X withdraws": a present
        // tense in a clause of time tells what is yet to come
        if (is_rel(tr.lemma(*d), {"before", "until", "once"}) && tr.is_verb(x) &&
            (tr.xpos(x) == "VBZ" || tr.xpos(x) == "VBP"))
          take(static_cast<int>(Status::planned));
      }
      // "are due to sign", with "due to" read as a preposition on the verb:
      // what is due is still to come
      if (b == "case" && tr.is_verb(x) && tr.lemma(*d) == "due") take(static_cast<int>(Status::planned));
      // "is to visit X", "the two sides are to sign", "was to meet": "be"
      // with an infinitive tells what is arranged to come (the parser reads
      // "be" as the copula of the infinitive's verb)
      if (b == "cop" && tr.is_verb(x) && tr.lemma(*d) == "be" && tr.child(x, "mark") > *d &&
          tr.lemma(tr.child(x, "mark")) == "to")
        take(static_cast<int>(Status::planned));
      // a participle before a noun event: "the planned trip", "the cancelled talks"
      if (b == "amod" && tr.is_verb(*d)) take(cues_.find(CueWhere::gov, tr.lemma(*d)));
      // "the idea that X will ...", "fears that X would ...": the noun right
      // before the clause's "that", however the parser attached the clause
      // (not the object of a relative clause with a subject of its own:
      // "the pact that X signed" tells the signing)
      // (the noun of a kind the clause's verb does: "signs" pacts; not
      // "fears that X would attack Y" read with "that" the object)
      const bool relative_object =
          tr.rel(*d) == "obj" && tr.rel(x) == "acl:relcl" && tr.child(x, "nsubj") >= 0 && *d > 0 &&
          frames_.any_frame(tr.lemma(x), false, [&](const Frame& g) {
            return std::any_of(g.when.begin(), g.when.end(), [&](const Cond& k) {
              return k.kind == CondKind::obj_class && !k.negate && frames_.in_class(k.word_class, tr.lemma(*d - 1));
            });
          });
      if (tr.lemma(*d) == "that" && *d > 0 && *d < x && (b == "mark" || tr.rel(*d) == "obj") && !relative_object &&
          tr.upos(*d - 1) == Upos::NOUN)
        take(cues_.find(CueWhere::clause, tr.lemma(*d - 1)));
    }
    std::string_view r = tr.rel(x);
    int h = tr.head(x);
    if (h < 0) break;
    // "is viewed as opposing X", "was seen as backing Y": how someone is
    // seen tells no act of theirs.
    if (is_rel(tr.base(x), {"advcl", "xcomp"}) && tr.marker(x) == "as" && tr.is_verb(x) &&
        is_rel(tr.lemma(h), {"view", "see", "regard", "consider", "perceive", "portray", "depict", "describe"}))
      take(kHypothetical);
    // "accused X of backing Y", "blamed X for the attack": what an
    // accusation alleges is a claim, not told as done (the accusation is
    // the fact).
    // (or hung by the parser on the accused: "accused X of arming Y" with
    // "of arming" under X)
    if ((r == "advcl" || r == "acl" || tr.base(x) == "obl") && is_rel(tr.marker(x), {"of", "for", "with"})) {
      const int acc = tr.is_verb(h) ? h : (tr.rel(h) == "obj" ? tr.head(h) : -1);
      if (acc >= 0 && tr.is_verb(acc) && accusing_verb(tr.lemma(acc))) take(kHypothetical);
    }
    // "warned X against selling arms": what a warning is against is not
    // done (the warning is the fact).
    if (r == "advcl" && tr.marker(x) == "against" && tr.is_verb(h) &&
        frames_.any_frame(tr.lemma(h), false, [](const Frame& g) { return g.cameo.rfind("13", 0) == 0; }))
      take(kHypothetical);
    // "called on X to support Y", read with the infinitive as a clause of
    // purpose: what the verb asks of its complement holds all the same.
    // An infinitive of purpose shares the modals and negation of the verb
    // whose purpose it tells ("will travel to X next week to meet Y").
    if (r == "advcl" && tr.is_verb(x) && tr.xpos(x) == "VB" && tr.child(x, "mark") >= 0 &&
        tr.lemma(tr.child(x, "mark")) == "to" && tr.is_verb(h)) {
      take(gov_cue(c, h));
      // ("signed a deal on Tuesday to build X": an infinitive right after
      // the verb's object noun is what that noun is about, however the
      // parser hung it: a deal's, a plan's content is planned)
      if (const int o = tr.child(h, "obj"); o >= 0 && o < x && tr.right_edge(o) + 1 == tr.left_edge(x))
        take(cues_.find(CueWhere::clause, tr.lemma(o)));
      x = h;
      continue;
    }
    // ... or what it is asked "for" ("called for talks", "pressed for a vote").
    bool asked_for = x == t && tr.base(x) == "obl" && tr.marker(x) == "for";
    // ("is due to visit" read as the adjective's subject clause, or as a
    // clause of purpose)
    const int xm = tr.child(x, "mark");
    const bool adj_clause =
        tr.upos(h) == Upos::ADJ && xm >= 0 && (r == "csubj" || (r == "advcl" && tr.lemma(xm) == "to"));
    // ("open to dialogue", "ready for talks", "committed to helping": a noun
    // event or a gerund an adjective of readiness takes)
    const bool adj_object = x == t && tr.upos(h) == Upos::ADJ && is_rel(tr.marker(x), {"to", "for"}) &&
                            (tr.base(x) == "obl" || (tr.base(x) == "advcl" && tr.xpos(x) == "VBG"));
    // (... hung by the parser on the verb: "remained open | to dialogue")
    if (x == t && tr.base(x) == "obl" && tr.is_verb(h) && is_rel(tr.marker(x), {"to", "for"}))
      for (const int* d = tr.kids_begin(h); d != tr.kids_end(h); ++d)
        if (*d < x && tr.rel(*d) == "xcomp" && tr.upos(*d) == Upos::ADJ) take(gov_cue(c, *d));
    if (r == "xcomp" || r == "obj" || r == "nsubj:pass" || asked_for || adj_clause || adj_object) {
      // "did not rule out sanctions", "has not cancelled the visit": a
      // negating verb itself negated leaves the act open, no fact.
      if (!(act && x == t)) {
        int g = gov_cue(c, h);
        // "is expected to visit X next week", "is expected to fly to Y":
        // a trip or a meeting one is expected to make is scheduled (what one
        // is expected to decide or do stays speculation)
        if (g == kHypothetical && x == t && tr.lemma(h) == "expect" && tr.passive(h) && tr.is_verb(t) &&
            frames_.any_frame(tr.lemma(t), false, [](const Frame& f) { return f.cameo.rfind("04", 0) == 0; }))
          g = static_cast<int>(Status::planned);
        bool negated_gov = false;
        for (const int* d = tr.kids_begin(h); d != tr.kids_end(h) && g == static_cast<int>(Status::negated); ++d)
          negated_gov |= (tr.base(*d) == "advmod" || tr.base(*d) == "part") && is_rel(tr.lemma(*d), {"not", "never", "n't"});
        // "is not weighing a break in ties", "does not plan to
        // attend": an act not weighed or not planned is denied.
        bool denied_plan = false;
        if (g == kHypothetical || g == static_cast<int>(Status::planned) || g == static_cast<int>(Status::intended))
          for (const int* d = tr.kids_begin(h); d != tr.kids_end(h); ++d)
            denied_plan |= tr.base(*d) == "advmod" && is_rel(tr.lemma(*d), {"not", "never", "n't"});
        take(negated_gov ? kHypothetical : denied_plan ? static_cast<int>(Status::negated) : g);
      }
      // "has yet to answer X's request", "will not accept the offer": a
      // verbal act that another act answers was made; what is said of the
      // answer (not yet, not, will) is the answer's, not the request's.
      if (act && x == t && r == "obj" && tr.is_verb(h) && coder_detail::answering_verb(tr.lemma(h))) break;
      // "blocked a statement condemning X's crackdown", "refused to praise
      // the deal": what is condemned or praised is taken as done, whatever
      // becomes of the condemning.
      if (x == t && r == "obj" && tr.is_verb(h) && evaluating_verb(tr.lemma(h))) break;
      x = h;
      continue;
    }
    // "denied that it had attacked": the verb whose that-clause the trigger
    // heads; "reports that X had sent": the noun's.
    if (r == "ccomp" || (r == "acl" && tr.upos(h) == Upos::NOUN && tr.child(x, "mark") >= 0)) {
      int v = cues_.find(CueWhere::clause, tr.lemma(h));
      // "accepted the invitation to come to X": the visit invited to, once
      // taken up, is planned (see Coder::subject_of)
      if (r == "acl" && is_rel(tr.lemma(h), {"invitation", "invite"}) && tr.rel(h) == "obj" && tr.head(h) >= 0 &&
          is_rel(tr.lemma(tr.head(h)), {"accept", "take"}) && !denied(c, tr.head(h)))
        v = static_cast<int>(Status::planned);
      take(v);
      // "reports that X supplied ...": hearsay told by a noun (the verb
      // "reported that" asserts).
      if (r == "acl") take(cues_.find(CueWhere::noun, tr.lemma(h)));
      // "no plan to act", "is not part of any plan to act": a plan or
      // decision denied is no plan; its act is negated.
      if (r == "acl" && v == static_cast<int>(Status::planned) && denied(c, h)) take(static_cast<int>(Status::negated));
    }
    // "the notion that X is going to invade", read as a relative clause
    // with "that" its subject: a clause under a noun with a subject of its
    // own besides a relative pronoun says what the noun holds.
    if (tr.base(x) == "acl" && tr.upos(h) == Upos::NOUN && x > h) {
      bool relative = false, own_subject = false;
      for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d) {
        if (tr.base(*d) != "nsubj") continue;
        bool pronoun = tr.xpos(*d) == "WDT" || tr.xpos(*d) == "WP" || tr.lemma(*d) == "that";
        (pronoun ? relative : own_subject) = true;
      }
      if (relative && own_subject) take(cues_.find(CueWhere::clause, tr.lemma(h)));
    }
    // "blocked the aid package", "the cancelled peace plan": a noun event
    // that names another noun shares what becomes of it.
    if (r == "compound" && x == t && tr.is_nominal(h)) {
      x = h;
      continue;
    }
    // "blocked a statement criticizing X": a participle on an object noun
    // shares what the governing verb does to that noun.
    if (r == "acl" && tr.is_verb(x) && tr.xpos(x) == "VBG" && tr.rel(h) == "obj" && tr.head(h) >= 0) {
      const int v = gov_cue(c, tr.head(h));
      if (v == static_cast<int>(Status::negated)) take(v);
    }
    // A gerund of manner ("will retaliate by firing", "plans to join in
    // funding") has the status of the verb it tells the manner of.
    // (A verb the parser joined to a noun, "were on planned exercises and
    // rejected ...", shares nothing with the noun's own modifiers.)
    if (r == "conj" && tr.is_verb(x) && tr.is_nominal(h)) break;
    if (r == "conj" || (tr.base(x) == "advcl" && tr.xpos(x) == "VBG" && is_rel(tr.marker(x), {"by", "in"}))) {
      if (r == "conj" && tr.is_verb(x))
        for (const int* d = tr.kids_begin(x); d != tr.kids_end(x) && !own_mods; ++d)
          own_mods = tr.base(*d) == "aux" || (tr.base(*d) == "cc" && is_rel(tr.lemma(*d), {"but", "yet"}));
      x = h;
      continue;
    }
    // "the treaty remained under negotiation": a noun event as the subject
    // takes the cues of its verb's complements.
    // A verb that does not tell whether it took place takes the event as
    // given: "the meeting did not end the row" (but "did not take
    // place", "will not begin"). "Talks are to open next month": "be" with
    // the infinitive, arranged to come.
    if (r == "nsubj" && tr.is_nominal(x)) {
      const bool tells = !tr.is_verb(h) || frames_.in_class(happen_class_, tr.lemma(h));
      for (const int* d = tr.kids_begin(h); d != tr.kids_end(h); ++d) {
        std::string_view b = tr.base(*d);
        if (!tells && (b == "advmod" || b == "part") && is_rel(tr.lemma(*d), {"not", "never", "n't"})) continue;
        // (a month is no modal: "began in May")
        if ((b == "obl" && !is_date(c, *d) && tr.upos(*d) != Upos::PROPN) || b == "advmod" || b == "xcomp" ||
            b == "aux")
          take(cues_.find(CueWhere::mod, tr.lemma(*d)));
        // ("if the talks take place": a condition on whether it happens)
        if (b == "mark" && tells) take(cues_.find(CueWhere::mark, tr.lemma(*d)));
        if ((b == "aux" || b == "cop") && tr.lemma(*d) == "be" && tr.is_verb(h) && tr.child(h, "mark") > *d &&
            tr.lemma(tr.child(h, "mark")) == "to")
          take(static_cast<int>(Status::planned));
      }
    }
    break;
  }
  return best;
}

// The tone of the words of head's subtree: the sum of cues.tsv tones.
int Coder::tone_of(const Ctx& c, int head, bool word_only) const {
  const Tree& tr = c.t;
  int lo = head, hi = head;
  std::vector<int> stack{head};
  if (word_only) stack.clear();
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    lo = std::min(lo, n), hi = std::max(hi, n);
    for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d) stack.push_back(*d);
  }
  std::uint32_t b = c.in.tok_of_word[lo], e = c.in.tok_of_word[hi] + 1;
  const auto& toks = c.rec.toks;
  int tone = 0;
  for (std::uint32_t i = b; i < e; ++i) {
    dict_.cue_matcher().longest([&](std::size_t q) { return toks[q].id; }, i, e,
                                [&](std::uint32_t, std::uint32_t v) {
                                  const Cue& cue = dict_.cues()[v];
                                  if (cue.kind == CueKind::tone) tone += cue.value;
                                  return true;
                                });
  }
  return tone;
}

}  // namespace dipgraph::ingest
