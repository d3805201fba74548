// The graph snapshot: the KnowledgeGraph of a store, saved beside its log
// as one binary file (DIR/graph.snapshot) that a query maps into memory and
// turns back into a graph without reading or parsing the log
// (docs/graph.md, "The snapshot").
//
// A snapshot is a cache, never a source of truth. It is stamped with the
// log it was built from (length, file identity, a checksum of the log's
// last 64 KiB and of the whole log) and with the dictionaries that named
// entities, and it carries a checksum of its own bytes. A snapshot whose
// stamp does not match the log as it is now (stale), or that fails its own
// checks (damaged), is reported as such and must not be used: the caller
// rebuilds the graph from the log. Snapshots are written to a temp file and
// renamed into place, so a reader sees an old or a new snapshot, never a
// mix; a reader keeps its mapping after a writer replaced the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "graph/knowledge_graph.hpp"
#include "graph/log_stamp.hpp"

namespace dipgraph {

class CountryView;  // graph/country_view.hpp

// Writes `graph` as the snapshot `path` stamped with `stamp`: to
// path + ".tmp.<pid>", then renamed over `path` (not synced to disk: a
// snapshot lost or torn by a power cut is found damaged and rebuilt).
// Throws Error on an I/O failure (the temp file is removed).
// `view` (optional) is the graph's CountryView when the caller has it (an
// extended graph's, graph/snapshot_update.hpp); else it is computed. The
// stored ties and strengths follow the default tally rule even while
// set_count_unrealized(true) is in effect (graph/tie_tally.hpp).
void write_snapshot(const KnowledgeGraph& graph, const LogStamp& stamp,
                    const std::filesystem::path& path, const CountryView* view = nullptr);

enum class SnapshotState { fresh, missing, stale, damaged };
std::string_view to_string(SnapshotState state);

struct SnapshotRead {
  SnapshotState state = SnapshotState::missing;
  std::string reason;  // why not fresh, for messages ("the log grew from 120 to 180 bytes")
  std::optional<KnowledgeGraph> graph;  // set when fresh (and a graph was asked for)
  LogStamp stamp;      // the stamp stored in the snapshot (unless missing or damaged)
  // Stale only because records were appended to its log since (log_extends;
  // asked for with `log`): `graph` then holds the snapshot's graph, to be
  // extended with the appended records (graph/snapshot_update.hpp).
  bool extendable = false;
};

// Checks of a query's graph on first use (docs/graph.md, "Layout (version
// 9)"): each block of the snapshot is checked when the query first reads
// it, not all when it is opened.
struct LazyChecks {
  // Called when a block turns out damaged mid-query, with the reason
  // ("vertices block 12: checksum mismatch: damaged bytes") and the inode
  // of the file that was mapped: should say so on stderr and rebuild the
  // snapshot at its path from the log (the very bytes its stamp covers),
  // under the snapshot lock, unless the file there is already another one.
  // The reader then maps the rebuilt file in place of the damaged one when
  // it holds the same bytes (the same header and block checksums) and goes
  // on; otherwise the query throws Error. Unset: a damaged block throws.
  std::function<void(const std::string& reason, std::uint64_t mapped_ino)> failover;
};

// Opens the snapshot `path` and checks it against `now` (the log's current
// stamp): its header, layout and block table, then the stamp. With `load`,
// a fresh snapshot is turned into a graph (sharing the mapping); without,
// only checked. Every block is checked before it returns, unless `lazy` is
// given and the snapshot is fresh and loaded: then only the small sections
// are, and the graph checks each other block on first use (a damaged one
// found then is failed over, or throws Error from the query). Never throws
// for a bad file: that is `damaged`. With `log` (the log's path) and
// `load`, a snapshot that is stale only because the log grew is also
// turned into a graph (`extendable`, checked whole).
SnapshotRead read_snapshot(const std::filesystem::path& path, const LogStamp& now,
                           bool load = true, const std::filesystem::path* log = nullptr,
                           const LazyChecks* lazy = nullptr);

// The blocks of a graph read with lazy checks that were checked so far, and
// all its blocks ({0, 0} for any other graph): for tests and benchmarks.
struct SnapshotBlocks {
  std::uint64_t checked = 0, total = 0;
};
SnapshotBlocks snapshot_blocks(const KnowledgeGraph& graph);

// Checks now, on two threads, every block of the vertex table of a graph
// read with lazy checks not checked yet: for a query that reads every
// vertex (a filter's pass over every event). A damaged block is failed
// over as on first use (or throws Error). Nothing to do for any other graph.
void check_vertex_blocks(const KnowledgeGraph& graph);
// The same for the column of event keys (KnowledgeGraph::event_keys).
void check_event_key_blocks(const KnowledgeGraph& graph);

// Checks now, on two threads, the blocks that reading `events` whole will
// reach (their records, in-rows and strings, their parties' records and
// labels) when they lie in at least half of the vertex table's blocks (a
// big tie printed whole): then every block of those sections, read in file
// order, instead of each block on first use, on one thread, amid scattered
// reads. Nothing to do for fewer events (their first uses check what they
// reach), or for a graph not read with lazy checks. A damaged block is
// failed over as on first use (or throws Error).
void check_event_blocks(const KnowledgeGraph& graph, std::span<const VertexId> events);

// The snapshot writers' lock, DIR/SNAPSHOT.LOCK (flock), held while the
// object lives: one writer of graph.snapshot at a time. Acquiring it also
// removes temp files that killed writers left. Empty (false) if `wait` is
// false and another process holds it, or if the lock file cannot be made
// (a read-only store: then no snapshot is written).
class SnapshotLock {
 public:
  SnapshotLock(const std::filesystem::path& dir, bool wait);
  ~SnapshotLock();
  SnapshotLock(const SnapshotLock&) = delete;
  SnapshotLock& operator=(const SnapshotLock&) = delete;
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// The snapshot of the store in `dir`: dir/graph.snapshot.
std::filesystem::path snapshot_path(const std::filesystem::path& dir);

}  // namespace dipgraph
