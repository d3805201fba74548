// Path search: a bidirectional BFS with blocked vertices and edges (stamped
// scratch arrays, no per-query O(V) clearing) and Yen's k-shortest loopless
// paths on top, generic over the adjacency (knowledge graph or country view).
#include "queries/paths.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "graph/detail/boost_graph.hpp"

namespace dipgraph {

struct PathFinder::Scratch {
  explicit Scratch(std::size_t n)
      : seen_s(n), seen_t(n), blocked(n), parent_s(n), parent_t(n), dist_s(n), dist_t(n) {}

  // Starts a new search: everything stamped before reads as unseen.
  void next_search() {
    if (++stamp == 0) {  // wrapped: clear for real
      std::fill(seen_s.begin(), seen_s.end(), 0);
      std::fill(seen_t.begin(), seen_t.end(), 0);
      stamp = 1;
    }
  }
  void next_blocking() {
    if (++block == 0) {
      std::fill(blocked.begin(), blocked.end(), 0);
      block = 1;
    }
    blocked_edges.clear();
  }
  static std::uint64_t pair_key(VertexId u, VertexId w) {
    if (u > w) std::swap(u, w);
    return (std::uint64_t{u} << 32) | w;
  }
  bool edge_blocked(VertexId u, VertexId w) const {
    return !blocked_edges.empty() && blocked_edges.count(pair_key(u, w));
  }

  // Shortest path from s to t avoiding blocked vertices and edges, as a
  // vertex sequence; empty if none. nbrs(u, f) calls f(w) per neighbour.
  template <class Nbrs>
  std::vector<VertexId> bfs(VertexId s, VertexId t, Nbrs&& nbrs) {
    if (s == t) return {s};
    next_search();
    seen_s[s] = stamp;
    seen_t[t] = stamp;
    dist_s[s] = dist_t[t] = 0;
    front_s.assign(1, s);
    front_t.assign(1, t);
    VertexId meet = kNoVertex;
    while (!front_s.empty() && !front_t.empty() && meet == kNoVertex) {
      bool from_s = front_s.size() <= front_t.size();
      auto& front = from_s ? front_s : front_t;
      auto& seen = from_s ? seen_s : seen_t;
      auto& other = from_s ? seen_t : seen_s;
      auto& parent = from_s ? parent_s : parent_t;
      auto& dist = from_s ? dist_s : dist_t;
      next.clear();
      // The first meeting is a shortest path: no vertex was in both balls
      // before this level, so every meeting of this level has the same length.
      for (VertexId u : front) {
        nbrs(u, [&](VertexId w) {
          if (meet != kNoVertex || seen[w] == stamp || blocked[w] == block || edge_blocked(u, w))
            return;
          seen[w] = stamp;
          parent[w] = u;
          dist[w] = dist[u] + 1;
          if (other[w] == stamp) meet = w;
          next.push_back(w);
        });
        if (meet != kNoVertex) break;
      }
      front.swap(next);
    }
    if (meet == kNoVertex) return {};
    std::vector<VertexId> path;
    for (VertexId v = meet; v != s; v = parent_s[v]) path.push_back(v);
    path.push_back(s);
    std::reverse(path.begin(), path.end());
    for (VertexId v = meet; v != t;) {
      v = parent_t[v];
      path.push_back(v);
    }
    return path;
  }

  // Yen's algorithm over vertex sequences.
  template <class Nbrs>
  std::vector<std::vector<VertexId>> yen(VertexId s, VertexId t, std::size_t k, Nbrs&& nbrs) {
    std::vector<std::vector<VertexId>> found;
    if (k == 0) return found;
    next_blocking();
    auto first = bfs(s, t, nbrs);
    if (first.empty()) return found;
    found.push_back(std::move(first));
    std::set<std::vector<VertexId>> known{found.front()};
    std::vector<std::vector<VertexId>> candidates;  // in discovery order
    while (found.size() < k) {
      const std::vector<VertexId> prev = found.back();
      for (std::size_t i = 0; i + 1 < prev.size(); ++i) {
        next_blocking();
        for (const auto& p : found)
          if (p.size() > i + 1 && std::equal(prev.begin(), prev.begin() + i + 1, p.begin()))
            blocked_edges.insert(pair_key(p[i], p[i + 1]));
        for (std::size_t j = 0; j < i; ++j) blocked[prev[j]] = block;
        auto spur = bfs(prev[i], t, nbrs);
        if (spur.empty()) continue;
        std::vector<VertexId> total(prev.begin(), prev.begin() + i);
        total.insert(total.end(), spur.begin(), spur.end());
        if (known.insert(total).second) candidates.push_back(std::move(total));
      }
      if (candidates.empty()) break;
      auto best = std::min_element(candidates.begin(), candidates.end(),
                                   [](const auto& x, const auto& y) { return x.size() < y.size(); });
      found.push_back(std::move(*best));
      candidates.erase(best);
    }
    next_blocking();
    return found;
  }

  std::vector<std::uint32_t> seen_s, seen_t, blocked;
  std::vector<VertexId> parent_s, parent_t;
  std::vector<std::uint32_t> dist_s, dist_t;
  std::vector<VertexId> front_s, front_t, next;
  std::unordered_set<std::uint64_t> blocked_edges;
  std::uint32_t stamp = 0, block = 0;
};

PathFinder::PathFinder(const KnowledgeGraph& graph)
    : graph_(&graph), scratch_(std::make_unique<Scratch>(graph.vertex_count())) {}
PathFinder::~PathFinder() = default;
PathFinder::PathFinder(PathFinder&&) noexcept = default;

namespace {

// The stored edge joining u and w (scanning the smaller of their edge lists).
EdgeRef edge_between(const KnowledgeGraph& graph, VertexId u, VertexId w) {
  const auto& g = graph.impl().g;
  VertexId from = graph.degree(u) <= graph.degree(w) ? u : w;
  VertexId to = from == u ? w : u;
  EdgeRef found;
  bool done = false;
  detail::for_each_neighbor(g, from, [&](VertexId other, EdgeKind kind, bool outgoing) {
    if (done || other != to) return;
    found = outgoing ? EdgeRef{from, to, kind} : EdgeRef{to, from, kind};
    done = true;
  });
  return found;
}

}  // namespace

std::vector<Path> PathFinder::paths(VertexId from, VertexId to, std::size_t k) {
  std::vector<Path> out;
  std::size_t n = graph_->vertex_count();
  if (from >= n || to >= n) return out;
  const auto& g = graph_->impl().g;
  const std::vector<char>* usable = usable_;
  auto nbrs = [&](VertexId u, auto&& f) {
    detail::for_each_neighbor(g, u, [&](VertexId w, EdgeKind, bool) {
      if (!usable || (*usable)[w] || w == to || w == from) f(w);
    });
  };
  for (auto& seq : scratch_->yen(from, to, k, nbrs)) {
    Path p;
    for (std::size_t i = 0; i + 1 < seq.size(); ++i)
      p.edges.push_back(edge_between(*graph_, seq[i], seq[i + 1]));
    p.vertices = std::move(seq);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<CountryPath> PathFinder::country_paths(const CountryView& view, VertexId from,
                                                   VertexId to, std::size_t k) {
  std::vector<CountryPath> out;
  std::size_t n = graph_->vertex_count();
  if (from >= n || to >= n) return out;
  const auto& ties = view.ties();
  const std::vector<char>* usable = usable_;
  auto nbrs = [&](VertexId u, auto&& f) {
    for (std::uint32_t i : view.ties_of(u)) {
      VertexId w = ties[i].other(u);
      if (!usable || (*usable)[w] || w == to || w == from) f(w);
    }
  };
  for (auto& seq : scratch_->yen(from, to, k, nbrs)) {
    CountryPath p;
    for (std::size_t i = 0; i + 1 < seq.size(); ++i) p.ties.push_back(view.find(seq[i], seq[i + 1]));
    p.countries = std::move(seq);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<VertexId> path_hubs(const KnowledgeGraph& graph) {
  // The count of events is kept by the graph; the degree (row starts only)
  // is tested before the kind, so that a snapshot's vertex records are read
  // only for the few vertices of hub degree.
  const std::size_t events = graph.count(VertexKind::event);
  double bound = std::max(static_cast<double>(kHubMinEdges), kHubShare * static_cast<double>(events));
  std::vector<VertexId> hubs;
  for (VertexId v = 0; v < graph.vertex_count(); ++v)
    if (static_cast<double>(graph.degree(v)) >= bound && graph.kind(v) != VertexKind::event)
      hubs.push_back(v);
  std::stable_sort(hubs.begin(), hubs.end(),
                   [&](VertexId a, VertexId b) { return graph.degree(a) > graph.degree(b); });
  return hubs;
}

std::vector<char> path_mask(const KnowledgeGraph& graph, std::vector<char> usable,
                            const PathVia& via, const std::vector<VertexId>& hubs) {
  if (usable.empty()) usable.assign(graph.vertex_count(), 1);
  if (!via.places) {
    const std::span<const std::uint8_t> flags = graph.vertex_flags();  // not the records
    for (VertexId v = 0; v < graph.vertex_count(); ++v)
      if (VertexFlags::kind(flags[v]) == VertexKind::place) usable[v] = 0;
  }
  if (!via.hubs)
    for (VertexId h : hubs) usable[h] = 0;
  return usable;
}

std::vector<Path> shortest_paths(const KnowledgeGraph& graph, VertexId from, VertexId to,
                                 std::size_t k) {
  return PathFinder(graph).paths(from, to, k);
}

std::vector<CountryPath> shortest_country_paths(const CountryView& view, VertexId from,
                                                VertexId to, std::size_t k) {
  return PathFinder(view.graph()).country_paths(view, from, to, k);
}

}  // namespace dipgraph
