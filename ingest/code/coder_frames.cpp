// The frame machinery of the parse coder (coder.hpp): the subject of a
// verb recovered from the tree (control, coordination, participles), a
// frame's conditions on the trigger's dependents, and verbs whose object
// is their content. The coding of a sentence: coder.cpp.
#include <algorithm>
#include <string>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

// The subject of verb v: its nsubj; of a passive, the "by" agent; left out
// by control, coordination or a participle: recovered from the tree.
// Returns a node or -1.
int Coder::subject_of(const Ctx& c, int v, std::string& why, int depth) const {
  const Tree& t = c.t;
  if (v < 0 || depth > 4) return -1;
  if (t.passive(v) || t.reduced_passive(v)) {
    for (const int* k = t.kids_begin(v); k != t.kids_end(v); ++k)
      if (t.base(*k) == "obl" && t.marker(*k) == "by") {
        why += "agent ";
        return *k;
      }
    if (t.rel(v) == "acl" || t.rel(v) == "acl:relcl") return -1;
    // (a passive with its subject and no agent names no maker: "one of
    // its ministers was turned back and banned" is done by no one named)
    if (t.child(v, "nsubj:pass") >= 0) return -1;
  }
  int s = t.child(v, "nsubj");
  if (s < 0 && !t.passive(v)) s = t.child(v, "nsubj:pass");
  if (s >= 0 && !t.passive(v)) {
    // "which met", "who visited": the relative pronoun stands for the noun.
    if (t.upos(s) == Upos::PRON && t.rel(v) == "acl:relcl" && c.mention(s) < 0) {
      why += "relcl ";
      // "a visit by X's minister, who also met ...": "who" stands for a
      // person; hung on a noun that names none, it is the nearest person
      // before it under that noun.
      const int h = t.head(v);
      auto person = [&](int n) {
        const int mi = c.mention(n);
        return (mi >= 0 && is_actor(c.rec.mentions[mi])) ||
               (t.upos(n) == Upos::NOUN && std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), t.lemma(n)) &&
                !frames_.find(t.lemma(n), true));  // (an event noun names no person: "visit")
      };
      // (so "which" for a body or state named last: "a comment by the
      // party newspaper, which described X as ..." is the newspaper's)
      if (t.lemma(s) == "which" && h >= 0 && !person(h))
        for (int n = std::min(s, v) - 1; n > h; --n) {
          if (!c.t.is_nominal(n) || c.t.base(n) == "compound" || c.t.base(n) == "flat") continue;
          const int a = actor_of_node(c, n, true, false);
          if (a < 0 || c.rec.mentions[a].kind == MentionKind::person) break;
          int up = n;
          while (up >= 0 && up != h) up = t.head(up);
          if (up == h) {
            why += "(the body before) ";
            return n;
          }
          break;
        }
      if (t.lemma(s) == "who" && h >= 0 && !person(h))
        for (int n = v - 1; n > h; --n) {
          if (!person(n)) continue;
          int up = n;
          while (up >= 0 && up != h) up = t.head(up);
          if (up == h) {
            why += "(the person before) ";
            return n;
          }
          break;
        }
      return h;
    }
    why += "nsubj ";
    return s;
  }
  if (s >= 0) return -1;  // a passive without agent
  // "Japan's decision to leave", "the U.S. plan to withdraw": the owner of
  // an act noun right before an infinitive is its subject, however the
  // parser hung the infinitive (so is the owner of a refusal: "Uganda's
  // refusal to reopen the border").
  if (int m = t.child(v, "mark"); m >= 1 && m + 1 == v && t.lemma(m) == "to" && t.upos(m - 1) == Upos::NOUN &&
                                  (frames_.in_class(act_class_, t.lemma(m - 1)) ||
                                   frames_.in_class(refusal_class_, t.lemma(m - 1))))
    for (const int* k = t.kids_begin(m - 1); k != t.kids_end(m - 1); ++k)
      if ((t.rel(*k) == "nmod:poss" || t.base(*k) == "amod" || t.base(*k) == "compound") &&
          actor_of_node(c, *k, true, false) >= 0) {
        why += "owner ";
        return *k;
      }
  // "the right of Russian troops to fire", "the decision of the Chilean
  // government to expel": an actor in the "of" phrase of a noun, right
  // before the infinitive, is its subject. (Not of a person's title:
  // "phoned the Emir of Qatar to thank him" is the caller's purpose.)
  if (int m = t.child(v, "mark"); m >= 1 && m + 1 == v && t.lemma(m) == "to" && t.is_nominal(m - 1) &&
                                  t.base(m - 1) == "nmod" && t.marker(m - 1) == "of" &&
                                  t.is_nominal(t.head(m - 1)) && c.mention(t.head(m - 1)) < 0 &&
                                  actor_of_node(c, m - 1, true, false) >= 0) {
    why += "owner ";
    return m - 1;
  }
  std::string_view r = t.rel(v);
  int h = t.head(v);
  if (h < 0) return -1;
  // "X is due to visit", "is ready to talk" read with the infinitive as the
  // adjective's subject clause: X visits.
  if (r == "csubj" && t.upos(h) == Upos::ADJ && t.child(v, "mark") >= 0 && t.child(h, "nsubj") >= 0) {
    why += "control(adj) ";
    return subject_of(c, h, why, depth + 1);
  }
  if (r == "xcomp") {
    // Object control ("urged Iran to talk"), else subject control.
    int o = t.child(h, "obj");
    if (o < 0) o = t.child(h, "iobj");
    if (o >= 0 && actor_of_node(c, o, true, false) >= 0) {
      why += "control(obj) ";
      return o;
    }
    // "X is scheduled to meet", "Y was urged to talk": the passive's
    // subject does what its infinitive says
    if (const int ps = t.child(h, "nsubj:pass"); ps >= 0 && t.passive(h) && actor_of_node(c, ps, true, false) >= 0) {
      why += "control(passive) ";
      return ps;
    }
    why += "control ";
    return subject_of(c, h, why, depth + 1);
  }
  // "thanked Qatar for hosting", "accused Iran of arming", "kept Y from
  // joining", "warned X against selling": a gerund after a preposition on a
  // verb with an object is the object's act (when the object is an actor).
  if (r == "advcl" && t.xpos(v) == "VBG" && is_rel(t.marker(v), {"for", "of", "from", "against"}) &&
      t.is_verb(h)) {
    const int o = t.child(h, "obj");
    if (o >= 0 && o < v && actor_of_node(c, o, true, false) >= 0) {
      why += "control(obj) ";
      return o;
    }
  }
  if (r == "conj" || r == "advcl" || r == "acl") {
    // "announced plans to join": an act noun's infinitive is done by whoever
    // made the plan, the subject of the verb it is the object of.
    if (r == "acl" && t.child(v, "mark") >= 0 && frames_.in_class(act_class_, t.lemma(h)) &&
        (t.rel(h) == "obj" || t.rel(h) == "iobj") && t.head(h) >= 0) {
      why += "plan-acl ";
      return subject_of(c, t.head(h), why, depth + 1);
    }
    // "accepted the invitation to come to X": whoever takes up an invitation
    // does what it invites to.
    if (r == "acl" && t.child(v, "mark") >= 0 && is_rel(t.lemma(h), {"invitation", "invite"}) &&
        t.rel(h) == "obj" && t.head(h) >= 0 && is_rel(t.lemma(t.head(h)), {"accept", "take"})) {
      why += "invited ";
      return subject_of(c, t.head(h), why, depth + 1);
    }
    // "summoned the ambassador to protest X": a protest told as the
    // purpose of an act on someone is the actor's, not that someone's.
    if (r == "acl" && t.is_nominal(h) && t.child(v, "mark") >= 0 && t.rel(h) == "obj" && t.head(h) >= 0 &&
        t.is_verb(t.head(h)))
      if (frames_.any_frame(t.lemma(v), false, [](const Frame& g) { return g.cameo.rfind("11", 0) == 0; })) {
        why += "purpose ";
        return subject_of(c, t.head(h), why, depth + 1);
      }
    // "sent a minister to meet X": an envoy with no state of its own named
    // does the sender's errand.
    if (r == "acl" && t.is_nominal(h) && t.child(v, "mark") >= 0 && t.rel(h) == "obj" && t.head(h) >= 0 &&
        is_rel(t.lemma(t.head(h)), {"send", "dispatch", "despatch"}) && actor_of_node(c, h, true, false) < 0) {
      why += "sent ";
      return subject_of(c, t.head(h), why, depth + 1);
    }
    if (r == "acl" && t.is_nominal(h)) {
      why += "acl ";
      return h;  // "leaders gathering in Rome"
    }
    // ", angering X" after "allowed Y to open ...": a participle set off
    // by a comma tells of the whole act, done by the main verb's subject,
    // even when the parser hung it on the complement.
    if (r == "advcl" && t.xpos(v) == "VBG" && v > 0 && t.lemma(v - 1) == "," && t.rel(h) == "xcomp" &&
        t.head(h) >= 0) {
      why += "advcl(main) ";
      return subject_of(c, t.head(h), why, depth + 1);
    }
    // (... or on the infinitive of a noun of the object: "criticized X's
    // decision to impose tariffs, calling it a blow")
    if (r == "advcl" && t.xpos(v) == "VBG" && v > 0 && t.lemma(v - 1) == "," && t.rel(h) == "acl" &&
        t.child(h, "mark") >= 0 && t.head(h) >= 0 && t.is_nominal(t.head(h)) && t.base(t.head(h)) == "obj" &&
        t.head(t.head(h)) >= 0 && t.is_verb(t.head(t.head(h)))) {
      why += "advcl(main) ";
      return subject_of(c, t.head(t.head(h)), why, depth + 1);
    }
    // "said the lorries were on its side of the line and called for the
    // traders' release", read with "called" joined to the clause said: a
    // thing (no actor, no noun of people) calls for nothing; the second
    // verb is the speaker's.
    if (r == "conj" && t.rel(h) == "ccomp" && t.head(h) >= 0 && speech_verb(t.lemma(t.head(h))) &&
        t.child(v, "cc") >= 0) {
      std::string inner;
      const int s = subject_of(c, h, inner, depth + 1);
      if (s >= 0 && t.upos(s) == Upos::NOUN && actor_of_node(c, s, true, false) < 0 &&
          !std::binary_search(agent_nouns_.begin(), agent_nouns_.end(), t.lemma(s))) {
        why += "conj(speaker) ";
        return subject_of(c, t.head(h), why, depth + 1);
      }
    }
    why += std::string(r) + " ";
    return subject_of(c, h, why, depth + 1);
  }
  return -1;
}

// True if verb v is a trigger of another root than noun frame f: the noun
// event is the content of v's event, not done by v's subject.
bool Coder::content_verb(const Ctx& c, int v, const Frame& f) const {
  if (c.t.upos(v) != Upos::VERB) return false;
  const auto* fs = frames_.find(c.t.lemma(v), false);
  if (!fs) return false;
  for (std::uint32_t fi : *fs) {
    const Frame& g = frames_.frame(fi);
    if (g.cameo.substr(0, 2) != f.cameo.substr(0, 2) && frame_holds(c, v, g)) return true;
  }
  return false;
}

// A negated class of an argument ("!subj:@arms"): a gate on the word's sense.
static bool sense_gate(const Cond& k) {
  return k.negate && (k.kind == CondKind::subj_class || k.kind == CondKind::obj_class ||
                      k.kind == CondKind::mod_class || k.kind == CondKind::gov_class);
}

bool Coder::gated_out(const Ctx& c, int w, const std::vector<std::uint32_t>& fs, bool adjective) const {
  for (std::uint32_t fi : fs) {
    const Frame& f = frames_.frame(fi);
    if (f.adjective != adjective || std::none_of(f.when.begin(), f.when.end(), sense_gate)) continue;
    if (frame_holds(c, w, f, true)) return true;
  }
  return false;
}

bool Coder::frame_holds(const Ctx& c, int t, const Frame& f, bool open_gates) const {
  const Tree& tr = c.t;
  // (of a participle that modifies a noun, "troops sent to X", that noun)
  auto obj_of = [&]() {
    int o = tr.child(t, "obj");
    // (a relative pronoun stands for the noun its clause hangs on: "the
    // pact that X signed")
    if (o >= 0 && tr.rel(t) == "acl:relcl" && tr.head(t) >= 0 && is_rel(tr.lemma(o), {"that", "which"}))
      o = tr.head(t);
    if (o < 0 && tr.passive(t)) o = tr.child(t, "nsubj:pass");
    if (o < 0 && tr.reduced_passive(t)) o = tr.head(t);
    // (of a relative clause with a subject and no object, "a move Y
    // welcomed", the noun it hangs on: the gap is the object)
    if (o < 0 && tr.rel(t) == "acl:relcl" && tr.head(t) >= 0 && tr.upos(tr.head(t)) == Upos::NOUN &&
        tr.child(t, "nsubj") >= 0 && tr.child(t, "ccomp") < 0 && tr.child(t, "xcomp") < 0) {
      bool gap = true;
      for (int k = tr.left_edge(t); k < t && gap; ++k)  // no "where", "under which"
        gap = tr.rel(k) == "nsubj" ||
              !is_rel(tr.lemma(k), {"where", "when", "why", "which", "whom", "whose", "who", "that"});
      if (gap) o = tr.head(t);
    }
    return o;
  };
  for (const Cond& k : f.when) {
    if (open_gates && sense_gate(k)) continue;
    bool ok = false;
    switch (k.kind) {
      case CondKind::prep:
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !ok; ++d) {
          std::string_view b = tr.base(*d);
          if (b == "compound" && tr.rel(*d) == "compound:prt") ok = tr.lemma(*d) == k.word;
          else if (b == "obl" || b == "nmod" || b == "advmod" || b == "xcomp")
            ok = (tr.marker(*d) == k.word && !is_date(c, *d)) || (b == "advmod" && tr.lemma(*d) == k.word);
          // (a gerund clause a preposition opens: "warned X against meddling")
          else if (b == "advcl" && tr.xpos(*d) == "VBG")
            ok = tr.marker(*d) == k.word;
        }
        // ... or a phrase the parser hung on the verb's object ("deployed
        // troops near the border": "near" on "troops")
        if (!ok && !f.noun)
          if (const int o = tr.child(t, "obj"); o >= 0)
            for (const int* d = tr.kids_begin(o); d != tr.kids_end(o) && !ok; ++d)
              ok = *d > o && (tr.base(*d) == "nmod" || (tr.base(*d) == "acl" && tr.xpos(*d) == "VBG")) &&
                   tr.marker(*d) == k.word && !is_date(c, *d);
        // ... and, for a noun event, a phrase the parser hung on the verb it
        // is the object of ("drew protests | from the EC")
        if (!ok && f.noun && tr.rel(t) == "obj" && tr.head(t) >= 0 && tr.is_verb(tr.head(t)))
          for (const int* d = tr.kids_begin(tr.head(t)); d != tr.kids_end(tr.head(t)) && !ok; ++d)
            ok = *d > t && tr.base(*d) == "obl" && tr.marker(*d) == k.word && !is_date(c, *d);
        break;
      case CondKind::obj_class: {
        int o = f.noun ? t : obj_of();
        ok = o >= 0 && frames_.in_class(k.word_class, tr.lemma(o));
        // ("ordered French troops to leave": another state's forces, named
        // by their state, are no subordinates of the subject)
        if (ok && k.word_class == subordinate_class_ && !f.noun) {
          std::vector<std::int32_t> theirs, subject;
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o); ++d)
            if (is_rel(tr.base(*d), {"amod", "compound"}) || tr.rel(*d) == "nmod:poss")
              actors_at(c, *d, false, false, theirs);
          std::string ignored;
          if (!theirs.empty()) actors_at(c, subject_of(c, t, ignored), true, false, subject);
          if (!subject.empty() &&
              std::none_of(theirs.begin(), theirs.end(), [&](std::int32_t x) {
                return std::any_of(subject.begin(), subject.end(),
                                   [&](std::int32_t y) { return c.country_of(x) == c.country_of(y); });
              }))
            ok = false;
        }
        break;
      }
      case CondKind::mod_class: {
        int o = f.noun ? t : obj_of();
        // (of a verb with no object, its own adverb: "will respond firmly")
        if (!f.noun && o < 0)
          for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !ok; ++d)
            ok = tr.base(*d) == "advmod" && frames_.in_class(k.word_class, tr.lemma(*d));
        if (o >= 0 && !ok) {
          ok = frames_.in_class(k.word_class, tr.lemma(o));
          for (const int* d = tr.kids_begin(o); d != tr.kids_end(o) && !ok; ++d) {
            ok = frames_.in_class(k.word_class, tr.lemma(*d)) ||
                 (tr.base(*d) == "nmod" && frames_.in_class(k.word_class, tr.lemma(*d)));
            // "$5 million in humanitarian aid", "50 tonnes of food aid": the
            // modifiers of what an amount is in or of
            if (tr.base(*d) == "nmod" && is_rel(tr.marker(*d), {"in", "of"}))
              for (const int* g = tr.kids_begin(*d); g != tr.kids_end(*d) && !ok; ++g)
                ok = is_rel(tr.base(*g), {"amod", "compound"}) && frames_.in_class(k.word_class, tr.lemma(*g));
            // "joint search-and-rescue drills": an adjective the parser hung
            // on a compound before the noun modifies the whole
            if (tr.base(*d) == "compound" && *d < o)
              for (const int* g = tr.kids_begin(*d); g != tr.kids_end(*d) && !ok; ++g)
                ok = *g < *d && tr.base(*g) == "amod" && frames_.in_class(k.word_class, tr.lemma(*g));
          }
        }
        break;
      }
      case CondKind::xcomp: {
        // (xcomp:@CLASS: the infinitive's verb is a word of CLASS)
        auto of_class = [&](int v) { return k.word_class < 0 || frames_.in_class(k.word_class, tr.lemma(v)); };
        const int x = tr.child(t, "xcomp");
        ok = x >= 0 && of_class(x);
        // (a noun's infinitive hangs as a clause on it: "a call to halt X")
        for (const int* d = tr.kids_begin(t); f.noun && d != tr.kids_end(t) && !ok; ++d)
          ok = tr.base(*d) == "acl" && tr.is_verb(*d) && tr.marker(*d) == "to" && of_class(*d);
        break;
      }
      case CondKind::subj_class: {
        // the subject (recovered through control or coordination) is a word of CLASS
        std::string ignored;
        int sj = f.noun ? -1 : subject_of(c, t, ignored);
        ok = sj >= 0 && frames_.in_class(k.word_class, tr.lemma(sj));
        // "hundreds of students", "a group of activists": the people counted
        if (sj >= 0 && !ok && (tr.upos(sj) == Upos::NUM || frames_.in_class(count_class_, tr.lemma(sj))))
          for (const int* d = tr.kids_begin(sj); d != tr.kids_end(sj) && !ok; ++d)
            ok = tr.base(*d) == "nmod" && tr.marker(*d) == "of" && frames_.in_class(k.word_class, tr.lemma(*d));
        break;
      }
      case CondKind::gov_class:
        // a noun event is the object of a verb of CLASS ("lodged a protest")
        ok = f.noun && tr.head(t) >= 0 && tr.is_verb(tr.head(t)) && is_rel(tr.base(t), {"obj", "nsubj"}) &&
             frames_.in_class(k.word_class, tr.lemma(tr.head(t)));
        break;
      case CondKind::clause:
        // what it says in a clause: a that-clause of its own, or one after
        // a participle of saying ("warned X, saying it would retaliate")
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !ok; ++d)
          ok = tr.base(*d) == "ccomp" ||
               (tr.base(*d) == "advcl" && tr.xpos(*d) == "VBG" && tr.child(*d, "ccomp") >= 0) ||
               (f.noun && tr.base(*d) == "acl" && tr.marker(*d) == "that");  // "a concern that ..."
        // (... or hung on the verb that voices it, after it)
        if (const int h = tr.head(t); f.noun && !ok && h >= 0 && tr.is_verb(h))
          for (const int* d = tr.kids_begin(h); d != tr.kids_end(h) && !ok; ++d)
            ok = *d > t && tr.base(*d) == "ccomp" && tr.marker(*d) == "that";

        break;
      case CondKind::must: {
        // the trigger is what its subject is obliged to do: "were told to
        // leave", "is required to leave"; or, reported by one who says so,
        // "must leave", "had to leave" ("X said two envoys must leave";
        // not "had to leave early because of illness")
        int clause = -1;
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && clause < 0; ++d)
          if (tr.base(*d) == "aux" && tr.lemma(*d) == "must") clause = t;
        if (const int h = tr.head(t); clause < 0 && h >= 0 && tr.rel(t) == "xcomp") {
          if (tr.lemma(h) == "have" && tr.child(h, "obj") < 0) clause = h;
          ok = tr.passive(h) && is_rel(tr.lemma(h), {"tell", "order", "require", "instruct", "ask", "give"});
        }
        if (clause >= 0 && !ok) {
          const int h = tr.head(clause);
          // (a "that" clause the parser hung as an adverbial clause is
          // what the verb says too)
          ok = h >= 0 && speech_verb(tr.lemma(h)) &&
               (tr.base(clause) == "ccomp" || (tr.base(clause) == "advcl" && tr.marker(clause) == "that"));
          for (const int* d = tr.kids_begin(clause); d != tr.kids_end(clause) && !ok; ++d)
            ok = tr.base(*d) == "parataxis" && speech_verb(tr.lemma(*d));
        }
        break;
      }
      case CondKind::neg:
        // the trigger is negated ("would not accept X's demand")
        for (const int* d = tr.kids_begin(t); d != tr.kids_end(t) && !ok; ++d)
          ok = is_rel(tr.base(*d), {"advmod", "part"}) && is_rel(tr.lemma(*d), {"not", "never", "n't"});
        break;
      case CondKind::prep_class:
        // on the trigger or on its object ("sent troops to the border")
        for (int n : {t, f.noun ? -1 : obj_of()}) {
          if (n < 0) continue;
          for (const int* d = tr.kids_begin(n); d != tr.kids_end(n) && !ok; ++d) {
            std::string_view b = tr.base(*d);
            ok = (b == "obl" || b == "nmod") && tr.marker(*d) == k.word &&
                 frames_.in_class(k.word_class, tr.lemma(*d));
          }
        }
        break;
    }
    if (ok == k.negate) return false;
  }
  return true;
}

}  // namespace dipgraph::ingest
