// GEXF writer (Gephi's format) with time: typed node and edge attributes,
// and spells built from the facts' dates so Gephi's timeline plays the graph
// over time. The content is the same under GEXF 1.3 (Gephi 0.9.3+) and
// 1.2draft; ExportOptions picks. networkx before 3.6 finds <graph> only under
// the 1.1draft and 1.2draft namespaces, so it refuses 1.3 files for their
// namespace alone (docs/usage.md, "GEXF for Gephi, with time").
#include <fmt/format.h>

#include <algorithm>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

namespace export_detail {

std::string gexf_head(std::string_view version, bool directed, std::string_view description) {
  std::string ns;
  if (version == "1.3")
    ns = "http://gexf.net/1.3";
  else if (version == "1.2draft")
    ns = "http://www.gexf.net/1.2draft";
  else
    throw Error(fmt::format("GEXF version \"{}\": expected 1.3 or 1.2draft", version));
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"{0}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"{0} {0}/gexf.xsd\" version=\"{1}\">\n"
      "  <meta>\n    <creator>dipgraph</creator>\n    <description>",
      ns, version == "1.3" ? "1.3" : "1.2");
  append_xml_text(out, description);
  out += "</description>\n  </meta>\n";
  out += fmt::format("  <graph defaultedgetype=\"{}\" mode=\"dynamic\" timeformat=\"date\"{}>\n",
                     directed ? "directed" : "undirected",
                     version == "1.3" ? " timerepresentation=\"interval\"" : "");
  return out;
}

std::string_view gexf_type(AttrType t) {
  switch (t) {
    case AttrType::string: return "string";
    case AttrType::integer: return "integer";
    case AttrType::real: return "double";
  }
  return "string";
}

void merge_intervals(std::vector<Interval>& v) {
  if (v.size() < 2) return;
  std::sort(v.begin(), v.end(),
            [](const Interval& a, const Interval& b) { return a.first < b.first; });
  std::size_t w = 0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i].first <= v[w].last + 1)
      v[w].last = std::max(v[w].last, v[i].last);
    else
      v[++w] = v[i];
  }
  v.resize(w + 1);
}

void append_spells(std::string& out, const std::vector<Interval>& v) {
  if (v.empty()) return;
  out += "<spells>";
  for (const Interval& i : v)
    out += fmt::format("<spell start=\"{}\" end=\"{}\"/>", civil_from_days(i.first),
                       civil_from_days(i.last));
  out += "</spells>";
}

}  // namespace export_detail

namespace {

using namespace export_detail;

// Node attributes written as <attvalue>: every kNodeAttrs entry except the
// ones GEXF has natively (label; start/end, which the spells carry).
bool gexf_attr(std::string_view name) { return name != "label" && name != "start" && name != "end"; }

struct AttValueWriter {
  std::string& out;
  void open(std::string_view name) {
    out += "<attvalue for=\"";
    out += name;
    out += "\" value=\"";
  }
  void text(std::string_view name, std::string_view value) {
    if (!gexf_attr(name)) return;
    open(name);
    append_xml_attr(out, value);
    out += "\"/>";
  }
  void integer(std::string_view name, long long value) {
    open(name);
    fmt::format_int digits(value);
    out.append(digits.data(), digits.size());
    out += "\"/>";
  }
  void real(std::string_view name, double value) {
    open(name);
    append_double(out, value);
    out += "\"/>";
  }
};

}  // namespace

ExportCounts write_gexf(const KnowledgeGraph& graph, std::ostream& os,
                        const ExportOptions& options) {
  std::string head = gexf_head(options.gexf_version, true,
                               "dipgraph knowledge graph: entities and events (docs/graph.md)");
  Selection sel(graph, options);
  const auto& g = graph.impl().g;

  // The day range of each selected event, and the (entity, range) pairs its
  // edges give, folded into merged spells per vertex (CSR by vertex).
  std::vector<Interval> event_range(graph.vertex_count(), Interval{0, -1});
  for (VertexId v : sel.vertices)
    if (g[v].kind == VertexKind::event) {
      DaySpan span = day_span(sv(graph, g[v].date));
      if (span.dated) event_range[v] = {span.first, span.last};
    }
  std::vector<std::pair<VertexId, Interval>> pairs;
  for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind) {
    VertexId ev = g[s].kind == VertexKind::event ? s : g[t].kind == VertexKind::event ? t : kNoVertex;
    if (ev == kNoVertex || event_range[ev].last < event_range[ev].first) return;
    VertexId other = ev == s ? t : s;
    if (g[other].kind != VertexKind::event) pairs.emplace_back(other, event_range[ev]);
  });
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.first < b.second.first;
  });

  Output out(os);
  out += head;
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  for (const auto& a : kNodeAttrs)
    if (gexf_attr(a.name))
      out += fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>\n", a.name,
                         gexf_type(a.type));
  out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  out += "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n";
  out += "    </attributes>\n    <nodes>\n";

  ExportCounts counts;
  std::string& buf = out.buf();
  AttValueWriter att{buf};
  std::vector<Interval> spells;
  std::size_t p = 0;
  for (VertexId v : sel.vertices) {
    spells.clear();
    if (g[v].kind == VertexKind::event) {
      if (event_range[v].last >= event_range[v].first) spells.push_back(event_range[v]);
    } else {
      while (p < pairs.size() && pairs[p].first < v) ++p;
      for (; p < pairs.size() && pairs[p].first == v; ++p) spells.push_back(pairs[p].second);
      merge_intervals(spells);
    }
    buf += "      <node id=\"";
    append_xml_attr(buf, vid(graph, v));
    buf += "\" label=\"";
    append_xml_attr(buf, sv(graph, g[v].label));
    buf += "\"><attvalues>";
    visit_node_attrs(graph, v, att, options.country_codes);
    buf += "</attvalues>";
    append_spells(buf, spells);
    buf += "</node>\n";
    ++counts.nodes;
    out.maybe_flush();
  }
  out += "    </nodes>\n    <edges>\n";
  for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    std::string_view k = to_string(kind);
    buf += "      <edge id=\"";
    append_xml_attr(buf, edge_id(graph, s, t, kind));
    buf += "\" source=\"";
    append_xml_attr(buf, vid(graph, s));
    buf += "\" target=\"";
    append_xml_attr(buf, vid(graph, t));
    buf += "\" label=\"";
    buf += k;
    buf += "\"><attvalues><attvalue for=\"kind\" value=\"";
    buf += k;
    buf += "\"/></attvalues>";
    VertexId ev = g[s].kind == VertexKind::event ? s : g[t].kind == VertexKind::event ? t : kNoVertex;
    if (ev != kNoVertex && event_range[ev].last >= event_range[ev].first) {
      spells.assign(1, event_range[ev]);
      append_spells(buf, spells);
    }
    buf += "</edge>\n";
    ++counts.edges;
    out.maybe_flush();
  });
  out += "    </edges>\n";
  out += kGexfTail;
  out.finish();
  return counts;
}

}  // namespace dipgraph
