// The graph of a database store for the commands that read it, through a
// local cache: the graph snapshot (graph/snapshot.hpp) kept in
// $DIPGRAPH_CACHE (else $XDG_CACHE_HOME/dipgraph, else ~/.cache/dipgraph)
// under the store's id, stamped with the store's change counter. A query
// against an unchanged store maps the snapshot and never reads the tables;
// after any committed change it reads them once (COPY) and rewrites it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "cli/graph_loading.hpp"
#include "graph/pg_store.hpp"
#include "graph/snapshot.hpp"

namespace dipgraph::cli {

// The snapshot stamp of a database store's state: `size` is the change
// counter, `dev` a hash of the store id, `ino` the schema version, `names`
// the dictionaries' fingerprint (names_fingerprint).
LogStamp database_stamp(const DatabaseState& state, std::uint64_t names);

// The cache directory of the store `store_id`, or empty if no cache can be
// kept (no home, or an id that is not a plain UUID).
std::filesystem::path database_cache_dir(const std::string& store_id);

// The graph of the database store at `location`: with `filter`, of the
// facts it keeps (never cached); without, the whole graph, from the cache
// when fresh (`cached` set), else read from the store and cached. Sets
// `fact_count`. Messages on stderr unless `quiet`. Throws Error.
KnowledgeGraph load_database_graph(const std::string& location, const FactFilter* filter,
                                   std::uint64_t names, const NameLookup& lookup, bool quiet,
                                   Diagnostics& diag, std::size_t& fact_count, bool& cached);

}  // namespace dipgraph::cli
