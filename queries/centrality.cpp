// Centrality: the country view as an indexed, weighted simple graph (dense
// indices 0..n-1 over its countries), then each measure on it: Boost's
// Brandes betweenness, and power iterations of our own for PageRank and
// eigenvector centrality (one code path for the unweighted and weighted
// forms: unweighted is every weight 1).
#include "queries/centrality.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "graph/detail/boost_graph.hpp"

namespace dipgraph {

namespace {

constexpr double kDamping = 0.85;
constexpr int kPageRankIterations = 100;
constexpr int kEigenvectorMaxIterations = 1000;
constexpr double kEigenvectorTolerance = 1e-12;  // per country, summed as networkx does

// The country view as a simple undirected graph over dense indices.
struct CountryNet {
  std::vector<VertexId> countries;                        // ascending
  std::vector<std::pair<std::size_t, std::size_t>> ties;  // index pairs
  std::vector<double> weights;                            // per tie
  std::vector<std::size_t> events;                        // per country
  std::size_t size() const { return countries.size(); }
};

// Power iteration of PageRank as Boost's page_rank runs it, r = (1 - d) +
// d·M·r, with M's column of u spread over u's ties by weight; scaled to sum
// to 1. `weights` null: every tie weighs 1.
std::vector<double> pagerank(const CountryNet& net, const std::vector<double>* weights) {
  std::size_t n = net.size();
  auto w = [&](std::size_t i) { return weights ? (*weights)[i] : 1.0; };
  std::vector<double> out_weight(n, 0.0);
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    out_weight[net.ties[i].first] += w(i);
    out_weight[net.ties[i].second] += w(i);
  }
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0.0), next(n);
  for (int it = 0; it < kPageRankIterations; ++it) {
    std::fill(next.begin(), next.end(), 1.0 - kDamping);
    for (std::size_t i = 0; i < net.ties.size(); ++i) {
      auto [a, b] = net.ties[i];
      if (!(w(i) > 0)) continue;
      next[b] += kDamping * rank[a] * w(i) / out_weight[a];
      next[a] += kDamping * rank[b] * w(i) / out_weight[b];
    }
    rank.swap(next);
  }
  // The fixed point sums to the number of countries with a tie.
  double sum = std::accumulate(rank.begin(), rank.end(), 0.0);
  if (sum > 0)
    for (double& r : rank) r /= sum;
  return rank;
}

// Boost's Brandes betweenness; weighted: Dijkstra with length 1 / weight.
std::vector<double> betweenness(const CountryNet& net, const std::vector<double>* weights) {
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                            boost::property<boost::edge_weight_t, double>>;
  std::size_t n = net.size();
  Graph g(n);
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    if (weights && !((*weights)[i] > 0)) continue;
    boost::add_edge(net.ties[i].first, net.ties[i].second, weights ? 1.0 / (*weights)[i] : 1.0, g);
  }
  std::vector<double> c(n, 0.0);
  auto centrality =
      boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g));
  // On an undirected graph Boost already counts each unordered pair once.
  if (weights)
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(centrality).weight_map(boost::get(boost::edge_weight, g)));
  else
    boost::brandes_betweenness_centrality(g, boost::centrality_map(centrality));
  return c;
}

// Power iteration on A + I from a uniform start, scaled to Euclidean length
// 1 after each step, until the scores move less than n × tolerance in sum
// (networkx's eigenvector_centrality, with a tighter tolerance).
std::vector<double> eigenvector(const CountryNet& net, const std::vector<double>* weights) {
  std::size_t n = net.size();
  auto w = [&](std::size_t i) { return weights ? (*weights)[i] : 1.0; };
  std::vector<double> x(n, n ? 1.0 / static_cast<double>(n) : 0.0), last(n);
  for (int it = 0; it < kEigenvectorMaxIterations; ++it) {
    last = x;
    for (std::size_t i = 0; i < net.ties.size(); ++i) {
      if (!(w(i) > 0)) continue;
      auto [a, b] = net.ties[i];
      x[b] += last[a] * w(i);
      x[a] += last[b] * w(i);
    }
    double norm = std::sqrt(std::inner_product(x.begin(), x.end(), x.begin(), 0.0));
    if (norm > 0)
      for (double& v : x) v /= norm;
    double moved = 0;
    for (std::size_t v = 0; v < n; ++v) moved += std::fabs(x[v] - last[v]);
    if (moved < static_cast<double>(n) * kEigenvectorTolerance) break;
  }
  return x;
}

// Scores every country of `net` and orders them.
std::vector<CentralityScore> rank_core(const CountryNet& net, const RankOptions& options) {
  std::size_t n = net.size();
  std::vector<CentralityScore> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].country = net.countries[i];
    out[i].events = net.events[i];
  }
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    auto [a, b] = net.ties[i];
    ++out[a].degree;
    ++out[b].degree;
    out[a].strength += net.weights[i];
    out[b].strength += net.weights[i];
  }
  struct Measure {
    Centrality which;
    std::vector<double> (*f)(const CountryNet&, const std::vector<double>*);
    double CentralityScore::*plain;
    double CentralityScore::*weighted;
  };
  for (const Measure& m :
       {Measure{Centrality::pagerank, pagerank, &CentralityScore::pagerank,
                &CentralityScore::pagerank_weighted},
        Measure{Centrality::betweenness, betweenness, &CentralityScore::betweenness,
                &CentralityScore::betweenness_weighted},
        Measure{Centrality::eigenvector, eigenvector, &CentralityScore::eigenvector,
                &CentralityScore::eigenvector_weighted}}) {
    if (!options.all_measures && m.which != options.by) continue;
    auto plain = m.f(net, nullptr);
    auto weighted = m.f(net, &net.weights);
    for (std::size_t i = 0; i < n; ++i) {
      out[i].*m.plain = plain[i];
      out[i].*m.weighted = weighted[i];
    }
  }
  for (auto& s : out) s.score = s.measure(options.by, options.weighted);
  std::sort(out.begin(), out.end(), [](const CentralityScore& a, const CentralityScore& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.degree != b.degree) return a.degree > b.degree;
    if (a.events != b.events) return a.events > b.events;
    return a.country < b.country;
  });
  return out;
}

void check_half_life(const RankOptions& options) {
  if (!(options.half_life_days > 0)) throw Error("rank: the half-life must be positive");
}

}  // namespace

std::string_view to_string(Centrality c) {
  switch (c) {
    case Centrality::degree:
      return "degree";
    case Centrality::pagerank:
      return "pagerank";
    case Centrality::betweenness:
      return "betweenness";
    case Centrality::eigenvector:
      return "eigenvector";
  }
  return "degree";
}

std::optional<Centrality> parse_centrality(std::string_view s) {
  for (Centrality c :
       {Centrality::degree, Centrality::pagerank, Centrality::betweenness, Centrality::eigenvector})
    if (s == to_string(c)) return c;
  return std::nullopt;
}

std::string_view centrality_list() { return "degree, pagerank, betweenness, eigenvector"; }

double CentralityScore::measure(Centrality c, bool weighted) const {
  switch (c) {
    case Centrality::degree:
      return weighted ? strength : static_cast<double>(degree);
    case Centrality::pagerank:
      return weighted ? pagerank_weighted : pagerank;
    case Centrality::betweenness:
      return weighted ? betweenness_weighted : betweenness;
    case Centrality::eigenvector:
      return weighted ? eigenvector_weighted : eigenvector;
  }
  return 0.0;
}

std::vector<CentralityScore> rank_countries(const CountryView& view, const RankOptions& options) {
  check_half_life(options);
  const KnowledgeGraph& graph = view.graph();
  auto ref = options.reference_day ? options.reference_day : newest_event_day(graph);
  CountryNet net;
  net.countries = view.countries();
  net.weights = tie_strengths(view, ref, options.half_life_days);
  std::unordered_map<VertexId, std::size_t> index;
  for (std::size_t i = 0; i < net.countries.size(); ++i) index.emplace(net.countries[i], i);
  for (const CountryTie& t : view.ties()) net.ties.emplace_back(index.at(t.a), index.at(t.b));
  std::vector<VertexId> evs;
  for (VertexId c : net.countries) {
    evs.clear();
    for (std::uint32_t t : view.ties_of(c))
      evs.insert(evs.end(), view.ties()[t].events.begin(), view.ties()[t].events.end());
    std::sort(evs.begin(), evs.end());
    net.events.push_back(
        static_cast<std::size_t>(std::unique(evs.begin(), evs.end()) - evs.begin()));
  }
  return rank_core(net, options);
}

std::vector<CentralityScore> rank_countries(const KnowledgeGraph& graph,
                                            const RankOptions& options) {
  check_half_life(options);
  auto ref = options.reference_day ? options.reference_day : newest_event_day(graph);
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
  // Which pairs are tied, as tie number + 1: a matrix for up to 1024
  // countries (4 MiB), else a hash map.
  bool dense = n <= 1024;
  std::vector<std::uint32_t> matrix(dense ? n * n : 0);
  std::unordered_map<std::uint64_t, std::uint32_t> sparse;
  CountryNet net;
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
    double w = event_weight(graph, ev, ref, options.half_life_days);
    for (std::uint32_t i : here) ++events[i];
    for (std::size_t x = 0; x < here.size(); ++x)
      for (std::size_t y = x + 1; y < here.size(); ++y) {
        std::size_t a = std::min(here[x], here[y]), b = std::max(here[x], here[y]);
        std::uint32_t& slot = dense ? matrix[a * n + b] : sparse[(std::uint64_t{a} << 32) | b];
        if (slot == 0) {
          net.ties.emplace_back(a, b);
          net.weights.push_back(0.0);
          slot = static_cast<std::uint32_t>(net.ties.size());
        }
        net.weights[slot - 1] += w;
      }
  }
  // The view's countries: those with a tie, ascending.
  std::vector<std::uint32_t> pos(n, UINT32_MAX);
  for (auto [a, b] : net.ties) pos[a] = pos[b] = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (pos[i] == 0) {
      pos[i] = static_cast<std::uint32_t>(net.countries.size());
      net.countries.push_back(all[i]);
      net.events.push_back(events[i]);
    }
  for (auto& [a, b] : net.ties) {
    a = pos[a];
    b = pos[b];
  }
  return rank_core(net, options);
}

}  // namespace dipgraph
