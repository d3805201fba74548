// Store: where the facts live, whichever backend holds them — a directory
// (the file store, FactStore) or a PostgreSQL database (PgStore) — behind
// one interface, so commands never ask which one they talk to.
//
// Both backends keep the same facts: the same ids, the same merge rule
// (docs/facts.md, "Merging") and the same first-seen order, so a query
// answers the same from either. open_store() picks the backend from the
// location: a libpq URI (postgresql://, postgres://) or connection string
// (host=... dbname=...) is a database, anything else a directory.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "graph/fact_store.hpp"

namespace dipgraph {

class Store {
 public:
  virtual ~Store() = default;

  // The location for messages: the directory, or the connection string
  // with its password masked (mask_password).
  virtual std::string name() const = 0;

  // Every fact, merged by id, in first-seen order, one at a time (valid
  // only during the call). `on_begin` (optional) gets an upper bound of the
  // fact count first. Damaged records go to `diag` and are skipped. Returns
  // the number of facts. Throws Error if the store cannot be read.
  virtual std::size_t scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                           const std::function<void(std::size_t)>& on_begin = {}) const = 0;
  // scan() into a vector.
  std::vector<Fact> load(Diagnostics& diag) const;

  // Merges `facts` into the store, durably when it returns; appending the
  // same facts again changes nothing. Facts the backend cannot keep are
  // reported to `diag` and counted as rejected. Throws Error on a failure
  // (nothing of the failed batch stays behind).
  virtual AppendStats append(const std::vector<Fact>& facts, Diagnostics& diag) = 0;

  // Held by a writer for a whole build. The file store takes its exclusive
  // lock (calling `on_wait` once if it has to wait); a database store lets
  // many writers in at once and holds nothing.
  struct WriterHold {
    virtual ~WriterHold() = default;
  };
  virtual std::unique_ptr<WriterHold> hold_writer(const std::function<void()>& on_wait) = 0;

  // Verifies the store (docs/facts.md: `check`); with `repair`, drops what
  // is damaged where the backend can hold damage.
  virtual CheckStats check(Diagnostics& diag, bool repair,
                           const std::function<void()>& on_wait) = 0;
  // One record per fact (file store); a database store already keeps one
  // row per fact and reports compacted = false.
  virtual CompactStats compact(Diagnostics& diag, const std::function<void()>& on_wait) = 0;
  virtual CompactStats compact_if_worth(Diagnostics& diag) = 0;

  // The file store behind this Store, or nullptr: for the directory's own
  // graph snapshot, which only a file store keeps beside its log.
  virtual FactStore* file_store() { return nullptr; }
};

// True if `location` names a database: a postgresql:// or postgres:// URI,
// or a libpq connection string (keyword=value pairs, e.g. "dbname=facts").
bool is_database_location(const std::string& location);

// `location` with any password replaced by "***": the password of a URI
// (postgresql://user:secret@host), a "password=" query parameter or
// connection-string keyword. Everything else is kept as it was.
std::string mask_password(const std::string& location);

// Opens the store at `location`: a database (PgStore) or a directory
// (FactStore; created if `create` and missing). A database store's tables
// are created on first use only when `create` (a writer); readers need
// nothing but SELECT rights. Throws Error with the (masked) location.
std::unique_ptr<Store> open_store(const std::string& location, bool create);

}  // namespace dipgraph
