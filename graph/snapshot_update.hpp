// Bringing a file store's graph snapshot up to date after a writer changed
// the log (docs/graph.md, "Updating the snapshot").
//
// When the snapshot holds a prefix of the log (records were only appended
// since: log_extends), the snapshot's graph is extended with the new facts
// (KnowledgeGraph::Builder(base)): its rows, strings and country ties are
// copied, not built again, and only the appended bytes of the log are read.
// A fact it holds that was reported again has its event's fields updated
// (mentions, confidence, codes, date), found through the writer's fact
// index; if the new reports changed its parties, place, topics, type,
// status or name, or the log is not a longer version of the snapshot's (a
// first snapshot, a compacted or repaired log, other dictionaries), the
// graph is built from the whole log.
// Either way the new snapshot is written to a temp file and renamed into
// place: a reader maps the old snapshot or the new one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/error.hpp"
#include "graph/fact_store.hpp"
#include "graph/knowledge_graph.hpp"

namespace dipgraph {

struct SnapshotUpdate {
  enum class How { up_to_date, extended, rebuilt };
  How how = How::up_to_date;
  std::size_t facts_added = 0;    // extended: facts appended to the graph
  std::size_t facts_updated = 0;  // extended: stored facts reported again (event fields updated)
  std::size_t vertices = 0, edges = 0;
  std::string why_rebuilt;  // rebuilt: why the snapshot could not be extended
};

// Under the snapshot lock and the writer lock of `store` (both taken, waiting
// for other holders): makes DIR/graph.snapshot hold the log as it is now,
// stamped with `names` (the dictionaries' fingerprint); entities no fact
// names are labelled by `fallback_names`. Damaged records are reported to
// `diag`. Throws Error on an I/O failure (the old snapshot stays).
SnapshotUpdate update_store_snapshot(FactStore& store, std::uint64_t names,
                                     const NameLookup& fallback_names, Diagnostics& diag);

}  // namespace dipgraph
