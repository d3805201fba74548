// GraphML writer of our own (Boost's write_graphml numbers nodes n0, n1...):
// stable ids as node ids, one typed <key> per attribute and domain, every
// applicable value written explicitly, ints without decimals, '.' decimals,
// stable edge ids. Keys and the attributes each kind carries: docs/graph.md.
#include <fmt/format.h>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

namespace {

using export_detail::AttrType;
using export_detail::Output;

std::string_view graphml_type(AttrType t) {
  switch (t) {
    case AttrType::string: return "string";
    case AttrType::integer: return "int";
    case AttrType::real: return "double";
  }
  return "string";
}

struct DataWriter {
  std::string& out;
  void open(std::string_view name) {
    out += "<data key=\"n_";
    out += name;
    out += "\">";
  }
  void text(std::string_view name, std::string_view value) {
    open(name);
    export_detail::append_xml_text(out, value);
    out += "</data>";
  }
  void integer(std::string_view name, long long value) {
    open(name);
    fmt::format_int digits(value);
    out.append(digits.data(), digits.size());
    out += "</data>";
  }
  void real(std::string_view name, double value) {
    open(name);
    export_detail::append_double(out, value);
    out += "</data>";
  }
};

}  // namespace

ExportCounts write_graphml(const KnowledgeGraph& graph, std::ostream& os,
                           const ExportOptions& options) {
  export_detail::Selection sel(graph, options);
  Output out(os);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& a : export_detail::kNodeAttrs)
    out += fmt::format("  <key id=\"n_{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n",
                       a.name, graphml_type(a.type));
  out += "  <key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n";
  out += "  <graph id=\"dipgraph\" edgedefault=\"directed\">\n";

  ExportCounts counts;
  std::string& buf = out.buf();
  DataWriter data{buf};
  for (VertexId v : sel.vertices) {
    buf += "    <node id=\"";
    export_detail::append_xml_attr(buf, export_detail::vid(graph, v));
    buf += "\">";
    export_detail::visit_node_attrs(graph, v, data, options.country_codes);
    buf += "</node>\n";
    ++counts.nodes;
    out.maybe_flush();
  }
  export_detail::for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    std::string_view sid = export_detail::vid(graph, s), tid = export_detail::vid(graph, t), k = to_string(kind);
    buf += "    <edge id=\"";
    export_detail::append_xml_attr(buf, k);
    buf += ':';
    export_detail::append_xml_attr(buf, sid);
    buf += "-&gt;";
    export_detail::append_xml_attr(buf, tid);
    buf += "\" source=\"";
    export_detail::append_xml_attr(buf, sid);
    buf += "\" target=\"";
    export_detail::append_xml_attr(buf, tid);
    buf += "\"><data key=\"e_kind\">";
    buf += k;
    buf += "</data></edge>\n";
    ++counts.edges;
    out.maybe_flush();
  });
  out += "  </graph>\n</graphml>\n";
  out.finish();
  return counts;
}

}  // namespace dipgraph
