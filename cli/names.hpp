// What the user typed for an entity -> a vertex, for every command that
// takes one (path, ties, neighbors, timeline, export --around, render
// --around): the graph's own names plus every name of the dictionaries the
// recognizer loads (docs/graph.md, "Naming an entity").
#pragma once

#include <string_view>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/name_table.hpp"

namespace dipgraph::cli {

// The names of the dictionaries in g's data directory, loaded on first use
// and kept for the run. Dictionaries that cannot be read give an empty table
// (the graph's own names still resolve) and one warning on stderr.
const NameTable& dictionary_name_table(const Globals& g);

// Resolves `query` in `graph`; throws Error with the resolver's message
// (ambiguous, unknown with suggestions, a known name no fact uses), or,
// when the graph is empty, saying that the store is empty (or, `filtered`,
// that the filters left no facts). A note on the entity (a former state, a
// successor) goes to stderr; a successor's note only when `filter`'s
// --since or --until is before the succession.
VertexId resolve_entity(const KnowledgeGraph& graph, const Globals& g, std::string_view query,
                        bool filtered = false, const FactFilter* filter = nullptr);

// "the store is empty" (or, `filtered`, "no facts are left after the
// filters") for a graph without vertices; empty otherwise.
std::string empty_graph_note(const KnowledgeGraph& graph, bool filtered);

}  // namespace dipgraph::cli
