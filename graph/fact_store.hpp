// FactStore: the durable, deduplicated fact log in a directory (the source
// of truth; the graph is rebuilt from it).
//
// Layout and guarantees are documented in docs/facts.md ("The store").
// Facts are merged by id: the same id from another article joins its
// evidence and raises `mentions`; appending a fact that adds nothing new
// writes nothing. Writers take an exclusive lock on the directory and append
// whole records, so a crash or a concurrent writer never leaves a torn or
// lost fact behind; readers skip (and report) a torn tail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"
#include "graph/fact_merge.hpp"

namespace dipgraph {

struct AppendStats {
  std::size_t added = 0;      // new fact ids
  std::size_t merged = 0;     // existing ids that gained evidence
  std::size_t unchanged = 0;  // nothing new
  std::size_t rejected = 0;   // facts that do not make a valid record (reported)

  AppendStats& operator+=(const AppendStats& o) {
    added += o.added;
    merged += o.merged;
    unchanged += o.unchanged;
    rejected += o.rejected;
    return *this;
  }
};

// What check() found: records are the lines of the log.
struct CheckStats {
  std::size_t records = 0;  // lines read (good or damaged, torn tail included)
  std::size_t good = 0;     // records that verify and parse
  std::size_t damaged = 0;  // complete lines that do not (bad checksum, bad JSON, bad fact)
  bool torn_tail = false;   // the log ends in an unterminated record
  std::size_t facts = 0;    // distinct fact ids among the good records
  bool repaired = false;    // the log was rewritten without the damaged records
  std::uint64_t bytes = 0;  // size of the log
};

// What compact() did.
struct CompactStats {
  bool compacted = false;         // false: not worth it (compact_if_worth) or empty log
  std::size_t records_before = 0; // lines of the log before
  std::size_t facts = 0;          // records after: one per fact
  std::uint64_t bytes_before = 0, bytes_after = 0;
};

// One FactStore is used by one thread at a time; several FactStores (in
// one process or many) may share a directory.
class FactStore {
 public:
  // Opens (creating if `create` and missing) the store in `dir`. Throws
  // Error naming the directory if it cannot be created or read, (with
  // create=false) if it holds no store, or (with create) if it holds files
  // of its own and no FORMAT: a directory of user files is not made a store.
  // Store files are never opened through a symbolic link (Error naming the
  // file); a writer taking the lock removes what killed runs left behind.
  explicit FactStore(std::filesystem::path dir, bool create = true);
  ~FactStore();
  FactStore(FactStore&&) noexcept;
  FactStore& operator=(FactStore&&) noexcept;

  // All facts, merged by id, in first-seen order. Damaged records are
  // reported to `diag` with file and line and skipped (errors); a torn tail
  // is reported as a warning, unless a writer holds the lock right now (it
  // is then a write in progress and silently left out).
  std::vector<Fact> load(Diagnostics& diag) const;

  // The facts of load(), in the same order, folded the same way and with
  // the same diagnostics, handed one at a time to `on_fact` without holding
  // them all (the Fact is valid only during the call). Reads the log twice:
  // once to find the ids with several records, then to parse, merging the
  // later records of such an id into its first. `on_begin` (optional) is
  // called once before the first fact with the number of complete records
  // in the log (an upper bound on the facts, for reserving). Returns the
  // number of facts. With `limit`, reads only the records that end before
  // byte `limit` of the log (the log as a snapshot stamp saw it).
  std::size_t scan(Diagnostics& diag, const std::function<void(const Fact&)>& on_fact,
                   const std::function<void(std::size_t records)>& on_begin = {},
                   std::uint64_t limit = ~std::uint64_t{0}) const;

  // The records in bytes [from, to) of the log (`from` the start of a
  // record, as a snapshot's stamp holds it), folded by id among themselves
  // in first-seen order: what was appended after `from`. Damaged records
  // are reported with their byte offset and skipped.
  std::vector<Fact> load_range(Diagnostics& diag, std::uint64_t from, std::uint64_t to) const;

  // Under the writer lock (taken if not held): the stored fact of each of
  // `ids` folded from its records in the first `limit` bytes of the log
  // (`before`) and from all of them (`after`), found through the writer's
  // fact index without reading the rest of the log. A fact without records
  // before `limit` has an empty id in `before`.
  struct Versions {
    Fact before, after;
  };
  std::vector<Versions> stored_versions(const std::vector<std::string>& ids, std::uint64_t limit,
                                        Diagnostics& diag);

  // Appends `facts` under the directory lock (waiting for another writer),
  // merging with what is stored. Durable when it returns (fsync). Each fact
  // is written (one record, in input order) only if it adds something to
  // the stored fact of its id, so appending the same facts again writes
  // nothing and an interrupted series of appends, rerun, ends in the same
  // bytes as an uninterrupted one. A torn tail left by a crashed writer is
  // cut off (with a warning) before appending. Facts that cannot be written
  // as a valid record are reported to `diag` and counted as rejected.
  // Throws Error on an I/O failure (nothing half-written stays behind).
  AppendStats append(const std::vector<Fact>& facts, Diagnostics& diag);

  // The exclusive writer lock, held until the Lock is destroyed: a series of
  // append() calls under one Lock (a whole build) is never interleaved with
  // another writer. `on_wait` (optional) is called once if another writer
  // holds the lock and this one has to wait. append() and check() take the
  // lock themselves when it is not held.
  class Lock {
   public:
    Lock(Lock&& o) noexcept : store_(o.store_) { o.store_ = nullptr; }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;
    Lock& operator=(Lock&&) = delete;
    ~Lock();

   private:
    friend class FactStore;
    explicit Lock(FactStore* store) : store_(store) {}
    FactStore* store_;
  };
  [[nodiscard]] Lock lock(const std::function<void()>& on_wait = {});

  // Verifies every record of the log: checksum, JSON, fact schema, torn
  // tail; reports each bad place "FILE:LINE: reason" to `diag`. With
  // `repair`, rewrites the log under the lock keeping every good record
  // byte for byte and dropping the damaged ones (temp file, fsync, rename);
  // dropped lines are appended to damaged.jsonl in the store for inspection.
  // Waits for a running writer first (`on_wait` as for lock()).
  CheckStats check(Diagnostics& diag, bool repair, const std::function<void()>& on_wait = {});

  // Rewrites the log with one record per fact (the fact as load() folds it,
  // all its evidence kept), in first-seen order, under the writer lock
  // (waiting for a running writer; `on_wait` as for lock()). Crash-safe: the
  // new log is written to DIR/facts.jsonl.compact.<pid>, synced and renamed
  // over the old one, so a kill at any moment leaves the old or the new log.
  // load() gives the same facts before and after. Refuses (Error) a log
  // with damaged records: `check --repair` first. A torn tail is cut off.
  CompactStats compact(Diagnostics& diag, const std::function<void()>& on_wait = {});
  // compact() only if the log holds at least kCompactRatio times as many
  // records as facts and kCompactMinExtra more; else returns compacted=false.
  static constexpr std::size_t kCompactRatio = 2, kCompactMinExtra = 1000;
  CompactStats compact_if_worth(Diagnostics& diag);

  const std::filesystem::path& dir() const;
  // The log file: dir()/facts.jsonl.
  std::filesystem::path log_path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

namespace detail {
// CRC-32C (Castagnoli) of `data`, as used for record checksums.
std::uint32_t crc32c(std::string_view data, std::uint32_t crc = 0);
// Encodes one store record: write_fact(fact) with a trailing
// ,"crc":"<8 hex>" field and a newline, appended to `out`.
void encode_record(const Fact& fact, std::string& out);
// Checks a record's checksum (line without its newline). Returns an empty
// string if it verifies, else the reason.
std::string verify_record(std::string_view line);
}  // namespace detail

}  // namespace dipgraph
