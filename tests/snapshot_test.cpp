// snapshot: a graph written as a snapshot reads back as the same graph;
// a snapshot of another log state is stale, a damaged one is detected
// (truncated, flipped bytes, foreign file) and never yields a graph.
#include "graph/snapshot.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/dates.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/graph_summary.hpp"
#include "queries/neighbors.hpp"
#include "queries/stats.hpp"
#include "graph_test_util.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

using store_test::read_file;
using store_test::TempDir;
using store_test::write_file;

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  INFO(json);
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

// Every kind of vertex and edge, a fallback name, a non-ASCII label.
std::vector<Fact> sample_facts() {
  return {
      fact(R"({"type":"meeting","cameo":"043","status":"occurred","date":"2025-07-10",
        "source":[{"id":"person:alexei-overchuk","kind":"person","name":"Alexei Overchuk","country":"RUS","role":"Deputy Prime Minister"}],
        "target":[{"id":"country:PAK","name":"Pakistan"}],
        "location":{"name":"Moscow","country":"RUS"},"topics":["AFG"],
        "evidence":[{"article":"a1","sentence":3,"start":10,"end":60,"text":"Overchuk met Pakistani officials in Moscow.",
          "title":"Talks in Moscow","url":"https://example.org/a1","outlet":"Example Wire","published":"2025-07-10"}],
        "confidence":0.9})"),
      fact(R"({"type":"project","cameo":"061","status":"planned","date":"2025-08","name":"railway project",
        "participants":[{"id":"country:PAK"},{"id":"country:UZB","name":"Uzbekistan"},{"id":"org:SCO","kind":"organization","name":"Shanghai Cooperation Organisation"}],
        "evidence":[{"article":"a2","sentence":0,"start":0,"end":40,"text":"Pakistan and Uzbekistan plan a railway."}]})"),
      fact(R"({"type":"membership","cameo":"057","participants":[{"id":"country:UZB"},{"id":"org:SCO"}],
        "evidence":[{"article":"a3","sentence":0,"start":0,"end":10,"text":"Uzbekistan is a member."}]})"),
      fact(R"({"type":"statement","cameo":"010","status":"negated","date":"2024",
        "source":[{"id":"country:CIV","name":"Côte d'Ivoire"}],"target":[{"id":"country:BEL"}],
        "evidence":[{"article":"a4","sentence":1,"start":5,"end":30,"text":"Abidjan did not comment."}]})"),
  };
}

KnowledgeGraph sample_graph() {
  return KnowledgeGraph::build(sample_facts(), nullptr, [](std::string_view id) {
    return id == "country:BEL" ? std::string_view("Belgium") : std::string_view();
  });
}

LogStamp some_stamp() {
  LogStamp s;
  s.size = 1234, s.dev = 1, s.ino = 2, s.tail_crc = 0xabcd, s.names = 7;
  return s;
}

using graph_test::describe_all;

}  // namespace

TEST_CASE("snapshot: a written snapshot reads back as the same graph") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  KnowledgeGraph g = sample_graph();
  write_snapshot(g, some_stamp(), path);
  SnapshotRead r = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  REQUIRE(r.graph);
  CHECK(describe_all(*r.graph) == describe_all(g));
  CHECK(CountryView(g).ties().size() == 3);  // RUS-PAK, PAK-UZB, CIV-BEL: the stored view is used
  CHECK(r.stamp.matches(some_stamp()));
  // Without load, only checked.
  SnapshotRead c = read_snapshot(path, some_stamp(), false);
  CHECK(c.state == SnapshotState::fresh);
  CHECK_FALSE(c.graph);
  // The graph outlives the file.
  fs::remove(path);
  CHECK(describe_all(*r.graph) == describe_all(g));
}

TEST_CASE("snapshot: the stored summary answers stats and the reference day as the graph does") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  KnowledgeGraph g = sample_graph();
  CHECK(g.summary() == nullptr);  // a built graph has none: it is computed
  write_snapshot(g, some_stamp(), path);
  SnapshotRead r = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  const GraphSummary* sum = r.graph->summary();
  REQUIRE(sum != nullptr);
  CHECK(sum->ties == 3);
  CHECK(sum->articles == 4);
  CHECK(sum->dated == 3);  // the membership has no date
  CHECK(r.graph->str(sum->first_date) == "2024");
  CHECK(r.graph->str(sum->last_date) == "2025-08");
  CHECK(sum->countries.size() == 5);  // RUS, PAK, UZB, CIV, BEL (the membership ties nobody)
  GraphStats a = graph_stats(g, 100), b = graph_stats(*r.graph, 100);
  CHECK(a.by_type == b.by_type);
  CHECK(std::equal(std::begin(a.by_status), std::end(a.by_status), std::begin(b.by_status)));
  CHECK(std::equal(std::begin(a.by_quad), std::end(a.by_quad), std::begin(b.by_quad)));
  CHECK(a.articles == b.articles);
  CHECK(a.mentions == b.mentions);
  CHECK(a.dated == b.dated);
  CHECK(g.str(a.first_date) == r.graph->str(b.first_date));
  CHECK(g.str(a.last_date) == r.graph->str(b.last_date));
  CHECK(a.ties == b.ties);
  REQUIRE(a.top_countries.size() == b.top_countries.size());
  for (std::size_t i = 0; i < a.top_countries.size(); ++i) {
    CAPTURE(i);
    CHECK(g.id(a.top_countries[i].country) == r.graph->id(b.top_countries[i].country));
    CHECK(a.top_countries[i].partners == b.top_countries[i].partners);
    CHECK(a.top_countries[i].events == b.top_countries[i].events);
  }
  // The newest day of an event that happened: the 2025-07-10 meeting (the
  // 2025-08 project is only planned).
  CHECK(newest_event_day(*r.graph) == days_from_civil(2025, 7, 10));
  CHECK(newest_event_day(*r.graph) == newest_event_day(g));
}

TEST_CASE("snapshot: an empty graph round-trips") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  write_snapshot(KnowledgeGraph::build({}), some_stamp(), path);
  SnapshotRead r = read_snapshot(path, some_stamp());
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  CHECK(r.graph->vertex_count() == 0);
  CHECK(r.graph->find("country:PAK") == kNoVertex);
}

TEST_CASE("snapshot: another state of the log makes it stale") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  write_snapshot(sample_graph(), some_stamp(), path);
  struct Case {
    const char* what;
    LogStamp now;
    const char* reason;
  };
  std::vector<Case> cases;
  LogStamp grown = some_stamp();
  grown.size += 100;
  cases.push_back({"log grew", grown, "holds 1234 bytes of the log, the log has 1334"});
  LogStamp replaced = some_stamp();
  replaced.ino = 99;
  cases.push_back({"log replaced", replaced, "replaced"});
  LogStamp rewritten = some_stamp();
  rewritten.tail_crc = 1;
  cases.push_back({"same size, other bytes", rewritten, "content differs"});
  LogStamp names = some_stamp();
  names.names = 8;
  cases.push_back({"other dictionaries", names, "dictionaries changed"});
  for (const Case& c : cases) {
    CAPTURE(c.what);
    SnapshotRead r = read_snapshot(path, c.now);
    CHECK(r.state == SnapshotState::stale);
    CHECK_FALSE(r.graph);
    CHECK_MESSAGE(r.reason.find(c.reason) != std::string::npos, r.reason);
  }
  // A full checksum is compared when both sides have one.
  LogStamp full = some_stamp();
  full.full = true, full.crc = 5;
  write_snapshot(sample_graph(), full, path);
  LogStamp other = full;
  other.crc = 6;
  CHECK(read_snapshot(path, other).state == SnapshotState::stale);
  CHECK(read_snapshot(path, some_stamp()).state == SnapshotState::fresh);
}

TEST_CASE("snapshot: damage is detected, never loaded") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  write_snapshot(sample_graph(), some_stamp(), path);
  const std::string good = read_file(path);
  REQUIRE(good.size() > 512);
  CHECK(read_snapshot(dir.path / "none", some_stamp()).state == SnapshotState::missing);
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::vector<Case> cases = {
      {"empty", ""},
      {"truncated header", good.substr(0, 40)},
      {"truncated body", good.substr(0, good.size() - 9)},
      {"grown", good + "x"},
      {"not a snapshot", std::string(good.size(), 'x')},
  };
  // Flip one byte at places spread over the whole file (header and every section).
  for (std::size_t at : {std::size_t{3}, std::size_t{20}, std::size_t{60}, good.size() / 5,
                         good.size() / 3, good.size() / 2, good.size() * 3 / 4, good.size() - 20}) {
    std::string b = good;
    b[at] = static_cast<char>(b[at] ^ 0x40);
    cases.push_back({"flipped byte", b});
  }
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CAPTURE(c.bytes.size());
    write_file(path, c.bytes);
    SnapshotRead r = read_snapshot(path, some_stamp());
    CHECK(r.state == SnapshotState::damaged);
    CHECK_FALSE(r.graph);
    CHECK_FALSE(r.reason.empty());
  }
}

TEST_CASE("snapshot: a file of an older version (9: no event keys) is rebuilt") {
  TempDir dir("snapshot");
  fs::path path = dir.path / "graph.snapshot";
  write_snapshot(sample_graph(), some_stamp(), path);
  std::string old = read_file(path);
  REQUIRE(old.size() > 12);
  CHECK(old[8] == 10);  // the version follows the 8-byte magic
  old[8] = 9;
  write_file(path, old);
  SnapshotRead r = read_snapshot(path, some_stamp());
  CHECK(r.state == SnapshotState::damaged);
  CHECK_FALSE(r.graph);
  CHECK(r.reason.find("snapshot version 9 (this dipgraph reads 10)") != std::string::npos);
}

TEST_CASE("snapshot: stamp_log sees appends, rewrites and replacements") {
  TempDir dir("snapshot");
  fs::path log = dir.path / "facts.jsonl";
  CHECK(stamp_log(log, true).size == 0);
  write_file(log, "line one\n");
  LogStamp a = stamp_log(log, true);
  CHECK(a.size == 9);
  CHECK(a.matches(stamp_log(log, false)));
  { std::ofstream(log, std::ios::app) << "line two\n"; }
  LogStamp b = stamp_log(log, true);
  CHECK_FALSE(a.matches(b));
  // A line without its newline (torn, or being written) is not stamped.
  { std::ofstream(log, std::ios::app) << "line thr"; }
  LogStamp torn = stamp_log(log, true);
  CHECK(torn.size == 18);
  CHECK(torn.matches(b));
  CHECK(torn.crc == b.crc);
  fs::resize_file(log, 18);
  // Same size, one byte changed in the tail.
  std::string s = read_file(log);
  s[12] = 'X';
  write_file(log, s);
  CHECK_FALSE(b.matches(stamp_log(log, false)));
  // Replaced by rename: another file, even with the same bytes.
  LogStamp c = stamp_log(log, false);
  write_file(dir.path / "other", s);
  fs::rename(dir.path / "other", log);
  CHECK_FALSE(c.matches(stamp_log(log, false)));
}

TEST_CASE("snapshot: the lock excludes a second writer and clears stale temp files") {
  TempDir dir("snapshot");
  write_file(dir.path / "graph.snapshot.tmp.99999", "half");
  SnapshotLock a(dir.path, true);
  REQUIRE(a);
  CHECK_FALSE(fs::exists(dir.path / "graph.snapshot.tmp.99999"));
  // flock is per open file: a second lock of the same file fails without waiting.
  SnapshotLock b(dir.path, false);
  CHECK_FALSE(b);
}
