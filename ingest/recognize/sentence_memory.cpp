// What each sentence leaves for the ones after it (recognize_detail.hpp):
// its subject's countries, the countries it names, the latest pair of
// states it joins ("Armenia and Azerbaijan"), the count of each country;
// and, without a dateline, the one country an article is about.
#include <algorithm>

#include "ingest/recognize/recognize_detail.hpp"

namespace dipgraph::ingest::detail {

// The end of the noun of one official a few words after a demonym or a
// body's possessive ("a senior Kenyan foreign ministry official", "the
// OSCE's chief observer"), 0 if there is none: who the mention then
// stands for is that official.
static std::uint32_t official_noun_after(const ArticleState& art, const SentenceSpan& span, const Mention& m) {
  if (m.anaphor || !(m.kind == MentionKind::demonym || (m.kind == MentionKind::org && m.possessive))) return 0;
  const auto& toks = art.a.toks;
  const auto& nouns = art.id.person_nouns;
  for (std::uint32_t t = m.end; t < span.end && t < m.end + 4; ++t) {
    if (toks[t].is(kPunct) || (toks[t].cls & (kReport | kAux | kBe | kSubord | kConj | kPrep))) break;
    if (std::find(nouns.begin(), nouns.end(), toks[t].id) != nouns.end()) return t + 1;
  }
  return 0;
}

void remember_sentence(SentenceState& sen) {
  ArticleState& art = sen.art;
  Analysis& a = art.a;
  const WordIds& id = art.id;
  const auto& toks = a.toks;
  const auto& ms = sen.ms;
  const SentenceSpan& span = sen.span;
  std::vector<std::int32_t> subject_countries;
  art.prev_countries.clear();
  art.prev_persons.clear();
  for (const Mention& m : ms)
    if (m.kind == MentionKind::person) art.prev_persons.push_back(m.entity);
  bool subject_seen = false;
  bool leading_attribution = toks[span.begin].id == id.according;
  // '"..., Kenya will respond," the minister said': a sentence opening with
  // a quote has its subject after the quote (who is named inside it is
  // not the speaker)
  const bool opens_quote = toks[span.begin].is(kPunct) && art.tok_text(span.begin) == "\"";
  for (const Mention& m : ms) {
    bool prep = in_prepositional_phrase(toks, span, m);
    if (opens_quote && !subject_seen && sen.quotes_before(m.begin) % 2 == 1) continue;
    if (leading_attribution) {
      // Skip "According to ... ," up to the first comma.
      bool after_comma = false;
      for (std::uint32_t i = span.begin; i < m.begin; ++i) after_comma |= art.is_punct(i, ',');
      if (!after_comma) continue;
    }
    if (!subject_seen && is_actor(m) && !prep) {
      subject_seen = true;
      if (m.kind == MentionKind::person) art.last_subject_person = m.entity, art.last_subject_is_role = false;
      if (m.kind == MentionKind::role && !m.anaphor) art.last_subject_role = m, art.last_subject_is_role = true;
      // "A senior Kenyan foreign ministry official said ...": a demonym
      // before the noun of one official, a few words on, stands for that
      // official, whom "he" or "she" next means; so does a body's
      // possessive ("The OSCE's chief observer met ...").
      if (official_noun_after(art, span, m) > 0) art.last_subject_role = m, art.last_subject_is_role = true;
      if (m.kind == MentionKind::group) {
        subject_countries = a.groups[m.entity];
      } else {
        int c = country_of(a, m);
        if (c >= 0) subject_countries.push_back(c);
        // Coordinated subjects: "Russia and China ..."
        std::uint32_t e = m.end;
        for (const Mention& o : ms) {
          if (o.begin < e || !is_actor(o)) continue;
          bool joined = true;
          for (std::uint32_t i = e; i < o.begin; ++i)
            joined &= art.is_punct(i, ',') || toks[i].id == id.and_ || (toks[i].cls & (kDet | kModifier));
          if (!joined) break;
          int oc = country_of(a, o);
          if (oc >= 0 && std::find(subject_countries.begin(), subject_countries.end(), oc) == subject_countries.end())
            subject_countries.push_back(oc);
          e = o.end;
        }
      }
    }
    int c = country_of(a, m);
    bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::city) && prep;
    if (c >= 0 && is_actor(m) && !place && m.kind != MentionKind::group &&
        std::find(art.prev_countries.begin(), art.prev_countries.end(), c) == art.prev_countries.end())
      art.prev_countries.push_back(c);
    if (c >= 0 && is_actor(m) && !place && m.kind != MentionKind::group) {
      ++a.country_counts[c];
      if (m.kind != MentionKind::person) {
        auto& rc = art.recent_countries;
        rc.erase(std::remove(rc.begin(), rc.end(), c), rc.end());
        rc.push_back(c);
      }
    }
  }
  if (!subject_countries.empty()) art.prev_subject_countries = subject_countries;
  // "..., the defence minister told reporters.": an official
  // named after a comma and before a verb of saying closes the sentence as
  // its speaker, and is whom "he" or "she" in the next sentence means.
  // (also one a demonym or a body's possessive names: '"...," NATO's
  // deputy secretary said.')
  for (auto m = ms.rbegin(); m != ms.rend(); ++m) {
    if (!is_actor(*m)) continue;
    const std::uint32_t official = official_noun_after(art, span, *m);
    const std::uint32_t end = official > 0 ? official : m->end;
    if (end >= span.end || !(toks[end].cls & kReport)) continue;
    if (m->kind != MentionKind::person && m->kind != MentionKind::role && official == 0) break;
    std::uint32_t b = m->begin;
    while (b > span.begin && (toks[b - 1].cls & kDet)) --b;
    if (b == span.begin || !art.is_punct(b - 1, ',') || sen.quotes_before(b) % 2 == 1) break;
    if (m->kind == MentionKind::person) art.last_subject_person = m->entity, art.last_subject_is_role = false;
    else if (!m->anaphor) art.last_subject_role = *m, art.last_subject_is_role = true;
    break;
  }
  // Two states joined by "and", the last such pair of the sentence.
  for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
    const Mention &x = ms[k], &y = ms[k + 1];
    if (y.begin != x.end + 1 || toks[x.end].id != id.and_ || !is_actor(x) || !is_actor(y)) continue;
    const int cx = country_of(a, x);
    const int cy = country_of(a, y);
    if (x.kind == MentionKind::group || y.kind == MentionKind::group || cx < 0 || cy < 0 || cx == cy) continue;
    // (two of a longer list, "Bolivia and Chile and Venezuela", "A, B and
    // C", are no pair)
    auto joiner = [&](std::uint32_t t) { return t < span.end && (toks[t].id == id.and_ || art.is_punct(t, ',')); };
    const bool listed = (k > 0 && ms[k - 1].end + 1 == x.begin && joiner(ms[k - 1].end)) ||
                        (k + 2 < ms.size() && ms[k + 2].begin == y.end + 1 && joiner(y.end));
    if (!listed) art.last_pair = {cx, cy};
  }
  // A list of three to six states, "A, B and C": the last of the sentence.
  for (std::size_t k = 0; k < ms.size();) {
    std::vector<std::int32_t> run;
    std::size_t e = k;
    for (; e < ms.size(); ++e) {
      const Mention& m = ms[e];
      const int c = country_of(a, m);
      if (!is_actor(m) || m.kind == MentionKind::group || c < 0) break;
      if (e > k) {
        // joined to the one before by ",", "and" or ", and"
        const std::uint32_t t = ms[e - 1].end;
        const bool joined = (m.begin == t + 1 && (toks[t].id == id.and_ || art.is_punct(t, ','))) ||
                            (m.begin == t + 2 && art.is_punct(t, ',') && toks[t + 1].id == id.and_);
        if (!joined) break;
      }
      if (std::find(run.begin(), run.end(), c) == run.end()) run.push_back(c);
    }
    if (run.size() >= 3 && run.size() <= 6) art.last_list = run;
    k = e > k ? e : k + 1;
  }
}

// Without a dateline: the one country the article names, if it names only
// one and not only as an actor of its own ("criticized Peru"): as a demonym
// ("the Bolivian opposition"), a place ("a curfew in Algiers") or a national
// body's.
int fallback_country(const ArticleState& art) {
  const Analysis& a = art.a;
  const std::uint32_t n = art.size();
  int fallback = a.dateline_country;
  if (fallback < 0) {
    bool several = false, setting = false;
    for (const auto& ms : art.per_sentence)
      for (const Mention& m : ms) {
        int c = country_of(a, m);
        if (c < 0) continue;
        several |= fallback >= 0 && c != fallback;
        fallback = c;
        bool place = (m.kind == MentionKind::capital || m.kind == MentionKind::country) &&
                     m.begin > 0 && (a.toks[m.begin - 1].cls & kLocative);
        // "the Kenya Anti-Corruption Commission", "the Ghana Navy": a national body's name
        bool body = m.kind == MentionKind::country && !m.possessive && m.end < n &&
                    a.toks[m.end].is(kWord) && a.toks[m.end].is(kCap) &&
                    !(a.toks[m.end].cls & kNotName) &&
                    std::none_of(ms.begin(), ms.end(), [&](const Mention& o) { return o.begin == m.end; });
        setting |= m.kind == MentionKind::demonym || m.kind == MentionKind::city ||
                   m.kind == MentionKind::org || place || body;
      }
    if (several || !setting) fallback = -1;
  }
  return fallback;
}

}  // namespace dipgraph::ingest::detail
