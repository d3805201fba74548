// Who the parties of a coded event are (coder.hpp): actors of tree nodes,
// the authorities of a place, and descriptions that do not repeat their
// clause's subject; a person present in another country (a visit), and a
// pair told as one ("both countries"). Parties the context gives (the other
// country of the sentence, an act referred to) are in coder_context_parties.cpp.
#include <vector>

#include <fmt/core.h>

#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::armed_root;
using coder_detail::is_rel;
using syntax::Upos;

// A noun naming a part of a place: "parts of X", "the north of X".
static bool partitive(std::string_view l) {
  return is_rel(l, {"part", "area", "region", "province", "district", "north", "south", "east", "west", "coast",
                    "corner", "interior", "outskirts", "village", "town", "city", "capital"});
}

// The actor mention standing for node n, or -1. A node inside an actor
// mention is that actor; a noun naming people or a body ("officials",
// "government", "forces") stands for the actor of its national modifier,
// possessive, compound or "of"/"from" phrase ("Japanese officials", "the
// government of Japan"). For other nouns ("Japanese goods") the modifier
// counts only outside the source slot: goods receive, they do not act.
// "a policy of closing ports to fishing fleets which X criticised": the
// object "which" stands for the act noun the clause follows, and whom it is
// aimed at is that act's adopter: the subject of the verb of conduct the
// act noun is the object of (all of its conjuncts: "A and B have kept a
// policy ..."). Also with the relative clause hung on a verb of the
// phrase ("criticised" on "closing"). -1 if n is no such pronoun.
int Coder::adopter_of_relative(const Ctx& c, int n) const {
  const Tree& t = c.t;
  if (t.upos(n) != Upos::PRON || c.mention(n) >= 0 || t.base(n) != "obj" || t.head(n) < 0 ||
      !is_rel(t.lemma(n), {"which", "that"}) || n < 1)
    return -1;
  int a = -1;
  if (t.rel(t.head(n)) == "acl:relcl")
    a = t.head(t.head(n));
  else
    a = t.is_nominal(n - 1) ? n - 1 : (n >= 2 && t.upos(n - 1) == Upos::PUNCT && t.is_nominal(n - 2) ? n - 2 : -1);
  // up to the act noun of the phrase ("policy" of "a policy of closing
  // ports to fishing fleets")
  for (int step = 0; a >= 0 && step < 5 && !frames_.in_class(act_class_, t.lemma(a)); ++step) a = t.head(a);
  if (a < 0 || t.base(a) != "obj" || t.head(a) < 0 || !frames_.in_class(conduct_class_, t.lemma(t.head(a)))) return -1;
  std::string ignored;
  return subject_of(c, t.head(a), ignored);
}

// A capital, a state's other seat of government ("Dar es Salaam", a
// metonym of its state) or the state itself: where a body or its
// officials sit ("officials in Seoul").
static bool seat_of_state(const Mention& m) {
  return m.kind == MentionKind::capital || m.kind == MentionKind::country || m.kind == MentionKind::metonym;
}

int Coder::actor_of_node(const Ctx& c, int n, bool source, bool places) const {
  auto usable = [&](int mi) {
    if (mi < 0) return false;
    const Mention& m = c.rec.mentions[mi];
    if (is_actor(m)) return true;
    return places && m.kind == MentionKind::city;
  };
  // The subject of what a speaker says, told by a pronoun, is the speaker
  // (whatever the recognizer took for the last subject before): "he" or
  // "she" when the speaker is a person, named by a name, a title or a noun
  // of office ("The league's chief envoy told reporters he would fly to
  // X"; not "the FBI"); "it" when the speaker is a state or a body ("...,
  // while the fund said it stood ready to lend").
  // "they" when the speaker is a body named by a plural noun, one state's
  // ("the Thai guards told reporters they were ready").
  const bool personal = is_rel(c.t.lemma(n), {"he", "she"}), plural = c.t.lemma(n) == "they";
  if (c.t.upos(n) == Upos::PRON && (personal || plural || c.t.lemma(n) == "it") && c.t.base(n) == "nsubj") {
    int v = c.t.head(n);
    while (v >= 0 && c.t.base(v) == "conj") v = c.t.head(v);
    if (v >= 0 && c.t.base(v) == "ccomp" && c.t.head(v) >= 0 && speech_verb(c.t.lemma(c.t.head(v)))) {
      std::string ignored;
      const int sj = subject_of(c, c.t.head(v), ignored);
      auto person = [&](int x) {
        const int m = c.mention(x);
        if (m >= 0) {
          const MentionKind k = c.rec.mentions[m].kind;
          return k == MentionKind::person || k == MentionKind::role || k == MentionKind::title;
        }
        return c.t.upos(x) == Upos::NOUN && std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(x));
      };
      auto body = [&](int x) {
        return c.t.upos(x) == Upos::NOUN && (c.t.xpos(x) == "NNS" || c.t.lemma(x) == "police") &&
               c.t.child(x, "conj") < 0;
      };
      if (sj >= 0 && sj != n && c.t.upos(sj) != Upos::PRON && (!personal || person(sj)) && (!plural || body(sj)))
        if (const int a = actor_of_node(c, sj, true, places); a >= 0) {
          const MentionKind k = c.rec.mentions[a].kind;
          if (personal || (k != MentionKind::person && k != MentionKind::role)) return a;
        }
    }
  }
  int mi = c.mention(n);
  if (usable(mi)) return mi;
  // A place is no actor; a title stands for whom its modifiers name ("a UN
  // official", "the envoy of Japan").
  bool title = mi >= 0 && c.rec.mentions[mi].kind == MentionKind::title;
  if (mi >= 0 && !title) return -1;
  // "which", "who", "that" of a relative clause stand for its noun (also
  // when the parser hung the clause on a verb of that noun's phrase: "a
  // policy of closing the border, which ...").
  if (c.t.upos(n) == Upos::PRON && c.t.head(n) >= 0 && c.t.rel(c.t.head(n)) == "acl:relcl" &&
      c.t.head(c.t.head(n)) >= 0) {
    const std::string& l = c.t.lemma(n);
    if (l == "which" || l == "who" || l == "whom" || l == "that") {
      int a = c.t.head(c.t.head(n));
      if (c.t.is_verb(a) && c.t.base(a) == "acl" && c.t.head(a) >= 0 && c.t.is_nominal(c.t.head(a)))
        a = c.t.head(a);
      int r = actor_of_node(c, a, source, places);
      // What the relative clause acts on is a thing ("a policy which Y
      // criticized"): the one who adopted, signed or imposed it.
      if (r < 0 && !source && c.t.base(n) == "obj" && c.t.base(a) == "obj" && c.t.head(a) >= 0 &&
          frames_.in_class(conduct_class_, c.t.lemma(c.t.head(a)))) {
        std::string ignored;
        int sj = subject_of(c, c.t.head(a), ignored);
        if (sj >= 0) r = actor_of_node(c, sj, true, places);
      }
      return r;
    }
  }
  // ... and when the parser hung the relative clause on a verb ("a policy
  // of closing ports to fleets, which X criticised", with "criticised" on
  // "closing"): the act noun the pronoun's clause follows, whose adopter is
  // the one criticised ("a policy which Y criticized").
  if (!source)
    if (const int sj = adopter_of_relative(c, n); sj >= 0) return actor_of_node(c, sj, true, places);
  if (!c.t.is_nominal(n)) return -1;
  // A name the recognizer did not know stands for what its apposition says
  // it is ("Ann Lee, head of the UN agency", "Ann Lee, a Kenyan diplomat");
  // a word opening a name ("Mr." of "said Mr. Lee") for the rest of it.
  if (mi < 0 && c.t.upos(n) == Upos::PROPN)
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
      int a = -1;
      if (c.t.base(*k) == "appos" && c.t.upos(*k) != Upos::PROPN) a = actor_of_node(c, *k, source, places);
      if (c.t.base(*k) == "flat" && usable(c.mention(*k))) a = c.mention(*k);
      if (a >= 0) return a;
    }
  // "the Saudi-led coalition", "a French-led force": a body whose
  // leader's name is glued to "-led" or "-headed" before it acts for
  // that leader's side.
  if (mi < 0 && c.t.upos(n) == Upos::NOUN)
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
      if (*k != n - 1 || !is_rel(c.t.base(*k), {"amod", "acl"}) || !is_rel(c.t.lemma(*k), {"lead", "head"})) continue;
      for (const int* g = c.t.kids_begin(*k); g != c.t.kids_end(*k); ++g)
        if (*g == *k - 1 && usable(c.mention(*g))) return c.mention(*g);
    }
  // "Ann Lee, representing Kenya", "the delegation representing Kenya",
  // "X, claiming to represent the ministry": who represents a state acts
  // for it.
  // (The parser may hang the clause set off by commas after a subject on
  // its verb.)
  if (mi < 0 || title) {
    const int h = c.t.head(n);
    std::vector<int> clauses(c.t.kids_begin(n), c.t.kids_end(n));
    if (h > n && c.t.base(n) == "nsubj")
      for (const int* k = c.t.kids_begin(h); k != c.t.kids_end(h); ++k)
        if (*k > n && *k < h && c.t.base(*k) == "advcl") clauses.push_back(*k);
    for (int v : clauses) {
      if (c.t.base(v) != "acl" && c.t.base(v) != "advcl") continue;
      // "a delegation led by X", "a team headed by X": its leader's side
      if (is_rel(c.t.lemma(v), {"lead", "head"}) && c.t.is_verb(v) && c.t.xpos(v) == "VBN")
        if (const int by = c.t.child(v, "obl:agent"); by >= 0)
          if (const int a = actor_of_node(c, by, source, places); a >= 0) return a;
      // "shells fired by X's troops killed ...", "a drone launched by X":
      // a weapon or craft does what the one who fired or sent it does
      if (c.t.base(v) == "acl" && c.t.is_verb(v) && c.t.xpos(v) == "VBN" &&
          (frames_.in_class(arms_class_, c.t.lemma(n)) || frames_.in_class(bombs_class_, c.t.lemma(n)) ||
           frames_.in_class(craft_class_, c.t.lemma(n))))
        if (const int by = c.t.child(v, "obl:agent"); by >= 0)
          if (const int a = actor_of_node(c, by, true, places); a >= 0) return a;
      if (c.t.lemma(v) != "represent") v = c.t.child(v, "xcomp");
      if (v < 0 || c.t.lemma(v) != "represent" || !c.t.is_verb(v)) continue;
      int o = c.t.child(v, "obj");
      if (o >= 0 && usable(c.mention(o))) return c.mention(o);
    }
  }
  // "his host", "the guest", "the visitors": a side of the visit told last
  // in the article (the host received, the guest or visitor came), when
  // no modifier but a pronoun's names whose ("a guest of the Indian
  // president" is his).
  if (mi < 0 && c.t.upos(n) == Upos::NOUN && is_rel(c.t.lemma(n), {"host", "guest", "visitor"}) &&
      c.t.child(n, "amod") < 0 && c.t.child(n, "compound") < 0 &&
      std::none_of(c.t.kids_begin(n), c.t.kids_end(n), [&](int k) {
        return c.t.base(k) == "nmod" && !(c.t.rel(k) == "nmod:poss" && c.t.upos(k) == Upos::PRON);
      })) {
    // (last_acts keeps the latest visit not denied)
    const CoderInput::RecentAct* visit = nullptr;
    for (const CoderInput::RecentAct& a : c.in.last_acts)
      if (a.type == "visit") visit = &a;
    if (visit) {
      const bool host = c.t.lemma(n) == "host";
      const std::vector<std::int32_t>& side = host != visit->hosting ? visit->target : visit->source;
      for (std::int32_t x : side) {
        const int m = x >= 0 ? x : -x - 1;
        if (usable(m)) return m;
      }
    }
  }
  // "hundreds of Kenyan students", "dozens of Chinese troops": the people counted.
  if (mi < 0 && (c.t.upos(n) == Upos::NUM || frames_.in_class(count_class_, c.t.lemma(n))))
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k)
      if (c.t.base(*k) == "nmod" && c.t.marker(*k) == "of") return actor_of_node(c, *k, source, places);
  bool agent = title || std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(n)) ||
               armed_act(c.t.lemma(n)) || frames_.in_class(craft_class_, c.t.lemma(n)) ||
               frames_.in_class(bombs_class_, c.t.lemma(n)) ||  // "Myanmar shells", fired by its forces
               frames_.in_class(utterance_class_, c.t.lemma(n)) || frames_.in_class(counterpart_class_, c.t.lemma(n));
  if (source && !agent) return -1;
  // A named possessive is the owner; beside it a national adjective says
  // something else ("CNN's Spanish service": its language). Not so "her
  // Bolivian counterpart".
  int owner = c.t.child(n, "nmod:poss");
  bool owned = owner >= 0 && c.t.upos(owner) != Upos::PRON;
  // A pronoun's possessive ("its ally X", "their troops") counts only when
  // nothing more specific names the noun: "its ally Bolivia" is Bolivia.
  int pronoun_owner = -1;
  // "condemned the arrest of its diplomats by Uganda": the agent of an act
  // noun (a noun that tells an event) is whom an act on it is aimed at;
  // the parser often hangs the "by" phrase on the noun's "of" phrase.
  // (so is the doer of a wrong investigated: "an inquiry into abuses by
  // X's troops" is aimed at X)
  if (!source && !owned && c.t.upos(n) == Upos::NOUN &&
      (frames_.find(c.t.lemma(n), true) || frames_.in_class(act_class_, c.t.lemma(n)) ||
       frames_.in_class(wrongdoing_class_, c.t.lemma(n))))
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
      if (c.t.base(*k) != "nmod") continue;
      auto by_agent = [&](int x) {
        if (c.t.base(x) != "nmod" || c.t.marker(x) != "by") return -1;
        const int mk = c.mention(x);
        if (usable(mk)) return mk;
        // ("by Serbian forces": the agent's country is its adjective's)
        return frames_.in_class(wrongdoing_class_, c.t.lemma(n)) ? actor_of_node(c, x, true, places) : -1;
      };
      if (int a = by_agent(*k); a >= 0) return a;
      if (c.t.marker(*k) == "of")
        for (const int* j = c.t.kids_begin(*k); j != c.t.kids_end(*k); ++j)
          if (int a = by_agent(*j); a >= 0) return a;
    }
  // "concern over the arrest of its citizen in China": who arrests or
  // expels with no maker named (no possessive, no "by") is the state of the place it happened in.
  if (!source && !owned && c.t.upos(n) == Upos::NOUN)
    if (const auto* fs = frames_.find(c.t.lemma(n), true);
        fs && std::any_of(fs->begin(), fs->end(), [&](std::uint32_t fi) {
          const std::string& k = frames_.frame(fi).cameo;
          return k == "173" || k == "174";
        }))
      if (const int p = place_of_noun(c, n); p >= 0) return p;
  // "a U.S.-drafted resolution", "a plan proposed by Egypt": a thing's
  // author (@authoring participle with its agent) owns it, before the
  // forum it is put to ("Security Council resolution").
  if (!source && c.t.upos(n) == Upos::NOUN)
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
      if (!is_rel(c.t.base(*k), {"amod", "acl"}) || !c.t.is_verb(*k) ||
          (c.t.xpos(*k) != "VBN" && c.t.xpos(*k) != "VBD") ||
          !frames_.in_class(authoring_class_, c.t.lemma(*k)))
        continue;
      for (const int* a = c.t.kids_begin(*k); a != c.t.kids_end(*k); ++a)
        if ((c.t.base(*a) == "obl" && (c.t.marker(*a) == "by" || (c.t.rel(*a) == "obl:unmarked" && *a < *k))) ||
            (is_rel(c.t.base(*a), {"compound", "nsubj"}) && *a < *k))
          if (const int mk = c.mention(*a); usable(mk)) return mk;
    }
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
    std::string_view r = c.t.rel(*k), b = c.t.base(*k);
    if (r == "nmod:poss" && c.t.upos(*k) == Upos::PRON) {
      int mk = c.mention(*k);
      if (mk >= 0 && is_actor(c.rec.mentions[mk]) && pronoun_owner < 0) pronoun_owner = mk;
      continue;
    }
    bool mod = r == "nmod:poss" || ((b == "amod" || b == "compound") && !owned) || b == "appos" || b == "flat";
    if (b == "nmod" && r != "nmod:poss") {
      std::string_view p = c.t.marker(*k);
      // "a spokesman for the ministry"; outside the source slot, the owner
      // of a thing ("the economy of Turkey", "aggression from the US").
      // "a treaty with Iran": the other party of an agreement.
      mod = p == "of" || p == "from" || (title && p == "for") ||
            (!source && p == "with" && frames_.in_class(agreement_class_, c.t.lemma(n))) ||
            // "its border with X": the other state of a border; "relations
            // with X": the other state of a tie
            (!source && p == "with" && frames_.in_class(border_class_, c.t.lemma(n))) ||
            (!source && p == "with" && frames_.in_class(ties_class_, c.t.lemma(n))) ||
            // "the government in Kabul", "the ministry in Beijing",
            // "officials in Seoul": a body or its officials seated in a
            // capital (or in the country itself) are that state's
            // (or a spokesman, an envoy: any title, "a foreign ministry
            // spokesman in Kampala")
            (p == "in" && (frames_.in_class(domestic_class_, c.t.lemma(n)) || c.t.lemma(n) == "official" || title) &&
             c.mention(*k) >= 0 &&
             seat_of_state(c.rec.mentions[c.mention(*k)]));
    }
    if (!mod) continue;
    int mk = c.mention(*k);
    if (usable(mk)) return mk;
    // "the Iraqi parliament's decision", "the head of the UN agency": the
    // body's own modifier names it.
    // "parts of Aceh province": the part's place is named by its modifier.
    bool body = std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(*k)) ||
                (places && partitive(c.t.lemma(*k)));
    if (mk < 0 && (r == "nmod:poss" || b == "nmod") && body) {
      int inner = actor_of_node(c, *k, source, places);
      if (inner >= 0) return inner;
    }
    // "Chinese coast guard ships", "the Indian army chief": a national
    // modifier hung on a compound before the noun names the noun's state;
    // "the African Union Commission chairman": so does a name compounded
    // on the compound.
    if (mk < 0 && b == "compound" && !owned)
      for (const int* g = c.t.kids_begin(*k); g != c.t.kids_end(*k); ++g)
        if (c.t.base(*g) == "amod" || c.t.rel(*g) == "nmod:poss" || c.t.base(*g) == "compound")
          if (int gm = c.mention(*g); usable(gm)) return gm;
  }
  // ... also when the parser hung the "in" phrase right after the body on
  // the verb ("recognized the new government in Niger").
  if ((frames_.in_class(domestic_class_, c.t.lemma(n)) || c.t.lemma(n) == "official") && c.t.head(n) >= 0) {
    const int next = c.t.right_edge(n) + 1, h = c.t.head(n);
    for (const int* k = c.t.kids_begin(h); k != c.t.kids_end(h); ++k) {
      if (*k < next || c.t.base(*k) != "obl" || c.t.marker(*k) != "in" || *c.t.kids_begin(*k) != next) continue;
      const int mk = c.mention(*k);
      if (mk >= 0 && seat_of_state(c.rec.mentions[mk]))
        return mk;
    }
  }
  // "In Ankara, an interior ministry official told ...": a setting in a
  // capital or a state that opens the clause, before its subject, seats a
  // body or an official who names no state of its own.
  if (source && (frames_.in_class(domestic_class_, c.t.lemma(n)) || title ||
                 std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(n))) &&
      c.t.base(n) == "nsubj" && c.t.head(n) >= 0 && !owned && pronoun_owner < 0) {
    const int h = c.t.head(n);
    const int* k = c.t.kids_begin(h);
    // (the place's name, then a comma)
    int after = k != c.t.kids_end(h) ? *k + 1 : n;
    while (after < n && c.t.head(after) == *k && c.t.base(after) == "flat") ++after;
    if (after < n && c.t.lemma(after) == "," && c.t.base(*k) == "obl" && c.t.marker(*k) == "in" &&
        c.t.left_edge(*k) == c.t.left_edge(h)) {
      const int mk = c.mention(*k);
      if (mk >= 0 && seat_of_state(c.rec.mentions[mk]))
        return mk;
    }
  }
  // "X said his government would ...": a state body owned by "his", "her"
  // or "its", in what a speaker says, is the speaker's (before whoever
  // the pronoun was read as: "a spokesman said his government ..." after
  // another country's minister was told of).
  if (owner >= 0 && !owned && is_rel(c.t.lemma(owner), {"he", "she", "it", "his", "her", "its"}) &&
      (frames_.in_class(domestic_class_, c.t.lemma(n)) || c.t.lemma(n) == "country"))
    for (int v = c.t.head(n); v >= 0; v = c.t.head(v)) {
      if (!c.t.is_verb(v) || !speech_verb(c.t.lemma(v))) continue;
      std::string ignored;
      const int sj = subject_of(c, v, ignored);
      if (sj >= 0 && sj != n)
        if (const int a = actor_of_node(c, sj, true, places); a >= 0 || c.mention(owner) < 0) return a;
      break;
    }
  if (pronoun_owner >= 0) return pronoun_owner;
  // "Chad's envoy said the government would not yield": "the
  // government" with no state of its own, as the subject of what a
  // speaker says, is the speaker's (before the article's state).
  if (owner < 0 && !owned && frames_.in_class(domestic_class_, c.t.lemma(n)) && c.t.base(n) == "nsubj" &&
      c.t.child(n, "det") >= 0 && c.t.lemma(c.t.child(n, "det")) == "the")
    for (int v = c.t.head(n); v >= 0; v = c.t.head(v)) {
      if (!c.t.is_verb(v) || !speech_verb(c.t.lemma(v))) continue;
      std::string ignored;
      const int sj = subject_of(c, v, ignored);
      if (sj >= 0 && sj != n)
        if (const int a = actor_of_node(c, sj, true, places); a >= 0) return a;
      break;
    }
  // "the policy that X adopted", "the deal Y signed": the subject of a
  // relative clause of conduct whose object is the noun itself.
  if (!source)
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
      if (c.t.rel(*k) != "acl:relcl" || !frames_.in_class(conduct_class_, c.t.lemma(*k))) continue;
      int o = c.t.child(*k, "obj"), sj = c.t.child(*k, "nsubj");
      if (sj < 0 || sj > *k || c.t.rel(sj) != "nsubj" || (o >= 0 && c.t.upos(o) != Upos::PRON)) continue;
      int r = actor_of_node(c, sj, true, places);
      if (r >= 0) return r;
    }
  // "the government", "the police", "the authorities" without a country of
  // their own act for the country the article is about.
  if (frames_.in_class(domestic_class_, c.t.lemma(n)) && c.home_mention >= 0 && c.in.home_named_most) {
    bool definite = false;
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k)
      definite |= c.t.base(*k) == "det" && c.t.lemma(*k) == "the";
    // (the home's country; mention 0 stands for itself, as -1 means none)
    if (definite) return c.home_mention == 0 ? 0 : -c.home_mention - 1;
  }
  return -1;
}

// An arrest, detention or deportation told without who did it ("was
// arrested in Pakistan", "security forces detained ..."): the authorities
// of the country where it happened, named by "in <place>" under the
// trigger, else of the country the article is about.
int Coder::place_in(const Ctx& c, int t) const {
  const Tree& tr = c.t;
  for (const int* k = tr.kids_begin(t); k != tr.kids_end(t); ++k) {
    if (tr.base(*k) != "obl" || tr.marker(*k) != "in") continue;
    int mi = c.mention(*k);
    if (mi < 0) continue;
    const Mention& m = c.rec.mentions[mi];
    bool place = m.kind == MentionKind::country || m.kind == MentionKind::capital || m.kind == MentionKind::city;
    if (place && m.country >= 0) return mi;
  }
  return -1;
}

void Coder::authority_of_place(const Ctx& c, int t, std::vector<std::int32_t>& source, std::string& why) const {
  const Tree& tr = c.t;
  if (const int mi = place_in(c, t); mi >= 0) {
    source.push_back(-mi - 1);
    why += "source=place ";
    return;
  }
  // Without a place: a subject that is a domestic body without a country
  // ("security forces", "police") or no subject at all.
  std::string w;
  int subj = subject_of(c, t, w);
  bool body = subj >= 0 && frames_.in_class(domestic_class_, tr.lemma(subj));
  if (subj >= 0 && !tr.passive(t)) {
    body |= tr.lemma(subj) == "force";
    if (!body) return;
  }
  if (c.home_mention >= 0 && (subj < 0 || body || tr.passive(t))) {
    source.push_back(-c.home_mention - 1);
    why += "source=home ";
  }
}

// A description ("the country") names no party of its own clause: "the US
// promised aid to the country" is aid to the country read before the US,
// and "the country's minister met Taiwan's" is the other country's
// minister, not Taiwan's.
void Coder::rebind_descriptions(const Ctx& c, std::vector<std::int32_t>& source,
                                std::vector<std::int32_t>& target) const {
  auto rebind = [&](std::vector<std::int32_t>& side, const std::vector<std::int32_t>& other) {
    for (std::int32_t& x : side) {
      if (x < 0) continue;
      const Mention& m = c.rec.mentions[x];
      if (!m.anaphor || m.alt_country < 0 || m.kind != MentionKind::country) continue;
      if (std::none_of(other.begin(), other.end(), [&](std::int32_t s) { return c.country_of(s) == m.country; }))
        continue;
      for (std::size_t k = 0; k < c.rec.mentions.size(); ++k) {
        const Mention& o = c.rec.mentions[k];
        if (o.country == m.alt_country && is_actor(o) && o.kind != MentionKind::person) {
          x = static_cast<std::int32_t>(k);
          break;
        }
      }
    }
  };
  rebind(target, source);
  rebind(source, target);
}

// True if word w lies in a clausal complement of trigger t.
bool Coder::in_clause_of(const Ctx& c, int w, int t) const {
  for (int step = 0; step < 12 && w >= 0; ++step) {
    int h = c.t.head(w);
    if (h == t) return c.t.base(w) == "ccomp";
    w = h;
  }
  return false;
}

// The clauses (complements, adverbial and noun-modifying clauses) between
// word w and trigger t above it; 0 if t is not above w.
int Coder::clauses_below(const Ctx& c, int w, int t) const {
  int clauses = 0;
  for (int step = 0; step < 24 && w >= 0; ++step) {
    if (w == t) return clauses;
    if (is_rel(c.t.base(w), {"acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})) ++clauses;
    w = c.t.head(w);
  }
  return 0;
}

// True if word w lies in a date expression ("on Wednesday" is no "call on").
bool Coder::is_date(const Ctx& c, int w) const {
  if (w < 0 || static_cast<std::size_t>(w) >= c.in.tok_of_word.size()) return false;
  std::uint32_t t = c.in.tok_of_word[w];
  return std::any_of(c.rec.dates.begin(), c.rec.dates.end(),
                     [&](const DateMention& d) { return t >= d.begin && t < d.end; });
}

// "four soldiers were killed in an attack", "two guards died during the
// raid": the word whose subject a noun of force at t (a setting: "in",
// "during") harmed, the subject of a passive verb of force or of "die";
// -1 if t is no such setting.
int Coder::victim_of_setting(const Ctx& c, int t) const {
  const Tree& tr = c.t;
  const int h = tr.head(t);
  if (h < 0 || tr.base(t) != "obl" || !is_rel(tr.marker(t), {"in", "during"}) || !tr.is_verb(h)) return -1;
  if (is_rel(tr.lemma(h), {"die", "perish"})) return tr.child(h, "nsubj");
  if (!tr.passive(h)) return -1;
  const auto* fs = frames_.find(tr.lemma(h), false);
  if (!fs || std::none_of(fs->begin(), fs->end(), [&](std::uint32_t fi) { return armed_root(frames_.frame(fi).cameo); }))
    return -1;
  return tr.child(h, "nsubj:pass");
}

// True if noun `lemma` names an armed act ("airstrike", "raid"): its national
// modifier is who struck ("a US airstrike killed ...").
bool Coder::armed_act(const std::string& lemma) const {
  const auto* fs = frames_.find(lemma, true);
  if (!fs) return false;
  for (std::uint32_t fi : *fs) {
    std::string_view r = std::string_view(frames_.frame(fi).cameo).substr(0, 2);
    if (r == "18" || r == "19") return true;
  }
  return false;
}

// The actors listed after the actor named at word n, read from the surface:
// "A of X, B of Y and C of Z". The parser often hangs a name that carries
// "of X" under the name before it; the recognizer's mentions and the commas
// and "and" between them still tell the list. Only a list that closes with
// "and" counts, and a name that is the subject of another verb ends it
// ("A met B, and C said").
std::vector<int> Coder::listed_after(const Ctx& c, int n) const {
  std::vector<int> out;
  int mi = c.mention(n);
  if (mi < 0 || !is_actor(c.rec.mentions[mi])) return out;
  auto last_word = [&](int w, int m) {
    while (w + 1 < c.t.size() && c.mention(w + 1) == m) ++w;
    return w;
  };
  // The word of mention m whose head lies outside it.
  auto head_word = [&](int w, int m) {
    int e = last_word(w, m);
    for (int x = w; x <= e; ++x) {
      int h = c.t.head(x);
      if (h < w || h > e) return x;
    }
    return w;
  };
  int clause = c.t.head(head_word(n, mi));
  bool closed = false;
  for (int w = last_word(n, mi) + 1; w < c.t.size() && !closed;) {
    bool comma = c.t.lemma(w) == ",";
    if (comma) ++w;
    if (w < c.t.size() && c.t.lemma(w) == "and") ++w, closed = true;
    if (!comma && !closed) break;
    int next = c.mention(w);
    if (next < 0 || next == mi || !is_actor(c.rec.mentions[next])) return {};
    int h = head_word(w, next);
    if (coder_detail::is_rel(c.t.base(h), {"nsubj", "csubj"}) && c.t.head(h) != clause) return {};
    out.push_back(next);
    mi = next;
    w = last_word(w, next) + 1;
  }
  if (!closed) out.clear();
  return out;
}

// Actors of node n and of the nodes coordinated with it ("Japan and China").
void Coder::actors_at(const Ctx& c, int n, bool source, bool places, std::vector<std::int32_t>& out) const {
  if (n < 0) return;
  // "which" of "the imports, which were banned": the noun it stands for.
  if (c.t.upos(n) == Upos::PRON && c.mention(n) < 0 && is_rel(c.t.lemma(n), {"which", "that", "whom"})) {
    // (all the adopters of an act a relative clause follows)
    if (const int sj = source ? -1 : adopter_of_relative(c, n); sj >= 0) {
      actors_at(c, sj, true, places, out);
      return;
    }
    // ... or the one who adopted it ("a policy which Y criticized").
    if (int r = actor_of_node(c, n, source, places); r >= 0) {
      out.push_back(r);
      return;
    }
    const int h = c.t.head(n);
    if (h >= 0 && c.t.rel(h) == "acl:relcl" && c.t.head(h) >= 0) {
      n = c.t.head(h);
    } else if (n >= 2 && c.t.upos(n - 1) == Upos::PUNCT && c.t.is_nominal(n - 2)) {
      n = n - 2;  // hung elsewhere by the parser: ", which" follows its noun
    }
  }
  // (a party, or the country of one, -k-1: "the foreign ministry" of the
  // home country; -1 is none)
  auto add = [&](int mi) {
    if (mi != -1 && std::find(out.begin(), out.end(), mi) == out.end()) out.push_back(mi);
  };
  add(actor_of_node(c, n, source, places));
  // "hailed the deal between A and B", "condemned the clashes between A and
  // B": an act told by a noun with its parties is aimed at them all.
  if (out.empty() && !source && c.t.upos(n) == Upos::NOUN &&
      (frames_.find(c.t.lemma(n), true) || frames_.in_class(act_class_, c.t.lemma(n))))
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k)
      if (c.t.base(*k) == "nmod" && c.t.marker(*k) == "between") {
        add(actor_of_node(c, *k, false, places));
        for (const int* j = c.t.kids_begin(*k); j != c.t.kids_end(*k); ++j)
          if (c.t.base(*j) == "conj") add(actor_of_node(c, *j, false, places));
      }
  // "would respond firmly to any provocation by X": an act aimed at a
  // noun of an act (an event, a deed, or a wrong named by its tone) whose
  // maker its "by" phrase names is aimed at that maker. (Not a place: "a
  // trip to the capital by X".)
  if (out.empty() && !source && c.t.upos(n) == Upos::NOUN &&
      (frames_.find(c.t.lemma(n), true) || frames_.in_class(act_class_, c.t.lemma(n)) || tone_of(c, n, true) < 0))
    for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n) && out.empty(); ++k)
      if (c.t.base(*k) == "nmod" && c.t.marker(*k) == "by") add(actor_of_node(c, *k, true, places));
  // Coordinated nodes; not one with no "and" or "or" that a verb of saying
  // follows ("X will send aid to Y, the UN said": "the UN" is no second
  // receiver, whatever the parser joined).
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
    if (c.t.base(*k) != "conj") continue;
    if (c.t.child(*k, "cc") < 0) {
      // the words after it, up to a comma or "and": a verb of saying?
      bool said = false;
      for (int x = *k + 1; x < c.t.size() && x <= *k + 8 && !said; ++x) {
        if (c.t.upos(x) == Upos::PUNCT || c.t.upos(x) == Upos::CCONJ) break;
        said = c.t.is_verb(x) && speech_verb(c.t.lemma(x));
      }
      if (said)
        continue;
    }
    add(actor_of_node(c, *k, source, places));
  }
  for (int mi : listed_after(c, n)) add(mi);
  // "the Peruvian and Chilean sides", "North and South Korea", "a French
  // and German proposal": each coordinated modifier of a noun naming
  // people or bodies, of a name, or of a noun of an act.
  if (!c.t.is_nominal(n)) return;
  int own = c.mention(n);
  bool name = own >= 0 && is_actor(c.rec.mentions[own]);
  if (!name && !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), c.t.lemma(n)) &&
      !frames_.in_class(act_class_, c.t.lemma(n)) && !frames_.in_class(counterpart_class_, c.t.lemma(n)))
    return;
  auto add_actor = [&](int w) {
    int mi = c.mention(w);
    if (mi >= 0 && is_actor(c.rec.mentions[mi])) add(mi);
  };
  for (const int* k = c.t.kids_begin(n); k != c.t.kids_end(n); ++k) {
    std::string_view b = c.t.base(*k);
    // ... and "officials from A and B", "the ministers of A and B"
    const bool of = b == "nmod" && is_rel(c.t.marker(*k), {"of", "from"});
    if (b != "amod" && b != "compound" && c.t.rel(*k) != "nmod:poss" && !of) continue;
    // ("the heads of state of A and B": a title's own "of" phrase, naming
    // no one, before the one that names whose)
    int m = *k;
    if (of && c.mention(m) < 0)
      for (const int* j = c.t.kids_begin(*k); j != c.t.kids_end(*k); ++j)
        if (c.t.base(*j) == "nmod" && c.t.marker(*j) == "of") m = *j;
    bool coordinated = false;
    for (const int* j = c.t.kids_begin(m); j != c.t.kids_end(m); ++j)
      if (c.t.base(*j) == "conj") coordinated = true, add_actor(*j);
    if (coordinated && (name || of)) add_actor(m);
  }
}

// "Lavrov is in Beijing", "the Kenyan president, who is in Cairo for
// talks, said ...": a person or official of one country present in
// another is on a visit there (042). Troops, goods and places are not.
void Coder::presence_visits(const Ctx& c, std::vector<CodedEvent>& out) const {
  const Tree& tr = c.t;
  if (visit_frame_ < 0) return;
  for (int n = 0; n < tr.size(); ++n) {
    int mi = c.mention(n);
    if (mi < 0 || tr.marker(n) != "in") continue;
    const Mention& place = c.rec.mentions[mi];
    bool where = place.kind == MentionKind::country || place.kind == MentionKind::capital ||
                 place.kind == MentionKind::city;
    // ("is due in Lima on Friday and in Quito on Saturday": the second
    // place is told by the first conjunct's clause, whichever phrase the
    // parser joined it to)
    int at = n;
    while (tr.base(at) == "conj" && tr.head(at) >= 0 && tr.head(at) < at) at = tr.head(at);
    int cop = tr.child(at, "cop");
    int subj = tr.child(at, "nsubj");
    // ("the minister is due in Dakar on Friday", "is expected in Rabat
    // next week": one awaited there is to visit it)
    bool awaited = false;
    if (const int h = tr.head(at); cop < 0 && h >= 0 && tr.base(at) == "obl" && is_rel(tr.lemma(h), {"due", "expect"})) {
      cop = tr.child(h, "cop");
      if (cop < 0) cop = tr.child(h, "aux:pass");
      subj = tr.child(h, "nsubj");
      if (subj < 0) subj = tr.child(h, "nsubj:pass");
      // ("was in Kampala last week and is expected in Kigali": the
      // first clause's subject)
      for (int x = h; subj < 0 && tr.base(x) == "conj" && tr.head(x) >= 0 && tr.head(x) < x;) {
        x = tr.head(x);
        subj = tr.child(x, "nsubj");
      }
      awaited = true;
    }
    if (!where || place.country < 0 || cop < 0 || tr.lemma(cop) != "be" || subj < 0) continue;
    CodedEvent e;
    actors_at(c, subj, true, false, e.source);
    bool people = !e.source.empty();
    // ("Its deputy defence minister is expected in X": a title no name or state
    // came with, whose state a possessive pronoun gives)
    const int sm = c.mention(subj);
    const bool official = sm >= 0 ? c.rec.mentions[sm].kind == MentionKind::title
                                  : (c.rec.toks[c.in.tok_of_word[subj]].cls & kRoleNoun) != 0;
    // ("a Chinese delegation is due in Manila", "an IMF mission is expected
    // in X": a body of visitors sent by a state or an organization)
    const bool visitors = awaited && is_rel(tr.lemma(subj), {"delegation", "mission", "team"});
    for (std::int32_t x : e.source) {
      const Mention& m = c.party(x);
      // (or officials whose states their modifiers name, awaited: "the
      // Kenyan and South Sudanese envoys are due in Addis Ababa")
      people &= (m.kind == MentionKind::person || m.kind == MentionKind::role ||
                 (official && m.kind == MentionKind::country && m.anaphor) || visitors ||
                 (awaited && official && (x < 0 ? -x - 1 : x) != sm &&
                  (m.kind == MentionKind::demonym || m.kind == MentionKind::country))) &&
                m.country != place.country;
    }
    if (!people) continue;
    e.frame = static_cast<std::uint32_t>(visit_frame_);
    e.word = n;
    e.cameo = "042";
    e.type = "visit";
    e.target.push_back(mi);
    int st = status_of(c, awaited ? tr.head(n) : n);
    if (st == kHypothetical) continue;
    if (awaited && st == static_cast<int>(Status::occurred)) st = static_cast<int>(Status::planned);
    e.status = static_cast<Status>(st);
    if (c.in.words) e.why = fmt::format("presence (be {}in): source=nsubj ({}) target=place ({}) ", awaited ? "due " : "", (*c.in.words)[subj], (*c.in.words)[n]);
    out.push_back(std::move(e));
  }
  // "the visiting Angolan minister of defence": a person or delegation of
  // one country called visiting is on a visit to the article's home
  // country (its dateline's, else the one it names most), when that is
  // another.
  for (int n = 0; n < tr.size() && c.home_mention >= 0; ++n) {
    if (!tr.is_nominal(n)) continue;
    bool visiting = false;
    for (const int* k = tr.kids_begin(n); k != tr.kids_end(n); ++k)
      visiting |= tr.base(*k) == "amod" && tr.lemma(*k) == "visiting";
    if (!visiting) continue;
    CodedEvent e;
    actors_at(c, n, true, false, e.source);
    const int host = c.rec.mentions[c.home_mention].country;
    if (e.source.empty() || std::any_of(e.source.begin(), e.source.end(), [&](std::int32_t x) {
          const Mention& m = c.party(x);
          return m.kind == MentionKind::country || m.country < 0 || m.country == host;
        }))
      continue;
    e.frame = static_cast<std::uint32_t>(visit_frame_);
    e.word = n;
    e.cameo = "042";
    e.type = "visit";
    e.target.push_back(-c.home_mention - 1);
    if (c.in.words) e.why = fmt::format("presence (visiting): source=({}) target=home country ", (*c.in.words)[n]);
    out.push_back(std::move(e));
  }
  // "the delegation representing X at the funeral of Y's president": who
  // is at a foreign leader's funeral or inauguration visits that leader's
  // country.
  for (int n = 0; n < tr.size(); ++n) {
    if (tr.upos(n) != Upos::NOUN || tr.marker(n) != "at" || !frames_.in_class(rite_class_, tr.lemma(n))) continue;
    const int h = tr.head(n);
    if (h < 0) continue;
    CodedEvent e;
    std::string ignored;
    const int who = tr.is_nominal(h) ? h : subject_of(c, h, ignored);
    actors_at(c, who, true, false, e.source);
    if (e.source.empty()) continue;
    for (const int* k = tr.kids_begin(n); k != tr.kids_end(n); ++k)
      if (tr.base(*k) == "nmod" && tr.marker(*k) == "of") actors_at(c, *k, false, false, e.target);
    if (e.target.empty()) continue;
    const int st = status_of(c, tr.is_nominal(h) ? n : h);
    if (st == kHypothetical) continue;
    e.frame = static_cast<std::uint32_t>(visit_frame_);
    e.word = n;
    e.cameo = "042";
    e.type = "visit";
    e.status = static_cast<Status>(st);
    if (c.in.words) e.why = fmt::format("presence (at a rite): source=({}) target=of ({}) ", (*c.in.words)[who], (*c.in.words)[n]);
    out.push_back(std::move(e));
  }
}

// The source is a pair told as one ("both countries", "the two sides")
// and the target is empty or that pair again: a and b get a mention of
// each of the two countries.
bool Coder::pair_of(const Ctx& c, const std::vector<std::int32_t>& source, const std::vector<std::int32_t>& target,
                    int& a, int& b) const {
  if (source.size() != 1 || source[0] < 0) return false;
  const Mention& m = c.rec.mentions[source[0]];
  if (m.kind != MentionKind::group || !m.anaphor || c.rec.groups[m.entity].size() != 2) return false;
  const auto& g = c.rec.groups[m.entity];
  auto same_pair = [&](std::int32_t x) {
    if (x < 0) return false;
    const Mention& t = c.rec.mentions[x];
    if (t.kind != MentionKind::group) return false;
    auto h = c.rec.groups[t.entity];
    return std::is_permutation(h.begin(), h.end(), g.begin(), g.end());
  };
  if (!target.empty() && !(target.size() == 1 && same_pair(target[0]))) return false;
  a = b = -1;
  // (a country's name, else any mention of it: a story may name the two
  // only by their demonyms, "Kyrgyz and Tajik troops")
  for (const bool named : {true, false})
    for (std::size_t k = 0; k < c.rec.mentions.size() && (a < 0 || b < 0); ++k) {
      const Mention& x = c.rec.mentions[k];
      if (named && x.kind != MentionKind::country) continue;
      if (a < 0 && x.country == g[0]) a = static_cast<int>(k);
      if (b < 0 && x.country == g[1]) b = static_cast<int>(k);
    }
  return a >= 0 && b >= 0;
}

}  // namespace dipgraph::ingest
