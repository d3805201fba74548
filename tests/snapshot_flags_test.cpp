// snapshot flags: every vertex's kind and status in one byte (VertexFlags,
// the snapshot's "vertex flags" section, docs/graph.md "Layout"): they agree
// with the vertex records in a built graph, a snapshot read back whole or
// lazily, and a graph extended by new facts; a flag byte out of range under
// a valid checksum makes the snapshot damaged; check_event_blocks checks on
// two threads what reading many events reaches, and answers do not change.
// snapshot keys: the column of event keys (EventKeys, "event keys") holds
// what the records hold, and a key out of range makes the snapshot damaged.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "graph/detail/snapshot_format.hpp"
#include "graph/fact_store.hpp"
#include "graph/snapshot.hpp"
#include "graph_test_util.hpp"
#include "snapshot_test_util.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;
using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

namespace {

// Facts of every status, some with a person or a place, over enough
// vertices for several blocks of the vertex table (8,192 vertices each).
std::vector<Fact> mixed_facts(int n) {
  static const Status kStatuses[] = {Status::occurred,    Status::planned, Status::intended,
                                     Status::negotiating, Status::ongoing, Status::negated};
  std::vector<Fact> facts;
  for (int i = 0; i < n; ++i) {
    Fact f;
    f.type = i % 3 ? "meeting" : "visit", f.cameo = "043", f.root = "04", f.quad_class = 1;
    f.status = kStatuses[i % 6];
    f.date = "2025-01-" + std::to_string(10 + i % 18);
    f.participants = {store_test::country("C" + std::to_string(i % 40)),
                      store_test::country("D" + std::to_string(i % 37))};
    if (i % 7 == 0) {
      Actor p;
      p.id = "person:p" + std::to_string(i % 50), p.kind = ActorKind::person;
      p.name = "Person " + std::to_string(i % 50), p.country = "C1";
      f.participants.push_back(p);
    }
    if (i % 5 == 0) f.location = Location{"Town " + std::to_string(i % 30), "D2"};
    Evidence e;
    e.article = "a" + std::to_string(i);
    e.text = "Sentence " + std::to_string(i) + ".";
    f.evidence = {e};
    settle_fact_id(f);
    facts.push_back(f);
  }
  return facts;
}

LogStamp some_stamp() {
  LogStamp s;
  s.size = 99, s.dev = 1, s.ino = 2, s.tail_crc = 7, s.names = 3;
  return s;
}

// Each vertex's flags hold its record's kind and status; returns the
// number of disagreements.
int disagreements(const KnowledgeGraph& g) {
  REQUIRE(g.vertex_flags().size() == g.vertex_count());
  int bad = 0;
  for (VertexId v = 0; v < g.vertex_count(); ++v) {
    const std::uint8_t f = g.vertex_flags()[v];
    bad += VertexFlags::kind(f) != g.kind(v) || VertexFlags::status(f) != g.vertex(v).status ||
           (f & 0x80) != 0;
  }
  return bad;
}

}  // namespace

TEST_CASE("snapshot flags: built, read back and extended, they agree with the records") {
  const std::vector<Fact> facts = mixed_facts(30000);
  const KnowledgeGraph built = KnowledgeGraph::build(facts);
  CHECK(disagreements(built) == 0);
  int negated = 0, places = 0;
  for (std::uint8_t f : built.vertex_flags()) {
    negated +=
        VertexFlags::kind(f) == VertexKind::event && VertexFlags::status(f) == Status::negated;
    places += VertexFlags::kind(f) == VertexKind::place;
  }
  CHECK(negated > 1000);  // facts of equal ids merge: not a sixth of 30,000
  CHECK(places == 6);
  CHECK(static_cast<std::size_t>(places) == built.count(VertexKind::place));

  TempDir dir("snapflags");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(built, some_stamp(), path);
  SnapshotRead whole = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(whole.state == SnapshotState::fresh, whole.reason);
  CHECK(disagreements(*whole.graph) == 0);
  const LazyChecks lazy;
  SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  const std::vector<std::uint8_t> read(r.graph->vertex_flags().begin(),
                                       r.graph->vertex_flags().end());
  CHECK(read ==
        std::vector<std::uint8_t>(built.vertex_flags().begin(), built.vertex_flags().end()));
  CHECK(disagreements(*r.graph) == 0);

  // Extended by the last third of the facts: the graph built from all.
  const std::vector<Fact> first(facts.begin(), facts.begin() + 20000);
  write_snapshot(KnowledgeGraph::build(first), some_stamp(), path);
  SnapshotRead base = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(base.state == SnapshotState::fresh, base.reason);
  KnowledgeGraph::Builder more(std::move(*base.graph));
  for (std::size_t i = 20000; i < facts.size(); ++i) more.add(facts[i]);
  const KnowledgeGraph extended = more.finish();
  CHECK(disagreements(extended) == 0);
  CHECK(graph_test::describe_all(extended) == graph_test::describe_all(built));
}

TEST_CASE("snapshot flags: an entity no fact named keeps its placeholder bit through a snapshot") {
  std::vector<Fact> facts = mixed_facts(10);
  Actor member;  // named by code only: a placeholder
  member.id = "org:XYZ", member.kind = ActorKind::organization;
  facts[0].participants.push_back(member);
  settle_fact_id(facts[0]);
  const KnowledgeGraph g = KnowledgeGraph::build(facts);
  const VertexId org = g.find("org:XYZ");
  REQUIRE(org != kNoVertex);
  CHECK((g.vertex_flags()[org] & VertexFlags::kPlaceholder) != 0);
  CHECK((g.vertex_flags()[g.find("country:C1")] & VertexFlags::kPlaceholder) == 0);
  TempDir dir("snapflags");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(g, some_stamp(), path);
  SnapshotRead r = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  CHECK(r.graph->vertex_flags()[org] == g.vertex_flags()[org]);
}

// The snapshot at `path` with the bytes of its one-block section `s` changed
// by `change`, resealed: written to `out`.
template <class Change>
void craft(const fs::path& path, detail::Section s, const fs::path& out, Change&& change) {
  std::string bytes = read_file(path);
  const auto& sec = snapshot_test::header_of(bytes).sections[s];
  REQUIRE(sec.size < detail::kBlockBytes);  // one block
  change(bytes.data() + sec.offset, sec.size);
  snapshot_test::reseal_block(bytes, s, sec.offset);
  write_file(out, bytes);
}

TEST_CASE("snapshot flags: a flag out of range under a valid checksum makes it damaged") {
  const KnowledgeGraph g = KnowledgeGraph::build(mixed_facts(100));
  TempDir dir("snapflags");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(g, some_stamp(), path);
  for (std::uint8_t bad : {std::uint8_t{5 << 1}, std::uint8_t{6 << 4}, std::uint8_t{0x80}}) {
    CAPTURE(int(bad));
    const fs::path crafted = dir.path / "crafted.snapshot";
    craft(path, detail::snap::kVertexFlags, crafted, [&](char* sec, std::uint64_t size) {
      REQUIRE(size == g.vertex_count());
      sec[3] = static_cast<char>(bad);
    });
    const LazyChecks lazy;
    for (const LazyChecks* how : {static_cast<const LazyChecks*>(nullptr), &lazy}) {
      SnapshotRead r = read_snapshot(crafted, some_stamp(), true, nullptr, how);
      CHECK(r.state == SnapshotState::damaged);
      CHECK_FALSE(r.graph);
      CHECK_MESSAGE(
          r.reason.find("vertex flags block 0: vertex flags out of range") != std::string::npos,
          r.reason);
    }
  }
}

TEST_CASE("snapshot keys: the column of event keys holds each event's type, date, code and confidence") {
  const KnowledgeGraph g = KnowledgeGraph::build(mixed_facts(300));
  CHECK(g.event_keys().empty());  // built from facts: the records are read
  TempDir dir("snapkeys");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(g, some_stamp(), path);
  const LazyChecks lazy;
  for (const LazyChecks* how : {static_cast<const LazyChecks*>(nullptr), &lazy}) {
    SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, how);
    REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
    const std::span<const EventKeys> keys = r.graph->event_keys();
    REQUIRE(keys.size() == g.vertex_count());
    int events = 0;
    for (VertexId v = 0; v < g.vertex_count(); ++v) {
      const VertexData& d = g.vertex(v);
      if (d.kind != VertexKind::event) {
        CHECK((keys[v].type == 0 && keys[v].date == 0 && keys[v].cameo == 0 && keys[v].confidence == 0));
        continue;
      }
      ++events;
      CHECK(r.graph->str(keys[v].type) == g.str(d.type));
      CHECK(r.graph->str(keys[v].date) == g.str(d.date));
      CHECK(r.graph->str(keys[v].cameo) == g.str(d.cameo));
      CHECK(keys[v].confidence == static_cast<float>(d.confidence));
    }
    CHECK(events == 300);
  }
}

TEST_CASE("snapshot keys: a key's string id out of range under a valid checksum makes it damaged") {
  const KnowledgeGraph g = KnowledgeGraph::build(mixed_facts(100));
  TempDir dir("snapkeys");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(g, some_stamp(), path);
  const fs::path crafted = dir.path / "crafted.snapshot";
  craft(path, detail::snap::kEventKeys, crafted, [&](char* sec, std::uint64_t size) {
    REQUIRE(size == g.vertex_count() * sizeof(EventKeys));
    const std::uint32_t bad = 0xfffffff0u;
    std::memcpy(sec + (size / sizeof(EventKeys) - 1) * sizeof(EventKeys) + 4, &bad, 4);  // a date id
  });
  SnapshotRead r = read_snapshot(crafted, some_stamp());
  CHECK(r.state == SnapshotState::damaged);
  CHECK_MESSAGE(r.reason.find("event keys block 0: an event key's string id out of range") != std::string::npos,
                r.reason);
  // Checked on first use: opening passes, reading the column throws (no
  // log to fail over to).
  const LazyChecks lazy;
  r = read_snapshot(crafted, some_stamp(), true, nullptr, &lazy);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  CHECK_THROWS_AS(r.graph->event_keys(), Error);
}

TEST_CASE("snapshot flags: check_event_blocks checks what many events reach, answers unchanged") {
  const KnowledgeGraph g = KnowledgeGraph::build(mixed_facts(30000));
  TempDir dir("snapflags");
  const fs::path path = dir.path / "graph.snapshot";
  write_snapshot(g, some_stamp(), path);
  const LazyChecks lazy;
  SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  const KnowledgeGraph& s = *r.graph;
  std::vector<VertexId> events;
  for (VertexId v = 0; v < s.vertex_count(); ++v)
    if (VertexFlags::kind(s.vertex_flags()[v]) == VertexKind::event && v % 3 == 0)
      events.push_back(v);
  REQUIRE(events.size() >= 4096);
  const std::uint64_t opened = snapshot_blocks(s).checked;
  check_event_blocks(s, events);
  const std::uint64_t after = snapshot_blocks(s).checked;
  CHECK(after > opened);
  // Reading them now checks nothing more.
  std::string text;
  for (VertexId ev : events) {
    const VertexData& d = s.vertex(ev);
    text += std::string(s.label(ev)) + std::string(s.str(d.evidence)) + std::string(s.str(d.date)) +
            std::string(s.str(d.article));
    for (const EdgeRef& e : g.edges_of(ev))  // the parties, from the built graph
      if (e.target == ev) text += s.label(e.source);
  }
  CHECK(snapshot_blocks(s).checked == after);
  CHECK(graph_test::describe_all(s) == graph_test::describe_all(g));
  // A few events: nothing checked ahead.
  SnapshotRead few = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
  const std::uint64_t before = snapshot_blocks(*few.graph).checked;
  check_event_blocks(*few.graph, std::span(events).first(10));
  CHECK(snapshot_blocks(*few.graph).checked == before);
}
