// The event table as CSV (RFC 4180: comma-separated, CRLF line ends, fields
// quoted when they hold a comma, quote, CR or LF, quotes doubled; UTF-8, a
// header row). One row per event and source-target country pair, with the
// columns an event-data user knows from GDELT and Phoenix (docs/usage.md).
#include <fmt/format.h>

#include <algorithm>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"
#include "graph/country_view.hpp"

namespace dipgraph {

namespace {

using namespace export_detail;

const std::vector<std::string_view> kColumns = {
    "event_id",     "date",          "start",          "end",          "source_id",
    "source_iso3",  "source_name",   "source_actors",  "target_id",    "target_iso3",
    "target_name",  "target_actors", "directed",       "type",         "cameo",
    "root",         "quad_class",    "goldstein",      "plover",       "plover_mode",
    "status",       "location",      "location_iso3",  "mentions",     "confidence",
    "label",        "article",       "sentence",       "title",        "url",
    "outlet",       "published"};

// One country's side in an event: the parties counting for it and their roles.
struct Side {
  VertexId country;
  bool source = false, target = false;
  std::string actors;  // labels of the parties, "; "-separated
};

}  // namespace

const std::vector<std::string_view>& csv_event_columns() { return kColumns; }

ExportCounts write_csv_events(const KnowledgeGraph& graph, std::ostream& os,
                              const ExportOptions& options) {
  Selection sel(graph, options);
  const auto& g = graph.impl().g;
  Output out(os);
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i) out += ',';
    out += kColumns[i];
  }
  out += "\r\n";
  ExportCounts counts;
  std::string& buf = out.buf();
  std::vector<Side> sides;
  auto field = [&](std::string_view s) {
    append_csv_field(buf, s);
    buf += ',';
  };
  auto number = [&](double x) {
    append_double(buf, x);
    buf += ',';
  };
  for (VertexId ev : sel.vertices) {
    const VertexData& e = g[ev];
    if (e.kind != VertexKind::event) continue;
    sides.clear();
    for (auto [it, end] = boost::in_edges(ev, g); it != end; ++it) {
      EdgeKind k = g[*it].kind;
      if (k != EdgeKind::participant && k != EdgeKind::source && k != EdgeKind::target) continue;
      auto party = static_cast<VertexId>(boost::source(*it, g));
      if (!sel.contains(party)) continue;
      VertexId c = CountryView::country_of(graph, party);
      if (c == kNoVertex) continue;
      auto s = std::find_if(sides.begin(), sides.end(), [&](const Side& x) { return x.country == c; });
      if (s == sides.end()) s = sides.insert(sides.end(), Side{c, false, false, {}});
      s->source |= k == EdgeKind::source;
      s->target |= k == EdgeKind::target;
      if (!s->actors.empty()) s->actors += "; ";
      s->actors += sv(graph, g[party].label);
    }
    std::string_view place, place_country;
    for (auto [it, end] = boost::out_edges(ev, g); it != end; ++it)
      if (g[*it].kind == EdgeKind::located_in) {
        auto p = boost::target(*it, g);
        place = sv(graph, g[p].label);
        place_country = sv(graph, g[p].country);
        break;
      }
    // The pairs: source -> target countries when the fact has sides, else
    // every unordered pair of its countries; a fact with one country or none
    // still gets one row.
    std::vector<std::pair<int, int>> pairs;
    bool directed = false;
    for (std::size_t i = 0; i < sides.size(); ++i)
      for (std::size_t j = 0; j < sides.size(); ++j)
        if (i != j && sides[i].source && sides[j].target) pairs.emplace_back(i, j), directed = true;
    if (!directed)
      for (std::size_t i = 0; i < sides.size(); ++i)
        for (std::size_t j = i + 1; j < sides.size(); ++j) pairs.emplace_back(i, j);
    if (pairs.empty()) pairs.emplace_back(sides.empty() ? -1 : 0, -1);

    DaySpan span = day_span(sv(graph, e.date));
    const PloverCode* plover = find_plover(sv(graph, e.cameo));
    for (auto [si, ti] : pairs) {
      field(vid(graph, ev));
      field(sv(graph, e.date));
      field(span.start());
      field(span.end());
      for (int side : {si, ti}) {
        if (side < 0) {
          buf += ",,,,";
          continue;
        }
        const Side& s = sides[side];
        field(vid(graph, s.country));
        field(sv(graph, g[s.country].country));
        field(sv(graph, g[s.country].label));
        field(s.actors);
      }
      buf += directed ? "1," : "0,";
      field(sv(graph, e.type));
      field(sv(graph, e.cameo));
      field(sv(graph, e.root));
      buf += fmt::format_int(e.quad_class).c_str();
      buf += ',';
      number(e.goldstein);
      field(plover ? std::string_view(plover->event) : std::string_view());
      field(plover ? std::string_view(plover->mode) : std::string_view());
      field(to_string(e.status));
      field(place);
      field(place_country);
      buf += fmt::format_int(e.mentions).c_str();
      buf += ',';
      number(e.confidence);
      field(sv(graph, e.label));
      field(sv(graph, e.article));
      field(sv(graph, e.evidence));
      field(sv(graph, e.title));
      field(sv(graph, e.url));
      field(sv(graph, e.outlet));
      append_csv_field(buf, sv(graph, e.published));
      buf += "\r\n";
      ++counts.edges;
    }
    ++counts.nodes;
    out.maybe_flush();
  }
  out.finish();
  return counts;
}

}  // namespace dipgraph
