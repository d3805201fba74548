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
  check(build_timeline(g, pak, rus, TimelinePeriod::month), {{"2024-12", 1, 1, 0},
                                                             {"2025", 1, 1, 0},
                                                             {"2025-01", 2, 1, 1},
                                                             {"2025-02", 1, 1, 0},
                                                             {"undated", 1, 1, 0}});
  check(build_timeline(g, pak, rus, TimelinePeriod::year),
        {{"2024", 1, 1, 0}, {"2025", 4, 3, 1}, {"undated", 1, 1, 0}});
  // Pakistan alone also has the March meeting with China.
  check(build_timeline(g, pak, kNoVertex, TimelinePeriod::year),
        {{"2024", 1, 1, 0}, {"2025", 5, 4, 1}, {"undated", 1, 1, 0}});
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
  EventFilter f;
  f.types = {"meeting"};
  check(build_timeline(g, pak, kNoVertex, TimelinePeriod::month, f),
        {{"2025-01", 1, 1, 0}, {"2025-02", 1, 1, 0}, {"2025-03", 1, 1, 0}, {"undated", 1, 1, 0}});
}
