// Coder::slot: the parties one slot of a frame names in the tree (coder.hpp):
// subjects, objects, possessives, "between" and prepositions, with the
// fallbacks for what the parser hung elsewhere. Parties of a node:
// coder_actors.cpp.
#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

void Coder::slot(const Ctx& c, int t, const Frame& f, const Slot& s, bool source,
                 std::vector<std::int32_t>& out, std::string& why) const {
  const Tree& tr = c.t;
  // A noun event borrows the clause of the verb it is the object (or the
  // passive subject, or an oblique) of: "X imposed sanctions on Y".
  // (told in the "of" phrase of a noun that gathers acts, "presented Y with
  // a list of demands", or of one that utters it, "sent messages of
  // support to Y", the clause of that noun)
  // (... and in the "in" phrase of an amount, "announced 50 million euros
  // in aid", the clause of the amount)
  int place = t;
  if (f.noun && tr.base(t) == "nmod" && tr.head(t) >= 0 &&
      ((tr.marker(t) == "of" && (frames_.in_class(collection_class_, tr.lemma(tr.head(t))) ||
                                 frames_.in_class(avowal_class_, tr.lemma(tr.head(t))))) ||
       (tr.marker(t) == "in" && frames_.in_class(amount_class_, tr.lemma(tr.head(t))))))
    place = tr.head(t);
  int gov = -1;
  if (f.noun && tr.head(place) >= 0 &&
      is_rel(tr.rel(place), {"obj", "nsubj:pass", "obl", "xcomp", "iobj"}))
    gov = tr.head(place);
  // ... but not one it is "over" or "about" ("expressed concern over the
  // arrest of X": the concerned made no arrest).
  // (nor one it looks "into": "an inquiry into attacks" hung on the verb)
  if (gov >= 0 && tr.base(place) == "obl" &&
      is_rel(tr.marker(place), {"over", "about", "regarding", "concerning", "into"}))
    gov = -1;
  // ... unless that verb is an event of its own ("criticized the arrests":
  // the critic made no arrest): then the noun is its content.
  // A setting is no content: "in a conversation with X, Y said ...", "during
  // his visit, he criticized ...": the subject took part in it.
  // "On" sets a scene only for a journey ("on a visit to X"); else it is
  // the topic ("consulted them on the war").
  // ("amid" and "despite" set the scene of others' acts: "amid concern
  // over X" is no concern of the subject's)
  if (gov >= 0 && tr.base(place) == "obl" && is_rel(tr.marker(place), {"amid", "amidst", "despite"})) gov = -1;
  bool setting = tr.base(place) == "obl" &&
                 (is_rel(tr.marker(place), {"in", "during", "at", "after", "before", "following"}) ||
                  (tr.marker(place) == "on" && frames_.in_class(visit_class_, tr.lemma(t))));
  // "thanked X for its support during a call with Y": a "during" phrase
  // the parser hung on a noun of the clause sets the clause's scene too.
  if (f.noun && gov < 0 && tr.base(t) == "nmod" && tr.marker(t) == "during")
    for (int a = tr.head(t), step = 0; a >= 0 && step < 3; a = tr.head(a), ++step)
      if (tr.is_verb(a)) {
        gov = a, setting = true;
        break;
      }
  // (what a state announces, declares or orders is its own act: "Chad
  // announced the release of 200 prisoners")
  if (gov >= 0 && !setting && content_verb(c, gov, f) && !frames_.in_class(proclaim_class_, tr.lemma(gov)))
    gov = -1;
  // "would not tolerate attacks on X", "repelled an assault": the subject
  // of a verb that bears or wards off an act is not its maker.
  if (gov >= 0 && tr.rel(place) == "obj" && frames_.in_class(endure_class_, tr.lemma(gov))) gov = -1;
  // "would never accept the demands made by X": a verbal act that the verb
  // answers is not its subject's.
  if (gov >= 0 && tr.rel(place) == "obj" && std::string_view("01 02 03 10 11 12 13").find(f.cameo.substr(0, 2)) !=
                                          std::string_view::npos &&
      coder_detail::answering_verb(tr.lemma(gov)))
    gov = -1;
  auto prep_children = [&](int n, std::string_view p, std::vector<int>& nodes) {
    if (n < 0) return;
    for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d) {
      if (*d == t) continue;  // "responded to X's request": the noun is not its own party
      std::string_view b = tr.base(*d);
      // (not a preposition inside a name: "the UN Economic Commission for
      // Africa" hung in pieces by the parser)
      if ((b == "obl" || b == "nmod") && tr.marker(*d) == p && !is_date(c, *d)) {
        const int cw = tr.child(*d, "case"), mi = c.mention(*d);
        if (!(cw >= 0 && mi >= 0 && c.mention(cw) == mi)) nodes.push_back(*d);
      }
      // A phrase the parser hung on a date ("last July to X") belongs to
      // the date's head: dates take no such dependents.
      // (its preposition is the phrase's first word, wherever the parser
      // hung it: "to President X" with "to" on "President")
      if (b == "obl" && is_date(c, *d))
        for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d); ++e)
          if (tr.base(*e) == "nmod" && (tr.marker(*e) == p || (tr.marker(*e).empty() && *e > *d &&
                                                               tr.upos(tr.left_edge(*e)) == Upos::ADP &&
                                                               tr.lemma(tr.left_edge(*e)) == p)))
            nodes.push_back(*e);
    }
  };
  // "the call placed by X to Y", "the treaty signed by X": a noun event's
  // past participle lends its "by" agent and its prepositions.
  int part = -1;
  if (f.noun)
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && part < 0; ++d)
      if (tr.rel(*d) == "acl" && tr.is_verb(*d) && tr.xpos(*d) == "VBN") part = *d;
  // A place visited is its country's; so is a place that receives aid ("food dropped
  // into Aceh province").
  bool places = (f.type == "visit" || f.cameo.rfind("07", 0) == 0) && !source;
  // A noun event's relative clause of conduct whose object is the noun
  // ("the pact, which X signed with Y"): it lends its subject and phrases.
  int conduct = -1;
  if (f.noun)
    for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && conduct < 0; ++d)
      if (tr.rel(*d) == "acl:relcl" && frames_.in_class(conduct_class_, tr.lemma(*d)) &&
          (tr.child(*d, "obj") < 0 || tr.upos(tr.child(*d, "obj")) == Upos::PRON))
        conduct = *d;
  // A phrase with preposition p right after a noun event that the parser
  // hung elsewhere (on a noun or verb above it: "signed the accord over
  // objections from X"; or on a verb after it: "the summit between A and
  // B will focus on ..." with the phrase on "focus") is the noun's.
  auto right_after = [&](std::string_view p, std::vector<int>& out) {
    // (right after the noun itself, or after its phrase)
    const int next = tr.right_edge(t) + 1;
    for (int d = t + 2; d < tr.size() && out.empty(); ++d)
      if (is_rel(tr.base(d), {"obl", "nmod"}) && tr.marker(d) == p && tr.kids_begin(d) != tr.kids_end(d) &&
          (*tr.kids_begin(d) == t + 1 || *tr.kids_begin(d) == next))
        out.push_back(d);
  };
  std::vector<int> nodes;
  switch (s.kind) {
    case SlotKind::subj: {
      // A bare noun phrase after a comma read as a verb's oblique is set
      // beside the clause before ("asked X for Y, a request Z has not
      // accepted" is not Z's): that verb's subject is not its maker.
      auto set_beside = [&](int x) {
        const int first = tr.left_edge(x);  // (the comma may be the phrase's own)
        return tr.base(x) == "obl" && tr.child(x, "case") < 0 &&
               (tr.lemma(first) == "," || (first > 0 && tr.lemma(first - 1) == ","));
      };
      std::string w;
      int n = f.noun ? -1 : subject_of(c, t, w);
      // "pointing to terrorist threats": the noun names its own agent, who
      // is no party.
      bool own_agent = false;
      if (f.noun)
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d)
          own_agent |= is_rel(tr.base(*d), {"amod", "compound"}) && frames_.in_class(nonstate_class_, tr.lemma(*d));
      // "after the president's visit to the U.S.": a noun event whose
      // possessor names its maker, known or not, borrows no other maker.
      // (a day or a time is no maker: "at Monday's summit", "last
      // week's talks")
      int owner = f.noun && source ? tr.child(t, "nmod:poss") : -1;
      if (owner >= 0 && is_date(c, owner)) owner = -1;
      if (own_agent) {
        c.nonstate_agent = true;
        why += source ? "source=own-agent " : "target=own-agent ";
      } else if (owner >= 0 && tr.upos(owner) != Upos::PRON) {
        c.unknown_owner = true;
        why += "source=own-possessor ";
      } else if (f.noun) {
        // "put its army on alert", "troops were placed on alert": whom a
        // verb of placing puts on a state is its object.
        // "on a state of alert", "on a higher level of alert": the same.
        int on = t, pg = gov;
        if (gov < 0 && tr.base(t) == "nmod" && tr.marker(t) == "of" && tr.head(t) >= 0 &&
            tr.base(tr.head(t)) == "obl")
          on = tr.head(t), pg = tr.head(on);
        const bool placed = pg >= 0 && tr.base(on) == "obl" && tr.marker(on) == "on" &&
                            is_rel(tr.lemma(pg), {"put", "place", "keep", "set"});
        if (placed) {
          n = tr.passive(pg) ? tr.child(pg, "nsubj:pass") : tr.child(pg, "obj");
          if (n >= 0) w += "placed ";
        } else if (gov >= 0 && tr.rel(t) != "nsubj:pass" && !set_beside(t)) n = subject_of(c, gov, w);
        // "sanctions were extended by the EU": the passive's agent
        else if (gov >= 0 && tr.child(gov, "obl:agent") >= 0) n = tr.child(gov, "obl:agent"), w += "agent ";
        else if (tr.base(t) == "nsubj") n = -1;
        // A predicate noun: "Armenia, which is in a conflict with Azerbaijan".
        else if (tr.child(t, "nsubj") >= 0 && tr.child(t, "cop") >= 0) n = subject_of(c, t, w);
        if (n < 0 && part >= 0)
          for (const int* d = tr.kids_begin(part); d != tr.kids_end(part) && n < 0; ++d)
            if (tr.base(*d) == "obl" && tr.marker(*d) == "by") n = *d, w += "participle-agent ";
        // "the treaty, which Peru and Ecuador concluded in 1998", "the deal
        // Kenya signed": the subject of a relative clause of conduct whose
        // object is the noun.
        if (n < 0 && conduct >= 0) {
          std::string rw;
          if (const int sj = subject_of(c, conduct, rw); sj >= 0 && sj != tr.child(conduct, "obj"))
            n = sj, w += "relative-clause ";
        }
      }
      // "Gunmen killed ...", "rebels attacked ...": a non-state agent with
      // no state of its own is no party, and word order guesses none.
      if (n >= 0 && !f.noun && tr.is_nominal(n) && frames_.in_class(nonstate_class_, tr.lemma(n)) &&
          actor_of_node(c, n, source, false) < 0) {
        c.nonstate_agent = true;
        why += source ? "source=non-state " : "target=non-state ";
        n = -1;
      }
      if (n >= 0) {
        why += (source ? "source=" : "target=") + w;
        nodes.push_back(n);
      }
      break;
    }
    case SlotKind::obj:
      if (!f.noun) {
        int o = tr.passive(t) ? tr.child(t, "nsubj:pass") : tr.child(t, "obj");
        if (o < 0 && (tr.passive(t) || tr.reduced_passive(t)) && tr.rel(t) == "acl" && tr.is_nominal(tr.head(t)))
          o = tr.head(t);
        // "arrived on Sunday and was received by X": a passive conjunct
        // with no subject of its own is done to the first verb's subject
        if (o < 0 && tr.passive(t) && tr.rel(t) == "conj" && tr.is_verb(tr.head(t))) {
          o = tr.child(tr.head(t), "nsubj");
          if (o < 0) o = tr.child(tr.head(t), "nsubj:pass");
        }
        // "the officials it accused of spying": a relative clause with a
        // subject of its own and no object has its noun as the object
        if (o < 0 && !tr.passive(t) && tr.rel(t) == "acl:relcl" && tr.head(t) >= 0 && tr.is_nominal(tr.head(t)))
          if (const int sj = tr.child(t, "nsubj");
              sj >= 0 && !is_rel(tr.lemma(sj), {"who", "which", "that", "whom", "whose"}))
            o = tr.head(t);
        // "denounced what she termed careless Iranian conduct": the free
        // relative's naming is the object (its adjective read as a verb
        // of its own, "careless | Iranian conduct", names it through its object)
        if (o >= 0 && tr.lemma(o) == "what")
          for (const int* r = tr.kids_begin(o); r != tr.kids_end(o); ++r)
            if (tr.rel(*r) == "acl:relcl" && is_rel(tr.lemma(*r), {"call", "describe", "term", "brand", "dub"}))
              if (int x = tr.child(*r, "xcomp"); x >= 0) {
                if (tr.upos(x) != Upos::NOUN && tr.upos(x) != Upos::PROPN && tr.child(x, "obj") >= 0) x = tr.child(x, "obj");
                // (where it names no party, the whole clause stays: "struck
                // what it called camps | in X", the place hung on "called")
                std::vector<std::int32_t> named;
                actors_at(c, x, source, false, named);
                if (!named.empty()) o = x, why += "named ";
                break;
              }
        if (o >= 0) {
          nodes.push_back(o);
          why += source ? "source=obj " : "target=obj ";
        }
      }
      break;
    case SlotKind::iobj: {
      int o = tr.child(t, "iobj");
      // ("X was offered a loan": a passive that keeps its object has the
      // indirect object for its subject)
      if (o < 0 && tr.passive(t) && tr.child(t, "obj") >= 0) o = tr.child(t, "nsubj:pass");
      if (o >= 0) nodes.push_back(o), why += "target=iobj ";
      break;
    }
    case SlotKind::poss:
      if (f.noun) {
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
          std::string_view r = tr.rel(*d), b = tr.base(*d);
          if (r == "nmod:poss" || b == "amod" || b == "compound") {
            int mi = c.mention(*d);
            if (mi >= 0 && is_actor(c.rec.mentions[mi])) nodes.push_back(*d);
          }
        }
        if (!nodes.empty()) why += source ? "source=poss " : "target=poss ";
      }
      break;
    case SlotKind::comp:
      // "complained that Tokyo was dragging its feet": the subject of the
      // verb's that-clause
      if (!f.noun)
        if (const int cc = tr.child(t, "ccomp"); cc >= 0)
          // (not "it", which may stand for what was just told: "hoped
          // that it would not happen")
          if (const int sj = tr.child(cc, "nsubj"); sj >= 0 && tr.lemma(sj) != "it") {
            nodes.push_back(sj);
            why += source ? "source=comp " : "target=comp ";
          }
      break;
    case SlotKind::between:
      prep_children(t, "between", nodes);
      prep_children(t, "among", nodes);
      if (nodes.empty()) prep_children(gov, "between", nodes);
      // "brokered a truce between A and B", "mediated talks between A and
      // B": a verb's parties between, told on its object
      if (nodes.empty() && !f.noun && tr.child(t, "obj") >= 0) prep_children(tr.child(t, "obj"), "between", nodes);
      if (nodes.empty() && f.noun) right_after("between", nodes);
      if (!nodes.empty()) why += "parties=between ";
      break;
    case SlotKind::prep:
      prep_children(t, s.word, nodes);
      if (nodes.empty()) prep_children(gov, s.word, nodes);
      if (nodes.empty()) prep_children(part, s.word, nodes);
      if (nodes.empty()) prep_children(conduct, s.word, nodes);
      // "sent hundreds of drones to Russia": the phrase the parser hung on
      // the verb's object (or on the noun of its "of" phrase) is the verb's.
      if (nodes.empty() && !f.noun)
        if (const int o = tr.child(t, "obj"); o >= 0) {
          prep_children(o, s.word, nodes);
          // (also on the noun the parser hung on a piece of a name with no
          // preposition: "received F-16 jets from X" with "jets" on "F")
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o) && nodes.empty(); ++d)
            if (tr.base(*d) == "nmod" && (tr.marker(*d) == "of" || (tr.marker(*d).empty() && *d > o)))
              prep_children(*d, s.word, nodes);
        }
      // "troops sent by X to Y": the parser may hang the phrase on a
      // passive verb's "by" agent.
      if (nodes.empty() && !f.noun && (tr.passive(t) || tr.reduced_passive(t)))
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && nodes.empty(); ++d)
          if (tr.base(*d) == "obl" && tr.marker(*d) == "by") prep_children(*d, s.word, nodes);
      // "sent X greetings" is "sent greetings to X": the governing verb's
      // indirect object.
      if (nodes.empty() && f.noun && s.word == "to" && gov >= 0 && tr.rel(place) == "obj") {
        int io = tr.child(gov, "iobj");
        if (io >= 0) nodes.push_back(io);
      }
      // "presented X with demands", "served X with an ultimatum": the same,
      // told as the verb's object and the act "with" it.
      if (nodes.empty() && f.noun && s.word == "to" && gov >= 0 && tr.base(place) == "obl" &&
          tr.marker(place) == "with")
        if (const int o = tr.child(gov, "obj"); o >= 0 && o < place) nodes.push_back(o);
      // "the visit by X to Y": the parser may hang the phrase on the noun's
      // own "by" or "of" phrase.
      // (Its preposition is the phrase's first word, wherever the parser
      // hung it: "of F-16 jets" with "of" on "F".)
      if (nodes.empty() && f.noun)
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t); ++d) {
          if (tr.base(*d) != "nmod") continue;
          std::string_view p = tr.marker(*d);
          if (p.empty() && tr.upos(tr.left_edge(*d)) == Upos::ADP) p = tr.lemma(tr.left_edge(*d));
          if (p == "by" || p == "of") prep_children(*d, s.word, nodes);
        }
      // ... or on the noun of another phrase after it, the noun's or its
      // verb's ("a complaint with the Council over Israeli violations")
      for (int host : {t, gov})
        for (const int* d = tr.kids_begin(host); host >= 0 && nodes.empty() && d != tr.kids_end(host); ++d)
          if (f.noun && *d > t && (tr.base(*d) == "nmod" || tr.base(*d) == "obl") && !tr.marker(*d).empty() &&
              tr.marker(*d) != s.word)
            for (const int* e = tr.kids_begin(*d); e != tr.kids_end(*d); ++e)
              if (*e > *d && tr.base(*e) == "nmod" && tr.marker(*e) == s.word) nodes.push_back(*e);
      // ... or on the "by" agent of its participle ("sanctions imposed by
      // Washington on Cuba")
      if (nodes.empty() && f.noun && part >= 0)
        for (const int* d = tr.kids_begin(part); d != tr.kids_end(part); ++d)
          if (tr.base(*d) == "obl" && tr.marker(*d) == "by") prep_children(*d, s.word, nodes);
      // "signed the accord over objections from X": a phrase right after
      // the noun that the parser hung higher up (on a noun above it, or on
      // the clause's verb) is the noun's.
      if (nodes.empty() && f.noun) right_after(s.word, nodes);
      // "accused Japan of ...": a verb's preposition may hang on its object.
      if (nodes.empty() && !f.noun) {
        int o = tr.child(t, "obj");
        prep_children(o, s.word, nodes);
        // ("passed intelligence on the militants to X": a "to" phrase hung
        // on the object's topic phrase is the verb's recipient)
        // (or on the verb's)
        for (int h : {o, t})
          if (nodes.empty() && s.word == "to" && h >= 0)
            for (const int* d = tr.kids_begin(h); d != tr.kids_end(h) && nodes.empty(); ++d)
              if ((tr.base(*d) == "nmod" || tr.base(*d) == "obl") &&
                  is_rel(tr.marker(*d), {"on", "about", "concerning", "regarding"}))
                prep_children(*d, s.word, nodes);
      }
      if (!nodes.empty()) why += fmt::format("{}=p:{} ", source ? "source" : "target", s.word);
      break;
  }
  // Private people ("told Japanese reporters", "met a Chilean businessman")
  // stand for their country only in what is done to people, and in their
  // own protests against another state.
  const std::string_view root = std::string_view(f.cameo).substr(0, 2);
  // (so do people investigated: "began investigating four Rwandans")
  const bool done_to_people = root == "07" || root == "08" || root == "09" || root == "14" || root == "16" ||
                              root == "17" || root == "18" || root == "19" || root == "20";
  // ... so do people named with such a title ("Kenyan journalist Ann Lee").
  auto private_person = [&](int n) {
    const int mi = c.mention(n);
    if (mi < 0 || c.rec.mentions[mi].kind != MentionKind::person || c.rec.mentions[mi].entity < 0) return false;
    const std::string& role = c.rec.people[c.rec.mentions[mi].entity].base_role;
    std::string last = role.substr(role.rfind(' ') == std::string::npos ? 0 : role.rfind(' ') + 1);
    for (char& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return !last.empty() && frames_.in_class(private_class_, last);
  };
  // ... and so do nationals counted ("thousands of Syrians", "many
  // Venezuelans", "2,000 Afghans"): people, not their state.
  auto nationals = [&](int n) {
    auto counted_demonym = [&](int x) {
      const int mi = c.mention(x);
      if (mi < 0 || c.rec.mentions[mi].kind != MentionKind::demonym || !tr.is_nominal(x)) return false;
      if (x > 0 && tr.upos(x - 1) == Upos::NUM) return true;  // (however the parser hung the number)
      for (const int* d = tr.kids_begin(x); d != tr.kids_end(x); ++d)
        if (tr.base(*d) == "nummod" || is_rel(tr.lemma(*d), {"many", "some", "several"}) ||
            frames_.in_class(count_class_, tr.lemma(*d)))
          return true;
      return false;
    };
    if (counted_demonym(n)) return true;
    // "thousands of Syrians": the count heads the phrase
    if (tr.upos(n) == Upos::NOUN && frames_.in_class(count_class_, tr.lemma(n)))
      for (const int* d = tr.kids_begin(n); d != tr.kids_end(n); ++d)
        if (tr.base(*d) == "nmod" && tr.marker(*d) == "of" && c.mention(*d) >= 0 &&
            c.rec.mentions[c.mention(*d)].kind == MentionKind::demonym)
          return true;
    return false;
  };
  for (int n : nodes) {
    // X said of Y, "... he has sent us greetings": in the quote "us" and
    // "me" are X, "he" and "she" are Y.
    if (tr.upos(n) == Upos::PRON && is_rel(tr.lemma(n), {"we", "i", "he", "she"}))
      if (int v = speech_verb_of_quoted(c, n); v >= 0) {
        int who = -1;
        if (tr.lemma(n) == "we" || tr.lemma(n) == "i") {
          who = source || c.mention(n) >= 0 ? -1 : tr.child(v, "nsubj");
        } else {
          for (const int* k = tr.kids_begin(v); k != tr.kids_end(v) && who < 0; ++k)
            if (tr.base(*k) == "obl" && tr.marker(*k) == "of") who = *k;
        }
        if (who >= 0 && actor_of_node(c, who, true, false) >= 0) n = who;
      }
    if (!done_to_people && (frames_.in_class(private_class_, tr.lemma(n)) || private_person(n) || nationals(n))) {
      if (c.in.words) why += fmt::format("({}: a private person) ", (*c.in.words)[n]);
      c.private_party = true;
      continue;
    }
    const std::size_t before = out.size();
    actors_at(c, n, source, places, out);
    // "funding for schools in Niger": aid for things in a place goes to
    // the place's country.
    if (places && out.size() == before && s.kind == SlotKind::prep && tr.upos(n) == Upos::NOUN)
      for (const int* d = tr.kids_begin(n); d != tr.kids_end(n) && out.size() == before; ++d)
        if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"in", "inside", "across", "throughout"}))
          actors_at(c, *d, source, places, out);
    // "elements backed up by new documents": the agent is a thing, no party.
    if (source && s.kind == SlotKind::subj && out.size() == before && tr.upos(n) == Upos::NOUN &&
        tr.base(n) == "obl" && tr.marker(n) == "by" && !tr.is_nominal(tr.head(n)) &&
        !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), tr.lemma(n)))
      c.thing_agent = true;
    if (c.in.words) why += fmt::format("({}{}) ", (*c.in.words)[n], out.empty() ? ": no actor" : "");
  }
  // Protesters of no stated country ("some students rallied in
  // X against ...") are people of the country they protest in: the city or
  // country of the protest's "in" phrase, else the article's home country.
  if (source && out.empty() && root == "14" && s.kind == SlotKind::subj)
    for (int n : nodes) {
      if (!frames_.in_class(private_class_, tr.lemma(n)) || tr.upos(n) != Upos::NOUN) continue;
      for (const int* k = tr.kids_begin(t); k != tr.kids_end(t) && out.empty(); ++k) {
        const int mi = c.mention(*k);
        if (tr.base(*k) != "obl" || tr.marker(*k) != "in" || mi < 0) continue;
        const MentionKind mk = c.rec.mentions[mi].kind;
        if (mk == MentionKind::city || mk == MentionKind::country || mk == MentionKind::capital) out.push_back(mi);
      }
      if (out.empty() && c.home_mention >= 0) out.push_back(-c.home_mention - 1);
      if (!out.empty()) why += "source=people of the place ";
      break;
    }
  // Force aimed at a thing on another state's soil ("shells aimed at a
  // radar post in Kenya") is aimed at that state; so is aid to a thing
  // there ("funding a police unit in Yemen").
  // (so is recognition of a thing there: "would not recognise the
  // election result in X")
  const bool armed = root == "07" || root == "18" || root == "19" || root == "20" || f.cameo == "054";
  if (armed && !source && out.empty())
    for (int n : nodes) {
      for (const int* k = tr.kids_begin(n); k != tr.kids_end(n); ++k)
        if (tr.base(*k) == "nmod" && is_rel(tr.marker(*k), {"in", "inside"})) {
          actors_at(c, *k, false, true, out);
          if (!out.empty()) why += "target=located ";
        }
      // "struck what it called camps in X": the place of a free relative's
      // clause.
      if (!out.empty() || tr.lemma(n) != "what") continue;
      for (const int* r = tr.kids_begin(n); r != tr.kids_end(n) && out.empty(); ++r) {
        if (tr.rel(*r) != "acl:relcl") continue;
        for (const int* k = tr.kids_begin(*r); k != tr.kids_end(*r) && out.empty(); ++k)
          if (is_rel(tr.base(*k), {"obl", "nmod"}) && is_rel(tr.marker(*k), {"in", "inside"})) {
            actors_at(c, *k, false, true, out);
            if (!out.empty()) why += "target=located ";
          }
      }
    }
}

}  // namespace dipgraph::ingest
