// Node-link JSON writer, the form networkx.node_link_graph reads:
// {"directed": true, "multigraph": false, "graph": {...}, "nodes": [{"id": ...,
// attributes}], "links": [{"source", "target", "id", "kind"}]}. Same nodes,
// attributes and edges as the GraphML writer.
#include <fmt/format.h>

#include <cmath>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

namespace {

void json_string(std::string& out, std::string_view s) {
  out += '"';
  export_detail::append_json_string(out, s);
  out += '"';
}

struct MemberWriter {
  std::string& out;
  void key(std::string_view name) {
    out += ", \"";
    out += name;
    out += "\": ";
  }
  void text(std::string_view name, std::string_view value) {
    key(name);
    json_string(out, value);
  }
  void integer(std::string_view name, long long value) {
    key(name);
    fmt::format_int digits(value);
    out.append(digits.data(), digits.size());
  }
  void real(std::string_view name, double value) {
    key(name);
    if (std::isfinite(value))
      export_detail::append_double(out, value);
    else
      out += "null";
  }
};

}  // namespace

ExportCounts write_json(const KnowledgeGraph& graph, std::ostream& os,
                        const ExportOptions& options) {
  export_detail::Selection sel(graph, options);
  export_detail::Output out(os);
  std::string& buf = out.buf();
  buf += "{\"directed\": true, \"multigraph\": false, \"graph\": {\"name\": \"dipgraph\"},\n";
  buf += " \"nodes\": [";
  ExportCounts counts;
  MemberWriter members{buf};
  for (VertexId v : sel.vertices) {
    buf += counts.nodes ? ",\n  {\"id\": " : "\n  {\"id\": ";
    json_string(buf, export_detail::vid(graph, v));
    export_detail::visit_node_attrs(graph, v, members, options.country_codes);
    buf += '}';
    ++counts.nodes;
    out.maybe_flush();
  }
  buf += "],\n \"links\": [";
  export_detail::for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    std::string_view sid = export_detail::vid(graph, s), tid = export_detail::vid(graph, t);
    std::string_view k = to_string(kind);
    buf += counts.edges ? ",\n  {\"source\": " : "\n  {\"source\": ";
    json_string(buf, sid);
    buf += ", \"target\": ";
    json_string(buf, tid);
    // The id, as edge_id() spells it.
    buf += ", \"id\": \"";
    buf += k;
    buf += ':';
    export_detail::append_json_string(buf, sid);
    buf += "->";
    export_detail::append_json_string(buf, tid);
    buf += '"';
    buf += ", \"kind\": \"";
    buf += to_string(kind);
    buf += "\"}";
    ++counts.edges;
    out.maybe_flush();
  });
  buf += "]}\n";
  out.finish();
  return counts;
}

}  // namespace dipgraph
