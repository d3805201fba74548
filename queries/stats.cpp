// Graph statistics: one pass over the vertices plus the country view.
#include "queries/stats.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "graph/country_view.hpp"
#include "graph/detail/boost_graph.hpp"
#include "queries/ties.hpp"

namespace dipgraph {

GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top) {
  GraphStats s;
  s.vertices = graph.vertex_count();
  s.edges = graph.edge_count();
  for (int k = 0; k < kVertexKindCount; ++k) s.by_kind[k] = graph.count(static_cast<VertexKind>(k));
  std::unordered_map<StrId, std::size_t> types;
  std::unordered_set<StrId> articles;
  std::unordered_map<StrId, DayRange> dates;  // distinct dates, parsed once
  std::int32_t first = 0, last = 0;
  for (VertexId v = 0; v < graph.vertex_count(); ++v) {
    const VertexData& d = graph.vertex(v);
    if (d.kind != VertexKind::event) continue;
    ++types[d.type];
    ++s.by_status[static_cast<int>(d.status)];
    ++s.by_quad[d.quad_class <= 4 ? d.quad_class : 0];
    if (d.article) articles.insert(d.article);
    s.mentions += static_cast<std::size_t>(std::max(0, d.mentions));
    if (d.date == 0) continue;
    auto it = dates.find(d.date);
    if (it == dates.end()) {
      auto days = edtf_days(graph.str(d.date));
      if (!days) continue;
      it = dates.emplace(d.date, *days).first;
    }
    ++s.dated;
    if (s.first_date == 0 || it->second.first < first) {
      s.first_date = d.date;
      first = it->second.first;
    }
    if (s.last_date == 0 || it->second.last > last) {
      s.last_date = d.date;
      last = it->second.last;
    }
  }
  s.articles = articles.size();
  for (auto& [type, n] : types) s.by_type.emplace_back(std::string(graph.str(type)), n);
  std::sort(s.by_type.begin(), s.by_type.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });

  // Tie facts per country: each event that ties two countries or more, once per country.
  const auto& g = graph.impl().g;
  std::unordered_map<VertexId, std::size_t> events;
  std::vector<VertexId> seen;
  for (VertexId ev = 0; ev < graph.vertex_count(); ++ev) {
    if (graph.kind(ev) != VertexKind::event) continue;
    seen.clear();
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
      VertexId c = CountryView::country_of(graph, static_cast<VertexId>(boost::source(*it, g)));
      if (c == kNoVertex || std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      seen.push_back(c);
    }
    // A fact of one country ties it to nobody: the same count as rank's tie facts.
    if (seen.size() >= 2)
      for (VertexId c : seen) ++events[c];
  }
  CountryView view(graph);
  s.ties = view.ties().size();
  std::vector<CountryDegree> all;
  for (auto& [c, n] : events) all.push_back({c, view.ties_of(c).size(), n});
  std::sort(all.begin(), all.end(), [](const CountryDegree& a, const CountryDegree& b) {
    if (a.partners != b.partners) return a.partners > b.partners;
    if (a.events != b.events) return a.events > b.events;
    return a.country < b.country;
  });
  if (all.size() > top) all.resize(top);
  s.top_countries = std::move(all);
  return s;
}

}  // namespace dipgraph
