// Path queries: how two entities are tied (docs/graph.md, "Paths").
//
// Paths run over the knowledge graph taken as undirected (an edge can be
// walked either way) and are counted in hops: Pakistan -> railway project ->
// Uzbekistan is 2. The shortest path comes from a bidirectional BFS (it
// expands the smaller frontier, so a query between two hub countries touches
// only their own events). k > 1 gives the k shortest loopless paths (Yen's
// algorithm; two paths differ if their vertex sequences do). Among paths of
// equal length the one found first in graph order wins: results are
// deterministic for a given store, but no "better" tie is preferred (no
// weighting by mentions, dates or hub degree). The same queries run over the
// CountryView (countries as vertices, ties as edges).
//
// What a path may pass through is the caller's choice (restrict_to);
// path_mask gives the one `dipgraph path` uses: countries, organizations,
// people and events, not places (a city links unrelated events) and not
// the biggest hubs (an entity in a large share of all events ties
// everything to everything), unless asked (PathVia).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph {

// A path: vertices[0] = from, vertices.back() = to; edges[i] joins
// vertices[i] and vertices[i+1] as stored (its source may be either one).
struct Path {
  std::vector<VertexId> vertices;
  std::vector<EdgeRef> edges;
  std::size_t length() const { return edges.size(); }
};

// A path over the country view: ties[i] joins countries[i] and countries[i+1].
struct CountryPath {
  std::vector<VertexId> countries;
  std::vector<const CountryTie*> ties;
  std::size_t length() const { return ties.size(); }
};

// Reusable path search over one graph: keeps O(V) scratch between queries,
// so repeated queries cost only what they visit. Not thread-safe; use one
// per thread. The graph (and view) must outlive it.
class PathFinder {
 public:
  explicit PathFinder(const KnowledgeGraph& graph);
  ~PathFinder();
  PathFinder(PathFinder&&) noexcept;

  // Paths may only pass through vertices v with usable[v] != 0 (the ends
  // are exempt); nullptr (the default) allows all. `usable` must hold
  // vertex_count() entries and outlive the queries. Used to apply date,
  // type or status filters to event vertices without rebuilding the graph.
  void restrict_to(const std::vector<char>* usable) { usable_ = usable; }

  // Up to k shortest loopless paths from a to b, shortest first; empty if
  // b is unreachable (or k == 0). a == b gives one path of length 0.
  std::vector<Path> paths(VertexId from, VertexId to, std::size_t k = 1);
  // The same over the country view (from, to: country vertices with ties);
  // restrict_to applies to the countries passed through.
  std::vector<CountryPath> country_paths(const CountryView& view, VertexId from, VertexId to,
                                         std::size_t k = 1);

 private:
  struct Scratch;
  const KnowledgeGraph* graph_;
  const std::vector<char>* usable_ = nullptr;
  std::unique_ptr<Scratch> scratch_;
};

// What paths may pass through besides countries, organizations, people and
// events (the ends of a path are always allowed).
struct PathVia {
  bool places = false;  // place vertices
  bool hubs = false;    // the biggest hubs (path_hubs)
};

// An entity is a hub when it has at least kHubMinEdges edges and at least
// kHubShare × (number of events) of them: it takes part in (or is the topic,
// home or organization of) a large share of everything. A store of a few
// hundred facts has none; a million synthetic facts over 200 countries
// have a handful.
inline constexpr std::size_t kHubMinEdges = 100;
inline constexpr double kHubShare = 0.05;

// The hubs of `graph` (entities only, never events), most edges first.
std::vector<VertexId> path_hubs(const KnowledgeGraph& graph);

// The vertices paths may pass through: `usable` (vertex_count() entries, or
// empty for all) with places cleared unless via.places and `hubs` cleared
// unless via.hubs. The result always has vertex_count() entries.
std::vector<char> path_mask(const KnowledgeGraph& graph, std::vector<char> usable,
                            const PathVia& via, const std::vector<VertexId>& hubs);

// One-off helpers building a PathFinder.
std::vector<Path> shortest_paths(const KnowledgeGraph& graph, VertexId from, VertexId to,
                                 std::size_t k = 1);
std::vector<CountryPath> shortest_country_paths(const CountryView& view, VertexId from,
                                                VertexId to, std::size_t k = 1);

}  // namespace dipgraph
