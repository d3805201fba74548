// dipgraph compact: rewrites the store's log with one record per fact (all
// evidence kept), under the writer lock, crash-safe (docs/facts.md,
// "Compaction"), then brings the graph snapshot up to date.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "graph/error.hpp"
#include "graph/fact_store.hpp"
#include "graph/store.hpp"

namespace dipgraph::cli {

namespace {

void run_compact(const std::string& location, Globals& g) {
  Diagnostics diag;
  std::unique_ptr<Store> store = open_store(location, false);
  const std::string dir = store->name();
  CompactStats s = store->compact(diag, [&] {
    if (!g.quiet) std::fprintf(stderr, "compact: waiting for a writer of %s to finish\n", dir.c_str());
  });
  std::string line =
      s.compacted ? fmt::format("compact: {}: {} records -> {} (one per fact), {} -> {} bytes", dir,
                                s.records_before, s.facts, s.bytes_before, s.bytes_after)
                  : fmt::format("compact: {}: {} records, {} facts: nothing to do", dir,
                                s.records_before, s.facts);
  if (FactStore* files = store->file_store()) {
    FactStore::Lock lock = files->lock();
    line += "; " + update_snapshot(*files, g, diag);
  } else {
    line += " (a database store keeps one row per fact)";
  }
  std::fprintf(stderr, "%s\n", line.c_str());
  g.exit_code = diag.error_count() > 0 ? kExitPartial : kExitOk;
}

}  // namespace

void add_compact_command(CLI::App& app, Globals& g) {
  auto store = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "compact", "Rewrite the fact log with one record per fact (all evidence kept)");
  cmd->add_option("--store", *store,
                  "store: a directory or a postgresql:// URI (default: $DIPGRAPH_STORE, else "
                  "dipgraph.store)")
      ->check(kNonEmptyPath);
  cmd->callback([store, &g] { run_compact(resolve_store(*store), g); });
}

}  // namespace dipgraph::cli
