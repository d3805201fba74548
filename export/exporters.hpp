// Exporters: the knowledge graph, or the subgraph induced by a vertex
// selection, as GraphML, Graphviz DOT, node-link JSON, GEXF 1.3 (Gephi, with
// time), the CSV event table, or Neo4j import files (docs/graph.md,
// docs/usage.md). The country network has its own writers
// (export/country_network.hpp).
//
// The graph writers write the same nodes (stable ids as node ids) and the same edges
// (stable edge ids "<kind>:<source id>-><target id>"), in vertex order and,
// per vertex, out-edge order. Text is escaped for each format; characters
// XML 1.0 forbids never reach the output (the graph already replaced them
// with U+FFFD). Numbers use '.' whatever the locale. Writers throw Error if
// the stream fails.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph {

enum class ExportFormat { graphml, dot, json, csv, gexf, neo4j };
// "graphml", "dot", "json", "csv", "gexf", "neo4j"; nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view s);
std::string_view to_string(ExportFormat f);
// The format a file name asks for by its extension (any case): .graphml,
// .xml, .dot, .gv, .json, .csv, .gexf; nullopt for any other (or none).
std::optional<ExportFormat> format_of_path(std::string_view path);
// "graphml, dot, json, csv, gexf, neo4j", for messages.
std::string_view export_format_list();

// The other codes of a country (data/country_codes.tsv), by ISO alpha-3.
struct CountryCodes {
  std::string iso2;  // empty when it has none
  int cow = 0;       // Correlates of War state number; 0 when it has none
};
using CountryCodeTable = std::unordered_map<std::string, CountryCodes>;

// Reads data/country_codes.tsv (header `code iso2 cow`, '#' comments).
// Throws Error naming file and line for a missing file or a malformed row.
CountryCodeTable load_country_codes(const std::string& path);

struct ExportOptions {
  // The vertices to write (sorted or not, no duplicates); every edge between
  // two of them is written. nullptr: the whole graph.
  const std::vector<VertexId>* vertices = nullptr;
  // DOT only: label edges with their kind (layouts are much slower with them).
  bool edge_labels = true;
  // DOT only: longest label shown, in characters (longer ones end in "…");
  // the full label stays in the tooltip.
  std::size_t max_label_chars = 60;
  // GraphML, JSON, GEXF: country nodes carry `iso3`, and `iso2` and `cow`
  // from this table when it has them. nullptr: no codes (as before).
  const CountryCodeTable* country_codes = nullptr;
  // GEXF only: "1.3" (Gephi 0.9.3+, the default) or "1.2draft" (the same
  // content under the older namespace, the only one networkx < 3.6 reads).
  std::string gexf_version = "1.3";
};

struct ExportCounts {
  std::size_t nodes = 0;
  std::size_t edges = 0;
};

ExportCounts write_graphml(const KnowledgeGraph& graph, std::ostream& out,
                           const ExportOptions& options = {});
ExportCounts write_dot(const KnowledgeGraph& graph, std::ostream& out,
                       const ExportOptions& options = {});
ExportCounts write_json(const KnowledgeGraph& graph, std::ostream& out,
                        const ExportOptions& options = {});
// GEXF with time: every node and edge carries spells, the day ranges of its
// facts' dates (an event: its date; an entity: the merged ranges of the
// events it takes part in, is the place or topic of; a party -> event edge:
// the event's), and typed attributes. Undated elements have no spell.
ExportCounts write_gexf(const KnowledgeGraph& graph, std::ostream& out,
                        const ExportOptions& options = {});
// The event table as RFC 4180 CSV (docs/usage.md): a header row, then one
// row per event and source-target country pair; see csv_event_columns().
// `nodes` counts the events written, `edges` the rows.
ExportCounts write_csv_events(const KnowledgeGraph& graph, std::ostream& out,
                              const ExportOptions& options = {});
// The column names of write_csv_events, in order.
const std::vector<std::string_view>& csv_event_columns();
// Neo4j import files in directory `dir` (created if missing): nodes_<kind>.csv
// per vertex kind with `id:ID`, typed columns and `:LABEL`, rels_<kind>.csv
// per edge kind with `:START_ID`, `:END_ID`, `:TYPE`, and load.cypher for
// LOAD CSV. Each file is written to a temporary name and renamed. Throws
// Error if `dir` cannot be created or written.
ExportCounts write_neo4j(const KnowledgeGraph& graph, const std::string& dir,
                         const ExportOptions& options = {});
// Any format but neo4j (which writes a directory: write_neo4j).
ExportCounts write_graph(ExportFormat format, const KnowledgeGraph& graph, std::ostream& out,
                         const ExportOptions& options = {});

// `s` as one RFC 4180 CSV field: quoted (quotes doubled) when it holds a
// comma, quote, CR or LF or starts or ends with a space; malformed UTF-8 and
// forbidden controls become U+FFFD. For the commands' --csv tables.
std::string csv_field(std::string_view s);

// The stable id of the edge source -kind-> target.
std::string edge_id(const KnowledgeGraph& graph, VertexId source, VertexId target, EdgeKind kind);

}  // namespace dipgraph
