// queries/changes: ties that appeared, vanished, warmed and cooled between
// two periods, on a store with known shifts; period parsing.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <string>
#include <vector>

#include "graph/fact_json.hpp"
#include "graph/knowledge_graph.hpp"
#include "queries/changes.hpp"

using namespace dipgraph;

namespace {

Fact fact(const std::string& id, const std::string& cameo, const std::string& date,
          const std::string& a, const std::string& b) {
  Fact f;
  std::string err;
  REQUIRE_MESSAGE(
      parse_fact(fmt::format(
                     R"({{"id":"event:{}","type":"x","cameo":"{}","date":"{}","source":[{{"id":"country:{}"}}],"target":[{{"id":"country:{}"}}],"evidence":[{{"article":"a-{}","sentence":0,"start":0,"end":1,"text":"{} {}"}}]}})",
                     id, cameo, date, a, b, id, a, b),
                 f, err),
      err);
  return f;
}

// First half of 1987: USA-IRN talk (043, +2.8), USA-FRA praise (051, +3.4)
// and USA-GBR meetings; second half: USA-IRN fight (190, -10), USA-FRA
// aid (070, +7.0) and a new IRN-IRQ assault; USA-GBR silent.
KnowledgeGraph world() {
  return KnowledgeGraph::build({
      fact("1", "043", "1987-02-10", "USA", "IRN"),
      fact("2", "051", "1987-03", "USA", "FRA"),
      fact("3", "040", "1987-04-01", "USA", "GBR"),
      fact("4", "040", "1987-05-01", "GBR", "USA"),
      fact("5", "190", "1987-10-19", "USA", "IRN"),
      fact("6", "070", "1987-08", "USA", "FRA"),
      fact("7", "180", "1987-09-01", "IRN", "IRQ"),
      fact("8", "180", "1987-09-02", "IRQ", "IRN"),
      fact("9", "043", "1988-01-01", "USA", "GBR"),  // outside both periods
  });
}

}  // namespace

TEST_CASE("changes: appeared, vanished, warmed and cooled ties with their evidence") {
  KnowledgeGraph g = world();
  Changes c = find_changes(g, parse_period("1987-01..1987-06", "--from"),
                           parse_period("1987-07..1987-12", "--to"));
  CHECK(c.facts_before == 4);
  CHECK(c.facts_after == 4);
  REQUIRE(c.appeared.size() == 1);
  CHECK(g.id(c.appeared[0].a) == "country:IRN");
  CHECK(g.id(c.appeared[0].b) == "country:IRQ");
  CHECK(c.appeared[0].after.count == 2);
  CHECK(c.appeared[0].evidence.size() == 2);
  REQUIRE(c.vanished.size() == 1);
  CHECK(c.vanished[0].before.count == 2);  // USA-GBR
  CHECK(g.id(c.vanished[0].evidence[0]).substr(0, 7) == "event:3");
  REQUIRE(c.warmed.size() == 1);  // USA-FRA: +3.4 -> +7.0
  CHECK(c.warmed[0].shift == doctest::Approx(7.0 - 3.4));
  CHECK(g.id(c.warmed[0].evidence[0]) == "event:6");
  REQUIRE(c.cooled.size() == 1);  // USA-IRN: +2.8 -> -10
  CHECK(c.cooled[0].shift == doctest::Approx(-12.8));
  CHECK(c.cooled[0].before.count == 1);
  CHECK(c.cooled[0].after.count == 1);
  CHECK(g.id(c.cooled[0].evidence[0]) == "event:5");
  // top limits each list.
  Changes one = find_changes(g, parse_period("1987", "--from"), parse_period("1988", "--to"), 1);
  CHECK(one.appeared.empty());
  CHECK(one.vanished.size() == 1);  // of USA-FRA, USA-IRN, IRN-IRQ, the one with most facts first
}

TEST_CASE("changes: periods are EDTF ranges or one date; anything else is an error") {
  DateWindow p = parse_period("1987-07..1987-12", "--to");
  CHECK(p.since == "1987-07");
  CHECK(p.until == "1987-12");
  DateWindow y = parse_period("1987", "--from");
  CHECK(y.since == "1987");
  CHECK(y.until == "1987");
  CHECK_THROWS_WITH(parse_period("July", "--from"), doctest::Contains("--from \"July\""));
  CHECK_THROWS_WITH(parse_period("1988..1987", "--to"), doctest::Contains("--to"));
  CHECK_THROWS(parse_period("1987-01..", "--to"));
}
