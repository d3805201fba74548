// Updating a store's snapshot: extend the snapshot's graph with the facts
// appended to the log since it was written, or build it from the whole log.
#include "graph/snapshot_update.hpp"

#include <fmt/core.h>

#include <algorithm>
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

bool same_actors(const std::vector<Actor>& a, const std::vector<Actor>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const Actor& x, const Actor& y) {
           return x.id == y.id && x.kind == y.kind && x.name == y.name && x.country == y.country &&
                  x.role == y.role;
         });
}

// Whether the later records of a fact changed what its event vertex and
// its edges were built from (then the graph is built again), or only
// fields of the vertex (codes, date, confidence, mentions, evidence).
bool same_structure(const Fact& a, const Fact& b) {
  auto same_place = [](const std::optional<Location>& x, const std::optional<Location>& y) {
    return x.has_value() == y.has_value() &&
           (!x || (x->name == y->name && x->country == y->country));
  };
  return a.type == b.type && a.status == b.status && a.name == b.name && a.topics == b.topics &&
         same_place(a.location, b.location) && same_actors(a.source, b.source) &&
         same_actors(a.target, b.target) && same_actors(a.participants, b.participants);
}

// The appended facts split into new ones and records of facts `base` holds
// (as event vertices); false (with why) if one cannot be handled.
bool split_facts(const KnowledgeGraph& base, std::vector<Fact>& facts, std::vector<Fact>& fresh,
                 std::vector<std::pair<VertexId, std::string>>& known, std::string& why) {
  for (Fact& f : facts) {
    if (!printable_ascii(f.id)) {
      why = fmt::format("fact id {} needs cleaning", f.id);
      return false;
    }
    VertexId v = base.find(f.id);
    if (v == kNoVertex) {
      fresh.push_back(std::move(f));
    } else if (base.vertex(v).kind == VertexKind::event) {
      known.emplace_back(v, f.id);
    } else {
      why = fmt::format("fact id {} is an entity's", f.id);
      return false;
    }
  }
  return true;
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
    std::vector<Fact> appended = store.load_range(diag, r.stamp.size, now.size), added;
    std::vector<std::pair<VertexId, std::string>> known;  // event vertex, fact id
    std::vector<FactStore::Versions> versions;
    bool ok = split_facts(*r.graph, appended, added, known, u.why_rebuilt);
    bool ties_kept = true;  // no re-reported fact changed what its ties count
    if (ok && !known.empty()) {
      std::vector<std::string> ids;
      for (const auto& k : known) ids.push_back(k.second);
      versions = store.stored_versions(ids, r.stamp.size, diag);
      for (std::size_t i = 0; i < known.size() && ok; ++i) {
        const Fact& before = versions[i].before;
        const Fact& after = versions[i].after;
        if (before.id.empty() || after.id.empty() || !same_structure(before, after)) {
          ok = false;
          u.why_rebuilt =
              fmt::format("new records of {} change its parties, place or kind", ids[i]);
        }
        const VertexData& d = r.graph->vertex(known[i].first);
        ties_kept = ties_kept && r.graph->str(d.cameo) == after.cameo &&
                    d.quad_class == std::clamp(after.quad_class, 0, 4) &&
                    d.goldstein == after.goldstein && r.graph->str(d.date) == after.date;
      }
    }
    if (ok) {
      const VertexId first_new = static_cast<VertexId>(r.graph->vertex_count());
      const CountryView base_view(*r.graph);  // the snapshot's ties, copied
      std::vector<VertexId> homes(first_new);
      for (VertexId v = 0; v < first_new; ++v) homes[v] = r.graph->vertex(v).home;
      KnowledgeGraph::Builder builder(std::move(*r.graph), nullptr);
      r.graph.reset();
      if (fallback_names) builder.set_fallback_names(fallback_names);
      for (std::size_t i = 0; i < known.size(); ++i)
        builder.update_event(known[i].first, versions[i].after);
      for (const Fact& f : added) builder.add(f);
      KnowledgeGraph graph = builder.finish();
      // A new fact that gave an older person or body its country moves that
      // entity's older events into other ties: then the ties are counted anew.
      bool homes_kept = true;
      for (VertexId v = 0; v < first_new && homes_kept; ++v)
        homes_kept = graph.vertex(v).home == homes[v];
      std::optional<CountryView> view;
      if (homes_kept && ties_kept)
        view.emplace(graph, base_view, first_new);
      else
        view.emplace(graph);
      write_snapshot(graph, extend_stamp(log, r.stamp, now), snap, &*view);
      u.how = SnapshotUpdate::How::extended;
      u.facts_added = added.size();
      u.facts_updated = known.size();
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
