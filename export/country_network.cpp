// The country network writers: one table of country records and one of tie
// records, built once from the CountryView, then written in the chosen
// format with the escapers and typing rules the graph exporters follow.
#include "export/country_network.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "export/detail/writer_support.hpp"
#include "graph/dates.hpp"
#include "graph/detail/boost_graph.hpp"

namespace dipgraph {

namespace {

using namespace export_detail;

constexpr AttrSpec kCountryAttrs[] = {
    {"label", AttrType::string},        {"iso3", AttrType::string},
    {"iso2", AttrType::string},         {"cow", AttrType::integer},
    {"facts", AttrType::integer},       {"partners", AttrType::integer},
    {"strength", AttrType::real},       {"cooperative", AttrType::integer},
    {"neutral", AttrType::integer},     {"conflictual", AttrType::integer},
    {"mean_goldstein", AttrType::real}, {"first_date", AttrType::string},
    {"last_date", AttrType::string},    {"start", AttrType::string},
    {"end", AttrType::string}};
constexpr AttrSpec kTieAttrs[] = {
    {"weight", AttrType::real},                 {"facts", AttrType::integer},
    {"cooperative", AttrType::integer},         {"neutral", AttrType::integer},
    {"conflictual", AttrType::integer},         {"verbal_cooperation", AttrType::integer},
    {"material_cooperation", AttrType::integer}, {"verbal_conflict", AttrType::integer},
    {"material_conflict", AttrType::integer},   {"mean_goldstein", AttrType::real},
    {"source_to_target", AttrType::integer},    {"target_to_source", AttrType::integer},
    {"first_date", AttrType::string},           {"last_date", AttrType::string},
    {"start", AttrType::string},                {"end", AttrType::string}};
constexpr std::size_t kCountryN = std::size(kCountryAttrs), kTieN = std::size(kTieAttrs);

// One attribute value; absent ones are left out of every format (CSV: empty).
struct Value {
  bool present = false;
  std::string s;
  long long i = 0;
  double d = 0;
};
Value text(std::string_view s) { return Value{!s.empty(), std::string(s), 0, 0}; }
Value integer(long long i) { return Value{true, {}, i, 0}; }
Value real(double d) { return Value{true, {}, 0, d}; }

struct Record {
  VertexId a = kNoVertex, b = kNoVertex;  // a country; or a tie's ends
  std::vector<Value> values;              // in kCountryAttrs / kTieAttrs order
  std::vector<Interval> spells;
};

struct Network {
  std::vector<Record> countries, ties;
};

// Tallies over a set of events: the numbers of graph/tie_tally.hpp and the date span.
struct Tally : TieTally {
  StrId first = 0, last = 0;
  std::int32_t first_day = 0, last_day = 0;
  void add(const KnowledgeGraph& graph, VertexId ev, const std::optional<DayRange>& days) {
    const VertexData& d = graph.vertex(ev);
    TieTally::add(graph.str(d.cameo), d.quad_class, d.goldstein, d.status);
    if (!days) return;
    if (!first || days->first < first_day) first = d.date, first_day = days->first;
    if (!last || days->last > last_day) last = d.date, last_day = days->last;
  }
};

std::string day(std::int32_t d) { return civil_from_days(d); }

Network build(const CountryView& view, const std::vector<double>& strengths,
              const CountryCodeTable& codes) {
  const KnowledgeGraph& graph = view.graph();
  const auto& ties = view.ties();
  if (strengths.size() != ties.size())
    throw Error(fmt::format("country network: {} strengths for {} ties", strengths.size(),
                            ties.size()));
  // Day ranges of the events of the view, parsed once.
  std::unordered_map<VertexId, std::optional<DayRange>> days;
  auto days_of = [&](VertexId ev) -> const std::optional<DayRange>& {
    auto [it, inserted] = days.emplace(ev, std::nullopt);
    if (inserted) it->second = edtf_days(graph.str(graph.vertex(ev).date));
    return it->second;
  };
  Network net;
  for (std::size_t i = 0; i < ties.size(); ++i) {
    const CountryTie& t = ties[i];
    Record r;
    r.a = t.a;
    r.b = t.b;
    for (VertexId ev : t.events)
      if (const auto& d = days_of(ev)) r.spells.push_back({d->first, d->last});
    merge_intervals(r.spells);
    auto first = edtf_days(graph.str(t.first_date)), last = edtf_days(graph.str(t.last_date));
    r.values = {real(strengths[i]),
                integer(t.count),
                integer(t.cooperative()),
                integer(t.neutral()),
                integer(t.conflictual()),
                integer(t.by_quad[1]),
                integer(t.by_quad[2]),
                integer(t.by_quad[3]),
                integer(t.by_quad[4]),
                real(t.mean_goldstein()),
                integer(t.a_to_b),
                integer(t.b_to_a),
                text(graph.str(t.first_date)),
                text(graph.str(t.last_date)),
                text(first ? day(first->first) : ""),
                text(last ? day(last->last) : "")};
    net.ties.push_back(std::move(r));
  }
  std::vector<VertexId> events;
  for (VertexId c : view.countries()) {
    events.clear();
    double strength = 0;
    for (std::uint32_t i : view.ties_of(c)) {
      events.insert(events.end(), ties[i].events.begin(), ties[i].events.end());
      strength += strengths[i];
    }
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    Tally tally;
    Record r;
    r.a = c;
    for (VertexId ev : events) {
      const auto& d = days_of(ev);
      tally.add(graph, ev, d);
      if (d) r.spells.push_back({d->first, d->last});
    }
    merge_intervals(r.spells);
    std::string_view iso3 = graph.str(graph.vertex(c).country);
    auto code = codes.find(std::string(iso3));
    r.values = {text(graph.label(c)),
                text(iso3),
                text(code == codes.end() ? "" : code->second.iso2),
                code == codes.end() || !code->second.cow ? Value{} : integer(code->second.cow),
                integer(tally.count),
                integer(static_cast<long long>(view.ties_of(c).size())),
                real(strength),
                integer(tally.cooperative()),
                integer(tally.neutral()),
                integer(tally.conflictual()),
                real(tally.mean_goldstein()),
                text(graph.str(tally.first)),
                text(graph.str(tally.last)),
                text(tally.first ? day(tally.first_day) : ""),
                text(tally.last ? day(tally.last_day) : "")};
    net.countries.push_back(std::move(r));
  }
  return net;
}

template <class F>
void for_each_value(const AttrSpec* specs, std::size_t n, const Record& r, F&& f) {
  for (std::size_t i = 0; i < n; ++i)
    if (r.values[i].present) f(specs[i], r.values[i]);
}

void append_value(std::string& out, const AttrSpec& spec, const Value& v,
                  void (*esc)(std::string&, std::string_view)) {
  switch (spec.type) {
    case AttrType::string: esc(out, v.s); break;
    case AttrType::integer: out += fmt::format_int(v.i).c_str(); break;
    case AttrType::real: append_double(out, v.d); break;
  }
}

void write_graphml(const KnowledgeGraph& graph, const Network& net, Output& out,
                   const CountryNetworkOptions&) {
  auto type = [](AttrType t) {
    return t == AttrType::string ? "string" : t == AttrType::integer ? "int" : "double";
  };
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& a : kCountryAttrs)
    out += fmt::format("  <key id=\"n_{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n",
                       a.name, type(a.type));
  for (const auto& a : kTieAttrs)
    out += fmt::format("  <key id=\"e_{0}\" for=\"edge\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n",
                       a.name, type(a.type));
  out += "  <graph id=\"dipgraph-countries\" edgedefault=\"undirected\">\n";
  std::string& buf = out.buf();
  for (const Record& r : net.countries) {
    buf += "    <node id=\"";
    append_xml_attr(buf, graph.id(r.a));
    buf += "\">";
    for_each_value(kCountryAttrs, kCountryN, r, [&](const AttrSpec& s, const Value& v) {
      buf += fmt::format("<data key=\"n_{}\">", s.name);
      append_value(buf, s, v, append_xml_text);
      buf += "</data>";
    });
    buf += "</node>\n";
    out.maybe_flush();
  }
  for (const Record& r : net.ties) {
    buf += "    <edge id=\"tie:";
    append_xml_attr(buf, graph.id(r.a));
    buf += "--";
    append_xml_attr(buf, graph.id(r.b));
    buf += "\" source=\"";
    append_xml_attr(buf, graph.id(r.a));
    buf += "\" target=\"";
    append_xml_attr(buf, graph.id(r.b));
    buf += "\">";
    for_each_value(kTieAttrs, kTieN, r, [&](const AttrSpec& s, const Value& v) {
      buf += fmt::format("<data key=\"e_{}\">", s.name);
      append_value(buf, s, v, append_xml_text);
      buf += "</data>";
    });
    buf += "</edge>\n";
    out.maybe_flush();
  }
  out += "  </graph>\n</graphml>\n";
}

void write_json(const KnowledgeGraph& graph, const Network& net, Output& out,
                const CountryNetworkOptions& options) {
  std::string& buf = out.buf();
  buf += "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"dipgraph countries\"";
  if (!options.description.empty()) {
    buf += ", \"description\": \"";
    append_json_string(buf, options.description);
    buf += '"';
  }
  buf += "},\n \"nodes\": [";
  auto values = [&](const AttrSpec* specs, std::size_t n, const Record& r) {
    for_each_value(specs, n, r, [&](const AttrSpec& s, const Value& v) {
      buf += fmt::format(", \"{}\": ", s.name);
      if (s.type == AttrType::string) buf += '"';
      append_value(buf, s, v, append_json_string);
      if (s.type == AttrType::string) buf += '"';
    });
  };
  for (std::size_t i = 0; i < net.countries.size(); ++i) {
    const Record& r = net.countries[i];
    buf += i ? ",\n  {\"id\": \"" : "\n  {\"id\": \"";
    append_json_string(buf, graph.id(r.a));
    buf += '"';
    values(kCountryAttrs, kCountryN, r);
    buf += '}';
    out.maybe_flush();
  }
  buf += "],\n \"links\": [";
  for (std::size_t i = 0; i < net.ties.size(); ++i) {
    const Record& r = net.ties[i];
    buf += i ? ",\n  {\"source\": \"" : "\n  {\"source\": \"";
    append_json_string(buf, graph.id(r.a));
    buf += "\", \"target\": \"";
    append_json_string(buf, graph.id(r.b));
    buf += '"';
    values(kTieAttrs, kTieN, r);
    buf += '}';
    out.maybe_flush();
  }
  buf += "]}\n";
}

std::vector<std::string_view> make_tie_columns() {
  std::vector<std::string_view> out = {"source_id",  "source_iso3", "source_iso2", "source_cow",
                                       "source_name", "target_id",  "target_iso3", "target_iso2",
                                       "target_cow",  "target_name"};
  for (const auto& a : kTieAttrs) out.push_back(a.name);
  return out;
}

void write_csv(const KnowledgeGraph& graph, const Network& net, Output& out) {
  const auto& columns = country_tie_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    out += columns[i];
  }
  out += "\r\n";
  std::unordered_map<VertexId, const Record*> country;
  for (const Record& r : net.countries) country[r.a] = &r;
  std::string& buf = out.buf();
  auto put = [&](const AttrSpec& s, const Value& v) {
    if (v.present) append_value(buf, s, v, append_csv_field);
  };
  for (const Record& r : net.ties) {
    for (VertexId end : {r.a, r.b}) {
      const Record& c = *country.at(end);
      append_csv_field(buf, graph.id(end));
      for (std::size_t k : {1, 2, 3, 0}) {  // iso3, iso2, cow, name
        buf += ',';
        put(kCountryAttrs[k], c.values[k]);
      }
      buf += ',';
    }
    for (std::size_t k = 0; k < kTieN; ++k) {
      if (k) buf += ',';
      put(kTieAttrs[k], r.values[k]);
    }
    buf += "\r\n";
    out.maybe_flush();
  }
}

void write_gexf(const KnowledgeGraph& graph, const Network& net, Output& out,
                const CountryNetworkOptions& options) {
  out += gexf_head(options.gexf_version, false,
                   options.description.empty() ? "dipgraph country network"
                                               : "dipgraph country network: " + options.description);
  auto native = [](std::string_view n) { return n == "label" || n == "start" || n == "end"; };
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  for (const auto& a : kCountryAttrs)
    if (!native(a.name))
      out += fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>\n", a.name,
                         gexf_type(a.type));
  out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (const auto& a : kTieAttrs)
    if (!native(a.name) && a.name != "weight")
      out += fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>\n", a.name,
                         gexf_type(a.type));
  out += "    </attributes>\n    <nodes>\n";
  std::string& buf = out.buf();
  auto attvalues = [&](const AttrSpec* specs, std::size_t n, const Record& r) {
    buf += "<attvalues>";
    for_each_value(specs, n, r, [&](const AttrSpec& s, const Value& v) {
      if (native(s.name) || s.name == "weight") return;
      buf += fmt::format("<attvalue for=\"{}\" value=\"", s.name);
      append_value(buf, s, v, append_xml_attr);
      buf += "\"/>";
    });
    buf += "</attvalues>";
    append_spells(buf, r.spells);
  };
  for (const Record& r : net.countries) {
    buf += "      <node id=\"";
    append_xml_attr(buf, graph.id(r.a));
    buf += "\" label=\"";
    append_xml_attr(buf, graph.label(r.a));
    buf += "\">";
    attvalues(kCountryAttrs, kCountryN, r);
    buf += "</node>\n";
    out.maybe_flush();
  }
  out += "    </nodes>\n    <edges>\n";
  for (const Record& r : net.ties) {
    buf += "      <edge id=\"tie:";
    append_xml_attr(buf, graph.id(r.a));
    buf += "--";
    append_xml_attr(buf, graph.id(r.b));
    buf += "\" source=\"";
    append_xml_attr(buf, graph.id(r.a));
    buf += "\" target=\"";
    append_xml_attr(buf, graph.id(r.b));
    buf += "\" weight=\"";
    append_double(buf, r.values[0].d);
    buf += "\">";
    attvalues(kTieAttrs, kTieN, r);
    buf += "</edge>\n";
    out.maybe_flush();
  }
  out += "    </edges>\n";
  out += kGexfTail;
}

}  // namespace

const std::vector<std::string_view>& country_tie_columns() {
  static const std::vector<std::string_view> columns = make_tie_columns();
  return columns;
}

CountryCodeTable load_country_codes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the country codes", path));
  CountryCodeTable out;
  std::string line;
  bool header = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // code, iso2, cow, then optional columns (cow_letters) this table does not need.
    std::size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos)
      throw Error(fmt::format("{}:{}: expected at least 3 tab-separated columns", path, n));
    std::size_t t3 = line.find('\t', t2 + 1);
    std::string code = line.substr(0, t1), iso2 = line.substr(t1 + 1, t2 - t1 - 1),
                cow = line.substr(t2 + 1, t3 == std::string::npos ? t3 : t3 - t2 - 1);
    if (!header) {
      if (code != "code" || iso2 != "iso2" || cow != "cow")
        throw Error(fmt::format("{}:{}: expected the header \"code<TAB>iso2<TAB>cow\"", path, n));
      header = true;
      continue;
    }
    CountryCodes c;
    c.iso2 = iso2;
    if (!cow.empty()) {
      if (cow.size() > 4 || !std::all_of(cow.begin(), cow.end(), [](char x) { return x >= '0' && x <= '9'; }))
        throw Error(fmt::format("{}:{}: COW code \"{}\" is not a number", path, n, cow));
      c.cow = std::stoi(cow);
    }
    if (!out.emplace(code, c).second)
      throw Error(fmt::format("{}:{}: {} is listed twice", path, n, code));
  }
  return out;
}

ExportCounts write_country_network(ExportFormat format, const CountryView& view,
                                   const std::vector<double>& strengths,
                                   const CountryCodeTable& codes, std::ostream& os,
                                   const CountryNetworkOptions& options) {
  if (format != ExportFormat::graphml && format != ExportFormat::json &&
      format != ExportFormat::csv && format != ExportFormat::gexf)
    throw Error(fmt::format(
        "the country network is written as graphml, json, csv or gexf (or dot, through render's "
        "styles), not {}",
        to_string(format)));
  if (format == ExportFormat::gexf) gexf_head(options.gexf_version, false, "");  // check first
  Network net = build(view, strengths, codes);
  Output out(os);
  const KnowledgeGraph& graph = view.graph();
  switch (format) {
    case ExportFormat::graphml: write_graphml(graph, net, out, options); break;
    case ExportFormat::json: write_json(graph, net, out, options); break;
    case ExportFormat::csv: write_csv(graph, net, out); break;
    default: write_gexf(graph, net, out, options); break;
  }
  out.finish();
  return {net.countries.size(), net.ties.size()};
}

}  // namespace dipgraph
