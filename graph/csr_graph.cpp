// CsrGraph: sorting the edges of a graph built from facts into rows (two
// stable counting sorts, one by source, one by target), after the rows of
// a graph it extends.
#include "graph/detail/csr_graph.hpp"

#include <algorithm>

#include "graph/detail/files.hpp"
#include "graph/error.hpp"

namespace dipgraph::detail {

void CsrGraph::assign(std::vector<VertexData> vertices, const std::vector<NewEdge>& edges) {
  extend(Arrays{}, std::move(vertices), edges);  // base: no vertex, no edge
}

void CsrGraph::extend(const Arrays& b, std::vector<VertexData> vertices,
                      const std::vector<NewEdge>& edges) {
  if (vertices.size() >= kNoVertex ||
      std::uint64_t{b.num_edges} + edges.size() >= 0xffffffffu || vertices.size() < b.num_vertices)
    throw Error("graph too large: more than 2^32 vertices or edges");
  Owned o;
  o.vertices = std::move(vertices);
  const auto nv = static_cast<std::uint32_t>(o.vertices.size());
  const std::uint32_t nb = b.num_vertices;
  const auto ne = static_cast<std::uint32_t>(b.num_edges + edges.size());
  o.out_start.assign(nv + 1, 0);
  o.in_start.assign(nv + 1, 0);
  for (std::uint32_t v = 0; v < nb; ++v) {
    o.out_start[v + 1] = b.out_start[v + 1] - b.out_start[v];
    o.in_start[v + 1] = b.in_start[v + 1] - b.in_start[v];
  }
  for (const NewEdge& e : edges) {
    ++o.out_start[e.source + 1];
    ++o.in_start[e.target + 1];
  }
  for (std::uint32_t v = 0; v < nv; ++v) {
    o.out_start[v + 1] += o.out_start[v];
    o.in_start[v + 1] += o.in_start[v];
  }
  auto sized = [ne](auto& rows) {  // filled once: huge pages fault less
    rows.reserve(ne);
    advise_huge_pages(rows.data(), rows.capacity() * sizeof rows[0]);
    rows.resize(ne);
  };
  sized(o.out_target);
  sized(o.out_props);
  sized(o.in_source);
  sized(o.in_row);
  sized(o.in_props);
  std::vector<std::uint32_t> out_next(o.out_start.begin(), o.out_start.end() - 1);
  std::vector<std::uint32_t> in_next(o.in_start.begin(), o.in_start.end() - 1);
  // Base's rows, each vertex's at its new place; an in-row names its edge
  // by out-row, which moves by as much as its source's rows moved.
  for (std::uint32_t v = 0; v < nb; ++v) {
    const std::uint32_t from = b.out_start[v], n = b.out_start[v + 1] - from, to = o.out_start[v];
    std::copy_n(b.out_target + from, n, o.out_target.begin() + to);
    std::copy_n(b.out_props + from, n, o.out_props.begin() + to);
    out_next[v] += n;
  }
  for (std::uint32_t v = 0; v < nb; ++v) {
    const std::uint32_t from = b.in_start[v], n = b.in_start[v + 1] - from, to = o.in_start[v];
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t s = b.in_source[from + i];
      o.in_source[to + i] = s;
      o.in_row[to + i] = b.in_row[from + i] - b.out_start[s] + o.out_start[s];
      o.in_props[to + i] = b.in_props[from + i];
    }
    in_next[v] += n;
  }
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
  // The last v with out_start[v] <= row (each probe through the gate).
  std::uint64_t lo = 0, n = std::uint64_t{a_.num_vertices} + 1;  // answer in [lo, lo + n)
  while (n > 1) {
    const std::uint64_t half = n / 2, mid = lo + half;
    if (gate_) gate_->need(snap::kOutStart, mid);
    if (a_.out_start[mid] <= row) lo = mid, n -= half;
    else n = half;
  }
  return static_cast<VertexId>(lo);
}

}  // namespace dipgraph::detail
