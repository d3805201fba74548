// Neo4j import files: the CSV files `neo4j-admin database import` reads
// (a header with `id:ID`, typed columns and `:LABEL` per node file,
// `:START_ID`, `:END_ID`, `:TYPE` per relationship file) and a load.cypher
// that loads the same files with LOAD CSV into a running server
// (docs/usage.md). Labels follow vertex kinds (Country, Person,
// Organization, Place, Event; all also Vertex), relationship types edge
// kinds (SOURCE, TARGET, PARTICIPANT, LOCATED_IN, IN, REPRESENTS,
// MEMBER_OF, ABOUT).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "export/detail/writer_support.hpp"
#include "export/exporters.hpp"

namespace dipgraph {

namespace {

using namespace export_detail;
namespace fs = std::filesystem;

constexpr std::string_view kLabels[] = {"Country", "Person", "Organization", "Place", "Event"};
constexpr std::string_view kEntityColumns[] = {"id:ID", "label", "country", "role", ":LABEL"};
// Event columns: name (as in kNodeAttrs) and the import tool's type suffix.
struct Column {
  std::string_view name, type;
};
constexpr Column kEventColumns[] = {
    {"label", ""},      {"type", ""},         {"cameo", ""},        {"root", ""},
    {"plover", ""},     {"plover_mode", ""},  {"quad_class", "int"}, {"goldstein", "float"},
    {"status", ""},     {"date", ""},         {"start", "date"},    {"end", "date"},
    {"mentions", "int"}, {"confidence", "float"}, {"evidence", ""},  {"article", ""},
    {"title", ""},      {"url", ""},          {"outlet", ""},       {"published", ""}};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A field for the import tool: RFC 4180 quoting, with CR and LF as spaces
// (so the files import without --multiline-fields).
void field(std::string& out, std::string_view s) {
  if (s.find_first_of("\r\n") == std::string_view::npos) return append_csv_field(out, s);
  std::string flat(s);
  for (char& c : flat)
    if (c == '\r' || c == '\n') c = ' ';
  append_csv_field(out, flat);
}

// Collects the attributes of one vertex by name.
struct Collect {
  std::vector<std::pair<std::string_view, std::string>> values;
  void text(std::string_view n, std::string_view v) { values.emplace_back(n, std::string(v)); }
  void integer(std::string_view n, long long v) { values.emplace_back(n, std::to_string(v)); }
  void real(std::string_view n, double v) {
    std::string s;
    append_double(s, v);
    values.emplace_back(n, s);
  }
  std::string_view get(std::string_view n) const {
    for (const auto& [k, v] : values)
      if (k == n) return v;
    return {};
  }
};

// Writes `text` to dir/name through a temporary file and a rename.
void write_file(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::path target = dir / name;
  fs::path tmp = dir / ("." + name + ".tmp");
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.close();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(fmt::format("{}: write failed (disk full?)", target.string()));
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) throw Error(fmt::format("{}: cannot write: {}", target.string(), ec.message()));
}

}  // namespace

ExportCounts write_neo4j(const KnowledgeGraph& graph, const std::string& dir_name,
                         const ExportOptions& options) {
  fs::path dir(dir_name);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw Error(fmt::format("-o {}: cannot create the directory{}{}", dir_name,
                            ec ? ": " : "", ec ? ec.message() : ""));
  Selection sel(graph, options);
  const auto& g = graph.impl().g;
  ExportCounts counts;

  std::string nodes[kVertexKindCount];
  for (int k = 0; k < kVertexKindCount; ++k) {
    std::string& out = nodes[k];
    if (static_cast<VertexKind>(k) == VertexKind::event) {
      out = "id:ID";
      for (const Column& c : kEventColumns)
        out += fmt::format(",{}{}{}", c.name, c.type.empty() ? "" : ":", c.type);
      out += ",:LABEL\n";
    } else {
      for (std::size_t i = 0; i < std::size(kEntityColumns); ++i)
        out += fmt::format("{}{}", i ? "," : "", kEntityColumns[i]);
      out += '\n';
    }
  }
  Collect c;
  for (VertexId v : sel.vertices) {
    VertexKind kind = g[v].kind;
    std::string& out = nodes[static_cast<int>(kind)];
    c.values.clear();
    visit_node_attrs(graph, v, c);
    field(out, vid(graph, v));
    if (kind == VertexKind::event) {
      for (const Column& col : kEventColumns) {
        out += ',';
        field(out, c.get(col.name));
      }
    } else {
      for (std::string_view n : {"label", "country", "role"}) {
        out += ',';
        field(out, c.get(n));
      }
    }
    out += fmt::format(",{};Vertex\n", kLabels[static_cast<int>(kind)]);
    ++counts.nodes;
  }
  std::string rels[kEdgeKindCount];
  for (auto& r : rels) r = ":START_ID,:END_ID,:TYPE\n";
  for_each_edge(graph, sel, [&](VertexId s, VertexId t, EdgeKind kind) {
    std::string& out = rels[static_cast<int>(kind)];
    field(out, vid(graph, s));
    out += ',';
    field(out, vid(graph, t));
    out += ',';
    out += upper(to_string(kind));
    out += '\n';
    ++counts.edges;
  });

  std::string cypher =
      "// dipgraph export for Neo4j (docs/usage.md, \"Neo4j\").\n"
      "// Offline, into an empty database (Neo4j 5):\n"
      "//   neo4j-admin database import full neo4j";
  for (int k = 0; k < kVertexKindCount; ++k)
    cypher += fmt::format(" \\\n//     --nodes=nodes_{}.csv", to_string(static_cast<VertexKind>(k)));
  for (int k = 0; k < kEdgeKindCount; ++k)
    cypher += fmt::format(" \\\n//     --relationships=rels_{}.csv", to_string(static_cast<EdgeKind>(k)));
  cypher +=
      "\n// Into a running server: copy the CSV files into its import folder, then\n"
      "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher\n\n"
      "CREATE CONSTRAINT dipgraph_vertex_id IF NOT EXISTS FOR (n:Vertex) REQUIRE n.id IS UNIQUE;\n\n";
  for (int k = 0; k < kVertexKindCount; ++k) {
    auto kind = static_cast<VertexKind>(k);
    std::string props = "id: row.`id:ID`";
    if (kind == VertexKind::event) {
      for (const Column& col : kEventColumns) {
        std::string value = fmt::format("row.`{}{}{}`", col.name, col.type.empty() ? "" : ":", col.type);
        if (col.type == "int") value = "toInteger(" + value + ")";
        if (col.type == "float") value = "toFloat(" + value + ")";
        if (col.type == "date") value = "date(" + value + ")";
        props += fmt::format(", {}: {}", col.name == "end" ? "`end`" : std::string(col.name), value);
      }
    } else {
      props += ", label: row.label, country: row.country, role: row.role";
    }
    cypher += fmt::format(
        "LOAD CSV WITH HEADERS FROM 'file:///nodes_{}.csv' AS row\n"
        "CALL {{ WITH row CREATE (:Vertex:{} {{{}}}) }} IN TRANSACTIONS OF 10000 ROWS;\n\n",
        to_string(kind), kLabels[k], props);
  }
  for (int k = 0; k < kEdgeKindCount; ++k) {
    auto kind = static_cast<EdgeKind>(k);
    cypher += fmt::format(
        "LOAD CSV WITH HEADERS FROM 'file:///rels_{}.csv' AS row\n"
        "CALL {{ WITH row MATCH (a:Vertex {{id: row.`:START_ID`}}), (b:Vertex {{id: row.`:END_ID`}})\n"
        "  CREATE (a)-[:{}]->(b) }} IN TRANSACTIONS OF 10000 ROWS;\n\n",
        to_string(kind), upper(to_string(kind)));
  }

  for (int k = 0; k < kVertexKindCount; ++k)
    write_file(dir, fmt::format("nodes_{}.csv", to_string(static_cast<VertexKind>(k))), nodes[k]);
  for (int k = 0; k < kEdgeKindCount; ++k)
    write_file(dir, fmt::format("rels_{}.csv", to_string(static_cast<EdgeKind>(k))), rels[k]);
  write_file(dir, "load.cypher", cypher);
  return counts;
}

}  // namespace dipgraph
