// Exporters: the knowledge graph, or the subgraph induced by a vertex
// selection, as GraphML, Graphviz DOT or node-link JSON (docs/graph.md).
//
// All three write the same nodes (stable ids as node ids) and the same edges
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
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph {

enum class ExportFormat { graphml, dot, json };
std::optional<ExportFormat> parse_export_format(std::string_view s);
std::string_view to_string(ExportFormat f);

struct ExportOptions {
  // The vertices to write (sorted or not, no duplicates); every edge between
  // two of them is written. nullptr: the whole graph.
  const std::vector<VertexId>* vertices = nullptr;
  // DOT only: label edges with their kind (layouts are much slower with them).
  bool edge_labels = true;
  // DOT only: longest label shown, in characters (longer ones end in "…");
  // the full label stays in the tooltip.
  std::size_t max_label_chars = 60;
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
ExportCounts write_graph(ExportFormat format, const KnowledgeGraph& graph, std::ostream& out,
                         const ExportOptions& options = {});

// The stable id of the edge source -kind-> target.
std::string edge_id(const KnowledgeGraph& graph, VertexId source, VertexId target, EdgeKind kind);

}  // namespace dipgraph
