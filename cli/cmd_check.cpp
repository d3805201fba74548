// dipgraph check: verifies the fact store (checksums, JSON, schema, torn
// tail), reports each bad record as FILE:LINE: reason, and with --repair
// rewrites the log without the damaged records (docs/facts.md, "The store").
// --dump prints the loaded facts, sorted by id, one JSON line each: a
// canonical form for comparing stores.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/graph_loading.hpp"
#include "graph/error.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/snapshot.hpp"
#include "graph/store.hpp"
#include "cli/db_graph.hpp"

namespace dipgraph::cli {

namespace {

struct CheckOptions {
  std::string store;
  bool repair = false;
  bool dump = false;
  bool migrate = false;
};

void dump_store(const Store& store, Diagnostics& diag) {
  std::vector<Fact> facts = store.load(diag);
  std::sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) { return a.id < b.id; });
  std::string out;
  for (const Fact& f : facts) {
    write_fact(f, out);
    out += '\n';
    if (out.size() >= (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
}

// check of a database store: its schema, rows and the local graph cache.
void run_check_database(const CheckOptions& opt, Globals& g) {
  Diagnostics diag;
  std::string note = opt.migrate ? PgStore::migrate(opt.store) : "";
  PgStore store(opt.store, false);
  CheckStats s = store.check(diag, opt.repair, {});
  DatabaseState st = store.state();
  std::string summary = fmt::format("check: {}: schema {}, {} facts, {} bytes, change {}",
                                    store.name(), st.schema, s.facts, s.bytes, st.changes);
  if (!note.empty()) summary += "; " + note;
  summary += s.damaged ? fmt::format("; {} unreadable fact{}", s.damaged, s.damaged == 1 ? "" : "s")
                       : "; ok";
  if (opt.repair) summary += " (--repair: nothing to drop, every batch is one transaction)";
  std::filesystem::path dir = database_cache_dir(st.store_id);
  if (!dir.empty()) {
    LogStamp now = database_stamp(st, names_fingerprint(resolve_data_dir(g.data_dir)));
    SnapshotRead snap = read_snapshot(snapshot_path(dir), now, /*load=*/false);
    summary += fmt::format("; graph cache {}", to_string(snap.state));
  }
  std::FILE* out = opt.dump ? stderr : stdout;
  std::fprintf(out, "%s\n", summary.c_str());
  if (opt.dump) {
    Diagnostics quiet(false);
    dump_store(store, quiet);
  }
  g.exit_code = s.damaged ? kExitPartial : kExitOk;
}

void run_check(const CheckOptions& opt, Globals& g) {
  if (is_database_location(opt.store)) return run_check_database(opt, g);
  if (opt.migrate)
    throw Error("--migrate: only a database store has a schema to migrate (a file store needs "
                "none)");
  Diagnostics diag;
  std::unique_ptr<Store> opened = open_store(opt.store, false);
  FactStore& store = *opened->file_store();
  auto on_wait = [&] {
    if (!g.quiet)
      std::fprintf(stderr, "check: waiting for a writer of %s to finish\n", opt.store.c_str());
  };
  CheckStats s = store.check(diag, opt.repair, on_wait);
  bool damage = s.damaged > 0 || s.torn_tail;
  std::string summary = fmt::format("check: {}: {} records, {} facts, {} bytes", opt.store,
                                    s.records, s.facts, s.bytes);
  if (!damage) {
    summary += "; ok";
  } else {
    summary += fmt::format("; {} damaged record{}", s.damaged, s.damaged == 1 ? "" : "s");
    if (s.torn_tail) summary += ", torn tail";
    summary += s.repaired ? fmt::format("; repaired (dropped lines saved in {})",
                                        (store.dir() / "damaged.jsonl").string())
                          : "; run `dipgraph check --repair` to drop them";
  }
  // The snapshot against the whole log (its full checksum, not only the tail).
  LogStamp now = stamp_log(store.log_path(), true);
  now.names = names_fingerprint(resolve_data_dir(g.data_dir));
  SnapshotRead snap = read_snapshot(snapshot_path(store.dir()), now, /*load=*/false);
  summary += fmt::format("; snapshot {}", to_string(snap.state));
  if (snap.state != SnapshotState::fresh)
    summary += fmt::format(" ({}; the next query or build rebuilds it)", snap.reason);
  std::FILE* out = opt.dump ? stderr : stdout;
  std::fprintf(out, "%s\n", summary.c_str());
  if (opt.dump) {
    Diagnostics quiet(false);  // damage was reported above
    dump_store(*opened, quiet);
  }
  g.exit_code = damage ? kExitPartial : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, Globals& g) {
  auto opt = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Verify the fact store; --repair drops damaged records");
  cmd->add_option("--store", opt->store,
                  "store: a directory or a postgresql:// URI (default: $DIPGRAPH_STORE, else "
                  "dipgraph.store)")
      ->check(kNonEmptyPath);
  cmd->add_flag("--migrate", opt->migrate,
                "database store: create its schema if missing, or upgrade an older one");
  cmd->add_flag("--repair", opt->repair,
                "rewrite the log keeping every good record and dropping the damaged ones");
  cmd->add_flag("--dump", opt->dump,
                "also print the stored facts sorted by id, one JSON line each (for comparing)");
  cmd->callback([opt, &g] {
    CheckOptions o = *opt;
    o.store = resolve_store(o.store);
    run_check(o, g);
  });
}

}  // namespace dipgraph::cli
