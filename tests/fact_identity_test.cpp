// fact identity (schema 2): undated facts belong to their article; ids that
// schema 1 computed are migrated on reading; explicit ids that clash are
// reported with both records and never merged.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <string>
#include <vector>

#include "graph/fact.hpp"
#include "graph/fact_json.hpp"
#include "graph/fact_merge.hpp"
#include "graph/fact_store.hpp"
#include "tests/fact_test_util.hpp"

using namespace dipgraph;
using dipgraph::testing::parsed_fact;

namespace {

std::string meeting(const std::string& date, const std::string& article,
                    const std::string& id = "") {
  return fmt::format(
      R"({{{}"type":"meeting","cameo":"040"{},"participants":[{{"id":"country:KEN"}},{{"id":"country:ETH"}}],)"
      R"("evidence":[{{"article":"{}","text":"x"}}]}})",
      id.empty() ? "" : "\"id\":\"" + id + "\",", date.empty() ? "" : ",\"date\":\"" + date + "\"",
      article);
}

// The id schema 1 gave a fact (its key without the article).
std::string schema1_id(const Fact& f) {
  std::string key = f.type +
                    "\x1f"
                    "country:ETH\x1e"
                    "country:KEN\x1e"
                    "\x1f" +
                    f.date + "\x1f";
  return fmt::format("event:{:016x}", fnv1a64(key));
}

}  // namespace

TEST_CASE("fact identity: an undated fact is its article's; a dated one is not") {
  Fact a1 = parsed_fact(meeting("", "story-1")), a1b = parsed_fact(meeting("", "story-1"));
  Fact a2 = parsed_fact(meeting("", "story-2"));
  CHECK(a1.id == a1b.id);
  CHECK(a1.id != a2.id);
  Fact d1 = parsed_fact(meeting("1987-05-01", "story-1")),
       d2 = parsed_fact(meeting("1987-05-01", "story-2"));
  CHECK(d1.id == d2.id);
  CHECK(d1.id == schema1_id(d1));  // dated ids did not change
}

TEST_CASE("fact identity: schema 1 ids of undated facts are migrated on reading") {
  Fact fresh = parsed_fact(meeting("", "story-1"));
  std::string old_id = schema1_id(fresh);
  REQUIRE(old_id != fresh.id);
  CHECK(parsed_fact(meeting("", "story-1", old_id)).id == fresh.id);
  // Two stories that schema 1 folded into one fact come apart.
  CHECK(parsed_fact(meeting("", "story-2", old_id)).id != fresh.id);
  // Any other explicit id is kept, dated or not.
  CHECK(parsed_fact(meeting("", "story-1", "event:mine")).id == "event:mine");
  Fact dated = parsed_fact(meeting("1987-05-01", "story-1"));
  CHECK(parsed_fact(meeting("1987-05-01", "story-1", schema1_id(dated))).id == dated.id);
}

TEST_CASE("fact identity: a clash of explicit ids is reported with both records, not merged") {
  testing::TempDir dir;
  FactStore store(dir.path.string(), true);
  Diagnostics diag(false);
  Fact kept = parsed_fact(R"({"id":"event:x1","type":"sanction","cameo":"163","date":"2022-03-01",
      "source":[{"id":"country:USA"}],"target":[{"id":"country:RUS"}],"evidence":[{"article":"a","text":"s"}]})");
  Fact other = parsed_fact(R"({"id":"event:x1","type":"meeting","cameo":"040","date":"2022-03-01",
      "participants":[{"id":"country:KEN"},{"id":"country:ETH"}],"evidence":[{"article":"b","text":"m"}]})");
  Fact more = parsed_fact(R"({"id":"event:x1","type":"sanction","cameo":"163","date":"2022-03-01",
      "source":[{"id":"country:USA"},{"id":"country:GBR"}],"target":[{"id":"country:RUS"}],"evidence":[{"article":"c","text":"t"}]})");
  AppendStats st = store.append({kept, other, more}, diag);
  CHECK(st.added == 1);
  CHECK(st.rejected == 1);
  CHECK(st.merged == 1);  // the same sanction, with one more party, still merges
  REQUIRE(diag.error_count() == 1);
  std::string msg = diag.all().front().message;
  CAPTURE(msg);
  CHECK(msg.find("type sanction vs meeting") != std::string::npos);
  CHECK(msg.find("country:RUS") != std::string::npos);  // the stored record
  CHECK(msg.find("country:KEN") != std::string::npos);  // the refused one
  std::vector<Fact> facts = FactStore(dir.path.string(), false).load(diag);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].type == "sanction");
  CHECK(facts[0].evidence.size() == 2);
  for (const auto& e : facts[0].evidence) CHECK(e.article != "b");
  // Different dates, or no party in common, clash too.
  CHECK(fact_clash(kept, parsed_fact(R"({"type":"sanction","cameo":"163","date":"2022-04-01",
      "source":[{"id":"country:USA"}],"target":[{"id":"country:RUS"}]})")) ==
        "date 2022-03-01 vs 2022-04-01");
  CHECK(fact_clash(kept, parsed_fact(R"({"type":"sanction","cameo":"163",
      "source":[{"id":"country:FRA"}],"target":[{"id":"country:IRN"}]})")) == "no party in common");
}
