// Centrality: copy the country view into a small Boost graph (dense indices
// 0..n-1 over view.countries()) and run Boost's algorithms on it.
#include "queries/centrality.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <numeric>
#include <unordered_map>

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

std::vector<CentralityScore> rank_countries(const CountryView& view, Centrality by) {
  const auto& cs = view.countries();
  std::size_t n = cs.size();
  std::vector<CentralityScore> out(n);
  std::vector<VertexId> events;
  for (std::size_t i = 0; i < n; ++i) {
    out[i].country = cs[i];
    const auto& ties = view.ties_of(cs[i]);
    out[i].degree = ties.size();
    events.clear();
    for (std::uint32_t t : ties)
      events.insert(events.end(), view.ties()[t].events.begin(), view.ties()[t].events.end());
    std::sort(events.begin(), events.end());
    out[i].events = static_cast<std::size_t>(std::unique(events.begin(), events.end()) - events.begin());
  }
  if (by == Centrality::degree) {
    for (auto& s : out) s.score = static_cast<double>(s.degree);
  } else {
    auto edges = index_edges(view);
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

}  // namespace dipgraph
