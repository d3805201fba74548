// How dipgraph draws in DOT: the one style code path of `render` (the
// country view, the ego view, changes) and `export --format dot` (the whole
// graph or a neighbourhood): tone colours by Goldstein value, node shapes
// and labels by kind, events labelled like a row of an event table ("USA →
// IRN · fight · 1987-10-19"), edge colours by kind, the graph header,
// engine-specific layout attributes and the legends. docs/queries.md
// ("render") and docs/graph.md ("DOT") show the result. Only for
// export/*.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace dipgraph::dot_style {

// A quoted DOT id; a quoted DOT label (escString) cut at max_chars.
inline constexpr std::size_t kMaxLabelChars = 48;
std::string quoted(std::string_view s);
std::string label(std::string_view s, std::size_t max_chars = kMaxLabelChars);

// The colour of a mean Goldstein value as #rrggbb: red (-5 and below)
// through amber (0) to green (+5 and above); tone_fill: a lighter one for
// event nodes.
std::string tone_color(double goldstein);
std::string tone_fill(double goldstein);

// `digraph "dipgraph" {` or `graph …` with fonts, white background, edges
// drawn under nodes, and the title as a caption when not empty.
std::string graph_header(std::string_view kind, const std::string& title);
// Graph attributes that suit the engine (dot: left to right; neato and
// sfdp: no overlaps; sfdp without labels: straight edges).
std::string layout_attrs(const std::string& engine, bool edge_labels);
// The node and edge defaults of pictures of the knowledge graph.
std::string graph_defaults();

// One event node: a single event (count 1) or several of one type and the
// same sides drawn as one. sources/targets/participants: its parties;
// first/last_date: the earliest and latest date (0: undated); goldstein:
// the mean over its events.
struct EventNode {
  VertexId event = kNoVertex;  // the event whose id, name, status and evidence are shown
  std::size_t count = 1;
  std::vector<VertexId> sources, targets, participants;
  StrId first_date = 0, last_date = 0;
  double goldstein = 0;
};
// The parties of one event as an EventNode (count 1, its own date and tone).
EventNode single_event(const KnowledgeGraph& graph, VertexId ev);

// The DOT statement of an entity (country: bold box; organization:
// hexagon; person: ellipse with the role below the name; place: note) or
// of an event node (rounded box filled by tone, "name\nUSA → IRN · fight
// ×3 · 1987-10-19 .. 1987-11-02 (planned)", the first evidence in the
// tooltip). `center` draws it with a thick dark border.
std::string entity_node(const KnowledgeGraph& graph, VertexId v, std::size_t max_label_chars,
                        bool center = false);
std::string event_node(const KnowledgeGraph& graph, const EventNode& e, std::size_t max_label_chars,
                       bool center = false);

// How target edges are written. reading: event -> target, so that a
// layered layout reads source -> event -> target left to right (render);
// stored: party -> event as the graph stores it, drawn with the arrow at
// the party (dir=back) so it reads the same (export).
enum class EdgeDirection { reading, stored };
// The DOT statement of the stored edge source -kind-> target. Party edges
// (source, target, participant) carry no label; the others are labelled
// with their kind when edge_labels ("member of", "in" for located_in).
std::string edge(const KnowledgeGraph& graph, VertexId source, VertexId target, EdgeKind kind,
                 bool edge_labels, EdgeDirection direction);

// The legend node (an HTML-like table) of the country view or of a picture
// of the knowledge graph.
std::string legend(bool country_view, bool edge_labels);

}  // namespace dipgraph::dot_style
