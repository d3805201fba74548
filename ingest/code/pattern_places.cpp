// The mentions, dates and places of a sentence for the pattern coder
// (pattern_detail.hpp), and which date and place each trigger takes: the
// nearest of its own clause that no other trigger stands in front of, else
// the nearest of the sentence (for places: of a clause with no trigger of
// its own). Attribution gives neither.
#include <algorithm>

#include "graph/cameo.hpp"
#include "ingest/code/pattern_detail.hpp"

namespace dipgraph::ingest::pattern {

namespace {

// Another (non-adjunct) trigger lies between t and pos.
bool blocked(const Sentence& st, const Trigger& t, std::uint32_t pos) {
  const auto& patterns = st.patterns;
  std::uint32_t lo = std::min(t.begin, pos), hi = std::max(t.end, pos);
  for (const Trigger& o : st.triggers) {
    if (&o == &t || o.adjunct) continue;
    // The event's own object ("attended the summit in Lima", "met at a
    // conference in Oslo") does not stand between it and its place or date.
    if (o.begin >= t.end && o.begin <= t.end + 4 &&
        cameo_root(patterns[o.pattern].cameo) == cameo_root(patterns[t.pattern].cameo))
      continue;
    if (o.begin >= lo && o.end <= hi && !(o.begin >= t.begin && o.end <= t.end)) return true;
  }
  return false;
}

std::uint32_t distance(const Trigger& t, std::uint32_t pos) {
  return pos >= t.end ? pos - t.end : t.begin > pos ? t.begin - pos : 0;
}

}  // namespace

void collect_mentions(Sentence& st) {
  const Analysis& a = st.a;
  auto& ms = st.ms;
  ms.clear();
  for (std::uint32_t i = st.sb; i < st.se; ++i)
    if (a.mention_at[i] >= 0 && (ms.empty() || ms.back() != a.mention_at[i]))
      ms.push_back(a.mention_at[i]);
}

void collect_dates_and_places(Sentence& st, std::size_t& date_cursor) {
  const auto& toks = st.toks;
  const Analysis& a = st.a;
  const Words& id = st.id;
  const std::uint32_t sb = st.sb, se = st.se;
  const auto& triggers = st.triggers;
  // Dates of this sentence.
  st.dates.clear();
  while (date_cursor < a.dates.size() && a.dates[date_cursor].begin < sb) ++date_cursor;
  for (std::size_t k = date_cursor; k < a.dates.size() && a.dates[k].begin < se; ++k)
    if (!st.attributed(a.dates[k].begin)) st.dates.push_back(k);
  // Places: mentions after in/at/near, and unknown "in Name, Country".
  std::vector<PlaceCand>& places = st.places;
  places.clear();
  if (!triggers.empty()) {
    for (std::int32_t mi : st.ms) {
      const Mention& m = a.mentions[mi];
      if (st.attributed(m.begin)) continue;
      if (!st.is_place(m)) continue;
      if (m.kind == MentionKind::city && st.governing_prep(m.begin, sb) == kNoToken) continue;
      places.push_back({m.begin, mi});
    }
  }
  for (std::uint32_t i = sb; i + 3 < se && !triggers.empty(); ++i) {
    if (!(toks[i].id == id.in || toks[i].id == id.at) || st.attributed(i)) continue;
    std::uint32_t j = i + 1;
    while (j < se && toks[j].is(kCap) && a.mention_at[j] < 0 && toks[j].is(kWord) &&
           !(toks[j].cls & (kCalendar | kFunction)))
      ++j;
    if (j == i + 1 || j - i > 4 || !st.is_punct(j, ',')) continue;
    const Mention* c = st.mention_of(j + 1);
    if (!c || c->kind != MentionKind::country || c->begin != j + 1 || c->possessive) continue;
    places.push_back({i + 1, -1, j, c->country});
  }
  std::sort(places.begin(), places.end(),
            [](const PlaceCand& x, const PlaceCand& y) { return x.pos < y.pos; });
}

int pick_date(const Sentence& st, const Trigger& t) {
  const Analysis& a = st.a;
  int best = -1;
  std::uint32_t best_d = ~0u;
  for (std::size_t k : st.dates) {  // own segment first
    const DateMention& d = a.dates[k];
    if (st.seg_of(d.begin) != t.segment || blocked(st, t, d.begin)) continue;
    std::uint32_t dist = distance(t, d.begin);
    if (dist < best_d) best_d = dist, best = static_cast<int>(k);
  }
  if (best >= 0) return best;
  for (std::size_t k : st.dates) {  // then the sentence
    const DateMention& d = a.dates[k];
    if (st.seg_of(d.begin) == t.segment) continue;
    std::uint32_t dist = distance(t, d.begin);
    if (dist < best_d) best_d = dist, best = static_cast<int>(k);
  }
  return best;
}

std::optional<Location> place_of(const Sentence& st, std::int32_t mi) {
  const auto& toks = st.toks;
  const Mention& m = st.a.mentions[mi];
  Location loc;
  loc.name = st.span_text(m.begin, m.end);
  if (toks[m.end - 1].is(kPossessive))
    loc.name =
        std::string(st.text.substr(toks[m.begin].start, toks[m.end - 1].end - toks[m.begin].start));
  if (loc.name.size() > 4 && loc.name.compare(0, 4, "the ") == 0) loc.name.erase(0, 4);
  loc.country = st.country_code(m.country);
  if (m.kind == MentionKind::country) loc.name = st.dict.countries()[m.country].name;
  // "Tianjin, China": the country named after a city.
  if (m.kind == MentionKind::city && st.is_punct(m.end, ',')) {
    if (const Mention* c = st.mention_of(m.end + 1))
      if (c->kind == MentionKind::country && c->begin == m.end + 1)
        loc.country = st.country_code(c->country);
  }
  return loc;
}

std::optional<Location> pick_place(const Sentence& st, const Trigger& t) {
  const PlaceCand* best = nullptr;
  std::uint32_t best_d = ~0u;
  for (const PlaceCand& p : st.places) {
    if (st.seg_of(p.pos) != t.segment || blocked(st, t, p.pos)) continue;
    std::uint32_t dist = distance(t, p.pos);
    if (dist < best_d) best_d = dist, best = &p;
  }
  auto location = [&](const PlaceCand& p) -> std::optional<Location> {
    if (p.mention >= 0) return place_of(st, p.mention);
    return Location{st.span_text(p.pos, p.name_end), st.country_code(p.country)};
  };
  if (best) return location(*best);
  for (const PlaceCand& p : st.places) {  // a segment without triggers of its own
    int g = st.seg_of(p.pos);
    bool claimed = std::any_of(st.triggers.begin(), st.triggers.end(),
                               [&](const Trigger& o) { return o.segment == g; });
    if (claimed) continue;
    std::uint32_t dist = distance(t, p.pos);
    if (dist < best_d) best_d = dist, best = &p;
  }
  return best ? location(*best) : std::nullopt;
}

}  // namespace dipgraph::ingest::pattern
