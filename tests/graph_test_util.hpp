// describe_all: every observable of a KnowledgeGraph as text, for tests
// that compare two graphs (a snapshot read back, an extended snapshot)
// with the graph built from the facts.
#pragma once

#include <sstream>
#include <string>

#include "graph/country_view.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph::graph_test {

// Every observable of the graph, as text: vertices with all fields resolved
// to strings, their VertexFlags, edges seen from each end, counts,
// resolution of names.
inline std::string describe_all(const KnowledgeGraph& g) {
  std::ostringstream o;
  o << g.vertex_count() << " " << g.edge_count() << " " << g.stats().facts << " "
    << g.stats().events << " " << g.stats().duplicates << "\n";
  for (int k = 0; k < kVertexKindCount; ++k) o << g.count(static_cast<VertexKind>(k)) << " ";
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    const VertexData& d = g.vertex(v);
    o << "\n" << v << " " << g.str(d.id) << "|" << g.str(d.label) << "|" << to_string(d.kind) << "|"
      << int(d.quad_class) << "|" << to_string(d.status) << "|" << g.str(d.country) << "|"
      << g.str(d.role) << "|" << d.home << "|" << g.str(d.type) << "|" << g.str(d.cameo) << "|"
      << g.str(d.root) << "|" << g.str(d.date) << "|" << g.str(d.evidence) << "|"
      << g.str(d.article) << "|" << g.str(d.title) << "|" << g.str(d.url) << "|"
      << g.str(d.outlet) << "|" << g.str(d.published) << "|" << d.mentions << "|" << d.goldstein << "|" << d.confidence;
    for (const EdgeRef& e : g.edges_of(v)) o << " " << e.source << ">" << e.target << ":" << to_string(e.kind);
    o << " find=" << g.find(g.str(d.id)) << " flags=" << int(g.vertex_flags()[v]);
  }
  for (const char* q : {"PAK", "pakistan", "Overchuk", "country:pak", "SCO", "Belgium", "cote-d-ivoire",
                        "Côte d'Ivoire", "Moscow", "Atlantis"}) {
    Resolution r = g.resolve(q);
    o << "\n" << q << " -> " << int(r.outcome) << " " << r.vertex << " " << r.message;
  }
  // The country view: computed from a built graph, stored in a snapshot.
  CountryView view(g);
  for (const CountryTie& t : view.ties()) {
    o << "\ntie " << t.a << "-" << t.b << " " << t.count << " " << t.a_to_b << " " << t.b_to_a
      << " " << t.goldstein_sum << " " << g.str(t.first_date) << " " << g.str(t.last_date) << " q";
    for (std::uint32_t q : t.by_quad) o << q << ",";
    for (VertexId e : t.events) o << " " << e;
  }
  for (VertexId c : view.countries()) o << "\ncountry " << c << " " << view.ties_of(c).size();
  return o.str();
}


}  // namespace dipgraph::graph_test
