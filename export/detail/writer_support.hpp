// What the three exporters share: a buffered output that flushes in 1 MiB
// chunks and throws on stream failure, the vertex/edge walk over a
// selection, the node attribute table (which attributes each kind carries),
// and the escapers for XML, JSON and DOT. Only for export/*.cpp.
#pragma once

#include <fmt/format.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "export/exporters.hpp"
#include "graph/cameo.hpp"
#include "graph/dates.hpp"
#include "graph/detail/boost_graph.hpp"

namespace dipgraph::export_detail {

// Inline string access (KnowledgeGraph::str and ::id are out-of-line calls).
inline std::string_view sv(const KnowledgeGraph& graph, StrId s) {
  return graph.impl().strings.view(s);
}
inline std::string_view vid(const KnowledgeGraph& graph, VertexId v) {
  return sv(graph, graph.impl().g[v].id);
}

// Appends to a string and hands it to the stream every ~1 MiB.
class Output {
 public:
  explicit Output(std::ostream& os) : os_(os) { buf_.reserve(kChunk + 4096); }
  std::string& buf() { return buf_; }
  void operator+=(std::string_view s) { buf_ += s; }
  void operator+=(char c) { buf_ += c; }
  // Call after each record; flushes when the buffer is full.
  void maybe_flush() {
    if (buf_.size() >= kChunk) flush();
  }
  // Writes what is left and throws Error if the stream failed.
  void finish();

 private:
  void flush();
  static constexpr std::size_t kChunk = 1 << 20;
  std::ostream& os_;
  std::string buf_;
};

// The selected vertices in ascending order and a membership mask (empty mask:
// everything selected).
struct Selection {
  Selection(const KnowledgeGraph& graph, const ExportOptions& options);
  bool contains(VertexId v) const { return mask.empty() || mask[v]; }
  std::vector<VertexId> vertices;
  std::vector<char> mask;
};

// Calls f(source, target, kind) for each edge with both ends selected, by
// source vertex, then out-edge order.
template <class F>
void for_each_edge(const KnowledgeGraph& graph, const Selection& sel, F&& f) {
  const auto& g = graph.impl().g;
  for (VertexId u : sel.vertices)
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      auto v = static_cast<VertexId>(boost::target(*it, g));
      if (sel.contains(v)) f(u, v, g[*it].kind);
    }
}

// The first and last day of an EDTF date as "YYYY-MM-DD" (empty when
// undated), in fixed buffers: no allocation per event.
struct DaySpan {
  char start_buf[10] = {}, end_buf[10] = {};
  std::int32_t first = 0, last = 0;  // day numbers (graph/dates.hpp), valid when dated
  bool dated = false;
  std::string_view start() const { return dated ? std::string_view(start_buf, 10) : ""; }
  std::string_view end() const { return dated ? std::string_view(end_buf, 10) : ""; }
};
DaySpan day_span(std::string_view edtf);

enum class AttrType { string, integer, real };
struct AttrSpec {
  std::string_view name;
  AttrType type;
};
// Every node attribute, in output order (the GraphML keys).
inline constexpr AttrSpec kNodeAttrs[] = {
    {"kind", AttrType::string},       {"label", AttrType::string},
    {"country", AttrType::string},    {"role", AttrType::string},
    {"iso2", AttrType::string},       {"iso3", AttrType::string},
    {"cow", AttrType::integer},
    {"type", AttrType::string},       {"cameo", AttrType::string},
    {"root", AttrType::string},       {"plover", AttrType::string},
    {"plover_mode", AttrType::string}, {"quad_class", AttrType::integer},
    {"goldstein", AttrType::real},    {"status", AttrType::string},
    {"date", AttrType::string},       {"start", AttrType::string},
    {"end", AttrType::string},        {"mentions", AttrType::integer},
    {"confidence", AttrType::real},   {"evidence", AttrType::string},
    {"article", AttrType::string},    {"title", AttrType::string},
    {"url", AttrType::string},        {"outlet", AttrType::string},
    {"published", AttrType::string},
};

// Visits the attributes vertex v carries (its kind decides which), in
// kNodeAttrs order: vis.text(name, value), vis.integer(name, value),
// vis.real(name, value). Empty strings are left out (an unknown date, role,
// country): networkx drops empty GraphML values, and JSON must match it.
// With `codes`, a country carries iso2, iso3 and cow (those it has).
template <class Visitor>
void visit_node_attrs(const KnowledgeGraph& graph, VertexId v, Visitor& visitor,
                      const CountryCodeTable* codes = nullptr) {
  struct SkipEmpty {
    Visitor& inner;
    void text(std::string_view name, std::string_view value) {
      if (!value.empty()) inner.text(name, value);
    }
    void integer(std::string_view name, long long value) { inner.integer(name, value); }
    void real(std::string_view name, double value) { inner.real(name, value); }
  } vis{visitor};
  const VertexData& d = graph.impl().g[v];
  vis.text("kind", to_string(d.kind));
  vis.text("label", sv(graph, d.label));
  if (d.kind != VertexKind::event) {
    vis.text("country", sv(graph, d.country));
    if (d.kind == VertexKind::person) vis.text("role", sv(graph, d.role));
    if (codes && d.kind == VertexKind::country) {
      std::string_view iso3 = sv(graph, d.country);
      auto c = codes->find(std::string(iso3));
      if (c != codes->end()) vis.text("iso2", c->second.iso2);
      vis.text("iso3", iso3);
      if (c != codes->end() && c->second.cow) vis.integer("cow", c->second.cow);
    }
    return;
  }
  vis.text("type", sv(graph, d.type));
  vis.text("cameo", sv(graph, d.cameo));
  vis.text("root", sv(graph, d.root));
  const PloverCode* plover = find_plover(sv(graph, d.cameo));
  vis.text("plover", plover ? std::string_view(plover->event) : std::string_view());
  vis.text("plover_mode", plover ? std::string_view(plover->mode) : std::string_view());
  vis.integer("quad_class", d.quad_class);
  vis.real("goldstein", d.goldstein);
  vis.text("status", to_string(d.status));
  vis.text("date", sv(graph, d.date));
  DaySpan span = day_span(sv(graph, d.date));
  vis.text("start", span.start());
  vis.text("end", span.end());
  vis.integer("mentions", d.mentions);
  vis.real("confidence", d.confidence);
  vis.text("evidence", sv(graph, d.evidence));
  vis.text("article", sv(graph, d.article));
  vis.text("title", sv(graph, d.title));  // the article's provenance, when known
  vis.text("url", sv(graph, d.url));
  vis.text("outlet", sv(graph, d.outlet));
  vis.text("published", sv(graph, d.published));
}

// Escapers: each appends `s` to `out`, replacing malformed UTF-8 and
// characters XML 1.0 forbids with U+FFFD.
// XML element content: & < > escaped, CR as &#13; (parsers would fold it).
void append_xml_text(std::string& out, std::string_view s);
// XML attribute value in double quotes: also " and tab/LF/CR as references.
void append_xml_attr(std::string& out, std::string_view s);
// JSON string body (no quotes): " \ and controls escaped.
void append_json_string(std::string& out, std::string_view s);
// DOT quoted ID body (no quotes): written as Graphviz reads it back, the
// same name as in GraphML and JSON: " escaped, backslashes, LF and CR raw
// (an odd run of backslashes before a quote, LF or the end gets one more).
// DOT ID and label bodies over 16,000 bytes are split into "…" + "…" pieces.
void append_dot_id(std::string& out, std::string_view s);
// DOT label body (an escString): " \ escaped, LF as \n, CR dropped, tab as a
// space, & as &amp; (Graphviz reads entities in labels); at most max_chars
// characters, then "…".
void append_dot_label(std::string& out, std::string_view s, std::size_t max_chars);

// RFC 4180 field: quoted (and " doubled) when it holds a comma, a quote, CR
// or LF, or starts or ends with a space; malformed UTF-8 becomes U+FFFD.
void append_csv_field(std::string& out, std::string_view s);

// GEXF (docs/usage.md): the document head up to the open <graph> element,
// for version "1.3" or "1.2draft" (throws Error for another), and the tail.
std::string gexf_head(std::string_view version, bool directed, std::string_view description);
inline constexpr std::string_view kGexfTail = "  </graph>\n</gexf>\n";
// GEXF attribute type names.
std::string_view gexf_type(AttrType t);
// A day range [first, last] in day numbers.
struct Interval {
  std::int32_t first, last;
};
// Sorts and merges overlapping or adjacent intervals in place.
void merge_intervals(std::vector<Interval>& v);
// <spells><spell start="YYYY-MM-DD" end="YYYY-MM-DD"/>...</spells>, nothing if v is empty.
void append_spells(std::string& out, const std::vector<Interval>& v);

// A double written the shortest way that reads back exactly, '.' as decimal
// point; non-finite values as NaN / INF / -INF.
void append_double(std::string& out, double x);

}  // namespace dipgraph::export_detail
