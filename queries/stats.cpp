// Graph statistics: the graph's summary (stored in its snapshot, or computed:
// graph/graph_summary.hpp) put in display order.
#include "queries/stats.hpp"

#include <algorithm>
#include <future>
#include <optional>
#include <system_error>
#include <unordered_map>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "graph/graph_summary.hpp"
#include "graph/tie_tally.hpp"

namespace dipgraph {

namespace {

// Fills the fact-derived part of `s` from `sum`.
void fill(const KnowledgeGraph& graph, const GraphSummary* sum, std::size_t top, GraphStats& s) {
  for (const auto& [type, n] : sum->by_type)
    s.by_type.emplace_back(std::string(graph.str(type)), n);
  std::sort(s.by_type.begin(), s.by_type.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::copy(std::begin(sum->by_status), std::end(sum->by_status), s.by_status);
  std::copy(std::begin(sum->by_quad), std::end(sum->by_quad), s.by_quad);
  s.articles = sum->articles;
  s.mentions = sum->mentions;
  s.dated = sum->dated;
  s.first_date = sum->first_date;
  s.last_date = sum->last_date;
  s.ties = sum->ties;
  std::vector<CountryDegree> all;
  for (const auto& c : sum->countries) all.push_back({c.country, c.partners, c.tie_facts});
  auto better = [](const CountryDegree& a, const CountryDegree& b) {
    if (a.partners != b.partners) return a.partners > b.partners;
    if (a.events != b.events) return a.events > b.events;
    return a.country < b.country;
  };
  std::sort(all.begin(), all.end(), better);
  if (all.size() > top) all.resize(top);
  s.top_countries = std::move(all);
}

// The kept events' summary and the ties among them: how many, and each
// country's partners.
struct KeptTies {
  GraphSummary summary;
  std::size_t ties = 0;
  std::unordered_map<VertexId, std::uint32_t> partners;
};

}  // namespace

GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top) {
  GraphStats s;
  s.vertices = graph.vertex_count();
  s.edges = graph.edge_count();
  for (int k = 0; k < kVertexKindCount; ++k) s.by_kind[k] = graph.count(static_cast<VertexKind>(k));
  // A snapshot's graph carries its summary; any other is summarized here.
  if (const GraphSummary* sum = graph.summary()) {
    fill(graph, sum, top, s);
  } else {
    GraphSummary own = summarize_graph(graph, CountryView(graph));
    fill(graph, &own, top, s);
  }
  return s;
}

GraphStats graph_stats(const KnowledgeGraph& graph, const std::vector<char>& kept,
                       std::size_t top) {
  GraphStats s;
  const auto& g = graph.impl().g;
  const std::size_t nv = graph.vertex_count();
  // The summary of the kept events and their ties (for each country, how
  // many partners it keeps), on a second thread while this one counts the
  // kept graph's vertices and edges. A snapshot's stored ties (by the
  // default tally rule) list their events: a tie is kept when one of its
  // events is, a pass over those lists; else the country view of the kept
  // events, a pass over their parties.
  // (The pass over the stored ties' lists is this thread's, after its
  // count: the summary is the longer half.)
  const auto& stored = graph.impl().country_view;
  const bool stored_ties = stored && !counting_unrealized();
  auto keep_stored_ties = [&](KeptTies& out) {
    std::uint64_t begin = 0;
    for (std::size_t i = 0; i < stored->tie_count; ++i) {
      const detail::TieRecord& r = stored->ties[i];
      const VertexId* ev = stored->events_at(begin, r.events_end);
      const VertexId* end = ev + (r.events_end - begin);
      begin = r.events_end;
      if (std::none_of(ev, end, [&](VertexId e) { return kept[e] != 0; })) continue;
      ++out.ties, ++out.partners[r.a], ++out.partners[r.b];
    }
  };
  auto keep_ties = [&] {
    KeptTies out;
    out.summary = summarize_events(graph, &kept);
    if (stored_ties) return out;
    const CountryView view(graph, &kept);
    out.ties = view.ties().size();
    for (const CountryTie& t : view.ties()) ++out.partners[t.a], ++out.partners[t.b];
    return out;
  };
  std::future<KeptTies> ties;  // and the summary
  try {
    ties = std::async(std::launch::async, keep_ties);
  } catch (const std::system_error&) {  // no thread to be had: in turn
    ties = std::async(std::launch::deferred, keep_ties);
  }
  // In the graph of the kept facts: the kept events, what they name, and
  // the countries and organizations those link to (people's and places'
  // countries, memberships).
  std::vector<char> in(nv, 0);
  for (VertexId ev = 0; ev < nv; ++ev) {
    if (!kept[ev] || graph.kind(ev) != VertexKind::event) continue;  // flags, not records
    in[ev] = 1;
    detail::for_each_neighbor(g, ev, [&](VertexId other, EdgeKind k, bool outgoing) {
      in[other] = 1;
      // A party's edge into a kept event (an event's in-edges are all its
      // parties'): counted here, from the event, not from the party's
      // millions of out-edges.
      s.edges += !outgoing && k <= EdgeKind::target;
    });
  }
  for (VertexId v = 0; v < nv; ++v)
    if (in[v] && graph.kind(v) != VertexKind::event)
      for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
        EdgeKind k = g[*it].kind;
        if (k == EdgeKind::represents || k == EdgeKind::in || k == EdgeKind::member_of)
          in[boost::target(*it, g)] = 1;
      }
  for (VertexId v = 0; v < nv; ++v) {
    if (!in[v]) continue;
    ++s.vertices;
    const VertexKind kind = graph.kind(v);
    const bool v_event = kind == VertexKind::event;
    ++s.by_kind[static_cast<int>(kind)];
    // An edge of an event counts with its event; an entity's edge to an
    // entity when both ends are in (its edges to events: counted above).
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (!v_event && g[*it].kind <= EdgeKind::target) continue;
      if (in[boost::target(*it, g)] && (!v_event || kept[v])) ++s.edges;
    }
  }
  KeptTies from_stored;
  if (stored_ties) keep_stored_ties(from_stored);
  KeptTies kt = ties.get();
  if (stored_ties) kt.ties = from_stored.ties, kt.partners = std::move(from_stored.partners);
  GraphSummary& sum = kt.summary;
  for (GraphSummary::Country& c : sum.countries) {
    auto p = kt.partners.find(c.country);
    c.partners = p == kt.partners.end() ? 0 : p->second;
  }
  sum.ties = kt.ties;
  fill(graph, &sum, top, s);
  return s;
}

}  // namespace dipgraph
