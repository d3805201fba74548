// Centrality: which countries are central in the country view
// (docs/queries.md, "rank").
//
// The country view (graph/country_view.hpp) taken as a simple undirected
// graph: countries as vertices, one edge per tie whatever its count. Each
// measure comes twice, unweighted (every tie counts the same) and weighted
// by the tie's strength, the weight `neighbors` and `export --countries`
// give it (queries/neighbors.hpp: Σ confidence × (1 + ln mentions) ×
// 2^(−age / half-life) over its facts); a tie of weight 0 is left out of
// the weighted measures. Each equals networkx's on the same graph:
//   degree       partner countries; weighted: strength, the sum of the tie
//                weights (networkx degree(weight=...));
//   pagerank     damping 0.85, each tie an arc both ways, 100 iterations,
//                scaled to sum to 1; weighted: a walker leaves a country
//                along a tie in proportion to its weight (pagerank);
//   betweenness  Boost's brandes_betweenness_centrality: the number of
//                shortest paths between other pairs running through the
//                country, each unordered pair counted once
//                (betweenness_centrality(normalized=False)); weighted: a
//                tie's length is 1 / weight, so strong ties are short;
//   eigenvector  the leading eigenvector of the adjacency matrix (weighted:
//                of the weights), by power iteration on A + I from a
//                uniform start, scaled to Euclidean length 1
//                (eigenvector_centrality); at most 1,000 iterations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/country_view.hpp"
#include "queries/neighbors.hpp"

namespace dipgraph {

enum class Centrality { degree, pagerank, betweenness, eigenvector };
std::string_view to_string(Centrality c);
std::optional<Centrality> parse_centrality(std::string_view s);
// "degree, pagerank, betweenness, eigenvector", for messages.
std::string_view centrality_list();

struct RankOptions {
  Centrality by = Centrality::degree;
  bool weighted = false;  // order by the weighted measure
  // Every measure (the default), or only `by`'s, unweighted and weighted
  // (degree and strength always): the others are then left 0.
  bool all_measures = true;
  // Tie weights: event_weight with this reference day (nullopt:
  // newest_event_day) and half-life (> 0), as `neighbors` weighs them.
  std::optional<std::int32_t> reference_day;
  double half_life_days = kDefaultHalfLifeDays;
};

// A country's scores: every measure, unweighted and weighted (unless
// RankOptions::all_measures is off).
struct CentralityScore {
  VertexId country = kNoVertex;
  double score = 0.0;      // the measure ranked by (weighted if asked)
  std::size_t degree = 0;  // partner countries
  std::size_t events = 0;  // distinct events tying it to another country
  double strength = 0.0;   // weighted degree
  double pagerank = 0.0, pagerank_weighted = 0.0;
  double betweenness = 0.0, betweenness_weighted = 0.0;
  double eigenvector = 0.0, eigenvector_weighted = 0.0;

  // The value of measure `c`, unweighted or weighted (degree: strength).
  double measure(Centrality c, bool weighted) const;
};

// Every country of the view, highest score first; equal scores by more
// partners, then more events, then vertex order. Throws Error if the
// half-life is not positive.
std::vector<CentralityScore> rank_countries(const CountryView& view,
                                            const RankOptions& options = {});

// The same ranking straight from the graph: one pass over the events
// collecting only which countries are tied and the tie weights (no other
// per-tie tallies), several times faster than building a CountryView
// first. What `dipgraph rank` uses.
std::vector<CentralityScore> rank_countries(const KnowledgeGraph& graph,
                                            const RankOptions& options = {});

// Shorthands ranking by `by`, unweighted, computing only `by`'s measure.
inline std::vector<CentralityScore> rank_countries(const CountryView& view, Centrality by) {
  RankOptions options;
  options.by = by;
  options.all_measures = false;
  return rank_countries(view, options);
}
inline std::vector<CentralityScore> rank_countries(const KnowledgeGraph& graph, Centrality by) {
  RankOptions options;
  options.by = by;
  options.all_measures = false;
  return rank_countries(graph, options);
}

}  // namespace dipgraph
