// The pattern coder's actor slots (pattern_detail.hpp, find_slots): who is
// source and who is target of a trigger, by word order.
//
// Each role of data/events.tsv is a finder: the subject side of the clause
// (looking back through earlier clauses), the object side, the group after
// a preposition, a possessive or modifier before the trigger, an actor
// inside the match, the speaker of the clause it depends on, the country
// where the clause's subject is. A pattern's roles are tried in order; the
// first that finds a group wins. Then the readings that move a slot: an
// appeal's addressee acts, an intent's target is what it intends, a closing
// ", X said" speaks, who must act in an "unless" clause is the target, the
// passive swaps, a relative clause needs a source of its own.
#include <algorithm>

#include "graph/cameo.hpp"
#include "ingest/code/pattern_detail.hpp"

namespace dipgraph::ingest::pattern {

namespace {

// "Farmers in Kenya", "residents of Gaza", "thousands of villagers in
// northern Mali": people of the place `m` (in a clause from b), as the
// subject, act for its country.
bool people_of_place(const Sentence& st, const Mention& m, std::uint32_t b) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const Words& id = st.id;
  bool place = m.country >= 0 && (m.kind == MentionKind::country ||
                                  m.kind == MentionKind::capital || m.kind == MentionKind::city);
  std::uint32_t pp = m.begin;
  while (pp > b && (toks[pp - 1].cls & (kDet | kModifier)) && a.mention_at[pp - 1] < 0) --pp;
  if (!(place && !st.attributed(m.begin) && pp > b + 1 &&
        (toks[pp - 1].id == id.in || toks[pp - 1].id == id.of)))
    return false;
  std::uint32_t nn = pp - 2;
  std::string_view w = st.tok_text(nn);
  bool people = toks[nn].is(kWord) && (!toks[nn].is(kCap) || nn == st.sb) && a.mention_at[nn] < 0 &&
                !(toks[nn].cls & (kFunction & ~kRoleNoun)) && w.size() > 3 && w.back() == 's' &&
                !std::any_of(st.triggers.begin(), st.triggers.end(),
                             [&](const Trigger& o) { return o.begin == nn; });
  for (std::uint32_t q = b; q < nn && people; ++q)
    people = (toks[q].cls & (kDet | kNumberWord | kModifier)) || toks[q].is(kNumber) ||
             toks[q].id == id.of || toks[q].id == id.to || st.is_punct(q, ',');
  return people;
}

// "After Spain, the king flies on to ...", "Before Chile, ...": a
// subordinator used as a preposition (no verb follows its noun phrase before
// the clause ends) makes a phrase of time or sequence, never the subject.
bool fronted_time_phrase(const Sentence& st, const Mention& m, std::uint32_t b) {
  std::uint32_t j = m.begin;
  while (j > b && (st.toks[j - 1].cls & (kDet | kModifier))) --j;
  if (j == b || !(st.toks[j - 1].cls & kSubord)) return false;
  std::string_view w = st.tok_text(j - 1);
  if (!(w == "after" || w == "After" || w == "before" || w == "Before" || w == "until" ||
        w == "Until" || w == "since" || w == "Since"))
    return false;
  for (std::uint32_t q = m.end; q < st.se; ++q) {
    if (st.is_punct(q, ',')) return true;
    if (st.a.mention_at[q] >= 0 || st.toks[q].id == st.id.and_) continue;
    return false;  // a word other than further names: "after Kenya attacked", a clause
  }
  return false;
}

// subj: the leftmost actor of t's clause before it not after a preposition,
// else of the clauses before (not past a ';').
Group find_subject(const Sentence& st, const Trigger& t) {
  const Analysis& a = st.a;
  const auto& ms = st.ms;
  for (int g = t.segment; g >= 0; --g) {
    std::uint32_t b = st.seg_begin(g), e = g == t.segment ? t.begin : st.seg_end(g);
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = a.mentions[ms[k]];
      if (m.begin < b || m.begin >= e) continue;
      if (!st.actor_ok(m) || st.attributed(m.begin)) {
        if (people_of_place(st, m, b)) return {-(ms[k] + 1)};
        continue;
      }
      if (st.governing_prep(m.begin, b) != kNoToken || fronted_time_phrase(st, m, b)) continue;
      return st.expand(k, e);
    }
    if (g > 0) {
      std::uint32_t bt = st.seg_begin(g);
      if (st.is_punct(bt, ';')) break;
    }
  }
  return {};
}

// obj: the first actor after t in its clause not after a preposition (but
// the owner after "of"), before any other trigger.
Group find_object(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const auto& ms = st.ms;
  std::uint32_t e = st.seg_end(t.segment);
  bool seen_prep_actor = false;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = a.mentions[ms[k]];
    if (m.begin < t.end) continue;
    if (m.begin >= e || st.attributed(m.begin)) break;
    if (!st.actor_ok_after(m, t.end)) continue;
    TokenId gp = st.governing_prep(m.begin, t.end);
    // "bombed depots of the Chadian army": the object's owner.
    if (gp == st.id.of && !seen_prep_actor) {
      bool other = false;
      for (std::uint32_t i = t.end; i < m.begin; ++i)
        other |= (toks[i].cls & kPrep) && toks[i].id != st.id.of;
      if (!other) gp = kNoToken;
    }
    if (gp != kNoToken) {
      seen_prep_actor = true;
      continue;
    }
    // Another trigger in between ends the object side.
    bool crossed = std::any_of(st.triggers.begin(), st.triggers.end(), [&](const Trigger& o) {
      return o.begin >= t.end && o.begin < m.begin;
    });
    if (crossed) break;
    return st.expand(k, e);
  }
  return {};
}

// to, with, between ...: the group right after the preposition `prep`
// following t (within 12 words).
Group find_after_prep(const Sentence& st, const Trigger& t, TokenId prep) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const std::uint32_t se = st.se;
  std::uint32_t e = st.seg_end(t.segment);
  for (std::uint32_t q = t.end; q < se && q < t.end + 12; ++q) {
    // The preposition may open the next clause ("demanded that X ...").
    if (q >= e && !(q == e && toks[q].id == prep)) break;
    if (st.attributed(q)) break;
    if (toks[q].id != prep) continue;
    std::uint32_t limit = st.seg_end(st.seg_of(q));
    for (std::uint32_t r = q + 1; r < limit && r <= q + 5; ++r) {
      if (const Mention* m = st.mention_of(r)) {
        std::int32_t mi = a.mention_at[r];
        // The pattern asked for this preposition: "in Iraq" may be a target.
        if (st.determiner(*m)) continue;
        if (!is_actor(*m) || m->kind == MentionKind::city || m->begin != r) return {};
        return st.expand(st.index_in_ms(mi), limit);
      }
      const Tok& tk = toks[r];
      if ((tk.cls & kFunction & ~kDet) || tk.is(kPunct)) break;
    }
    // Not this one ("to commit to ... to the US"): try the next.
  }
  return {};
}

// poss: a possessive or modifier right before t ("Russia's visit", "Soviet
// aid", "Pakistan-Russia cooperation", "Russia and China's").
Group find_poss(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const std::uint32_t sb = st.sb;
  std::uint32_t j = t.begin;
  int skipped = 0;
  while (j > sb && skipped < 6) {
    const Tok& tk = toks[j - 1];
    if (a.mention_at[j - 1] >= 0) break;
    if (st.is_punct(j - 1, ')') && j >= sb + 3 && st.is_punct(j - 3, '(')) {
      j -= 3;
      continue;
    }
    bool content = tk.is(kWord) && !(tk.cls & kFunction) && !(tk.cls & kCalendar);
    bool name_of = tk.id == st.id.of && j - 1 > sb && toks[j - 2].is(kCap);
    if (content || name_of) {
      --j;
      ++skipped;
      continue;
    }
    break;
  }
  if (j == sb || a.mention_at[j - 1] < 0) return {};
  std::int32_t mi = a.mention_at[j - 1];
  const Mention& m = a.mentions[mi];
  if (!st.actor_ok(m)) return {};
  bool modifier = m.possessive || m.kind == MentionKind::demonym || m.kind == MentionKind::org ||
                  m.kind == MentionKind::country || m.kind == MentionKind::metonym ||
                  m.kind == MentionKind::group || m.kind == MentionKind::capital;
  if (!modifier) return {};
  std::vector<std::int32_t> group{mi};
  // "Pakistan-Russia cooperation", "Russia and China's"
  std::int32_t cur = mi;
  while (true) {
    const Mention& c = a.mentions[cur];
    if (c.begin == sb) break;
    std::uint32_t p = c.begin;
    bool hyphen = toks[p].is(kHyphenJoined);
    std::uint32_t q = p;
    if (!hyphen && q > sb + 1 && (toks[q - 1].id == st.id.and_ || st.is_punct(q - 1, ',')))
      --q;
    else if (!hyphen)
      break;
    if (q == sb || a.mention_at[q - 1] < 0) break;
    std::int32_t prev = a.mention_at[q - 1];
    if (!st.actor_ok(a.mentions[prev])) break;
    // "After China, the president ...": a fronted phrase of time, no part of the group.
    if (st.is_punct(q, ',') && fronted_time_phrase(st, a.mentions[prev], sb)) break;
    group.insert(group.begin(), prev);
    cur = prev;
  }
  return group;
}

// inner: actors inside the match, also one that begins inside and runs on
// ("summoned Togo's ambassador Koffi Mensah").
// A match opened by a preposition ("with Soviet aid") is one noun phrase:
// an actor cut from its last word by another preposition ("with Uganda in
// funding") is no part of it.
Group find_inner(const Sentence& st, const Trigger& t) {
  std::vector<std::int32_t> g;
  const bool phrase = (st.toks[t.begin].cls & kPrep) != 0;
  for (std::int32_t mi : st.ms) {
    const Mention& m = st.a.mentions[mi];
    if (!(m.begin > t.begin && m.begin < t.end && st.actor_ok_after(m, t.begin))) continue;
    bool cut = false;
    for (std::uint32_t q = m.end; phrase && q + 1 < t.end; ++q) cut |= (st.toks[q].cls & (kPrep | kSubord)) != 0;
    if (!cut) g.push_back(mi);
  }
  return g;
}

// outer: the speaker of the clause t depends on ("X said Y must ...").
Group find_outer(const Sentence& st, const Trigger& t) {
  const Analysis& a = st.a;
  const auto& ms = st.ms;
  // '"X must ...," he said': the speaker after the quote.
  if (st.tail_begin < st.se) {
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = a.mentions[ms[k]];
      if (m.begin >= st.tail_begin && is_actor(m) && !st.is_place(m)) return st.expand(k, st.se);
    }
  }
  for (int g = t.segment - 1; g >= 0; --g) {
    std::uint32_t b = st.seg_begin(g), e = st.seg_end(g);
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = a.mentions[ms[k]];
      if (m.begin < b || m.begin >= e) continue;
      if (!st.actor_ok(m) || st.attributed(m.begin)) continue;
      if (st.governing_prep(m.begin, b) != kNoToken) continue;
      return st.expand(k, e);
    }
  }
  return {};
}

// "Sharif's adviser": not Sharif himself but someone of his country.
// Entries already negative (a country standing in for its mention) stay.
void heads(const Sentence& st, Group& g) {
  const Analysis& a = st.a;
  for (std::int32_t& mi : g) {
    if (mi < 0) continue;
    const Mention& m = a.mentions[mi];
    if (m.kind == MentionKind::person && m.possessive && !m.anaphor && m.end < st.se &&
        st.toks[m.end].is(kWord) && a.mention_at[m.end] < 0)
      mi = -(mi + 1);
  }
}

// place: the country where the clause's subject is ("the dam in Egypt, which ...").
Group find_place_country(const Sentence& st, const Trigger& t) {
  for (int g = t.segment; g >= 0; --g) {
    std::uint32_t b = st.seg_begin(g), e = g == t.segment ? t.begin : st.seg_end(g);
    for (std::int32_t mi : st.ms) {
      const Mention& m = st.a.mentions[mi];
      if (m.begin < b || m.begin >= e || st.attributed(m.begin) || m.country < 0) continue;
      if (st.is_place(m)) return {-(mi + 1)};
    }
  }
  return {};
}

// The object of a relative clause opened by "which" or "that" is the noun
// before it: its owner is the object ("Russia's trade fair, which the
// Pakistani delegation is attending": Russia).
Group find_antecedent(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const std::uint32_t sb = st.sb;
  if (st.seg_skip[t.segment] != 2) return {};
  std::uint32_t r = st.seg_begin(t.segment);
  if (r <= sb + 1 || !(toks[r].id == st.id.that || toks[r].id == st.id.which)) return {};
  // The relative word is followed by its own subject, not by the verb.
  if (r + 1 >= t.begin) return {};
  // Back over the noun and its modifiers to the owner ("Russia's", "Kenyan"):
  // a determiner of the noun even after "at" ("at India's largest fair").
  std::uint32_t j = st.is_punct(r - 1, ',') ? r - 1 : r;
  for (int skipped = 0; j > sb && skipped < 6 && a.mention_at[j - 1] < 0; ++skipped, --j) {
    const Tok& tk = toks[j - 1];
    if (!tk.is(kWord) || (tk.cls & (kFunction | kCalendar))) return {};
  }
  if (j == sb || a.mention_at[j - 1] < 0) return {};
  std::int32_t mi = a.mention_at[j - 1];
  const Mention& m = a.mentions[mi];
  bool owner = m.possessive || m.kind == MentionKind::demonym || m.kind == MentionKind::org;
  if (!owner || !is_actor(m) || m.kind == MentionKind::city || st.determiner(m)) return {};
  return {mi};
}

// The first group `roles` find for t, tried in order.
Group resolve(const Sentence& st, const Trigger& t, const std::vector<Role>& roles) {
  for (std::size_t ri = 0; ri < roles.size(); ++ri) {
    const Role& r = roles[ri];
    std::vector<std::int32_t> g;
    if (r.kind == RoleKind::prep) {
      // Of several prepositions in a row ("of|on|against|in") the nearest wins.
      std::size_t rj = ri;
      std::uint32_t best_pos = ~0u;
      while (rj < roles.size() && roles[rj].kind == RoleKind::prep) {
        std::vector<std::int32_t> cand = find_after_prep(st, t, roles[rj].prep);
        if (!cand.empty()) {
          std::uint32_t pos = st.a.mentions[cand[0]].begin;
          if (pos < best_pos) best_pos = pos, g = std::move(cand);
        }
        ++rj;
      }
      ri = rj - 1;
      heads(st, g);
      if (!g.empty()) return g;
      continue;
    }
    // clang-format off
    switch (r.kind) {
      case RoleKind::subj: g = find_subject(st, t); break;
      case RoleKind::obj:
        g = find_object(st, t);
        if (g.empty()) g = find_antecedent(st, t);
        break;
      case RoleKind::prep: g = find_after_prep(st, t, r.prep); break;
      case RoleKind::poss: g = find_poss(st, t); break;
      case RoleKind::inner: g = find_inner(st, t); break;
      case RoleKind::outer: g = find_outer(st, t); break;
      case RoleKind::place: g = find_place_country(st, t); break;
    }
    // clang-format on
    if (r.kind != RoleKind::poss && r.kind != RoleKind::place) heads(st, g);
    if (!g.empty()) return g;
  }
  return {};
}

// True if t is a passive participle ("was criticized by"): after a form of
// "be" (adverbs between), not an "-ing" form, not a preposition.
bool passive(const Sentence& st, const Trigger& t) {
  const auto& toks = st.toks;
  const std::uint32_t sb = st.sb;
  std::uint32_t j = t.begin;
  int skipped = 0;
  while (j > sb && skipped < 2) {
    std::string_view w = st.tok_text(j - 1);
    bool adverb = toks[j - 1].id == st.id.also || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
    if (!adverb) break;
    --j;
    ++skipped;
  }
  std::string_view w = st.tok_text(t.begin);
  bool participle = !(w.size() > 4 && w.substr(w.size() - 3) == "ing");  // "is refusing" is active
  if (toks[t.begin].cls & (kPrep | kDet)) participle = false;  // "were on alert" is no verb
  return participle && j > sb && (toks[j - 1].cls & kBe);
}

// "invited X to visit Y", "urged X to talk": X is the one to act.
void appeal_addressee(const Sentence& st, const Trigger& t, const EventPattern& p, Slots& slots) {
  if (!(t.begin > st.sb && st.toks[t.begin - 1].id == st.id.to && !p.source.empty() &&
        p.source.back().kind == RoleKind::subj))
    return;
  for (const Trigger& o : st.triggers) {
    if (o.end > t.begin || t.begin - o.end > 8 || st.seg_of(o.begin) != t.segment) continue;
    if (cameo_root(st.patterns[o.pattern].cameo) != "02") continue;
    std::vector<std::int32_t> controller = find_object(st, o);
    if (!controller.empty()) slots.source = controller;
  }
}

// "offered to negotiate with Georgia", "agreed to meet Kenya": the target
// of an intent is the target of what it intends.
void intended_target(const Sentence& st, const Trigger& t, const EventPattern& p, Slots& slots) {
  if (!(slots.target.empty() && cameo_root(p.cameo) == "03")) return;
  for (const Trigger& o : st.triggers) {
    if (o.begin < t.end || o.begin > t.end + 3 || st.seg_of(o.begin) != t.segment) continue;
    slots.target = resolve(st, o, st.patterns[o.pattern].target);
    break;
  }
}

// "Croatia fails to protect refugees, a rights group protested on Monday.":
// a verb closing the sentence after ", <actor>" is said by that actor
// about the subject of the clause before the comma.
void closing_speaker(const Sentence& st, const Trigger& t, const EventPattern& p, Slots& slots) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const auto& ms = st.ms;
  const std::uint32_t sb = st.sb, se = st.se;
  if (!(!(p.flags & kSay) && !p.source.empty() && p.source[0].kind == RoleKind::subj &&
        std::any_of(p.target.begin(), p.target.end(),
                    [](const Role& r) { return r.kind == RoleKind::obj; })))
    return;
  std::uint32_t c = t.begin;
  while (c > sb && !st.is_punct(c - 1, ',') && t.begin - c < 6) --c;
  bool closing = c > sb + 1 && st.is_punct(c - 1, ',');
  // ", which X is attending", ", as X demanded": not a bare noun phrase.
  for (std::uint32_t q = c; q < t.begin && closing; ++q)
    closing = !(toks[q].cls & (kSubord | kBe | kAux | kPronoun | kPronounPl | kConj));
  for (std::uint32_t q = t.end; q < se && closing; ++q) {
    const Tok& tk = toks[q];
    std::string_view w = st.tok_text(q);
    if (a.mention_at[q] >= 0)
      closing = st.is_place(a.mentions[a.mention_at[q]]);
    else
      closing = tk.is(kPunct) || (tk.cls & (kPrep | kDet | kCalendar)) || tk.is(kNumber) ||
                a.date_at[q] >= 0 || (w.size() > 4 && w.substr(w.size() - 2) == "ly") ||
                w == "here" || w == "there";
  }
  if (!closing) return;
  std::vector<std::int32_t> speaker, about;
  for (std::size_t k = 0; k < ms.size() && speaker.empty(); ++k) {
    const Mention& m = a.mentions[ms[k]];
    if (m.begin >= c && m.begin < t.begin && st.actor_ok(m)) speaker = st.expand(k, t.begin);
  }
  for (std::size_t k = 0; k < ms.size() && about.empty(); ++k) {
    const Mention& m = a.mentions[ms[k]];
    if (m.begin >= c - 1) break;
    if (st.actor_ok(m) && !st.attributed(m.begin) && st.governing_prep(m.begin, sb) == kNoToken)
      about = st.expand(k, c - 1);
  }
  if (!speaker.empty()) {
    heads(st, speaker);
    heads(st, about);
    slots.source = speaker;
    slots.target = about;
  }
}

// "threatened to strike unless Uganda lifted the ban", "warned it would
// expel diplomats if Russia did not ...": who must act is the target.
void conditional_target(const Sentence& st, const Trigger& t, const EventPattern& p, Slots& slots) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const auto& ms = st.ms;
  const std::uint32_t se = st.se;
  auto& tgt = slots.target;
  bool complement_subject = tgt.size() == 1 && tgt[0] >= 0 && a.mentions[tgt[0]].anaphor &&
                            (toks[a.mentions[tgt[0]].begin].cls & (kPronoun | kPronounPl)) &&
                            a.mentions[tgt[0]].end < se &&
                            (toks[a.mentions[tgt[0]].end].cls & (kAux | kBe));
  bool threat = cameo_root(p.cameo) == "13";
  std::uint32_t cond = se;
  for (std::uint32_t i = t.end; i < se && cond == se; ++i)
    if (toks[i].id == st.id.unless || (threat && toks[i].id == st.id.if_)) cond = i;
  if (cond < se && (tgt.empty() || complement_subject)) {
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = a.mentions[ms[k]];
      if (m.begin <= cond || st.attributed(m.begin)) continue;
      if (m.begin >= st.seg_end(st.seg_of(cond))) break;
      if (!st.actor_ok(m) || st.governing_prep(m.begin, cond + 1) != kNoToken) continue;
      tgt = st.expand(k, st.seg_end(st.seg_of(cond)));
      heads(st, tgt);
      break;
    }
  }
}

// "Slovakia was criticized by Hungary": the agent after "by" is the source,
// the subject the target.
void passive_swap(const Sentence& st, const Trigger& t, const EventPattern& p, Slots& slots) {
  bool subj_role = std::any_of(p.source.begin(), p.source.end(),
                               [](const Role& r) { return r.kind == RoleKind::subj; });
  if (!(!(p.flags & kNoPassive) && subj_role && passive(st, t))) return;
  std::vector<std::int32_t> agent;
  for (std::uint32_t q = t.end; q < st.seg_end(t.segment) && agent.empty(); ++q)
    if (st.toks[q].id == st.id.by) {
      Trigger at_by = t;
      at_by.end = q;
      agent = find_after_prep(st, at_by, st.id.by);
      heads(st, agent);
    }
  std::vector<std::int32_t> patient = find_subject(st, t);
  slots.source = agent;
  slots.target = patient;
}

// A relative clause ("which were built with Soviet aid", "where people
// were killed") tells background: kept only with a source of its own.
bool own_source_in_relative(const Sentence& st, const Trigger& t, const Slots& slots) {
  if (st.seg_skip[t.segment] != 2) return true;
  std::uint32_t g0 = st.seg_begin(t.segment), g1 = st.seg_end(t.segment);
  return std::any_of(slots.source.begin(), slots.source.end(), [&](std::int32_t mi) {
    const Mention& m = st.a.mentions[mi < 0 ? -mi - 1 : mi];
    // A description ("the delegation", "the Kenyan officials") may tell
    // what is going on now ("which the delegation is attending"); a
    // pronoun, or a past verb, tells background.
    bool description = !(st.toks[m.begin].cls & (kPronoun | kPronounPl));
    return m.begin >= g0 && m.begin < g1 && (!m.anaphor || (description && !finite_past(st, t)));
  });
}

}  // namespace

std::optional<Slots> find_slots(const Sentence& st, const Trigger& t) {
  const EventPattern& p = st.patterns[t.pattern];
  if ((p.flags & kSay) && st.attributed(t.begin)) return std::nullopt;
  Slots slots{resolve(st, t, p.source), resolve(st, t, p.target)};
  appeal_addressee(st, t, p, slots);
  intended_target(st, t, p, slots);
  closing_speaker(st, t, p, slots);
  conditional_target(st, t, p, slots);
  passive_swap(st, t, p, slots);
  if (!own_source_in_relative(st, t, slots)) return std::nullopt;
  if ((p.flags & kSay) && slots.source.empty()) {
    // "..., said the statement": the speaker after the verb.
    const std::uint32_t se = st.se;
    if (t.end < se && (st.toks[t.end].cls & kDet) &&
        st.a.mention_at[t.end + 1 < se ? t.end + 1 : t.end] >= 0)
      slots.source = find_object(st, t);
  }
  return slots;
}

}  // namespace dipgraph::ingest::pattern
