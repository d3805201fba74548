// queries/neighbors: partner countries ranked by the documented strength
// formula (confidence, mentions, recency decay), with the half-life and the
// reference day changing the order; officials count for their country, the
// entity's own country is no partner; the tone of each tie.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <climits>
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

TEST_CASE("neighbors: a walk long enough to go in two halves counts every event once, with the filter applied") {
  // 70,000 meetings of Pakistan (more than the 65,536 after which the walk
  // is split): with China on even days of 2024, with Russia on odd ones,
  // confidence 0.4 on every third. Dates cycle through 2024.
  std::vector<Fact> facts;
  const int n = 70000;
  facts.reserve(n);
  int china = 0, russia = 0, china_kept = 0;
  std::int32_t first_kept = INT32_MAX, last_kept = INT32_MIN;
  double china_strength = 0;
  const std::int32_t ref = days_from_civil(2024, 12, 31);
  for (int i = 0; i < n; ++i) {
    const int day = i % 366;
    const bool cn = day % 2 == 0;
    const double conf = i % 3 == 0 ? 0.4 : 0.9;
    const std::int32_t d = days_from_civil(2024, 1, 1) + day;
    facts.push_back(meeting(fmt::format("m{}", i), kPak, cn ? R"({"id":"country:CHN"})" : R"({"id":"country:RUS"})",
                            civil_from_days(d), conf));
    (cn ? china : russia) += 1;
    if (cn && conf >= 0.5) {
      ++china_kept;
      china_strength += conf * std::exp2(-(ref - d) / 365.0);
      first_kept = std::min(first_kept, d);
      last_kept = std::max(last_kept, d);
    }
  }
  KnowledgeGraph g = KnowledgeGraph::build(std::move(facts));
  NeighborOptions all;
  auto ns = find_neighbors(g, g.find("country:PAK"), all);
  REQUIRE(ns.size() == 2);
  CHECK(ns[0].tone.count + ns[1].tone.count == static_cast<std::uint32_t>(n));
  for (const Neighbor& x : ns)
    CHECK(x.tone.count == static_cast<std::uint32_t>(g.str(g.vertex(x.country).country) == "CHN" ? china : russia));
  NeighborOptions kept;
  kept.filter.min_confidence = 0.5;
  kept.reference_day = ref;
  ns = find_neighbors(g, g.find("country:PAK"), kept);
  const Neighbor* cn = nullptr;
  for (const Neighbor& x : ns)
    if (g.str(g.vertex(x.country).country) == "CHN") cn = &x;
  REQUIRE(cn != nullptr);
  CHECK(cn->tone.count == static_cast<std::uint32_t>(china_kept));
  CHECK(cn->strength == doctest::Approx(china_strength).epsilon(1e-9));
  // The first and last dates are those of the whole run, whichever half
  // held them.
  CHECK(g.str(cn->tone.first_date) == civil_from_days(first_kept));
  CHECK(g.str(cn->tone.last_date) == civil_from_days(last_kept));
  // The same answer twice (the halves depend on the events alone).
  auto again = find_neighbors(g, g.find("country:PAK"), kept);
  REQUIRE(again.size() == ns.size());
  for (std::size_t i = 0; i < ns.size(); ++i) CHECK(again[i].strength == ns[i].strength);
}
