// CsrGraph: sorting the edges of a graph built from facts into rows (two
// stable counting sorts, one by source, one by target).
#include "graph/detail/csr_graph.hpp"

#include <algorithm>

#include "graph/error.hpp"

namespace dipgraph::detail {

void CsrGraph::assign(std::vector<VertexData> vertices, const std::vector<NewEdge>& edges) {
  if (vertices.size() >= kNoVertex || edges.size() >= 0xffffffffu)
    throw Error("graph too large: more than 2^32 vertices or edges");
  Owned o;
  o.vertices = std::move(vertices);
  const auto nv = static_cast<std::uint32_t>(o.vertices.size());
  const auto ne = static_cast<std::uint32_t>(edges.size());
  o.out_start.assign(nv + 1, 0);
  o.in_start.assign(nv + 1, 0);
  for (const NewEdge& e : edges) {
    ++o.out_start[e.source + 1];
    ++o.in_start[e.target + 1];
  }
  for (std::uint32_t v = 0; v < nv; ++v) {
    o.out_start[v + 1] += o.out_start[v];
    o.in_start[v + 1] += o.in_start[v];
  }
  o.out_target.resize(ne);
  o.out_props.resize(ne);
  o.in_source.resize(ne);
  o.in_row.resize(ne);
  o.in_props.resize(ne);
  std::vector<std::uint32_t> out_next(o.out_start.begin(), o.out_start.end() - 1);
  std::vector<std::uint32_t> in_next(o.in_start.begin(), o.in_start.end() - 1);
  for (const NewEdge& e : edges) {
    std::uint32_t row = out_next[e.source]++;
    o.out_target[row] = e.target;
    o.out_props[row].kind = e.kind;
    std::uint32_t in = in_next[e.target]++;
    o.in_source[in] = e.source;
    o.in_row[in] = row;
    o.in_props[in].kind = e.kind;
  }
  owned_ = std::move(o);
  borrowed_ = false;
  point_at_owned();
}

VertexId CsrGraph::row_source(std::uint32_t row) const {
  // The last v with out_start[v] <= row.
  const std::uint32_t* begin = a_.out_start;
  const std::uint32_t* end = a_.out_start + a_.num_vertices + 1;
  return static_cast<VertexId>(std::upper_bound(begin, end, row) - begin - 1);
}

}  // namespace dipgraph::detail
