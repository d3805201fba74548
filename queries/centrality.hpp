// Centrality: which countries are central in the country view
// (docs/queries.md, "rank").
//
// The country view (graph/country_view.hpp) taken as a simple undirected
// graph: countries as vertices, one edge per tie whatever its count. Three
// measures, computed with Boost.Graph:
//   degree       number of partner countries;
//   pagerank     boost::page_rank with damping 0.85, each tie an arc both
//                ways, 100 iterations, scaled to sum to 1 (as networkx);
//   betweenness  brandes_betweenness_centrality, unweighted: the number of
//                shortest paths between other pairs running through the
//                country, each unordered pair counted once (networkx's
//                betweenness_centrality(normalized=False)).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/country_view.hpp"

namespace dipgraph {

enum class Centrality { degree, pagerank, betweenness };
std::string_view to_string(Centrality c);
std::optional<Centrality> parse_centrality(std::string_view s);

struct CentralityScore {
  VertexId country = kNoVertex;
  double score = 0.0;
  std::size_t degree = 0;  // partner countries
  std::size_t events = 0;  // distinct events tying it to another country
};

// Every country of the view, highest score first; equal scores by more
// partners, then more events, then vertex order.
std::vector<CentralityScore> rank_countries(const CountryView& view, Centrality by);

// The same ranking straight from the graph: one pass over the events
// collecting only which countries are tied (no per-tie tallies), several
// times faster than building a CountryView first. What `dipgraph rank` uses.
std::vector<CentralityScore> rank_countries(const KnowledgeGraph& graph, Centrality by);

}  // namespace dipgraph
