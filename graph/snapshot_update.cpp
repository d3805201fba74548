// Updating a store's snapshot: extend the snapshot's graph with the facts
// appended to the log since it was written, or build it from the whole log.
#include "graph/snapshot_update.hpp"

#include <fmt/core.h>

#include <optional>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/snapshot.hpp"

namespace dipgraph {

namespace {

bool printable_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

// Why `facts` (appended after the snapshot's graph `base` was written) cannot
// simply be added to it, or empty.
std::string why_not_extend(const KnowledgeGraph& base, const std::vector<Fact>& facts) {
  for (const Fact& f : facts) {
    if (!printable_ascii(f.id)) return fmt::format("fact id {} needs cleaning", f.id);
    if (base.find(f.id) != kNoVertex)
      return fmt::format("new records of a fact it holds ({})", f.id);
  }
  return {};
}

}  // namespace

SnapshotUpdate update_store_snapshot(FactStore& store, std::uint64_t names,
                                     const NameLookup& fallback_names, Diagnostics& diag) {
  SnapshotUpdate u;
  const std::filesystem::path snap = snapshot_path(store.dir()), log = store.log_path();
  SnapshotLock lock(store.dir(), /*wait=*/true);
  FactStore::Lock writer = store.lock();  // the log cannot change below us
  LogStamp now = stamp_log(log, false);
  now.names = names;
  SnapshotRead r = read_snapshot(snap, now, /*load=*/true, &log);
  if (r.state == SnapshotState::fresh) return u;

  if (r.extendable && r.graph) {
    std::vector<Fact> added = store.load_range(diag, r.stamp.size, now.size);
    u.why_rebuilt = why_not_extend(*r.graph, added);
    if (u.why_rebuilt.empty()) {
      const VertexId first_new = static_cast<VertexId>(r.graph->vertex_count());
      const CountryView base_view(*r.graph);  // the snapshot's ties, copied
      std::vector<VertexId> homes(first_new);
      for (VertexId v = 0; v < first_new; ++v) homes[v] = r.graph->vertex(v).home;
      KnowledgeGraph::Builder builder(std::move(*r.graph), nullptr);
      r.graph.reset();
      if (fallback_names) builder.set_fallback_names(fallback_names);
      for (const Fact& f : added) builder.add(f);
      KnowledgeGraph graph = builder.finish();
      // A new fact that gave an older person or body its country moves that
      // entity's older events into other ties: then the ties are counted anew.
      bool homes_kept = true;
      for (VertexId v = 0; v < first_new && homes_kept; ++v)
        homes_kept = graph.vertex(v).home == homes[v];
      std::optional<CountryView> view;
      if (homes_kept)
        view.emplace(graph, base_view, first_new);
      else
        view.emplace(graph);
      write_snapshot(graph, extend_stamp(log, r.stamp, now), snap, &*view);
      u.how = SnapshotUpdate::How::extended;
      u.facts_added = added.size();
      u.vertices = graph.vertex_count();
      u.edges = graph.edge_count();
      return u;
    }
  } else if (r.state != SnapshotState::missing) {
    u.why_rebuilt = r.reason;
  }

  KnowledgeGraph::Builder builder(nullptr);
  if (fallback_names) builder.set_fallback_names(fallback_names);
  Diagnostics quiet(false);  // the writer reported damaged records already
  store.scan(
      quiet, [&](const Fact& f) { builder.add(f); },
      [&](std::size_t records) { builder.reserve(records); }, now.size);
  KnowledgeGraph graph = builder.finish();
  now = stamp_log(log, true);
  now.names = names;
  write_snapshot(graph, now, snap);
  u.how = SnapshotUpdate::How::rebuilt;
  u.vertices = graph.vertex_count();
  u.edges = graph.edge_count();
  return u;
}

}  // namespace dipgraph
