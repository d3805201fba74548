// Neighbor queries: one walk over the entity's events, folding each event's
// weight into every partner country it touches.
#include "queries/neighbors.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <system_error>
#include <unordered_map>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "graph/graph_summary.hpp"

namespace dipgraph {

namespace {

// The newest day of the events among vertices [from, to) that `filter`
// keeps, of all and of those that happened.
struct Newest {
  std::optional<std::int32_t> any, happened;
};
Newest newest_in(const KnowledgeGraph& graph, const EventFilter& filter, VertexId from,
                 VertexId to) {
  // Dates are interned: parse each distinct date string once.
  std::unordered_map<StrId, std::int32_t> seen;
  Newest n;
  for (VertexId v = from; v < to; ++v) {
    if (graph.kind(v) != VertexKind::event) continue;
    const VertexData& d = graph.vertex(v);
    if (d.date == 0) continue;
    if (filter.active() && !filter.keep(graph, v)) continue;
    auto [it, inserted] = seen.emplace(d.date, INT32_MIN);
    if (inserted)
      if (auto days = edtf_days(graph.str(d.date))) it->second = days->last;
    if (it->second == INT32_MIN) continue;
    if (!n.any || it->second > *n.any) n.any = it->second;
    bool happened = d.status == Status::occurred || d.status == Status::ongoing;
    if (happened && (!n.happened || it->second > *n.happened)) n.happened = it->second;
  }
  return n;
}

}  // namespace

std::optional<std::int32_t> newest_event_day(const KnowledgeGraph& graph,
                                             const EventFilter& filter) {
  if (!filter.active())
    if (const GraphSummary* sum = graph.summary()) return sum->newest_day;
  // Two halves side by side (a maximum does not depend on the order).
  const auto nv = static_cast<VertexId>(graph.vertex_count());
  const VertexId mid = nv / 2;
  auto second_half = [&] { return newest_in(graph, filter, mid, nv); };
  std::future<Newest> second;
  try {
    second = std::async(nv >= 65536 ? std::launch::async : std::launch::deferred, second_half);
  } catch (const std::system_error&) {  // no thread to be had: in turn
    second = std::async(std::launch::deferred, second_half);
  }
  Newest n = newest_in(graph, filter, 0, mid);
  const Newest b = second.get();
  auto later = [](std::optional<std::int32_t> x, std::optional<std::int32_t> y) {
    return !x ? y : !y ? x : std::max(x, y);
  };
  n.any = later(n.any, b.any);
  n.happened = later(n.happened, b.happened);
  return n.happened ? n.happened : n.any;
}

namespace {

double weight_of(const VertexData& d, const std::optional<DayRange>& days,
                 std::optional<std::int32_t> reference_day, double half_life_days) {
  return fact_weight(d.status, d.confidence, d.mentions, days, reference_day, half_life_days);
}

// The partners of country `x` read from the ties its snapshot stored, with
// their stored strengths: the walk's answer, without the walk over x's
// events. nullopt unless the stored numbers are the ones asked for (no
// filter, the default half-life, the stored reference day, the default
// tally rule). Each stored strength sums the tie's events in graph order,
// as the walk does, so the numbers are the same to the last bit.
std::optional<std::vector<Neighbor>> stored_neighbors(const KnowledgeGraph& graph, VertexId x,
                                                      const NeighborOptions& options,
                                                      std::optional<std::int32_t> ref) {
  const auto& stored = graph.impl().country_view;
  const GraphSummary* sum = graph.summary();
  if (!stored || !stored->strengths || !sum || graph.kind(x) != VertexKind::country ||
      options.filter.active() || options.half_life_days != kDefaultHalfLifeDays ||
      ref != sum->newest_day || counting_unrealized())
    return std::nullopt;
  std::vector<Neighbor> out;
  for (std::size_t i = 0; i < stored->tie_count; ++i) {
    const detail::TieRecord& t = stored->ties[i];
    if (t.a != x && t.b != x) continue;
    Neighbor& n = out.emplace_back();
    n.country = t.a == x ? t.b : t.a;
    n.strength = stored->strengths[i];
    n.tone.count = t.count;
    n.tone.happened = t.happened;
    std::copy(std::begin(t.by_tone), std::end(t.by_tone), n.tone.by_tone);
    std::copy(std::begin(t.by_quad), std::end(t.by_quad), n.tone.by_quad);
    n.tone.goldstein_sum = t.goldstein_sum;
    n.tone.a_to_b = t.a == x ? t.a_to_b : t.b_to_a;  // x acting on the partner
    n.tone.b_to_a = t.a == x ? t.b_to_a : t.a_to_b;
    n.tone.first_date = t.first_date;
    n.tone.last_date = t.last_date;
  }
  return out;
}

void sort_neighbors(std::vector<Neighbor>& out) {
  std::sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    if (a.tone.count != b.tone.count) return a.tone.count > b.tone.count;
    return a.country < b.country;
  });
}

}  // namespace

double event_weight(const KnowledgeGraph& graph, VertexId ev,
                    std::optional<std::int32_t> reference_day, double half_life_days) {
  const VertexData& d = graph.vertex(ev);
  return weight_of(d, edtf_days(graph.str(d.date)), reference_day, half_life_days);
}

std::vector<Neighbor> find_neighbors(const KnowledgeGraph& graph, VertexId x,
                                     const NeighborOptions& options) {
  if (graph.kind(x) == VertexKind::event)
    throw Error(fmt::format("neighbors: {} is an event, not an entity", describe(graph, x)));
  if (!(options.half_life_days > 0)) throw Error("neighbors: the half-life must be positive");
  std::optional<std::int32_t> ref =
      options.reference_day ? options.reference_day : newest_event_day(graph, options.filter);
  if (auto out = stored_neighbors(graph, x, options, ref)) {
    sort_neighbors(*out);
    return std::move(*out);
  }
  VertexId own = CountryView::country_of(graph, x);
  const bool x_country = graph.kind(x) == VertexKind::country;
  const auto& g = graph.impl().g;

  struct Side {
    VertexId country;
    bool source, target;
  };
  struct Part {  // the partners of a run of x's events
    std::vector<Neighbor> out;
    std::unordered_map<VertexId, std::uint32_t> slot;  // partner -> index in out
  };
  // x's events, filtered in the walk: the filter reads the record the walk
  // reads next, so each record is loaded once.
  const std::vector<VertexId> evs = events_of(graph, x, EventFilter{});
  const bool filtered = options.filter.active();
  auto walk = [&](std::size_t from, std::size_t to, Part& part) {
    std::vector<Side> partners;
    std::unordered_map<StrId, std::optional<DayRange>> date_days;
    StrId date_id = 0;
    const std::optional<DayRange>* days_of_date = nullptr;
    for (std::size_t i = from; i < to; ++i) {
      const VertexId ev = evs[i];
      if (filtered && !options.filter.keep(graph, ev)) continue;
      partners.clear();
      bool x_src = false, x_tgt = false;
      for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
        EdgeKind k = g[*it].kind;
        if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
        auto p = static_cast<VertexId>(boost::source(*it, g));
        // counts_for and CountryView::country_of, inlined: this loop is the whole cost.
        const VertexData& pd = g[p];
        VertexId c = pd.kind == VertexKind::country ? p
                     : pd.kind == VertexKind::person || pd.kind == VertexKind::organization
                         ? pd.home
                         : kNoVertex;
        if (p == x || (x_country && pd.kind != VertexKind::country && c == x)) {
          x_src |= k == EdgeKind::source;
          x_tgt |= k == EdgeKind::target;
          continue;
        }
        if (c == kNoVertex || c == own) continue;
        auto s = std::find_if(partners.begin(), partners.end(),
                              [&](const Side& y) { return y.country == c; });
        if (s == partners.end()) s = partners.insert(partners.end(), Side{c, false, false});
        s->source |= k == EdgeKind::source;
        s->target |= k == EdgeKind::target;
      }
      if (partners.empty()) continue;
      const VertexData& d = graph.vertex(ev);
      if (d.date != date_id || !days_of_date) {  // dates are interned: parse each one once
        auto it = date_days.find(d.date);
        if (it == date_days.end()) it = date_days.emplace(d.date, edtf_days(graph.str(d.date))).first;
        date_id = d.date;
        days_of_date = &it->second;
      }
      const std::optional<DayRange>& days = *days_of_date;
      double w = weight_of(d, days, ref, options.half_life_days);
      for (const Side& s : partners) {
        auto [at, fresh] = part.slot.try_emplace(s.country, static_cast<std::uint32_t>(part.out.size()));
        if (fresh) {
          part.out.emplace_back();
          part.out.back().country = s.country;
        }
        Neighbor& n = part.out[at->second];
        n.strength += w;
        n.tone.add(graph, ev, days);
        n.tone.a_to_b += x_src && s.target;
        n.tone.b_to_a += s.source && x_tgt;
      }
    }
  };
  // A long walk goes in two halves side by side, the second half's sums
  // added to the first's. The halves depend on the number of events only,
  // never on the threads at hand, so the answer is the same on any machine.
  constexpr std::size_t kSplitAt = 1 << 16;
  const std::size_t mid = evs.size() >= kSplitAt ? evs.size() / 2 : evs.size();
  Part first, second;
  std::future<void> later;
  if (mid < evs.size()) {
    auto run = [&] { walk(mid, evs.size(), second); };
    try {
      later = std::async(std::launch::async, run);
    } catch (const std::system_error&) {  // no thread to be had: in turn
      later = std::async(std::launch::deferred, run);
    }
  }
  walk(0, mid, first);
  if (later.valid()) later.get();
  std::vector<Neighbor> out = std::move(first.out);
  for (const Neighbor& n : second.out) {
    auto it = first.slot.find(n.country);
    if (it == first.slot.end()) {
      out.push_back(n);
      continue;
    }
    out[it->second].strength += n.strength;
    out[it->second].tone.merge(n.tone);
  }
  sort_neighbors(out);
  return out;
}

}  // namespace dipgraph
