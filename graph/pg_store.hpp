// PgStore: the fact store in a PostgreSQL database, shared by many writers
// and readers on many machines (docs/facts.md, "The database store";
// docs/scale.md).
//
// Facts live in normalized tables of our own versioned schema (`dipgraph`):
// one row per fact, per actor of a fact, per evidence sentence and per
// topic. A batch is merged in one transaction by the database itself
// (INSERT ... ON CONFLICT from staging tables filled with COPY), under the
// merge rule of the file store, so concurrent writers reporting the same
// fact never lose evidence, and re-running a batch changes nothing. Readers
// read all facts in one read-only snapshot with COPY. Every committed batch
// that changed something raises the store's change counter, the key of the
// readers' local graph cache. libpq stays inside pg_store.cpp and
// pg_session.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "graph/store.hpp"

namespace dipgraph {

// The schema version this build writes and reads (table "meta").
inline constexpr int kPgSchemaVersion = 3;  // 2: evidence provenance; 3: fact ids of schema 3

// What a reader's cache is keyed by: which store, and how many changing
// batches it has committed.
struct DatabaseState {
  std::string store_id;      // random, made when the schema is created
  std::int64_t changes = 0;  // committed batches that changed something
  int schema = 0;            // schema version of the store
};

namespace detail {
class PgSession;
}

class PgStore final : public Store {
 public:
  // Connects to `conninfo` (a libpq URI or connection string; PGPASSWORD,
  // PGPASSFILE, service files and sslmode work as in libpq). With `create`,
  // creates the schema if the database has none. Throws Error naming the
  // masked location: cannot connect, no store there (without create), a
  // store of another schema version (`check --migrate` upgrades an older one).
  PgStore(const std::string& conninfo, bool create);
  ~PgStore() override;

  std::string name() const override;
  std::size_t scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                   const std::function<void(std::size_t)>& on_begin = {}) const override;
  // scan() in one read-only snapshot of the database; `on_state` (optional)
  // is called first with the state of that snapshot. If it returns false,
  // nothing is read and 0 is returned.
  std::size_t scan_at(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                      const std::function<void(std::size_t)>& on_begin,
                      const std::function<bool(const DatabaseState&)>& on_state) const;
  // The store's state now (one small query).
  DatabaseState state() const;

  // One transaction per call, retried on serialization failures, deadlocks
  // and lost connections (it is idempotent). Facts with a NUL character in
  // a string or a byte offset above 2^63-1 are rejected (reported).
  AppendStats append(const std::vector<Fact>& facts, Diagnostics& diag) override;
  std::unique_ptr<WriterHold> hold_writer(const std::function<void()>& on_wait) override;
  // Counts rows and finds facts without actors (damaged); repair is not
  // needed (transactions never leave half a batch) and never deletes.
  CheckStats check(Diagnostics& diag, bool repair, const std::function<void()>& on_wait) override;
  CompactStats compact(Diagnostics& diag, const std::function<void()>& on_wait) override;
  CompactStats compact_if_worth(Diagnostics& diag) override;

  // Creates the schema in the database at `conninfo` if missing, or
  // upgrades an older one to kPgSchemaVersion, in one transaction (one
  // migrator at a time). Returns what it did, for the user. Throws Error.
  static std::string migrate(const std::string& conninfo);

  // Attempts of one batch before append() gives up (Error).
  static constexpr int kMaxAttempts = 12;

 private:
  std::string conninfo_, name_;
  std::unique_ptr<detail::PgSession> session_;
};

std::unique_ptr<Store> open_pg_store(const std::string& conninfo, bool create);

namespace detail {
// COPY text format (PostgreSQL's default): appends `s` escaped as a field.
void copy_escape(std::string_view s, std::string& out);
// Splits one COPY text row (without its newline) into fields, decoding
// escapes; a \N field is null (is_null[i] set). Returns false on a bad row.
bool copy_split(std::string_view row, std::vector<std::string>& fields, std::vector<char>& is_null);
}  // namespace detail

}  // namespace dipgraph
