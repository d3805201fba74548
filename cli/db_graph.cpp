// Loading a database store's graph through the local snapshot cache keyed
// by the store's change counter (cli/db_graph.hpp).
#include "cli/db_graph.hpp"

#include <cstdio>
#include <cstdlib>

namespace dipgraph::cli {

namespace fs = std::filesystem;

LogStamp database_stamp(const DatabaseState& state, std::uint64_t names) {
  LogStamp st;
  st.size = static_cast<std::uint64_t>(state.changes);
  st.dev = fnv1a64(state.store_id);
  st.ino = static_cast<std::uint64_t>(state.schema);
  st.names = names;
  return st;
}

fs::path database_cache_dir(const std::string& store_id) {
  // The id comes from the database: only a plain UUID becomes a path.
  if (store_id.empty() || store_id.size() > 64 ||
      store_id.find_first_not_of("0123456789abcdef-") != std::string::npos)
    return {};
  fs::path base;
  if (const char* c = std::getenv("DIPGRAPH_CACHE"); c && *c)
    base = c;
  else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
    base = fs::path(x) / "dipgraph";
  else if (const char* h = std::getenv("HOME"); h && *h)
    base = fs::path(h) / ".cache" / "dipgraph";
  else
    return {};
  fs::path dir = base / ("pg-" + store_id);
  std::error_code ec;
  fs::create_directories(dir, ec);
  return ec ? fs::path() : dir;
}

KnowledgeGraph load_database_graph(const std::string& location, const FactFilter* filter,
                                   std::uint64_t names, const NameLookup& lookup, bool quiet,
                                   Diagnostics& diag, std::size_t& fact_count, bool& cached) {
  PgStore store(location, false);
  KnowledgeGraph::Builder builder(&diag);
  builder.set_fallback_names(lookup);
  fact_count = 0;
  cached = false;
  auto add = [&](const Fact& f) {
    if (filter && !filter->keep(f)) return;
    ++fact_count;
    builder.add(f);
  };
  if (filter) {
    store.scan(diag, add, [&](std::size_t n) { builder.reserve(n); });
    return builder.finish();
  }
  DatabaseState now = store.state();
  fs::path dir = database_cache_dir(now.store_id);
  if (!dir.empty()) {
    SnapshotRead r = read_snapshot(snapshot_path(dir), database_stamp(now, names));
    if (r.state == SnapshotState::fresh) {
      cached = true;
      fact_count = r.graph->stats().facts;
      return std::move(*r.graph);
    }
    if (r.state == SnapshotState::damaged && !quiet)
      std::fprintf(stderr, "dipgraph: %s: damaged graph cache (%s); reading the store\n",
                   snapshot_path(dir).c_str(), r.reason.c_str());
  }
  LogStamp stamp;
  store.scan_at(
      diag, add, [&](std::size_t n) { builder.reserve(n); },
      [&](const DatabaseState& st) {
        stamp = database_stamp(st, names);
        return true;
      });
  KnowledgeGraph graph = builder.finish();
  if (!dir.empty()) {
    SnapshotLock lock(dir, /*wait=*/false);
    if (lock) {
      try {
        write_snapshot(graph, stamp, snapshot_path(dir));
      } catch (const Error& e) {
        if (!quiet) std::fprintf(stderr, "dipgraph: no graph cache written: %s\n", e.what());
      }
    }
  }
  return graph;
}

}  // namespace dipgraph::cli
