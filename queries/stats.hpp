// Graph statistics: what a store holds (docs/queries.md, "stats").
//
// Counts of vertices by kind and edges, events by type and status, the
// articles cited, the span of event dates, and the countries with the most
// partners in the country view.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph {

struct CountryDegree {
  VertexId country = kNoVertex;
  std::size_t partners = 0;  // countries it shares at least one event with
  std::size_t events = 0;    // tie facts: events tying it to another country (as rank counts them)
};

struct GraphStats {
  std::size_t vertices = 0, edges = 0;
  std::size_t by_kind[kVertexKindCount] = {};                // indexed by VertexKind
  std::vector<std::pair<std::string, std::size_t>> by_type;  // most events first, then by name
  std::size_t by_status[6] = {};                             // indexed by Status
  std::size_t by_quad[5] = {};                               // [0] = unknown quad class
  std::size_t articles = 0;             // distinct articles of the events' first evidence sentences
  std::size_t mentions = 0;             // sum over events of the articles reporting them
  std::size_t dated = 0;                // events with a date
  StrId first_date = 0, last_date = 0;  // earliest / latest event date (0: none dated)
  std::size_t ties = 0;                 // country pairs sharing at least one event
  std::vector<CountryDegree>
      top_countries;  // most partners first, then most events, then vertex order
};

// Statistics of the whole graph; top_countries keeps the first `top`.
GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top = 10);

// Statistics of the events e with kept[e] != 0 (a mask of vertex_count()
// entries, e.g. cli's usable_vertices for --since, --type ...), as the graph
// of those facts alone gives them: the same counts of events, dates,
// articles, ties and top countries. Its vertices are the kept events, the
// entities they name (parties, places, topics) and the countries and
// organizations those entities link to; its edges, every edge among them
// except the party, place and topic edges of dropped events. (A graph built
// from the kept facts alone can differ in one corner: a link that only a
// dropped fact made, a person's country or a membership, is counted here.)
GraphStats graph_stats(const KnowledgeGraph& graph, const std::vector<char>& kept,
                       std::size_t top = 10);

}  // namespace dipgraph
