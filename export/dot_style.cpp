// The shared DOT style (export/detail/dot_style.hpp): colours, node and
// edge statements, headers and legends for `render` and `export --format dot`.
#include "export/detail/dot_style.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "export/detail/writer_support.hpp"
#include "graph/detail/boost_graph.hpp"

namespace dipgraph::dot_style {

using export_detail::append_dot_id;
using export_detail::append_dot_label;
using export_detail::append_xml_text;

std::string quoted(std::string_view s) {
  std::string out = "\"";
  append_dot_id(out, s);
  return out + "\"";
}

std::string label(std::string_view s, std::size_t max_chars) {
  std::string out = "\"";
  append_dot_label(out, s, max_chars);
  return out + "\"";
}

std::string tone_color(double goldstein) {
  struct Rgb {
    double r, g, b;
  };
  constexpr Rgb kRed{0xc0, 0x39, 0x2b}, kAmber{0xd9, 0xa4, 0x1e}, kGreen{0x2e, 0x8b, 0x57};
  double t = std::clamp(goldstein, -5.0, 5.0) / 5.0;  // -1 .. 1
  Rgb a = kAmber, b = t < 0 ? kRed : kGreen;
  double u = std::fabs(t);
  auto mix = [&](double x, double y) { return static_cast<int>(std::lround(x + (y - x) * u)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

std::string tone_fill(double goldstein) {
  std::string c = tone_color(goldstein);
  auto light = [&](int i) {
    int v = std::stoi(c.substr(i, 2), nullptr, 16);
    return (v + 3 * 255) / 4;
  };
  return fmt::format("#{:02x}{:02x}{:02x}", light(1), light(3), light(5));
}

std::string layout_attrs(const std::string& engine, bool edge_labels) {
  if (engine == "dot") return "  graph [rankdir=LR, nodesep=0.25, ranksep=0.6, splines=true];\n";
  if (engine == "neato")  // long edges, or two countries' labels hide the edge between them
    return "  graph [overlap=false, overlap_shrink=false, splines=true, sep=\"+6\", esep=\"+3\", "
           "mode=major];\n  edge [len=2];\n";
  // sfdp: spline routing and edge labels cost the most on big pictures.
  return fmt::format("  graph [overlap=prism, overlap_scaling=2, splines={}, K=1.2];\n",
                     edge_labels ? "true" : "false");
}

std::string graph_header(std::string_view kind, const std::string& title) {
  std::string out = fmt::format("{} \"dipgraph\" {{\n", kind);
  out +=
      "  graph [charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=12, bgcolor=\"white\", "
      "outputorder=edgesfirst";
  if (!title.empty()) out += ", labelloc=b, labeljust=l, label=" + label(title, 400);
  out += "];\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\"];\n";
  return out;
}

std::string graph_defaults() {
  return "  node [fontsize=10, style=filled, fillcolor=\"white\", color=\"#5b7083\"];\n"
         "  edge [fontsize=8, color=\"#7f8c8d\", fontcolor=\"#555555\", arrowsize=0.6];\n";
}

namespace {

// How a party appears in an event label: a country by its code, anything
// else by its name.
std::string short_name(const KnowledgeGraph& graph, VertexId v) {
  const VertexData& d = graph.vertex(v);
  if (d.kind == VertexKind::country && d.country) return std::string(graph.str(d.country));
  return std::string(graph.label(v));
}

std::string join_names(const KnowledgeGraph& graph, const std::vector<VertexId>& vs) {
  std::string out;
  for (std::size_t i = 0; i < vs.size() && i < 3; ++i)
    out += (i ? ", " : "") + short_name(graph, vs[i]);
  if (vs.size() > 3) out += fmt::format(" +{}", vs.size() - 3);
  return out;
}

}  // namespace

EventNode single_event(const KnowledgeGraph& graph, VertexId ev) {
  const auto& g = graph.impl().g;
  EventNode e;
  e.event = ev;
  for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
    auto p = static_cast<VertexId>(boost::source(*it, g));
    EdgeKind k = g[*it].kind;
    if (k == EdgeKind::source)
      e.sources.push_back(p);
    else if (k == EdgeKind::target)
      e.targets.push_back(p);
    else if (k == EdgeKind::participant)
      e.participants.push_back(p);
  }
  for (auto* v : {&e.sources, &e.targets, &e.participants}) std::sort(v->begin(), v->end());
  e.first_date = e.last_date = g[ev].date;
  e.goldstein = g[ev].goldstein;
  return e;
}

std::string entity_node(const KnowledgeGraph& graph, VertexId v, std::size_t max_label_chars,
                        bool center) {
  const VertexData& d = graph.vertex(v);
  const char* shape = d.kind == VertexKind::country        ? "box"
                      : d.kind == VertexKind::organization ? "hexagon"
                      : d.kind == VertexKind::place        ? "note"
                      : d.kind == VertexKind::event        ? "box"
                                                           : "ellipse";
  std::string text(graph.label(v).empty() ? graph.id(v) : graph.label(v));
  if (d.kind == VertexKind::person && d.role) text += fmt::format("\n{}", graph.str(d.role));
  std::string attrs = fmt::format("shape={}, label={}", shape, label(text, max_label_chars));
  if (d.kind == VertexKind::country) attrs += ", style=\"filled,bold\", fillcolor=\"#eef3f8\"";
  attrs += ", tooltip=" + label(graph.id(v), 400);
  if (center) attrs += ", penwidth=3, color=\"#1f4e79\"";
  return fmt::format("  {} [{}];\n", quoted(graph.id(v)), attrs);
}

std::string event_node(const KnowledgeGraph& graph, const EventNode& e, std::size_t max_label_chars,
                       bool center) {
  const VertexData& d = graph.vertex(e.event);
  std::string_view type = graph.str(d.type), name = graph.label(e.event);
  // "USA → IRN · fight ×3 · 1987-10-19 .. 1987-11-02"
  std::string who;
  if (!e.sources.empty() || !e.targets.empty()) {
    who = join_names(graph, e.sources.empty() ? e.participants : e.sources);
    who += " \u2192 " + join_names(graph, e.targets);
  } else {
    who = join_names(graph, e.participants);
    std::string::size_type comma;
    if (e.participants.size() == 2 && (comma = who.find(", ")) != std::string::npos)
      who.replace(comma, 2, " \u2013 ");
  }
  std::string text = who.empty() ? std::string(type) : who + " \u00b7 " + std::string(type);
  if (e.count > 1) text += fmt::format(" \u00d7{}", e.count);
  if (e.first_date)
    text += " \u00b7 " +
            (e.first_date == e.last_date
                 ? std::string(graph.str(e.first_date))
                 : fmt::format("{} .. {}", graph.str(e.first_date), graph.str(e.last_date)));
  if (d.status != Status::occurred) text += fmt::format(" ({})", to_string(d.status));
  if (name != type && e.count == 1) text = fmt::format("{}\n{}", name, text);
  std::string attrs = fmt::format("shape=box, style=\"rounded,filled\", fillcolor=\"{}\", label={}",
                                  tone_fill(e.goldstein), label(text, max_label_chars));
  std::string tip = fmt::format("{} {} (CAMEO {}, Goldstein {:+.1f})", type, graph.str(d.date),
                                graph.str(d.cameo), d.goldstein);
  if (e.count > 1) tip += fmt::format(", {} events", e.count);
  if (d.evidence) tip += fmt::format(": \"{}\" [{}]", graph.str(d.evidence), graph.str(d.article));
  std::string from = graph.provenance_text(e.event);
  if (!from.empty()) tip += " \u2014 " + from;
  attrs += ", tooltip=" + label(tip, 1000);
  // SVG output links the event to its article.
  if (d.url) attrs += ", URL=" + label(graph.str(d.url), 4000);
  if (center) attrs += ", penwidth=3, color=\"#1f4e79\"";
  return fmt::format("  {} [{}];\n", quoted(graph.id(e.event)), attrs);
}

std::string edge(const KnowledgeGraph& graph, VertexId source, VertexId target, EdgeKind kind,
                 bool edge_labels, EdgeDirection direction) {
  std::string attrs;
  switch (kind) {
    case EdgeKind::source:
      attrs = "color=\"#34495e\", penwidth=1.4";
      break;
    case EdgeKind::target:
      attrs = "color=\"#c0392b\", penwidth=1.4";
      break;
    case EdgeKind::participant:
      attrs = "dir=none, color=\"#7f8c8d\"";
      break;
    case EdgeKind::about:
      attrs = "style=dashed, color=\"#999999\"";
      break;
    case EdgeKind::located_in:
      attrs = "style=dashed, color=\"#6a3d9a\"";
      break;
    default:
      attrs = "style=dotted";
      break;
  }
  bool party =
      kind == EdgeKind::source || kind == EdgeKind::target || kind == EdgeKind::participant;
  if (edge_labels && !party)
    attrs += fmt::format(", label=\"{}\"", kind == EdgeKind::member_of    ? "member of"
                                           : kind == EdgeKind::located_in ? "in"
                                                                          : to_string(kind));
  VertexId from = source, to = target;
  if (kind == EdgeKind::target) {
    if (direction == EdgeDirection::reading)
      std::swap(from, to);  // event -> target
    else
      attrs += ", dir=back";
  }
  return fmt::format("  {} -> {} [{}];\n", quoted(graph.id(from)), quoted(graph.id(to)), attrs);
}

std::string legend(bool country_view, bool edge_labels) {
  std::string out =
      "  legend [shape=plaintext, margin=0, label=<<TABLE BORDER=\"1\" COLOR=\"#999999\" "
      "CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\" BGCOLOR=\"#fafafa\">\n"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n";
  struct Swatch {
    double g;
    const char* text;
  };
  for (Swatch s :
       {Swatch{5, "cooperative (mean Goldstein +5 and above)"}, Swatch{2.5, "+2.5"},
        Swatch{0, "neutral (0)"}, Swatch{-2.5, "-2.5"}, Swatch{-5, "conflictual (-5 and below)"}}) {
    out += fmt::format("<TR><TD WIDTH=\"28\" BGCOLOR=\"{}\"> </TD><TD ALIGN=\"LEFT\">",
                       country_view ? tone_color(s.g) : tone_fill(s.g));
    append_xml_text(out, s.text);
    out += "</TD></TR>\n";
  }
  auto row = [&](std::string_view key, std::string_view text) {
    out += "<TR><TD>";
    append_xml_text(out, key);
    out += "</TD><TD ALIGN=\"LEFT\">";
    append_xml_text(out, text);
    out += "</TD></TR>\n";
  };
  if (country_view) {
    row("width", "tie strength: \u03a3 confidence \u00d7 (1 + ln mentions) \u00d7 recency");
    if (edge_labels) row("label", "number of facts");
    row("colour", "mean Goldstein of the tie's facts");
  } else {
    row("rounded", "event: source → target · type ×count · date (colour: Goldstein)");
    row("A → event → B", "A acted (source) on B (target); a line without arrow: a participant");
    row("box", "country");
    row("hexagon", "organization");
    row("ellipse", "person");
    row("note", "place");
  }
  out += "</TABLE>>];\n";
  return out;
}

}  // namespace dipgraph::dot_style
