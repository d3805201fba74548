// queries/neighbors: partner countries ranked by the documented strength
// formula (confidence, mentions, recency decay), with the half-life and the
// reference day changing the order; officials count for their country, the
// entity's own country is no partner; the tone of each tie.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cmath>
#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/neighbors.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& json) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(parse_fact(json, f, err), err);
  return f;
}

Fact meeting(const std::string& id, const std::string& a, const std::string& b,
             const std::string& date, double confidence, int articles = 1) {
  std::string evidence;
  for (int i = 0; i < articles; ++i)
    evidence += fmt::format(R"({}{{"article":"{}-{}","sentence":0,"start":0,"end":1,"text":"x{}"}})",
                            i ? "," : "", id, i, i);
  return fact(fmt::format(
      R"({{"id":"event:{}","type":"meeting","cameo":"043",{}"confidence":{},"participants":[{},{}],"evidence":[{}]}})",
      id, date.empty() ? "" : fmt::format(R"("date":"{}",)", date), confidence, a, b, evidence));
}

const std::string kPak = R"({"id":"country:PAK","name":"Pakistan"})";
const std::string kSharif =
    R"({"id":"person:sharif","kind":"person","name":"Shehbaz Sharif","country":"PAK"})";

// Expected strengths at reference 2025-01-01, half-life 365 days:
// CHN 3 (three fresh facts), RUS 1 + ln 3 (one fact in three articles),
// USA 2 × 2^(-366/365) (two facts a year old), IND 0.5 × 0.5 (undated,
// confidence 0.5, through Sharif).
std::vector<Fact> sample() {
  return {
      meeting("c1", kPak, R"({"id":"country:CHN"})", "2025-01-01", 1.0),
      meeting("c2", kPak, R"({"id":"country:CHN"})", "2025-01-01", 1.0),
      meeting("c3", kPak, R"({"id":"country:CHN"})", "2025-01-01", 1.0),
      meeting("r1", kPak, R"({"id":"country:RUS"})", "2025-01-01", 1.0, 3),
      meeting("u1", kPak, R"({"id":"country:USA"})", "2024-01-01", 1.0),
      meeting("u2", kPak, R"({"id":"country:USA"})", "2024-01-01", 1.0),
      meeting("i1", kSharif, R"({"id":"country:IND"})", "", 0.5),
      meeting("s1", kSharif, R"({"id":"person:dar","kind":"person","country":"PAK"})", "2024-06",
              1.0),
      meeting("o1", kPak, R"({"id":"org:SCO","kind":"organization"})", "2024-06", 1.0),
  };
}

std::vector<std::string> codes(const KnowledgeGraph& g, const std::vector<Neighbor>& ns) {
  std::vector<std::string> out;
  for (const Neighbor& n : ns) out.emplace_back(g.str(g.vertex(n.country).country));
  return out;
}

}  // namespace

TEST_CASE("neighbors: ranked by the strength formula") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  REQUIRE(newest_event_day(g) == days_from_civil(2025, 1, 1));
  auto ns = find_neighbors(g, g.find("country:PAK"));
  CHECK(codes(g, ns) == std::vector<std::string>{"CHN", "RUS", "USA", "IND"});
  REQUIRE(ns.size() == 4);
  CHECK(ns[0].strength == doctest::Approx(3.0));
  CHECK(ns[1].strength == doctest::Approx(1.0 + std::log(3.0)));
  CHECK(ns[2].strength == doctest::Approx(2.0 * std::exp2(-366.0 / 365.0)));
  CHECK(ns[3].strength == doctest::Approx(0.25));
  CHECK(ns[0].tone.count == 3);
  CHECK(ns[0].tone.cooperative() == 3);
  CHECK(ns[0].tone.conflictual() == 0);
  CHECK(g.str(ns[2].tone.first_date) == "2024-01-01");
}

TEST_CASE("neighbors: half-life and reference day") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  struct Row {
    double half_life;
    int ref_year;  // 0: the newest fact
    std::vector<std::string> order;
    double usa;
  };
  for (const Row& row : std::vector<Row>{
           {365, 0, {"CHN", "RUS", "USA", "IND"}, 2.0 * std::exp2(-366.0 / 365)},
           // A short half-life sinks the year-old facts below the undated one.
           {30, 0, {"CHN", "RUS", "IND", "USA"}, 2.0 * std::exp2(-366.0 / 30)},
           {365, 2026, {"CHN", "RUS", "USA", "IND"}, 2.0 * std::exp2(-731.0 / 365)},
       }) {
    CAPTURE(row.half_life);
    CAPTURE(row.ref_year);
    NeighborOptions opt;
    opt.half_life_days = row.half_life;
    if (row.ref_year) opt.reference_day = days_from_civil(row.ref_year, 1, 1);
    auto ns = find_neighbors(g, g.find("country:PAK"), opt);
    CHECK(codes(g, ns) == row.order);
    for (const Neighbor& n : ns)
      if (g.id(n.country) == "country:USA") CHECK(n.strength == doctest::Approx(row.usa));
  }
}

TEST_CASE("neighbors: of a person, an organization, with a filter") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  // Sharif's own country (through Dar) is no partner.
  CHECK(codes(g, find_neighbors(g, g.find("person:sharif"))) == std::vector<std::string>{"IND"});
  CHECK(codes(g, find_neighbors(g, g.find("org:SCO"))) == std::vector<std::string>{"PAK"});
  NeighborOptions opt;
  opt.filter.since = "2024-06";
  CHECK(codes(g, find_neighbors(g, g.find("country:PAK"), opt)) ==
        std::vector<std::string>{"CHN", "RUS"});
  opt.filter = {};
  opt.filter.min_confidence = 0.6;
  CHECK(codes(g, find_neighbors(g, g.find("country:PAK"), opt)) ==
        std::vector<std::string>{"CHN", "RUS", "USA"});
}

TEST_CASE("neighbors: event weight and errors") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId r1 = g.find("event:r1");
  CHECK(event_weight(g, r1, std::nullopt) == doctest::Approx(1 + std::log(3.0)));
  CHECK(event_weight(g, r1, days_from_civil(2025, 1, 1) + 100, 100) ==
        doctest::Approx((1 + std::log(3.0)) / 2));
  // A reference before the fact does not make it weigh more.
  CHECK(event_weight(g, r1, days_from_civil(2020, 1, 1), 100) ==
        doctest::Approx(1 + std::log(3.0)));
  NeighborOptions bad;
  bad.half_life_days = 0;
  CHECK_THROWS_WITH(find_neighbors(g, g.find("country:PAK"), bad), doctest::Contains("half-life"));
  CHECK_THROWS_WITH(find_neighbors(g, r1), doctest::Contains("is an event"));
}

TEST_CASE("neighbors: the reference day ignores plans dated in the future") {
  auto facts = sample();
  Fact plan = meeting("p1", kPak, R"({"id":"country:CHN"})", "2027", 1.0);
  plan.status = Status::planned;
  facts.push_back(plan);
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  CHECK(newest_event_day(g) == days_from_civil(2025, 1, 1));
  // Only plans: the newest plan.
  std::vector<Fact> plans = {plan};
  KnowledgeGraph only = KnowledgeGraph::build(plans);
  CHECK(newest_event_day(only) == days_from_civil(2027, 12, 31));
  CHECK_FALSE(newest_event_day(KnowledgeGraph::build({})).has_value());
}
