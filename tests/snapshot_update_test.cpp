// snapshot_update: a store's snapshot extended by the facts appended since
// it was written is the graph built from all the facts; what cannot be
// extended (records of facts it holds) is rebuilt, with the same graph.
#include "graph/snapshot_update.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "fact_test_util.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_store.hpp"
#include "graph/snapshot.hpp"
#include "graph_test_util.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

using graph_test::describe_all;
using store_test::TempDir;

Fact fact(const std::string& json) { return testing::parsed_fact(json); }

// Facts whose later ones change what the earlier ones made: a placeholder
// country gets its name, a person without a country gets one (moving her
// earlier events into a tie), a membership, a new place of a known country,
// topics, an undated fact, a fact of the dictionaries' names only.
std::vector<Fact> facts() {
  return {
      fact(R"({"type":"meeting","cameo":"043","date":"2025-07-10",
        "source":[{"id":"person:aino-virtanen","kind":"person","name":"Aino Virtanen","role":"Minister"}],
        "target":[{"id":"country:PAK","name":"Pakistan"}],"location":{"name":"Helsinki","country":"FIN"},
        "evidence":[{"article":"a1","text":"Virtanen met Pakistani officials."}]})"),
      fact(R"({"type":"statement","cameo":"010","status":"negated","date":"2024",
        "source":[{"id":"country:CIV","name":"Côte d'Ivoire"}],"target":[{"id":"country:BEL"}],
        "evidence":[{"article":"a2","text":"Abidjan did not comment."}]})"),
      fact(R"({"type":"project","cameo":"061","status":"planned","date":"2025-08","name":"railway",
        "participants":[{"id":"country:PAK"},{"id":"country:UZB","name":"Uzbekistan"},{"id":"org:SCO","kind":"organization"}],
        "topics":["AFG"],"evidence":[{"article":"a3","text":"A railway is planned."}]})"),
      fact(R"({"type":"meeting","cameo":"043","date":"2023-01",
        "participants":[{"id":"person:aino-virtanen","country":"FIN"},{"id":"country:UZB"}],
        "evidence":[{"article":"a4","text":"Virtanen of Finland met Uzbek officials."}]})"),
      fact(
          R"({"type":"membership","cameo":"057","participants":[{"id":"country:UZB"},{"id":"org:SCO","name":"Shanghai Cooperation Organisation"}],
        "evidence":[{"article":"a5","text":"Uzbekistan joined."}]})"),
      fact(R"({"type":"criticism","cameo":"111","date":"2026-02-03",
        "source":[{"id":"country:BEL","name":"Belgium"}],"target":[{"id":"country:CIV"},{"id":"country:PAK"}],
        "location":{"name":"Brussels","country":"BEL"},"topics":["UZB"],
        "evidence":[{"article":"a6","text":"Belgium criticised both."}]})"),
      fact(R"({"type":"aid","cameo":"07","participants":[{"id":"country:FIN"},{"id":"country:AFG"}],
        "evidence":[{"article":"a7","text":"Finland sends aid to Afghanistan."}]})"),
  };
}

std::string_view dictionary(std::string_view id) {
  if (id == "country:BEL") return "Kingdom of Belgium";
  if (id == "country:AFG") return "Afghanistan";
  return {};
}

constexpr std::uint64_t kNames = 42;

std::string graph_from_snapshot(const FactStore& store) {
  LogStamp now = stamp_log(store.log_path(), false);
  now.names = kNames;
  SnapshotRead r = read_snapshot(snapshot_path(store.dir()), now);
  REQUIRE_MESSAGE(r.state == SnapshotState::fresh, r.reason);
  return describe_all(*r.graph);
}

std::string graph_from_facts(const FactStore& store) {
  Diagnostics diag(false);
  return describe_all(KnowledgeGraph::build(store.load(diag), nullptr, dictionary));
}

}  // namespace

TEST_CASE("snapshot_update: a snapshot extended by new facts is the graph of all facts") {
  const std::vector<Fact> all = facts();
  for (std::size_t split = 1; split < all.size(); ++split) {
    CAPTURE(split);
    TempDir dir("snapupd");
    FactStore store(dir.path / "s");
    Diagnostics diag(false);
    store.append({all.begin(), all.begin() + static_cast<std::ptrdiff_t>(split)}, diag);
    SnapshotUpdate first = update_store_snapshot(store, kNames, dictionary, diag);
    CHECK(first.how == SnapshotUpdate::How::rebuilt);
    CHECK(graph_from_snapshot(store) == graph_from_facts(store));

    store.append({all.begin() + static_cast<std::ptrdiff_t>(split), all.end()}, diag);
    SnapshotUpdate second = update_store_snapshot(store, kNames, dictionary, diag);
    CHECK(second.how == SnapshotUpdate::How::extended);
    CHECK(second.facts_added == all.size() - split);
    CHECK(graph_from_snapshot(store) == graph_from_facts(store));
    // Nothing appended: nothing to do.
    CHECK(update_store_snapshot(store, kNames, dictionary, diag).how ==
          SnapshotUpdate::How::up_to_date);
    CHECK(diag.error_count() == 0);
  }
}

TEST_CASE("snapshot_update: a snapshot extended several times keeps the whole log's checksum") {
  const std::vector<Fact> all = facts();
  TempDir dir("snapupd");
  FactStore store(dir.path / "s");
  Diagnostics diag(false);
  for (const Fact& f : all) {
    store.append({f}, diag);
    update_store_snapshot(store, kNames, dictionary, diag);
  }
  CHECK(graph_from_snapshot(store) == graph_from_facts(store));
  // The stamp's whole-log CRC, carried over the extensions, is the log's.
  LogStamp full = stamp_log(store.log_path(), true);
  full.names = kNames;
  SnapshotRead r = read_snapshot(snapshot_path(store.dir()), full, false);
  CHECK(r.state == SnapshotState::fresh);
  CHECK(r.stamp.full);
  CHECK(r.stamp.crc == full.crc);
}

TEST_CASE("snapshot_update: re-reports of facts it holds update their events") {
  const std::vector<Fact> all = facts();
  TempDir dir("snapupd");
  FactStore store(dir.path / "s");
  Diagnostics diag(false);
  store.append(all, diag);
  update_store_snapshot(store, kNames, dictionary, diag);

  // Reported by other articles (mentions 2, a higher confidence), one with
  // the CAMEO code and date its first report lacked (its ties change), and
  // a new fact beside them.
  Fact again = all[0];
  again.evidence[0].article = "b1";
  again.confidence = 0.95;
  Fact filled = all[6];
  filled.cameo = "071";
  filled.root = "07";
  filled.quad_class = 2;
  filled.goldstein = 7.4;
  filled.date = "2025-03";
  filled.evidence[0].article = "b2";
  Fact fresh = fact(R"({"type":"visit","cameo":"042","date":"2026-05-01",
      "source":[{"id":"country:FIN"}],"target":[{"id":"country:PAK"}],
      "evidence":[{"article":"b3","text":"A visit."}]})");
  store.append({again, filled, fresh}, diag);
  SnapshotUpdate u = update_store_snapshot(store, kNames, dictionary, diag);
  CHECK(u.how == SnapshotUpdate::How::extended);
  CHECK(u.facts_added == 1);
  CHECK(u.facts_updated == 2);
  CHECK(graph_from_snapshot(store) == graph_from_facts(store));
  CHECK(diag.error_count() == 0);

  // A report that adds a party changes the graph's edges: rebuilt.
  Fact more = all[1];
  more.evidence[0].article = "b4";
  more.target.push_back(store_test::country("FRA"));
  store.append({more}, diag);
  u = update_store_snapshot(store, kNames, dictionary, diag);
  CHECK(u.how == SnapshotUpdate::How::rebuilt);
  CHECK(u.why_rebuilt.find("change its parties") != std::string::npos);
  CHECK(graph_from_snapshot(store) == graph_from_facts(store));
}

TEST_CASE("snapshot_update: other dictionaries: rebuilt") {
  TempDir dir("snapupd");
  FactStore store(dir.path / "s");
  Diagnostics diag(false);
  store.append(facts(), diag);
  update_store_snapshot(store, kNames, dictionary, diag);
  store.append({fact(R"({"type":"visit","participants":[{"id":"country:IRL"}],
      "evidence":[{"article":"c1","text":"A visit."}]})")},
               diag);
  SnapshotUpdate u = update_store_snapshot(store, kNames + 1, dictionary, diag);
  CHECK(u.how == SnapshotUpdate::How::rebuilt);
  CHECK(u.why_rebuilt == "the dictionaries changed since it was written");
}

TEST_CASE("snapshot_update: a log rewritten under the snapshot is never extended") {
  const std::vector<Fact> all = facts();
  TempDir dir("snapupd");
  FactStore store(dir.path / "s");
  Diagnostics diag(false);
  store.append({all[0], all[1]}, diag);
  update_store_snapshot(store, kNames, dictionary, diag);
  // The same length, other bytes before the end the snapshot holds, then
  // more records: not a log that grew from the snapshot's.
  std::string log = store_test::read_file(store.log_path());
  std::string other;
  {
    TempDir d2("snapupd");
    FactStore s2(d2.path / "s");
    s2.append({all[1], all[0]}, diag);
    other = store_test::read_file(s2.log_path());
  }
  REQUIRE(other.size() == log.size());
  {
    std::ofstream out(store.log_path(), std::ios::binary | std::ios::in | std::ios::out);
    out << other;  // in place: the same file
  }
  FactStore reopened(store.dir(), false);
  reopened.append({all[2]}, diag);
  SnapshotUpdate u = update_store_snapshot(reopened, kNames, dictionary, diag);
  CHECK(u.how == SnapshotUpdate::How::rebuilt);
  CHECK(graph_from_snapshot(reopened) == graph_from_facts(reopened));
}
