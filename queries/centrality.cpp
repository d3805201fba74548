// Centrality: copy the country view into a small Boost graph (dense indices
// 0..n-1 over view.countries()) and run Boost's algorithms on it.
#include "queries/centrality.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "graph/detail/boost_graph.hpp"

namespace dipgraph {

namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

constexpr double kDamping = 0.85;
constexpr int kPageRankIterations = 100;

// The view's ties as index pairs over view.countries().
std::vector<std::pair<std::size_t, std::size_t>> index_edges(const CountryView& view) {
  std::unordered_map<VertexId, std::size_t> index;
  const auto& cs = view.countries();
  for (std::size_t i = 0; i < cs.size(); ++i) index.emplace(cs[i], i);
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  edges.reserve(view.ties().size());
  for (const CountryTie& t : view.ties()) edges.emplace_back(index.at(t.a), index.at(t.b));
  return edges;
}

std::vector<double> pagerank(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Directed g(n);
  for (auto [a, b] : edges) {
    boost::add_edge(a, b, g);
    boost::add_edge(b, a, g);
  }
  std::vector<double> rank(n, 0.0);
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, g)),
                   boost::graph::n_iterations(kPageRankIterations), kDamping, n);
  // Boost iterates r = (1 - d) + d·M·r, whose fixed point sums to n.
  double sum = std::accumulate(rank.begin(), rank.end(), 0.0);
  if (sum > 0)
    for (double& r : rank) r /= sum;
  return rank;
}

std::vector<double> betweenness(std::size_t n,
                                const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Undirected g(n);
  for (auto [a, b] : edges) boost::add_edge(a, b, g);
  std::vector<double> c(n, 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(
             boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g))));
  // On an undirected graph Boost already counts each unordered pair once.
  return c;
}

}  // namespace

std::string_view to_string(Centrality c) {
  switch (c) {
    case Centrality::degree: return "degree";
    case Centrality::pagerank: return "pagerank";
    case Centrality::betweenness: return "betweenness";
  }
  return "degree";
}

std::optional<Centrality> parse_centrality(std::string_view s) {
  for (Centrality c : {Centrality::degree, Centrality::pagerank, Centrality::betweenness})
    if (s == to_string(c)) return c;
  return std::nullopt;
}

namespace {

// Scores and orders countries[i] (ascending vertex ids) given their ties as
// index pairs, partner counts and event counts.
std::vector<CentralityScore> rank_core(const std::vector<VertexId>& countries,
                                       const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                       const std::vector<std::size_t>& events, Centrality by) {
  std::size_t n = countries.size();
  std::vector<CentralityScore> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].country = countries[i];
    out[i].events = events[i];
  }
  for (auto [a, b] : edges) {
    ++out[a].degree;
    ++out[b].degree;
  }
  if (by == Centrality::degree) {
    for (auto& s : out) s.score = static_cast<double>(s.degree);
  } else {
    auto scores = by == Centrality::pagerank ? pagerank(n, edges) : betweenness(n, edges);
    for (std::size_t i = 0; i < n; ++i) out[i].score = scores[i];
  }
  std::sort(out.begin(), out.end(), [](const CentralityScore& a, const CentralityScore& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.degree != b.degree) return a.degree > b.degree;
    if (a.events != b.events) return a.events > b.events;
    return a.country < b.country;
  });
  return out;
}

}  // namespace

std::vector<CentralityScore> rank_countries(const CountryView& view, Centrality by) {
  const auto& cs = view.countries();
  std::vector<std::size_t> events(cs.size());
  std::vector<VertexId> evs;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    evs.clear();
    for (std::uint32_t t : view.ties_of(cs[i]))
      evs.insert(evs.end(), view.ties()[t].events.begin(), view.ties()[t].events.end());
    std::sort(evs.begin(), evs.end());
    events[i] = static_cast<std::size_t>(std::unique(evs.begin(), evs.end()) - evs.begin());
  }
  return rank_core(cs, index_edges(view), events, by);
}

std::vector<CentralityScore> rank_countries(const KnowledgeGraph& graph, Centrality by) {
  const auto& g = graph.impl().g;
  // Dense indices of all country vertices.
  std::vector<VertexId> all;
  std::vector<std::uint32_t> index(graph.vertex_count(), UINT32_MAX);
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (graph.kind(v) == VertexKind::country) {
      index[v] = static_cast<std::uint32_t>(all.size());
      all.push_back(v);
    }
  std::size_t n = all.size();
  // Which pairs are tied: a bit matrix for up to 4096 countries, else a hash set.
  bool dense = n <= 4096;
  std::vector<bool> matrix(dense ? n * n : 0);
  std::unordered_set<std::uint64_t> sparse;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> events(n, 0);
  std::vector<std::uint32_t> here;
  for (VertexId ev = 0; ev < graph.vertex_count(); ++ev) {
    if (graph.kind(ev) != VertexKind::event) continue;
    here.clear();
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
      VertexId c = CountryView::country_of(graph, static_cast<VertexId>(boost::source(*it, g)));
      if (c == kNoVertex) continue;
      std::uint32_t i = index[c];
      if (std::find(here.begin(), here.end(), i) == here.end()) here.push_back(i);
    }
    if (here.size() < 2) continue;
    for (std::uint32_t i : here) ++events[i];
    for (std::size_t x = 0; x < here.size(); ++x)
      for (std::size_t y = x + 1; y < here.size(); ++y) {
        std::size_t a = std::min(here[x], here[y]), b = std::max(here[x], here[y]);
        bool fresh = dense ? !matrix[a * n + b] : sparse.insert((std::uint64_t{a} << 32) | b).second;
        if (!fresh) continue;
        if (dense) matrix[a * n + b] = true;
        pairs.emplace_back(a, b);
      }
  }
  // The view's countries: those with a tie, ascending.
  std::vector<std::uint32_t> pos(n, UINT32_MAX);
  for (auto [a, b] : pairs) pos[a] = pos[b] = 0;
  std::vector<VertexId> countries;
  std::vector<std::size_t> counts;
  for (std::size_t i = 0; i < n; ++i)
    if (pos[i] == 0) {
      pos[i] = static_cast<std::uint32_t>(countries.size());
      countries.push_back(all[i]);
      counts.push_back(events[i]);
    }
  for (auto& [a, b] : pairs) {
    a = pos[a];
    b = pos[b];
  }
  return rank_core(countries, pairs, counts, by);
}

}  // namespace dipgraph
