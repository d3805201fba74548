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
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "graph/fact.hpp"

namespace dipgraph {

struct AppendStats {
  std::size_t added = 0;      // new fact ids
  std::size_t merged = 0;     // existing ids that gained evidence
  std::size_t unchanged = 0;  // nothing new
};

class FactStore {
 public:
  // Opens (creating if `create` and missing) the store in `dir`. Throws
  // Error naming the directory if it cannot be created or read.
  explicit FactStore(std::filesystem::path dir, bool create = true);
  ~FactStore();
  FactStore(FactStore&&) noexcept;
  FactStore& operator=(FactStore&&) noexcept;

  // All facts, merged by id, in first-seen order. Damaged records are
  // reported to `diag` with file and line and skipped.
  std::vector<Fact> load(Diagnostics& diag) const;

  // Appends `facts` under the directory lock (waiting for another writer),
  // merging with what is stored. Durable when it returns (fsync).
  AppendStats append(const std::vector<Fact>& facts, Diagnostics& diag);

  const std::filesystem::path& dir() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Folds `from` into `into` (same id): joins evidence (deduplicated by
// article, sentence and offsets), participants and topics; keeps the higher
// confidence; recomputes mentions. Returns true if `into` changed.
bool merge_fact(Fact& into, const Fact& from);

}  // namespace dipgraph
