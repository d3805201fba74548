// A sentence as the pattern coder reads it (pattern_detail.hpp): its clauses
// (segments), its attribution zones, and the predicates every step asks of
// its words: what governs a word, what is a place, which mentions can act,
// which form one coordinated group.
#include <algorithm>

#include "ingest/code/pattern_detail.hpp"

namespace dipgraph::ingest::pattern {

void cut_clauses(Sentence& st) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const Words& id = st.id;
  std::string_view text = st.text;
  const std::uint32_t sb = st.sb, se = st.se;
  const std::uint32_t len = se - sb;
  auto& seg = st.seg;
  auto& seg_skip = st.seg_skip;
  auto& boundary = st.boundary;
  auto& quotes = st.quotes;

  // Segments: seg[i - sb]; a boundary token opens the next segment.
  seg.assign(len, 0);
  // Quotes: a quoted stretch longer than 6 words is its own segment.
  quotes.clear();
  for (std::uint32_t i = sb; i < se; ++i)
    if (st.is_punct(i, '"')) quotes.push_back(i);
  boundary.assign(len, 0);
  for (std::size_t q = 0; q + 1 < quotes.size(); q += 2)
    if (quotes[q + 1] - quotes[q] > 7) boundary[quotes[q] - sb] = boundary[quotes[q + 1] - sb] = 1;
  if (quotes.size() % 2 == 1) boundary[quotes.back() - sb] = 1;
  for (std::uint32_t i = sb; i < se; ++i) {
    if (a.mention_at[i] >= 0) continue;
    const Tok& t = toks[i];
    if (t.is(kPunct)) {
      char c = text[t.start];
      if (c == ';' || c == ':' || c == '(' || c == ')') boundary[i - sb] = 1;
    } else if ((t.cls & kSubord) && std::find(id.boundary_words.begin(), id.boundary_words.end(),
                                              t.id) != id.boundary_words.end()) {
      boundary[i - sb] = 1;
    } else if ((t.cls & kSubord) && i > sb && st.is_punct(i - 1, ',') && i + 1 < se &&
               !(toks[i + 1].cls & kCalendar) && !toks[i + 1].is(kNumber)) {
      boundary[i - sb] = 1;  // ", as ...", ", after ...", ", since ..."
    } else if (t.id == id.since && i + 1 < se && !(toks[i + 1].cls & kCalendar) &&
               !toks[i + 1].is(kNumber) && a.date_at[i + 1] < 0) {
      boundary[i - sb] = 1;
    }
  }
  int cur = 0;
  for (std::uint32_t k = 0; k < len; ++k) {
    if (boundary[k] && k > 0) ++cur;
    seg[k] = cur;
  }
  // What opens each segment: a relative clause ("which", "who", "where",
  // "that" after a noun) or a condition ("if", "unless", "until") tells
  // background or hypothetical events, not the news itself.
  seg_skip.assign(static_cast<std::size_t>(cur) + 1, 0);
  for (std::uint32_t k = 1; k < len; ++k) {
    if (!boundary[k] || seg[k] == seg[k - 1]) continue;
    const Tok& t = toks[sb + k];
    TokenId w = t.id;
    bool relative =
        std::find(id.relative_words.begin(), id.relative_words.end(), w) != id.relative_words.end();
    bool conditional = std::find(id.conditional_words.begin(), id.conditional_words.end(), w) !=
                           id.conditional_words.end() ||
                       w == id.despite;
    if (w == id.that) {
      const Tok& prev = toks[sb + k - 1];
      std::string_view pw = text.substr(prev.start, prev.end - prev.start);
      bool complement = (prev.cls & (kReport | kCalendar)) || prev.is(kPunct) ||
                        (pw.size() > 3 && pw.substr(pw.size() - 2) == "ly") ||
                        (pw.size() > 4 && pw.substr(pw.size() - 2) == "ed" && !prev.is(kCap));
      // After a trigger word ("demanded that", "agreed that") it is a complement too.
      if (!complement && prev.id != kNoToken) {
        st.dict.trigger_matcher().longest([&](std::size_t q) { return toks[q].id; }, sb + k - 1, se,
                                          [&](std::uint32_t, std::uint32_t) {
                                            complement = true;
                                            return true;
                                          });
      }
      relative = !complement && prev.is(kWord) && !(prev.cls & (kAux | kBe));
    }
    if (conditional)
      seg_skip[seg[k]] = 1;
    else if (relative)
      seg_skip[seg[k]] = 2;
  }
  st.seg_bounds.assign(seg_skip.size() + 1, se);
  for (std::uint32_t k = len; k-- > 0;) st.seg_bounds[seg[k]] = sb + k;
}

void find_attribution(Sentence& st) {
  const auto& toks = st.toks;
  const std::uint32_t sb = st.sb, se = st.se;
  // Attribution zones: "According to X," and ", X said (on Monday)."
  std::uint32_t lead_end = sb, tail_begin = se;
  if (toks[sb].id == st.id.according && st.id.according != kNoToken) {
    for (std::uint32_t i = sb; i < se; ++i)
      if (st.is_punct(i, ',')) {
        lead_end = i + 1;
        break;
      }
  }
  for (std::uint32_t i = se; i-- > sb + 2;) {
    if (!st.is_punct(i, ',')) continue;
    bool report = false;
    for (std::uint32_t j = i + 1; j < se && j <= i + 10; ++j)
      if (toks[j].cls & kReport) report = true;
    if (report) tail_begin = i;
    break;
  }
  st.lead_end = lead_end;
  st.tail_begin = tail_begin;
}

std::uint32_t Sentence::date_skip(std::uint32_t i) const {
  if (i < toks.size() && a.date_at[i] >= 0) return std::max(i + 1, a.dates[a.date_at[i]].end);
  if (i + 1 < toks.size() && (toks[i].cls & kPrep) && a.date_at[i + 1] >= 0 &&
      a.dates[a.date_at[i + 1]].begin == i + 1)
    return std::max(i + 2, a.dates[a.date_at[i + 1]].end);
  return i;
}

TokenId Sentence::governing_prep(std::uint32_t b, std::uint32_t floor) const {
  // "Pakistan-Russia": the second part is governed like the first.
  while (b > floor && toks[b].is(kHyphenJoined) && a.mention_at[b - 1] >= 0)
    b = a.mentions[a.mention_at[b - 1]].begin;
  std::uint32_t j = b;
  int skipped = 0;
  while (j > floor && skipped < 4) {
    const Tok& t = toks[j - 1];
    if ((t.cls & (kDet | kModifier | kNumberWord)) || t.is(kNumber) ||
        (t.is(kWord) && !t.is(kCap) && t.cls == 0 &&
         (t.is(kHyphenJoined) || (j < toks.size() && toks[j].is(kHyphenJoined)))) ||
        // "in the annexed northern province", "to the disputed region of": a participle after a
        // determiner
        (t.is(kWord) && !t.is(kCap) && t.cls == 0 && j >= floor + 2 && (toks[j - 2].cls & kDet) &&
         t.end - t.start > 4 && text.substr(t.end - 2, 2) == "ed")) {
      --j;
      ++skipped;
      continue;
    }
    break;
  }
  // "thousands of Colombians", "some of the Kenyans": a quantity, not a preposition.
  if (j > floor + 1 && toks[j - 1].id == id.of &&
      ((toks[j - 2].cls & (kNumberWord | kDet)) || toks[j - 2].is(kNumber) ||
       std::find(id.group_nouns.begin(), id.group_nouns.end(), toks[j - 2].id) !=
           id.group_nouns.end()))
    return kNoToken;
  // "a first batch of Nepali troops", "a contingent of Fijian soldiers": a
  // part of the group, which acts.
  if (j > floor + 2 && toks[j - 1].id == id.of && a.mention_at[b] >= 0 &&
      a.mentions[a.mention_at[b]].kind == MentionKind::demonym && toks[j - 2].is(kWord) &&
      !toks[j - 2].is(kCap) && !(toks[j - 2].cls & (kFunction | kRoleNoun)) &&
      a.mention_at[j - 2] < 0) {
    std::uint32_t d = j - 3;
    if (d > floor && !(toks[d].cls & kDet) && toks[d].is(kWord) && !(toks[d].cls & kFunction)) --d;
    if (toks[d].cls & kDet) return kNoToken;
  }
  // "miners affiliated with the Bolivian federation", "militias loyal to Iran":
  // the group they belong to stands for them.
  if (j > floor + 1 && (toks[j - 1].id == id.with || toks[j - 1].id == id.to)) {
    std::string_view w = tok_text(j - 2);
    if (w == "affiliated" || w == "loyal" || w == "linked" || w == "belonging" || w == "allied")
      return kNoToken;
  }
  if (j > floor && (toks[j - 1].cls & kPrep)) return toks[j - 1].id;
  // "to Chile and Peru": a conjunct is governed like the first.
  if (j > floor + 1 && (toks[j - 1].id == id.and_ || toks[j - 1].id == id.or_) &&
      a.mention_at[j - 2] >= 0 && is_actor(a.mentions[a.mention_at[j - 2]]) &&
      attributed(j - 2) == attributed(j)) {
    std::uint32_t first = a.mentions[a.mention_at[j - 2]].begin;
    if (first < b && first >= floor) return governing_prep(first, floor);
  }
  return kNoToken;
}

bool Sentence::is_place(const Mention& m) const {
  if (m.kind == MentionKind::city) return true;
  bool compound = (m.end < se && toks[m.end].is(kHyphenJoined)) || toks[m.begin].is(kHyphenJoined);
  if ((m.kind == MentionKind::capital || m.kind == MentionKind::country) && !compound) {
    TokenId p = governing_prep(m.begin, sb);
    return p != kNoToken && (p == id.in || p == id.at || p == id.near || p == id.outside ||
                             p == id.into || p == id.throughout || p == id.across);
  }
  return false;
}

bool Sentence::determiner(const Mention& m) const {
  return m.anaphor && m.possessive && m.end - m.begin == 1 && m.end < se && toks[m.end].is(kWord);
}

bool Sentence::actor_ok_after(const Mention& m, std::uint32_t floor) const {
  if (!is_actor(m) || determiner(m)) return false;
  if (m.kind == MentionKind::city) return false;
  if (m.kind == MentionKind::capital || m.kind == MentionKind::country) {
    TokenId p = governing_prep(m.begin, floor);
    return !(p != kNoToken && (p == id.in || p == id.at || p == id.near || p == id.outside));
  }
  return true;
}

Group Sentence::expand(std::size_t k, std::uint32_t limit) const {
  std::vector<std::int32_t> group{ms[k]};
  std::uint32_t e = a.mentions[ms[k]].end;
  for (std::size_t o = k + 1; o < ms.size(); ++o) {
    const Mention& m = a.mentions[ms[o]];
    if (m.begin >= limit || !actor_ok(m) ||
        attributed(m.begin) != attributed(a.mentions[ms[k]].begin))
      break;
    bool connector = toks[m.begin].is(kHyphenJoined) && m.begin == e;
    bool ok = true;
    for (std::uint32_t i = e; i < m.begin; ++i) {
      const Tok& t = toks[i];
      if (is_punct(i, ',') || is_punct(i, '&') || t.id == id.and_ || t.id == id.or_ ||
          (t.id == id.as && i + 2 < m.begin && toks[i + 1].id == id.well)) {
        connector = true;
        if (t.id == id.as) i += 2;
        continue;
      }
      if (t.cls & (kDet | kModifier)) continue;
      ok = false;
      break;
    }
    if (!ok || !connector) break;
    group.push_back(ms[o]);
    e = m.end;
  }
  return group;
}

std::size_t Sentence::index_in_ms(std::int32_t mi) const {
  return static_cast<std::size_t>(std::find(ms.begin(), ms.end(), mi) - ms.begin());
}

}  // namespace dipgraph::ingest::pattern
