// Graphviz DOT writer: the whole graph (or a selection) drawn the way
// `render` draws a neighbourhood, through the same style code
// (export/detail/dot_style.hpp): entities shaped by kind, events as rounded
// boxes labelled like a row of an event table and filled by their Goldstein
// tone, party edges coloured and unlabelled, other edges labelled with their
// kind. Every edge is written in its stored direction (target edges drawn
// with dir=back, so they read source -> event -> target), so the DOT holds
// the same edges as GraphML. No legend node: every node is a vertex. Output
// renders with dot and sfdp without warnings. docs/graph.md, "DOT".
#include <fmt/format.h>

#include "export/detail/dot_style.hpp"
#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

ExportCounts write_dot(const KnowledgeGraph& graph, std::ostream& os,
                       const ExportOptions& options) {
  export_detail::Selection sel(graph, options);
  export_detail::Output out(os);
  std::string& buf = out.buf();
  buf += dot_style::graph_header("digraph", "");
  // dot reads rankdir (left to right), sfdp and neato overlap (no overlapping nodes).
  buf += "  graph [rankdir=LR, overlap=prism];\n";
  buf += dot_style::graph_defaults();
  ExportCounts counts;
  for (VertexId v : sel.vertices) {
    if (graph.kind(v) == VertexKind::event)
      buf +=
          dot_style::event_node(graph, dot_style::single_event(graph, v), options.max_label_chars);
    else
      buf += dot_style::entity_node(graph, v, options.max_label_chars);
    ++counts.nodes;
    out.maybe_flush();
  }
  export_detail::for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    buf +=
        dot_style::edge(graph, s, t, kind, options.edge_labels, dot_style::EdgeDirection::stored);
    ++counts.edges;
    out.maybe_flush();
  });
  buf += "}\n";
  out.finish();
  return counts;
}

}  // namespace dipgraph
