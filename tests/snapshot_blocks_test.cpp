// snapshot blocks: a query's graph checks each block of its snapshot when
// it first reads it (docs/graph.md, "Layout (version 10)"): blocks no query
// reached are never read; a damaged block found mid-query is failed over
// (the snapshot rewritten, mapped in place) and the answers are the
// undamaged graph's; an index out of range in a block whose checksum is
// valid is caught, at first use and by a whole check.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/detail/snapshot_format.hpp"
#include "graph/error.hpp"
#include "graph/fact_store.hpp"
#include "graph/snapshot.hpp"
#include "graph_test_util.hpp"
#include "snapshot_test_util.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;
using snapshot_test::header_of;
using snapshot_test::reseal_block;
using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

namespace {

// Enough facts for several blocks of vertices, rows and strings (a vertex
// block holds 8,192 vertices).
KnowledgeGraph many_facts_graph() {
  std::vector<Fact> facts;
  for (int i = 0; i < 30000; ++i) {
    Fact f;
    f.type = "meeting", f.cameo = "043", f.root = "04", f.quad_class = 1;
    f.date = "2025-01-" + std::to_string(10 + i % 18);
    f.participants = {store_test::country("C" + std::to_string(i % 40)),
                      store_test::country("D" + std::to_string(i % 37))};
    Evidence e;
    e.article = "a" + std::to_string(i);
    e.text = "Sentence number " + std::to_string(i) + " says the two met.";
    f.evidence = {e};
    settle_fact_id(f);
    facts.push_back(f);
  }
  return KnowledgeGraph::build(facts);
}

LogStamp some_stamp() {
  LogStamp s;
  s.size = 1234, s.dev = 1, s.ino = 2, s.tail_crc = 0xabcd, s.names = 7;
  return s;
}

// The byte offset of vertex v's label in the snapshot `bytes`.
std::size_t label_at(const std::string& bytes, VertexId v) {
  return header_of(bytes).sections[detail::snap::kVertices].offset +
         v * sizeof(detail::DiskVertex) + offsetof(detail::DiskVertex, label);
}

// A snapshot of many_facts_graph() in a temp directory.
struct Written {
  TempDir dir{"snapblocks"};
  fs::path path = dir.path / "graph.snapshot";
  KnowledgeGraph g = many_facts_graph();
  Written() { write_snapshot(g, some_stamp(), path); }
};

}  // namespace

TEST_CASE("snapshot blocks: a query reads only the blocks it reaches") {
  Written w;
  const fs::path& path = w.path;
  const KnowledgeGraph& g = w.g;
  const LazyChecks lazy;
  SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  const KnowledgeGraph& s = *r.graph;
  const SnapshotBlocks opened = snapshot_blocks(s);
  CAPTURE(opened.checked);
  CAPTURE(opened.total);
  CHECK(opened.total > 10);
  CHECK(opened.checked < opened.total / 2);  // the small sections only
  // One vertex: its block; its label: one block of offsets, one of bytes.
  const VertexId last = static_cast<VertexId>(s.vertex_count() - 1);
  CHECK(s.label(last) == g.label(last));
  const SnapshotBlocks one = snapshot_blocks(s);
  CHECK(one.checked > opened.checked);
  CHECK(one.checked <= opened.checked + 3);
  CHECK(s.label(last) == g.label(last));  // checked once
  CHECK(snapshot_blocks(s).checked == one.checked);
  // Every answer still the built graph's; then every block was reached.
  CHECK(graph_test::describe_all(s) == graph_test::describe_all(g));
  CHECK(snapshot_blocks(s).checked > one.checked);
  // A graph checked whole has no gate.
  SnapshotRead whole = read_snapshot(path, some_stamp());
  CHECK(snapshot_blocks(*whole.graph).total == 0);
}

TEST_CASE("snapshot blocks: a damaged block found mid-query is failed over") {
  Written w;
  const fs::path& path = w.path;
  const KnowledgeGraph& g = w.g;
  const std::string good = read_file(path);
  std::string bad = good;
  const VertexId last = static_cast<VertexId>(g.vertex_count() - 1);
  bad[label_at(bad, last)] ^= 0x01;  // a label id one off: wrong, and in range
  write_file(path, bad);

  SUBCASE("without failover the query stops") {
    const LazyChecks lazy;
    SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
    REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);  // the block is not read yet
    CHECK(r.graph->label(0) == g.label(0));
    CHECK_THROWS_WITH_AS(r.graph->label(last), doctest::Contains("checksum mismatch"), Error);
  }
  SUBCASE("failover rewrites the snapshot and the query goes on") {
    int calls = 0;
    std::string why;
    LazyChecks lazy;
    lazy.failover = [&](const std::string& reason, std::uint64_t) {
      ++calls, why = reason;
      write_snapshot(g, some_stamp(), path);  // what a rebuild from the log writes
    };
    SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
    REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
    CHECK(graph_test::describe_all(*r.graph) == graph_test::describe_all(g));
    CHECK(calls == 1);
    CHECK_MESSAGE(why.find("vertices block") != std::string::npos, why);
    CHECK(read_file(path) == good);
  }
  SUBCASE("a rebuilt file laid out otherwise stops the query, never mixes") {
    LazyChecks lazy;
    lazy.failover = [&](const std::string&, std::uint64_t) {
      write_snapshot(KnowledgeGraph::build({}), some_stamp(), path);
    };
    SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
    REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
    CHECK_THROWS_WITH_AS(r.graph->label(last), doctest::Contains("run the command again"), Error);
  }
  // A whole check finds it at once.
  SnapshotRead whole = read_snapshot(path, some_stamp(), false);
  if (read_file(path) == bad) {
    CHECK(whole.state == SnapshotState::damaged);
    CHECK_MESSAGE(whole.reason.find("checksum mismatch") != std::string::npos, whole.reason);
  }
}

TEST_CASE("snapshot blocks: an index out of range under a valid checksum is caught") {
  Written w;
  const fs::path& path = w.path;
  const KnowledgeGraph& g = w.g;
  std::string bytes = read_file(path);
  const VertexId last = static_cast<VertexId>(g.vertex_count() - 1);
  const std::uint32_t huge = 0xfffffff0u;  // no such string
  std::memcpy(bytes.data() + label_at(bytes, last), &huge, 4);
  reseal_block(bytes, detail::snap::kVertices, label_at(bytes, last));
  write_file(path, bytes);

  const LazyChecks lazy;  // no failover: the query stops
  SnapshotRead r = read_snapshot(path, some_stamp(), true, nullptr, &lazy);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  CHECK(r.graph->label(0) == g.label(0));
  CHECK_THROWS_WITH_AS(r.graph->label(last), doctest::Contains("string id out of range"), Error);
  // `check` (a whole read) says damaged.
  SnapshotRead whole = read_snapshot(path, some_stamp(), false);
  CHECK(whole.state == SnapshotState::damaged);
  CHECK_MESSAGE(whole.reason.find("vertices block") != std::string::npos, whole.reason);
  CHECK_MESSAGE(whole.reason.find("string id out of range") != std::string::npos, whole.reason);
}
