// Pictures through Graphviz (docs/queries.md, "render").
//
// Two pictures, each built as DOT text and then laid out by a Graphviz
// program (dot, sfdp, neato) run as a child process with an argument list,
// never through a shell:
//  - the country view: countries as nodes, ties as edges whose width grows
//    with tie strength (queries/neighbors.hpp, tie_strengths) and whose
//    colour runs from conflictual red through amber to cooperative green by
//    mean Goldstein value, labelled with their fact counts, with a legend;
//  - the ego view: the neighbourhood of one entity with its event nodes
//    (type, date, name), entity nodes shaped by kind and edges by kind.
// Both are pruned so they stay readable and lay out in seconds (CLIENTS.md:
// dot needs 111 s for 2,000 nodes): the strongest countries and ties, or
// the strongest events. The engine is chosen by size unless given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph {

// Engine "auto": the ego view (layered: events between their parties) is
// laid out by dot up to kDotMaxNodes nodes; the country view (a network
// without direction) by neato up to kNeatoMaxNodes nodes (3 s for 50
// countries and 144 ties, 50 s for 200); sfdp beyond (6 s for 200
// countries and 594 ties, no edge labels).
inline constexpr std::size_t kDotMaxNodes = 300;
inline constexpr std::size_t kNeatoMaxNodes = 100;
// Edge labels make layouts many times slower (an ego view of 368 vertices:
// 64 s with labels, 1.3 s without): above this many nodes `render` leaves
// them out and says so, unless --edge-labels insists.
inline constexpr std::size_t kLabelledMaxNodes = 150;

// The DOT text of a picture and what it shows.
struct DotPicture {
  std::string dot;
  std::string engine;                // dot, sfdp or neato: the one the DOT was written for
  std::size_t nodes = 0, edges = 0;  // drawn
  std::size_t total_nodes = 0, total_edges = 0;  // before pruning
};

struct CountryPictureOptions {
  // Keep the countries with the greatest total tie strength (0 = all).
  std::size_t top_countries = 50;
  // Ties kept: every country's strongest tie, then down the list of ties
  // by strength each tie with an end that has fewer than this many kept
  // ties (0 = every tie between kept countries).
  std::size_t ties_per_country = 3;
  bool edge_labels = true;      // fact counts on the edges
  std::string engine = "auto";  // auto (neato or sfdp by size), dot, sfdp, neato
  std::string title;            // drawn under the picture; empty: none
};

// The country view as DOT. strengths[i] is the strength of view.ties()[i]
// (tie_strengths); a country drawn has at least one drawn tie. Throws Error
// if strengths has the wrong size or the engine is unknown.
DotPicture country_picture(const CountryView& view, const std::vector<double>& strengths,
                           const CountryPictureOptions& options = {});

struct EgoPictureOptions {
  VertexId center = kNoVertex;
  int depth = 2;                // undirected steps from the center (>= 1)
  std::size_t top_events = 60;  // the strongest events kept (0 = all)
  bool edge_labels = true;      // kinds on the edges to places, topics, entities
  bool places = false;          // draw places (and walk through them); off: left out
  bool collapse = true;         // events of one type and the same sides drawn as one node
  std::string engine = "auto";  // auto (dot or sfdp by size), dot, sfdp, neato
  std::string title;
  // The weight that ranks events; null: confidence × (1 + ln mentions).
  std::function<double(VertexId)> event_weight;
};

// The neighbourhood of options.center as DOT, laid out left to right: the
// events within `depth` steps (the top_events strongest; the walk never
// passes through a place unless options.places), the entities taking part
// in them or tied to the center directly, and every edge among those.
// Events are labelled "USA → IRN · fight · 1987-10-19"; with collapse,
// events of one type and the same source, target and participants are one
// node labelled with their count and date range. Party edges read source ->
// event -> target (participants: no arrow) and carry no label. Throws Error if
// the center is not a vertex, depth < 1 or the engine is unknown.
DotPicture ego_picture(const KnowledgeGraph& graph, const EgoPictureOptions& options);

// One changed tie between two periods (queries/changes.hpp, flattened so
// export/ stays free of queries/).
struct TieShift {
  VertexId a = kNoVertex, b = kNoVertex;  // country vertices
  enum Kind : std::uint8_t { appeared, vanished, warmed, cooled } kind = appeared;
  std::uint32_t facts_before = 0, facts_after = 0;
  double goldstein_before = 0, goldstein_after = 0;  // means; 0 when no facts
  double shift = 0;                                  // after minus before (warmed/cooled)
};

struct ChangesPictureOptions {
  bool edge_labels = true;      // "+2.8", "new 5", "gone 3"
  std::string engine = "auto";  // auto (neato or sfdp by size), dot, sfdp, neato
  std::string title;
};

// The changed ties as DOT: countries as nodes, each changed tie an edge
// coloured by the shift (warmed: green, cooled: red, by how much, on the
// Goldstein colour scale), an appeared tie bold in the colour of its new
// tone, a vanished one grey and dashed; width by the facts involved; with a
// legend. Throws Error for an unknown engine.
DotPicture changes_picture(const KnowledgeGraph& graph, const std::vector<TieShift>& shifts,
                           const ChangesPictureOptions& options = {});

// The engine for a picture of `nodes` nodes: `requested` unless "auto";
// "auto": dot (layered) or neato up to their limits above, sfdp beyond.
// Throws Error for a name other than auto, dot, sfdp, neato.
std::string choose_engine(std::string_view requested, std::size_t nodes, bool layered);

// The output format a file name asks for: "svg", "png", "pdf", or "dot"
// (.dot / .gv: the DOT text itself). Throws Error for anything else.
std::string output_format(std::string_view path);

// Writes `picture` to `path`: lays it out with Graphviz's program
// picture.engine (looked up on PATH) in the format of the file's extension,
// or writes the DOT text for .dot/.gv. The output goes to a temporary file
// in the same directory, renamed over `path` only on success: an existing
// file is never truncated by a failure. Throws Error with Graphviz's own
// message if it fails, is missing, or runs longer than timeout_seconds
// (then it is killed). Graphviz warnings are copied to stderr.
void render_file(const DotPicture& picture, const std::string& path, double timeout_seconds = 300);

}  // namespace dipgraph
