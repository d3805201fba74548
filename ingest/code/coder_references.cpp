// References the tree binds better than the recognizer (coder.hpp): "its"
// before a noun of an act, an object pronoun never its own clause's
// subject, and the state of the place a noun of arrest is told "in".
// Parties of a node: coder_actors.cpp.
#include <string>

#include "ingest/code/coder.hpp"
#include "ingest/code/coder_detail.hpp"

namespace dipgraph::ingest {

using coder_detail::is_rel;
using syntax::Upos;

// "its" before a noun of an act ("its ban", "its mediation") names the
// doer of the act. The recognizer binds them to the
// sentence's first actor, its subject; the tree knows better:
// - in a phrase of reason ("praised Y for its mediation", "sanctions on Y
//   over its programme"), the one praised, blamed or sanctioned: the
//   verb's object, or its "to"/"on"/"with" phrase;
// - in a clause with a subject of its own ("demanded that Y lift its
//   blockade"), that subject;
// - in an infinitive with none, whom the verb above it asks ("urged Y to
//   halt its programme"), else that verb's subject ("agreed to lift its
//   veto").
// Owned places and people ("its airspace", "its citizens") keep the
// recognizer's reading: one's own land is what others violate.
void Coder::rebind_pronouns(Ctx& c) const {
  c.rebound.clear();
  const Tree& t = c.t;
  // A named actor at word x before the pronoun p, not itself a pronoun.
  auto named = [&](int x, int p) {
    if (x < 0 || x > p || t.upos(x) == Upos::PRON) return -1;
    const int mi = c.rec.mention_at[c.in.tok_of_word[x]];
    return mi >= 0 && is_actor(c.rec.mentions[mi]) ? mi : -1;
  };
  for (int p = 0; p < t.size(); ++p) {
    // ("their" stays the recognizer's group: a clause's subject "A and B"
    // is one node here, its first conjunct)
    if (t.upos(p) != Upos::PRON || t.rel(p) != "nmod:poss" || t.lemma(p) != "its") continue;
    const int own = c.rec.mention_at[c.in.tok_of_word[p]];
    if (own < 0 || !c.rec.mentions[own].anaphor) continue;
    const int noun = t.head(p);
    if (noun < 0 || t.upos(noun) != Upos::NOUN ||
        !(frames_.find(t.lemma(noun), true) || frames_.in_class(act_class_, t.lemma(noun))))
      continue;
    // Up through noun phrases to the first verb, remembering the way in.
    int x = noun, in = -1;
    for (int depth = 0; x >= 0 && !t.is_verb(x) && depth < 6; ++depth) in = x, x = t.head(x);
    // A verb that answers another's act ("ignored its concerns", "rejected
    // its demand") takes someone else's: the recognizer's reading stays.
    if (x < 0 || !t.is_verb(x) || coder_detail::answering_verb(t.lemma(x))) continue;
    int found = -1;
    if (in >= 0 && t.base(in) == "obl" && is_rel(t.marker(in), {"for", "over", "against"})) {
      found = named(t.child(x, "obj"), p);
      for (const int* k = t.kids_begin(x); k != t.kids_end(x) && found < 0; ++k)
        if (t.base(*k) == "obl" && is_rel(t.marker(*k), {"to", "on", "with"})) found = named(*k, p);
    }
    // The clause's own subject; through infinitives, the asker's object
    // first, then the subject.
    for (int v = x, depth = 0; found < 0 && v >= 0 && depth < 4; ++depth) {
      if (v != x) found = named(t.child(v, "obj"), p);
      for (const int* k = t.kids_begin(v); k != t.kids_end(v) && found < 0; ++k)
        if (t.base(*k) == "nsubj") found = named(*k, p);
      if (found >= 0 || t.rel(v) != "xcomp" || t.child(v, "nsubj") >= 0) break;
      v = t.head(v);
    }
    if (found >= 0 && found != own) c.rebound.emplace_back(p, found);
  }
  // "She met Wang Yi and urged him to ...", "X accused Y of ... and urged it
  // to ...": an object pronoun is never its own clause's subject (the
  // recognizer, without the tree, may take that subject for it): it is the
  // person (for "him", "her"), or the state or body (for "it"), named last
  // before it that is not.
  auto state = [](MentionKind k) {
    return k == MentionKind::country || k == MentionKind::capital || k == MentionKind::metonym ||
           k == MentionKind::org;
  };
  for (int p = 0; p < t.size(); ++p) {
    if (t.upos(p) != Upos::PRON || t.base(p) != "obj" || !is_rel(t.lemma(p), {"he", "she", "it"})) continue;
    const bool person = t.lemma(p) != "it";
    const int own = c.rec.mention_at[c.in.tok_of_word[p]];
    if (own < 0 || !c.rec.mentions[own].anaphor) continue;
    const Mention& om = c.rec.mentions[own];
    if (person ? om.kind != MentionKind::person : !state(om.kind)) continue;
    std::string ignored;
    const int sj = subject_of(c, t.head(p), ignored);
    const int smi = sj >= 0 ? c.rec.mention_at[c.in.tok_of_word[sj]] : -1;
    if (smi < 0) continue;
    const Mention& sm = c.rec.mentions[smi];
    // the same party as the subject: one person, or one state
    auto same = [&](const Mention& m) {
      return person ? m.kind == MentionKind::person && m.entity == sm.entity
                    : state(m.kind) && m.country >= 0 && m.country == sm.country;
    };
    if (!same(om)) continue;
    for (int x = p - 1; x >= 0; --x) {
      const int mi = c.rec.mention_at[c.in.tok_of_word[x]];
      if (mi < 0 || mi == own) continue;
      const Mention& m = c.rec.mentions[mi];
      if ((person ? m.kind != MentionKind::person : !state(m.kind)) || same(m)) continue;
      c.rebound.emplace_back(p, mi);
      break;
    }
  }
}

// The state whose land a noun of arrest or expulsion is told "in" ("the
// arrest of its citizen in China", "the detention in Iran of two
// journalists"): its own "in" phrase, or that of its "of" phrase. A
// mention of the place (-1 if none).
int Coder::place_of_noun(const Ctx& c, int n) const {
  const Tree& tr = c.t;
  auto in_place = [&](int x) {
    for (const int* k = tr.kids_begin(x); k != tr.kids_end(x); ++k) {
      if (tr.base(*k) != "nmod" || tr.marker(*k) != "in") continue;
      const int mi = c.mention(*k);
      if (mi < 0) continue;
      const Mention& m = c.rec.mentions[mi];
      if ((m.kind == MentionKind::country || m.kind == MentionKind::capital || m.kind == MentionKind::city) &&
          m.country >= 0)
        return mi;
    }
    return -1;
  };
  int mi = in_place(n);
  for (const int* k = tr.kids_begin(n); k != tr.kids_end(n) && mi < 0; ++k)
    if (tr.base(*k) == "nmod" && tr.marker(*k) == "of") mi = in_place(*k);
  return mi;
}

}  // namespace dipgraph::ingest
