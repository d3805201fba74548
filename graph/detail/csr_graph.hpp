// CsrGraph: the knowledge graph's adjacency as compressed sparse rows, both
// ways, over flat arrays that are either owned (a graph built from facts) or
// borrowed from a mapped snapshot file (graph/snapshot.cpp), so a query on a
// snapshot touches only the rows it walks. Include only from .cpp files of
// graph/, queries/, export/ (through graph/detail/boost_graph.hpp).
//
// It models Boost.Graph's VertexListGraph, EdgeListGraph, IncidenceGraph and
// BidirectionalGraph (graph_traits and free functions below), with bundled
// properties: g[v] is the VertexData of v, g[e] the EdgeProps of e.
//
// Layout, for V vertices and E edges:
//   vertices    VertexData[V]
//   out_start   u32[V + 1]: the out-edges of v are rows out_start[v] .. out_start[v+1]
//   out_target  u32[E], out_props EdgeProps[E]: target and kind of each out-row
//   in_start    u32[V + 1]: the in-edges of v are rows in_start[v] .. in_start[v+1]
//   in_source   u32[E], in_row u32[E]: source of each in-row, and the out-row
//               of the same edge (an edge's identity is its out-row)
//   in_props    EdgeProps[E]: kind of each in-row
// Out-edges of a vertex keep the order they were added in, and so do its
// in-edges: the same order as the adjacency_list this replaced.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "graph/detail/block_gate.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph::detail {

// Bundled edge property (one byte: it is stored as it is in the snapshot).
struct EdgeProps {
  EdgeKind kind = EdgeKind::participant;
};
static_assert(sizeof(EdgeProps) == 1);

// An edge: its ends, its out-row (its identity) and its kind.
struct CsrEdge {
  VertexId source = kNoVertex, target = kNoVertex;
  std::uint32_t row = 0;
  const EdgeProps* props = nullptr;
  friend bool operator==(const CsrEdge& a, const CsrEdge& b) { return a.row == b.row; }
  friend bool operator!=(const CsrEdge& a, const CsrEdge& b) { return a.row != b.row; }
};

class CsrGraph {
 public:
  // The arrays of a graph (see the file comment); all borrowed.
  struct Arrays {
    const VertexData* vertices = nullptr;
    std::uint32_t num_vertices = 0, num_edges = 0;
    const std::uint32_t* out_start = nullptr;
    const std::uint32_t* out_target = nullptr;
    const EdgeProps* out_props = nullptr;
    const std::uint32_t* in_start = nullptr;
    const std::uint32_t* in_source = nullptr;
    const std::uint32_t* in_row = nullptr;
    const EdgeProps* in_props = nullptr;
  };
  // An edge as added: source -kind-> target.
  struct NewEdge {
    VertexId source, target;
    EdgeKind kind;
  };

  CsrGraph() { point_at_owned(); }
  CsrGraph(const CsrGraph&) = delete;
  CsrGraph& operator=(const CsrGraph&) = delete;
  CsrGraph(CsrGraph&& o) noexcept { *this = std::move(o); }
  CsrGraph& operator=(CsrGraph&& o) noexcept {
    owned_ = std::move(o.owned_);
    borrowed_ = o.borrowed_;
    a_ = o.a_;
    gate_ = o.gate_;
    o.gate_ = nullptr;
    if (!borrowed_) point_at_owned();
    o.owned_ = Owned{};
    o.borrowed_ = false;
    o.point_at_owned();
    return *this;
  }

  // Takes the vertices and the edges, in the order they were added, and
  // sorts the edges into rows (stable: each vertex's edges keep that order).
  void assign(std::vector<VertexData> vertices, const std::vector<NewEdge>& edges);
  // The graph `base` (its arrays, which need not outlive the call) with
  // more vertices (`vertices` holds base's first, then the new ones) and
  // `edges` added after base's edges: each vertex keeps base's rows, then
  // gains the new ones in order, as assign() of base's edges followed by
  // `edges` would give, without sorting base's edges again.
  void extend(const Arrays& base, std::vector<VertexData> vertices,
              const std::vector<NewEdge>& edges);
  // Uses arrays that live elsewhere (a mapped snapshot that must outlive the
  // graph); the caller has checked every index in them, or `gate` (which
  // must outlive the graph too) checks each part on first use.
  void borrow(const Arrays& arrays, const BlockGate* gate = nullptr) {
    owned_ = Owned{};
    borrowed_ = true;
    a_ = arrays;
    gate_ = gate;
  }
  // The arrays as they lie: all of them checked first if gated.
  const Arrays& arrays() const {
    if (gate_) {
      gate_->need(snap::kVertices, 0, a_.num_vertices);
      need_all_rows();
    }
    return a_;
  }

  std::uint32_t num_vertices() const { return a_.num_vertices; }
  std::uint32_t num_edges() const { return a_.num_edges; }
  const VertexData& operator[](VertexId v) const {
    if (gate_) gate_->need(snap::kVertices, v);
    return a_.vertices[v];
  }
  const EdgeProps& operator[](const CsrEdge& e) const { return *e.props; }
  std::uint32_t out_degree(VertexId v) const {
    if (gate_) gate_->need(snap::kOutStart, v, v + 2);
    return a_.out_start[v + 1] - a_.out_start[v];
  }
  std::uint32_t in_degree(VertexId v) const {
    if (gate_) gate_->need(snap::kInStart, v, v + 2);
    return a_.in_start[v + 1] - a_.in_start[v];
  }
  // The source of an edge's out-row (a binary search over out_start).
  VertexId row_source(std::uint32_t row) const;

  // Iterates the out-rows (Out) or in-rows of one vertex, or (All) every
  // out-row of the graph, as CsrEdge values.
  enum class Walk { out, in, all };
  template <Walk W>
  class EdgeIterator
      : public boost::iterator_facade<EdgeIterator<W>, CsrEdge, boost::forward_traversal_tag,
                                      CsrEdge> {
   public:
    EdgeIterator() = default;
    EdgeIterator(const CsrGraph* g, VertexId v, std::uint32_t row) : g_(g), v_(v), row_(row) {
      if constexpr (W == Walk::all) skip_empty_rows();
    }

   private:
    friend class boost::iterator_core_access;
    CsrEdge dereference() const {
      const Arrays& a = g_->a_;
      if constexpr (W == Walk::in)
        return {a.in_source[row_], v_, a.in_row[row_], a.in_props + row_};
      else
        return {v_, a.out_target[row_], row_, a.out_props + row_};
    }
    bool equal(const EdgeIterator& o) const { return row_ == o.row_; }
    void increment() {
      ++row_;
      if constexpr (W == Walk::all) skip_empty_rows();
    }
    void skip_empty_rows() {  // v_ = the source of row_
      const Arrays& a = g_->a_;
      while (v_ < a.num_vertices && a.out_start[v_ + 1] <= row_) ++v_;
    }
    const CsrGraph* g_ = nullptr;
    VertexId v_ = 0;
    std::uint32_t row_ = 0;
  };
  using OutEdgeIterator = EdgeIterator<Walk::out>;
  using InEdgeIterator = EdgeIterator<Walk::in>;
  using AllEdgeIterator = EdgeIterator<Walk::all>;

  // Each walk asks the gate (if any) for the whole of its rows up front.
  std::pair<OutEdgeIterator, OutEdgeIterator> out_edges(VertexId v) const {
    if (gate_) {
      gate_->need(snap::kOutStart, v, v + 2);
      gate_->need(snap::kOutTarget, a_.out_start[v], a_.out_start[v + 1]);
      gate_->need(snap::kOutKind, a_.out_start[v], a_.out_start[v + 1]);
    }
    return {{this, v, a_.out_start[v]}, {this, v, a_.out_start[v + 1]}};
  }
  std::pair<InEdgeIterator, InEdgeIterator> in_edges(VertexId v) const {
    if (gate_) {
      gate_->need(snap::kInStart, v, v + 2);
      const std::uint32_t b = a_.in_start[v], e = a_.in_start[v + 1];
      gate_->need(snap::kInSource, b, e);
      gate_->need(snap::kInRow, b, e);
      gate_->need(snap::kInKind, b, e);
    }
    return {{this, v, a_.in_start[v]}, {this, v, a_.in_start[v + 1]}};
  }
  std::pair<AllEdgeIterator, AllEdgeIterator> edges() const {
    if (gate_) need_all_rows();
    return {{this, 0, 0}, {this, a_.num_vertices, a_.num_edges}};
  }

 private:
  struct Owned {
    std::vector<VertexData> vertices;
    std::vector<std::uint32_t> out_start{0}, out_target, in_start{0}, in_source, in_row;
    std::vector<EdgeProps> out_props, in_props;
  };
  void point_at_owned() {
    a_.vertices = owned_.vertices.data();
    a_.num_vertices = static_cast<std::uint32_t>(owned_.vertices.size());
    a_.num_edges = static_cast<std::uint32_t>(owned_.out_target.size());
    a_.out_start = owned_.out_start.data();
    a_.out_target = owned_.out_target.data();
    a_.out_props = owned_.out_props.data();
    a_.in_start = owned_.in_start.data();
    a_.in_source = owned_.in_source.data();
    a_.in_row = owned_.in_row.data();
    a_.in_props = owned_.in_props.data();
  }

  void need_all_rows() const {
    const std::uint64_t nv = a_.num_vertices, ne = a_.num_edges;
    for (int s : {snap::kOutStart, snap::kInStart}) gate_->need(s, 0, nv + 1);
    for (int s : {snap::kOutTarget, snap::kOutKind, snap::kInSource, snap::kInRow, snap::kInKind})
      gate_->need(s, 0, ne);
  }

  Owned owned_;
  bool borrowed_ = false;
  Arrays a_;
  const BlockGate* gate_ = nullptr;
};

struct CsrTraversalCategory : boost::vertex_list_graph_tag,
                              boost::edge_list_graph_tag,
                              boost::bidirectional_graph_tag {};

}  // namespace dipgraph::detail

namespace boost {

template <>
struct graph_traits<dipgraph::detail::CsrGraph> {
  using G = dipgraph::detail::CsrGraph;
  using vertex_descriptor = dipgraph::VertexId;
  using edge_descriptor = dipgraph::detail::CsrEdge;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = dipgraph::detail::CsrTraversalCategory;
  using vertex_iterator = counting_iterator<dipgraph::VertexId>;
  using out_edge_iterator = G::OutEdgeIterator;
  using in_edge_iterator = G::InEdgeIterator;
  using edge_iterator = G::AllEdgeIterator;
  using adjacency_iterator = void;
  using vertices_size_type = std::uint32_t;
  using edges_size_type = std::uint32_t;
  using degree_size_type = std::uint32_t;
  static vertex_descriptor null_vertex() { return dipgraph::kNoVertex; }
};

// The free functions of the Boost.Graph concepts (Boost's own adapters live
// in namespace boost too).
using CsrG = dipgraph::detail::CsrGraph;
inline std::uint32_t num_vertices(const CsrG& g) { return g.num_vertices(); }
inline std::uint32_t num_edges(const CsrG& g) { return g.num_edges(); }
inline std::pair<counting_iterator<dipgraph::VertexId>, counting_iterator<dipgraph::VertexId>>
vertices(const CsrG& g) {
  return {counting_iterator<dipgraph::VertexId>(0),
          counting_iterator<dipgraph::VertexId>(g.num_vertices())};
}
inline auto out_edges(dipgraph::VertexId v, const CsrG& g) { return g.out_edges(v); }
inline auto in_edges(dipgraph::VertexId v, const CsrG& g) { return g.in_edges(v); }
inline auto edges(const CsrG& g) { return g.edges(); }
inline std::uint32_t out_degree(dipgraph::VertexId v, const CsrG& g) { return g.out_degree(v); }
inline std::uint32_t in_degree(dipgraph::VertexId v, const CsrG& g) { return g.in_degree(v); }
inline std::uint32_t degree(dipgraph::VertexId v, const CsrG& g) {
  return g.out_degree(v) + g.in_degree(v);
}
inline dipgraph::VertexId source(const dipgraph::detail::CsrEdge& e, const CsrG&) { return e.source; }
inline dipgraph::VertexId target(const dipgraph::detail::CsrEdge& e, const CsrG&) { return e.target; }

}  // namespace boost
