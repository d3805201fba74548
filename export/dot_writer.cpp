// Graphviz DOT writer: a digraph with every id and label quoted and escaped,
// nodes shaped and coloured by kind (events by quad class), edges coloured
// and labelled by kind. Output renders with dot/sfdp without warnings.
// Styling table: docs/graph.md.
#include <fmt/format.h>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

namespace {

struct NodeStyle {
  std::string_view shape, style, fill;
};

NodeStyle node_style(const VertexData& d) {
  switch (d.kind) {
    case VertexKind::country: return {"box", "filled,rounded", "#a6cee3"};
    case VertexKind::person: return {"ellipse", "filled", "#b2df8a"};
    case VertexKind::organization: return {"hexagon", "filled", "#fdbf6f"};
    case VertexKind::place: return {"house", "filled", "#cab2d6"};
    case VertexKind::event: break;
  }
  static constexpr std::string_view kQuadFill[] = {"#eeeeee", "#d9f0a3", "#78c679", "#fdae6b",
                                                   "#e6550d"};
  return {"note", "filled", kQuadFill[d.quad_class <= 4 ? d.quad_class : 0]};
}

struct EdgeStyle {
  std::string_view color, style;
};

EdgeStyle edge_style(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::participant: return {"#555555", "solid"};
    case EdgeKind::source: return {"#1f78b4", "solid"};
    case EdgeKind::target: return {"#e31a1c", "solid"};
    case EdgeKind::located_in: return {"#6a3d9a", "dashed"};
    case EdgeKind::in: return {"#6a3d9a", "dotted"};
    case EdgeKind::represents: return {"#33a02c", "dashed"};
    case EdgeKind::member_of: return {"#ff7f00", "bold"};
    case EdgeKind::about: return {"#999999", "dashed"};
  }
  return {"#000000", "solid"};
}

void quoted_id(std::string& out, std::string_view id) {
  out += '"';
  export_detail::append_dot_id(out, id);
  out += '"';
}

}  // namespace

ExportCounts write_dot(const KnowledgeGraph& graph, std::ostream& os, const ExportOptions& options) {
  export_detail::Selection sel(graph, options);
  export_detail::Output out(os);
  std::string& buf = out.buf();
  buf +=
      "digraph \"dipgraph\" {\n"
      "  graph [charset=\"UTF-8\"];\n"
      "  node [fontsize=\"10\"];\n"
      "  edge [fontsize=\"8\"];\n";
  ExportCounts counts;
  for (VertexId v : sel.vertices) {
    const VertexData& d = graph.impl().g[v];
    NodeStyle st = node_style(d);
    buf += "  ";
    quoted_id(buf, export_detail::sv(graph, d.id));
    buf += " [label=\"";
    std::string_view label = export_detail::sv(graph, d.label);
    export_detail::append_dot_label(buf, label.empty() ? export_detail::sv(graph, d.id) : label,
                                    options.max_label_chars);
    if (d.kind == VertexKind::event) {
      // Second line: (type, status, date), type left out when it is the label.
      std::string detail;
      std::string_view type = export_detail::sv(graph, d.type);
      if (type != label) detail += type;
      for (std::string_view part : {to_string(d.status), export_detail::sv(graph, d.date)}) {
        if (part.empty()) continue;
        if (!detail.empty()) detail += ", ";
        detail += part;
      }
      buf += "\\n(";
      export_detail::append_dot_label(buf, detail, options.max_label_chars);
      buf += ')';
    }
    buf += "\", tooltip=\"";
    export_detail::append_dot_label(buf, export_detail::sv(graph, d.id), std::string::npos);
    buf += "\", shape=\"";
    buf += st.shape;
    buf += "\", style=\"";
    buf += st.style;
    buf += "\", fillcolor=\"";
    buf += st.fill;
    buf += "\"];\n";
    ++counts.nodes;
    out.maybe_flush();
  }
  export_detail::for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    EdgeStyle st = edge_style(kind);
    buf += "  ";
    quoted_id(buf, export_detail::vid(graph, s));
    buf += " -> ";
    quoted_id(buf, export_detail::vid(graph, t));
    buf += " [";
    if (options.edge_labels) {
      buf += "label=\"";
      buf += to_string(kind);
      buf += "\", ";
    }
    buf += "color=\"";
    buf += st.color;
    buf += "\", style=\"";
    buf += st.style;
    buf += "\"];\n";
    ++counts.edges;
    out.maybe_flush();
  });
  buf += "}\n";
  out.finish();
  return counts;
}

}  // namespace dipgraph
