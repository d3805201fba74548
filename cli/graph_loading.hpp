// Shared by the commands that read the graph (export, path, and the query
// commands): where the facts come from (--store DIR, or --facts FILE), which
// facts to keep (--since, --until, --type, --status, --min-confidence), and
// store -> facts -> filtered facts -> KnowledgeGraph with progress on stderr.
// A store's graph comes from its snapshot when that is fresh (graph/snapshot.hpp).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "graph/fact_store.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/ties.hpp"

namespace dipgraph::cli {

// Which facts enter the graph. Dates compare as EDTF ranges: a fact dated
// 2025-08 is kept by --since 2025-08-20 and by --until 2025-08-01; a fact
// without a date is dropped as soon as --since or --until is given.
struct FactFilter {
  std::string since, until;             // EDTF, empty = open
  std::vector<std::string> types;       // fact types; empty = all
  std::vector<std::string> statuses;    // status spellings; empty = all
  std::vector<std::string> cameo;       // CAMEO codes; a fact's code starts with one ("04", "043")
  std::vector<std::string> roots;       // CAMEO roots, exactly ("04", "19")
  std::vector<std::string> quads;       // quad classes "1".."4"
  double min_confidence = 0.0;
  bool exclude_negated = false;         // drop facts with status negated ("did not meet")
  // Checks the flags; throws Error naming the bad one, with the nearest
  // valid values for an unknown --type or --status.
  void validate() const;
  bool active() const;
  bool keep(const Fact& fact) const;
  // The same test on an event vertex of a graph (entities are always kept).
  bool keep(const KnowledgeGraph& graph, VertexId v) const;
};

struct GraphSource {
  std::string store;  // --store DIR (else $DIPGRAPH_STORE, else dipgraph.store)
  std::string facts;  // --facts FILE: a facts JSONL file ("-" = stdin) instead of a store
  FactFilter filter;
};

// Adds --store, --facts and the filter flags to `cmd`.
void add_graph_source_options(CLI::App* cmd, GraphSource& source);

// The facts of the source, filtered. Damaged records go to `diag` (with file
// and line) and are skipped. Throws Error if the store or file is missing or
// unreadable.
std::vector<Fact> load_facts(const GraphSource& source, Diagnostics& diag);

// load_facts + KnowledgeGraph::build, with one progress line on stderr
// unless g.quiet. With filter_facts = false the filter is checked but not
// applied: the graph holds every fact, and the caller masks events with
// usable_vertices() (so entities seen only in filtered-out facts still
// resolve).
KnowledgeGraph load_graph(const GraphSource& source, const Globals& g, Diagnostics& diag,
                          bool filter_facts = true);

// A fingerprint of the dictionaries in `data_dir` that name entities no fact
// names (countries.tsv, organizations.tsv): a snapshot stamped with another
// one is stale.
std::uint64_t names_fingerprint(const std::string& data_dir);

// For `build`, after its batches, under the writer lock: writes the store's
// snapshot (the graph load_graph would build without a filter) unless a
// fresh one exists. Returns a note for the user ("snapshot written ...").
// Throws Error on an I/O failure.
std::string update_snapshot(FactStore& store, const Globals& g, Diagnostics& diag);

// The filter as the queries' EventFilter (exclude_negated aside), for
// commands that load the whole graph (load_graph with filter_facts = false:
// the store's snapshot) and let the query skip the events it drops.
EventFilter event_filter(const FactFilter& filter);

// usable[v] = 0 for the event vertices the filter drops, 1 otherwise; empty
// when the filter keeps everything.
std::vector<char> usable_vertices(const KnowledgeGraph& graph, const FactFilter& filter);

// The path of the store directory this source reads, or empty for --facts.
std::string store_path(const GraphSource& source);

// Throws Error if writing `output` could clobber an input of `source`: the
// facts file (also through another name or link), a file inside the store
// directory, or a directory. For commands that write files (render).
void refuse_output_over_input(const GraphSource& source, const std::string& output);

}  // namespace dipgraph::cli
