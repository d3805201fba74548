// queries/timeline: bucketing by month and year (coarser dates keep their own
// bucket, undated last), tone and type counts per period, timelines of one
// entity or of a pair.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/timeline.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& id, const std::string& type, const std::string& cameo,
          const std::string& date, const std::string& other = "RUS") {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(
      parse_fact(
          fmt::format(
              R"({{"id":"event:{}","type":"{}","cameo":"{}",{}"source":[{{"id":"country:PAK"}}],"target":[{{"id":"country:{}"}}]}})",
              id, type, cameo, date.empty() ? "" : R"("date":")" + date + "\",", other),
          f, err),
      err);
  return f;
}

std::vector<Fact> sample() {
  return {fact("t1", "meeting", "043", "2025-01-05"),
          fact("t2", "criticism", "111", "2025-01-20"),
          fact("t3", "meeting", "043", "2025-02"),
          fact("t4", "statement", "010", "2025"),
          fact("t5", "meeting", "043", ""),
          fact("t6", "visit", "042", "2024-12-31"),
          fact("t7", "meeting", "043", "2025-03", "CHN")};
}

struct Expect {
  std::string period;
  std::uint32_t count, coop, conflict;
};

void check(const Timeline& t, const std::vector<Expect>& want) {
  REQUIRE(t.periods.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(t.periods[i].period == want[i].period);
    CHECK(t.periods[i].tone.count == want[i].count);
    CHECK(t.periods[i].tone.cooperative() == want[i].coop);
    CHECK(t.periods[i].tone.conflictual() == want[i].conflict);
  }
}

}  // namespace

TEST_CASE("timeline: by month and by year") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  // The statement (t4, CAMEO 010) is neutral: a fact, not cooperation.
  check(build_timeline(g, pak, rus, TimelinePeriod::month), {{"2024-12", 1, 1, 0},
                                                             {"2025", 1, 0, 0},
                                                             {"2025-01", 2, 1, 1},
                                                             {"2025-02", 1, 1, 0},
                                                             {"undated", 1, 1, 0}});
  check(build_timeline(g, pak, rus, TimelinePeriod::year),
        {{"2024", 1, 1, 0}, {"2025", 4, 2, 1}, {"undated", 1, 1, 0}});
  // Pakistan alone also has the March meeting with China.
  check(build_timeline(g, pak, kNoVertex, TimelinePeriod::year),
        {{"2024", 1, 1, 0}, {"2025", 5, 3, 1}, {"undated", 1, 1, 0}});
}

TEST_CASE("timeline: tone and types per period, filter") {
  KnowledgeGraph g = KnowledgeGraph::build(sample());
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  Timeline t = build_timeline(g, pak, rus, TimelinePeriod::month);
  const TimelineBucket& jan = t.periods[2];
  REQUIRE(jan.period == "2025-01");
  CHECK(jan.types ==
        std::vector<std::pair<std::string, std::size_t>>{{"criticism", 1}, {"meeting", 1}});
  CHECK(jan.tone.mean_goldstein() ==
        doctest::Approx(
            (g.vertex(g.find("event:t1")).goldstein + g.vertex(g.find("event:t2")).goldstein) / 2));
  CHECK(t.total.count == 6);
  Timeline year = build_timeline(g, pak, rus, TimelinePeriod::year);
  CHECK(year.periods[1].types == std::vector<std::pair<std::string, std::size_t>>{
                                     {"meeting", 2}, {"criticism", 1}, {"statement", 1}});
  CHECK(year.periods[1].tone.neutral() == 1);  // the statement
  EventFilter f;
  f.types = {"meeting"};
  check(build_timeline(g, pak, kNoVertex, TimelinePeriod::month, f),
        {{"2025-01", 1, 1, 0}, {"2025-02", 1, 1, 0}, {"2025-03", 1, 1, 0}, {"undated", 1, 1, 0}});
}

TEST_CASE("timeline: day, week and quarter periods; empty periods listed as zero") {
  std::vector<Fact> facts = {fact("d1", "meeting", "043", "2025-01-01"),   // Wed, ISO week 1
                             fact("d2", "criticism", "111", "2025-01-20"), // Mon, week 4
                             fact("d3", "meeting", "043", "2025-05"),      // a month
                             fact("d4", "meeting", "043", "2024-12-30")};  // Mon, week 1 of 2025
  KnowledgeGraph g = KnowledgeGraph::build(facts);
  VertexId pak = g.find("country:PAK"), rus = g.find("country:RUS");
  check(build_timeline(g, pak, rus, TimelinePeriod::week),
        {{"2025-W01", 2, 2, 0}, {"2025-W02", 0, 0, 0}, {"2025-W03", 0, 0, 0},
         {"2025-W04", 1, 0, 1}, {"2025-05", 1, 1, 0}});
  check(build_timeline(g, pak, rus, TimelinePeriod::quarter),
        {{"2024-Q4", 1, 1, 0}, {"2025-Q1", 2, 1, 1}, {"2025-Q2", 1, 1, 0}});
  Timeline months = build_timeline(g, pak, rus, TimelinePeriod::month);
  REQUIRE(months.periods.size() == 6);  // 2024-12 .. 2025-05, February to April empty
  CHECK(months.periods[2].period == "2025-02");
  CHECK(months.periods[2].tone.count == 0);
  CHECK_FALSE(months.periods[2].coarse);
  Timeline days = build_timeline(g, pak, rus, TimelinePeriod::day);
  CHECK(days.periods.front().period == "2024-12-30");
  CHECK(days.periods.back().period == "2025-05");  // coarser: its own bucket
  CHECK(days.periods.back().coarse);
  CHECK(days.periods.size() == 23);  // 2024-12-30 .. 2025-01-20 day by day, and 2025-05
  // Counts each way: every fact here is PAK (source) -> RUS (target).
  CHECK(months.periods[1].tone.a_to_b == 2);
  CHECK(months.total.a_to_b == 4);
  CHECK(months.total.b_to_a == 0);
  CHECK(parse_timeline_period("quarter") == TimelinePeriod::quarter);
  CHECK_FALSE(parse_timeline_period("fortnight"));
}
