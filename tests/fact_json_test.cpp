// fact_json: parsing (every error path with its message) and round trips.
#include <doctest/doctest.h>

#include "graph/fact_json.hpp"

using namespace dipgraph;

TEST_CASE("fact_json: a minimal fact gets id, root, quad class and mentions") {
  Fact f;
  std::string err;
  REQUIRE(parse_fact(R"({"type":"meeting","cameo":"043","participants":[{"id":"country:PAK"},{"id":"country:RUS"}],
     "evidence":[{"article":"a1","sentence":0,"start":0,"end":5,"text":"Hello"}]})", f, err));
  CHECK(f.root == "04");
  CHECK(f.quad_class == 1);
  CHECK(f.id.rfind("event:", 0) == 0);
  CHECK(f.mentions == 1);
  CHECK(f.participants[0].kind == ActorKind::country);
  CHECK(f.participants[0].country == "PAK");
}

TEST_CASE("fact_json: round trip keeps every field") {
  Fact f;
  std::string err;
  const char* line =
      R"({"id":"event:x","type":"project","cameo":"061","root":"06","quad_class":2,"goldstein":6.4,)"
      R"("status":"planned","date":"2025-08","source":[],"target":[],"participants":[{"id":"country:PAK","kind":"country","name":"Pakistan","country":"PAK"}],)"
      R"("location":{"name":"Karachi","country":"PAK"},"name":"steel mill","quote":"q\"x","topics":["AFG"],)"
      R"("evidence":[{"article":"a","sentence":2,"start":10,"end":20,"text":"C\u00f4te"}],"confidence":0.75,"mentions":1})";
  REQUIRE(parse_fact(line, f, err));
  std::string out;
  write_fact(f, out);
  Fact g;
  REQUIRE(parse_fact(out, g, err));
  CHECK(g.id == f.id);
  CHECK(g.status == Status::planned);
  CHECK(g.location == f.location);
  CHECK(g.quote == "q\"x");
  CHECK(g.evidence == f.evidence);
  CHECK(g.goldstein == doctest::Approx(6.4));
}

TEST_CASE("fact_json: errors name the problem") {
  struct Case { const char* line; const char* message; };
  const Case cases[] = {
      {"{", "not JSON"},
      {"[1]", "not a JSON object"},
      {R"({"participants":[{"id":"country:PAK"}]})", "missing \"type\""},
      {R"({"type":"meeting"})", "no actors"},
      {R"({"type":"meeting","participants":[{"name":"x"}]})", "missing \"id\" in \"participants\"[0]"},
      {R"({"type":"meeting","status":"maybe","participants":[{"id":"country:PAK"}]})", "unknown \"status\""},
      {R"({"type":"meeting","date":"2025-13","participants":[{"id":"country:PAK"}]})", "not an EDTF date"},
      {R"({"type":"meeting","cameo":"4x","participants":[{"id":"country:PAK"}]})", "not a 2-4 digit CAMEO code"},
      {R"({"type":"meeting","goldstein":11,"participants":[{"id":"country:PAK"}]})", "\"goldstein\" is 11"},
      {R"({"type":"meeting","participants":[{"id":"alien:x"}]})", "unknown actor kind"},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}],"evidence":[{"article":"a","start":5,"end":1}]})", "\"end\" before \"start\""},
      {R"({"type":"meeting","participants":[{"id":"country:PAK"}]} x)", "not JSON"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    Fact f;
    std::string err;
    CHECK_FALSE(parse_fact(c.line, f, err));
    CHECK(err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("fact_json: EDTF dates") {
  for (const char* ok : {"2025", "2025-08", "2025-07-10", "197X", "19XX"}) CHECK(is_edtf_date(ok));
  for (const char* bad : {"25", "2025-8", "2025-02-30", "X970", "2025-07-10T00", "1X7X"})
    CHECK_FALSE(is_edtf_date(bad));
}
