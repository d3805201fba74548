// Tie queries: collect the candidate events from the cheaper side, then read
// each event's parties once to see which count for A and which for B.
#include "queries/ties.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "graph/fact_json.hpp"
#include "graph/snapshot.hpp"

namespace dipgraph {

namespace {

bool is_party_edge(EdgeKind k) {
  return k == EdgeKind::participant || k == EdgeKind::source || k == EdgeKind::target;
}


// The parties of `x`: x itself and, for a country, the people and national
// bodies representing it.
std::vector<VertexId> members_of(const KnowledgeGraph& graph, VertexId x) {
  std::vector<VertexId> out{x};
  if (graph.kind(x) != VertexKind::country) return out;
  const auto& g = graph.impl().g;
  for (auto [it, end] = boost::in_edges(x, g); it != end; ++it) {
    if (g[*it].kind != EdgeKind::represents) continue;
    auto p = static_cast<VertexId>(boost::source(*it, g));
    if (CountryView::country_of(graph, p) == x) out.push_back(p);
  }
  return out;
}

// Candidate events of `x` (unfiltered, ascending, unique) and the number of
// party edges read to find them.
std::vector<VertexId> candidate_events(const KnowledgeGraph& graph, VertexId x) {
  const auto& g = graph.impl().g;
  std::vector<VertexId> out;
  for (VertexId m : members_of(graph, x))
    for (auto [it, end] = boost::out_edges(m, g); it != end; ++it)
      if (is_party_edge(g[*it].kind)) out.push_back(static_cast<VertexId>(boost::target(*it, g)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Out-edges of the members of x: the cost of walking its events.
std::size_t out_edge_count(const KnowledgeGraph& graph, const std::vector<VertexId>& members) {
  std::size_t n = 0;
  for (VertexId m : members) n += boost::out_degree(m, graph.impl().g);
  return n;
}

// Vertices that may be events of both a and b, ascending (the caller checks
// each one's parties). Two strategies, by cost: when one side is much
// smaller, its own events (each is then read whole); otherwise the targets
// of both sides' out-edges intersected through a bitmap, which reads only
// the members' out-edge lists, sequentially.
std::vector<VertexId> shared_candidates(const KnowledgeGraph& graph, VertexId a, VertexId b) {
  const auto& g = graph.impl().g;
  // Two countries of a graph read from its snapshot: the stored tie's events
  // are exactly the events with parties of both (graph/country_view.hpp).
  if (const auto& stored = graph.impl().country_view;
      stored && g[a].kind == VertexKind::country && g[b].kind == VertexKind::country) {
    const detail::TieRecord* ties = stored->ties;
    const std::pair key(std::min(a, b), std::max(a, b));
    const detail::TieRecord* t = std::lower_bound(
        ties, ties + stored->tie_count, key,
        [](const detail::TieRecord& r, const std::pair<VertexId, VertexId>& k) {
          return std::pair(r.a, r.b) < k;
        });
    if (t == ties + stored->tie_count || std::pair(t->a, t->b) != key) return {};
    const std::uint64_t begin = t == ties ? 0 : t[-1].events_end;
    const VertexId* events = stored->events_at(begin, t->events_end);
    return {events, events + (t->events_end - begin)};
  }
  auto ma = members_of(graph, a), mb = members_of(graph, b);
  std::size_t da = out_edge_count(graph, ma), db = out_edge_count(graph, mb);
  // Reading an event's parties costs about 16 sequential out-edge entries.
  if (std::min(da, db) * 16 <= da + db) return candidate_events(graph, da <= db ? a : b);
  const auto& small = da <= db ? ma : mb;
  const auto& large = da <= db ? mb : ma;
  std::vector<std::uint64_t> marked(graph.vertex_count() / 64 + 1, 0);
  for (VertexId m : small)
    for (auto [it, end] = boost::out_edges(m, g); it != end; ++it) {
      auto t = boost::target(*it, g);
      marked[t >> 6] |= std::uint64_t{1} << (t & 63);
    }
  std::vector<VertexId> out;
  for (VertexId m : large)
    for (auto [it, end] = boost::out_edges(m, g); it != end; ++it) {
      auto t = boost::target(*it, g);
      std::uint64_t bit = std::uint64_t{1} << (t & 63);
      if (marked[t >> 6] & bit) {
        marked[t >> 6] &= ~bit;  // once
        out.push_back(static_cast<VertexId>(t));
      }
    }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool EventFilter::active() const {
  return !since.empty() || !until.empty() || !types.empty() || !statuses.empty() ||
         min_confidence > 0;
}

bool EventFilter::keep(const KnowledgeGraph& graph, VertexId ev) const {
  const VertexData& d = graph.vertex(ev);
  if (d.confidence < min_confidence) return false;
  if (!types.empty() && std::find(types.begin(), types.end(), graph.str(d.type)) == types.end())
    return false;
  if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), d.status) == statuses.end())
    return false;
  if (!since.empty() || !until.empty()) {
    auto days = edtf_days(graph.str(d.date));
    if (!days) return false;
    auto bound = [](const std::string& s, const char* flag) {
      auto b = edtf_days(s);
      if (!b)
        throw Error(fmt::format("{} \"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", flag, s));
      return *b;
    };
    if (!since.empty() && days->last < bound(since, "since").first) return false;
    if (!until.empty() && days->first > bound(until, "until").last) return false;
  }
  return true;
}

bool counts_for(const KnowledgeGraph& graph, VertexId p, VertexId x) {
  if (p == x) return true;
  return graph.kind(x) == VertexKind::country && graph.kind(p) != VertexKind::country &&
         CountryView::country_of(graph, p) == x;
}

std::vector<VertexId> events_of(const KnowledgeGraph& graph, VertexId x,
                                const EventFilter& filter) {
  auto events = candidate_events(graph, x);
  if (filter.active())
    events.erase(std::remove_if(events.begin(), events.end(),
                                [&](VertexId ev) { return !filter.keep(graph, ev); }),
                 events.end());
  return events;
}

std::string_view to_string(TieDirection d) {
  switch (d) {
    case TieDirection::mutual:
      return "mutual";
    case TieDirection::a_to_b:
      return "a_to_b";
    case TieDirection::b_to_a:
      return "b_to_a";
    case TieDirection::both:
      return "both";
  }
  return "mutual";
}

void ToneSummary::add(const KnowledgeGraph& graph, VertexId ev) {
  add(graph, ev, edtf_days(graph.str(graph.vertex(ev).date)));
}

void ToneSummary::add(const KnowledgeGraph& graph, VertexId ev,
                      const std::optional<DayRange>& days) {
  const VertexData& d = graph.vertex(ev);
  TieTally::add(graph.str(d.cameo), d.quad_class, d.goldstein, d.status);
  if (days) {
    if (first_date == 0 || days->first < first_day_) {
      first_date = d.date;
      first_day_ = days->first;
    }
    if (last_date == 0 || days->last > last_day_) {
      last_date = d.date;
      last_day_ = days->last;
    }
  }
}

void ToneSummary::merge(const ToneSummary& later) {
  count += later.count;
  happened += later.happened;
  for (int i = 0; i < 3; ++i) by_tone[i] += later.by_tone[i];
  for (int i = 0; i < 5; ++i) by_quad[i] += later.by_quad[i];
  goldstein_sum += later.goldstein_sum;
  a_to_b += later.a_to_b;
  b_to_a += later.b_to_a;
  if (later.first_date != 0 && (first_date == 0 || later.first_day_ < first_day_)) {
    first_date = later.first_date;
    first_day_ = later.first_day_;
  }
  if (later.last_date != 0 && (last_date == 0 || later.last_day_ > last_day_)) {
    last_date = later.last_date;
    last_day_ = later.last_day_;
  }
}

Ties find_ties(const KnowledgeGraph& graph, VertexId a, VertexId b, const EventFilter& filter) {
  if (a == b) throw Error(fmt::format("ties: A and B are the same entity, {}", describe(graph, a)));
  for (VertexId v : {a, b})
    if (graph.kind(v) == VertexKind::event)
      throw Error(fmt::format("ties: {} is an event, not an entity", describe(graph, v)));
  Ties out;
  out.a = a;
  out.b = b;
  const auto& g = graph.impl().g;
  // counts_for, inlined on the Boost graph: this loop is the whole cost.
  bool a_country = g[a].kind == VertexKind::country, b_country = g[b].kind == VertexKind::country;
  auto counts = [&](VertexId p, VertexId x, bool x_country) {
    if (p == x) return true;
    if (!x_country) return false;
    const VertexData& d = g[p];
    return (d.kind == VertexKind::person || d.kind == VertexKind::organization) && d.home == x;
  };
  std::vector<VertexId> pb;
  // Per group: (recency key, index into the group's facts), for sorting.
  using Key = std::pair<std::pair<std::int32_t, std::int32_t>, std::uint32_t>;
  std::vector<std::vector<Key>> keys;
  std::map<StrId, std::size_t> group_of;
  std::vector<VertexId> cands = shared_candidates(graph, a, b);
  check_event_blocks(graph, cands);  // what the loop and the caller's printing read, on two threads
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const VertexId ev = cands[i];
    // The records lie far apart: ask for one 16 candidates ahead.
    if (i + 16 < cands.size()) __builtin_prefetch(&g[cands[i + 16]]);
    const VertexData& e = g[ev];
    if (e.kind != VertexKind::event) continue;
    if (filter.active() && !filter.keep(graph, ev)) continue;
    TieFact f;
    f.event = ev;
    f.a_first = static_cast<std::uint32_t>(out.parties.size());
    pb.clear();
    bool a_src = false, a_tgt = false, b_src = false, b_tgt = false, distinct = false;
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      auto p = static_cast<VertexId>(boost::source(*it, g));
      bool for_a = counts(p, a, a_country), for_b = counts(p, b, b_country);
      if (!for_a && !for_b) continue;  // the edge record is read only for the parties that count
      EdgeKind k = g[*it].kind;
      if (!is_party_edge(k)) continue;
      if (for_a) {
        out.parties.push_back(p);
        a_src |= k == EdgeKind::source;
        a_tgt |= k == EdgeKind::target;
      }
      if (for_b) {
        pb.push_back(p);
        b_src |= k == EdgeKind::source;
        b_tgt |= k == EdgeKind::target;
      }
    }
    f.a_count = static_cast<std::uint32_t>(out.parties.size()) - f.a_first;
    // One party counting for both sides (a minister and their own country)
    // does not tie them: a distinct party is needed on the other side.
    for (std::uint32_t i = 0; i < f.a_count && !distinct; ++i)
      for (VertexId q : pb) distinct |= out.parties[f.a_first + i] != q;
    if (!distinct) {
      out.parties.resize(f.a_first);
      continue;
    }
    f.b_first = static_cast<std::uint32_t>(out.parties.size());
    f.b_count = static_cast<std::uint32_t>(pb.size());
    out.parties.insert(out.parties.end(), pb.begin(), pb.end());
    bool ab = a_src && b_tgt, ba = b_src && a_tgt;
    f.direction = ab && ba ? TieDirection::both
                  : ab     ? TieDirection::a_to_b
                  : ba     ? TieDirection::b_to_a
                           : TieDirection::mutual;
    auto days = edtf_days(graph.str(e.date));
    out.summary.add(graph, ev, days);
    out.summary.a_to_b += ab;
    out.summary.b_to_a += ba;
    auto [it, inserted] = group_of.emplace(e.type, out.groups.size());
    if (inserted) {
      out.groups.push_back(TieGroup{e.type, {}});
      keys.emplace_back();
    }
    auto key = days ? std::pair(days->last, days->first) : std::pair(INT32_MIN, INT32_MIN);
    keys[it->second].emplace_back(key,
                                  static_cast<std::uint32_t>(out.groups[it->second].facts.size()));
    out.groups[it->second].facts.push_back(f);
  }
  // Newest first inside each group; equal dates keep graph order.
  for (std::size_t gi = 0; gi < out.groups.size(); ++gi) {
    auto& k = keys[gi];
    std::stable_sort(k.begin(), k.end(),
                     [](const Key& x, const Key& y) { return x.first > y.first; });
    std::vector<TieFact> sorted;
    sorted.reserve(k.size());
    for (const Key& x : k) sorted.push_back(out.groups[gi].facts[x.second]);
    out.groups[gi].facts = std::move(sorted);
  }
  std::sort(out.groups.begin(), out.groups.end(), [&](const TieGroup& x, const TieGroup& y) {
    if (x.facts.size() != y.facts.size()) return x.facts.size() > y.facts.size();
    return graph.str(x.type) < graph.str(y.type);
  });
  return out;
}

}  // namespace dipgraph
