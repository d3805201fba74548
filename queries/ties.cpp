// Tie queries: collect the candidate events from the cheaper side, then read
// each event's parties once to see which count for A and which for B.
#include "queries/ties.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "graph/fact_json.hpp"

namespace dipgraph {

namespace {

bool is_party_edge(EdgeKind k) {
  return k == EdgeKind::participant || k == EdgeKind::source || k == EdgeKind::target;
}

// Parses "YYYY-MM-DD" as produced by edtf_day_bounds.
std::int32_t parse_day(const std::string& s) {
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int last = m == 2 ? (leap ? 29 : 28) : kDays[m - 1];
  return days_from_civil(y, m, std::min(d, last));
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

// How many party edges the members of x have: the cost of walking its events.
std::size_t party_edge_count(const KnowledgeGraph& graph, VertexId x) {
  std::size_t n = 0;
  const auto& g = graph.impl().g;
  for (VertexId m : members_of(graph, x)) n += boost::out_degree(m, g);
  return n;
}

// Sort key of an event for "newest first": (last day, first day), undated lowest.
std::pair<std::int32_t, std::int32_t> recency_key(const KnowledgeGraph& graph, VertexId ev) {
  auto days = edtf_days(graph.str(graph.vertex(ev).date));
  if (!days) return {INT32_MIN, INT32_MIN};
  return {days->last, days->first};
}

}  // namespace

// Howard Hinnant's days_from_civil.
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

std::string civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::optional<DayRange> edtf_days(std::string_view date) {
  if (date.empty()) return std::nullopt;
  auto [lo, hi] = edtf_day_bounds(date);
  if (lo.empty()) return std::nullopt;
  return DayRange{parse_day(lo), parse_day(hi)};
}

bool EventFilter::active() const {
  return !since.empty() || !until.empty() || !types.empty() || !statuses.empty() ||
         min_confidence > 0;
}

bool EventFilter::keep(const KnowledgeGraph& graph, VertexId ev) const {
  const VertexData& d = graph.vertex(ev);
  if (d.confidence < min_confidence) return false;
  if (!types.empty() &&
      std::find(types.begin(), types.end(), graph.str(d.type)) == types.end())
    return false;
  if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), d.status) == statuses.end())
    return false;
  if (!since.empty() || !until.empty()) {
    auto days = edtf_days(graph.str(d.date));
    if (!days) return false;
    auto bound = [](const std::string& s, const char* flag) {
      auto b = edtf_days(s);
      if (!b) throw Error(fmt::format("{} \"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", flag, s));
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
    case TieDirection::mutual: return "mutual";
    case TieDirection::a_to_b: return "a_to_b";
    case TieDirection::b_to_a: return "b_to_a";
    case TieDirection::both: return "both";
  }
  return "mutual";
}

void ToneSummary::add(const KnowledgeGraph& graph, VertexId ev) {
  const VertexData& d = graph.vertex(ev);
  ++count;
  ++by_quad[d.quad_class <= 4 ? d.quad_class : 0];
  goldstein_sum += d.goldstein;
  if (auto days = edtf_days(graph.str(d.date))) {
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

Ties find_ties(const KnowledgeGraph& graph, VertexId a, VertexId b, const EventFilter& filter) {
  if (a == b) throw Error(fmt::format("ties: A and B are the same entity, {}", describe(graph, a)));
  for (VertexId v : {a, b})
    if (graph.kind(v) == VertexKind::event)
      throw Error(fmt::format("ties: {} is an event, not an entity", describe(graph, v)));
  Ties out;
  out.a = a;
  out.b = b;
  // Walk the events of the side with fewer party edges.
  bool from_a = party_edge_count(graph, a) <= party_edge_count(graph, b);
  const auto& g = graph.impl().g;
  std::map<StrId, std::size_t> group_of;
  for (VertexId ev : candidate_events(graph, from_a ? a : b)) {
    if (filter.active() && !filter.keep(graph, ev)) continue;
    TieFact f;
    f.event = ev;
    bool a_src = false, a_tgt = false, b_src = false, b_tgt = false;
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (!is_party_edge(k)) continue;
      auto p = static_cast<VertexId>(boost::source(*it, g));
      if (counts_for(graph, p, a)) {
        f.a_parties.push_back(p);
        a_src |= k == EdgeKind::source;
        a_tgt |= k == EdgeKind::target;
      }
      if (counts_for(graph, p, b)) {
        f.b_parties.push_back(p);
        b_src |= k == EdgeKind::source;
        b_tgt |= k == EdgeKind::target;
      }
    }
    // One party counting for both sides (a minister and their own country)
    // does not tie them: a distinct party is needed on the other side.
    bool distinct = false;
    for (VertexId pa : f.a_parties)
      for (VertexId pb : f.b_parties) distinct |= pa != pb;
    if (!distinct) continue;
    bool ab = a_src && b_tgt, ba = b_src && a_tgt;
    f.direction = ab && ba ? TieDirection::both
                  : ab     ? TieDirection::a_to_b
                  : ba     ? TieDirection::b_to_a
                           : TieDirection::mutual;
    out.summary.add(graph, ev);
    out.summary.a_to_b += ab;
    out.summary.b_to_a += ba;
    StrId type = graph.vertex(ev).type;
    auto [it, inserted] = group_of.emplace(type, out.groups.size());
    if (inserted) out.groups.push_back(TieGroup{type, {}});
    out.groups[it->second].facts.push_back(std::move(f));
  }
  for (TieGroup& grp : out.groups) {
    std::vector<std::pair<std::pair<std::int32_t, std::int32_t>, std::size_t>> keys;
    keys.reserve(grp.facts.size());
    for (std::size_t i = 0; i < grp.facts.size(); ++i)
      keys.emplace_back(recency_key(graph, grp.facts[i].event), i);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<TieFact> sorted;
    sorted.reserve(keys.size());
    for (const auto& k : keys) sorted.push_back(std::move(grp.facts[k.second]));
    grp.facts = std::move(sorted);
  }
  std::sort(out.groups.begin(), out.groups.end(), [&](const TieGroup& x, const TieGroup& y) {
    if (x.facts.size() != y.facts.size()) return x.facts.size() > y.facts.size();
    return graph.str(x.type) < graph.str(y.type);
  });
  return out;
}

}  // namespace dipgraph
