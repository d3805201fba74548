// snapshot ties: `neighbors` of a country read from a snapshot answers from
// the stored ties and strengths, `ties` of two countries takes the stored
// tie's events; both must give exactly (to the bit) what the walk over a
// graph built from the same facts gives, and fall back to the walk when the
// stored numbers are not the ones asked for (another half-life, a filter,
// --count-unrealized).
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <vector>

#include "graph/country_view.hpp"
#include "graph/fact_json.hpp"
#include "graph/graph_summary.hpp"
#include "graph/snapshot.hpp"
#include "graph/tie_tally.hpp"
#include "queries/neighbors.hpp"
#include "queries/ties.hpp"
#include "store_test_util.hpp"

using namespace dipgraph;
namespace fs = std::filesystem;

namespace {

// Facts among five countries, their officials and a national body, with
// every status, month and day dates that end on the same day ("2025-04"
// and "2025-04-30"), undated facts and many mentions.
std::vector<Fact> mixed_facts() {
  const char* parties[] = {
      R"({"id":"country:PAK"})",
      R"({"id":"country:CHN"})",
      R"({"id":"country:IND"})",
      R"({"id":"country:RUS"})",
      R"({"id":"country:UZB"})",
      R"({"id":"person:sharif","kind":"person","name":"Shehbaz Sharif","country":"PAK"})",
      R"({"id":"person:wang","kind":"person","name":"Wang Yi","country":"CHN"})",
      R"({"id":"org:mea","kind":"organization","name":"Ministry of External Affairs","country":"IND"})",
      R"({"id":"org:sco","kind":"organization","name":"Shanghai Cooperation Organisation"})",
  };
  const char* statuses[] = {"occurred", "planned", "negated", "ongoing", "intended", "negotiating"};
  const char* dates[] = {"2025-04", "2025-04-30", "2024", "", "2025-02-28", "2025-02", "2023-11-05"};
  const char* cameos[] = {"043", "010", "130", "061", "190"};
  std::vector<Fact> out;
  for (int i = 0; i < 120; ++i) {
    const char* a = parties[i % 9];
    const char* b = parties[(i * 7 + 3) % 9];
    if (a == b) continue;
    std::string date = dates[i % 7];
    std::string evidence;
    for (int k = 0; k <= i % 4; ++k)
      evidence += fmt::format(R"({}{{"article":"a{}-{}","sentence":0,"start":0,"end":1,"text":"x"}})",
                              k ? "," : "", i, k);
    const char* third = parties[(i + 2) % 9];
    std::string sides =
        i % 3 == 0   ? fmt::format(R"("participants":[{},{}])", a, b)
        : i % 5 == 0 ? fmt::format(R"("source":[{}],"target":[{}],"participants":[{}])", a, b, third)
                     : fmt::format(R"("source":[{}],"target":[{}])", a, b);
    std::string json = fmt::format(
        R"({{"id":"event:e{}","type":"{}","cameo":"{}","status":"{}",{}"confidence":{},{},"evidence":[{}]}})",
        i, i % 2 ? "meeting" : "statement", cameos[i % 5], statuses[i % 6],
        date.empty() ? "" : fmt::format(R"("date":"{}",)", date), 0.3 + (i % 7) / 10.0, sides,
        evidence);
    Fact f;
    std::string err;
    INFO(json);
    REQUIRE_MESSAGE(parse_fact(json, f, err), err);
    out.push_back(std::move(f));
  }
  return out;
}

void check_same(const KnowledgeGraph& built, const KnowledgeGraph& read,
                const std::vector<Neighbor>& x, const std::vector<Neighbor>& y) {
  REQUIRE(x.size() == y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    CAPTURE(i);
    CHECK(built.id(x[i].country) == read.id(y[i].country));
    CHECK(x[i].strength == y[i].strength);  // bit for bit: the same sums in the same order
    CHECK(x[i].tone.count == y[i].tone.count);
    CHECK(x[i].tone.happened == y[i].tone.happened);
    CHECK(x[i].tone.cooperative() == y[i].tone.cooperative());
    CHECK(x[i].tone.conflictual() == y[i].tone.conflictual());
    CHECK(x[i].tone.goldstein_sum == y[i].tone.goldstein_sum);
    CHECK(x[i].tone.a_to_b == y[i].tone.a_to_b);
    CHECK(x[i].tone.b_to_a == y[i].tone.b_to_a);
    CHECK(built.str(x[i].tone.first_date) == read.str(y[i].tone.first_date));
    CHECK(built.str(x[i].tone.last_date) == read.str(y[i].tone.last_date));
  }
}

struct Pair {
  KnowledgeGraph built;
  SnapshotRead read;
};

Pair built_and_read(const store_test::TempDir& dir) {
  Pair p{KnowledgeGraph::build(mixed_facts()), {}};
  LogStamp stamp;
  stamp.size = 10, stamp.ino = 1;
  write_snapshot(p.built, stamp, dir.path / "graph.snapshot");
  p.read = read_snapshot(dir.path / "graph.snapshot", stamp);
  REQUIRE_MESSAGE(p.read.state == SnapshotState::fresh, p.read.reason);
  return p;
}

const char* kCountries[] = {"country:PAK", "country:CHN", "country:IND", "country:RUS",
                            "country:UZB"};

}  // namespace

TEST_CASE("snapshot ties: neighbors of a country from the stored ties equal the walk's") {
  store_test::TempDir dir("snapshot_ties");
  Pair p = built_and_read(dir);
  const KnowledgeGraph& read = *p.read.graph;
  REQUIRE(CountryView(read).stored_strengths() != nullptr);
  for (const char* c : kCountries) {
    CAPTURE(c);
    NeighborOptions opt;
    opt.reference_day = newest_event_day(p.built);
    REQUIRE(opt.reference_day == newest_event_day(read));
    auto x = find_neighbors(p.built, p.built.find(c), opt);
    CHECK_FALSE(x.empty());
    check_same(p.built, read, x, find_neighbors(read, read.find(c), opt));
    // Not the stored numbers: the walk, on both.
    NeighborOptions other = opt;
    other.half_life_days = 30;
    check_same(p.built, read, find_neighbors(p.built, p.built.find(c), other),
               find_neighbors(read, read.find(c), other));
    other = opt;
    other.filter.statuses = {Status::occurred};
    check_same(p.built, read, find_neighbors(p.built, p.built.find(c), other),
               find_neighbors(read, read.find(c), other));
  }
  // A person: always the walk.
  check_same(p.built, read, find_neighbors(p.built, p.built.find("person:sharif")),
             find_neighbors(read, read.find("person:sharif")));
}

TEST_CASE("snapshot ties: --count-unrealized is not answered from the stored numbers") {
  store_test::TempDir dir("snapshot_ties");
  Pair p = built_and_read(dir);
  const KnowledgeGraph& read = *p.read.graph;
  set_count_unrealized(true);
  for (const char* c : kCountries) {
    CAPTURE(c);
    auto x = find_neighbors(p.built, p.built.find(c));
    auto y = find_neighbors(read, read.find(c));
    check_same(p.built, read, x, y);
    CountryView vb(p.built), vr(read);
    CHECK(tie_strengths(vb, newest_event_day(p.built)) ==
          tie_strengths(vr, newest_event_day(read)));
  }
  // A snapshot written meanwhile still stores the default numbers.
  LogStamp stamp;
  stamp.size = 10, stamp.ino = 1;
  write_snapshot(p.built, stamp, dir.path / "second.snapshot");
  set_count_unrealized(false);
  SnapshotRead second = read_snapshot(dir.path / "second.snapshot", stamp);
  REQUIRE(second.state == SnapshotState::fresh);
  for (const char* c : kCountries) {
    CAPTURE(c);
    check_same(p.built, *second.graph, find_neighbors(p.built, p.built.find(c)),
               find_neighbors(*second.graph, second.graph->find(c)));
  }
}

TEST_CASE("snapshot ties: stored strengths and tie events equal the computed ones") {
  store_test::TempDir dir("snapshot_ties");
  Pair p = built_and_read(dir);
  const KnowledgeGraph& read = *p.read.graph;
  CountryView vb(p.built), vr(read);
  REQUIRE(vr.stored_strengths() != nullptr);
  CHECK(vb.stored_strengths() == nullptr);
  CHECK(tie_strengths(vb, newest_event_day(p.built)) == tie_strengths(vr, newest_event_day(read)));
  for (const char* a : kCountries)
    for (const char* b : kCountries) {
      if (a == b) continue;
      CAPTURE(a);
      CAPTURE(b);
      Ties x = find_ties(p.built, p.built.find(a), p.built.find(b));
      Ties y = find_ties(read, read.find(a), read.find(b));
      CHECK(x.summary.count == y.summary.count);
      CHECK(x.summary.a_to_b == y.summary.a_to_b);
      CHECK(x.summary.goldstein_sum == y.summary.goldstein_sum);
      REQUIRE(x.groups.size() == y.groups.size());
      for (std::size_t g = 0; g < x.groups.size(); ++g) {
        REQUIRE(x.groups[g].facts.size() == y.groups[g].facts.size());
        for (std::size_t f = 0; f < x.groups[g].facts.size(); ++f)
          CHECK(p.built.id(x.groups[g].facts[f].event) == read.id(y.groups[g].facts[f].event));
      }
      const CountryTie* t = vb.find(p.built.find(a), p.built.find(b));
      CHECK(x.summary.count == (t ? t->count : 0));
    }
}
